#!/bin/bash
# Build one profile twice from clean, the reproducible-builds way, and
# compare: vmlinux, bzImage, and every file modules_install writes (the
# modules with their proofs, compressed or not). The two builds differ in
# source and build directories, in user (the second runs as "wbrepro"),
# and in time; ccache is off so that each really compiles. Both set
# SOURCE_DATE_EPOCH and KBUILD_BUILD_TIMESTAMP/USER/HOST as
# Documentation/kbuild/reproducible-builds.rst says, and map the build
# directories out of the debug information with -fdebug-prefix-map.
# Names the first file that differs and shows diffoscope's view of it.
#
# usage: repro.sh PROFILE TREE WORKDIR
set -euo pipefail

profile=$1
tree=$(realpath "$2")
work=$(realpath -m "$3")
top=$(cd "$(dirname "$0")/.." && pwd)
user=wbrepro

die() { echo "repro: $*" >&2; exit 1; }

[ -f "$top/configs/$profile.config" ] || die "no profile '$profile'"
[ -z "$(git -C "$tree" status --porcelain)" ] || die "$tree has uncommitted changes"
id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user" ||
	die "cannot create user $user"

epoch=$(git -C "$tree" log -1 --format=%ct HEAD)
export SOURCE_DATE_EPOCH=$epoch
KBUILD_BUILD_TIMESTAMP=$(LC_ALL=C date -u -d "@$epoch")
export KBUILD_BUILD_TIMESTAMP KBUILD_BUILD_USER=builder KBUILD_BUILD_HOST=builder
export CCACHE_DISABLE=1 LC_ALL=C.UTF-8 TZ=UTC

rm -rf "$work"
mkdir -p "$work/one" "$work/second-build"
chown "$user:" "$work/second-build"

# build DIR [RUNAS...]: the committed tree into DIR/linux, built in DIR/obj,
# installed into DIR/install.
build() {
	local dir=$1
	shift
	"$@" mkdir -p "$dir/linux" "$dir/obj" "$dir/install"
	git -C "$tree" archive HEAD | "$@" tar -x -C "$dir/linux"
	local map="-fdebug-prefix-map=$dir/linux=. -fdebug-prefix-map=$dir/obj=."
	"$@" env HOME="$dir" KCFLAGS="$map" KAFLAGS="$map" \
		"$top/scripts/kernel.sh" "$profile" "$dir/linux" "$dir/obj" || return 1
	"$@" make -s -C "$dir/linux" O="$dir/obj" INSTALL_MOD_PATH="$dir/install" \
		modules_install >"$dir/install.log" 2>&1 ||
		{ tail -n 20 "$dir/install.log" >&2; return 1; }
}

echo "  REPRO   $profile: first build, as $(id -un), in $work/one"
build "$work/one" || die "first build failed"
echo "  REPRO   $profile: second build, as $user, in $work/second-build"
build "$work/second-build" runuser -u "$user" -- || die "second build failed"

# The files to compare, relative to each build directory.
files() {
	(cd "$1/obj" && printf 'obj/%s\n' vmlinux arch/x86/boot/bzImage)
	(cd "$1" && find install -type f | LC_ALL=C sort)
}
list_a=$(files "$work/one")
list_b=$(files "$work/second-build")
if [ "$list_a" != "$list_b" ]; then
	diff <(echo "$list_a") <(echo "$list_b") | head -n 20 >&2
	die "the two builds installed different files"
fi

n=0
for f in $list_a; do
	if ! cmp -s "$work/one/$f" "$work/second-build/$f"; then
		echo "repro: $profile: first differing file: $f" >&2
		if command -v diffoscope >/dev/null; then
			diffoscope --text - --max-report-size 200000 \
				"$work/one/$f" "$work/second-build/$f" 2>&1 | head -n 80 >&2 || true
		fi
		exit 1
	fi
	n=$((n + 1))
done
root=$(od -An -tx1 -j4 "$work/one/obj/modules.hashes" | tr -d ' \n')
echo "  REPRO   $profile: $n files identical (vmlinux, bzImage, $((n - 2)) installed); root $root"
