/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_KERNEL_H
#define FUZZ_SHIM_KERNEL_H

#include <asm/byteorder.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/types.h>

/* IS_ENABLED(CONFIG_FOO): 1 when the build defines CONFIG_FOO as 1. */
#define __fuzz_arg_placeholder_1		0,
#define __fuzz_take_second(ignored, val, ...)	val
#define __fuzz_is_defined(x)			___fuzz_is_defined(x)
#define ___fuzz_is_defined(val)			____fuzz_is_defined(__fuzz_arg_placeholder_##val)
#define ____fuzz_is_defined(arg1_or_junk)	__fuzz_take_second(arg1_or_junk 1, 0)
#define IS_ENABLED(option)			__fuzz_is_defined(option)

#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define BIT(n)			(1UL << (n))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#endif
