#!/bin/bash
# Helpers for the host tests: one KTAP result line per check, counted.
# The sourcing script sets top (the workbench) and result (its result file).
# shellcheck disable=SC2154

n=0 passed=0 failed=0

# result STATUS DESCRIPTION [DIAGNOSTICS]: STATUS 0 is a pass.
result() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $n $2"; passed=$((passed + 1))
	else
		echo "not ok $n $2"; failed=$((failed + 1))
		[ -n "${3:-}" ] && printf '%s\n' "$3" | head -n 30 | sed 's/^/# /'
	fi
}

# fold NAME TAP_FILE: the results of another KTAP producer as our own, each
# failure with the diagnostics that follow it; it must have passed one.
fold() {
	local line pending='' diags=''
	while IFS= read -r line || [ -n "$pending" ]; do
		case $line in
		"# "*) [ -n "$pending" ] && diags+="${line#"# "}"$'\n'; continue ;;
		esac
		[ -n "$pending" ] && result 1 "$1: $pending" "$diags"
		pending='' diags=''
		case $line in
		"ok "*) result 0 "$1: ${line#ok * }" ;;
		"not ok "*) pending=${line#not ok * } ;;
		esac
	done <"$2"
	grep -q '^ok ' "$2" || result 1 "$1 ran" "$(cat "$2")"
}

# embeds FILE IMAGE: whether FILE (vmlinux) holds the bytes of IMAGE
# (fips140.ko); says where, or that it does not.
embeds() {
	python3 - "$1" "$2" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
image = open(sys.argv[2], 'rb').read()
at = data.find(image)
if at < 0:
    sys.exit('%s does not hold the %d bytes of %s' % (sys.argv[1], len(image), sys.argv[2]))
print('%d bytes, at offset %d' % (len(image), at))
PY
}

# What follows a failure of these needs their output: stop there
# (required STATUS DESCRIPTION [DIAGNOSTICS]). finish writes the counts
# to $result and exits, failing if a check did.
required() {
	result "$@"
	[ "$1" = 0 ] || finish
}

finish() {
	echo "$passed $failed" >"$result"
	[ "$failed" = 0 ]
	exit
}

# kernel_a VERSION PROFILE BUILD: kernel A, the series on linux-source-6.1
# VERSION in BUILD/linux-VERSION, built in PROFILE with make fips140_build
# in BUILD/PROFILE-VERSION; sets tree_a, obj_a and set_a (its
# fips140_build/). The tree is made again when the series changes; a
# patch that does not apply as it is to that release is applied with one
# line of context, and named.
# shellcheck disable=SC2034 # set_a: for the caller
kernel_a() {
	local version=$1 profile=$2 build=$3 stamp out
	tree_a=$build/linux-$version
	obj_a=$build/$profile-$version
	set_a=$obj_a/fips140_build
	# shellcheck disable=SC2046 # the series names the patches, one word each
	stamp=$(cd "$top/patches" && cat series $(grep -v -e '^#' -e '^[[:space:]]*$' series) | sha256sum)
	out=$("$top/scripts/fetch-base.sh" "$version" "$build/cache" 2>&1) &&
	if [ "$(cat "$tree_a/.series-stamp" 2>/dev/null)" != "$stamp" ]; then
		rm -rf "$tree_a" &&
		out=$(REDUCED_CONTEXT=1 "$top/scripts/tree.sh" "$build/cache/linux-source-$version" \
			"$tree_a" "$version" 2>&1) &&
		echo "$stamp" >"$tree_a/.series-stamp"
	fi
	required $? "A: the series on linux-source-6.1 $version" "$out"
	echo "$out" | grep 'applied with one line of context' | sed 's/^ *TREE */# A: /'

	out=$(TARGETS=fips140_build "$top/scripts/kernel.sh" "$profile" "$tree_a" "$obj_a" 2>&1)
	required $? "A: $profile built, with make fips140_build" "$out"
}

# refused PROFILE TREE OBJDIR SYMBOL STATUS: kernel B, TREE built in
# OBJDIR with A's fips140_build/ (configs/fragments/extmod-source.config),
# ended with STATUS: it must have stopped at the checker, which names
# SYMBOL. Built again with KBUILD_FIPS140_CHECK_WARN=1, it must boot to
# the panic of a refused fips140.ko, whose console log is then
# OBJDIR/runs/forced/console.log.
refused() {
	local profile=$1 tree=$2 obj=$3 symbol=$4 status=$5 out
	local fragment=$top/configs/fragments/extmod-source.config
	grep -h -e "^fips140-check: [a-z]* $symbol: " -e '^fips140-check: .*: [0-9]* mismatches$' \
		"$obj/build.log" | sed 's/^/# B build: /'
	[ "$status" != 0 ] && [ ! -e "$obj/vmlinux" ] &&
		grep -q "^fips140-check: [a-z]* $symbol: " "$obj/build.log" &&
		grep -q '^fips140-check: .*: [0-9]* mismatches$' "$obj/build.log"
	result $? "B with A's fips140_build/ stops at the check, which names $symbol" \
		"$(grep -v '^fips140-check: ' "$obj/build.log" | tail -5)"

	out=$(KBUILD_FIPS140_CHECK_WARN=1 "$top/scripts/kernel.sh" "$profile" "$tree" "$obj" \
		"$fragment" 2>&1 &&
	      "$top/scripts/initramfs.sh" "$tree" "$obj" "$obj/initramfs.cpio" 2>&1) &&
		grep -q '^WARNING: fips140_build/: mismatches ignored' "$obj/build.log"
	required $? "with KBUILD_FIPS140_CHECK_WARN=1 it builds, with a warning" "$out"
	out=$(RESULTS=$obj/runs EXPECT="boot panic: fips140: cannot load the crypto module embedded in vmlinux" \
		"$top/scripts/qemu.sh" "$obj" forced boot "" 2>&1)
	result $? "that kernel panics: fips140.ko is refused" "$out"
}
