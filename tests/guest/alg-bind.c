// SPDX-License-Identifier: GPL-2.0
/*
 * alg-bind: ask the kernel for an algorithm through AF_ALG, so that a
 * template instance (cbc(aes-generic), hmac(sha256-generic), ...) is
 * created and goes through its self-test, without needing keys or data.
 *
 * usage: alg-bind TYPE NAME   (TYPE: hash, skcipher, aead, rng)
 */
#include <errno.h>
#include <linux/if_alg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_alg sa = { .salg_family = AF_ALG };
	int fd;

	if (argc != 3) {
		fprintf(stderr, "usage: alg-bind TYPE NAME\n");
		return 2;
	}
	strncpy((char *)sa.salg_type, argv[1], sizeof(sa.salg_type) - 1);
	strncpy((char *)sa.salg_name, argv[2], sizeof(sa.salg_name) - 1);

	fd = socket(AF_ALG, SOCK_SEQPACKET, 0);
	if (fd < 0) {
		perror("alg-bind: socket(AF_ALG)");
		return 1;
	}
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		fprintf(stderr, "alg-bind: %s %s: %s\n", argv[1], argv[2], strerror(errno));
		return 1;
	}
	close(fd);
	return 0;
}
