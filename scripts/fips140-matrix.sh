#!/bin/bash
# The reuse matrix: which Debian release's fips140.ko may run on which
# later release's kernel. Builds the series on each release's
# linux-source-6.1 in PROFILE with make fips140_build (as kernel A of
# tests/host/fips140-reuse.sh), then for every older-to-newer pair runs
# TREE's checker on the older set against the newer kernel, by symbol
# version (fips140-check.sh abi) and by type (fips140-check.sh types), and
# writes the table to OUT/matrix.md, each run's output beside it.
# The release MATRIX_BASE is TREE's: its kernel is the profile's own
# build, in build/PROFILE. MATRIX_BUILD=0 compares what is built, as it
# is; MATRIX_COMPARE=0 only builds.
#
# usage: fips140-matrix.sh PROFILE TREE OUT RELEASE...
set -uo pipefail

profile=$1
tree=$(realpath "$2")
out=$3
shift 3
check=$tree/scripts/fips140-check.sh
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
result=$out/build.result
mkdir -p "$out"
out=$(realpath "$out")
# shellcheck source=tests/host/lib.sh
. "$top/tests/host/lib.sh"

# The object tree of release $1
obj_of() {
	if [ "$1" = "${MATRIX_BASE:-}" ]; then
		echo "$build/$profile"
	else
		echo "$build/$profile-$1"
	fi
}

# Built in the order given, compared oldest first.
mapfile -t releases < <(printf '%s\n' "$@" | sort -V)
for v in "$@"; do
	[ "${MATRIX_BUILD:-1}" = 0 ] && break
	echo "  MATRIX  build $v"
	start=$(date +%s)
	if [ "$v" = "${MATRIX_BASE:-}" ]; then
		TARGETS=fips140_build "$top/scripts/kernel.sh" "$profile" "$tree" "$(obj_of "$v")"
	else
		( kernel_a "$v" "$profile" "$build" )
	fi >"$out/build-$v.log" 2>&1
	grep -e '^not ok' -e '^# A:' "$out/build-$v.log"
	echo "  MATRIX  $v: $(( $(date +%s) - start ))s"
done
[ "${MATRIX_COMPARE:-1}" = 0 ] && exit 0

row() {
	local a=$1 b=$2 set obj abi types crc typ
	set=$(obj_of "$a")/fips140_build
	obj=$(obj_of "$b")
	abi=$out/$a-$b.abi
	types=$out/$a-$b.types
	if [ ! -f "$set/manifest" ] || [ ! -f "$obj/vmlinux" ]; then
		echo "| $a | $b | not built | not built | | | | |"
		return
	fi
	(cd "$obj" && "$check" abi "$set" .) >"$abi" 2>&1
	crc=$(sed -n 's/^fips140-check: .* options differ: //p' "$abi")
	PAHOLE=pahole "$check" types "$set" "$obj" >"$types" 2>&1
	typ=$(sed -n 's/^fips140-types: .*: //p' "$types")
	[ -n "$typ" ] || typ="refused: $(tail -n 1 "$types")"
	printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$a" "$b" "${crc:-$(tail -n 1 "$abi")}" \
		"$typ" \
		"$(sed -n 's/^fips140-types: .*, \([0-9]*\) types reached (\([0-9]*\) structs.*/\1 (\2)/p' "$types")" \
		"$(sed -n 's/^fips140-types: .* \([0-9]*\) changed,.*/\1/p' "$types")" \
		"$(sed -n 's/^fips140-types: .* \([0-9]*\) symbols not comparable.*/\1/p' "$types")" \
		"$(sed -n 's/^change \([^:]*\):.*/\1/p' "$types" | uniq | paste -sd, - | sed 's/,/, /g')"
}

{
	echo "| A (set built on) | B (kernel) | by symbol version | by type | types in the interface (structs, unions, enums) | changed | symbols not comparable | changed types |"
	echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
	for ((i = 0; i < ${#releases[@]}; i++)); do
		for ((j = i + 1; j < ${#releases[@]}; j++)); do
			row "${releases[i]}" "${releases[j]}"
		done
	done
} >"$out/matrix.md"
cat "$out/matrix.md"
