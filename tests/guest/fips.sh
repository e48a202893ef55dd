#!/bin/sh
# fips= on the command line sets /proc/sys/crypto/fips_enabled, and FIPS
# mode is in force: the self-tests run and report, unapproved algorithms
# are refused.
. ./lib.sh

# encrypts CIPHER: "yes" if AF_ALG encrypts a block with CIPHER, else "no".
encrypts() {
	out=$(printf 0123456789abcdef | kcapi-enc -q -e -c "$1" --keyfd 3 3<data/key16 2>/dev/null | wc -c)
	[ "$out" -gt 0 ] && echo yes || echo no
}

want=0
cmdline_has fips=1 && want=1
expect_eq "CONFIG_CRYPTO_FIPS is on" y "$(config_value CRYPTO_FIPS)"
expect_eq "fips_enabled is $want" "$want" "$(cat /proc/sys/crypto/fips_enabled)"

if [ "$want" = 1 ]; then
	# Blowfish is not FIPS-approved: FIPS mode must refuse it, while AES,
	# asked for the same way, works (a broken AF_ALG would refuse both).
	expect_eq "an approved cipher (ecb(aes)) works" yes "$(encrypts 'ecb(aes)')"
	expect_eq "an unapproved cipher (ecb(blowfish)) is refused" no "$(encrypts 'ecb(blowfish)')"
	# Counted after asking for AES: a profile with every algorithm as a
	# module may test none before.
	passed=$(kernel_log | grep -c 'alg: self-tests for .* passed')
	check "the self-tests ran in FIPS mode ($passed reported passed)" test "$passed" -gt 0
	check "no self-test failed" not_logged "alg: .*(failed|error)"
	if [ "$(config_value CRYPTO_FIPS140_EXTMOD)" = y ]; then
		integrity=$(boot_log_line 'fips140: fips140.ko integrity self-test passed')
		first=$(boot_log_line 'alg: self-tests for .* passed')
		check "fips140.ko's integrity self-test (boot log line $integrity) passed before the first algorithm's (line $first)" \
			test "${integrity:-0}" -gt 0 -a "${integrity:-0}" -lt "${first:-0}"
	fi
else
	expect_eq "FIPS mode not entered" "" "$(kernel_log | grep 'fips mode: enabled')"
	expect_eq "outside FIPS mode, ecb(blowfish) works" yes "$(encrypts 'ecb(blowfish)')"
fi
