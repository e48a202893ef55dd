#!/bin/sh
# CONFIG_CRYPTO_FIPS140_EXTMOD: the modules of crypto-objs-m carry the
# digest of the fips140.ko built with them (section .fips140_set). With
# fips=1 one that carries another digest is refused before it runs; a
# module of the set loads. Without fips=1 the digest is not looked at.
# Either way, every algorithm is fips140's or of a module of the set.
. ./lib.sh

mod=$(cat data/fips140set.module 2>/dev/null)
other=data/fips140set-other.ko
if [ -z "$mod" ] || [ ! -f "$other" ]; then
	not_ok "tests/prepare/fips140.sh made a copy of a module of crypto-objs-m with another digest"
	exit 0
fi
refused="$mod: built with another fips140.ko than the one in vmlinux (.fips140_set): refused in FIPS mode"
refused_re=$(printf '%s' "$refused" | sed 's/[.()]/\\&/g')

modprobe -r "$mod" 2>/dev/null
if [ "$(cat /proc/sys/crypto/fips_enabled)" = 1 ]; then
	lsmod >/tmp/lsmod.before
	out=$(insmod "$other" 2>&1)
	check "fips=1: insmod of $mod with another digest fails: $out" test $? != 0
	check "with: $refused" logged "$refused_re"
	lsmod >/tmp/lsmod.after
	check "lsmod is as before" cmp -s /tmp/lsmod.before /tmp/lsmod.after
	check "fips=1: modprobe $mod, the module of the set, loads it" modprobe "$mod"
	check "with no refusal of it logged but the one above" \
		test "$(kernel_log | grep -c -F "$refused")" = 1
else
	check "without fips=1: insmod of $mod with another digest loads it" insmod "$other"
	check "nothing is refused" not_logged "refused in FIPS mode"
	check "rmmod $mod" rmmod "$mod"
	check "modprobe $mod, the module of the set, loads it" modprobe "$mod"
fi

total=$(grep -c '^module' /proc/crypto)
others=$(sed -n 's/^module *: //p' /proc/crypto | sort -u |
	grep -v -x -F -e fips140 -f data/fips140set.modules)
expect_eq "the $total algorithms of /proc/crypto are fips140's or of modules of crypto-objs-m" \
	"" "$others"
