// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests of modproof's library, KTAP on stdout. The trees are built
 * here with OpenSSL's one-shot SHA256(), apart from the code under test.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include <openssl/sha.h>

#include "modproof.h"

#define MARKER "~Module signature appended~\n"

static int tests, failures;

static void __attribute__((format(printf, 2, 3)))
result(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d ", ok ? "" : "not ", ++tests);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failures += !ok;
}

/* Tree of n leaves: levels[l][i], the spec's way. */
struct tree {
	unsigned int n, levels;
	uint8_t (*node[MAX_LEVELS + 1])[HASH_SIZE];
	unsigned int width[MAX_LEVELS + 1];
};

static void leaf(uint32_t pos, const uint8_t *mod, size_t len, uint8_t *out)
{
	uint8_t *buf = malloc(5 + len);

	buf[0] = 1;
	buf[1] = pos >> 24;
	buf[2] = pos >> 16;
	buf[3] = pos >> 8;
	buf[4] = pos;
	memcpy(buf + 5, mod, len);
	SHA256(buf, 5 + len, out);
	free(buf);
}

static void node(const uint8_t *l, const uint8_t *r, uint8_t *out)
{
	uint8_t buf[1 + 2 * HASH_SIZE];

	buf[0] = 2;
	memcpy(buf + 1, l, HASH_SIZE);
	memcpy(buf + 1 + HASH_SIZE, r, HASH_SIZE);
	SHA256(buf, sizeof(buf), out);
}

static void module_bytes(unsigned int i, uint8_t *buf, size_t len)
{
	size_t j;

	for (j = 0; j < len; j++)
		buf[j] = (uint8_t)(i * 31 + j * 7);
}

#define MODLEN(i) (100 + 13 * (i))

static void build(struct tree *t, unsigned int n)
{
	unsigned int l, i;

	t->n = n;
	t->levels = 1;
	while ((1u << t->levels) < n)
		t->levels++;
	t->width[0] = n;
	t->node[0] = malloc(n * HASH_SIZE);
	for (i = 0; i < n; i++) {
		uint8_t mod[1000];

		module_bytes(i, mod, MODLEN(i));
		leaf(i, mod, MODLEN(i), t->node[0][i]);
	}
	for (l = 1; l <= t->levels; l++) {
		t->width[l] = (t->width[l - 1] + 1) / 2;
		t->node[l] = malloc(t->width[l] * HASH_SIZE);
		for (i = 0; i < t->width[l]; i++) {
			unsigned int r = 2 * i + 1 < t->width[l - 1] ? 2 * i + 1 : 2 * i;

			node(t->node[l - 1][2 * i], t->node[l - 1][r], t->node[l][i]);
		}
	}
}

/* Module i with its proof and trailer appended; returns the length. */
static size_t with_proof(const struct tree *t, unsigned int i, uint8_t *buf)
{
	size_t len = MODLEN(i), sig_len = 4 + HASH_SIZE * t->levels;
	unsigned int l, at = i;

	module_bytes(i, buf, len);
	buf[len++] = i >> 24;
	buf[len++] = i >> 16;
	buf[len++] = i >> 8;
	buf[len++] = i;
	for (l = 0; l < t->levels; l++) {
		unsigned int sib = (at ^ 1) < t->width[l] ? at ^ 1 : at;

		memcpy(buf + len, t->node[l][sib], HASH_SIZE);
		len += HASH_SIZE;
		at /= 2;
	}
	memset(buf + len, 0, 12);
	buf[len + 2] = 3;
	buf[len + 8] = sig_len >> 24;
	buf[len + 9] = sig_len >> 16;
	buf[len + 10] = sig_len >> 8;
	buf[len + 11] = sig_len;
	len += 12;
	memcpy(buf + len, MARKER, 28);
	return len + 28;
}

static void test_trees(void)
{
	static const unsigned int sizes[] = { 1, 2, 3, 5, 8, 9, 16, 17 };
	uint8_t buf[4096], hash[HASH_SIZE];
	unsigned int s, i;

	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct tree t;
		int good = 1, flipped = 1;

		build(&t, sizes[s]);
		for (i = 0; i < t.n; i++) {
			struct proof p;
			const char *why;
			size_t len = with_proof(&t, i, buf), modlen;

			if (parse_trailer(buf, len, &modlen, &p, &why) != TRAILER_MERKLE ||
			    p.pos != i || p.levels != t.levels || modlen != MODLEN(i)) {
				good = 0;
				continue;
			}
			proof_root(buf, modlen, &p, hash);
			good &= !memcmp(hash, t.node[t.levels][0], HASH_SIZE);
			buf[modlen / 2] ^= 0x10;
			proof_root(buf, modlen, &p, hash);
			flipped &= !!memcmp(hash, t.node[t.levels][0], HASH_SIZE);
		}
		result(good, "every proof of a tree of %u leads to its root", t.n);
		result(flipped, "a changed module of a tree of %u does not", t.n);
	}
}

static void test_positions(void)
{
	uint8_t buf[4096], hash[HASH_SIZE];
	struct proof p;
	struct tree t;
	const char *why;
	size_t len, modlen;
	int bit, good = 1;

	build(&t, 9);
	len = with_proof(&t, 5, buf);
	for (bit = 0; bit < 32; bit++) {
		parse_trailer(buf, len, &modlen, &p, &why);
		p.pos ^= 1u << bit;
		proof_root(buf, modlen, &p, hash);
		good &= !!memcmp(hash, t.node[t.levels][0], HASH_SIZE);
	}
	result(good, "no other position of a proof leads to the root");
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void test_trailers(void)
{
	uint8_t buf[512];
	size_t len = 200 + 12 + 28, modlen;
	struct proof p;
	const char *why;

	memset(buf, 0xaa, sizeof(buf));
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_NONE &&
	       modlen == len, "no marker: no trailer");

	memset(buf + 200 - 12, 0, 12);
	memcpy(buf + 200, "\0\0\2\0\0\0\0\0", 8);
	put_be32(buf + 208, 50);
	memcpy(buf + 212, MARKER, 28);
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_PKCS7 &&
	       modlen == 150, "type 2: a PKCS#7 signature, module length right");

	buf[202] = 3;
	put_be32(buf + 208, 4 + 32);
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_MERKLE &&
	       p.levels == 1 && modlen == 200 - 36, "type 3: a proof of one level");

	put_be32(buf + 208, 5);
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_DAMAGED,
	       "a proof length other than 4 + 32 * levels is damaged");

	put_be32(buf + 208, 4 + 32 * 33);
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_DAMAGED,
	       "a proof longer than the file is damaged");

	put_be32(buf + 208, 36);
	buf[202] = 9;
	result(parse_trailer(buf, len, &modlen, &p, &why) == TRAILER_DAMAGED,
	       "an unknown trailer type is damaged");

	result(parse_trailer((const uint8_t *)MARKER, 28, &modlen, &p, &why) ==
	       TRAILER_DAMAGED, "a marker alone is damaged");
}

/* A minimal ELF with a .module_hashes section holding root. */
static size_t make_elf(uint8_t *buf, int is64, int be, const struct root *root)
{
	static const char names[] = "\0.shstrtab\0.module_hashes";
	size_t shentsize = is64 ? 0x40 : 0x28, shoff = 0x100;
	uint8_t *sh;
	int i;

#define PUT(p, v, n) do {						\
		for (i = 0; i < (n); i++)				\
			(p)[be ? (n) - 1 - i : i] = (uint64_t)(v) >> (8 * i); \
	} while (0)
	memset(buf, 0, 0x400);
	memcpy(buf, "\177ELF", 4);
	buf[4] = is64 ? 2 : 1;
	buf[5] = be ? 2 : 1;
	PUT(buf + (is64 ? 0x28 : 0x20), shoff, is64 ? 8 : 4);
	PUT(buf + (is64 ? 0x3a : 0x2e), shentsize, 2);
	PUT(buf + (is64 ? 0x3c : 0x30), 3, 2);
	PUT(buf + (is64 ? 0x3e : 0x32), 1, 2);
	memcpy(buf + 0x80, names, sizeof(names));
	PUT(buf + 0xc0, root->levels, 4);
	memcpy(buf + 0xc4, root->hash, HASH_SIZE);
	/* section 1: .shstrtab, section 2: .module_hashes */
	sh = buf + shoff + shentsize;
	PUT(sh, 1, 4);
	PUT(sh + (is64 ? 0x18 : 0x10), 0x80, is64 ? 8 : 4);
	PUT(sh + (is64 ? 0x20 : 0x14), sizeof(names), is64 ? 8 : 4);
	sh += shentsize;
	PUT(sh, 11, 4);
	PUT(sh + (is64 ? 0x18 : 0x10), 0xc0, is64 ? 8 : 4);
	PUT(sh + (is64 ? 0x20 : 0x14), 36, is64 ? 8 : 4);
#undef PUT
	return shoff + 3 * shentsize;
}

static void test_kernels(void)
{
	static uint8_t elf[0x400], bz[0x10000];
	struct root want = { .levels = 5 }, got;
	const char *why;
	size_t len, xzlen = 0;
	int is64, be, ret;

	memset(want.hash, 0x5c, HASH_SIZE);
	for (is64 = 0; is64 < 2; is64++) {
		for (be = 0; be < 2; be++) {
			len = make_elf(elf, is64, be, &want);
			memset(&got, 0, sizeof(got));
			result(!kernel_root(elf, len, &got, &why) &&
			       got.levels == 5 && !memcmp(got.hash, want.hash, HASH_SIZE),
			       "root of a %d-bit %s-endian ELF", is64 ? 64 : 32,
			       be ? "big" : "little");
		}
	}

	len = make_elf(elf, 1, 0, &want);
	elf[0x80 + 11 + 1] = 'x';
	why = NULL;
	ret = kernel_root(elf, len, &got, &why);
	result(ret && why, "an ELF without .module_hashes has no root (%s)", why);

	/*
	 * The name of section 2 moved to the end of the file, cut there to
	 * ".module_h" and outside .shstrtab: not the section.
	 */
	len = make_elf(elf, 1, 0, &want);
	memcpy(elf + len, ".module_h", 9);
	elf[0x100 + 2 * 0x40] = len - 0x80;
	elf[0x100 + 2 * 0x40 + 1] = (len - 0x80) >> 8;
	why = NULL;
	ret = kernel_root(elf, len + 9, &got, &why);
	result(ret && why, "a section name cut at the end of the file is not .module_hashes (%s)",
	       why);

	/* An x86 bzImage: one setup sector, then an xz payload. */
	len = make_elf(elf, 1, 0, &want);
	memset(bz, 0, sizeof(bz));
	memcpy(bz + 0x202, "HdrS", 4);
	bz[0x1f1] = 1;
	lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, elf, len,
				bz + 1024 + 0x40, &xzlen, sizeof(bz) - 1024 - 0x40);
	bz[0x248] = 0x40;
	bz[0x24c] = xzlen & 0xff;
	bz[0x24d] = xzlen >> 8;
	memset(&got, 0, sizeof(got));
	result(xzlen && !kernel_root(bz, sizeof(bz), &got, &why) &&
	       got.levels == 5 && !memcmp(got.hash, want.hash, HASH_SIZE),
	       "root of a bzImage with an xz payload");
	bz[1024 + 0x40 + xzlen / 2] ^= 0xff;
	result(kernel_root(bz, sizeof(bz), &got, &why) != 0,
	       "a damaged bzImage payload is an error");
}

/*
 * lib.o is linked with --wrap=realloc: fail_reallocs makes that many of
 * its next allocations fail.
 */
static int fail_reallocs;
void *__real_realloc(void *p, size_t size);
void *__wrap_realloc(void *p, size_t size);

void *__wrap_realloc(void *p, size_t size)
{
	if (fail_reallocs) {
		fail_reallocs--;
		return NULL;
	}
	return __real_realloc(p, size);
}

/* Compress len bytes of plain as gzip into packed, of size cap. */
static size_t gzip(const uint8_t *plain, size_t len, uint8_t *packed, size_t cap)
{
	z_stream z = { 0 };
	size_t out;

	deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (uint8_t *)plain;
	z.avail_in = len;
	z.next_out = packed;
	z.avail_out = cap;
	deflate(&z, Z_FINISH);
	out = z.total_out;
	deflateEnd(&z);
	return out;
}

/* Bad allocations and oversized output, in each format. */
static void test_decompress_limits(void)
{
	static uint8_t zeros[(2 << 20) + 1], packed[1 << 16];
	const char *name[] = { "xz", "gzip", "zstd" };
	size_t len, big = 2 << 20, limit = decompress_limit;
	struct blob out;
	const char *why;
	int f, ret;

	for (f = 0; f < 3; f++) {
		size_t n;

		for (n = big; n <= big + 1; n++) {
			len = 0;
			if (f == 0)
				lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, zeros, n,
							packed, &len, sizeof(packed));
			else if (f == 1)
				len = gzip(zeros, n, packed, sizeof(packed));
			else
				len = ZSTD_compress(packed, sizeof(packed), zeros, n, 3);

			decompress_limit = big;
			why = NULL;
			ret = decompress(packed, len, &out, &why);
			decompress_limit = limit;
			if (n == big) {
				result(ret == 1 && out.len == big,
				       "%s: %zu bytes decompress with a limit of %zu", name[f], n, big);
				if (ret == 1)
					free(out.data);
			} else {
				result(ret < 0 && why && strstr(why, "more than"),
				       "%s: %zu bytes are refused with a limit of %zu (%s)",
				       name[f], n, big, why);
			}
		}

		fail_reallocs = 1;
		why = NULL;
		ret = decompress(packed, len, &out, &why);
		fail_reallocs = 0;
		result(ret < 0 && why && !strcmp(why, "out of memory") && !out.data,
		       "%s: a first allocation that fails is reported as such (%s)",
		       name[f], why);
	}
}

static void test_decompress(void)
{
	uint8_t plain[5000], packed[8000];
	struct blob out;
	const char *why;
	size_t len = 0;
	z_stream z = { 0 };
	int ok;

	module_bytes(3, plain, sizeof(plain));

	lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, plain, sizeof(plain),
				packed, &len, sizeof(packed));
	ok = decompress(packed, len, &out, &why) == 1 && out.len == sizeof(plain) &&
	     !memcmp(out.data, plain, sizeof(plain));
	result(ok, "xz round trip");
	if (ok)
		free(out.data);
	result(decompress(packed, len / 2, &out, &why) < 0, "truncated xz is an error");

	deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_in = plain;
	z.avail_in = sizeof(plain);
	z.next_out = packed;
	z.avail_out = sizeof(packed);
	deflate(&z, Z_FINISH);
	len = z.total_out;
	deflateEnd(&z);
	ok = decompress(packed, len, &out, &why) == 1 && out.len == sizeof(plain) &&
	     !memcmp(out.data, plain, sizeof(plain));
	result(ok, "gzip round trip");
	if (ok)
		free(out.data);

	len = ZSTD_compress(packed, sizeof(packed), plain, sizeof(plain), 3);
	ok = decompress(packed, len, &out, &why) == 1 && out.len == sizeof(plain) &&
	     !memcmp(out.data, plain, sizeof(plain));
	result(ok, "zstd round trip");
	if (ok)
		free(out.data);
	result(decompress(packed, len - 3, &out, &why) < 0, "truncated zstd is an error");

	result(decompress(plain, sizeof(plain), &out, &why) == 0,
	       "uncompressed data is left alone");
}

int main(void)
{
	printf("KTAP version 1\n");
	test_trees();
	test_positions();
	test_trailers();
	test_kernels();
	test_decompress();
	test_decompress_limits();
	printf("1..%d\n", tests);
	return failures ? 1 : 0;
}
