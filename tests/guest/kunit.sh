#!/bin/sh
# The kernel's KUnit suites built as modules (*_kunit.ko): load each one
# and report every test case as KUnit printed it to the kernel log.
. ./lib.sh

kos=$(find "/lib/modules/$(uname -r)" -name '*_kunit.ko*' | sort)
if [ -z "$kos" ]; then
	not_ok "KUnit test modules are installed"
	exit 0
fi

for ko in $kos; do
	m=$(basename "$ko")
	m=${m%%.ko*}
	dmesg -c >/dev/null
	check "modprobe $m" modprobe "$m"
	dmesg | sed 's/^\[[^]]*\] //' >/tmp/kunit.log
	# Test cases are the indented result lines; "- " is the older style.
	grep -E '^ +(not )?ok [0-9]+ ' /tmp/kunit.log |
		sed -E 's/^ +//; s/^((not )?ok) [0-9]+ (- )?/\1 /' >/tmp/kunit.results
	check "$m reported test cases" test -s /tmp/kunit.results
	while read -r result; do
		case $result in
		"ok "*) ok "$m: ${result#ok }" ;;
		*) not_ok "$m: ${result#not ok }" ;;
		esac
	done </tmp/kunit.results
	grep -q '^not ok ' /tmp/kunit.results && diag "$(grep -v '^ *ok ' /tmp/kunit.log | tail -n 40)"
	check "modprobe -r $m" modprobe -r "$m"
done
