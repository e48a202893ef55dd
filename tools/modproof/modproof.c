// SPDX-License-Identifier: GPL-2.0-only
/*
 * modproof: show and check the Merkle proofs of CONFIG_MODULE_HASHES
 * offline, against the root inside a vmlinux or a bzImage. kmod shows a
 * module with a proof as unsigned; this says what the proof is and
 * whether it belongs to a given kernel.
 */
#define _GNU_SOURCE
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "modproof.h"

/* Exit status */
#define EXIT_AUTHENTICATED	0
#define EXIT_NOT_AUTHENTICATED	1
#define EXIT_TROUBLE		2

static void usage(void)
{
	fprintf(stderr,
		"Usage: modproof root KERNEL\n"
		"       modproof show [-k KERNEL] MODULE...\n"
		"       modproof verify -k KERNEL PATH...\n"
		"\n"
		"  root    print the root inside KERNEL (a vmlinux or an x86 bzImage)\n"
		"  show    print each module's proof: position, levels and the root it\n"
		"          leads to; with -k, whether that is KERNEL's root\n"
		"  verify  check modules, or the *.ko[.xz|.gz|.zst] files under\n"
		"          directories, against KERNEL's root, as the kernel would\n"
		"\n"
		"Exit status: 0 every module has a proof (show) or is authenticated\n"
		"(verify); 1 some module is not; 2 a usage error or a file that cannot\n"
		"be read.\n");
	exit(EXIT_TROUBLE);
}

static int read_file(const char *path, struct blob *b)
{
	struct stat st;
	ssize_t n;
	size_t got = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) < 0) {
		warn("%s", path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	b->len = st.st_size;
	b->data = malloc(b->len ? b->len : 1);
	if (!b->data)
		err(EXIT_TROUBLE, "malloc");
	while (got < b->len) {
		n = read(fd, b->data + got, b->len - got);
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			warn("%s", path);
			close(fd);
			free(b->data);
			return -1;
		}
		got += n;
	}
	close(fd);
	return 0;
}

/* A module's bytes, decompressed if they are compressed. */
static int read_module(const char *path, struct blob *b)
{
	struct blob plain;
	const char *why;
	int ret;

	if (read_file(path, b))
		return -1;
	ret = decompress(b->data, b->len, &plain, &why);
	if (ret < 0) {
		warnx("%s: %s", path, why);
		free(b->data);
		return -1;
	}
	if (ret) {
		free(b->data);
		*b = plain;
	}
	return 0;
}

static void load_root(const char *kernel, struct root *root)
{
	struct blob b;
	const char *why;

	if (read_file(kernel, &b))
		exit(EXIT_TROUBLE);
	if (kernel_root(b.data, b.len, root, &why))
		errx(EXIT_TROUBLE, "%s: %s", kernel, why);
	free(b.data);
}

/*
 * Check one module. Prints one line, "PATH: ok" or "PATH: " and why not,
 * and with show the proof itself. Returns an exit status.
 */
static int check_module(const char *path, const struct root *root, bool show)
{
	char got[2 * HASH_SIZE + 1];
	uint8_t hash[HASH_SIZE];
	struct proof proof;
	const char *why = NULL;
	struct blob b;
	size_t modlen;
	int ret = EXIT_NOT_AUTHENTICATED;

	if (read_module(path, &b))
		return EXIT_TROUBLE;

	switch (parse_trailer(b.data, b.len, &modlen, &proof, &why)) {
	case TRAILER_NONE:
		printf("%s: no trailer (an unsigned module)\n", path);
		goto out;
	case TRAILER_PKCS7:
		printf("%s: a PKCS#7 signature, not a Merkle proof\n", path);
		goto out;
	case TRAILER_DAMAGED:
		printf("%s: damaged trailer: %s\n", path, why);
		goto out;
	case TRAILER_MERKLE:
		break;
	}

	proof_root(b.data, modlen, &proof, hash);
	hex(hash, got);
	if (show)
		printf("%s: position %u, %u levels, leads to root %s\n",
		       path, proof.pos, proof.levels, got);
	if (!root) {
		ret = EXIT_AUTHENTICATED;
		goto out;
	}

	if (proof.levels != root->levels)
		printf("%s: proof of %u levels, the kernel's tree has %u\n",
		       path, proof.levels, root->levels);
	else if (proof.levels < 32 && proof.pos >> proof.levels)
		printf("%s: position %u outside the kernel's tree\n",
		       path, proof.pos);
	else if (memcmp(hash, root->hash, HASH_SIZE))
		printf("%s: proof does not lead to the kernel's root\n", path);
	else {
		printf("%s: ok\n", path);
		ret = EXIT_AUTHENTICATED;
	}
out:
	free(b.data);
	return ret;
}

/* The module files under a directory, collected to be checked in order. */
static char **found;
static size_t nfound, capfound;

static bool is_module(const char *path)
{
	static const char *const suffixes[] = { ".ko", ".ko.xz", ".ko.gz", ".ko.zst" };
	size_t len = strlen(path), i, n;

	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		n = strlen(suffixes[i]);
		if (len > n && !strcmp(path + len - n, suffixes[i]))
			return true;
	}
	return false;
}

static int collect(const char *path, const struct stat *st, int type,
		   struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (type == FTW_DNR || type == FTW_NS) {
		warnx("%s: cannot read", path);
		return 1;
	}
	if (type != FTW_F || !is_module(path))
		return 0;
	if (nfound == capfound) {
		capfound = capfound ? 2 * capfound : 256;
		found = realloc(found, capfound * sizeof(*found));
		if (!found)
			err(EXIT_TROUBLE, "realloc");
	}
	found[nfound] = strdup(path);
	if (!found[nfound++])
		err(EXIT_TROUBLE, "strdup");
	return 0;
}

static int compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int worse(int a, int b)
{
	return a > b ? a : b;
}

int main(int argc, char **argv)
{
	const char *kernel = NULL, *cmd;
	char roothex[2 * HASH_SIZE + 1];
	struct root root;
	size_t i, total = 0, good = 0;
	int opt, status = EXIT_AUTHENTICATED, ret;
	struct stat st;

	if (argc < 2)
		usage();
	cmd = argv[1];
	argv++;
	argc--;
	while ((opt = getopt(argc, argv, "k:")) != -1) {
		if (opt != 'k')
			usage();
		kernel = optarg;
	}

	if (!strcmp(cmd, "root")) {
		if (kernel || argc - optind != 1)
			usage();
		load_root(argv[optind], &root);
		hex(root.hash, roothex);
		printf("%u levels, root %s\n", root.levels, roothex);
		return EXIT_AUTHENTICATED;
	}
	if (strcmp(cmd, "show") && strcmp(cmd, "verify"))
		usage();
	if (optind == argc || (!strcmp(cmd, "verify") && !kernel))
		usage();
	if (kernel)
		load_root(kernel, &root);

	for (; optind < argc; optind++) {
		const char *path = argv[optind];

		if (stat(path, &st) < 0) {
			warn("%s", path);
			status = EXIT_TROUBLE;
			continue;
		}
		if (!S_ISDIR(st.st_mode)) {
			ret = check_module(path, kernel ? &root : NULL,
					   !strcmp(cmd, "show"));
			total++;
			good += ret == EXIT_AUTHENTICATED;
			status = worse(status, ret);
			continue;
		}
		nfound = 0;
		if (nftw(path, collect, 16, FTW_PHYS))
			status = EXIT_TROUBLE;
		qsort(found, nfound, sizeof(*found), compare);
		for (i = 0; i < nfound; i++) {
			ret = check_module(found[i], kernel ? &root : NULL,
					   !strcmp(cmd, "show"));
			total++;
			good += ret == EXIT_AUTHENTICATED;
			status = worse(status, ret);
			free(found[i]);
		}
	}
	if (!strcmp(cmd, "verify"))
		fprintf(stderr, "modproof: %zu of %zu modules authenticated\n",
			good, total);
	if (!total && status == EXIT_AUTHENTICATED) {
		warnx("no modules found");
		status = EXIT_NOT_AUTHENTICATED;
	}
	return status;
}
