#!/bin/bash
# Helpers for the host tests: one KTAP result line per check, counted.

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
