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
