#!/bin/bash
# A type that vmlinux and fips140.ko share, changed: kernel A is the
# profile of OBJDIR, exported with make fips140_build; kernel B is TREE
# with PATCH applied (tests/host/crypto-alg-field.patch adds a field to
# struct crypto_alg), built in the same profile with A's fips140_build/
# (CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE). The checker must stop B's build
# and name SYMBOL; forced past it (KBUILD_FIPS140_CHECK_WARN=1), B must
# refuse A's module at boot, naming SYMBOL, before any of its code runs.
#
# usage: fips140-abi-break.sh TREE OBJDIR RESULT_FILE PATCH SYMBOL
# (PATCH: a path, or a file name in tests/host/)
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
patch=$4
symbol=$5
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
name=$(basename "$patch" .patch)
tree_b=$(dirname "$obj")/linux-$name
obj_b=$obj-$name
[ -f "$patch" ] || patch=$top/tests/host/$patch

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"

out=$(TARGETS=fips140_build "$top/scripts/kernel.sh" "$profile" "$tree" "$obj" 2>&1)
required $? "A: $profile, with make fips140_build" "$out"

# Tree B: TREE's commit with PATCH, made again when either changes.
stamp=$(git -C "$tree" rev-parse HEAD; sha256sum <"$patch")
out=
if [ "$(cat "$tree_b/.stamp" 2>/dev/null)" != "$stamp" ]; then
	rm -rf "$tree_b" && mkdir -p "$tree_b" &&
	git -C "$tree" archive HEAD | tar -x -C "$tree_b" &&
	out=$(cd "$tree_b" && git apply "$patch" 2>&1) &&
	echo "$stamp" >"$tree_b/.stamp"
fi
required $? "B: the series with $(basename "$patch")" "$out"

mkdir -p "$obj_b" && rm -rf "$obj_b/fips140_build" "$obj_b/vmlinux" &&
	cp -a "$obj/fips140_build" "$obj_b/fips140_build"
"$top/scripts/kernel.sh" "$profile" "$tree_b" "$obj_b" \
	"$top/configs/fragments/extmod-source.config" >/dev/null 2>&1
refused "$profile" "$tree_b" "$obj_b" "$symbol" $?
console=$obj_b/runs/forced/console.log
grep 'fips140: vmlinux disagrees about version' "$console" | sed 's/^/# /'
grep -q "fips140: vmlinux disagrees about version of symbol $symbol: " "$console"
result $? "the loader names $symbol" "$(grep -m5 'fips140' "$console")"
! grep -q -e 'fips140: known-answer tests' -e 'fips140: loaded, ' "$console"
result $? "it refused it before any of the module's code ran: no self-test, nothing plugged in" \
	"$(grep 'fips140: ' "$console")"

finish
