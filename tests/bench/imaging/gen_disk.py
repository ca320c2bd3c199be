#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Writes a deterministic synthetic disk image for the imaging benchmark.

About 30 % of the 1 MiB extents hold data (denser at the start, like an installed
system), the rest are zeros left as holes. Of the used extents about a third are
incompressible (media, archives), the others compressible (text and binaries made of
slices of a generated corpus). Usage: gen_disk.py OUTPUT SIZE_MIB [SEED]
"""
import random
import sys

MIB = 1 << 20


def corpus(rng):
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    text = b" ".join(rng.choice(words) for _ in range(300000))
    binary = bytes(rng.choice(b"\x00\x00\x00\x01\x48\x89\xe5\xc3\xff\x8b\x45\x0f") for _ in range(256 * 1024))
    return text + binary


def main():
    out, size_mib = sys.argv[1], int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 2026
    rng = random.Random(seed)
    base = corpus(rng)
    used = 0
    with open(out, "wb") as f:
        f.truncate(size_mib * MIB)
        for i in range(size_mib):
            p = 0.6 if i < size_mib // 10 else 0.26
            if rng.random() >= p:
                continue
            used += 1
            if rng.random() < 0.35:
                block = rng.randbytes(MIB)
            else:
                parts, n = [], 0
                while n < MIB:
                    at = rng.randrange(0, len(base) - 8192)
                    ln = rng.randint(64, 4096)
                    parts.append(base[at:at + ln])
                    n += ln
                block = b"".join(parts)[:MIB]
            f.seek(i * MIB)
            f.write(block)
    print(f"{out}: {size_mib} MiB, {used} MiB used ({100 * used / size_mib:.0f} %)")


if __name__ == "__main__":
    main()
