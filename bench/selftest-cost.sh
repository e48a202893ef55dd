#!/bin/bash
# What the pre-operational self-tests of fips140.ko cost at boot: the
# default profile (built by make test or make kernel) booted under -icount
# (shift=1, sleep=off: guest time a function of the instructions
# executed) with printk timestamps, and the guest time between the last
# line before the module loads, the known-answer tests, the integrity
# self-test and the plug-in.
#
# usage: bench/selftest-cost.sh [PROFILE]
set -euo pipefail
cd "$(dirname "$0")/.."
profile=${1:-default}
obj=build/$profile

make -s initramfs PROFILE="$profile" >/dev/null
ICOUNT=1 scripts/qemu.sh "$obj" selftestcost boot printk.time=1 >/dev/null
tr -d '\r' <"$obj/runs/selftestcost/console.log" | awk -v ko="$(stat -c %s "$obj/crypto/fips140/fips140.ko")" '
	function t(line) { return substr(line, 2, index(line, "]") - 2) * 1000 }
	/devtmpfs: initialized/ { before = t($0) }
	/fips140: known-answer tests passed/ { kat = t($0) }
	/fips140: fips140.ko integrity self-test passed/ { integrity = t($0) }
	/fips140: loaded, / { plugged = t($0) }
	END {
		printf "fips140.ko=%d bytes\n", ko
		printf "load_and_known_answer_tests_ms=%.3f\n", kat - before
		printf "integrity_self_test_ms=%.3f\n", integrity - kat
		printf "plug_in_ms=%.3f\n", plugged - integrity
	}'
