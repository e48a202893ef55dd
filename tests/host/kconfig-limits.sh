#!/bin/bash
# What CONFIG_CRYPTO_FIPS140_EXTMOD cannot be built with: the profile's
# configuration (which has the option: its build checked that) plus
# X86_KERNEL_IBT (the trampolines into the module have no ENDBR) or
# TRIM_UNUSED_KSYMS (it would drop the exports only vmlinux uses) must
# come out without the option, and with the added option on.
#
# usage: kconfig-limits.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
scratch=$obj/kconfig-limits

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

value() { sed -n "s/^CONFIG_$1=//p" "$2"; }

echo "KTAP version 1"
[ "$(value CRYPTO_FIPS140_EXTMOD "$obj/.config")" = y ]
result $? "$profile's configuration has CRYPTO_FIPS140_EXTMOD"
for opt in X86_KERNEL_IBT TRIM_UNUSED_KSYMS; do
	dir=$scratch/$opt
	mkdir -p "$dir"
	echo "CONFIG_$opt=y" >"$dir/extra.config"
	# Lenient: the profile's CRYPTO_FIPS140_EXTMOD=y is expected to go.
	KCONFIG_LENIENT=1 KCONFIG_ONLY=1 "$top/scripts/kernel.sh" "$profile" "$tree" "$dir/obj" \
		"$dir/extra.config" >"$dir/log" 2>&1
	got="extmod=$(value CRYPTO_FIPS140_EXTMOD "$dir/obj/.config") option=$(value "$opt" "$dir/obj/.config")"
	[ "$got" = "extmod= option=y" ]
	result $? "with $opt=y, CRYPTO_FIPS140_EXTMOD is off" "got: $got
$(cat "$dir/log")"
done
rm -rf "$scratch"

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
