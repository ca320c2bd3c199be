// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace Etabli::Imaging {

/// A run of non-zero bytes inside one range, relative to the range start.
struct Extent {
    uint32_t offset = 0;
    uint32_t length = 0;
};

/// How a master on the network is reached (imaging/httpsource.h).
struct RemoteOptions {
    QString token; ///< the station's bearer token
    QString caFile; ///< trusted CA (PEM) for https; empty: the system's
    double stallSeconds = 60; ///< give up once no range completed for this long
    int connections = 4; ///< range requests in flight
    int64_t readAhead = 16 << 20; ///< ranges fetched ahead of the writer (bytes of disk)
    /// multicast://GROUP:PORT?master=URL: clusters taken from this UDP group as they pass,
    /// what is missed fetched from the master's URL (imaging/multicast.h). Empty: unicast.
    QString multicastGroup;
    uint16_t multicastPort = 0;
    /// A local copy of this master or of an older version (a file, a second disk, a USB
    /// stick: qcow2 or raw): a range whose bytes there hash to `cacheDigests` (the trusted
    /// manifest's, `cacheRangeSize` each) is read from it and not fetched. Empty: no cache.
    QString cachePath;
    std::vector<std::array<uint8_t, 32>> cacheDigests;
    int64_t cacheRangeSize = 0;
};

/// A master's raw disk content, read range by range. Formats: qcow2 (our own reader), raw
/// file or block device, gzip-compressed raw, and a raw stream on stdin ("-").
/// Random-access sources (isSequential() false) may be read from several threads at once;
/// sequential ones must be read with increasing offsets, one call at a time (callers in
/// several threads are served in offset order: a call waits for the previous range).
class Source
{
public:
    enum class Format { Qcow2, Raw, GzipRaw, RawStream };

    /// Opens `path` ("-" for stdin, http(s):// for a master served by etabli-server) and
    /// recognises its format from its first bytes.
    static Result<std::unique_ptr<Source>> open(const QString &path, const RemoteOptions &remote = {});

    virtual ~Source() = default;
    virtual Format format() const = 0;
    QString formatName() const;
    /// Virtual disk size in bytes, or -1 for a stream whose end is not known yet.
    virtual int64_t virtualSize() const = 0;
    virtual bool isSequential() const { return false; }
    /// Cluster size for qcow2, 0 otherwise.
    virtual uint32_t clusterSize() const { return 0; }
    /// True when the range is known to be all zeros without reading data (qcow2 metadata).
    virtual bool knownZero(int64_t offset, int64_t length) const
    {
        Q_UNUSED(offset);
        Q_UNUSED(length);
        return false;
    }

    /// Before the first read: the writer's range size and which ranges it will read
    /// (others are journalled already). A network source fetches only those, ahead.
    virtual void prepare(uint32_t rangeSize, std::function<bool(int64_t index)> wanted)
    {
        Q_UNUSED(rangeSize);
        Q_UNUSED(wanted);
    }
    /// What ties a resume journal to this master when there is no manifest (a remote
    /// master's ETag); empty for local files (their path, size and mtime do).
    virtual QString identity() const { return {}; }

    /// Reads up to `length` bytes at `offset` into `buffer` and returns how many bytes the
    /// range holds (fewer only at the end of the disk or stream). `extents` receives the
    /// non-zero parts; when it comes back empty the range is all zeros and `buffer` may
    /// hold anything, otherwise `buffer` holds the full content, zeros included.
    virtual Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) = 0;

protected:
    Source() = default;
};

/// Refuses, without opening it (opening a FIFO blocks), a master that is not a regular
/// file: a device such as /dev/zero, a FIFO, a socket or a directory (symbolic links are
/// followed). Code Corrupt, detail "master_not_file". Any thread.
Result<void> requireMasterFile(const QString &path);

/// Refuses a master whose disk size differs from what its manifest says (`expected`);
/// a source whose size is not known before the end (gzip) passes. Any thread.
Result<void> requireMasterSize(const Source &source, const QString &path, int64_t expected);

/// Appends to `extents` the non-zero 4 KiB-granular runs of `data` (offsets relative to
/// `base`), merging neighbours. Any thread.
void findDataExtents(const uint8_t *data, uint32_t length, uint32_t base, std::vector<Extent> &extents);

/// True when `length` bytes at `data` are all zero. Any thread.
bool isAllZero(const uint8_t *data, size_t length);

} // namespace Etabli::Imaging
