// SPDX-License-Identifier: GPL-2.0
/*
 * loadtime N MODULE FILE: the median time, in ns of guest time, of N
 * finit_module(FILE) calls, the module unloaded after each.
 * loadtime -s N FILE: the median time of N SHA-256 digests of FILE's
 * bytes through AF_ALG ("sha256-generic"), the floor of a hash check.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/if_alg.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "timing.h"

int main(int argc, char **argv)
{
	struct sockaddr_alg sa = { .salg_family = AF_ALG };
	uint8_t digest[32], *buf;
	uint64_t *t, start;
	int sha = argc == 4 && !strcmp(argv[1], "-s");
	int n, i, fd, tfm, op;
	struct stat st;

	if (argc != 4) {
		fprintf(stderr, "usage: loadtime N MODULE FILE | loadtime -s N FILE\n");
		return 2;
	}
	n = atoi(argv[sha ? 2 : 1]);
	t = calloc(n, sizeof(*t));
	fd = open(argv[3], O_RDONLY | O_CLOEXEC);
	if (!t || n <= 0 || fd < 0)
		die(argv[3]);

	if (sha) {
		if (fstat(fd, &st) < 0)
			die("fstat");
		buf = malloc(st.st_size);
		if (!buf || read(fd, buf, st.st_size) != st.st_size)
			die("read");
		strcpy((char *)sa.salg_type, "hash");
		strcpy((char *)sa.salg_name, "sha256-generic");
		tfm = socket(AF_ALG, SOCK_SEQPACKET, 0);
		if (tfm < 0 || bind(tfm, (struct sockaddr *)&sa, sizeof(sa)) < 0)
			die("AF_ALG sha256-generic");
		op = accept(tfm, NULL, 0);
		if (op < 0)
			die("accept");
		for (i = 0; i < n; i++) {
			start = now();
			if (send(op, buf, st.st_size, 0) != st.st_size ||
			    read(op, digest, sizeof(digest)) != sizeof(digest))
				die("sha256");
			t[i] = now() - start;
		}
	} else {
		for (i = 0; i < n; i++) {
			start = now();
			if (syscall(SYS_finit_module, fd, "", 0))
				die("finit_module");
			t[i] = now() - start;
			if (syscall(SYS_delete_module, argv[2], O_NONBLOCK))
				die("delete_module");
		}
	}
	printf("%llu\n", (unsigned long long)median(t, n));
	return 0;
}
