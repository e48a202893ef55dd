#!/bin/bash
# Configure and build one profile out of tree: tinyconfig, then
# configs/base.config, configs/crypto.config and configs/PROFILE.config
# merged with the kernel's merge_config.sh, then olddefconfig; every option
# a fragment asks for is checked to be set as asked before building.
#
# usage: kernel.sh PROFILE TREE OBJDIR [FRAGMENT]
#
# FRAGMENT, if given, is merged last (benchmarks use it for a variant).
# KCONFIG_LENIENT=1 builds with the options the tree has, for a step of the
# series that does not have all of them yet (make check-bisect).
# KCONFIG_ONLY=1 stops once the configuration is made and checked.
# TARGETS="..." builds those kbuild targets after "all".
set -euo pipefail

profile=$1
tree=$(realpath "$2")
obj=$(realpath -m "$3")
top=$(cd "$(dirname "$0")/.." && pwd)
fragments=("$top/configs/base.config" "$top/configs/crypto.config"
	   "$top/configs/$profile.config" ${4:+"$(realpath "$4")"})
jobs=$(nproc)

die() { echo "kernel: $*" >&2; exit 1; }

[ -f "$top/configs/$profile.config" ] || die "no profile '$profile': configs/$profile.config does not exist"
[ -f "$tree/Makefile" ] || die "no kernel tree at $tree: run 'make tree'"
mkdir -p "$obj"
log=$obj/build.log
# ccache: paths under the repository are hashed relative, so a clone
# elsewhere (CI's) hits the same cache. With debug information ccache
# would also hash the directory it runs in, which differs between clones:
# an object from the cache may then name another clone's directory in its
# debug information, which nothing here reads.
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
kmake() { make -C "$tree" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" "$@"; }

echo "  CONFIG  $profile"
{
	kmake tinyconfig
	# merge_config.sh writes its temporary files in the current directory.
	(cd "$obj" && "$tree/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" "${fragments[@]}")
	kmake olddefconfig
} >"$obj/config.log" 2>&1 || { tail -n 30 "$obj/config.log" >&2; die "configuring $profile failed (log: $obj/config.log)"; }

# merge_config.sh only warns when olddefconfig drops an option (an unmet
# dependency, a misspelt name): here that stops the build. A later
# fragment's setting of an option replaces an earlier one's.
declare -A want=()
order=()
while IFS= read -r line; do
	case $line in
	CONFIG_*=*)
		opt=${line%%=*} ;;
	"# CONFIG_"*" is not set")
		opt=${line#"# "}; opt=${opt%% *} ;;
	*)
		continue ;;
	esac
	[ -n "${want[$opt]+set}" ] || order+=("$opt")
	want[$opt]=$line
done < <(cat "${fragments[@]}")
bad=0
for opt in "${order[@]}"; do
	got=$(grep -E "^($opt=|# $opt is not set)" "$obj/.config" || true)
	if [ "$got" != "${want[$opt]}" ] && ! { [ -z "$got" ] && [ "${want[$opt]}" = "# $opt is not set" ]; }; then
		echo "kernel: $profile asks for '${want[$opt]}' but the config has '${got:-nothing}'" >&2
		bad=1
	fi
done
if [ $bad != 0 ]; then
	[ "${KCONFIG_LENIENT:-0}" = 1 ] ||
		die "profile $profile: options above are not set as asked (unmet dependency or unknown option?)"
	echo "kernel: building $profile without the options above (KCONFIG_LENIENT=1)" >&2
fi

[ "${KCONFIG_ONLY:-0}" = 1 ] && exit 0

echo "  BUILD   $profile (log: ${obj#"$top/"}/build.log)"
start=$(date +%s)
# shellcheck disable=SC2086 # TARGETS are words
if ! kmake -j"$jobs" all ${TARGETS:-} >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	die "building $profile failed (log: $log)"
fi
echo "  BUILT   $profile in $(( $(date +%s) - start ))s: $(make -s -C "$tree" O="$obj" kernelrelease 2>/dev/null)"
