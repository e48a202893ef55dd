#!/bin/bash
# For the extmod and fips140-failure suites, on a profile with the
# standalone crypto module: the SHA-256 of the fips140.ko the build
# embedded (with CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE, the one of
# fips140_build/), the digest its integrity self-test checks it against,
# and the origin the loader logs for it.
#
# usage: fips140.sh TREE OBJDIR ROOT (ROOT: the initramfs being made)
set -euo pipefail

obj=$2
root=$3

grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD=y' "$obj/.config" || exit 0

tree=$1
if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE=y' "$obj/.config"; then
	ko=$obj/fips140_build/crypto/fips140/fips140.ko
	origin="from fips140_build/, built on $(sed -n 's/^base //p' "$obj/fips140_build/manifest")"
else
	ko=$obj/crypto/fips140/fips140.ko
	origin="of this build, $(make -s -C "$tree" kernelversion)"
fi
mkdir -p "$root/tests/data"
sha256sum "$ko" | cut -d' ' -f1 >"$root/tests/data/fips140.ko.sha256"
stat -c %s "$ko" >"$root/tests/data/fips140.ko.size"
cp "$ko.hmac" "$root/tests/data/fips140.ko.hmac"
echo "$origin" >"$root/tests/data/fips140.ko.origin"
