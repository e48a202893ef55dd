/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_PRINTK_H
#define FUZZ_SHIM_PRINTK_H

/* Messages are checked for their format and dropped. */
static inline __attribute__((format(printf, 1, 2))) void fuzz_printk(const char *fmt, ...)
{
}

#define pr_err(...)	fuzz_printk(__VA_ARGS__)
#define pr_notice(...)	fuzz_printk(__VA_ARGS__)
#define pr_debug(...)	fuzz_printk(__VA_ARGS__)
#define pr_devel(...)	fuzz_printk(__VA_ARGS__)

#endif
