#!/bin/bash
# Kernel A, the series on linux-source-6.1 CERTIFIED_VERSION, built in the
# profile of OBJDIR with make fips140_build; then the kernel's checker,
# scripts/fips140-check.sh, on A's fips140_build/ against the profile's own
# build, kernel B: whether B can host A's fips140.ko, and which of the
# files the module is built from differ between A's and B's sources. The
# checker must also pass A against itself and refuse what is broken on
# purpose: a changed file of fips140_build/, and a CRC changed in a copy of
# B's Module.symvers.
#
# EXPECT "hosts" (the default): the checker passes, B builds with A's set
# (CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE), embeds A's module and modules and
# boots with fips=1 and without (tests/host/fips140-dual.sh then builds
# and boots B with both modules). "approves": CRCs differ, the types
# (fips140-check.sh types) are the same: B's build approves the pairs,
# and boots as with "hosts". "refuses SYMBOL": the checker names SYMBOL
# among the mismatches, the types differ, and the build of B with A's set
# stops at the check.
#
# usage: fips140-reuse.sh TREE OBJDIR RESULT_FILE CERTIFIED_VERSION [EXPECT]
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
version=$4
expect=${5:-hosts}
symbol=${6:-}
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
build=$(dirname "$obj")
check=$tree/scripts/fips140-check.sh

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"

kernel_a "$version" "$profile" "$build"

cmp "$obj_a/crypto/fips140/fips140.ko" "$set_a/crypto/fips140/fips140.ko" &&
	cmp "$obj_a/crypto/fips140/fips140.ko.hmac" "$set_a/crypto/fips140/fips140.ko.hmac"
result $? "A: fips140_build/ holds the fips140.ko vmlinux embeds, and its digest"

manifest=$set_a/manifest
count() { grep -c "^$1 " "$manifest"; }
modules=$(grep -c '^file .*\.ko$' "$manifest")
echo "# A: the manifest has base $(sed -n 's/^base //p' "$manifest"), $(count config) options," \
	"$(count export) exports, $(count import) imports, $(count source) source files," \
	"$((modules - 1)) modules beside fips140.ko"
[ "$(count export)" -gt 0 ] && [ "$(count import)" -gt 0 ] && [ "$modules" -gt 1 ] &&
	[ "$(count source)" -gt 0 ] && grep -q '^source [0-9a-f]\{64\} crypto/fips140/fips140-module.c$' "$manifest"
result $? "A: the manifest lists exports, imports, modules and sources"

out=$("$check" abi "$set_a" "$obj_a" 2>&1)
result $? "the checker: A can host its own module" "$out"
out=$(PAHOLE=pahole "$check" types "$set_a" "$obj_a" 2>&1)
status=$?
[ $status = 0 ] && ! printf '%s\n' "$out" | grep -q -v '^fips140-types: ' &&
	printf '%s\n' "$out" | grep -q ' 0 changed, 0 symbols not comparable, 0 CRCs differ: the types are the same$'
result $? "the type check: A's types are A's" "$out"

out=$("$check" abi "$set_a" "$obj" 2>&1)
status=$?
printf '%s\n' "$out" | grep -v ': note: ' | sed -n '1,30p; $p' | uniq | sed 's/^/# B: /'
b="B, $profile on $(make -s -C "$tree" kernelversion)"
if [ "$expect" = hosts ]; then
	result $status "the checker: $b, can host A's module" "$out"
elif [ "$expect" = approves ]; then
	[ $status = 1 ]
	result $? "the checker: $b, and A differ in symbol versions" "$(echo "$out" | tail -3)"
else
	[ $status = 1 ] && printf '%s\n' "$out" | grep -q "^fips140-check: [a-z]* $symbol: "
	result $? "the checker: $b, cannot host A's module, and names $symbol" "$(echo "$out" | tail -3)"
fi

out=$(PAHOLE=pahole "$check" types "$set_a" "$obj" 2>&1)
status=$?
grep -e '^change ' -e '^missing ' -e '^fips140-types: ' <<<"$out" | sed 's/^/# types: /'
grep '^reach ' <<<"$out" | cut -c 1-200 | sed 's/^/# types: /'
approvals=$(grep -c '^approve ' <<<"$out")
if [ "$expect" = refuses ]; then
	[ $status = 1 ] && [ "$approvals" = 0 ] && grep -q '^change ' <<<"$out"
	result $? "the type check: $b, has other types than A's, and approves nothing" \
		"$(echo "$out" | tail -3)"
else
	[ $status = 0 ] && grep -q ': the types are the same$' <<<"$out" &&
		{ [ "$expect" = approves ] || [ "$approvals" = 0 ]; }
	result $? "the type check: $b, has A's types; $approvals CRCs differ" "$(echo "$out" | tail -3)"
fi

out=$("$check" report "$set_a" "$tree_a" "$tree" 2>&1)
status=$?
printf '%s\n' "$out" | sed 's/^/# report: /'
differ=$(printf '%s\n' "$out" | grep -c -e '^changed ' -e '^removed ')
if ! printf '%s\n' "$out" | grep -q '^fips140-check: [0-9]* of the [1-9][0-9]* files'; then
	false
elif [ "$expect" != refuses ]; then
	[ $status = "$([ "$differ" = 0 ] && echo 0 || echo 1)" ]
else
	[ $status = 1 ] && [ "$differ" -gt 0 ]
fi
result $? "the report: $differ of the files the module is built from differ between A and B" "$out"
out=$("$check" report "$set_a" "$tree_a" "$tree_a" 2>&1)
result $? "the report: none differ between A and A" "$out"

# A tree B with one of the module's files changed and one removed
scratch=$obj_a/fips140-report-tree
rm -rf "$scratch" && mkdir -p "$scratch" &&
	awk '$1 == "source" { print $3 }' "$manifest" | (cd "$tree_a" && xargs cp --parents -t "$scratch" Makefile)
changed=crypto/fips140/fips140-module.c
removed=$(awk '$1 == "source" && $3 ~ /^crypto\/[a-z]/ && $3 != "'$changed'" { print $3; exit }' "$manifest")
echo "/* changed */" >>"$scratch/$changed" && rm -f "$scratch/$removed"
out=$("$check" report "$set_a" "$tree_a" "$scratch" 2>&1)
[ $? = 1 ] && [ "$(printf '%s\n' "$out" | grep -c -e '^changed ' -e '^removed ')" = 2 ] &&
	printf '%s\n' "$out" | grep -qx "changed $changed" &&
	printf '%s\n' "$out" | grep -qx "removed $removed" &&
	printf '%s\n' "$out" | grep -q '^fips140-check: 2 of the [0-9]* files'
result $? "the report names a file changed ($changed) and one removed ($removed), no other" "$out"

# Broken on purpose
scratch=$obj_a/fips140-check-broken
rm -rf "$scratch" && mkdir -p "$scratch/b/crypto/fips140" && cp -a "$set_a" "$scratch/set"
printf '\0' | dd of="$scratch/set/crypto/fips140/fips140.ko" bs=1 seek=100 conv=notrunc 2>/dev/null
out=$("$check" abi "$scratch/set" "$obj_a" 2>&1)
[ $? = 2 ] && printf '%s\n' "$out" | grep -q 'does not match its manifest'
result $? "the checker refuses a fips140_build/ whose fips140.ko changed" "$out"

for f in vmlinux.o crypto/fips140/fips140.mod.o crypto/fips140/fips140-vars.o; do
	ln -s "$obj_a/$f" "$scratch/b/$f"
done
mkdir -p "$scratch/b/include/config" && ln -s "$obj_a/include/config/auto.conf" "$scratch/b/include/config/"
sym=$(awk '$1 == "import" && $2 == "crypto/fips140/fips140" { print $4; exit }' "$manifest")
awk -v s="$sym" -v OFS='\t' '$2 == s && $3 == "vmlinux" { $1 = "0x00000000" } { print }' FS='\t' \
	"$obj_a/Module.symvers" >"$scratch/b/Module.symvers"
out=$("$check" abi "$set_a" "$scratch/b" 2>&1)
[ $? = 1 ] && printf '%s\n' "$out" |
	grep -q "^fips140-check: import $sym: fips140.ko has CRC 0x[0-9a-f]*, vmlinux exports 0x00000000$"
result $? "the checker names an import whose CRC vmlinux changed ($sym)" "$out"


# Kernel B with A's set: CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE, in
# OBJDIR-reuse-CERTIFIED_VERSION with A's fips140_build/.
reuse=$obj-reuse-$version
mkdir -p "$reuse" && rm -rf "$reuse/fips140_build" "$reuse/vmlinux" && cp -a "$set_a" "$reuse/fips140_build"
out=$("$top/scripts/kernel.sh" "$profile" "$tree" "$reuse" "$top/configs/fragments/extmod-source.config" 2>&1 &&
	"$top/scripts/initramfs.sh" "$tree" "$reuse" "$reuse/initramfs.cpio" 2>&1)
status=$?
if [ "$expect" = refuses ]; then
	# Forced past the check, the loader must refuse the module.
	refused "$profile" "$tree" "$reuse" "$symbol" "$status"
	grep -q "fips140: disagrees about version of symbol $symbol" "$reuse/runs/forced/console.log"
	result $? "the loader names $symbol" "$(grep -m3 'fips140' "$reuse/runs/forced/console.log")"
	finish
fi
required $status "B with A's fips140_build/ (CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE) built" "$out"
grep -h '^fips140-check: ' "$reuse/build.log" | sed 's/^/# B build: /'
grep -q '^fips140-check: .*: the kernel can host the module$' "$reuse/build.log"
result $? "the build ran the checker, which passed"
approved=$(grep -c '^FIPS140_APPROVED(' "$reuse/crypto/fips140/fips140-approved.list")
if [ "$expect" = approves ]; then
	[ "$approved" -gt 0 ] && [ "$approved" = "$approvals" ] &&
		grep -q '^fips140-check: [0-9]* CRCs differ, their types are the same: approved$' \
			"$reuse/build.log"
else
	[ "$approved" = 0 ]
fi
result $? "B's vmlinux has the $approved CRC pairs the type check approved"

out=$(embeds "$reuse/vmlinux" "$set_a/crypto/fips140/fips140.ko" 2>&1)
result $? "B's vmlinux embeds A's fips140.ko, SHA-256 $(sha256sum <"$set_a/crypto/fips140/fips140.ko" | cut -d' ' -f1)" "$out"

count=0 differ=
while read -r m; do
	count=$((count + 1))
	cmp -s "$set_a/$m" "$reuse/$m" || differ+="$m "
done < <(awk '$1 == "file" && $3 ~ /\.ko$/ && $3 != "crypto/fips140/fips140.ko" { print $3 }' "$manifest")
[ "$count" -gt 0 ] && [ -z "$differ" ]
result $? "B's $count modules of crypto-objs-m are A's, byte for byte" "${differ:+differ: $differ}"

"$top/tests/host/fips140-set.sh" "$tree" "$reuse" "$reuse/fips140-set.result" >"$reuse/fips140-set.tap"
fold "B's modules of crypto-objs-m carry A's digest" "$reuse/fips140-set.tap"

out=$(make -s -C "$tree" O="$reuse" fips140_build 2>&1)
status=$?
[ "$status" != 0 ] && printf '%s\n' "$out" | grep -q 'it has none of its own to export'
result $? "make fips140_build refuses in B: its module is A's" "$out"

# boot OBJDIR RUN SUITES ARGS DESCRIPTION
boot() {
	out=$(RESULTS=$1/runs "$top/scripts/qemu.sh" "$1" "$2" "$3" "$4" 2>&1)
	result $? "$5: $3${4:+ [$4]}" "$out"
}
boot "$reuse" reuse-fips "boot fips kcapi dmcrypt fips140set" fips=1 "B boots with A's module"
boot "$reuse" reuse "boot extmod modules fips140set" "" "B boots with A's module"

finish
