#!/bin/bash
# Write the work tree's commits since "base" into PATCHDIR as git
# format-patch files and PATCHDIR/series. The same commits always give the
# same bytes: no version footer, no commit ids, dates from the commits.
# Comment lines in the series stay above the patch they stood above
# (matched by subject), so the grouping by feature survives re-exports.
#
# usage: export.sh TREE PATCHDIR [--check]
#   --check: write nothing; fail if PATCHDIR differs from what export writes
set -euo pipefail

tree=$1
dir=$2
check=${3:-}

die() { echo "export: $*" >&2; exit 1; }

[ -e "$tree/.git" ] || die "no work tree at $tree: run 'make tree'"
git -C "$tree" rev-parse -q --verify base >/dev/null || die "$tree has no 'base' tag"
[ -z "$(git -C "$tree" rev-list --merges base..HEAD)" ] || die "merge commits after base cannot be exported"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$tree" -c diff.noprefix=false -c format.signature= format-patch -q \
	--no-signature --zero-commit --no-numbered --no-renames --full-index \
	--subject-prefix=PATCH -o "$tmp/new" base..HEAD
mkdir -p "$tmp/new"

# Carry the comment blocks of the old series over to the new one.
touch "$dir/series"
awk -v newlist="$(cd "$tmp/new" && ls)" '
	function slug(f) { sub(/^[0-9]+-/, "", f); return f }
	BEGIN { n = split(newlist, nw, "\n"); for (i = 1; i <= n; i++) alive[slug(nw[i])] = 1 }
	/^#/ || /^[[:space:]]*$/ { block = block $0 "\n"; next }
	{ seen = 1; s = slug($1); if (s in alive) { hdr[s] = block; block = "" } }
	END {
		# A series with no patches yet: its comments head the new one.
		if (!seen) { printf "%s", block; block = "" }
		for (i = 1; i <= n; i++) {
			if (nw[i] == "") continue
			printf "%s%s\n", hdr[slug(nw[i])], nw[i]
		}
		printf "%s", block
	}' "$dir/series" >"$tmp/series"

if [ "$check" = --check ]; then
	mkdir -p "$tmp/old"
	cp "$dir/series" "$tmp/old/"
	find "$dir" -maxdepth 1 -name '*.patch' -exec cp {} "$tmp/old/" \;
	cp "$tmp/series" "$tmp/new/"
	if ! diff -r "$tmp/old" "$tmp/new" >"$tmp/diff"; then
		sed -e "s|$tmp/old|patches|g" -e "s|$tmp/new|work tree|g" "$tmp/diff" | head -n 40 >&2
		die "patches/ does not match the commits of $tree: run 'make export'"
	fi
	exit 0
fi

find "$dir" -maxdepth 1 -name '*.patch' -delete
cp "$tmp"/new/*.patch "$dir/" 2>/dev/null || true
mv "$tmp/series" "$dir/series"
echo "  EXPORT  $(git -C "$tree" rev-list --count base..HEAD) patches to $dir"
