#!/bin/bash
# The dual-version kernel: kernel B, the profile of OBJDIR on TREE, with
# kernel A's set (the series on linux-source-6.1 CERTIFIED_VERSION, as
# tests/host/fips140-reuse.sh builds it) and its own module too
# (CONFIG_CRYPTO_FIPS140_DUAL_VERSION), in OBJDIR-dual-CERTIFIED_VERSION.
# Its vmlinux must embed both modules; it must boot with fips=1 loading
# A's and without loading its own (the extmod suite checks which, and the
# self-tests on that image).
#
# usage: fips140-dual.sh TREE OBJDIR RESULT_FILE CERTIFIED_VERSION
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
version=$4
top=$(cd "$(dirname "$0")/../.." && pwd)
profile=$(basename "$obj")
build=$(dirname "$obj")
dual=$obj-dual-$version

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"

kernel_a "$version" "$profile" "$build"

mkdir -p "$dual" && rm -rf "$dual/fips140_build" "$dual/vmlinux" && cp -a "$set_a" "$dual/fips140_build"
out=$("$top/scripts/kernel.sh" "$profile" "$tree" "$dual" "$top/configs/fragments/extmod-dual.config" 2>&1 &&
	"$top/scripts/initramfs.sh" "$tree" "$dual" "$dual/initramfs.cpio" 2>&1)
required $? "B with A's set and its own module (CONFIG_CRYPTO_FIPS140_DUAL_VERSION) built" "$out"
grep -h '^fips140-check: .*: the kernel can host the module$' "$dual/build.log" | sed 's/^/# build: /'
only=$(grep -c '^fips140: only .* exports ' "$dual/build.log")
grep '^fips140: only .* exports ' "$dual/build.log" | sed -n '1,10p' | sed 's/^/# build: /'
echo "# build: $only functions exported by one of the two modules only"
out=$(embeds "$dual/vmlinux" "$set_a/crypto/fips140/fips140.ko" 2>&1 &&
	embeds "$dual/vmlinux" "$dual/crypto/fips140/fips140.ko" 2>&1)
result $? "its vmlinux embeds A's fips140.ko and its own" "$out"

# boot RUN SUITES ARGS DESCRIPTION
boot() {
	out=$(RESULTS=$dual/runs "$top/scripts/qemu.sh" "$dual" "$1" "$2" "$3" 2>&1)
	result $? "$4: $2${3:+ [$3]}" "$out"
}
boot dual-fips "boot fips kcapi dmcrypt extmod fips140set" fips=1 "it boots and loads A's module"
boot dual "boot crypto kcapi extmod fips140set" "" "it boots and loads its own"

finish
