#!/bin/bash
# Build time of the default profile with MODULE_HASHES (as configured) and
# without it (the same profile with the option off), each from an empty
# output directory with ccache off, then the time of modules_install
# (which appends the proofs when the option is on). Needs an idle machine.
#
# usage: bench/build-time.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/bench/build-time}")
tree=build/linux

mkdir -p "$out"
echo "# CONFIG_MODULE_HASHES is not set" > "$out/hashes-off.config"
: > "$out/hashes-on.config"

for v in hashes-on hashes-off; do
	rm -rf "${out:?}/$v"
	CCACHE_DISABLE=1 scripts/kernel.sh default "$tree" "$out/$v" \
		"$out/$v.config" | sed -n "s/^  BUILT   default/$v: build/p"
	start=$(date +%s%N)
	make -s -C "$tree" O="$out/$v" INSTALL_MOD_PATH="$out/$v/install" \
		modules_install >/dev/null
	ms=$(( ($(date +%s%N) - start) / 1000000 ))
	echo "$v: modules_install in $((ms / 1000)).$(printf %03d $((ms % 1000)))s," \
		"$(find "$out/$v/install" -name '*.ko*' | wc -l) modules"
done
