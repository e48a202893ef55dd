#!/bin/sh
# dm-crypt with cryptsetup on a ramdisk: data written through the mapping
# reads back, and the ramdisk holds ciphertext, not the data.
. ./lib.sh

# No udev here: libdevmapper makes the /dev/mapper nodes itself.
export DM_DISABLE_UDEV=1
dev=/dev/ram0
map=wbcrypt

check "modprobe brd" modprobe brd rd_nr=1 rd_size=4096
head -c 64 /dev/urandom >/tmp/dmkey
check "cryptsetup opens a plain aes-xts-plain64 mapping" \
	cryptsetup open --type plain --cipher aes-xts-plain64 --key-size 512 \
		--key-file /tmp/dmkey "$dev" "$map"
diag "$(cryptsetup status "$map" 2>&1)"

# A recognisable plaintext: 1 MiB of repeated text.
yes 'plaintext written through dm-crypt' | head -c 1048576 >/tmp/plain
check "write through the mapping" \
	dd if=/tmp/plain of="/dev/mapper/$map" bs=65536 conv=fsync
check "drop the page cache" sh -c 'echo 3 >/proc/sys/vm/drop_caches'
check "the data reads back" sh -c "head -c 1048576 /dev/mapper/$map | cmp - /tmp/plain"
check "the ramdisk holds no plaintext" sh -c "! head -c 1048576 $dev | grep -q 'plaintext written'"
check "the ramdisk differs from the data" sh -c "! head -c 1048576 $dev | cmp -s - /tmp/plain"
check "cryptsetup closes the mapping" cryptsetup close "$map"
check "reopen with the same key reads the data back" sh -c "
	cryptsetup open --type plain --cipher aes-xts-plain64 --key-size 512 \
		--key-file /tmp/dmkey $dev $map &&
	head -c 1048576 /dev/mapper/$map | cmp - /tmp/plain &&
	cryptsetup close $map"
check "rmmod brd" rmmod brd
