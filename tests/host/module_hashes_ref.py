#!/usr/bin/env python3
"""Independent reference for CONFIG_MODULE_HASHES, with python3's hashlib.

usage: module_hashes_ref.py TOOL WORKDIR

For trees of several sizes, writes made-up modules and a modules.order,
runs TOOL (the kernel's scripts/module-hashes, built for the host), and
checks its root and every proof against the format the kernel verifies:
leaf = SHA256(01 || be32(pos) || module), node = SHA256(02 || left ||
right), an odd node out paired with itself, levels = ceil(log2(n)) >= 1.
Prints KTAP; exits 1 if any check failed.
"""
import hashlib
import os
import struct
import subprocess
import sys

MARKER = b"~Module signature appended~\n"
SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 33]


def leaf(pos, data):
    return hashlib.sha256(b"\x01" + struct.pack(">I", pos) + data).digest()


def node(left, right):
    return hashlib.sha256(b"\x02" + left + right).digest()


def tree(leaves):
    levels = max(1, (len(leaves) - 1).bit_length())
    rows = [leaves]
    for _ in range(levels):
        below = rows[-1]
        rows.append([node(below[i], below[min(i + 1, len(below) - 1)])
                     for i in range(0, len(below), 2)])
    assert len(rows[-1]) == 1
    return levels, rows


def expected_proof(pos, levels, rows):
    out = struct.pack(">I", pos)
    i = pos
    for lvl in range(levels):
        out += rows[lvl][min(i ^ 1, len(rows[lvl]) - 1)]
        i //= 2
    sig = struct.pack(">BBBBB3xI", 0, 0, 3, 0, 0, 4 + 32 * levels)
    return out + sig + MARKER


def report(results):
    """Print (ok, description, diagnostics) results as KTAP; 0 if all ok."""
    print("KTAP version 1")
    print(f"1..{len(results)}")
    for i, (ok, desc, diag) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} {desc}")
        if not ok:
            for line in diag.splitlines():
                print(f"# {line}")
    return 0 if all(r[0] for r in results) else 1


def main():
    tool, work = sys.argv[1], sys.argv[2]
    results = []
    for n in SIZES:
        d = os.path.join(work, f"tree{n}")
        os.makedirs(os.path.join(d, "kernel"), exist_ok=True)
        names = [f"kernel/mod{i}.ko" for i in range(n)]
        blobs = [os.urandom(200 + 61 * i) for i in range(n)]
        for name, blob in zip(names, blobs):
            with open(os.path.join(d, name), "wb") as f:
                f.write(blob)
        with open(os.path.join(d, "modules.order"), "w") as f:
            f.write("".join(name + "\n" for name in names))
        root_file = os.path.join(d, "root.bin")
        run = subprocess.run([tool, os.path.join(d, "modules.order"), root_file],
                             capture_output=True, text=True)
        if run.returncode:
            results.append((False, f"tool runs on a tree of {n}", run.stderr))
            continue
        levels, rows = tree([leaf(i, b) for i, b in enumerate(blobs)])
        with open(root_file, "rb") as f:
            root = f.read()
        want = struct.pack("<I", levels) + rows[-1][0]
        results.append((root == want, f"root of a tree of {n} ({levels} levels)",
                        f"got {root.hex()}\nwant {want.hex()}"))
        bad = []
        for i, name in enumerate(names):
            with open(os.path.join(d, name + ".proof"), "rb") as f:
                if f.read() != expected_proof(i, levels, rows):
                    bad.append(name)
        results.append((not bad, f"all {n} proofs of a tree of {n}",
                        "wrong: " + " ".join(bad)))

    # A missing module: a clear error naming it, and no root left behind.
    d = os.path.join(work, "missing")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "modules.order"), "w") as f:
        f.write("kernel/absent.ko\n")
    root_file = os.path.join(d, "root.bin")
    with open(root_file, "wb") as f:
        f.write(b"stale")
    run = subprocess.run([tool, os.path.join(d, "modules.order"), root_file],
                         capture_output=True, text=True)
    results.append((run.returncode != 0 and "kernel/absent.ko" in run.stderr
                    and not os.path.exists(root_file),
                    "a missing module is named and leaves no root",
                    f"exit {run.returncode}: {run.stderr}"))

    return report(results)


if __name__ == "__main__":
    sys.exit(main())
