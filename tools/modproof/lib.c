// SPDX-License-Identifier: GPL-2.0-only
/*
 * modproof: the trailer, the proof walk, the kernel's root and
 * decompression, without any I/O, so that the unit tests can call them.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include <openssl/evp.h>

#include "modproof.h"

#define MARKER			"~Module signature appended~\n"
#define MARKER_LEN		(sizeof(MARKER) - 1)
#define SIG_INFO_LEN		12	/* struct module_signature */
#define PKEY_ID_PKCS7		2
#define PKEY_ID_MERKLE_SHA256	3

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

static uint64_t get(const uint8_t *p, int size, bool big_endian)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < size; i++)
		v |= (uint64_t)p[big_endian ? size - 1 - i : i] << (8 * i);
	return v;
}

enum trailer parse_trailer(const uint8_t *buf, size_t len, size_t *modlen,
			   struct proof *proof, const char **why)
{
	const uint8_t *info;
	uint32_t sig_len;
	size_t end;

	*modlen = len;
	if (len < MARKER_LEN || memcmp(buf + len - MARKER_LEN, MARKER, MARKER_LEN))
		return TRAILER_NONE;
	end = len - MARKER_LEN;
	if (end < SIG_INFO_LEN) {
		*why = "too short for a trailer";
		return TRAILER_DAMAGED;
	}
	info = buf + end - SIG_INFO_LEN;
	sig_len = be32(info + 8);
	if (sig_len >= end - SIG_INFO_LEN) {
		*why = "signature length past the start of the file";
		return TRAILER_DAMAGED;
	}
	*modlen = end - SIG_INFO_LEN - sig_len;
	if (info[2] == PKEY_ID_PKCS7)
		return TRAILER_PKCS7;
	if (info[2] != PKEY_ID_MERKLE_SHA256) {
		*why = "unknown trailer type";
		return TRAILER_DAMAGED;
	}
	if (info[0] || info[1] || info[3] || info[4] || info[5] || info[6] ||
	    info[7]) {
		*why = "nonzero fields in a proof's trailer";
		return TRAILER_DAMAGED;
	}
	if (sig_len < 4 || (sig_len - 4) % HASH_SIZE ||
	    (sig_len - 4) / HASH_SIZE > MAX_LEVELS) {
		*why = "proof length is not 4 + 32 * levels";
		return TRAILER_DAMAGED;
	}
	proof->pos = be32(buf + *modlen);
	proof->levels = (sig_len - 4) / HASH_SIZE;
	proof->siblings = buf + *modlen + 4;
	return TRAILER_MERKLE;
}

static void sha256(const void *a, size_t alen, const void *b, size_t blen,
		   const void *c, size_t clen, uint8_t out[HASH_SIZE])
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) ||
	    !EVP_DigestUpdate(ctx, a, alen) || !EVP_DigestUpdate(ctx, b, blen) ||
	    !EVP_DigestUpdate(ctx, c, clen) ||
	    !EVP_DigestFinal_ex(ctx, out, NULL))
		abort();
	EVP_MD_CTX_free(ctx);
}

void proof_root(const uint8_t *mod, size_t modlen, const struct proof *proof,
		uint8_t out[HASH_SIZE])
{
	uint8_t prefix = 0x01, pos[4];
	const uint8_t *sib;
	uint32_t i;

	pos[0] = proof->pos >> 24;
	pos[1] = proof->pos >> 16;
	pos[2] = proof->pos >> 8;
	pos[3] = proof->pos;
	sha256(&prefix, 1, pos, 4, mod, modlen, out);

	prefix = 0x02;
	for (i = 0; i < proof->levels; i++) {
		uint8_t cur[HASH_SIZE];

		sib = proof->siblings + i * HASH_SIZE;
		memcpy(cur, out, HASH_SIZE);
		if (proof->pos >> i & 1)
			sha256(&prefix, 1, sib, HASH_SIZE, cur, HASH_SIZE, out);
		else
			sha256(&prefix, 1, cur, HASH_SIZE, sib, HASH_SIZE, out);
	}
}

/* The .module_hashes section of an ELF image, 32 or 64 bits, any byte order. */
static int elf_root(const uint8_t *buf, size_t len, struct root *root,
		    const char **why)
{
	bool is64, be;
	uint64_t shoff, off, size, stroff, strsize, name;
	unsigned int shentsize, shnum, shstrndx, i;

	if (len < 0x40 || memcmp(buf, "\177ELF", 4)) {
		*why = "not an ELF file or a bzImage";
		return -1;
	}
	is64 = buf[4] == 2;
	be = buf[5] == 2;
	shoff = get(buf + (is64 ? 0x28 : 0x20), is64 ? 8 : 4, be);
	shentsize = get(buf + (is64 ? 0x3a : 0x2e), 2, be);
	shnum = get(buf + (is64 ? 0x3c : 0x30), 2, be);
	shstrndx = get(buf + (is64 ? 0x3e : 0x32), 2, be);
	if (shentsize < (is64 ? 0x40 : 0x28) || shstrndx >= shnum ||
	    shoff > len || (uint64_t)shnum * shentsize > len - shoff) {
		*why = "ELF section headers out of the file";
		return -1;
	}
#define SH(i, o64, o32, sz64, sz32) \
	get(buf + shoff + (uint64_t)(i) * shentsize + (is64 ? (o64) : (o32)), \
	    is64 ? (sz64) : (sz32), be)
	stroff = SH(shstrndx, 0x18, 0x10, 8, 4);
	strsize = SH(shstrndx, 0x20, 0x14, 8, 4);
	if (stroff > len || strsize > len - stroff) {
		*why = "ELF section names out of the file";
		return -1;
	}
	for (i = 0; i < shnum; i++) {
		/* The whole name and its NUL, inside the string table. */
		name = SH(i, 0, 0, 4, 4);
		if (name >= strsize || strsize - name < sizeof(".module_hashes") ||
		    memcmp(buf + stroff + name, ".module_hashes",
			   sizeof(".module_hashes")))
			continue;
		off = SH(i, 0x18, 0x10, 8, 4);
		size = SH(i, 0x20, 0x14, 8, 4);
		if (size != 4 + HASH_SIZE || off > len || len - off < size) {
			*why = ".module_hashes is not a 36-byte root";
			return -1;
		}
		root->levels = get(buf + off, 4, be);
		memcpy(root->hash, buf + off + 4, HASH_SIZE);
		return 0;
	}
#undef SH
	*why = "no .module_hashes section: a kernel without MODULE_HASHES";
	return -1;
}

int kernel_root(const uint8_t *buf, size_t len, struct root *root,
		const char **why)
{
	struct blob payload;
	size_t start, off, plen;
	unsigned int setup_sects;
	int ret;

	if (len < 0x250 || memcmp(buf + 0x202, "HdrS", 4))
		return elf_root(buf, len, root, why);

	/* x86 boot protocol: the compressed vmlinux is the payload. */
	setup_sects = buf[0x1f1] ? buf[0x1f1] : 4;
	start = (setup_sects + 1) * 512;
	off = get(buf + 0x248, 4, false);
	plen = get(buf + 0x24c, 4, false);
	if (start > len || off > len - start || plen > len - start - off) {
		*why = "bzImage payload out of the file";
		return -1;
	}
	ret = decompress(buf + start + off, plen, &payload, why);
	if (ret < 0)
		return -1;
	if (!ret) {
		*why = "bzImage payload compressed with a method other than xz, gzip or zstd";
		return -1;
	}
	ret = elf_root(payload.data, payload.len, root, why);
	free(payload.data);
	return ret;
}

size_t decompress_limit = (size_t)1 << 30;

/* Make room for more output, up to decompress_limit. */
static int grow(struct blob *out, size_t *cap, const char **why)
{
	static char too_big[64];
	size_t want;
	uint8_t *p;

	if (*cap >= decompress_limit) {
		snprintf(too_big, sizeof(too_big),
			 "decompresses to more than %zu bytes", decompress_limit);
		*why = too_big;
		return -1;
	}
	want = *cap ? 2 * *cap : 64 << 10;
	if (want > decompress_limit)
		want = decompress_limit;
	p = realloc(out->data, want);
	if (!p) {
		*why = "out of memory";
		return -1;
	}
	out->data = p;
	*cap = want;
	return 0;
}

static int unxz(const uint8_t *buf, size_t len, struct blob *out, const char **why)
{
	lzma_stream s = LZMA_STREAM_INIT;
	size_t cap = 0;
	lzma_ret r;

	if (lzma_stream_decoder(&s, UINT64_MAX, 0) != LZMA_OK) {
		*why = "xz: cannot start the decoder";
		return -1;
	}
	s.next_in = buf;
	s.avail_in = len;
	do {
		if (out->len == cap && grow(out, &cap, why)) {
			lzma_end(&s);
			return -1;
		}
		s.next_out = out->data + out->len;
		s.avail_out = cap - out->len;
		r = lzma_code(&s, LZMA_FINISH);
		out->len = cap - s.avail_out;
	} while (r == LZMA_OK || (r == LZMA_BUF_ERROR && !s.avail_out));
	lzma_end(&s);
	if (r != LZMA_STREAM_END) {
		*why = "xz: damaged data";
		return -1;
	}
	return 1;
}

static int ungzip(const uint8_t *buf, size_t len, struct blob *out, const char **why)
{
	z_stream s = { 0 };
	size_t cap = 0;
	int r;

	if (inflateInit2(&s, 16 + MAX_WBITS) != Z_OK) {
		*why = "gzip: cannot start the decoder";
		return -1;
	}
	s.next_in = (uint8_t *)buf;
	s.avail_in = len > UINT32_MAX ? UINT32_MAX : len;
	do {
		if (out->len == cap && grow(out, &cap, why)) {
			inflateEnd(&s);
			return -1;
		}
		s.next_out = out->data + out->len;
		s.avail_out = cap - out->len;
		r = inflate(&s, Z_NO_FLUSH);
		out->len = cap - s.avail_out;
	} while (r == Z_OK || (r == Z_BUF_ERROR && !s.avail_out));
	inflateEnd(&s);
	if (r != Z_STREAM_END) {
		*why = "gzip: damaged data";
		return -1;
	}
	return 1;
}

static int unzstd(const uint8_t *buf, size_t len, struct blob *out, const char **why)
{
	ZSTD_DStream *s = ZSTD_createDStream();
	ZSTD_inBuffer in = { buf, len, 0 };
	size_t cap = 0, r = 1;

	if (!s) {
		*why = "zstd: cannot start the decoder";
		return -1;
	}
	while (r) {
		ZSTD_outBuffer o;

		if (out->len == cap && grow(out, &cap, why)) {
			ZSTD_freeDStream(s);
			return -1;
		}
		o.dst = out->data;
		o.size = cap;
		o.pos = out->len;
		r = ZSTD_decompressStream(s, &o, &in);
		out->len = o.pos;
		if (ZSTD_isError(r) || (r && in.pos == in.size && o.pos < o.size))
			break;
	}
	ZSTD_freeDStream(s);
	if (r) {
		*why = "zstd: damaged data";
		return -1;
	}
	return 1;
}

int decompress(const uint8_t *buf, size_t len, struct blob *out,
	       const char **why)
{
	int ret;

	out->data = NULL;
	out->len = 0;
	if (len >= 6 && !memcmp(buf, "\3757zXZ\0", 6))
		ret = unxz(buf, len, out, why);
	else if (len >= 2 && buf[0] == 0x1f && buf[1] == 0x8b)
		ret = ungzip(buf, len, out, why);
	else if (len >= 4 && !memcmp(buf, "\x28\xb5\x2f\xfd", 4))
		ret = unzstd(buf, len, out, why);
	else
		return 0;
	if (ret < 0) {
		free(out->data);
		out->data = NULL;
	}
	return ret;
}

void hex(const uint8_t *hash, char out[2 * HASH_SIZE + 1])
{
	static const char digits[] = "0123456789abcdef";
	int i;

	for (i = 0; i < HASH_SIZE; i++) {
		out[2 * i] = digits[hash[i] >> 4];
		out[2 * i + 1] = digits[hash[i] & 15];
	}
	out[2 * HASH_SIZE] = '\0';
}
