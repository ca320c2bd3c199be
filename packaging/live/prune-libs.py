#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, build time (packaging/live/build.sh): removes the given files from the root
# ROOT, then every shared library of /usr/lib/x86_64-linux-gnu that only they (and libraries
# removed this way) linked: nothing left in the root names it in its DT_NEEDED. Used for Qt
# Multimedia's FFmpeg plugin: the station plays its tones through the gstreamer backend
# (QT_MEDIA_BACKEND=gstreamer in etabli-bench.service), and FFmpeg's codec libraries (x265, aom,
# SVT-AV1, codec2, Intel's media SDK, librsvg…) are ~100 MB of the root copied to RAM at boot.
#   prune-libs.py ROOT FILE…     (FILE relative to ROOT); prints what it removed and the MiB
import os
import struct
import sys

root = os.path.realpath(sys.argv[1])   # the deps keys below are real paths
libdir = os.path.join(root, "usr/lib/x86_64-linux-gnu")


def needed(path):
    """DT_NEEDED names of an ELF64 little-endian file, or None if it is not one."""
    try:
        with open(path, "rb") as f:
            head = f.read(64)
            if head[:4] != b"\x7fELF" or head[4] != 2 or head[5] != 1:
                return None
            phoff, = struct.unpack_from("<Q", head, 32)
            phentsize, phnum = struct.unpack_from("<HH", head, 54)
            f.seek(phoff)
            ph = f.read(phentsize * phnum)
            loads, dyn = [], None
            for i in range(phnum):
                p_type, _, p_offset, p_vaddr, _, p_filesz, _, _ = struct.unpack_from("<IIQQQQQQ", ph, i * phentsize)
                if p_type == 1:
                    loads.append((p_vaddr, p_offset, p_filesz))
                elif p_type == 2:
                    dyn = (p_offset, p_filesz)
            if dyn is None:
                return []
            f.seek(dyn[0])
            d = f.read(dyn[1])
            strtab, names = None, []
            for i in range(0, len(d) - 15, 16):
                tag, val = struct.unpack_from("<qQ", d, i)
                if tag == 0:
                    break
                if tag == 5:
                    strtab = val
                elif tag == 1:
                    names.append(val)
            if strtab is None:
                return []
            off = next((o + strtab - v for v, o, s in loads if v <= strtab < v + s), None)
            if off is None:
                return []
            out = []
            for n in names:
                f.seek(off + n)
                out.append(f.read(256).split(b"\0", 1)[0].decode())
            return out
    except OSError:
        return None


def elves():
    for top in ("usr", "etc", "opt"):
        for dirpath, _, files in os.walk(os.path.join(root, top)):
            for name in files:
                p = os.path.join(dirpath, name)
                if not os.path.islink(p) and os.path.isfile(p):
                    yield p


removed_bytes = 0
todo = set()
for rel in sys.argv[2:]:
    p = os.path.join(root, rel.lstrip("/"))
    if os.path.exists(p):
        todo.update(needed(p) or [])
        removed_bytes += os.path.getsize(p)
        os.remove(p)
        print("prune-libs: removed", rel)
deps = {}
for p in elves():
    n = needed(p)
    if n is not None:
        deps[os.path.realpath(p)] = n
# Until a pass removes nothing: every library a removed file named is a candidate (kept as one:
# a library still linked by another candidate may go in a later pass).
cands = set(todo)
while True:
    used = {n for ns in deps.values() for n in ns}
    removed = False
    for soname in sorted(cands):
        link = os.path.join(libdir, soname)
        if soname in used or not os.path.lexists(link):
            continue
        real = os.path.realpath(link)
        # the soname link, the real file and any other link to it (libfoo.so.1.2.3, libfoo.so.1)
        for name in os.listdir(libdir):
            q = os.path.join(libdir, name)
            if q != real and os.path.islink(q) and os.path.realpath(q) == real:
                os.remove(q)
        if os.path.exists(real):
            removed_bytes += os.path.getsize(real)
            cands.update(deps.pop(real, []))
            os.remove(real)
        if os.path.lexists(link):
            os.remove(link)
        print("prune-libs: removed", soname)
        removed = True
    if not removed:
        break
print(f"prune-libs: {removed_bytes / 1048576:.1f} MiB removed")
