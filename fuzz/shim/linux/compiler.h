/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_COMPILER_H
#define FUZZ_SHIM_COMPILER_H

#define __used			__attribute__((__used__))
#define __aligned(x)		__attribute__((__aligned__(x)))
/*
 * The one section the fuzzed code names is the root's: a name the linker
 * gives __start_ and __stop_ symbols, so that the harness can find it.
 */
#define __section(s)		__attribute__((__section__("fuzz_module_hashes")))
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))
#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#endif
