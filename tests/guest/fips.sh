#!/bin/sh
# fips= on the command line sets /proc/sys/crypto/fips_enabled, and FIPS
# mode is in force: the self-tests run and report, unapproved algorithms
# are refused.
. ./lib.sh

want=0
cmdline_has fips=1 && want=1
expect_eq "CONFIG_CRYPTO_FIPS is on" y "$(config_value CRYPTO_FIPS)"
expect_eq "fips_enabled is $want" "$want" "$(cat /proc/sys/crypto/fips_enabled)"

if [ "$want" = 1 ]; then
	passed=$(dmesg | grep -c 'alg: self-tests for .* passed')
	check "the self-tests ran in FIPS mode ($passed reported passed)" test "$passed" -gt 0
	check "no self-test failed" sh -c '! dmesg | grep -E "alg: .*(failed|error)"'
	# Blowfish is not FIPS-approved: FIPS mode must refuse it.
	if printf abcdefgh | kcapi-enc -q -e -c 'ecb(blowfish)' --keyfd 3 3<data/key16 >/dev/null 2>&1; then
		not_ok "an unapproved cipher (ecb(blowfish)) is refused"
	else
		ok "an unapproved cipher (ecb(blowfish)) is refused"
	fi
else
	expect_eq "FIPS mode not entered" "" "$(dmesg | grep 'fips mode: enabled')"
fi
