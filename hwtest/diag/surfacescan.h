// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "hwtest/diag/testresult.h"

#include <QList>
#include <QSet>
#include <QString>

#include <memory>

namespace Etabli::HwTest {

class ProgressSink;

/// Read-only access to the bytes of a disk. Implementations never write.
/// One thread at a time.
class BlockSource
{
public:
    virtual ~BlockSource() = default;
    virtual qint64 size() const = 0;
    virtual int sectorSize() const = 0;
    /// Reads `length` bytes at `offset` (both sector-aligned, `buffer` aligned to 4096)
    /// and returns the bytes read, or -errno.
    virtual qint64 readAt(qint64 offset, void *buffer, qint64 length) = 0;
    virtual QString name() const = 0;
};

/// A block device or a regular file opened read-only with O_DIRECT (falls back to
/// buffered reads, reported by `direct()`, where the filesystem refuses O_DIRECT).
class FileBlockSource : public BlockSource
{
public:
    static Result<std::unique_ptr<FileBlockSource>> open(const QString &path);
    ~FileBlockSource() override;

    qint64 size() const override { return m_size; }
    int sectorSize() const override { return m_sectorSize; }
    qint64 readAt(qint64 offset, void *buffer, qint64 length) override;
    QString name() const override { return m_path; }
    bool direct() const { return m_direct; }
    bool isBlockDevice() const { return m_blockDevice; }

private:
    FileBlockSource() = default;
    QString m_path;
    int m_fd = -1;
    qint64 m_size = 0;
    int m_sectorSize = 512;
    bool m_direct = true;
    bool m_blockDevice = false;
};

struct SurfaceScanOptions {
    qint64 chunkBytes = 4 * 1024 * 1024; ///< size of each read, a multiple of the sector size
    qint64 slowReadMs = 500; ///< a read slower than this counts as slow
    int maxBadSectors = 100000; ///< stop the scan (FAIL) beyond this many
};

/// Upper bounds (ms) of the latency histogram buckets; the last bucket is "more".
const QList<int> &surfaceLatencyBuckets();

struct SurfaceScanReport {
    qint64 bytesScanned = 0;
    qint64 bytesTotal = 0;
    QList<qint64> badSectors; ///< sector numbers (in units of sectorSize), ascending
    QList<qint64> histogram; ///< reads per latency bucket, size buckets + 1
    qint64 reads = 0;
    qint64 slowReads = 0;
    qint64 elapsedMs = 0;
    bool cancelled = false;
    int sectorSize = 512;
};

/// Reads the whole source once, chunk by chunk. On a failed read it narrows the chunk
/// by halving down to single sectors, records the unreadable ones and goes on.
/// Runs on the calling thread (use DiagJob for the UI); honours `sink` cancel.
SurfaceScanReport scanSurface(BlockSource &source, const SurfaceScanOptions &options, ProgressSink *sink = nullptr);

/// FAIL on any unreadable sector, WARN on too many slow reads (see README).
TestResult evaluateSurface(const SurfaceScanReport &report, const SurfaceScanOptions &options, const QString &device);

} // namespace Etabli::HwTest
