/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_SYSTEM_KEYRING_H
#define FUZZ_SHIM_SYSTEM_KEYRING_H

#include <linux/types.h>

enum blacklist_hash_type { BLACKLIST_HASH_X509_TBS = 1, BLACKLIST_HASH_BINARY = 2 };

/* The harness's blacklist. */
int is_hash_blacklisted(const u8 *hash, size_t hash_len,
			enum blacklist_hash_type hash_type);

#endif
