#!/bin/bash
# The host tool over a real distribution's module set: the modules of
# Debian's linux-image-6.1.0-56-amd64 (6.1.192-2, the base of the series),
# their PKCS#7 signatures cut off. Times, best of RUNS:
#   - scripts/module-hashes: every leaf, the tree, a proof per module;
#   - with BEFORE=REV, the tool as patches/ of this repository had it at
#     git revision REV, over the same files, and its output compared;
#   - cat | openssl dgst -sha256 and sha256sum of the same files: one
#     reader and one hasher overlapping, and the hashing floor of one core;
#   - scripts/sign-file, one run per module as modules_install does, with
#     an RSA-4096 key like the kernel's default one, detached (-d);
# and the size of a proof against the PKCS#7 trailers Debian ships.
#
# usage: [BEFORE=REV] bench/host-tool.sh TREE WORKDIR [RUNS]
set -euo pipefail

tree=$(realpath "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
work=$(realpath -m "$2")
runs=${3:-3}
pkg=linux-image-6.1.0-56-amd64
version=6.1.192-2

die() { echo "bench: $*" >&2; exit 1; }

mkdir -p "$work"
cd "$work"
if [ ! -d image ]; then
	apt-get download "$pkg=$version" >/dev/null 2>&1 ||
		die "apt-get download $pkg=$version failed (apt-get update first?)"
	dpkg-deb -x "${pkg}_${version}_amd64.deb" image.tmp
	mv image.tmp image
fi

# The modules, unsigned, and a modules.order for them.
rm -rf mods sizes.txt
mkdir mods
python3 - "$work/image/lib/modules" "$work/mods" <<'PY'
import os, struct, sys
src, dst = sys.argv[1:]
marker = b"~Module signature appended~\n"
order, sigs = [], []
for d, _, names in os.walk(src):
    for n in sorted(names):
        if not n.endswith(".ko"):
            continue
        rel = os.path.relpath(os.path.join(d, n), src)
        data = open(os.path.join(d, n), "rb").read()
        if data.endswith(marker):
            sig_len = struct.unpack(">I", data[-len(marker) - 4:-len(marker)])[0]
            sigs.append(sig_len + 12 + len(marker))
            data = data[:len(data) - len(marker) - 12 - sig_len]
        os.makedirs(os.path.join(dst, os.path.dirname(rel)), exist_ok=True)
        open(os.path.join(dst, rel), "wb").write(data)
        order.append(rel)
order.sort()
open(os.path.join(dst, "modules.order"), "w").write("".join(r + "\n" for r in order))
with open(os.path.join(dst, "..", "sizes.txt"), "w") as f:
    f.write(f"{len(order)} {len(sigs)} {sum(sigs)} {min(sigs) if sigs else 0} {max(sigs) if sigs else 0}\n")
PY
read -r n nsig sigsum sigmin sigmax <sizes.txt
[ "$n" -gt 0 ] || die "no modules found in $pkg"
bytes=$(cd mods && xargs -a modules.order cat | wc -c)

gcc -O2 -o module-hashes "$tree/scripts/module-hashes.c" -lcrypto -pthread
if [ -n "${BEFORE:-}" ]; then
	patch=$(git -C "$top" show "$BEFORE:patches/" | grep 'scripts-add-module-hashes') ||
		die "no patch of scripts/module-hashes in patches/ at $BEFORE"
	git -C "$top" show "$BEFORE:patches/$patch" |
		awk '/^diff --git/ { on = ($0 ~ /scripts\/module-hashes\.c$/) } on && /^\+/ && !/^\+\+\+/ { print substr($0, 2) }' \
		>module-hashes-before.c
	gcc -O2 -o module-hashes-before module-hashes-before.c -lcrypto -pthread
fi
gcc -O2 -o sign-file "$tree/scripts/sign-file.c" -lcrypto
[ -f key.pem ] || openssl req -new -nodes -utf8 -sha256 -days 36500 -batch -x509 \
	-newkey rsa:4096 -subj /CN=bench -keyout key.pem -out cert.pem 2>/dev/null

# best CMD...: the best wall time of RUNS runs, in seconds.
best() {
	local t b=
	for _ in $(seq "$runs"); do
		/usr/bin/time -f %e -o ../time.txt "$@" >/dev/null 2>&1 || die "$* failed"
		t=$(cat ../time.txt)
		b=$(echo "$t ${b:-$t}" | awk '{ print ($1 < $2) ? $1 : $2 }')
	done
	echo "$b"
}
cd mods
xargs -a modules.order cat >/dev/null   # page cache warm for all three
t_hash=$(best ../module-hashes modules.order ../root.bin)
if [ -n "${BEFORE:-}" ]; then
	proofs() { find . -name '*.proof' | LC_ALL=C sort | xargs cat | sha256sum; }
	after=$(proofs)
	t_before=$(best ../module-hashes-before modules.order ../root-before.bin)
	if [ "$(proofs)" != "$after" ] || ! cmp -s ../root.bin ../root-before.bin; then
		die "the tool before writes other proofs or another root"
	fi
fi
t_dgst=$(best sh -c 'xargs -a modules.order cat | openssl dgst -sha256')
t_sum=$(best sh -c 'xargs -a modules.order sha256sum')
# shellcheck disable=SC2016 # $m is the inner shell's
t_sign=$(best sh -c 'while read -r m; do ../sign-file -d sha256 ../key.pem ../cert.pem "$m"; done <modules.order')
levels=$(od -An -tu4 -N4 ../root.bin | tr -d ' ')
proof=$((4 + 32 * levels + 12 + 28))

echo "modules: $n ($bytes bytes unsigned), $nsig of them signed by Debian"
echo "module-hashes ($(nproc) CPUs): $t_hash s; cat | openssl dgst: $t_dgst s; ratio $(awk "BEGIN { printf \"%.2f\", $t_hash / $t_dgst }")"
[ -n "${BEFORE:-}" ] &&
	echo "module-hashes as at $BEFORE: $t_before s (same proofs and root); $(awk "BEGIN { printf \"%.2f\", $t_before / $t_hash }") times this one"
echo "sha256sum: $t_sum s; module-hashes is $(awk "BEGIN { printf \"%.2f\", $t_hash / $t_sum }") times it"
echo "sign-file (RSA-4096, SHA-256, one run per module): $t_sign s; $(awk "BEGIN { printf \"%.0f\", $t_sign / $t_hash }") times module-hashes"
echo "proof trailer: $proof bytes ($levels levels); Debian's PKCS#7 trailers: $((sigsum / nsig)) bytes on average ($sigmin-$sigmax)"
