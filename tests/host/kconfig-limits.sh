#!/bin/bash
# What CONFIG_CRYPTO_FIPS140_EXTMOD cannot be built with: the profile's
# configuration plus X86_KERNEL_IBT (the trampolines into the module have
# no ENDBR) or TRIM_UNUSED_KSYMS (it would drop the exports only vmlinux
# uses) must come out without the option, and the profile's own with it.
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

# extmod_with [OPTION]: the value of CRYPTO_FIPS140_EXTMOD in the
# profile's configuration with OPTION=y merged last ("unset" if none),
# and whether OPTION itself stayed on.
extmod_with() {
	local dir=$scratch/${1:-none} frag
	rm -rf "$dir"
	mkdir -p "$dir"
	frag=$dir/extra.config
	: >"$frag"
	[ -n "${1:-}" ] && echo "CONFIG_$1=y" >"$frag"
	make -s -C "$tree" O="$dir" tinyconfig >/dev/null 2>&1
	(cd "$dir" && "$tree/scripts/kconfig/merge_config.sh" -m -O "$dir" "$dir/.config" \
		"$top/configs/base.config" "$top/configs/crypto.config" \
		"$top/configs/$profile.config" "$frag") >/dev/null 2>&1
	make -s -C "$tree" O="$dir" olddefconfig >/dev/null 2>&1
	echo "extmod=$(sed -n 's/^CONFIG_CRYPTO_FIPS140_EXTMOD=//p' "$dir/.config")" \
		"option=$([ -z "${1:-}" ] || sed -n "s/^CONFIG_$1=//p" "$dir/.config")"
}

echo "KTAP version 1"
got=$(extmod_with)
[ "$got" = "extmod=y option=" ]
result $? "$profile's configuration has CRYPTO_FIPS140_EXTMOD" "$got"
for opt in X86_KERNEL_IBT TRIM_UNUSED_KSYMS; do
	got=$(extmod_with "$opt")
	[ "$got" = "extmod= option=y" ]
	result $? "with $opt=y, CRYPTO_FIPS140_EXTMOD is off" "got: $got"
done
rm -rf "$scratch"

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
