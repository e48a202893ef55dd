/* SPDX-License-Identifier: GPL-2.0-only */
/* The system's <errno.h> includes this name: hand on to its own. */
#include_next <linux/errno.h>
