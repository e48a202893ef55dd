#!/bin/bash
# Build the test initramfs for one profile: busybox, kmod, kcapi-tools and
# cryptsetup from the host's Debian packages with the libraries they load,
# the guest test suites, and the profile's modules as modules_install
# writes them.
#
# usage: initramfs.sh TREE OBJDIR OUT
set -euo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
out=$(realpath -m "$3")
top=$(cd "$(dirname "$0")/.." && pwd)
root=$obj/initramfs

die() { echo "initramfs: $*" >&2; exit 1; }

# copy_bin PATH...: a program and every shared library it loads.
copy_bin() {
	local f lib
	for f in "$@"; do
		[ -x "$f" ] || die "$f not found: run 'make deps'"
		mkdir -p "$root$(dirname "$f")"
		cp -L "$f" "$root$f"
		for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
			mkdir -p "$root$(dirname "$lib")"
			cp -L "$lib" "$root$lib"
		done
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

copy_bin /usr/bin/kmod /usr/bin/kcapi-dgst /usr/bin/kcapi-enc /usr/bin/kcapi-rng /sbin/cryptsetup
# The shell is dash: busybox's sh runs its own applets (modprobe, insmod,
# ...) in preference to the programs in PATH, which would test busybox's
# module tools instead of kmod's.
copy_bin /bin/dash
ln -sf dash "$root/bin/sh"
for tool in modprobe insmod rmmod lsmod modinfo depmod; do
	rm -f "$root/bin/$tool"
	ln -s /usr/bin/kmod "$root/sbin/$tool"
done

make -s -C "$tree" O="$obj" INSTALL_MOD_PATH="$root" modules_install >"$obj/modules_install.log" 2>&1 ||
	{ tail -n 20 "$obj/modules_install.log" >&2; die "modules_install failed (log: $obj/modules_install.log)"; }

cp -r "$top"/tests/guest/. "$root/tests/"
install -m 0755 "$root/tests/init" "$root/init"
rm "$root/tests/init"
for helper in afalg-speed alg-bind finit-module loadtime; do
	rm "$root/tests/$helper.c"
	gcc -static -O2 -Wall -o "$root/tests/$helper" "$top/tests/guest/$helper.c"
done

# For the hashes suite: damaged copies of a module with a proof, and an
# external module signed with the build's key (or, without MODULE_SIG, a
# key of its own the kernel does not know).
if grep -q '^CONFIG_MODULE_HASHES=y' "$obj/.config"; then
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
fi

(cd "$root" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) >"$out.tmp"
mv "$out.tmp" "$out"
