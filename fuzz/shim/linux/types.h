/* SPDX-License-Identifier: GPL-2.0-only */
/* User-space stand-ins for the kernel headers the fuzzed code includes. */
#ifndef FUZZ_SHIM_TYPES_H
#define FUZZ_SHIM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef uint32_t __be32;

#endif
