#!/bin/bash
# Authentication cost per module load, MODULE_SIG (the stock profile: the
# build's RSA-4096 key, SHA-256) against MODULE_HASHES (the hashes
# profile), same modules, in deterministic guest time (-icount
# shift=1,sleep=off): boots each profile with tests/guest/authcost.sh and
# prints its figures. Needs the two profiles built (make kernel).
#
# usage: bench/auth-cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."

for p in stock hashes; do
	make -s initramfs PROFILE="$p" >/dev/null
	ICOUNT=1 scripts/qemu.sh "build/$p" authcost "authcost" "" >/dev/null || true
	sed -n "s/^ *# authcost /$p /p" "build/$p/runs/authcost/ktap.log"
done
