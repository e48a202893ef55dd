#!/bin/bash
# The first-run path, as a new user meets it: a fresh clone of the
# repository in a scratch directory, on a machine that (through a shim of
# dpkg-query) has none of the packages, with apt-get replaced by a stub on
# PATH that records its arguments and can be made to fail. Nothing is
# installed or downloaded. Prints KTAP.
#
# usage: first-run.sh BASE_VERSION
set -uo pipefail

version=$1
top=$(cd "$(dirname "$0")/../.." && pwd)

# shellcheck source=SCRIPTDIR/lib.sh
. "$top/tests/host/lib.sh"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
shims=$scratch/bin
mkdir -p "$shims"
calls=$scratch/apt-get.calls

# dpkg-query knows no package (STUB_INSTALLED=1: every one is installed).
cat >"$shims/dpkg-query" <<'EOF'
#!/bin/sh
[ "${STUB_INSTALLED:-0}" = 1 ] && echo 'install ok installed' && exit 0
echo "dpkg-query: no packages found matching $*" >&2
exit 1
EOF
# apt-get records each call; STUB_FAIL=update, install or download makes
# that command fail with a message of its own.
cat >"$shims/apt-get" <<'EOF'
#!/bin/sh
echo "$*" >>"$STUB_CALLS"
if [ "$1" = "${STUB_FAIL:-}" ]; then
	echo "E: stub failure of apt-get $1"
	exit 100
fi
# A download leaves a file that is not the package.
[ "$1" = download ] && echo stub >"$(echo "$2" | sed 's/=/_/; s/$/_all.deb/')"
echo "stub: apt-get $1 done"
EOF
# id -u answers STUB_UID when set.
cat >"$shims/id" <<'EOF'
#!/bin/sh
if [ "$1" = -u ] && [ -n "${STUB_UID:-}" ]; then echo "$STUB_UID"; exit 0; fi
exec /usr/bin/id "$@"
EOF
chmod +x "$shims"/*

# clone: a fresh clone of the repository's HEAD at $scratch/clone.
clone() {
	rm -rf "$scratch/clone"
	git clone -q "$top" "$scratch/clone"
}

# in_clone CMD...: run CMD in the clone with the shims first on PATH.
in_clone() {
	(cd "$scratch/clone" && PATH=$shims:$PATH STUB_CALLS=$calls "$@")
}

echo "KTAP version 1"
# The packages deps.sh installs, read from its own list.
packages=$(sed -n '/^packages=(/,/^)/p' "$top/scripts/deps.sh" |
	sed -e '1d;$d' -e 's/#.*//' | xargs)
[ -n "$packages" ]
result $? "scripts/deps.sh lists its packages (${packages%% *} ...)"
want_install="install -y --no-install-recommends $packages"

clone
rm -f "$calls"
out=$(in_clone scripts/deps.sh 2>&1)
rc=$?
result $rc "deps.sh in a fresh clone, every package missing, as root" "$out"
[ -d "$scratch/clone/build" ] && grep -q 'stub: apt-get install done' "$scratch/clone/build/deps.log"
result $? "deps.sh creates build/ and logs apt-get there" "$(ls -la "$scratch/clone")"
out=$(cat "$calls" 2>/dev/null)
[ "$out" = "update
$want_install" ]
result $? "deps.sh calls apt-get update, then one apt-get install naming every package" \
	"calls: $out
want: update, then $want_install"

for step in update install; do
	clone
	rm -f "$calls"
	out=$(in_clone env STUB_FAIL=$step scripts/deps.sh 2>&1)
	rc=$?
	cmd="apt-get update" want_calls=update
	[ $step = install ] && cmd="apt-get $want_install" want_calls="update
$want_install"
	[ $rc != 0 ] && grep -qF "deps: '$cmd' failed (log: build/deps.log)" <<<"$out" &&
		grep -qF "E: stub failure of apt-get $step" <<<"$out" &&
		[ "$(cat "$calls" 2>/dev/null)" = "$want_calls" ]
	result $? "deps.sh stops when apt-get $step fails, naming the command and showing its log" \
		"exit status $rc; output: $out; calls: $(cat "$calls" 2>/dev/null)"
done

clone
rm -f "$calls"
out=$(in_clone env STUB_UID=1000 scripts/deps.sh 2>&1)
rc=$?
[ $rc = 1 ] && grep -qF "sudo apt-get update && sudo apt-get $want_install" <<<"$out" &&
	[ ! -e "$calls" ]
result $? "deps.sh as another user prints the apt-get commands and runs none" \
	"exit status $rc; output: $out; calls: $(cat "$calls" 2>/dev/null)"

# The base fetch, in a clone with no build/: it creates its cache and asks
# apt-get for the pinned version; a failed download names it.
clone
rm -f "$calls"
out=$(in_clone env STUB_FAIL=download scripts/fetch-base.sh "$version" build/cache 2>&1)
rc=$?
[ $rc != 0 ] && grep -qF "linux-source-6.1 version $version is not in the archive" <<<"$out" &&
	grep -qF "E: stub failure of apt-get download" <<<"$out" &&
	[ "$(cat "$calls")" = "download linux-source-6.1=$version" ]
result $? "fetch-base.sh in a fresh clone asks apt-get for linux-source-6.1=$version and names a failed download" \
	"exit status $rc; output: $out; calls: $(cat "$calls" 2>/dev/null)"
rm -f "$calls"
out=$(in_clone scripts/fetch-base.sh "$version" build/cache 2>&1)
rc=$?
[ $rc != 0 ] && grep -qF "does not match the SHA-256 in base/SHA256SUMS" <<<"$out"
result $? "fetch-base.sh refuses a download that does not match base/SHA256SUMS" \
	"exit status $rc; output: $out"

# The first commands of a new user, up to the network: each gets as far as
# the base download (the stub's), and stops there naming it.
for target in run test; do
	clone
	out=$(in_clone env STUB_FAIL=download make "$target" 2>&1)
	rc=$?
	[ $rc != 0 ] && grep -qF "linux-source-6.1 version $version is not in the archive" <<<"$out" &&
		grep -q '^  DEPS ' <<<"$out"
	result $? "make $target as the first command installs the packages, then stops at the base download" \
		"exit status $rc; output: $(tail -n 15 <<<"$out")"
done
for target in clean list help; do
	clone
	out=$(in_clone env STUB_INSTALLED=1 make "$target" 2>&1)
	result $? "make $target works in a fresh clone" "$out"
done

echo "1..$n"
[ "$failed" = 0 ]
