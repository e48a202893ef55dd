// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer harness: tools/modproof's parsers. The input goes through
 * decompression, the trailer and proof walk (on the decompressed bytes
 * when it was compressed), and the search for the root of a kernel image
 * (an ELF file or a bzImage).
 */
#include <stdlib.h>
#include <string.h>

#include "../tools/modproof/modproof.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* Keep each run small; the limit itself is exercised all the same. */
	decompress_limit = 16 << 20;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *copy = malloc(size ? size : 1), out[HASH_SIZE];
	const uint8_t *mod = copy;
	const char *why = NULL;
	struct blob plain = { 0 };
	struct proof proof;
	struct root root;
	size_t len = size, modlen;
	int ret;

	memcpy(copy, data, size);
	ret = decompress(copy, size, &plain, &why);
	if (ret < 0 && (!why || plain.data))
		abort();
	if (ret > 0) {
		mod = plain.data;
		len = plain.len;
	}

	why = NULL;
	switch (parse_trailer(mod, len, &modlen, &proof, &why)) {
	case TRAILER_MERKLE:
		if (modlen + 4 + (size_t)proof.levels * HASH_SIZE > len ||
		    proof.siblings != mod + modlen + 4)
			abort();
		proof_root(mod, modlen, &proof, out);
		break;
	case TRAILER_DAMAGED:
		if (!why)
			abort();
		/* fall through */
	default:
		if (modlen > len)
			abort();
	}
	free(plain.data);

	why = NULL;
	if (kernel_root(copy, size, &root, &why) && !why)
		abort();
	free(copy);
	return 0;
}
