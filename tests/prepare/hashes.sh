#!/bin/bash
# For the hashes suite, on a profile with MODULE_HASHES: damaged copies of
# a module with a proof, and an external module signed with the build's key
# (or, without MODULE_SIG, a key of its own the kernel does not know).
#
# usage: hashes.sh TREE OBJDIR ROOT (ROOT: the initramfs being made)
set -euo pipefail

tree=$1
obj=$2
root=$3
top=$(cd "$(dirname "$0")/../.." && pwd)

die() { echo "prepare/hashes: $*" >&2; exit 1; }

grep -q '^CONFIG_MODULE_HASHES=y' "$obj/.config" || exit 0

mods=$root/lib/modules/$(make -s -C "$tree" O="$obj" kernelrelease)/kernel
python3 "$top/tests/tampered-modules.py" "$(find "$mods" -name 'crc7.ko*')" \
	"$(find "$mods" -name 'crc-itu-t.ko*')" "$root/tests/data/tampered" ||
	die "tests/tampered-modules.py failed"
rm -rf "$obj/extmod"
cp -r "$top/tests/extmod" "$obj/extmod"
make -s -C "$tree" O="$obj" CC="ccache gcc" M="$obj/extmod" modules \
	>"$obj/extmod/build.log" 2>&1 || die "external module build failed (log: $obj/extmod/build.log)"
key=$obj/certs/signing_key.pem
cert=$obj/certs/signing_key.x509
if ! grep -q '^CONFIG_MODULE_SIG=y' "$obj/.config"; then
	key=$obj/extmod/key.pem
	cert=$obj/extmod/cert.pem
	openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=untrusted -days 1 \
		-keyout "$key" -out "$cert" 2>/dev/null || die "openssl req failed"
fi
"$obj/scripts/sign-file" sha256 "$key" "$cert" "$obj/extmod/wb_extmod.ko" \
	"$root/tests/data/extmod.ko" || die "sign-file failed"
