#!/bin/bash
# Apply the series patch by patch on the base, in a scratch work tree, and
# build every step in each of PROFILES, incrementally in one object
# directory per profile, with ccache. Options a profile asks for that the
# step does not have yet are dropped, not an error: the step is built with
# what it has. Prints KTAP, one line per patch, and names the first patch
# that does not build; WORKDIR/bisect.log keeps what it printed.
#
# usage: check-bisect.sh TREE WORKDIR PROFILE...
set -uo pipefail

tree=$(realpath "$1")
work=$(realpath -m "$2")
shift 2
profiles=("$@")
top=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "check-bisect: $*" >&2; exit 1; }

[ -d "$tree/.git" ] || die "no work tree at $tree: run 'make tree'"
patches=$(grep -v -e '^#' -e '^[[:space:]]*$' "$top/patches/series")
[ -n "$patches" ] || die "patches/series names no patch"

# The scratch work tree is kept between runs and only reset to the base:
# files the series does not touch keep their times, so the object
# directories stay valid and a second run rebuilds only what changed.
src=$work/linux
mkdir -p "$work"
if [ -e "$src/.git" ]; then
	git -C "$src" am --abort >/dev/null 2>&1
	if ! git -C "$src" checkout -q -f --detach base || ! git -C "$src" clean -q -f -d; then
		die "cannot reset $src to base; remove it"
	fi
else
	git -C "$tree" worktree prune
	git -C "$tree" worktree add -q --detach "$src" base || die "cannot make a work tree at $src"
fi

exec > >(tee "$work/bisect.log")
echo "KTAP version 1"
echo "1..$(echo "$patches" | wc -w)"
n=0 first=
start=$(date +%s)
for p in $patches; do
	n=$((n + 1))
	if ! out=$(git -C "$src" -c user.name=workbench -c user.email=workbench@localhost \
		am -q --keep-cr "$top/patches/$p" 2>&1); then
		echo "not ok $n $p does not apply"
		printf '%s\n' "$out" | sed 's/^/# /'
		first=${first:-$p}
		break
	fi
	broken=()
	for profile in "${profiles[@]}"; do
		obj=$work/$profile
		if ! KCONFIG_LENIENT=1 "$top/scripts/kernel.sh" "$profile" "$src" "$obj" \
			>"$work/$profile.step.log" 2>&1; then
			broken+=("$profile")
			mkdir -p "$work/failed"
			cp "$obj/build.log" "$work/failed/$n-$profile.log" 2>/dev/null ||
				cp "$work/$profile.step.log" "$work/failed/$n-$profile.log"
		fi
	done
	t=$(($(date +%s) - start))
	if [ ${#broken[@]} = 0 ]; then
		echo "ok $n $p builds in ${profiles[*]} (${t}s so far)"
	else
		echo "not ok $n $p does not build in ${broken[*]} (logs: ${work#"$top/"}/failed/$n-*.log)"
		grep -m 3 -E 'error:|Error [0-9]|undefined reference' "$work/failed/$n-"*.log | sed 's/^/# /'
		first=${first:-$p}
	fi
done
echo "# check-bisect: $n patches in $(($(date +%s) - start))s; first that does not build: ${first:-none}"
[ -z "$first" ]
