#!/bin/bash
# Build the test initramfs for one profile: busybox, kmod (patched to show
# Merkle proofs, and as Debian ships it), kcapi-tools, cryptsetup, keyctl
# and bpftool from the host's Debian packages with the libraries they
# load, the guest
# test suites with the data tests/prepare/ makes for them, and the
# profile's modules as modules_install writes them.
#
# usage: initramfs.sh TREE OBJDIR OUT
set -euo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
out=$(realpath -m "$3")
top=$(cd "$(dirname "$0")/.." && pwd)
root=$obj/initramfs

die() { echo "initramfs: $*" >&2; exit 1; }

# copy_libs PROGRAM: every shared library PROGRAM loads.
copy_libs() {
	local lib
	for lib in $(ldd "$1" 2>/dev/null | grep -o '/[^ ]*'); do
		mkdir -p "$root$(dirname "$lib")"
		cp -L "$lib" "$root$lib"
	done
}

# copy_bin PATH...: a program, at the same path, and its libraries.
copy_bin() {
	local f
	for f in "$@"; do
		[ -x "$f" ] || die "$f not found: run 'make deps'"
		mkdir -p "$root$(dirname "$f")"
		cp -L "$f" "$root$f"
		copy_libs "$f"
	done
}

echo "  INITRD  ${out#"$top/"}"
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,lib/modules,tests}

cp /bin/busybox "$root/bin/busybox" 2>/dev/null || die "/bin/busybox not found: run 'make deps' (package busybox-static)"
file -L "$root/bin/busybox" | grep -q 'statically linked' || die "/bin/busybox is not static: install busybox-static"
for applet in $("$root/bin/busybox" --list); do
	[ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
done

copy_bin /usr/bin/kmod /usr/bin/kcapi-dgst /usr/bin/kcapi-enc /usr/bin/kcapi-rng /sbin/cryptsetup \
	/bin/keyctl /usr/sbin/bpftool
# The shell is dash: busybox's sh runs its own applets (modprobe, insmod,
# ...) in preference to the programs in PATH, which would test busybox's
# module tools instead of kmod's.
copy_bin /bin/dash
ln -sf dash "$root/bin/sh"
for tool in modprobe insmod rmmod lsmod modinfo depmod; do
	rm -f "$root/bin/$tool"
	ln -s /usr/bin/kmod "$root/sbin/$tool"
done

# /usr/bin/kmod is Debian's kmod with kmod/module-hashes-merkle-proof.patch
# (scripts/kmod.sh); Debian's own stays in /usr/lib/kmod-debian/, with a
# modinfo link, for the hashes suite to compare the two.
kmod=$top/build/kmod/kmod
"$top/scripts/kmod.sh" "$(dirname "$kmod")" || die "scripts/kmod.sh failed"
mkdir -p "$root/usr/lib/kmod-debian"
mv "$root/usr/bin/kmod" "$root/usr/lib/kmod-debian/kmod"
ln -s kmod "$root/usr/lib/kmod-debian/modinfo"
cp "$kmod" "$root/usr/bin/kmod"
copy_libs "$kmod"

make -s -C "$tree" O="$obj" INSTALL_MOD_PATH="$root" modules_install >"$obj/modules_install.log" 2>&1 ||
	{ tail -n 20 "$obj/modules_install.log" >&2; die "modules_install failed (log: $obj/modules_install.log)"; }

cp -r "$top"/tests/guest/. "$root/tests/"
install -m 0755 "$root/tests/init" "$root/init"
rm "$root/tests/init"
for helper in afalg-speed alg-bind finit-module loadtime; do
	rm "$root/tests/$helper.c"
	gcc -static -O2 -Wall -o "$root/tests/$helper" "$top/tests/guest/$helper.c"
done

# What suites need made on the host (tests/prepare/SUITE.sh): each looks
# at the profile's .config to see whether it applies.
for prepare in "$top"/tests/prepare/*.sh; do
	"$prepare" "$tree" "$obj" "$root" || die "${prepare#"$top/"} failed"
done

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$out.tmp"
mv "$out.tmp" "$out"
