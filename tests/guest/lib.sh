#!/bin/sh
# Helpers for the guest test suites. A suite prints one KTAP result line
# per check on stdout; anything else it prints becomes a diagnostic.

n=0

ok() { n=$((n + 1)); echo "ok $n $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n $*"; }
diag() { echo "$*" | sed 's/^/# /'; }

# check DESCRIPTION COMMAND...: one result, the command's output as
# diagnostics when it fails.
check() {
	desc=$1
	shift
	if out=$("$@" 2>&1); then
		ok "$desc"
	else
		not_ok "$desc"
		diag "$out"
	fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1"
		diag "expected: $2"
		diag "got:      $3"
	fi
}

# config_value OPTION: the option's value in the running kernel's config
# ("y", "m", a string, or empty when unset).
config_value() {
	zcat /proc/config.gz | sed -n "s/^CONFIG_$1=//p"
}

# fips140_data: where tests/prepare/fips140.sh put the SHA-256, size,
# digest and origin of the fips140.ko this boot loads: with
# CONFIG_CRYPTO_FIPS140_DUAL_VERSION and without fips=1, this build's own.
fips140_data() {
	if [ "$(config_value CRYPTO_FIPS140_DUAL_VERSION)" = y ] &&
	   [ "$(cat /proc/sys/crypto/fips_enabled)" != 1 ]; then
		echo data/fips140-fresh.ko
	else
		echo data/fips140.ko
	fi
}

# cmdline_has WORD: whether the kernel command line holds WORD.
cmdline_has() {
	case " $(cat /proc/cmdline) " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# module_policy: sets enforce (Y or N, module.sig_enforce) and locked (y
# when lockdown refuses unauthenticated modules, else n), as diagnostics too.
# shellcheck disable=SC2034 # the suites read enforce and locked
module_policy() {
	enforce=$(cat /sys/module/module/parameters/sig_enforce)
	lockdown=$(sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/security/lockdown 2>/dev/null)
	case $lockdown in
	integrity | confidentiality) locked=y ;;
	*) locked=n ;;
	esac
	diag "sig_enforce=$enforce lockdown=${lockdown:-none}"
}

# kernel_log: the kernel's messages since boot, even when a suite has
# cleared the ring buffer (lines of the boot may appear twice).
kernel_log() {
	cat /tmp/boot.log
	dmesg
}

# logged PATTERN: whether the kernel logged a line matching PATTERN (ERE)
# since boot; not_logged PATTERN: the opposite, printing such lines.
logged() { kernel_log | grep -q -E "$1"; }
not_logged() { ! kernel_log | grep -E "$1"; }

# boot_log_line PATTERN: the number of the first line of the boot's
# messages (up to /init) that matches PATTERN (ERE), or nothing.
boot_log_line() { grep -n -m1 -E "$1" /tmp/boot.log | cut -d: -f1; }
