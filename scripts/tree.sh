#!/bin/bash
# Make TREE a git work tree: the base source as the first commit (tagged
# "base"), then every patch of patches/series applied with git am.
#
# usage: tree.sh BASE_SRC TREE BASE_VERSION
#
# REDUCED_CONTEXT=1 (the tree of another Debian release than the one the
# series is made for): a patch that does not apply is tried again with one
# line of context, and the patches that needed it are named.
set -euo pipefail

base_src=$1
tree=$2
version=$3
top=$(cd "$(dirname "$0")/.." && pwd)

die() { echo "tree: $*" >&2; exit 1; }

# Commits made here must not depend on who runs the workbench or when.
export GIT_AUTHOR_NAME=workbench GIT_AUTHOR_EMAIL=workbench@localhost
export GIT_COMMITTER_NAME=workbench GIT_COMMITTER_EMAIL=workbench@localhost
export GIT_AUTHOR_DATE="@0 +0000" GIT_COMMITTER_DATE="@0 +0000"

if [ -d "$tree/.git" ]; then
	# Never throw away work: only rebuild a tree whose commits are exported.
	if [ -n "$(git -C "$tree" status --porcelain)" ]; then
		die "$tree has uncommitted changes; commit and 'make export' them, or remove $tree"
	fi
	if ! "$top/scripts/export.sh" "$tree" "$top/patches" --check >/dev/null 2>&1; then
		die "$tree has commits that differ from patches/; run 'make export' first, or remove $tree"
	fi
	echo "  TREE    $tree (reset to base)"
	git -C "$tree" checkout -q -f --detach base
	git -C "$tree" branch -q -f main base
	git -C "$tree" checkout -q main
else
	echo "  TREE    $tree (linux-source-6.1 $version)"
	rm -rf "$tree.tmp"
	cp -a "$base_src" "$tree.tmp"
	rm -f "$tree.tmp/.unpacked"
	# Debian's .gitignore ends by ignoring every top-level path (its
	# packaging repository tracks only debian/). In a work tree that
	# would hide every new file from git status and git add, so the base
	# commit leaves that block out; nothing else reads .gitignore.
	sed -i '/^# Debian packaging: ignore everything at the top level/,$d' "$tree.tmp/.gitignore"
	sed -i '${/^#$/d}' "$tree.tmp/.gitignore"
	git -C "$tree.tmp" init -q -b main
	git -C "$tree.tmp" config core.autocrlf false
	# A work tree of 75000 new files would start an automatic git gc
	# after git am: minutes of CPU for nothing here.
	git -C "$tree.tmp" config gc.auto 0
	git -C "$tree.tmp" add -A -f
	git -C "$tree.tmp" commit -q -m "Debian linux-source-6.1 $version"
	git -C "$tree.tmp" tag base
	mv "$tree.tmp" "$tree"
fi

# git am records the committer; the author and date come from the patch.
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_AUTHOR_DATE
patches=$(grep -v -e '^#' -e '^[[:space:]]*$' "$top/patches/series" || true)
for patch in $patches; do
	[ -f "$top/patches/$patch" ] || die "patches/series names $patch, which is not in patches/"
	if ! out=$(git -C "$tree" am -q --keep-cr --committer-date-is-author-date \
		"$top/patches/$patch" 2>&1); then
		git -C "$tree" am --abort >/dev/null 2>&1 || true
		if [ "${REDUCED_CONTEXT:-0}" = 1 ] &&
		   git -C "$tree" am -q -C1 --keep-cr --committer-date-is-author-date \
			"$top/patches/$patch" >/dev/null 2>&1; then
			echo "  TREE    $patch applied with one line of context"
			continue
		fi
		git -C "$tree" am --abort >/dev/null 2>&1 || true
		echo "$out" >&2
		die "patch $patch does not apply to linux-source-6.1 $version"
	fi
done
echo "  TREE    $(git -C "$tree" rev-list --count base..HEAD) patches applied"
