/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the guest's timing helpers (loadtime, afalg-speed) share: guest
 * time in ns, the median of N timings, and how they fail.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* median(T, N): sorts T. */
static uint64_t median(uint64_t *t, int n)
{
	qsort(t, n, sizeof(*t), cmp);
	return t[n / 2];
}

static void die(const char *what)
{
	perror(what);
	exit(1);
}
