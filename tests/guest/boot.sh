#!/bin/sh
# The kernel booted and runs this initramfs with the modules built with it.
. ./lib.sh

release=$(uname -r)
diag "kernel $release: $(cat /proc/cmdline)"
check "modules of this kernel are installed" test -f "/lib/modules/$release/modules.dep"
check "init is process 1" test "$(cat /proc/1/comm)" = init
expect_eq "kernel config is readable" y "$(config_value IKCONFIG_PROC)"
# The host gives the machine wb.cpus= CPUs; all of them must be running.
cpus=$(sed -n 's/.*wb\.cpus=\([0-9]*\).*/\1/p' /proc/cmdline)
expect_eq "every CPU of the machine is online" "${cpus:-1}" \
	"$(grep -c '^processor' /proc/cpuinfo)"
