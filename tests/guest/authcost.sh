#!/bin/sh
# What authenticating a module costs at load time, in guest time (a
# function of the instructions executed under QEMU's -icount): the median
# finit_module() of the installed module, minus that of the same bytes
# without their trailer (no check, the unsigned path), and the median
# SHA-256 of those bytes through sha256-generic, the floor of a hash check.
# bench/auth-cost.sh boots it; one "# authcost" line per module.
. ./lib.sh

runs=21
for m in crc7 loop camellia_generic; do
	f=$(modinfo -n "$m")
	case $f in
	*.xz) xz -dc "$f" >"/tmp/$m.ko" ;;
	*) cp "$f" "/tmp/$m.ko" ;;
	esac
	size=$(wc -c <"/tmp/$m.ko")
	sig_len=$((0x$(tail -c 32 "/tmp/$m.ko" | head -c 4 | xxd -p)))
	head -c $((size - 40 - sig_len)) "/tmp/$m.ko" >"/tmp/$m.plain.ko"
	auth=$(/tests/loadtime "$runs" "$m" "/tmp/$m.ko")
	plain=$(/tests/loadtime "$runs" "$m" "/tmp/$m.plain.ko")
	sha=$(/tests/loadtime -s "$runs" "/tmp/$m.plain.ko")
	if [ -n "$auth" ] && [ -n "$plain" ] && [ -n "$sha" ]; then
		ok "measured $m"
		echo "# authcost $m bytes=$((size - 40 - sig_len)) trailer=$((40 + sig_len)) load=$auth unchecked_load=$plain check=$((auth - plain)) sha256=$sha"
	else
		not_ok "measured $m"
	fi
done
