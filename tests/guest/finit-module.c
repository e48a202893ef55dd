// SPDX-License-Identifier: GPL-2.0
/*
 * finit-module FILE: load FILE with finit_module(2) and
 * MODULE_INIT_COMPRESSED_FILE, so that the kernel decompresses it (kmod
 * decompresses in userspace and uses init_module(2) instead).
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/module.h>

int main(int argc, char **argv)
{
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: finit-module FILE\n");
		return 2;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (syscall(SYS_finit_module, fd, "", MODULE_INIT_COMPRESSED_FILE)) {
		perror("finit_module");
		return 1;
	}
	return 0;
}
