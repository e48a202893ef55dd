#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Write a minimal 64-bit little-endian ELF file whose .module_hashes
section holds the 36-byte root in ROOT (a modules.hashes): a seed for the
modproof harness, a few hundred bytes where vmlinux is megabytes.

usage: small-elf.py ROOT OUT"""
import struct
import sys

root = open(sys.argv[1], "rb").read()
if len(root) != 36:
    sys.exit(f"small-elf.py: {sys.argv[1]} is not a 36-byte root")
names = b"\0.shstrtab\0.module_hashes\0"
data_off, names_off, shoff = 0x40, 0x40 + 36, 0x80
elf = bytearray(shoff + 3 * 0x40)
elf[0:16] = b"\x7fELF\x02\x01\x01" + bytes(9)
struct.pack_into("<HHIQQQIHHHHHH", elf, 16, 1, 62, 1, 0, 0, shoff, 0,
                 0x40, 0, 0, 0x40, 3, 1)
elf[data_off:data_off + 36] = root
elf[names_off:names_off + len(names)] = names
# section 1: .shstrtab; section 2: .module_hashes
struct.pack_into("<IIQQQQIIQQ", elf, shoff + 0x40, 1, 3, 0, 0, names_off,
                 len(names), 0, 0, 1, 0)
struct.pack_into("<IIQQQQIIQQ", elf, shoff + 0x80, 11, 1, 2, 0, data_off,
                 36, 0, 0, 4, 0)
open(sys.argv[2], "wb").write(elf)
