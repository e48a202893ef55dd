#!/bin/bash
# For the extmod and fips140-failure suites, on a profile with the
# standalone crypto module: the SHA-256 of the fips140.ko the build
# embedded, and the digest its integrity self-test checks it against.
#
# usage: fips140.sh TREE OBJDIR ROOT (ROOT: the initramfs being made)
set -euo pipefail

obj=$2
root=$3

grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD=y' "$obj/.config" || exit 0

ko=$obj/crypto/fips140/fips140.ko
mkdir -p "$root/tests/data"
sha256sum "$ko" | cut -d' ' -f1 >"$root/tests/data/fips140.ko.sha256"
stat -c %s "$ko" >"$root/tests/data/fips140.ko.size"
cp "$ko.hmac" "$root/tests/data/fips140.ko.hmac"
