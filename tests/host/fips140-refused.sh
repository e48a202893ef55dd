#!/bin/bash
# fips140-reuse.sh for a kernel A whose set kernel B cannot host: the
# checker must name SYMBOL, and B's build with the set must stop at it.
#
# usage: fips140-refused.sh TREE OBJDIR RESULT_FILE CERTIFIED_VERSION SYMBOL
exec "$(dirname "$0")/fips140-reuse.sh" "$1" "$2" "$3" "$4" refuses "$5"
