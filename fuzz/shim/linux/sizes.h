/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_SIZES_H
#define FUZZ_SHIM_SIZES_H
#define SZ_1G	0x40000000
#endif
