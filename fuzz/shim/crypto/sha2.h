/* SPDX-License-Identifier: GPL-2.0-only */
/* lib/crypto's SHA-256 interface, over OpenSSL. */
#ifndef FUZZ_SHIM_SHA2_H
#define FUZZ_SHIM_SHA2_H

#include <linux/types.h>
#include <openssl/evp.h>
#include <stdlib.h>

#define SHA256_DIGEST_SIZE	32

struct sha256_state {
	EVP_MD_CTX *ctx;
};

static inline void sha256_init(struct sha256_state *s)
{
	s->ctx = EVP_MD_CTX_new();
	if (!s->ctx || !EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL))
		abort();
}

static inline void sha256_update(struct sha256_state *s, const u8 *data,
				 unsigned int len)
{
	if (!EVP_DigestUpdate(s->ctx, data, len))
		abort();
}

static inline void sha256_final(struct sha256_state *s, u8 *out)
{
	if (!EVP_DigestFinal_ex(s->ctx, out, NULL))
		abort();
	EVP_MD_CTX_free(s->ctx);
}

#endif
