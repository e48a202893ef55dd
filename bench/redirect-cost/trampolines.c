// SPDX-License-Identifier: GPL-2.0-only
/*
 * What the trampoline shapes of the standalone crypto module cost on the
 * machine's CPU, in user space (bench/redirect-cost.sh measures them in
 * the kernel, in instructions): 10^8 calls of a small function called
 * directly (built in), through a direct jump (static call trampoline),
 * through a jump via a pointer (pointer trampoline), and through a pointer
 * and a retpoline (the pointer trampoline in a kernel built with
 * CONFIG_RETPOLINE on a CPU that needs retpolines). Best of 5 runs.
 *
 * usage: trampolines
 */
#include <stdio.h>
#include <time.h>

void target(unsigned long *x);
void direct_jump(unsigned long *x);
void pointer_jump(unsigned long *x);
void pointer_retpoline(unsigned long *x);

asm(".text\n"
    "target: addq $1, (%rdi); ret\n"
    "direct_jump: jmp target\n"
    "pointer_jump: movq target_ptr(%rip), %r11; jmp *%r11\n"
    "pointer_retpoline: movq target_ptr(%rip), %r11; jmp thunk_r11\n"
    "thunk_r11: call 1f\n"
    "2: pause; lfence; jmp 2b\n"
    "1: movq %r11, (%rsp); ret\n"
    ".data\n"
    "target_ptr: .quad target\n"
    ".text\n");

#define CALLS 100000000UL

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static const char *const names[] = {
	"built-in call", "static call", "pointer", "pointer, retpoline",
};

/* Each loop calls by name, so that it makes a direct call as vmlinux does. */
static double per_call(int shape)
{
	unsigned long x = 0;
	double best = 0;
	int r;

	for (r = 0; r < 5; r++) {
		double t = now();
		unsigned long i;

		for (i = 0; i < CALLS; i++) {
			switch (shape) {
			case 0: target(&x); break;
			case 1: direct_jump(&x); break;
			case 2: pointer_jump(&x); break;
			default: pointer_retpoline(&x); break;
			}
		}
		t = (now() - t) / CALLS;
		if (!r || t < best)
			best = t;
	}
	return best;
}

int main(void)
{
	double base = per_call(0);
	int shape;

	printf("%-20s %.2f ns\n", names[0], base);
	for (shape = 1; shape < 4; shape++) {
		double t = per_call(shape);

		printf("%-20s %.2f ns (%+.2f)\n", names[shape], t, t - base);
	}
	return 0;
}
