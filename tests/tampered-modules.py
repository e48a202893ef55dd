#!/usr/bin/env python3
"""Make damaged copies of an installed module that carries a Merkle proof.

usage: tampered-modules.py MODULE OTHER DIR

MODULE and OTHER are installed modules of the same build, each with the
proof modules_install appended (xz-compressed if their name ends in .xz). Writes into DIR one file per kind of
damage, and DIR/list with a line per file: "FILE CLASS DESCRIPTION",
where CLASS is what the kernel has to make of it:

  mismatch   a well-formed proof that does not lead to the root (-ENOKEY)
  length     a proof whose length is not the one of the kernel's tree
             (-ENOPKG)
  malformed  a trailer that cannot be parsed, or a position outside the
             tree (-EBADMSG)
  unsigned   no trailer at all (-ENODATA)
"""
import hashlib
import lzma
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "host"))
from module_hashes_ref import MARKER, leaf, node  # noqa: E402
SIG_INFO = struct.Struct(">BBBBB3xI")
PKEY_ID_MERKLE_SHA256 = 3


def split(data, path):
    """Module bytes, position, sibling hashes."""
    if not data.endswith(MARKER):
        sys.exit(f"{path}: no trailer")
    info = data[-len(MARKER) - SIG_INFO.size:-len(MARKER)]
    id_type, sig_len = SIG_INFO.unpack(info)[2], SIG_INFO.unpack(info)[5]
    if id_type != PKEY_ID_MERKLE_SHA256:
        sys.exit(f"{path}: trailer of type {id_type}, not a Merkle proof")
    end = len(data) - len(MARKER) - SIG_INFO.size
    proof = data[end - sig_len:end]
    if (sig_len - 4) % 32:
        sys.exit(f"{path}: proof of {sig_len} bytes")
    pos = struct.unpack(">I", proof[:4])[0]
    sibs = [proof[4 + 32 * i:36 + 32 * i] for i in range((sig_len - 4) // 32)]
    return data[:end - sig_len], pos, sibs


def trailer(pos, sibs, sig_len=None):
    proof = struct.pack(">I", pos) + b"".join(sibs)
    if sig_len is None:
        sig_len = len(proof)
    return proof + SIG_INFO.pack(0, 0, PKEY_ID_MERKLE_SHA256, 0, 0,
                                 sig_len) + MARKER


def flip(data, offset):
    return data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1:]


def text_offset(elf):
    """File offset of the first byte of .text in a 64-bit ELF."""
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", elf, 0x3a)
    strtab = struct.unpack_from("<Q", elf, shoff + shstrndx * shentsize + 0x18)[0]
    for i in range(shnum):
        sh = shoff + i * shentsize
        name = struct.unpack_from("<I", elf, sh)[0]
        if elf[strtab + name:elf.index(b"\0", strtab + name)] == b".text":
            return struct.unpack_from("<Q", elf, sh + 0x18)[0]
    sys.exit("no .text section")


def other_build_proof(module, pos, levels):
    """A proof for MODULE at POS in a tree of another build: same shape,
    every other leaf different."""
    width = 1 << levels
    leaves = [hashlib.sha256(b"another build %d" % i).digest()
              for i in range(width)]
    leaves[pos] = leaf(pos, module)
    rows = [leaves]
    while len(rows[-1]) > 1:
        below = rows[-1]
        rows.append([node(below[i], below[i + 1])
                     for i in range(0, len(below), 2)])
    return [rows[lvl][(pos >> lvl) ^ 1] for lvl in range(levels)]


def read(path):
    with open(path, "rb") as f:
        data = f.read()
    return lzma.decompress(data) if path.endswith(".xz") else data


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    path, other_path, out = sys.argv[1:]
    data = read(path)
    module, pos, sibs = split(data, path)
    _, other_pos, other_sibs = split(read(other_path), other_path)
    levels = len(sibs)
    zero = bytes(32)

    cases = [
        ("code-bit", "mismatch", "a bit flipped in .text",
         flip(module, text_offset(module)) + trailer(pos, sibs)),
        ("proof-bit", "mismatch", "a bit flipped in the first sibling",
         module + trailer(pos, [flip(sibs[0], 7)] + sibs[1:])),
        ("position", "mismatch", "the position of the sibling leaf",
         module + trailer(pos ^ 1, sibs)),
        ("other-proof", "mismatch", "another module's proof",
         module + trailer(other_pos, other_sibs)),
        ("other-build", "mismatch", "a proof from another build's tree",
         module + trailer(pos, other_build_proof(module, pos, levels))),
        ("truncated", "length", "the last sibling cut off",
         module + trailer(pos, sibs[:-1])),
        ("extended", "length", "one sibling too many",
         module + trailer(pos, sibs + [zero])),
        ("levels", "length", "a proof for a tree two levels deeper",
         module + trailer(pos, sibs + [zero, zero])),
        ("outside", "malformed", "a position past the tree",
         module + trailer(1 << levels, sibs)),
        ("sig-len", "malformed", "a proof length longer than the file",
         module + trailer(pos, sibs, len(data) + 1)),
        ("marker", "unsigned", "the marker's last byte changed",
         module + trailer(pos, sibs)[:-1] + b"\0"),
        ("no-trailer", "unsigned", "the trailer removed", module),
    ]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "list"), "w") as lst:
        for name, cls, what, blob in cases:
            with open(os.path.join(out, name + ".ko"), "wb") as f:
                f.write(blob)
            lst.write(f"{name}.ko {cls} {what}\n")


if __name__ == "__main__":
    main()
