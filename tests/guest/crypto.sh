#!/bin/sh
# /proc/crypto lists every algorithm the profile asks for (see
# ./algorithms), each with its self-test passed, and the self-tests really
# ran: CRYPTO_MANAGER_DISABLE_TESTS marks algorithms "passed" untested.
. ./lib.sh

expect_eq "run-time self-tests are built in (CRYPTO_MANAGER_DISABLE_TESTS unset)" \
	"" "$(config_value CRYPTO_MANAGER_DISABLE_TESTS)"

# proc_crypto DRIVER FIELD: a field of DRIVER's entry in /proc/crypto.
proc_crypto() {
	awk -v drv="$1" -v field="$2" '
		/^$/ { if (d == drv) exit; d = ""; v = "" }
		{ k = $1; sub(/^[^:]*: /, "") }
		k == "driver" { d = $0 }
		k == field { v = $0 }
		END { if (d == drv) print v }' /proc/crypto
}

grep -v -e '^#' -e '^$' algorithms | while read -r opt type driver request; do
	value=$(config_value "CRYPTO_$opt")
	[ "$value" = y ] || [ "$value" = m ] || continue
	if [ "$type" != - ]; then
		out=$(./alg-bind "$type" "${request:-$driver}" 2>&1) || diag "$out"
	elif [ -z "$(proc_crypto "$driver" driver)" ]; then
		# Nothing asked for it at boot (a module): load it by its alias.
		out=$(modprobe "crypto-${request:-$driver}" 2>&1) || diag "$out"
	fi
	expect_eq "$driver (CONFIG_CRYPTO_$opt=$value) self-test" passed \
		"$(proc_crypto "$driver" selftest)"
done

# Whatever else the profile registered passed its self-test too.
untested=$(awk '
	/^$/ { if (d != "" && s != "passed") print d ": " s; d = s = "" }
	{ k = $1; sub(/^[^:]*: /, "") }
	k == "driver" { d = $0 } k == "selftest" { s = $0 }' /proc/crypto)
expect_eq "every algorithm in /proc/crypto ($(grep -c '^driver' /proc/crypto)) passed its self-test" \
	"" "$untested"

# /proc/crypto as it stands now, for the host to compare between profiles
# (tests/host/crypto-parity.sh): name, driver, priority, self-test.
awk '
	/^$/ { if (d != "") print "# proc-crypto", n, d, p, s; n = d = p = s = "" }
	{ k = $1; sub(/^[^:]*: /, "") }
	k == "name" { n = $0 } k == "driver" { d = $0 }
	k == "priority" { p = $0 } k == "selftest" { s = $0 }' /proc/crypto
