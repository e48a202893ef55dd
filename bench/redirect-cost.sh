#!/bin/bash
# What a call from vmlinux into fips140.ko costs: the static call
# trampoline the series uses, against a trampoline that jumps through a
# pointer (bench/redirect-cost/pointer-trampolines.patch, what the series
# had before it used static calls) and against the built-in call
# of the same configuration without CONFIG_CRYPTO_FIPS140_EXTMOD. Each
# kernel is the default profile plus bench/redirect-cost/timing-loop.patch
# (N calls of crypto_inc() from a late initcall), built once as the
# profiles are and once with CONFIG_CPU_MITIGATIONS=y (retpolines, as
# distribution kernels), and booted under -icount (shift=1, sleep=off:
# guest time a function of the instructions executed). Then the same
# trampoline shapes in user space on this machine's CPU
# (bench/redirect-cost/trampolines.c).
#
# usage: bench/redirect-cost.sh [OUTDIR [CALLS]]
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD
out=$(realpath -m "${1:-build/bench/redirect-cost}")
calls=${2:-10000000}

die() { echo "redirect-cost: $*" >&2; exit 1; }
[ -d build/linux/.git ] || die "no kernel tree: run 'make tree'"

# The tree is a sibling of the output directories, as build/linux is of
# build/<profile>, so that ccache sees the same relative paths.
tree=$out/linux
mkdir -p "$out"
[ -d "$tree" ] || git -C build/linux worktree add -q --detach "$tree"
git -C "$tree" reset -q --hard
git -C "$tree" clean -qfdx
git -C "$tree" checkout -q --detach "$(git -C build/linux rev-parse HEAD)"

cp configs/fragments/extmod-off.config "$out/extmod-off.config"
echo "CONFIG_CPU_MITIGATIONS=y" >"$out/mitigations.config"
cat "$out/extmod-off.config" "$out/mitigations.config" >"$out/extmod-off-mitigations.config"

build() {	# NAME [FRAGMENT]
	scripts/kernel.sh default "$tree" "$out/$1" ${2:+"$2"} >/dev/null
	scripts/initramfs.sh "$tree" "$out/$1" "$out/$1/initramfs.cpio" >/dev/null
}

git -C "$tree" apply "$top/bench/redirect-cost/timing-loop.patch"
build builtin "$out/extmod-off.config"
build static-call
build builtin-mitigations "$out/extmod-off-mitigations.config"
build static-call-mitigations "$out/mitigations.config"
git -C "$tree" apply "$top/bench/redirect-cost/pointer-trampolines.patch" ||
	die "bench/redirect-cost/pointer-trampolines.patch does not apply to the series"
build pointer
build pointer-mitigations "$out/mitigations.config"

for v in builtin pointer static-call builtin-mitigations pointer-mitigations \
	 static-call-mitigations; do
	ICOUNT=1 scripts/qemu.sh "$out/$v" bench boot "fips140_bench.calls=$calls" >/dev/null || true
	line=$(grep -o 'fips140_bench: .*' "$out/$v/runs/bench/console.log") ||
		die "$v: no fips140_bench line in $out/$v/runs/bench/console.log"
	v2=$(grep -o 'Spectre V2 : .*' "$out/$v/runs/bench/console.log" | head -n 1 || true)
	echo "$v $line${v2:+ ($v2)}"
done

# The same shapes on this machine's CPU, in user space.
gcc -O2 -Wall -o "$out/trampolines" bench/redirect-cost/trampolines.c
"$out/trampolines"
