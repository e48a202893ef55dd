#!/bin/sh
# tcrypt's test mode (mode=0): the kernel's own known-answer tests of
# every algorithm tcrypt knows, run by loading the module. Outside FIPS
# mode it never stays loaded: it fails with EAGAIN when every test passed,
# with the error of a failed one otherwise, and then logs "one or more
# tests failed".
. ./lib.sh

# tcrypt ARGS...: load tcrypt with ARGS; sets rc, out (modprobe's message)
# and log (the kernel's messages meanwhile).
tcrypt() {
	dmesg -c >/dev/null
	out=$(modprobe tcrypt "$@" 2>&1)
	rc=$?
	log=$(dmesg -c)
	diag "modprobe tcrypt $*: exit $rc: $out"
}

# holds TEXT PATTERN / lacks TEXT PATTERN
holds() { echo "$1" | grep -q -E "$2"; }
lacks() { ! echo "$1" | grep -E "$2"; }

expect_eq "CONFIG_CRYPTO_TEST is a module" m "$(config_value CRYPTO_TEST)"

# The harness reports a failure: an algorithm that does not exist.
tcrypt mode=0 alg=no-such-algorithm
check "a test of a missing algorithm fails" test "$rc" != 0
check "and tcrypt says so" holds "$log" "tcrypt: one or more tests failed"

tcrypt mode=0
if [ "$(cat /proc/sys/crypto/fips_enabled)" = 1 ]; then
	expect_eq "tcrypt mode=0 loads in FIPS mode (all passed)" 0 "$rc"
	rmmod tcrypt
else
	check "tcrypt mode=0 ends with EAGAIN (all passed)" \
		holds "$out" "Resource temporarily unavailable"
fi
check "tcrypt reports no failed test" lacks "$log" "tcrypt: one or more tests failed"
check "no algorithm test failed" lacks "$log" "alg: .*(failed|error)"
