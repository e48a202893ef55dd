/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What kernel/module/auth.c and hashes.c take from kernel/module/internal.h,
 * for user space. The harness builds copies of those files next to this
 * one, so that their #include "internal.h" finds it.
 */
#ifndef FUZZ_SHIM_INTERNAL_H
#define FUZZ_SHIM_INTERNAL_H

#include <linux/types.h>

struct load_info {
	const void *hdr;
	size_t len;
	bool sig_ok;
	/* an image embedded in vmlinux: only its loader sets it, never here */
	bool embedded;
};

int module_auth_check(struct load_info *info, int flags);
int module_sig_verify(const void *mod, size_t modlen, size_t sig_len);
int module_hashes_verify(const void *mod, size_t modlen,
			 const void *proof, size_t proof_len);

#endif
