#!/bin/bash
# What the standalone crypto module costs: the default profile (built by
# make test or make kernel) against the same configuration with
# CONFIG_CRYPTO_FIPS140_EXTMOD off, built here. Boots both under -icount
# (shift=1, sleep=off: guest time a function of the instructions
# executed) with tests/guest/extmodcost.sh, prints its figures, and the
# sizes of vmlinux, bzImage and fips140.ko.
#
# usage: bench/extmod-cost.sh [OFF_OBJDIR]
# (build/default-extmod-off by default, which tests/host/initcall-order.sh
# builds too)
set -euo pipefail
cd "$(dirname "$0")/.."
off=$(realpath -m "${1:-build/default-extmod-off}")
tree=build/linux

mkdir -p "$off"
make -s initramfs PROFILE=default >/dev/null
scripts/kernel.sh default "$tree" "$off" configs/fragments/extmod-off.config >/dev/null
scripts/initramfs.sh "$tree" "$off" "$off/initramfs.cpio" >/dev/null

for v in extmod-on extmod-off; do
	obj=$off
	[ $v = extmod-on ] && obj=build/default
	ICOUNT=1 scripts/qemu.sh "$obj" extmodcost extmodcost >/dev/null || true
	sed -n "s/^ *# extmodcost /$v /p" "$obj/runs/extmodcost/ktap.log"
	read -r text data bss _ < <(size "$obj/vmlinux" | tail -n 1)
	echo "$v vmlinux text=$text data=$data bss=$bss" \
		"bzImage=$(stat -c %s "$obj/arch/x86/boot/bzImage")" \
		"fips140.ko=$(stat -c %s "$obj/crypto/fips140/fips140.ko" 2>/dev/null || echo none)"
done
