#!/bin/bash
# Build Debian's kmod with kmod/module-hashes-merkle-proof.patch, for the
# guest: OUTDIR/kmod, the kmod program with libkmod linked in. Does nothing
# when OUTDIR/kmod is newer than the patch and this script.
#
# The source package comes from Debian's archive with apt-get source,
# through a deb-src list of the workbench's own (the machine's Debian
# sources, as deb-src) and package lists and cache of its own, all under
# OUTDIR/apt: the machine's apt configuration and state are not touched.
#
# usage: kmod.sh OUTDIR
set -euo pipefail

version=30+20221128-1

out=$(realpath -m "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
patch=$top/kmod/module-hashes-merkle-proof.patch
bin=$out/kmod
log=$out/build.log

die() { echo "kmod: $*" >&2; exit 1; }

if [ -x "$bin" ] && [ "$bin" -nt "$patch" ] && [ "$bin" -nt "$0" ]; then
	exit 0
fi
echo "  KMOD    $version with ${patch#"$top/"}"

apt=$out/apt
rm -rf "$apt" "$out/src"
mkdir -p "$apt/sources.list.d" "$apt/lists/partial" "$apt/cache" "$out/src"
: >"$log"
for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
	[ -f "$f" ] || continue
	case $f in
	*.sources) sed 's/^Types:.*/Types: deb-src/' "$f" ;;
	*) sed -n 's/^deb /deb-src /p' "$f" ;;
	esac >"$apt/sources.list.d/${f##*/}"
done
opts=(-o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$apt/sources.list.d"
	-o Dir::State::Lists="$apt/lists" -o Dir::Cache="$apt/cache")

apt-get "${opts[@]}" update >>"$log" 2>&1 ||
	die "apt-get update of the deb-src lists in $apt failed (log: $log)"
(cd "$out/src" && apt-get "${opts[@]}" source --download-only "kmod=$version") >>"$log" 2>&1 ||
	die "apt-get source kmod=$version failed (log: $log)"
(cd "$out/src" && dpkg-source -x "kmod_$version.dsc" kmod) >>"$log" 2>&1 ||
	die "dpkg-source -x kmod_$version.dsc failed (log: $log)"
patch -d "$out/src/kmod" -p1 --forward --batch <"$patch" >>"$log" 2>&1 ||
	die "${patch#"$top/"} does not apply to kmod $version (log: $log)"

src=$out/src/kmod
{
	(cd "$src" && gtkdocize --docdir libkmod/docs && autoreconf --force --install) &&
	mkdir -p "$out/obj" &&
	(cd "$out/obj" && "$src/configure" --prefix=/usr --sysconfdir=/etc \
		--with-openssl --with-xz --with-zstd --with-zlib \
		--disable-manpages --disable-gtk-doc --disable-test-modules) &&
	make -C "$out/obj" -j"$(nproc)" tools/kmod
} >>"$log" 2>&1 || die "building kmod failed (log: $log)"
cp "$out/obj/tools/kmod" "$bin.tmp"
mv "$bin.tmp" "$bin"
