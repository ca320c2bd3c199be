#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Writes a deterministic synthetic disk image for the imaging benchmark.

About 30 % of the 1 MiB extents hold data (denser at the start, like an installed
system), the rest are zeros left as holes. Of the used extents about a third are
incompressible (media, archives: random bytes); the others hold what an installed system
holds.

--content system (default): the compressible extents are the machine's own installed files
    (regular files under /usr, sorted by path, shuffled with the seed, each padded to 4 KiB
    as a file system lays them out). Deflate finds in them what it finds on a real master:
    ~35 % compression and long matches. The result depends on the packages installed, so
    the script prints a digest of the file list; runs compared side by side in one bench
    run always share the same image.
--content words: the compressible extents are slices of a generated word salad (random
    letters, random 12-byte "machine code"): literal-heavy deflate data that inflates ~2.5×
    slower than real files. Machine-independent; kept as a worst case.

Usage: gen_disk.py OUTPUT SIZE_MIB [SEED] [--content system|words]
"""
import argparse
import hashlib
import os
import random

MIB = 1 << 20


def words_corpus(rng):
    words = [bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(2, 10))) for _ in range(3000)]
    text = b" ".join(rng.choice(words) for _ in range(300000))
    binary = bytes(rng.choice(b"\x00\x00\x00\x01\x48\x89\xe5\xc3\xff\x8b\x45\x0f") for _ in range(256 * 1024))
    return text + binary


def words_blocks(rng):
    base = words_corpus(rng)
    while True:
        parts, n = [], 0
        while n < MIB:
            at = rng.randrange(0, len(base) - 8192)
            ln = rng.randint(64, 4096)
            parts.append(base[at:at + ln])
            n += ln
        yield b"".join(parts)[:MIB]


def system_files(rng, root="/usr"):
    files = []
    for top, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            path = os.path.join(top, name)
            if not os.path.islink(path) and os.path.isfile(path) and os.path.getsize(path) > 0:
                files.append(path)
    rng.shuffle(files)
    return files


def system_blocks(files, listing):
    pending = bytearray()
    for path in files:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError:
            continue
        listing.update(path.encode() + b"\0" + str(len(data)).encode() + b"\n")
        pending += data
        pending += bytes(-len(data) % 4096)  # the rest of the file's last block
        while len(pending) >= MIB:
            yield bytes(pending[:MIB])
            del pending[:MIB]
    raise SystemExit("gen_disk.py: not enough installed files under /usr; use --content words")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("size_mib", type=int)
    parser.add_argument("seed", type=int, nargs="?", default=2026)
    parser.add_argument("--content", choices=("system", "words"), default="system")
    a = parser.parse_args()
    out, size_mib, seed, content = a.output, a.size_mib, a.seed, a.content
    rng = random.Random(seed)
    listing = hashlib.sha256()
    blocks = system_blocks(system_files(rng), listing) if content == "system" else words_blocks(rng)
    layout = random.Random(seed + 1)  # where the data lies does not depend on the content
    used = 0
    with open(out, "wb") as f:
        f.truncate(size_mib * MIB)
        for i in range(size_mib):
            p = 0.6 if i < size_mib // 10 else 0.26
            if layout.random() >= p:
                continue
            used += 1
            block = layout.randbytes(MIB) if layout.random() < 0.35 else next(blocks)
            f.seek(i * MIB)
            f.write(block)
    detail = f", files digest {listing.hexdigest()[:16]}" if content == "system" else ""
    print(f"{out}: {size_mib} MiB, {used} MiB used ({100 * used / size_mib:.0f} %), content {content}{detail}")


if __name__ == "__main__":
    main()
