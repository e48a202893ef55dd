#!/bin/bash
# Source reuse: kernel B's own fips140.ko built from the crypto sources of
# kernel A, frozen. Kernel A is the series on linux-source-6.1
# CERTIFIED_VERSION, built in the profile of OBJDIR with make
# fips140_build (as tests/host/fips140-reuse.sh does); the profile's own
# build is kernel B. make fips140_source_check must refuse B as it is,
# naming the files of the boundary that differ from A's, if any. Tree B'
# is TREE with the files of A's boundary copied in from A's tree: built in
# the profile (BUILD/PROFILE-frozen-CERTIFIED_VERSION), the check must pass
# there, and B' must pass the suites a fresh build passes, with fips=1
# and without.
#
# usage: fips140-source-reuse.sh TREE OBJDIR RESULT_FILE CERTIFIED_VERSION
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
version=$4
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
build=$(dirname "$obj")
check=$tree/scripts/fips140-check.sh
tree_b=$build/linux-frozen-$version
obj_b=$build/$profile-frozen-$version

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"

kernel_a "$version" "$profile" "$build"

# The files of A's boundary, as fips140-check.sh sources takes them
boundary=$(awk '$1 == "source" && ($3 !~ /^include\// || $3 ~ /^include\/crypto\//) &&
	$3 !~ /^arch\/[^\/]*\/include\// { print $3 }' "$set_a/manifest")
echo "# A: $(echo "$boundary" | wc -l) files in the boundary of its set"

# source_check TREE OBJDIR: make fips140_source_check against A's set;
# its output is in OBJDIR/build.log
source_check() {
	TARGETS="fips140_source_check FIPS140_SET=$set_a" \
		"$top/scripts/kernel.sh" "$profile" "$1" "$2" >/dev/null 2>&1
}

source_check "$tree" "$obj"
status=$?
out=$(grep -e '^changed ' -e '^added ' -e '^removed ' -e '^fips140-check: ' "$obj/build.log")
printf '%s\n' "$out" | sed 's/^/# B: /'
differ=$(printf '%s\n' "$out" | grep -c -e '^changed ' -e '^added ' -e '^removed ')
if ! printf '%s\n' "$out" | grep -q '^fips140-check: [0-9]* of the [1-9][0-9]* files'; then
	false
elif [ "$differ" = 0 ]; then
	[ $status = 0 ]
else
	[ $status != 0 ]
fi
result $? "make fips140_source_check in B, as it is: $differ files of A's boundary differ" \
	"$(tail -n 5 "$obj/build.log")"

# Tree B': TREE's commit with A's boundary, made again when either changes.
stamp=$(git -C "$tree" rev-parse HEAD; sha256sum <"$set_a/manifest")
out=
if [ "$(cat "$tree_b/.stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$tree_b" && mkdir -p "$tree_b" &&
	git -C "$tree" archive HEAD | tar -x -C "$tree_b" &&
	out=$(cd "$tree_a" && echo "$boundary" | xargs cp --parents -t "$tree_b" 2>&1) &&
	echo "$stamp" >"$tree_b/.stamp"
fi
required $? "B': the series on B's source with A's boundary copied in" "$out"

out=$("$top/scripts/kernel.sh" "$profile" "$tree_b" "$obj_b" 2>&1 &&
	"$top/scripts/initramfs.sh" "$tree_b" "$obj_b" "$obj_b/initramfs.cpio" 2>&1)
required $? "B' built, with its own fips140.ko" "$out"

source_check "$tree_b" "$obj_b"
status=$?
out=$(grep -e '^changed ' -e '^added ' -e '^removed ' -e '^fips140-check: ' "$obj_b/build.log")
printf '%s\n' "$out" | sed "s/^/# B': /"
[ $status = 0 ] && printf '%s\n' "$out" | grep -q '^fips140-check: 0 of the [1-9][0-9]* files'
result $? "make fips140_source_check in B': its boundary is A's, byte for byte" \
	"$(tail -n 5 "$obj_b/build.log")"

out=$("$check" report "$set_a" "$tree_a" "$tree_b" 2>&1)
printf '%s\n' "$out" | grep '^fips140-check: ' | sed "s/^/# report A B': /"

# boot RUN SUITES ARGS
boot() {
	out=$(RESULTS=$obj_b/runs "$top/scripts/qemu.sh" "$obj_b" "$1" "$2" "$3" 2>&1)
	result $? "B' boots: $2${3:+ [$3]}" "$out"
}
boot frozen-fips "boot fips kcapi dmcrypt extmod fips140set" fips=1
boot frozen "boot crypto modules kcapi dmcrypt extmod tcrypt fips140set" ""

finish
