#!/bin/bash
# The marker of the fips140.ko set (CONFIG_CRYPTO_FIPS140_EXTMOD): every
# module of crypto-modules.order carries, in section .fips140_set, the
# digest of the fips140.ko that vmlinux embeds (with EXTMOD_SOURCE, the
# one of fips140_build/), in the object tree and as installed; no other
# module carries the section.
#
# usage: fips140-set.sh TREE OBJDIR RESULT_FILE (TREE is not read)
set -uo pipefail

obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD_SOURCE=y' "$obj/.config"; then
	digest=$obj/fips140_build/crypto/fips140/fips140.ko.hmac
else
	digest=$obj/crypto/fips140/fips140.ko.hmac
fi
[ -s "$digest" ]
result $? "the digest of the embedded fips140.ko: ${digest#"$obj/"}"
[ -s "$obj/crypto-modules.order" ]
result $? "the build lists the modules of crypto-objs-m in crypto-modules.order"

marker() { objcopy --dump-section .fips140_set=/dev/stdout "$1" /dev/null 2>/dev/null; }

# installed_marker FILE: the marker of an installed, maybe compressed, module
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
installed_marker() {
	case $1 in
	*.xz) xz -dc "$1" >"$tmp" ;;
	*.zst) zstd -q -dc "$1" >"$tmp" ;;
	*.gz) gzip -dc "$1" >"$tmp" ;;
	*) cp "$1" "$tmp" ;;
	esac && marker "$tmp"
}

installed=$(find "$obj/initramfs/lib/modules" -name '*.ko*' 2>/dev/null)
want=$(cat "$digest" 2>/dev/null)
set=0 copies=0 wrong=''
while read -r m; do
	set=$((set + 1))
	[ "$(marker "$obj/$m")" = "$want" ] || wrong+="$m"$'\n'
	copy=$(grep -m1 "/kernel/$m\(\.[a-z]*\)\?\$" <<<"$installed")
	[ -n "$copy" ] || continue
	copies=$((copies + 1))
	[ "$(installed_marker "$copy")" = "$want" ] || wrong+="${copy#"$obj/"}"$'\n'
done <"$obj/crypto-modules.order"
[ "$set" -gt 0 ] && [ "$copies" -gt 0 ] && [ -z "$wrong" ]
result $? "the $set modules of crypto-objs-m carry that digest in .fips140_set, and the $copies installed in the initramfs" \
	"$(printf '%s' "$wrong" | wc -l) do not:
$wrong"

others=$(grep -v -x -F -f "$obj/crypto-modules.order" "$obj/modules.order")
marked=''
for m in $others; do
	[ -z "$(marker "$obj/$m")" ] || marked+="$m"$'\n'
done
[ -n "$others" ] && [ -z "$marked" ]
result $? "none of the $(wc -w <<<"$others") other modules carries .fips140_set" "$marked"

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
