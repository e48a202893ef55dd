#!/bin/bash
# Add up the results of a "make test" run and print the closing line.
#
# usage: summary.sh RESULTS_DIR STAGE...
# Each STAGE must have left STAGE.result ("passed failed"); a stage that
# left none (its profile did not build, say) counts as one failure.
set -euo pipefail

dir=$1
shift
passed=0 failed=0
for stage in "$@"; do
	if [ -f "$dir/$stage.result" ]; then
		read -r p f_ <"$dir/$stage.result"
		passed=$((passed + p)) failed=$((failed + f_))
	else
		echo "  MISSING $stage: no result (see its output above)"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
