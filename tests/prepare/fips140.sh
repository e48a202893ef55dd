#!/bin/bash
# For the extmod and fips140-failure suites, on a profile with the
# standalone crypto module: the SHA-256 of the fips140.ko the build
# embedded (with CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE, the one of
# fips140_build/; with DUAL_VERSION, this build's too, as fips140-fresh),
# the digest its integrity self-test checks it against, and the origin
# the loader logs for it. For the fips140set suite: a
# module of crypto-objs-m (one FIPS mode allows, if there is one) and a
# copy of it that carries another digest in .fips140_set.
#
# usage: fips140.sh TREE OBJDIR ROOT (ROOT: the initramfs being made)
set -euo pipefail

obj=$2
root=$3

grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD=y' "$obj/.config" || exit 0

tree=$1
mkdir -p "$root/tests/data"

# data KO ORIGIN NAME: what the suites check of a module vmlinux embeds
data() {
	sha256sum "$1" | cut -d' ' -f1 >"$root/tests/data/$3.sha256"
	stat -c %s "$1" >"$root/tests/data/$3.size"
	cp "$1.hmac" "$root/tests/data/$3.hmac"
	echo "$2" >"$root/tests/data/$3.origin"
}

fresh="of this build, $(make -s -C "$tree" kernelversion)"
if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE=y' "$obj/.config"; then
	data "$obj/fips140_build/crypto/fips140/fips140.ko" \
		"from fips140_build/, built on $(sed -n 's/^base //p' "$obj/fips140_build/manifest")" \
		fips140.ko
	if grep -q '^CONFIG_CRYPTO_FIPS140_DUAL_VERSION=y' "$obj/.config"; then
		data "$obj/crypto/fips140/fips140.ko" "$fresh" fips140-fresh.ko
	fi
else
	data "$obj/crypto/fips140/fips140.ko" "$fresh" fips140.ko
fi

# The names of the modules of crypto-objs-m; the first of these the build
# has as a module, else its first module of crypto-objs-m
set=$obj/crypto-modules.order
sed 's|.*/||; s|\.ko$||; s|-|_|g' "$set" >"$root/tests/data/fips140set.modules"
m=$(for a in cmac ccm gcm sha512_generic sha256_generic hmac; do
	grep -m1 "^crypto/$a.ko$" "$set"; done | head -n 1 || true)
m=${m:-$(head -n 1 "$set")}
[ -n "$m" ] || exit 0
basename "$m" .ko >"$root/tests/data/fips140set.module"
printf '%064d\n' 0 >"$root/tests/data/fips140set.digest"
objcopy --update-section .fips140_set="$root/tests/data/fips140set.digest" \
	"$obj/$m" "$root/tests/data/fips140set-other.ko"
