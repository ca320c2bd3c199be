// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/manifest.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace Etabli::Imaging {

class Source;

struct BuildOptions {
    uint32_t clusterSize = 65536; ///< power of two, 4 KiB – 2 MiB
    int threads = 0; ///< compression threads; 0 = one per core
    int level = 6; ///< zlib level (QEMU uses 6)
    bool digests = true; ///< compute the manifest digests (SHA-256 per range and whole)
};

struct BuildResult {
    int64_t virtualSize = 0;
    int64_t fileSize = 0;
    int64_t compressedClusters = 0;
    int64_t rawClusters = 0; ///< incompressible clusters stored as they are
    int64_t zeroClusters = 0; ///< left unallocated
    double seconds = 0;
    Manifest manifest; ///< unsigned; name and version empty
};

/// Makes a qcow2 (v3) master from `source`: clusters compressed on every core with zlib
/// and QEMU's 4 KiB deflate window (so QEMU reads them), zero clusters left unallocated,
/// metadata (L2, L1, refcounts) appended after the data, the header written last. The result
/// passes `qemu-img check`. Blocks the calling thread; `progress` receives the bytes read.
Result<BuildResult> buildMaster(Source &source, const QString &outputPath, const BuildOptions &options,
                                const std::function<void(int64_t)> &progress = {});

} // namespace Etabli::Imaging
