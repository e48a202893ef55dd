#!/bin/bash
# make bindeb-pkg on a built profile with MODULE_HASHES: the packaged
# modules verify against the packaged kernel, with
# CRYPTO_FIPS140_EXTMOD the packaged kernel embeds the build's fips140.ko,
# and with DEBUG_INFO the -dbg package holds the debug information of
# exactly those module bytes.
#
# usage: debpkg.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
tool=$top/tools/modproof/modproof
out_dir=$obj/deb

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

build_id() { readelf -n "$1" 2>/dev/null | sed -n 's/^ *Build ID: //p'; }

echo "KTAP version 1"
make -s -C "$top/tools/modproof" >/dev/null 2>&1

# dpkg-buildpackage writes the packages next to the object directory.
rm -rf "$out_dir" "$obj"/../*.deb "$obj"/../*.buildinfo "$obj"/../*.changes
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
# Uncompressed packages: what is checked is their contents, and xz over the
# debug information was most of the time packaging took.
make -C "$tree" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" -j"$(nproc)" \
	KDEB_COMPRESS=none bindeb-pkg >"$obj/bindeb-pkg.log" 2>&1
rc=$?
mkdir -p "$out_dir"
mv "$obj"/../*.deb "$obj"/../*.buildinfo "$obj"/../*.changes "$out_dir" 2>/dev/null
result $rc "make bindeb-pkg" "$(tail -n 20 "$obj/bindeb-pkg.log")"

image=$(find "$out_dir" -name 'linux-image-*.deb' ! -name '*-dbg_*' | head -n 1)
dbg=$(find "$out_dir" -name 'linux-image-*-dbg_*.deb' | head -n 1)
[ -n "$image" ]
result $? "a linux-image package" "$(ls "$out_dir")"

root=$out_dir/image
rm -rf "$root" && mkdir -p "$root" && dpkg-deb -x "$image" "$root" 2>/dev/null
vmlinuz=$(find "$root/boot" -name 'vmlinuz-*' | head -n 1)
modules=$(find "$root/lib/modules" -mindepth 1 -maxdepth 1 -type d | head -n 1)
count=$(wc -l <"$obj/modules.order")
out=$("$tool" verify -k "$vmlinuz" "$modules" 2>&1)
rc=$?
[ $rc = 0 ] && grep -q "^modproof: $count of $count modules authenticated" <<<"$out"
result $? "the package's $count modules verify against its vmlinuz" "exit $rc: $out"

a=$("$tool" root "$obj/vmlinux" 2>&1)
b=$("$tool" root "$vmlinuz" 2>&1)
[ -n "$a" ] && [ "$a" = "$b" ]
result $? "the package's vmlinuz holds the build's root" "build: $a
package: $b"

if grep -q '^CONFIG_CRYPTO_FIPS140_EXTMOD=y' "$obj/.config"; then
	builtin=$(find "$modules" -name modules.builtin | head -n 1)
	[ -z "$(find "$modules" -name 'fips140.ko*')" ] &&
		grep -qx 'kernel/crypto/fips140/fips140.ko' "$builtin"
	result $? "the package lists fips140 as built in and installs no fips140.ko" \
		"$(find "$modules" -name 'fips140.ko*'; grep fips140 "$builtin")"

	"$tree/scripts/extract-vmlinux" "$vmlinuz" >"$out_dir/vmlinux" 2>/dev/null
	out=$(embeds "$out_dir/vmlinux" "$obj/crypto/fips140/fips140.ko" 2>&1)
	result $? "the package's vmlinuz embeds the build's fips140.ko" "$out"
fi

if grep -q '^CONFIG_DEBUG_INFO=y' "$obj/.config"; then
	[ -n "$dbg" ]
	result $? "a linux-image -dbg package" "$(ls "$out_dir")"
	droot=$out_dir/dbg
	rm -rf "$droot" && mkdir -p "$droot" && dpkg-deb -x "$dbg" "$droot" 2>/dev/null
	bad="" checked=0
	while read -r m; do
		checked=$((checked + 1))
		rel=${m#"$modules"/}
		d=$(find "$droot/usr/lib/debug/lib/modules" -path "*/$rel" | head -n 1)
		if [ -z "$d" ]; then
			bad+="$rel: no debug file"$'\n'
		elif ! grep -q '\.debug_info' <<<"$(readelf -S "$d")"; then
			bad+="$rel: no .debug_info in $d"$'\n'
		elif [ -z "$(build_id "$m")" ] || [ "$(build_id "$m")" != "$(build_id "$d")" ]; then
			bad+="$rel: build ID $(build_id "$m"), debug file's $(build_id "$d")"$'\n'
		fi
	done < <(find "$modules" -name '*.ko')
	[ -z "$bad" ] && [ $checked = "$count" ]
	result $? "the -dbg package has the debug information of each packaged module (same build ID)" "checked $checked of $count modules
$bad"
fi

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
