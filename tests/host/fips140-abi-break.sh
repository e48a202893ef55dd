#!/bin/bash
# A type that vmlinux and fips140.ko share, changed: kernel A is the
# profile of OBJDIR, exported with make fips140_build; kernel B is TREE
# with PATCH applied (tests/host/crypto-alg-field.patch adds a field to
# struct crypto_alg), built in the same profile with A's fips140_build/
# (CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE). The checker must stop B's build
# and name SYMBOL, its type check the member added and the symbols that
# reach struct crypto_alg; forced past it (KBUILD_FIPS140_CHECK_WARN=1), B
# must refuse A's module at boot, naming SYMBOL, before any of its code
# runs. With "approves" for SYMBOL, PATCH changes CRCs and not the layout
# (tests/host/crypto-alg-typedef.patch): B's build must approve the CRC
# pairs by type, and B boot with A's module, with fips=1 and without, the
# loader accepting the pairs.
#
# usage: fips140-abi-break.sh TREE OBJDIR RESULT_FILE PATCH SYMBOL|approves
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
# build/NAME/linux and build/NAME/PROFILE: the paths from the object tree
# to the source tree are those of the profile's own build, whose objects
# ccache then has for B's files that PATCH does not reach.
tree_b=$(dirname "$obj")/$name/linux
obj_b=$(dirname "$obj")/$name/$profile
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
status=$?
log=$obj_b/build.log
if [ "$symbol" = approves ]; then
	grep -h -e '^fips140-check: ' -e '^fips140-types: ' "$log" | sed 's/^/# B build: /'
	approved=$(grep -c '^FIPS140_APPROVED(' "$obj_b/crypto/fips140/fips140-approved.list")
	[ "$status" = 0 ] && [ "$approved" -gt 0 ] &&
		grep -q '^fips140-types: .* 0 changed, 0 symbols not comparable, .*: the types are the same$' \
			"$log" &&
		grep -q '^fips140-check: [0-9]* CRCs differ, their types are the same: approved$' "$log" &&
		grep -q '^fips140-check: .*: the kernel can host the module$' "$log"
	required $? "B builds: its type check approves $approved CRC pairs" "$(tail -5 "$log")"
	out=$(embeds "$obj_b/vmlinux" "$obj/fips140_build/crypto/fips140/fips140.ko" 2>&1 &&
	      "$top/scripts/initramfs.sh" "$tree_b" "$obj_b" "$obj_b/initramfs.cpio" 2>&1)
	result $? "B's vmlinux embeds A's fips140.ko" "$out"
	for args in fips=1 ""; do
		run=approved${args:+-fips}
		suites="boot extmod modules dmcrypt fips140set"
		[ -n "$args" ] && suites="boot fips kcapi dmcrypt fips140set"
		out=$(RESULTS=$obj_b/runs "$top/scripts/qemu.sh" "$obj_b" "$run" "$suites" "$args" 2>&1)
		result $? "B boots with A's module: $suites${args:+ [$args]}" "$out"
		grep 'approved by the build' "$obj_b/runs/$run/console.log" | sed 's/^/# /'
		grep -q 'fips140: [0-9]* of the [0-9]* symbols vmlinux takes from the module have another version, approved by the build.s type check' \
			"$obj_b/runs/$run/console.log"
		result $? "the loader accepted the approved versions${args:+ [$args]}"
	done
	finish
fi
# The type check names the member added and the symbols that reach it.
grep -e '^change struct crypto_alg: ' -e '^fips140-types: ' "$log" | sed 's/^/# B build: /'
grep '^reach struct crypto_alg: ' "$log" | cut -c 1-200 | sed 's/^/# B build: /'
grep -q '^change struct crypto_alg: member cra_abi_test (offset [0-9]*, u32): added in the kernel$' \
	"$log" &&
	grep -q -E '^reach struct crypto_alg: only through pointers, from [0-9]+ symbols: (.* )?crypto_register_alg( |$)' \
		"$log" &&
	grep -q '^fips140-types: .*: the types differ$' "$log" &&
	! grep -q '^approve ' "$log"
result $? "the type check refuses it: struct crypto_alg, its member cra_abi_test, crypto_register_alg" \
	"$(grep -e '^change ' -e '^fips140-types' "$log" | head -5)"
refused "$profile" "$tree_b" "$obj_b" "$symbol" $status
console=$obj_b/runs/forced/console.log
grep 'fips140: vmlinux disagrees about version' "$console" | sed 's/^/# /'
grep -q "fips140: vmlinux disagrees about version of symbol $symbol: " "$console"
result $? "the loader names $symbol" "$(grep -m5 'fips140' "$console")"
! grep -q -e 'fips140: known-answer tests' -e 'fips140: loaded, ' "$console"
result $? "it refused it before any of the module's code ran: no self-test, nothing plugged in" \
	"$(grep 'fips140: ' "$console")"

finish
