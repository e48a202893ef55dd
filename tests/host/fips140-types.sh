#!/bin/bash
# scripts/fips140-types.py, the type check of a set against a kernel, on
# small objects built with debug information and encoded with pahole:
# kernel A's "vmlinux" and kernel B's differ in one type, which the set's
# import reaches through a pointer, by value, or not at all. The change is
# named with its member and the symbol, the verdict is "differ", and no
# CRC is approved; with the same types (a typedef, an anonymous union
# giving a member another name change nothing C code sees) a differing
# CRC is approved; a set whose BTF is missing, damaged or truncated is
# refused. KTAP.
#
# usage: fips140-types.sh TREE
set -uo pipefail

tree=$(realpath "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch" || exit 1
types() { python3 "$tree/scripts/fips140-types.py" "$@"; }

# kernel NAME INNER OUTER [DECLARATIONS]: a "vmlinux" of a kernel whose
# struct inner has the members INNER and struct outer the members OUTER,
# and which exports walk_outer(struct outer *) and a variable in assembly.
# Its object tree NAME/ has it as vmlinux.o, and Module.symvers once
# symvers has written it.
kernel() {
	local name=$1
	mkdir -p "$name"
	cat >"$name/vmlinux.c" <<EOF
${4:-}
struct inner { $2 };
struct outer { $3 };
int walk_outer(struct outer *o) { return o != 0; }
asm(".globl asm_var; asm_var: .long 0");
EOF
	gcc -g -c -o "$name/vmlinux.o" "$name/vmlinux.c" &&
		pahole -J "$name/vmlinux.o"
}

# set_of NAME A_KERNEL CRC: the set of kernel A, its manifest importing
# walk_outer with CRC and asm_var, and vmlinux.btf.
set_of() {
	mkdir -p "$1"
	objcopy -O binary --only-section=.BTF --set-section-flags .BTF=alloc,readonly \
		"$2/vmlinux.o" "$1/vmlinux.btf"
	printf 'import crypto/fips140/fips140 %s walk_outer\n' "$3" >"$1/manifest"
	printf 'import crypto/fips140/fips140 0x00000005 asm_var\n' >>"$1/manifest"
}

symvers() {
	printf '%s\twalk_outer\tvmlinux\tEXPORT_SYMBOL\t\n' "$2" >"$1/Module.symvers"
	printf '0x00000005\tasm_var\tvmlinux\tEXPORT_SYMBOL\t\n' >>"$1/Module.symvers"
}

# expect STATUS SET KERNEL DESCRIPTION PATTERN...: the type check of SET
# against KERNEL exits with STATUS and prints a line matching each
# PATTERN, and none matching a PATTERN written !PATTERN.
expect() {
	local want=$1 set=$2 kernel=$3 what=$4 out status p ok=0
	shift 4
	out=$(types "$set" "$kernel" 2>&1)
	status=$?
	[ "$status" = "$want" ] || ok=1
	for p in "$@"; do
		case $p in
		!*) ! grep -q -- "${p#!}" <<<"$out" || ok=1 ;;
		*) grep -q -- "$p" <<<"$out" || ok=1 ;;
		esac
	done
	result $ok "$what" "status $status: $out"
}

echo "KTAP version 1"
out=$(kernel a "int x;" "struct inner *p; int y;" 2>&1 &&
      kernel b_ptr "int x; int z;" "struct inner *p; int y;" 2>&1 &&
      kernel b_val "int x; int z;" "struct inner v; int y;" 2>&1 &&
      kernel b_same "int x;" "struct inner *p; int y;" 2>&1 &&
      kernel a_val "int x;" "struct inner v; int y;" 2>&1 &&
      kernel b_typedef "int x;" "struct inner *p; int_t y;" "typedef int int_t;" 2>&1 &&
      kernel b_union "int x;" "union { struct inner *p; struct inner *p_rcu; }; int y;" 2>&1 &&
      kernel b_bitfield "int x;" "struct inner *p; enum { E0, E1 } y:8;" 2>&1 &&
      set_of set a 0x00000001 2>&1 &&
      set_of set_val a_val 0x00000001 2>&1)
if ! result $? "objects built and encoded with pahole" "$out"; then
	echo "1..$n"
	exit 1
fi
for b in b_ptr b_val b_same b_typedef b_union b_bitfield; do
	symvers $b 0x00000002
done

expect 1 set b_ptr "a member added to a type reached through a pointer: refused, named with the symbol" \
	'^change struct inner: member z (offset 4, int): added in the kernel$' \
	'^reach struct inner: only through pointers, from 1 symbols: walk_outer$' \
	'!^approve ' 'the types differ$'
expect 1 set b_val "a pointer member replaced by a structure: refused, naming both members" \
	'^change struct outer: member p (offset 0): not in the kernel$' \
	'^change struct outer: member v (offset 0, struct inner): added in the kernel$' \
	'!^approve '
expect 1 set_val b_val "a member added to a type inside another: both types, the offsets, the symbol" \
	'^change struct inner: size 4, the kernel 8$' \
	'^change struct outer: member y: offset 4, the kernel 8$' \
	'^reach struct inner: only through pointers, from 1 symbols: walk_outer$'
expect 0 set b_same "the same types, another CRC: the pair approved" \
	'^approve walk_outer 0x00000001 0x00000002$' \
	': 2 symbols (1 by CRC alone, 0 by debug information), .* the types are the same$'
[ "$(types set b_same 2>/dev/null | grep -c '^approve ')" = 1 ]
result $? "the same types, another CRC: no other pair approved"

# What C code sees the same: a typedef for a member's type, and a member
# put in an anonymous union beside another name for it.
for b in b_typedef b_union; do
	expect 0 set $b "$b: the same layout, as C code sees it" \
		'^approve walk_outer 0x00000001 0x00000002$'
done
expect 1 set b_bitfield "an int made an enum bit-field: refused" \
	'^change struct outer: member y: 0 bits, the kernel 8$'

sed -i 's/^0x00000005\tasm_var/0x00000006\tasm_var/' b_same/Module.symvers
expect 1 set b_same "a symbol without BTF whose CRC differs: refused, named" \
	'^missing asm_var: in neither BTF, and its CRC differs$' '!^approve '
symvers b_same 0x00000002

mv set/vmlinux.btf set/btf
expect 2 set b_same "a set without BTF: refused" 'vmlinux.btf is missing: the set has no type information'
head -c "$(($(stat -c %s set/btf) / 2))" set/btf >set/vmlinux.btf
expect 2 set b_same "a set with truncated BTF: refused" 'BTF truncated'
{ printf '\x00\x00'; tail -c +3 set/btf; } >set/vmlinux.btf
expect 2 set b_same "a set with damaged BTF: refused" 'not BTF (bad magic)'

echo "1..$n"
[ "$failed" = 0 ]
