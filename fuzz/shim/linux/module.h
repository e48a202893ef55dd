/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_MODULE_H
#define FUZZ_SHIM_MODULE_H

#include <linux/kernel.h>

#define module_param(name, type, perm)
#define EXPORT_SYMBOL(sym)
#define EXPORT_SYMBOL_GPL(sym)

#endif
