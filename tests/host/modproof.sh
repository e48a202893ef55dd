#!/bin/bash
# tools/modproof on a built profile with MODULE_HASHES: the installed
# modules verify against vmlinux and against bzImage, which hold the same
# root; every damaged copy the hashes suite uses, and the signed external
# module, is reported as not authenticated, with its reason.
#
# usage: modproof.sh TREE OBJDIR RESULT_FILE (TREE is not read)
set -uo pipefail

obj=$2
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
tool=$top/tools/modproof/modproof
mods=$obj/initramfs/lib/modules
data=$obj/initramfs/tests/data

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
out=$(make -s -C "$top/tools/modproof" 2>&1)
result $? "tools/modproof builds" "$out"

count=$(find "$mods" -name '*.ko*' | wc -l)
for kernel in vmlinux arch/x86/boot/bzImage; do
	out=$("$tool" verify -k "$obj/$kernel" "$mods" 2>&1)
	rc=$?
	[ $rc = 0 ] && grep -q "^modproof: $count of $count modules authenticated" <<<"$out"
	result $? "the $count installed modules verify against ${kernel##*/}" "$out"
done
a=$("$tool" root "$obj/vmlinux" 2>&1)
b=$("$tool" root "$obj/arch/x86/boot/bzImage" 2>&1)
[ -n "$a" ] && [ "$a" = "$b" ]
result $? "vmlinux and bzImage hold the same root ($a)" "vmlinux: $a
bzImage: $b"

while read -r file class what; do
	out=$("$tool" verify -k "$obj/vmlinux" "$data/tampered/$file" 2>&1)
	rc=$?
	case $class in
	mismatch) want="does not lead to the kernel's root" ;;
	length) want="levels, the kernel's tree has" ;;
	malformed) want="outside the kernel's tree|damaged trailer" ;;
	unsigned) want="no trailer" ;;
	esac
	[ $rc = 1 ] && grep -q -E "$want" <<<"$out"
	result $? "$what: exit 1, reported as $class" "exit $rc: $out"
done <"$data/tampered/list"

out=$("$tool" verify -k "$obj/vmlinux" "$data/extmod.ko" 2>&1)
rc=$?
[ $rc = 1 ] && grep -q "PKCS#7" <<<"$out"
result $? "a signed external module: exit 1, reported as PKCS#7" "exit $rc: $out"

out=$("$tool" verify -k "$obj/System.map" "$mods" 2>&1)
result $(($? != 2)) "a file that is no kernel: exit 2" "$out"

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
