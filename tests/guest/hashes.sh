#!/bin/sh
# Hash-based module authentication (CONFIG_MODULE_HASHES): every module of
# the build loads with its proof and counts as signed; damaged copies
# (made on the host by tests/tampered-modules.py) get the error their
# damage calls for and leave nothing behind; an external module signed
# with the build's key loads only when MODULE_SIG is on; a compressed
# module loads through finit_module(); concurrent modprobes stay correct;
# modinfo shows a proof where Debian's kmod shows nothing.
. ./lib.sh

if [ "$(config_value MODULE_HASHES)" != y ]; then
	not_ok "this profile has MODULE_HASHES"
	exit 0
fi

module_policy

loaded() { [ -d "/sys/module/$1" ]; }

# try FILE [NAME]: insmod FILE; prints "loaded <module taint>" or the
# error, and unloads the module again.
try() {
	name=${2:-crc7}
	if out=$(insmod "$1" 2>&1); then
		echo "loaded $(cat "/sys/module/$name/taint")"
		rmmod "$name"
	else
		echo "$out" | sed 's/.*: //'
	fi
}

# count PATTERN: how many kernel log lines hold PATTERN.
count() { dmesg | grep -c "$1"; }

# Every module of the build, by its proof, untainted.
all=$(sed 's,.*/,,; s,\.ko.*,,; s,-,_,g' "/lib/modules/$(uname -r)/modules.order")
for m in $all; do
	if [ "$m" = tcrypt ]; then
		# tcrypt runs its tests from its init (mode=2: sha1) and never
		# stays loaded: EAGAIN means it was accepted, ran and passed; an unauthenticated
		# module would have tainted the kernel (E, 8192).
		out=$(modprobe tcrypt mode=2 2>&1)
		expect_eq "tcrypt loads authenticated (ends with EAGAIN, no E taint)" \
			"Resource temporarily unavailable 0" \
			"${out##*: } $(($(cat /proc/sys/kernel/tainted) & 8192))"
		continue
	fi
	if loaded "$m" || modprobe "$m" 2>/tmp/err; then
		expect_eq "$m loads authenticated" "" "$(cat "/sys/module/$m/taint")"
	else
		not_ok "$m loads authenticated"
		diag "$(cat /tmp/err)"
	fi
done
for m in $all; do
	modprobe -r "$m" 2>/dev/null
done
check "they all unload again" sh -c "! lsmod | grep -q -E '^(crc7|brd|loop|wp512) '"

good=$(modinfo -n crc7)
expect_eq "the installed crc7 loads untainted" "loaded " "$(try "$good")"

# Module BTF is encoded against vmlinux.unhashed; the kernel checks it
# against its own BTF when the module loads.
if [ "$(config_value DEBUG_INFO_BTF_MODULES)" = y ]; then
	check "vmlinux has BTF" test -f /sys/kernel/btf/vmlinux
	modprobe crc7
	check "crc7's BTF is accepted" test -f /sys/kernel/btf/crc7
	rmmod crc7
fi

# Each damaged copy, by the class of its damage.
while read -r file class what; do
	case $class in
	mismatch) reason="module with unavailable key" ;;
	length) reason="module with unsupported crypto" ;;
	unsigned) reason="unsigned module" ;;
	malformed) reason= ;;
	esac
	before=$(count "Loading of $reason is rejected")
	got=$(try "/tests/data/tampered/$file")
	if [ "$class" = malformed ]; then
		expect_eq "$what: refused as malformed" "Bad message" "$got"
	elif [ "$enforce" = Y ]; then
		expect_eq "$what: refused under sig_enforce" \
			"Key was rejected by service" "$got"
		# kmod's insmod may try finit_module(), then init_module():
		# one line per attempt.
		check "$what: logged as $reason" \
			test "$(count "Loading of $reason is rejected")" -gt "$before"
	elif [ "$locked" = y ]; then
		expect_eq "$what: refused under lockdown" \
			"Operation not permitted" "$got"
	else
		expect_eq "$what: loads tainted as unsigned" "loaded E" "$got"
	fi
	check "$what: crc7 is not left loaded" sh -c '! lsmod | grep -q "^crc7 "'
done </tests/data/tampered/list

# An external module with a PKCS#7 signature by the build's key when the
# build has one, else by a key the kernel does not know.
if [ "$(config_value MODULE_SIG)" = y ]; then
	expect_eq "an external module signed with the build's key loads" \
		"loaded O" "$(try /tests/data/extmod.ko wb_extmod)"
elif [ "$enforce" = Y ]; then
	expect_eq "a signed external module is refused without MODULE_SIG" \
		"Key was rejected by service" "$(try /tests/data/extmod.ko wb_extmod)"
elif [ "$locked" = y ]; then
	expect_eq "a signed external module is refused under lockdown" \
		"Operation not permitted" "$(try /tests/data/extmod.ko wb_extmod)"
else
	expect_eq "a signed external module loads tainted without MODULE_SIG" \
		"loaded OE" "$(try /tests/data/extmod.ko wb_extmod)"
fi

# A compressed module, decompressed by the kernel before the check.
if [ "$(config_value MODULE_DECOMPRESS)" = y ]; then
	xz=$(find /lib/modules -name 'crc7.ko.xz')
	check "crc7 is installed compressed" test -n "$xz"
	check "finit_module(MODULE_INIT_COMPRESSED_FILE) loads it" \
		/tests/finit-module "$xz"
	expect_eq "and authenticates it" "" "$(cat /sys/module/crc7/taint)"
	rmmod crc7
fi

# Several modprobes at once, a few times over.
set -- crc7 crc_itu_t brd loop wp512 camellia_generic blowfish_generic
for round in 1 2 3 4 5; do
	for m; do
		modprobe "$m" &
	done
	wait
	bad=
	for m; do
		loaded "$m" && [ -z "$(cat "/sys/module/$m/taint")" ] || bad="$bad $m"
	done
	expect_eq "round $round: seven concurrent modprobes all authenticated" "" "$bad"
	modprobe -r "$@"
done

# modinfo: this initramfs's kmod (kmod/module-hashes-merkle-proof.patch)
# shows a proof in the signature fields, with the module's position in
# modules.order and the tree's levels; Debian's kmod 30 shows none, and
# the two agree on every other field, and on a PKCS#7 signature.
debian=/usr/lib/kmod-debian/modinfo
order=/lib/modules/$(uname -r)/modules.order
count=$(wc -l <"$order")
levels=1
while [ $((1 << levels)) -lt "$count" ]; do
	levels=$((levels + 1))
done
pos=$(($(grep -n -x 'kernel/lib/crc7.ko' "$order" | cut -d: -f1) - 1))
expect_eq "modinfo -F sig_id crc7: a Merkle proof" "Merkle proof" "$(modinfo -F sig_id crc7)"
expect_eq "modinfo -F sig_hashalgo crc7" sha256 "$(modinfo -F sig_hashalgo crc7)"
expect_eq "modinfo -F signer crc7: its position and the levels of a tree of $count" \
	"module hashes: position $pos, $levels levels" "$(modinfo -F signer crc7)"
expect_eq "modinfo -F sig_key crc7: the position as the trailer holds it" \
	"$(printf '%02X:%02X:%02X:%02X' $((pos >> 24)) $((pos >> 16 & 255)) $((pos >> 8 & 255)) $((pos & 255)))" \
	"$(modinfo -F sig_key crc7)"
expect_eq "Debian's kmod shows crc7 as unsigned" "" "$("$debian" -F sig_id crc7)"
expect_eq "the two agree on crc7's other fields" "$("$debian" crc7)" \
	"$(modinfo crc7 | grep -v -E '^(sig_id|signer|sig_key|sig_hashalgo|signature):|^	')"
expect_eq "the two agree on the signed external module" \
	"$("$debian" /tests/data/extmod.ko)" "$(modinfo /tests/data/extmod.ko)"
