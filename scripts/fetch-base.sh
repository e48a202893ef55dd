#!/bin/bash
# Fetch Debian's linux-source-6.1 at the pinned version, check it against
# base/SHA256SUMS and unpack it once into $cache/linux-source-<version>/.
#
# usage: fetch-base.sh VERSION CACHE_DIR
set -euo pipefail

version=$1
cache=$2
top=$(cd "$(dirname "$0")/.." && pwd)
deb=linux-source-6.1_${version}_all.deb
src=$cache/linux-source-$version

die() { echo "fetch-base: $*" >&2; exit 1; }

[ -f "$src/.unpacked" ] && exit 0
mkdir -p "$cache"

sum=$(awk -v f="$deb" '$2 == f { print $1 }' "$top/base/SHA256SUMS")
[ -n "$sum" ] || die "no SHA-256 recorded for $deb in base/SHA256SUMS; download it, check it and add its line there before using BASE_VERSION=$version"

if [ ! -f "$cache/$deb" ]; then
	echo "  FETCH   $deb"
	command -v apt-get >/dev/null || die "apt-get not found: this workbench needs a Debian host"
	if ! (cd "$cache" && apt-get download "linux-source-6.1=$version") >"$cache/fetch.log" 2>&1; then
		cat "$cache/fetch.log" >&2
		die "linux-source-6.1 version $version is not in the archive (see 'apt-cache madison linux-source-6.1'; run 'apt-get update' first); choose another with 'make BASE_VERSION=<version>' and record its checksum in base/SHA256SUMS"
	fi
	[ -f "$cache/$deb" ] || die "apt-get download left no $cache/$deb (log: $cache/fetch.log)"
fi

echo "$sum  $cache/$deb" | sha256sum --quiet -c - ||
	die "$cache/$deb does not match the SHA-256 in base/SHA256SUMS; delete it to download again"

echo "  UNPACK  $deb"
rm -rf "$src" "$src.tmp"
mkdir -p "$src.tmp"
dpkg-deb --fsys-tarfile "$cache/$deb" |
	tar -xf - -C "$src.tmp" ./usr/src/linux-source-6.1.tar.xz
tar -xJf "$src.tmp/usr/src/linux-source-6.1.tar.xz" -C "$src.tmp"
mv "$src.tmp/linux-source-6.1" "$src"
rm -rf "$src.tmp"
touch "$src/.unpacked"
