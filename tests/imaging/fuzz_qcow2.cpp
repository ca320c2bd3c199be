// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// libFuzzer target: the qcow2 header, L1/L2 tables and compressed clusters of an
// untrusted master, read from memory. See imaging/README.md for the command.
#include "imaging/qcow2.h"

#include <libdeflate.h>

#include <cstring>
#include <vector>

using namespace Etabli::Imaging;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    (void)parseQcow2Header(data, size, size);
    auto image = Qcow2Image::open(
        [&](uint64_t offset, void *buffer, size_t length) {
            if (offset > size || length > size - offset)
                return false;
            std::memcpy(buffer, data + offset, length);
            return true;
        },
        size);
    if (!image)
        return 0;
    static libdeflate_decompressor *decompressor = libdeflate_alloc_decompressor();
    const Qcow2Header &h = (*image)->header();
    std::vector<uint8_t> cluster(size_t(h.clusterSize()));
    const uint64_t count = std::min<uint64_t>(h.clusterCount(), 64);
    for (uint64_t i = 0; i < count; ++i) {
        const ClusterRef ref = (*image)->cluster(i);
        if (ref.kind != ClusterKind::Compressed)
            continue;
        (void)inflateCluster(data + ref.hostOffset, ref.compressedSize, cluster.data(), cluster.size(),
                             (i & 1) ? decompressor : nullptr);
    }
    return 0;
}
