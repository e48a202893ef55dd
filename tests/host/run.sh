#!/bin/bash
# Host tests, as KTAP: the base is the pinned one, the series applies to it
# patch by patch, every patch is checkpatch-clean, the export of the work
# tree gives back patches/ byte for byte, and the workbench's shell scripts
# pass shellcheck.
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

# The series, applied to the base commit in a scratch work tree.
patches=$(grep -v -e '^#' -e '^[[:space:]]*$' patches/series)
scratch=$(mktemp -d)
trap 'git -C "$tree" worktree remove --force "$scratch/linux" >/dev/null 2>&1; rm -rf "$scratch"' EXIT
git -C "$tree" worktree add -q --detach "$scratch/linux" base
applies=0
for p in $patches; do
	out=$(git -C "$scratch/linux" -c user.name=workbench -c user.email=workbench@localhost \
		am -q --keep-cr "$top/patches/$p" 2>&1)
	rc=$?
	result $rc "$p applies to linux-source-6.1 $version" "$out"
	[ $rc = 0 ] || { git -C "$scratch/linux" am --abort >/dev/null 2>&1; applies=1; break; }
done
[ -n "$patches" ] && result $applies "the whole series applies"

# checkpatch: patches/checkpatch.ignore lists "PATCH TYPE[,TYPE] # why",
# PATCH "*" for every patch.
for p in $patches; do
	ignore=$(awk -v p="$p" '!/^#/ && ($1 == p || $1 == "*") { print $2 }' \
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
while read -r line; do
	case $line in
	"ok "*) result 0 "modproof: ${line#ok * }" ;;
	"not ok "*) result 1 "modproof: ${line#not ok * }" ;;
	esac
done <"$scratch/modproof.tap"
grep -q '^ok ' "$scratch/modproof.tap" || result 1 "modproof unit tests ran" "$(cat "$scratch/modproof.tap")"

out=$(scripts/export.sh "$tree" patches --check 2>&1)
result $? "exporting the work tree gives patches/ back byte for byte" "$out"

for f in scripts/*.sh tests/host/*.sh tests/guest/*.sh tests/guest/init .ci/run; do
	out=$(shellcheck -x -P SCRIPTDIR "$f" 2>&1)
	result $? "shellcheck $f" "$out"
done

echo "1..$n"
echo "# host: $passed passed, $failed failed"
mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
