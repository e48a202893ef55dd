#!/bin/sh
# A failed pre-operational self-test of fips140.ko outside FIPS mode: it
# is logged, the kernel is tainted, and the boot goes on. The failure is
# the one the command line injects (CONFIG_CRYPTO_FIPS140_EXTMOD_TEST_FAILURES),
# or, with neither parameter, a byte changed in the image embedded in
# vmlinux (the tampered-image check).
. ./lib.sh

# tainted BIT: whether the kernel's taint mask has BIT.
tainted() { [ $(($(cat /proc/sys/kernel/tainted) >> $1 & 1)) = 1 ]; }

hmac=$(cat "$(fips140_data).hmac")
fail_selftest=$(sed -n 's/.*fips140_test_fail_selftest=\([^ ]*\).*/\1/p' /proc/cmdline)

expect_eq "not in FIPS mode" 0 "$(cat /proc/sys/crypto/fips_enabled)"
check "the known-answer tests passed" logged "fips140: known-answer tests passed"
if [ -n "$fail_selftest" ]; then
	check "the integrity self-test passed" logged "fips140: fips140.ko integrity self-test passed"
	check "fips140_test_fail_selftest=$fail_selftest was applied" \
		logged "fips140: testing: failing the self-tests of (.* \\($fail_selftest\\)|$fail_selftest \\(.*\\))"
	check "the crypto manager reported the failure" \
		logged "alg: self-tests for [^ ]* using [^ ]* failed \\(rc=-74\\)"
	check "and warned, which taints the kernel (W)" tainted 9
	expect_eq "/proc/crypto shows $fail_selftest untested" unknown \
		"$(awk -v d="$fail_selftest" '$1 == "driver" { cur = $3 } $1 == "selftest" && cur == d { print $3 }' /proc/crypto)"
else
	msg="fips140: fips140.ko integrity self-test failed: HMAC-SHA-256 [0-9a-f]{64}, expected $hmac$"
	if cmdline_has fips140_test_fail_integrity; then
		check "fips140_test_fail_integrity was applied" \
			logged "fips140: testing: failing the integrity self-test"
	else
		check "no failure was injected: the image itself was changed" \
			not_logged "fips140: testing:"
	fi
	check "the integrity self-test failed, with the digests" logged "$msg"
	expect_eq "the failure is logged once" 1 "$(grep -c -E "$msg" /tmp/boot.log)"
	check "it did not pass" not_logged "integrity self-test passed"
	check "the kernel is tainted (E, an unauthenticated module)" tainted 13
fi

# The boot went on: the module is live and its algorithms work (sha512
# from another driver when sha512-generic failed).
expect_eq "fips140 is live" live "$(cat /sys/module/fips140/initstate 2>&1)"
check "every function and variable vmlinux uses is plugged in" \
	logged "fips140: loaded, .*plugged in, 0 missing"
for alg in sha1 sha256 sha512; do
	check "AF_ALG computes $alg" sh -c "printf abc | kcapi-dgst -c $alg --hex"
done
