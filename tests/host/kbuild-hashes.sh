#!/bin/bash
# kbuild and the root of the modules' hashes, on a built profile with
# MODULE_HASHES: "make path/to/mod.ko" links the module without hashing
# anything and says so; modules_install then refuses that module, naming
# it, until "make" has hashed the modules again; KBUILD_MODPOST_NOFINAL=1
# stops after vmlinux.unhashed, with the reason, and leaves no vmlinux with
# a stale root. Each step's "make" puts the object directory back as the
# build left it: the modules are rebuilt to the same bytes, so the root
# does not change.
#
# usage: kbuild-hashes.sh TREE OBJDIR RESULT_FILE
set -uo pipefail

tree=$(realpath "$1")
obj=$(realpath "$2")
result=$3
top=$(cd "$(dirname "$0")/../.." && pwd)
module=lib/crc7
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
kmake() { make -C "$tree" O="$obj" CC="ccache gcc" HOSTCC="ccache gcc" -j"$(nproc)" "$@" 2>&1; }
modinstall() { kmake -s INSTALL_MOD_PATH="$scratch/root" modules_install; }
# hash_of FILE: the root's hash in a modules.hashes, as hex.
hash_of() { od -An -tx1 -j4 "$1" | tr -d ' \n'; }

echo "KTAP version 1"
root=$(hash_of "$obj/modules.hashes")
proof=$(sha256sum <"$obj/$module.ko.proof")
cp "$obj/modules.order" "$scratch/modules.order"

touch "$tree/$module.c"
out=$(kmake "$module.ko")
rc=$?
[ $rc = 0 ] && grep -q "warning: $module.ko not hashed: 'make' hashes the modules again" <<<"$out"
result $? "make $module.ko links it and says it is not hashed" "exit $rc: $out"
[ "$(hash_of "$obj/modules.hashes")" = "$root" ] &&
	[ "$(sha256sum <"$obj/$module.ko.proof")" = "$proof" ]
result $? "and leaves modules.hashes and $module.ko.proof as they were" ""

# The single-target build removes modules.order, as without MODULE_HASHES.
cp "$scratch/modules.order" "$obj/modules.order"
out=$(modinstall)
rc=$?
[ $rc != 0 ] && grep -q "$module.ko changed after the modules were hashed: run 'make'" <<<"$out"
result $? "modules_install refuses $module.ko, linked after the hashes were made" "exit $rc: $out"

out=$(kmake)
result $? "make hashes the modules again" "$(tail -n 20 <<<"$out")"
[ "$(hash_of "$obj/modules.hashes")" = "$root" ]
result $? "to the same root: the module was rebuilt to the same bytes" ""
out=$(modinstall)
result $? "modules_install then installs every module" "$(tail -n 20 <<<"$out")"

out=$(kmake KBUILD_MODPOST_NOFINAL=1)
rc=$?
[ $rc != 0 ] && grep -q "vmlinux not made: KBUILD_MODPOST_NOFINAL=1 leaves the modules unlinked" <<<"$out" &&
	[ ! -e "$obj/vmlinux" ] && [ -f "$obj/vmlinux.unhashed" ]
result $? "KBUILD_MODPOST_NOFINAL=1 stops after vmlinux.unhashed, says why, leaves no vmlinux" \
	"exit $rc: $(tail -n 20 <<<"$out")"

out=$(kmake)
result $? "make makes vmlinux again" "$(tail -n 20 <<<"$out")"
out=$(make -s -C "$top/tools/modproof" 2>&1 && "$top/tools/modproof/modproof" root "$obj/vmlinux" 2>&1)
grep -q "root $root" <<<"$out"
result $? "with the root of the modules in it" "$out"

mkdir -p "$(dirname "$result")"
echo "$passed $failed" >"$result"
[ "$failed" = 0 ]
