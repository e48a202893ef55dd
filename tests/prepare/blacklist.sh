#!/bin/bash
# For the blacklist suite, on a profile with MODULE_HASHES, MODULE_SIG and
# SYSTEM_BLACKLIST_AUTH_UPDATE: one module of the build also signed with
# the build's key instead of carrying its proof, and for each of the two
# files the blacklist entry of its SHA-256 ("bin:HEX"), with the PKCS#7
# signature of the entry by the build's key that the kernel asks of an
# entry root adds.
#
# usage: blacklist.sh TREE OBJDIR ROOT (ROOT: the initramfs being made)
set -euo pipefail

tree=$1
obj=$2
root=$3

die() { echo "prepare/blacklist: $*" >&2; exit 1; }

for option in MODULE_HASHES MODULE_SIG SYSTEM_BLACKLIST_AUTH_UPDATE; do
	grep -q "^CONFIG_$option=y" "$obj/.config" || exit 0
done

module=crypto/camellia_generic.ko
key=$obj/certs/signing_key.pem
data=$root/tests/data/blacklist
installed=$root/lib/modules/$(make -s -C "$tree" O="$obj" kernelrelease)/kernel/$module
[ -f "$installed" ] || die "$installed not found: is $module no longer a module?"
mkdir -p "$data"

"$obj/scripts/sign-file" sha256 "$key" "$obj/certs/signing_key.x509" \
	"$obj/$module" "$data/signed.ko" || die "sign-file failed"

# entry NAME FILE: NAME.entry, the entry of FILE, and NAME.p7s, its signature.
entry() {
	local hash
	hash=$(sha256sum "$2" | cut -d' ' -f1)
	printf 'bin:%s' "$hash" >"$data/$1.entry"
	openssl smime -sign -binary -noattr -nocerts -md sha256 -outform DER \
		-signer "$key" -inkey "$key" -in "$data/$1.entry" -out "$data/$1.p7s" ||
		die "openssl smime -sign failed for $2"
}
entry proof "$installed"
entry signed "$data/signed.ko"
