#!/bin/sh
# Booted with fips140_test_unplugged=pkcs7_parse_message: the loader left
# that function's placeholder unplugged, so the module signature check,
# which calls it from vmlinux, must panic naming it. The host expects the
# panic (EXPECT_PANIC); nothing this suite prints is seen if it happens.
. ./lib.sh

echo "unplugged: loading a signed module" >/dev/kmsg
modprobe crc7
not_ok "modprobe crc7 returned ($?) instead of the kernel panicking"
