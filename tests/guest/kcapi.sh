#!/bin/sh
# Known-answer vectors through AF_ALG with kcapi-tools (libkcapi), the way
# a userspace client uses the kernel's crypto: hashes, a MAC, ciphers and
# an AEAD, from FIPS 180/202, RFC 4231, FIPS 197, SP 800-38A, IEEE 1619
# and the GCM specification.
. ./lib.sh

hex() { xxd -p | tr -d '\n'; }
unhex() { printf '%s' "$1" | xxd -r -p; }

# digest NAME MESSAGE EXPECTED_HEX
digest() {
	expect_eq "$1 of \"$2\"" "$3" "$(printf '%s' "$2" | kcapi-dgst -c "$1" --hex 2>&1)"
}

# mac NAME KEY_HEX MESSAGE EXPECTED_HEX
mac() {
	unhex "$2" >/tmp/mackey
	expect_eq "$1 of \"$3\"" "$4" \
		"$(printf '%s' "$3" | kcapi-dgst -c "$1" --keyfd 3 --hex 3</tmp/mackey 2>&1)"
}

# cipher NAME KEY_HEX IV_HEX PLAIN_HEX CIPHER_HEX: encrypt, then decrypt.
cipher() {
	unhex "$2" >/tmp/key
	got=$(unhex "$4" | kcapi-enc -q -e -c "$1" ${3:+--iv "$3"} --keyfd 3 3</tmp/key | hex)
	expect_eq "$1 encrypt" "$5" "$got"
	got=$(unhex "$5" | kcapi-enc -q -d -c "$1" ${3:+--iv "$3"} --nounpad --keyfd 3 3</tmp/key | hex)
	expect_eq "$1 decrypt" "$4" "$got"
}

digest sha1 abc a9993e364706816aba3e25717850c26c9cd0d89d
digest sha256 abc ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
digest sha512 abc ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f
digest sha3-256 abc 3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532
# RFC 4231 test case 1: FIPS mode refuses HMAC keys under 112 bits.
mac 'hmac(sha256)' 0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b 'Hi There' \
	b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7

cipher 'ecb(aes)' 000102030405060708090a0b0c0d0e0f '' \
	00112233445566778899aabbccddeeff 69c4e0d86a7b0430d8cdb78070b4c55a
cipher 'cbc(aes)' 2b7e151628aed2a6abf7158809cf4f3c 000102030405060708090a0b0c0d0e0f \
	6bc1bee22e409f96e93d7e117393172a 7649abac8119b246cee98e9b12e9197d
cipher 'ctr(aes)' 2b7e151628aed2a6abf7158809cf4f3c f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff \
	6bc1bee22e409f96e93d7e117393172a 874d6191b620e3261bef6864990db6ce
cipher 'xts(aes)' \
	1111111111111111111111111111111122222222222222222222222222222222 \
	33333333330000000000000000000000 \
	4444444444444444444444444444444444444444444444444444444444444444 \
	c454185e6a16936e39334038acef838bfb186fff7480adc4289382ecd6d394f0

# AES-128-GCM, test case 4 of the GCM specification. kcapi-enc treats
# the cipher as an AEAD when given associated data; its output is the
# associated data, then the ciphertext, then the tag.
gcm_key=feffe9928665731c6d6a8f9467308308
gcm_iv=cafebabefacedbaddecaf888
gcm_aad=feedfacedeadbeeffeedfacedeadbeefabaddad2
gcm_pt=d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39
gcm_ct=42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091
gcm_tag=5bc94fbc3221a5db94fae95ae7121a47
unhex $gcm_key >/tmp/key

# gcm DIRECTION INPUT_HEX [TAG_HEX]
gcm() {
	unhex "$2" | kcapi-enc -q "$1" -c 'gcm(aes)' --iv $gcm_iv --aad $gcm_aad \
		${3:+--tag "$3"} --taglen 16 --keyfd 3 3</tmp/key | hex
}
expect_eq "gcm(aes) encrypt and tag" "$gcm_aad$gcm_ct$gcm_tag" "$(gcm -e $gcm_pt)"
expect_eq "gcm(aes) decrypt with the right tag" "$gcm_aad$gcm_pt" "$(gcm -d $gcm_ct $gcm_tag)"
if [ -n "$(gcm -d $gcm_ct 5bc94fbc3221a5db94fae95ae7121a48 2>/dev/null | sed "s/^$gcm_aad//")" ]; then
	not_ok "gcm(aes) refuses a wrong tag"
else
	ok "gcm(aes) refuses a wrong tag"
fi
