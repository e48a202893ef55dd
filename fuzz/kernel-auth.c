// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness: the kernel's own check of a module's trailer and
 * Merkle proof. kernel/module/auth.c, kernel/module/hashes.c and
 * kernel/module_signature.c are compiled unchanged over the headers of
 * shim/; the input is a module image as init_module() passes it.
 *
 * FUZZ_ROOT names the 36-byte modules.hashes of the build the seeds come
 * from: it is written where vmlinux would hold it, so that the seeds'
 * proofs lead to it. With FUZZ_EXPECT_AUTHENTICATED set, an input the
 * check does not accept is a failure: that is how the seeds are checked.
 */
#include <errno.h>
#include <keys/system_keyring.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "internal.h"

int fuzz_lockdown;

/* Nothing is blacklisted: the blacklist's own code is not under test. */
int is_hash_blacklisted(const u8 *hash, size_t hash_len,
			enum blacklist_hash_type type)
{
	return 0;
}

/* CONFIG_MODULE_SIG is off: a PKCS#7 trailer is well formed, unverified. */
int module_sig_verify(const void *mod, size_t modlen, size_t sig_len)
{
	return -ENOPKG;
}

extern char __start_fuzz_module_hashes[];
static bool expect_authenticated;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *path = getenv("FUZZ_ROOT");
	long page = sysconf(_SC_PAGESIZE);
	char *start = (char *)((unsigned long)__start_fuzz_module_hashes & ~(page - 1));
	unsigned char root[36];
	FILE *f;

	expect_authenticated = getenv("FUZZ_EXPECT_AUTHENTICATED");
	if (!path)
		return 0;
	f = fopen(path, "rb");
	if (!f || fread(root, 1, sizeof(root), f) != sizeof(root)) {
		fprintf(stderr, "kernel-auth: cannot read a 36-byte root from %s\n", path);
		exit(1);
	}
	fclose(f);
	if (mprotect(start, 2 * page, PROT_READ | PROT_WRITE)) {
		perror("kernel-auth: mprotect");
		exit(1);
	}
	memcpy(__start_fuzz_module_hashes, root, sizeof(root));
	mprotect(start, 2 * page, PROT_READ);
	return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	/* An exact copy, so that a read past the image is caught. */
	void *image = malloc(size ? size : 1);
	struct load_info info = { .hdr = image, .len = size };
	int locked, ret;

	memcpy(image, data, size);
	for (locked = 0; locked < 2; locked++) {
		info.len = size;
		info.sig_ok = false;
		fuzz_lockdown = locked ? -EPERM : 0;
		ret = module_auth_check(&info, 0);
		/* What the loader goes on with must lie inside the image. */
		if (info.len > size)
			abort();
		if (ret == 0 && info.sig_ok && info.len + 28 + 12 > size)
			abort();
		if (ret && info.sig_ok)
			abort();
		if (expect_authenticated && !locked && (ret || !info.sig_ok)) {
			fprintf(stderr, "kernel-auth: not authenticated: %d\n", ret);
			abort();
		}
	}
	free(image);
	return 0;
}
