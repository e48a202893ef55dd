#!/bin/bash
# The initcalls of fips140.ko run where they ran built in: the profile
# against the same configuration with CONFIG_CRYPTO_FIPS140_EXTMOD off
# (configs/fragments/extmod-off.config, built in OBJDIR-extmod-off), both
# booted with initcall_debug on 1 and 2 CPUs, must list the same initcalls
# in the same order, the loader's own entries (fips140_slot_*) aside, and
# those of the module's copy of library code (fips140-lib.o), which
# vmlinux's copy runs too.
#
# usage: initcall-order.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
off=$obj-extmod-off

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
mkdir -p "$off" "$obj/runs"
out=$("$top/scripts/kernel.sh" "$profile" "$tree" "$off" "$top/configs/fragments/extmod-off.config" 2>&1 &&
	"$top/scripts/initramfs.sh" "$tree" "$off" "$off/initramfs.cpio" 2>&1)
result $? "$profile built with CONFIG_CRYPTO_FIPS140_EXTMOD off" "$out"

# initcalls OBJDIR RUN: the functions the kernel ran as initcalls, in
# order, until it started /init; a module's are marked [fips140].
initcalls() {
	sed -n '/Run \/init as init process/q
		s/\r$//
		s/.*calling  \([^+ ]*\)+0x[0-9a-f]*\/0x[0-9a-f]*\( \[[^]]*\]\)\{0,1\} @ 1$/\1\2/p' \
		"$1/runs/$2/console.log"
}

# The functions of the module's copy of lib/crypto and lib/mpi, the parts
# of fips140-lib.o
nm --defined-only "$obj"/crypto/fips140/lib-*.o "$obj"/crypto/fips140/mpi-*.o 2>/dev/null |
	awk '$2 ~ /^[tT]$/ { print $3 " [fips140]" }' | sort -u >"$obj/runs/initcalls.lib"

for cpus in 1 2; do
	for o in "$obj" "$off"; do
		out=$(CPUS=$cpus "$top/scripts/qemu.sh" "$o" "initcalls-$cpus" boot \
			"initcall_debug ignore_loglevel" 2>&1)
		result $? "$(basename "$o") boots with initcall_debug on $cpus CPU(s)" "$out"
	done
	initcalls "$obj" "initcalls-$cpus" >"$obj/runs/initcalls-$cpus/initcalls.on"
	initcalls "$off" "initcalls-$cpus" >"$obj/runs/initcalls-$cpus/initcalls.off"
	on=$obj/runs/initcalls-$cpus/initcalls.on
	module=$(grep -c ' \[fips140\]$' "$on")
	slots=$(grep -c '^fips140_slot_' "$on")
	copies=$(grep -Fxf "$obj/runs/initcalls.lib" "$on" | tr '\n' ' ')
	echo "# $cpus CPU(s): $(grep -c . "$obj/runs/initcalls-$cpus/initcalls.off") initcalls with the feature off;" \
		"on, $module of them from fips140.ko, $slots of the loader's slots," \
		"and the library copy's ${copies:-none}"
	[ "$module" -gt 0 ] && [ "$slots" -gt 0 ]
	result $? "$cpus CPU(s): the module's initcalls and the loader's slots are listed"
	diff=$(diff -U 3 "$obj/runs/initcalls-$cpus/initcalls.off" \
		<(grep -v '^fips140_slot_' "$on" | grep -vFxf "$obj/runs/initcalls.lib" |
		  sed 's/ \[fips140\]$//'))
	result $? "$cpus CPU(s): the same initcalls in the same order, off and on" "$diff"
done

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
