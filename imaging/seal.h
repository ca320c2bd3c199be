// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace Etabli::Imaging {

struct Manifest;

/// What a bench remembers about a master it has checked in full against its manifest:
/// the master file's identity (device, inode, size, modification and change times) and the
/// CRC-32 of every range of its raw content. While the file is untouched (any write,
/// rename or copy changes its change time or inode), a later write compares each range's
/// CRC-32, which the writer computes anyway for the journal and the read-back, instead of
/// its SHA-256: a damaged sector of the master is still caught, for a tenth of the CPU.
/// Seals live in one directory per station, one small JSON file per master.
/// A plain value; the functions are safe from any thread.
struct MasterSeal {
    QString masterPath; ///< absolute
    QString fileIdentity; ///< "dev:ino:size:mtime_ns:ctime_ns" at the start of the check
    QString manifestDigest; ///< SHA-256 of the manifest's signed bytes
    int64_t rangeSize = 0;
    std::vector<uint32_t> crcs; ///< one per range, in order

    /// $ETABLI_SEAL_DIR, or the station's data directory + "/master-seals".
    static QString defaultDir();
    /// The identity of the file at `path` now, or empty when it cannot be read.
    static QString identityOf(const QString &path);
    /// The seal of `masterPath` for `manifest` when one exists and still describes the
    /// file as it is now; an empty `crcs` otherwise (no seal, stale, or another manifest).
    static MasterSeal find(const QString &dir, const QString &masterPath, const Manifest &manifest);
    /// Records (atomically) that the master, whose identity was `identity` before it was
    /// read, matched `manifest` range by range with these CRC-32s.
    static Result<void> save(const QString &dir, const QString &masterPath, const QString &identity,
                             const Manifest &manifest, const std::vector<uint32_t> &crcs);
    /// Forgets the seal of `masterPath` (a master found damaged).
    static void remove(const QString &dir, const QString &masterPath);
};

} // namespace Etabli::Imaging
