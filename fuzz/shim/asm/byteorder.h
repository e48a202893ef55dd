/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_BYTEORDER_H
#define FUZZ_SHIM_BYTEORDER_H

#include <endian.h>
#include <linux/types.h>

#define be32_to_cpu(x)	be32toh(x)
#define cpu_to_be32(x)	htobe32(x)

#endif
