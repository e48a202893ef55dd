#!/bin/sh
# Module signature policy, as sig_enforce and lockdown set it: a signed
# module loads; a module whose signature no longer matches is refused
# always; an unsigned one is refused when enforcing or locked down, and
# otherwise loads and taints the kernel (TAINT_UNSIGNED_MODULE, "E").
. ./lib.sh

if [ "$(config_value MODULE_SIG_ALL)" != y ]; then
	not_ok "this profile signs its modules (MODULE_SIG_ALL)"
	exit 0
fi

module_policy
ko=$(modinfo -n crc7)
size=$(wc -c <"$ko")

# The trailer: struct module_signature (sig_len in its last 4 bytes), then
# the 28-byte marker.
sig_len=$((0x$(tail -c 32 "$ko" | head -c 4 | xxd -p)))
head -c $((size - 28 - 12 - sig_len)) "$ko" >/tmp/unsigned.ko
cp "$ko" /tmp/tampered.ko
printf '\377' | dd of=/tmp/tampered.ko bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null

# try FILE: insmod FILE; prints "loaded" or the error, unloads again.
try() {
	if out=$(insmod "$1" 2>&1); then
		rmmod crc7
		echo loaded
	else
		echo "$out" | sed 's/.*: //'
	fi
}

expect_eq "the signed module loads" loaded "$(try "$ko")"
expect_eq "a signed module with a changed byte is refused" \
	"Key was rejected by service" "$(try /tmp/tampered.ko)"

taint_before=$(($(cat /proc/sys/kernel/tainted) & 8192))
got=$(try /tmp/unsigned.ko)
if [ "$enforce" = Y ]; then
	expect_eq "an unsigned module is refused under sig_enforce" \
		"Key was rejected by service" "$got"
elif [ "$locked" = y ]; then
	expect_eq "an unsigned module is refused under lockdown" \
		"Operation not permitted" "$got"
else
	expect_eq "an unsigned module loads without enforcement" loaded "$got"
	expect_eq "and taints the kernel as unsigned" "0 8192" \
		"$taint_before $(($(cat /proc/sys/kernel/tainted) & 8192))"
fi
check "crc7 is not left loaded" sh -c '! lsmod | grep -q "^crc7 "'
