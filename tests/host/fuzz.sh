#!/bin/bash
# The libFuzzer harnesses of fuzz/ on a built profile with MODULE_HASHES:
# they build with clang, AddressSanitizer and UBSan; every regression
# input of fuzz/regressions/HARNESS/ runs clean; each harness then fuzzes
# for SECONDS over its corpus, build/fuzz/corpus/HARNESS, seeded from the
# profile's installed modules (decompressed, as the kernel receives them;
# for modproof also as installed, and the root in a small ELF file), and
# finds nothing. A crash leaves its
# input in build/fuzz/crashes/.
#
# usage: fuzz.sh TREE OBJDIR RESULT_FILE [SECONDS]
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
seconds=${4:-10}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/fuzz
mods=$(echo "$obj"/initramfs/lib/modules/*/kernel)

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
log=$(make -s -C "$top/fuzz" TREE="$tree" OUT="$out" 2>&1)
result $? "the harnesses build (clang, ASan, UBSan)" "$log"

[ -d "$mods" ] && [ -f "$obj/modules.hashes" ]
result $? "the profile has installed modules and modules.hashes" "$mods"

# Seeds: every installed module, decompressed; modproof also gets them as
# installed, compressed, and the root in a small ELF file.
seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$seeds/kernel-auth" "$seeds/modproof" "$out/crashes"
while IFS= read -r -d '' f; do
	name=${f#"$mods/"}
	name=${name//\//_}
	case $f in
	*.xz) xz -dc "$f" >"$seeds/kernel-auth/${name%.xz}" ;;
	*.gz) gzip -dc "$f" >"$seeds/kernel-auth/${name%.gz}" ;;
	*.zst) zstd -qdc "$f" >"$seeds/kernel-auth/${name%.zst}" ;;
	*) cp "$f" "$seeds/kernel-auth/$name" ;;
	esac
	cp "$f" "$seeds/modproof/$name"
done < <(find "$mods" -name '*.ko*' -print0)
python3 "$top/fuzz/small-elf.py" "$obj/modules.hashes" "$seeds/modproof/root.elf"
result $? "$(find "$seeds/kernel-auth" -type f | wc -l) modules as seeds" ""

export FUZZ_ROOT=$obj/modules.hashes
log=$(FUZZ_EXPECT_AUTHENTICATED=1 "$out/kernel-auth" -runs=1 "$seeds"/kernel-auth/* 2>&1)
result $? "kernel-auth: every seed is authenticated by the kernel's code, against the profile's root" \
	"$(tail -n 20 <<<"$log")"

for harness in kernel-auth modproof; do
	regressions=$top/fuzz/regressions/$harness
	if [ -d "$regressions" ]; then
		log=$("$out/$harness" -runs=1 "$regressions"/* 2>&1)
		result $? "$harness: the $(find "$regressions" -type f | wc -l) regression inputs run clean" \
			"$(tail -n 20 <<<"$log")"
	fi
	mkdir -p "$out/corpus/$harness"
	log=$("$out/$harness" -max_total_time="$seconds" -print_final_stats=1 \
		-artifact_prefix="$out/crashes/$harness-" \
		"$out/corpus/$harness" "$seeds/$harness" 2>&1)
	rc=$?
	stats=$(grep -E '^stat::(number_of_executed_units|average_exec_per_sec)' <<<"$log" |
		sed 's/^stat:://; s/: */=/' | paste -sd' ')
	result $rc "$harness: ${seconds}s over its corpus, nothing found ($stats)" \
		"$(grep -E -A12 'ERROR|SUMMARY|Test unit written' <<<"$log" | head -n 30)"
	echo "# $harness: $stats"
done

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
