#!/bin/bash
# Boot a profile's kernel under qemu-system-x86_64 (TCG), run guest test
# suites, and judge the run: every KTAP result must pass, at least one
# must, and the console must show no panic, oops, BUG: or WARNING:.
#
# usage: qemu.sh OBJDIR RUN_NAME "SUITES" ["EXTRA KERNEL ARGS"]
# environment: ICOUNT=1 for deterministic guest time, CPUS (virtual CPUs,
# 1 by default; more run on as many host threads), TIMEOUT (seconds),
# RESULTS (directory that gets RUN_NAME.result: "passed failed"),
# EXPECT, what the run must show instead of a clean console: "panic: MSG"
# (it passes only if it ends in a panic with MSG after /init started),
# "boot panic: MSG" (a panic with MSG at any time), "warning: MSG" (the
# suites pass; WARNINGs are allowed, at least one, each right after a line
# with MSG), KERNEL (the kernel to boot, the profile's bzImage by default).
set -uo pipefail

obj=$(realpath "$1")
name=$2
suites=$3
extra=${4:-}
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$obj/runs/$name
timeout=${TIMEOUT:-600}
profile=$(basename "$obj")

mkdir -p "$dir"
rm -f "$dir"/*.log "$dir"/*.raw
cpus=${CPUS:-1}
# One CPU per socket: without ACPI the guest finds its CPUs in SeaBIOS's MP
# table, which lists only the first core of each socket.
opts=(-smp "$cpus,sockets=$cpus")
smp=
[ "$cpus" -gt 1 ] && smp=", $cpus CPUs"
# -icount needs one host thread for all CPUs; otherwise each CPU has its own.
if [ "${ICOUNT:-0}" = 1 ]; then
	opts+=(-icount "shift=1,sleep=off")
elif [ "$cpus" -gt 1 ]; then
	opts+=(-accel "tcg,thread=multi")
fi

echo "  BOOT    $profile/$name: $suites${extra:+ ($extra)}$smp"
start=$(date +%s)
timeout --foreground "$timeout" qemu-system-x86_64 \
	-nodefaults -machine pc -cpu "${QEMU_CPU:-max}" -m 1G \
	-display none -no-reboot "${opts[@]}" \
	-kernel "${KERNEL:-$obj/arch/x86/boot/bzImage}" -initrd "$obj/initramfs.cpio" \
	-append "console=ttyS0 panic=-1 oops=panic log_buf_len=1M $extra wb.cpus=$cpus wb.tests=${suites// /,}" \
	-serial "file:$dir/console.log" -serial "file:$dir/ktap.raw" \
	</dev/null >"$dir/qemu.log" 2>&1
rc=$?

problems=()
[ $rc = 124 ] && problems+=("TIMEOUT after ${timeout}s")
[ $rc != 0 ] && [ $rc != 124 ] && problems+=("qemu exited with $rc: $(tail -n 3 "$dir/qemu.log")")

# The guest's serial line ends lines with CR LF. No file: QEMU never started.
touch "$dir/ktap.raw" "$dir/console.log"
tr -d '\r' <"$dir/ktap.raw" >"$dir/ktap.log"

expect=${EXPECT:-}
case $expect in
"panic: "*|"boot panic: "*)
	# A run meant to end in a panic: its one result is that panic (after
	# /init started, for "panic:"), with nothing else wrong before it.
	want=${expect#*panic: }
	after_init=1
	[ "${expect%%panic: *}" = "boot " ] && after_init=0
	where=
	[ $after_init = 1 ] && where=" after /init started"
	first=$(tr -d '\r' <"$dir/console.log" | awk -v want="Kernel panic - not syncing: $want" -v after_init=$after_init '
		/Run \/init as init process/ { init = 1 }
		index($0, want) { if (init || !after_init) print "expected"; exit }
		/Kernel panic|Oops|BUG:|WARNING:|general protection fault/ { print; exit }')
	if [ "$first" = expected ]; then
		passed=1 failed=0
		echo "    ok 1 the kernel panicked$where: $want"
	else
		passed=0 failed=0
		problems+=("no panic \"$want\"$where${first:+; first trouble: $first}")
	fi ;;
*)
	# Trouble on the console. With "warning: MSG", a WARNING whose
	# message (the line before it) has MSG is expected, and so is its
	# report up to "end trace"; at least one must be there.
	want=
	[ -n "$expect" ] && want=${expect#warning: }
	bad=$(tr -d '\r' <"$dir/console.log" | awk -v want="$want" '
		function trouble(line) { if (n++ < 5) print NR ": " line }
		/WARNING:/ {
			if (want != "" && index(prev, want)) { warned++; report = 1 }
			else trouble($0)
		}
		/---\[ end trace/ { report = 0 }
		/Kernel panic|Oops|BUG:|general protection fault/ { trouble($0) }
		/Call Trace/ && !report { trouble($0) }
		{ prev = $0 }
		END { if (want != "" && !warned) print "no WARNING after \"" want "\"" }')
	[ -n "$bad" ] && problems+=("console: $bad")

	# Leaf results are the indented ones; top-level lines are per suite.
	passed=$(grep -c -E '^ +ok ' "$dir/ktap.log")
	failed=$(grep -c -E '^ +not ok ' "$dir/ktap.log")
	plan=$(sed -n 's/^1\.\.//p' "$dir/ktap.log")
	suites_done=$(grep -c -E '^(not )?ok ' "$dir/ktap.log")
	[ "$passed" = 0 ] && problems+=("no test passed")
	[ "${plan:-x}" != "$suites_done" ] && problems+=("${suites_done} of ${plan:-?} suites reported")
	;;
esac

grep -E '^ *not ok |^ *# ' "$dir/ktap.log" | grep -B0 -A8 'not ok' | sed 's/^/    /'
if [ ${#problems[@]} -gt 0 ]; then
	printf '    FAIL: %s\n' "${problems[@]}"
	failed=$((failed + 1))
fi
echo "  RESULT  $profile/$name: $passed passed, $failed failed in $(($(date +%s) - start))s (logs: ${dir#"$top/"})"
if [ -n "${RESULTS:-}" ]; then
	mkdir -p "$RESULTS"
	echo "$passed $failed" >"$RESULTS/$profile-$name.result"
fi
[ "$failed" = 0 ]
