#!/bin/sh
# The blacklist of module hashes: a module whose SHA-256 root has added to
# the .blacklist keyring (with an entry signed by the build's key, made on
# the host by tests/prepare/blacklist.sh) is refused whatever
# authenticates it, its Merkle proof or a PKCS#7 signature, and the kernel
# names the hash. Before, both files load, authenticated, and blacklisting
# one leaves the other loading.
. ./lib.sh

data=/tests/data/blacklist
name=camellia_generic
if [ ! -d "$data" ]; then
	not_ok "this profile has MODULE_HASHES, MODULE_SIG and SYSTEM_BLACKLIST_AUTH_UPDATE"
	exit 0
fi

proof=$(modinfo -n "$name")
signed=$data/signed.ko

# try FILE: insmod FILE; prints "loaded <module taint>" or the error, and
# unloads the module again.
try() {
	if out=$(insmod "$1" 2>&1); then
		echo "loaded $(cat "/sys/module/$name/taint")"
		rmmod "$name"
	else
		echo "$out" | sed 's/.*: //'
	fi
}

expect_eq "$name loads by its proof, authenticated" "loaded " "$(try "$proof")"
expect_eq "$name signed instead loads, authenticated" "loaded " "$(try "$signed")"

for kind in proof signed; do
	case $kind in
	proof) file=$proof how="by its proof" ;;
	signed) file=$signed how="signed instead" ;;
	esac
	entry=$(cat "$data/$kind.entry")
	hash=${entry#bin:}
	expect_eq "the $kind entry is the SHA-256 of the whole file" \
		"$hash" "$(sha256sum "$file" | cut -d' ' -f1)"
	check "root adds the $kind entry to .blacklist, signed by the build's key" \
		keyctl padd blacklist "$entry" %:.blacklist <"$data/$kind.p7s"
	before=$(dmesg | grep -c "Module hash $hash is blacklisted")
	expect_eq "$name $how is refused once blacklisted" \
		"Key was rejected by service" "$(try "$file")"
	expect_eq "the kernel names the blacklisted hash" \
		"$((before + 1))" "$(dmesg | grep -c "Module hash $hash is blacklisted")"
	check "$name is not loaded" test ! -d "/sys/module/$name"
	if [ "$kind" = proof ]; then
		expect_eq "the signed file, not blacklisted, still loads" \
			"loaded " "$(try "$signed")"
	fi
done
