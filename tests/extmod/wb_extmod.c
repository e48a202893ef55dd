// SPDX-License-Identifier: GPL-2.0
/*
 * An external module for the hashes suite: built with M= against a test
 * kernel, so it has no Merkle proof and can only be authenticated by a
 * PKCS#7 signature.
 */
#include <linux/module.h>

static int __init wb_extmod_init(void)
{
	return 0;
}
module_init(wb_extmod_init);

static void __exit wb_extmod_exit(void)
{
}
module_exit(wb_extmod_exit);

MODULE_DESCRIPTION("Workbench external module");
MODULE_LICENSE("GPL");
