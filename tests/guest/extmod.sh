#!/bin/sh
# CONFIG_CRYPTO_FIPS140_EXTMOD: the built-in crypto code runs from
# fips140.ko, loaded from vmlinux at boot; crypto built as modules stays
# in modules of its own, and kmod sees what it saw without the option.
. ./lib.sh

expect_eq "CONFIG_CRYPTO_FIPS140_EXTMOD is set" y "$(config_value CRYPTO_FIPS140_EXTMOD)"
check "lsmod lists fips140" sh -c 'lsmod | grep -q "^fips140 "'
expect_eq "fips140 is live" live "$(cat /sys/module/fips140/initstate 2>&1)"
expect_eq "fips140 is not tainted: it is part of the kernel image" "" \
	"$(cat /sys/module/fips140/taint 2>&1)"
data=$(fips140_data)
origin=$(cat "$data.origin")
check "vmlinux embeds the fips140.ko $origin" \
	logged "fips140: embedded fips140.ko: $origin$"
if [ "$(config_value CRYPTO_FIPS140_DUAL_VERSION)" = y ]; then
	if [ "$data" = data/fips140.ko ]; then
		mode=with other=$(cat data/fips140-fresh.ko.origin)
	else
		mode=without other=$(cat data/fips140.ko.origin)
	fi
	check "and, dual version, loads it for boots $mode fips=1, not the one $other" \
		logged "fips140: dual version: loading the module for boots $mode fips=1, not the one $other$"
fi
check "every function and variable vmlinux uses is plugged in" \
	logged "fips140: loaded, .*plugged in, 0 missing"

# The pre-operational self-tests, on the image the build embedded, before
# anything is plugged in: known-answer tests, then the integrity self-test.
size=$(cat "$data.size")
sha=$(cat "$data.sha256")
hmac=$(cat "$data.hmac")
check "the known-answer tests of SHA-256 and HMAC-SHA-256 passed" \
	logged "fips140: known-answer tests passed: SHA-256, HMAC-SHA-256$"
check "the integrity self-test passed on the $size bytes of the build's fips140.ko" \
	logged "fips140: fips140.ko integrity self-test passed: $size bytes, HMAC-SHA-256 $hmac, SHA-256 $sha$"
kat=$(boot_log_line 'fips140: known-answer tests passed')
integrity=$(boot_log_line 'fips140: fips140.ko integrity self-test passed')
plugged=$(boot_log_line 'fips140: loaded, ')
check "in that order, and only then plugged in (boot log lines $kat, $integrity, $plugged)" \
	test "${kat:-0}" -gt 0 -a "${kat:-0}" -lt "${integrity:-0}" -a "${integrity:-0}" -lt "${plugged:-0}"
check "it cannot be unloaded" sh -c '! rmmod fips140 2>/dev/null'

# Every algorithm registered from vmlinux's side is now fips140's.
total=$(grep -c '^module' /proc/crypto)
ours=$(grep -c '^module *: fips140$' /proc/crypto)
expect_eq "no algorithm is left in vmlinux" 0 "$(grep -c '^module *: kernel$' /proc/crypto)"
check "fips140 provides algorithms ($ours of $total)" test "$ours" -gt 0

# camellia_generic: "module : fips140" when built in, its own module when =m.
case $(config_value CRYPTO_CAMELLIA) in
y)
	check "camellia_generic (=y) is fips140's" \
		sh -c 'grep -A3 "^driver *: camellia-generic$" /proc/crypto | grep -q "^module *: fips140$"' ;;
m)
	check "camellia_generic (=m) loads as a module of its own" modprobe camellia_generic
	check "/proc/crypto shows camellia from camellia_generic" \
		sh -c 'grep -A3 "^driver *: camellia-generic$" /proc/crypto | grep -q "^module *: camellia_generic$"'
	if [ "$(config_value MODVERSIONS)" = y ]; then
		file=$(modinfo -F filename camellia_generic)
		crc=$(modprobe --dump-modversions "$file" 2>&1 |
			awk '$2 == "crypto_register_alg" { print $1 }')
		check "camellia_generic carries the CRC of fips140's crypto_register_alg ($crc)" \
			test -n "$crc" -a "$crc" != 0x00000000
	fi
	rmmod camellia_generic ;;
*)
	not_ok "the profile has CONFIG_CRYPTO_CAMELLIA (y or m)" ;;
esac

if [ "$(config_value MODVERSIONS)" = y ]; then
	check "no module disagreed about a symbol version" \
		not_logged "disagrees about version of symbol|no symbol version for"
fi

# For kmod, fips140 and what it holds are built in.
if [ "$(config_value CRYPTO_SHA256)" = y ]; then
	check "modprobe finds sha256_generic built in" modprobe sha256_generic
	check "modules.builtin lists sha256_generic" \
		grep -q '^kernel/crypto/sha256_generic.ko$' "/lib/modules/$(uname -r)/modules.builtin"
fi
check "modprobe finds fips140 built in" modprobe fips140
check "modules.builtin lists fips140" \
	grep -q '^kernel/crypto/fips140/fips140.ko$' "/lib/modules/$(uname -r)/modules.builtin"

# Parameters keep their built-in names and are read from the kernel
# command line (make test boots once with cryptomgr.notests=1).
param=/sys/module/fips140/parameters/cryptomgr.notests
if cmdline_has cryptomgr.notests=1; then
	expect_eq "cryptomgr.notests=1 on the command line reaches $param" Y \
		"$(cat "$param" 2>&1)"
	check "and the self-tests are skipped" logged "alg: self-tests disabled"
else
	expect_eq "$param is off" N "$(cat "$param" 2>&1)"
	check "and the self-tests ran" not_logged "alg: self-tests disabled"
fi

# With module BTF, the module has its own, split BTF encoded against
# vmlinux's as any module's: the crypto functions and types it holds are
# there and no longer in vmlinux's. The module of another build
# (CRYPTO_FIPS140_EXTMOD_SOURCE) has BTF split against that build's
# vmlinux, which is not used; this build's own module beside it, in a
# dual-version kernel, is built without.
if [ "$(config_value DEBUG_INFO_BTF_MODULES)" = y ] &&
   [ "$(config_value CRYPTO_FIPS140_EXTMOD_SOURCE)" = y ]; then
	check "the module's BTF is not used: no /sys/kernel/btf/fips140" \
		test ! -e /sys/kernel/btf/fips140
	if [ "$data" = data/fips140.ko ]; then
		check "the kernel says why" \
			logged "fips140: BTF not used, it is based on another vmlinux's"
	fi
elif [ "$(config_value DEBUG_INFO_BTF_MODULES)" = y ]; then
	btf=/sys/kernel/btf/fips140
	check "$btf exists" test -r "$btf"
	bpftool btf dump file "$btf" -B /sys/kernel/btf/vmlinux >/tmp/fips140.btf 2>&1
	check "bpftool dumps it against vmlinux's BTF ($(grep -c '^\[' /tmp/fips140.btf) types)" test $? = 0
	first=$(sed -n 's/^\[\([0-9]*\)\].*/\1/p' /tmp/fips140.btf | head -n 1)
	vmlinux_types=$(bpftool btf dump file /sys/kernel/btf/vmlinux | grep -c '^\[')
	expect_eq "its types are numbered after vmlinux's $vmlinux_types" $((vmlinux_types + 1)) "$first"
	check "it has crypto_alloc_base(), a function of the crypto core" \
		grep -q "^\[[0-9]*\] FUNC 'crypto_alloc_base' " /tmp/fips140.btf
	check "it has struct crypto_larval, a type of the crypto core" \
		grep -q "^\[[0-9]*\] STRUCT 'crypto_larval' " /tmp/fips140.btf
	check "vmlinux's BTF has neither" sh -c "! bpftool btf dump file /sys/kernel/btf/vmlinux |
		grep -q \"FUNC 'crypto_alloc_base' \\|STRUCT 'crypto_larval' \""
fi
