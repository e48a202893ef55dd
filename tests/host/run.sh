#!/bin/bash
# Host tests, as KTAP: the base is the pinned one, the work tree is the
# series on it, every patch is checkpatch-clean, the export of the work
# tree gives back patches/ byte for byte, the first-run path works in a
# fresh clone (tests/host/first-run.sh), the dual version's trampolines
# cover both modules (tests/host/dual-redirect.sh), the type check of a
# set against a kernel gives its verdicts on small objects
# (tests/host/fips140-types.sh), the test matrix reads, and the
# workbench's shell scripts pass shellcheck.
#
# usage: run.sh TREE BASE_VERSION RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
version=$2
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
deb=build/cache/linux-source-6.1_${version}_all.deb
out=$(grep "  ${deb##*/}\$" base/SHA256SUMS | sed "s|  |  build/cache/|" | sha256sum -c - 2>&1)
result $? "${deb##*/} matches base/SHA256SUMS" "$out"

# The series: make tree applied it patch by patch with git am (and stops
# naming a patch that does not apply); here the work tree must be the
# pinned base with one commit per patch, and exporting it must give
# patches/ back (checked below).
patches=$(grep -v -e '^#' -e '^[[:space:]]*$' patches/series)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
out=$(git -C "$tree" log -1 --format=%s base 2>&1)
[ "$out" = "Debian linux-source-6.1 $version" ]
result $? "the work tree's base commit is linux-source-6.1 $version" "$out"
count=$(git -C "$tree" rev-list --count base..HEAD 2>&1)
[ "$count" = "$(echo "$patches" | wc -w)" ]
result $? "the work tree has one commit per patch of patches/series ($count)"

# checkpatch: patches/checkpatch.ignore lists "PATCH TYPE[,TYPE]", PATCH
# without its number, "*" for every patch.
for p in $patches; do
	ignore=$(awk -v p="${p#[0-9][0-9][0-9][0-9]-}" '!/^#/ && ($1 == p || $1 == "*") { print $2 }' \
		patches/checkpatch.ignore 2>/dev/null | paste -sd, -)
	out=$("$tree/scripts/checkpatch.pl" --quiet --no-tree --no-summary --show-types \
		${ignore:+--ignore "$ignore"} "$top/patches/$p" 2>&1)
	rc=$?
	[ -n "$out" ] && rc=1
	result $rc "checkpatch $p" "$out"
done

# The kernel's module-hashes tool against an independent reference.
tool=$scratch/module-hashes
out=$(gcc -O2 -Wall -Wextra -o "$tool" "$tree/scripts/module-hashes.c" -lcrypto 2>&1)
rc=$?
[ -n "$out" ] && rc=1
result $rc "scripts/module-hashes.c builds on the host without warnings" "$out"
mkdir -p "$scratch/ref"
python3 tests/host/module_hashes_ref.py "$tool" "$scratch/ref" >"$scratch/ref.tap" 2>&1
diags=$(grep '^#' "$scratch/ref.tap")
while read -r line; do
	case $line in
	"ok "*) result 0 "module-hashes: ${line#ok * }" ;;
	"not ok "*) result 1 "module-hashes: ${line#not ok * }" "$diags" ;;
	esac
done <"$scratch/ref.tap"
grep -q '^ok ' "$scratch/ref.tap" || result 1 "module-hashes reference test ran" "$(cat "$scratch/ref.tap")"

# The operator's tool, tools/modproof: builds without warnings, unit tests.
out=$(make -s -C tools/modproof clean all test-modproof CFLAGS="-O2 -Werror" 2>&1)
result $? "tools/modproof builds without warnings" "$out"
tools/modproof/test-modproof >"$scratch/modproof.tap" 2>&1
fold modproof "$scratch/modproof.tap"

tests/host/dual-redirect.sh "$tree" >"$scratch/dual-redirect.tap" 2>&1
fold "dual version" "$scratch/dual-redirect.tap"

tests/host/fips140-types.sh "$tree" >"$scratch/fips140-types.tap" 2>&1
fold "type check" "$scratch/fips140-types.tap"

out=$(scripts/export.sh "$tree" patches --check 2>&1)
result $? "exporting the work tree gives patches/ back byte for byte" "$out"

tests/host/first-run.sh "$version" >"$scratch/first-run.tap" 2>&1
fold "first run" "$scratch/first-run.tap"

out=$(scripts/matrix.sh list 2>&1)
result $? "tests/matrix reads" "$out"

for f in scripts/*.sh tests/host/*.sh tests/prepare/*.sh tests/guest/*.sh tests/guest/init .ci/run; do
	out=$(shellcheck -x -P SCRIPTDIR "$f" 2>&1)
	result $? "shellcheck $f" "$out"
done

echo "1..$n"
echo "# host: $passed passed, $failed failed"
mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
