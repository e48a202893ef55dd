#!/bin/bash
# What reusing a module costs kernel B: the hashes profile built from an
# empty output directory with ccache off, as it is (B's own fips140.ko),
# with kernel A's set (CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE) and with both
# modules (CONFIG_CRYPTO_FIPS140_DUAL_VERSION); the sizes of the three
# kernels; and the dual-version kernel booted under -icount (shift=1,
# sleep=off) with fips=1 (A's module) and without (its own), with
# tests/guest/extmodcost.sh as the only suite.
#
# usage: [VARIANTS="own source dual"] bench/reuse-cost.sh [SET [OUTDIR]]
# SET: kernel A's fips140_build/ (by default that of the fips140-reuse
# check, build/hashes-6.1.192-1/fips140_build). The boots need "dual".
set -euo pipefail
cd "$(dirname "$0")/.."
set_a=$(realpath "${1:-build/hashes-6.1.192-1/fips140_build}")
out=$(realpath -m "${2:-build/bench/reuse}")
tree=build/linux

[ -f "$set_a/manifest" ] || { echo "no kernel A set at $set_a" >&2; exit 1; }
mkdir -p "$out"
: >"$out/own.config"
variants=${VARIANTS:-own source dual}
for v in $variants; do
	rm -rf "${out:?}/$v" && mkdir -p "$out/$v"
	fragment=$out/own.config
	[ "$v" = own ] || { cp -a "$set_a" "$out/$v/fips140_build"; fragment=configs/fragments/extmod-$v.config; }
	CCACHE_DISABLE=1 scripts/kernel.sh hashes "$tree" "$out/$v" "$fragment" |
		sed -n "s/^  BUILT   hashes/$v: build/p"
	read -r text data bss _ < <(size "$out/$v/vmlinux" | tail -n 1)
	echo "$v: vmlinux text=$text data=$data bss=$bss" \
		"bzImage=$(stat -c %s "$out/$v/arch/x86/boot/bzImage")"
done

case " $variants " in *" dual "*) ;; *) exit 0 ;; esac
scripts/initramfs.sh "$tree" "$out/dual" "$out/dual/initramfs.cpio" >/dev/null
for args in fips=1 ""; do
	run=extmodcost${args:+-fips}
	ICOUNT=1 scripts/qemu.sh "$out/dual" "$run" extmodcost "$args" >/dev/null || true
	sed -n "s/^ *# extmodcost /dual ${args:-no-fips} /p" "$out/dual/runs/$run/ktap.log"
	grep -h 'fips140: embedded fips140.ko' "$out/dual/runs/$run/console.log" |
		sed "s/^/dual ${args:-no-fips} /"
done
