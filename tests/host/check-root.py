#!/usr/bin/env python3
"""The root in a built vmlinux against the modules as installed.

usage: check-root.py TREE OBJDIR RESULT

OBJDIR is a built profile whose initramfs holds /lib/modules/<release>
as modules_install wrote it (TREE is not read). Recomputes
the tree with python3's hashlib (module_hashes_ref.py) from the installed
modules, in the order of MODLIB/modules.order, each without its proof and
decompressed if it is .xz, then checks vmlinux's .module_hashes section
and every installed proof against it. Prints KTAP, writes "passed failed"
to RESULT if given; exits 1 on a failure.
"""
import lzma
import os
import struct
import subprocess
import sys
import tempfile

from module_hashes_ref import MARKER, expected_proof, leaf, report, tree


def installed(modlib, name):
    for suffix in ("", ".xz"):
        path = os.path.join(modlib, name + suffix)
        if os.path.exists(path):
            with open(path, "rb") as f:
                data = f.read()
            return lzma.decompress(data) if suffix else data
    sys.exit(f"{name}: not installed in {modlib}")


def section(vmlinux, name):
    with tempfile.NamedTemporaryFile() as out:
        subprocess.run(["objcopy", "-O", "binary", "--only-section", name,
                        vmlinux, out.name], check=True)
        return out.read()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    obj = sys.argv[2]
    vmlinux = os.path.join(obj, "vmlinux")
    releases = os.listdir(os.path.join(obj, "initramfs", "lib", "modules"))
    if len(releases) != 1:
        sys.exit(f"{obj}/initramfs/lib/modules: {len(releases)} releases, not one")
    modlib = os.path.join(obj, "initramfs", "lib", "modules", releases[0])
    with open(os.path.join(modlib, "modules.order")) as f:
        names = [line.strip() for line in f if line.strip()]

    modules, trailers = [], []
    for name in names:
        data = installed(modlib, name)
        sig_len = struct.unpack(">I", data[-len(MARKER) - 4:-len(MARKER)])[0]
        cut = len(data) - len(MARKER) - 12 - sig_len
        modules.append(data[:cut])
        trailers.append(data[cut:] if data.endswith(MARKER) else b"")

    levels, rows = tree([leaf(i, m) for i, m in enumerate(modules)])
    want = struct.pack("<I", levels) + rows[-1][0]
    got = section(vmlinux, ".module_hashes")
    results = [(got == want,
                f"vmlinux's root is the one of the {len(names)} installed "
                f"modules ({levels} levels)",
                f"vmlinux {got.hex()}\nmodules {want.hex()}")]
    bad = [n for i, n in enumerate(names)
           if trailers[i] != expected_proof(i, levels, rows)]
    results.append((not bad, f"each of the {len(names)} installed modules "
                    "carries its proof", "wrong: " + " ".join(bad)))

    passed = sum(1 for r in results if r[0])
    if len(sys.argv) == 4:
        with open(sys.argv[3], "w") as f:
            f.write(f"{passed} {len(results) - passed}\n")
    return report(results)


if __name__ == "__main__":
    sys.exit(main())
