#!/bin/sh
# The report of "make run": what this kernel is and what it runs. One
# check: the report could be read.
. ./lib.sh

onoff() { case $(config_value "$1") in y) echo on ;; m) echo module ;; *) echo off ;; esac; }

{
	echo "kernel:      $(uname -r) ($(uname -v))"
	echo "command line: $(cat /proc/cmdline)"
	echo "features:    MODULE_HASHES $(onoff MODULE_HASHES), CRYPTO_FIPS140_EXTMOD $(onoff CRYPTO_FIPS140_EXTMOD)"
	echo "fips_enabled: $(cat /proc/sys/crypto/fips_enabled)"
	echo "module authentication: MODULE_SIG $(onoff MODULE_SIG), MODULE_HASHES $(onoff MODULE_HASHES)," \
		"sig_enforce $(cat /sys/module/module/parameters/sig_enforce 2>/dev/null || echo n/a)," \
		"lockdown $(sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/security/lockdown 2>/dev/null || echo n/a)"
	if [ "$(config_value CRYPTO_FIPS140_EXTMOD)" = y ]; then
		log=$(sed 's/^\[[^]]*\] //' /tmp/boot.log)
		kat=$(boot_log_line 'fips140: known-answer tests')
		integrity=$(boot_log_line 'fips140: fips140.ko integrity self-test')
		echo "fips140.ko:  $(echo "$log" | sed -n 's/^fips140: fips140.ko integrity self-test passed: \([0-9]*\) bytes.* SHA-256 \(.*\)/\1 bytes, SHA-256 \2/p')"
		echo "  image: $(echo "$log" | sed -n 's/^fips140: embedded fips140.ko: //p')"
		dual=$(echo "$log" | sed -n 's/^fips140: dual version: //p')
		[ -z "$dual" ] || echo "  dual version: $dual"
		echo "  integrity self-test: $(echo "$log" | sed -n 's/^fips140: fips140.ko integrity self-test \(passed\|failed\).*/\1/p')"
		if [ -n "$kat" ] && [ -n "$integrity" ] && [ "$kat" -lt "$integrity" ]; then
			echo "  known-answer tests: $(echo "$log" | sed -n 's/^fips140: known-answer tests //p'), before the integrity self-test"
		else
			echo "  known-answer tests: not run before the integrity self-test"
		fi
	fi
	modprobe crc7 >/dev/null 2>&1
	echo "lsmod:"
	lsmod | sed 's/^/  /'
	echo "/proc/crypto: $(grep -c '^name' /proc/crypto) algorithms," \
		"$(grep -c '^selftest.*: passed' /proc/crypto) with self-test passed," \
		"$(grep -c '^module.*: kernel' /proc/crypto) built in"
	awk -F' *: ' '$1 == "type" { n[$2]++ } END { for (t in n) printf "  %-10s %d\n", t, n[t] }' /proc/crypto | sort
} >/tmp/report
diag "$(cat /tmp/report)"
check "report written" test -s /tmp/report
