#!/bin/bash
# A byte changed in the fips140.ko that vmlinux embeds (not through a test
# option): the module's integrity self-test must catch it. The changed
# vmlinux boots through its PVH entry point (CONFIG_PVH): with fips=1 it
# must panic naming both digests, without it log the failure, taint the
# kernel and go on (tests/guest/fips140fail.sh).
#
# usage: tampered-image.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$obj/runs/tampered-image

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

echo "KTAP version 1"
mkdir -p "$dir"
hmac=$(cat "$obj/crypto/fips140/fips140.ko.hmac")

# The module's description, in its .modinfo: a byte the loader does not
# look at, so the load goes as far as the self-test.
out=$(python3 - "$obj/vmlinux" "$obj/crypto/fips140/fips140.ko" "$dir/vmlinux" <<'PY' 2>&1
import struct, sys

vmlinux, ko, out = sys.argv[1:]
data = bytearray(open(vmlinux, 'rb').read())
image = open(ko, 'rb').read()
assert data[:5] == b'\x7fELF\x02', 'vmlinux is not a 64-bit ELF file'
start = data.find(image)
assert start >= 0, 'vmlinux does not embed fips140.ko'
assert data.find(image, start + 1) < 0, 'vmlinux embeds fips140.ko twice'
marker = b'description=The crypto subsystem'
at = image.find(marker)
assert at >= 0, 'no description in fips140.ko'
at += len('description=')
data[start + at] ^= 0x20
open(out, 'wb').write(data)
print('changed byte %d of the image (file offset %d of vmlinux)' % (at, start + at))
PY
)
result $? "a byte of the embedded fips140.ko changed in a copy of vmlinux" "$out"
echo "# $out"

run() {
	local name=$1 expect=$2 suites=$3 args=$4
	KERNEL=$dir/vmlinux EXPECT=$expect RESULTS=$dir \
		"$top/scripts/qemu.sh" "$obj" "$name" "$suites" "$args" >"$dir/$name.out" 2>&1
	result $? "$name: ${expect:-$suites}" "$(cat "$dir/$name.out")"
}

run tampered-fips "boot panic: fips140: fips140.ko integrity self-test failed: HMAC-SHA-256 " \
	boot fips=1
grep -q "expected $hmac" "$obj/runs/tampered-fips/console.log"
result $? "the panic names the digest the build computed ($hmac)" \
	"$(grep 'Kernel panic' "$obj/runs/tampered-fips/console.log")"
run tampered "" fips140fail ""

echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
