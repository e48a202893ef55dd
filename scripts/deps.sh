#!/bin/bash
# Install the Debian packages the workbench needs, or, when not root, name
# them with the command that installs them.
set -euo pipefail

packages=(
	# kernel build
	gcc make bc bison flex libelf-dev libssl-dev openssl perl python3 ccache
	git kmod cpio xz-utils dpkg-dev file
	# make bindeb-pkg
	fakeroot rsync
	# guest
	qemu-system-x86 busybox-static kcapi-tools cryptsetup-bin keyutils bpftool
	# the guest's kmod, patched (scripts/kmod.sh)
	autoconf automake libtool pkg-config gtk-doc-tools patch
	# host tests, tools/modproof, fuzz/
	shellcheck liblzma-dev zlib1g-dev libzstd-dev zstd clang libclang-rt-14-dev
	# BTF profile (pahole), make test-repro
	dwarves diffoscope-minimal
	# bench/
	time
)

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
[ ${#missing[@]} = 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" != 0 ]; then
	echo "deps: missing packages: ${missing[*]}" >&2
	echo "deps: install them with: sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
echo "  DEPS    ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
log=${DEPS_LOG:-build/deps.log}
mkdir -p "$(dirname "$log")"
: >"$log"
for step in "apt-get update" "$cmd"; do
	# shellcheck disable=SC2086 # the command's words
	if ! $step >>"$log" 2>&1; then
		tail -n 20 "$log" >&2
		echo "deps: '$step' failed (log: $log)" >&2
		exit 1
	fi
done
