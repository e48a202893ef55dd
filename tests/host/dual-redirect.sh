#!/bin/bash
# scripts/gen-fips140-redirect.sh of the dual version, on two small objects
# whose exports differ: the trampolines and --wrap options cover the union,
# and each function only one of the two modules exports is named, with the
# module that exports it. KTAP.
#
# usage: dual-redirect.sh TREE
set -uo pipefail

tree=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
export NM=nm
redirect() { sh "$tree/scripts/gen-fips140-redirect.sh" "$@"; }

# module NAME FUNCTION...: an object exporting FUNCTION..., as a module
# does (a __ksymtab_ entry each), plus the loader's own fips140_mark and
# a variable, which are not redirected.
module() {
	local name=$1 f
	shift
	{
		echo "int exported_variable; int __ksymtab_exported_variable;"
		echo "void fips140_mark(void) {} int __ksymtab_fips140_mark;"
		for f in "$@"; do
			echo "void $f(void) {} int __ksymtab_$f;"
		done
	} >"$name.c"
	gcc -c -o "$name.o" "$name.c"
}

echo "KTAP version 1"
module fresh crypto_both crypto_fresh_only
module set crypto_both crypto_set_only
out=$(redirect fresh.o list wrap set.o 2>&1)
result $? "gen-fips140-redirect.sh runs on two modules" "$out"

want="fips140: only fresh.o exports crypto_fresh_only(): a call to it panics while the other module is loaded
fips140: only set.o exports crypto_set_only(): a call to it panics while the other module is loaded"
[ "$(printf '%s\n' "$out" | sort)" = "$want" ]
result $? "it names each function only one module exports, and no other" "$out"

[ "$(cat list 2>&1)" = "FIPS140_REDIRECT(crypto_both)
FIPS140_REDIRECT(crypto_fresh_only)
FIPS140_REDIRECT(crypto_set_only)" ]
result $? "the trampolines are the union of the two modules' functions" "$(cat list 2>&1)"

[ "$(cat wrap 2>&1)" = "--wrap=crypto_both
--wrap=crypto_fresh_only
--wrap=crypto_set_only" ]
result $? "so are the --wrap options" "$(cat wrap 2>&1)"

rm -f list wrap
module same crypto_both crypto_fresh_only
out=$(redirect fresh.o list wrap same.o 2>&1) &&
	[ -z "$out" ] && [ "$(wc -l <list)" = 2 ]
result $? "two modules with the same functions: nothing named, no trampoline twice" "$out"

echo "1..$n"
[ "$failed" = 0 ]
