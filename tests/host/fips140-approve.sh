#!/bin/bash
# Kernel B with a change that moves CRCs and no layout
# (tests/host/crypto-alg-typedef.patch): tests/host/fips140-abi-break.sh
# with "approves". B's build must approve the CRC pairs by type, and B
# boot with A's fips140.ko, with fips=1 and without.
#
# usage: fips140-approve.sh TREE OBJDIR RESULT_FILE PATCH
exec "$(dirname "$0")/fips140-abi-break.sh" "$1" "$2" "$3" "$4" approves
