#!/bin/bash
# Read the test matrix (tests/matrix) and act on it.
#
# usage: matrix.sh list
#        matrix.sh profiles TIER
#        matrix.sh results TIER
#        matrix.sh run TIER PROFILE TREE OBJDIR RESULTS_DIR
#
# list prints the matrix; profiles prints the profiles TIER builds, in
# order; results the names of the result files a run of TIER must leave
# (PROFILE-RUN, PROFILE-CHECK); run boots and checks one built profile.
# TIER is "test" (make test) or "all" (make test-all).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
matrix=$top/tests/matrix

die() { echo "matrix: $*" >&2; exit 1; }

# The matrix's lines, checked, as fields separated by $FS:
# KIND TIER PROFILE NAME CPUS SUITES ARGS PANIC (a check: ARGS are its own;
# a profile: NAME is its description).
FS=$'\x1f'
rows() {
	local line kind tier profile name cpus words rest args panic n=0
	local -A declared=() named=()
	while IFS= read -r line; do
		n=$((n + 1))
		line=${line%%#*}
		[ -n "${line//[[:space:]]/}" ] || continue
		if [[ $line =~ ^profile[[:space:]]+([^[:space:]]+)[[:space:]]+(.*[^[:space:]]) ]]; then
			profile=${BASH_REMATCH[1]}
			[ -f "$top/configs/$profile.config" ] || die "line $n: no configs/$profile.config for profile '$profile'"
			[ -z "${declared[$profile]:-}" ] || die "line $n: profile '$profile' declared twice"
			declared[$profile]=1
			printf 'profile%s%s%s%s\n' "$FS" "$FS" "$profile$FS" "${BASH_REMATCH[2]}"
			continue
		fi
		words=${line%%|*}
		rest=
		[ "$words" = "$line" ] || rest=${line#*|}
		args=${rest%%|*}
		panic=
		[ "$args" = "$rest" ] || panic=${rest#*|}
		read -r kind tier profile name words <<<"$words"
		panic=$(echo "$panic" | sed 's/^ *//; s/ *$//')
		args=$(echo "$args" | sed 's/^ *//; s/ *$//')
		case $tier in test|all) ;; *) die "line $n: tier '$tier' is neither test nor all" ;; esac
		[ -n "${declared[$profile]:-}" ] || die "line $n: profile '$profile' is not declared above"
		[ -n "${name:-}" ] || die "line $n: no run or check name"
		[ -z "${named[$profile/$name]:-}" ] || die "line $n: $profile/$name is there twice"
		named[$profile/$name]=1
		case $kind in
		boot)
			read -r cpus words <<<"$words"
			[[ ${cpus:-} =~ ^[1-9]$ ]] || die "line $n: '$cpus' is not a number of CPUs"
			[ -n "${words:-}" ] || die "line $n: boot $profile/$name runs no suite"
			for s in $words; do
				[ -f "$top/tests/guest/$s.sh" ] || die "line $n: no suite '$s' (tests/guest/$s.sh)"
			done
			case $panic in
			""|"panic: "?*|"boot panic: "?*|"warning: "?*) ;;
			*) die "line $n: expected 'panic: MESSAGE', 'boot panic: MESSAGE' or 'warning: MESSAGE', not '$panic'" ;;
			esac
			printf "boot$FS%s$FS%s$FS%s$FS%s$FS%s$FS%s$FS%s\n" "$tier" "$profile" "$name" "$cpus" "$words" "$args" "$panic" ;;
		check)
			[ -z "$rest" ] || die "line $n: a check takes no '|'"
			check_script "$name" >/dev/null || die "line $n: no check '$name' (tests/host/$name.sh or .py)"
			printf "check$FS%s$FS%s$FS%s$FS$FS$FS%s$FS\n" "$tier" "$profile" "$name" "${words:-}" ;;
		*)
			die "line $n: '$kind' is neither profile, boot nor check" ;;
		esac
	done <"$matrix"
}

check_script() {
	local f
	for f in "$top/tests/host/$1.sh" "$top/tests/host/$1.py"; do
		[ -x "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

# in_tier ROW_TIER TIER
in_tier() { [ "$2" = all ] || [ "$1" = "$2" ]; }

cmd=${1:-}
[ -n "$cmd" ] || die "usage: matrix.sh list|profiles|results|run ..."
shift
table=$(rows) || exit 1
rows() { printf '%s\n' "$table"; }
case $cmd in
list)
	echo "Profiles (configs/PROFILE.config) and what make test (test) and"
	echo "make test-all (test and all) run on each; every tier starts with the host tests."
	rows | while IFS=$FS read -r kind tier profile name cpus suites args panic; do
		if [ "$kind" = profile ]; then
			printf '\n%s: %s\n' "$profile" "$name"
		elif [ "$kind" = boot ]; then
			printf '  %-4s boot  %-10s %s CPU  %s%s%s\n' "$tier" "$name" "$cpus" "$suites" \
				"${args:+  [$args]}" "${panic:+  => $panic}"
		else
			printf '  %-4s check %-10s %s\n' "$tier" "$name" "$args"
		fi
	done ;;
profiles)
	rows | awk -F"$FS" -v t="$1" '$1 != "profile" && (t == "all" || $2 == t) && !seen[$3]++ { print $3 }' ;;
results)
	rows | awk -F"$FS" -v t="$1" '$1 != "profile" && (t == "all" || $2 == t) { print $3 "-" $4 }' ;;
run)
	[ $# = 5 ] || die "usage: matrix.sh run TIER PROFILE TREE OBJDIR RESULTS_DIR"
	want=$1 profile=$2 tree=$3 obj=$4 results=$5
	mkdir -p "$results"
	status=0
	while IFS=$FS read -r kind tier p name cpus suites args panic; do
		if [ "$kind" = profile ] || [ "$p" != "$profile" ] || ! in_tier "$tier" "$want"; then
			continue
		fi
		if [ "$kind" = boot ]; then
			RESULTS=$results CPUS=$cpus EXPECT=$panic \
				"$top/scripts/qemu.sh" "$obj" "$name" "$suites" "$args" || status=1
		else
			echo "  TEST    $profile/$name"
			start=$(date +%s)
			# shellcheck disable=SC2086 # the check's arguments are words
			"$(check_script "$name")" "$tree" "$obj" "$results/$profile-$name.result" $args \
				>"$obj/$name.log" 2>&1 || status=1
			grep -E '^not ok|^# ' "$obj/$name.log" || true
			echo "  RESULT  $profile/$name: $(awk '{ print $1 " passed, " $2 " failed" }' \
				"$results/$profile-$name.result" 2>/dev/null || echo "no result") in $(($(date +%s) - start))s (log: ${obj#"$top/"}/$name.log)"
		fi
	done < <(rows)
	exit $status ;;
*)
	die "unknown command '$cmd'" ;;
esac
