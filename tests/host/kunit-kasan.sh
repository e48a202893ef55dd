#!/bin/bash
# The module-hashes KUnit suite alone (kernel/module/.kunitconfig), built
# and run by the kernel's kunit.py on x86_64 under QEMU with generic KASAN,
# in build/kunit/: every test case passes, and the kernel log has no KASAN
# report, BUG or WARNING (in 6.1 a KASAN report does not fail the test
# case it happens in). OBJDIR is not read: kunit.py builds its own kernel.
#
# usage: kunit-kasan.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build/kunit

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
out=$(cd "$tree" && python3 tools/testing/kunit/kunit.py run --arch=x86_64 \
	--build_dir="$build" --kunitconfig=kernel/module \
	--kconfig_add CONFIG_KASAN=y --kconfig_add CONFIG_KASAN_GENERIC=y \
	--kconfig_add CONFIG_KASAN_INLINE=y \
	--make_options CC="ccache gcc" --jobs "$(nproc)" --timeout 900 2>&1)
rc=$?
result $rc "kunit.py builds the suite with KASAN and runs it" "$(tail -n 30 <<<"$out")"
grep -q '^CONFIG_KASAN=y' "$build/.config"
result $? "the kernel it ran has KASAN" ""
cases=$(sed -n 's/.*\[\(PASSED\|FAILED\|SKIPPED\)\] \(module_hashes_[a-z_]*\)$/\1 \2/p' <<<"$out")
[ -n "$cases" ]
result $? "it reported test cases" "$out"
while read -r status name; do
	[ -n "$name" ] || continue
	[ "$status" = PASSED ]
	result $? "$name" ""
done <<<"$cases"
report=$(grep -E -A20 'BUG:|WARNING:' "$build/test.log")
[ -z "$report" ]
result $? "no KASAN report, BUG or WARNING in the kernel log" "$report"

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
