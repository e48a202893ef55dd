#!/bin/bash
# Add up the results of a "make test" run and print the closing line.
#
# usage: summary.sh RESULTS_DIR STAGE...
# Each STAGE must have left STAGE*.result files ("passed failed"); a stage
# that left none (its build failed, say) counts as one failure.
set -euo pipefail

dir=$1
shift
passed=0 failed=0
for stage in "$@"; do
	found=0
	for f in "$dir/$stage"*.result; do
		[ -f "$f" ] || continue
		found=1
		read -r p f_ <"$f"
		passed=$((passed + p)) failed=$((failed + f_))
	done
	if [ $found = 0 ]; then
		echo "  MISSING $stage: no result (see its output above)"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
