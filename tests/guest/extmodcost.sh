#!/bin/sh
# What the standalone crypto module costs, for bench/extmod-cost.sh, which
# boots a kernel with and without CONFIG_CRYPTO_FIPS140_EXTMOD under
# -icount (guest time a function of the instructions executed) and runs
# this suite first: the time from boot to this suite's start, memory
# after boot, fips140's size in memory, and the median time of one
# operation through AF_ALG for the algorithms and sizes of the figures.
# One "# extmodcost" line per figure.
. ./lib.sh

figure() { echo "# extmodcost $*"; }

# Guest time now, at the start of the first suite (after /init mounted
# its file systems), in ns.
now=$(sed -n 's/^now at \([0-9]*\) nsecs$/\1/p' /proc/timer_list)
check "guest time since boot read from /proc/timer_list ($now ns)" test -n "$now"
figure "boot_to_suite_ns=$now"
figure "$(awk '/^MemTotal:|^MemAvailable:|^MemFree:/ { printf "%s%s_kb=%s", sep, $1, $2; sep = " " }' /proc/meminfo | tr -d :)"
figure "$(kernel_log | sed -n 's/.*Freeing unused kernel image (initmem) memory: \([0-9]*\)K.*/freed_initmem_kb=\1/p')"
figure "fips140_bytes=$(awk '$1 == "fips140" { print $2 }' /proc/modules)"

runs=21
while read -r type alg keylen; do
	for size in 16 256 8192; do
		ns=$(/tests/afalg-speed "$type" "$alg" "$keylen" "$size" "$runs" 2>&1)
		case $ns in
		*[!0-9]* | "")
			not_ok "$alg on $size bytes"
			diag "$ns" ;;
		*)
			ok "$alg on $size bytes"
			figure "speed $alg $size ns=$ns" ;;
		esac
	done
done <<EOT
hash sha256 0
hash hmac(sha256) 32
skcipher cbc(aes) 16
skcipher xts(aes) 32
aead gcm(aes) 16
EOT
