#!/bin/sh
# kmod's modprobe, lsmod, modinfo and rmmod on modules of this build.
. ./lib.sh

loaded() { lsmod | grep -q "^$1 "; }

for m in crc7 crc_itu_t brd; do
	check "modprobe $m" modprobe "$m"
	check "lsmod lists $m" loaded "$m"
	check "rmmod $m" rmmod "$m"
	check "lsmod no longer lists $m" sh -c "! lsmod | grep -q '^$m '"
done
check "modprobe resolves an alias (crypto-blowfish)" modprobe crypto-blowfish
if [ "$(config_value CRYPTO_BLOWFISH)" = m ]; then
	check "lsmod lists blowfish_generic and its dependency" \
		sh -c 'lsmod | grep -q "^blowfish_generic " && lsmod | grep -q "^blowfish_common "'
	# The alias loads every module providing it (blowfish_x86_64 too
	# when it is a module).
	loaded=$(lsmod | awk '/^blowfish_/ && $1 != "blowfish_common" { print $1 }')
	# shellcheck disable=SC2086 # one word per module
	check "modprobe -r removes $(echo "$loaded" | tr '\n' ' ')and their dependencies" \
		modprobe -r -a $loaded
	check "blowfish_common is gone" sh -c '! lsmod | grep -q "^blowfish_common "'
fi
check "modprobe of a missing module fails" sh -c '! modprobe no_such_module 2>/dev/null'

expect_eq "modinfo reads crc7's description" "CRC7 calculations" \
	"$(modinfo -F description crc7 2>&1)"
if [ "$(config_value MODULE_SIG_ALL)" = y ]; then
	f=$(modinfo -n crc7)
	expect_eq "modules_install signed crc7" "~Module signature appended~" \
		"$(tail -c 28 "$f")"
fi
