// SPDX-License-Identifier: GPL-2.0
/*
 * afalg-speed TYPE NAME KEYLEN SIZE N: the median time, in ns of guest
 * time, of N operations of algorithm NAME on SIZE bytes through AF_ALG:
 * a digest (TYPE hash), an encryption (skcipher) or an encryption with a
 * 16-byte tag and no associated data (aead). KEYLEN 0: no key.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_alg.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "timing.h"

#ifndef SOL_ALG
#define SOL_ALG 279
#endif

/* One encryption: operation, IV and (aead) associated data length. */
static void encrypt(int op, int aead, uint8_t *in, uint8_t *out, size_t size,
		    size_t out_size)
{
	char cbuf[CMSG_SPACE(4) + CMSG_SPACE(4 + 16) + CMSG_SPACE(4)] = { 0 };
	struct iovec iov = { .iov_base = in, .iov_len = size };
	struct msghdr msg = {
		.msg_control = cbuf,
		.msg_controllen = CMSG_SPACE(4) + CMSG_SPACE(4 + 16) +
				  (aead ? CMSG_SPACE(4) : 0),
		.msg_iov = &iov,
		.msg_iovlen = 1,
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	struct af_alg_iv *iv;

	c->cmsg_level = SOL_ALG;
	c->cmsg_type = ALG_SET_OP;
	c->cmsg_len = CMSG_LEN(4);
	*(uint32_t *)CMSG_DATA(c) = ALG_OP_ENCRYPT;
	c = CMSG_NXTHDR(&msg, c);
	c->cmsg_level = SOL_ALG;
	c->cmsg_type = ALG_SET_IV;
	c->cmsg_len = CMSG_LEN(4 + 16);
	iv = (struct af_alg_iv *)CMSG_DATA(c);
	iv->ivlen = aead ? 12 : 16;
	if (aead) {
		c = CMSG_NXTHDR(&msg, c);
		c->cmsg_level = SOL_ALG;
		c->cmsg_type = ALG_SET_AEAD_ASSOCLEN;
		c->cmsg_len = CMSG_LEN(4);
		*(uint32_t *)CMSG_DATA(c) = 0;
	}
	if (sendmsg(op, &msg, 0) != (ssize_t)size ||
	    read(op, out, out_size) != (ssize_t)out_size)
		die("encrypt");
}

int main(int argc, char **argv)
{
	struct sockaddr_alg sa = { .salg_family = AF_ALG };
	uint8_t key[64] = { 1 }, *in, *out;
	size_t size, out_size;
	int keylen, n, i, tfm, op, hash, aead;
	uint64_t *t, start;

	if (argc != 6) {
		fprintf(stderr, "usage: afalg-speed hash|skcipher|aead NAME KEYLEN SIZE N\n");
		return 2;
	}
	hash = !strcmp(argv[1], "hash");
	aead = !strcmp(argv[1], "aead");
	keylen = atoi(argv[3]);
	size = atoi(argv[4]);
	n = atoi(argv[5]);
	out_size = hash ? 64 : aead ? size + 16 : size;
	t = calloc(n, sizeof(*t));
	in = calloc(1, size);
	out = calloc(1, out_size);
	if (!t || !in || !out || n <= 0 || keylen > (int)sizeof(key))
		die("arguments");

	strncpy((char *)sa.salg_type, argv[1], sizeof(sa.salg_type) - 1);
	strncpy((char *)sa.salg_name, argv[2], sizeof(sa.salg_name) - 1);
	tfm = socket(AF_ALG, SOCK_SEQPACKET, 0);
	if (tfm < 0 || bind(tfm, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die(argv[2]);
	if (keylen && setsockopt(tfm, SOL_ALG, ALG_SET_KEY, key, keylen) < 0)
		die("ALG_SET_KEY");
	if (aead && setsockopt(tfm, SOL_ALG, ALG_SET_AEAD_AUTHSIZE, NULL, 16) < 0)
		die("ALG_SET_AEAD_AUTHSIZE");
	op = accept(tfm, NULL, 0);
	if (op < 0)
		die("accept");

	for (i = 0; i < n; i++) {
		start = now();
		if (hash) {
			if (send(op, in, size, 0) != (ssize_t)size ||
			    read(op, out, out_size) <= 0)
				die("digest");
		} else {
			encrypt(op, aead, in, out, size, out_size);
		}
		t[i] = now() - start;
	}
	printf("%llu\n", (unsigned long long)median(t, n));
	return 0;
}
