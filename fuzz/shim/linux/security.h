/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef FUZZ_SHIM_SECURITY_H
#define FUZZ_SHIM_SECURITY_H

enum lockdown_reason { LOCKDOWN_MODULE_SIGNATURE };

/* Set by the harness. */
extern int fuzz_lockdown;

static inline int security_locked_down(enum lockdown_reason what)
{
	return fuzz_lockdown;
}

#endif
