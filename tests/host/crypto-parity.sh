#!/bin/bash
# /proc/crypto of a profile against the stock profile's, as the crypto
# suite dumps them at the end of their parity boots: the same algorithms
# with the same drivers, priorities and self-test results. For a profile
# that moves the built-in crypto code into fips140.ko.
#
# usage: crypto-parity.sh TREE OBJDIR RESULT_FILE REFERENCE RUN
# REFERENCE is the stock boot to compare with, as PROFILE/RUN (its build
# directory beside OBJDIR), RUN the boot of OBJDIR's profile (TREE is not
# read).
set -uo pipefail

obj=$2
result=$3
stock=$(dirname "$obj")/${4%%/*}/runs/${4#*/}/ktap.log
profile=$obj/runs/$5/ktap.log
top=$(cd "$(dirname "$0")/../.." && pwd)

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

dump() { sed -n 's/^ *# proc-crypto //p' "$1" 2>/dev/null | LC_ALL=C sort; }

echo "KTAP version 1"
a=$(dump "$stock")
b=$(dump "$profile")
count=$(grep -c . <<<"$b")
[ -n "$a" ] && [ -n "$b" ]
result $? "both boots dumped /proc/crypto ($count algorithms here)" \
	"stock: $stock
profile: $profile"
out=$(diff <(echo "$a") <(echo "$b"))
result $? "name, driver, priority and self-test of every algorithm as in stock" "$out"

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
