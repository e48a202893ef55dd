/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * modproof: read and check the Merkle proofs of CONFIG_MODULE_HASHES
 * offline, against the root inside a vmlinux or a bzImage.
 */
#ifndef MODPROOF_H
#define MODPROOF_H

#include <stddef.h>
#include <stdint.h>

#define HASH_SIZE	32
#define MAX_LEVELS	32

struct root {
	uint32_t levels;
	uint8_t hash[HASH_SIZE];
};

struct proof {
	uint32_t pos;
	uint32_t levels;
	const uint8_t *siblings;	/* levels * HASH_SIZE bytes */
};

enum trailer {
	TRAILER_NONE,		/* no marker: an unsigned module */
	TRAILER_PKCS7,		/* a module signature */
	TRAILER_MERKLE,		/* a proof, in *proof */
	TRAILER_DAMAGED,	/* a marker, but nothing sound before it */
};

/* A buffer, owned. */
struct blob {
	uint8_t *data;
	size_t len;
};

/*
 * Split a module image: *modlen gets the length of the module bytes before
 * the trailer. For TRAILER_DAMAGED, *why says what is wrong.
 */
enum trailer parse_trailer(const uint8_t *buf, size_t len, size_t *modlen,
			   struct proof *proof, const char **why);

/* The root the proof leads to from the module bytes. */
void proof_root(const uint8_t *mod, size_t modlen, const struct proof *proof,
		uint8_t out[HASH_SIZE]);

/*
 * The root of a kernel image: a vmlinux, or an x86 bzImage whose payload
 * is decompressed first. Returns 0, or -1 with *why set.
 */
int kernel_root(const uint8_t *buf, size_t len, struct root *root,
		const char **why);

/*
 * Decompress buf if it starts with the magic of xz, gzip or zstd: 1 and
 * *out filled, 0 if it is none of them, -1 with *why on an error.
 */
int decompress(const uint8_t *buf, size_t len, struct blob *out,
	       const char **why);

/*
 * decompress() refuses data that grows past this many bytes (1 GiB), so
 * that a small crafted file cannot take all memory.
 */
extern size_t decompress_limit;

void hex(const uint8_t *hash, char out[2 * HASH_SIZE + 1]);

#endif
