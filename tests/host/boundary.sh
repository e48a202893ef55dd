#!/bin/bash
# The boundary of fips140.ko (CONFIG_CRYPTO_FIPS140_EXTMOD): the module
# must not run crypto code that stays in vmlinux. List every symbol it
# imports from vmlinux with the directory of the object that defines it,
# and fail on any defined in lib/crypto/, lib/mpi/ or an architecture's
# crypto directory: that code belongs in the module
# (crypto/fips140/Makefile, fips140-lib.o).
#
# usage: boundary.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
ko=$obj/crypto/fips140/fips140.ko

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
[ -f "$ko" ]
result $? "the build made $(basename "$ko")" "no $ko"

# symbol -> object of vmlinux.a defining it (a thin archive: its members
# are paths); a symbol no object defines comes from the linker script.
nm -u "$ko" | awk '{ print $2 }' | sort -u >"$obj/boundary.imports"
nm -A --defined-only "$obj/vmlinux.a" 2>/dev/null |
	awk -v obj="$obj/" '$(NF-1) !~ /^[aUw]$/ {
		split($1, p, ":"); f = p[2]
		if (index(f, obj) == 1) f = substr(f, length(obj) + 1)
		print $NF, f }' |
	sort -u -k1,1 >"$obj/boundary.defs"
join -a 1 -e vmlinux.lds -o 1.1,2.2 "$obj/boundary.imports" "$obj/boundary.defs" \
	>"$obj/boundary.list"

total=$(wc -l <"$obj/boundary.imports")
crypto=$(awk '$2 ~ /^(lib\/crypto|lib\/mpi|arch\/[^\/]*\/crypto)\// { print $1 " (" $2 ")" }' "$obj/boundary.list")
echo "# $total imports from vmlinux, by the directory that defines them:"
awk '{ d = $2; sub(/\/[^\/]*$/, "/", d); n[d]++ } END { for (d in n) printf "#   %4d %s\n", n[d], d }' \
	"$obj/boundary.list" | sort -k3
result "$([ "$total" -gt 0 ] && echo 0 || echo 1)" "fips140.ko imports from vmlinux ($total symbols)"
[ -z "$crypto" ]
result $? "none of them is crypto code of lib/crypto/, lib/mpi/ or arch/*/crypto/" \
	"$(echo "$crypto" | wc -l) are:
$crypto"
result "$(grep -q '^fips_enabled ' "$obj/boundary.list" && echo 0 || echo 1)" \
	"fips_enabled, which stays in vmlinux, is among them"

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
