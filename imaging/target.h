// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace Etabli::Imaging {

/// What happens to the ranges of the master that hold only zeros.
enum class Fill {
    Zeros, ///< write zeros: every sector of the target is overwritten (erase + image in one pass)
    Discard, ///< BLKDISCARD (block devices) or hole punching (files); zeros written where unsupported
    Skip, ///< leave them as they are
};
QString toString(Fill fill);
Result<Fill> parseFill(const QString &text);

/// A disk being written: a block device, a regular file, or a test double. The writer's
/// lanes call write(), discard(), zeroOut(), sync() and read() from several threads at
/// once (positional I/O, no shared cursor); resize() is called alone, before them.
/// name(), model(), serial() and identity() are const and safe from any thread.
class TargetDevice
{
public:
    virtual ~TargetDevice() = default;
    virtual QString name() const = 0;
    virtual QString model() const { return {}; }
    virtual QString serial() const { return {}; }
    virtual bool isBlockDevice() const { return false; }
    /// What a resume journal is tied to, so that a recreated file or another disk at the
    /// same path never inherits completed ranges: device and inode, or serial and size.
    virtual QString identity() const { return name(); }
    /// Capacity in bytes (block devices) or current size (files).
    virtual int64_t size() const = 0;
    /// Makes a regular file exactly `size` bytes long; for a block device checks capacity.
    virtual Result<void> resize(int64_t size) = 0;
    /// Writes `length` bytes; `data` is 4 KiB aligned. Offsets and lengths need not be
    /// aligned (the unaligned tail goes through the page cache).
    virtual Result<void> write(int64_t offset, const uint8_t *data, size_t length) = 0;
    /// Makes a range read back as zeros without writing it, if the device can; returns
    /// false when it cannot (the caller then writes zeros).
    virtual Result<bool> discard(int64_t offset, int64_t length) = 0;
    /// Overwrites a range with zeros without sending them from memory (BLKZEROOUT: the
    /// device's WRITE ZEROES or the kernel's own zero pages); false when unsupported.
    virtual Result<bool> zeroOut(int64_t offset, int64_t length)
    {
        Q_UNUSED(offset);
        Q_UNUSED(length);
        return false;
    }
    virtual Result<void> sync() = 0;
    /// Reads back, bypassing the page cache where the device allows it.
    virtual Result<void> read(int64_t offset, uint8_t *data, size_t length) = 0;
};

/// Options of the safety checks that run before anything is written.
struct SafetyOptions {
    int64_t requiredSize = -1; ///< the master's virtual size (-1 unknown)
    QString confirmSerial; ///< when set, the device's serial must equal it
    QString masterPath; ///< refused as a target
    bool blockDeviceOnly = false; ///< refuse regular files and /dev/null (the root helper)
    bool serialRequired = false; ///< refuse when confirmSerial is empty (the root helper)
};

/// A real block device or regular file, written with O_DIRECT where the filesystem allows.
/// open() refuses, with a message naming the device, a target that is mounted (itself or
/// a partition), used as swap or by device-mapper/RAID, holds the running system, is
/// smaller than the master, is the master itself, or whose serial does not match.
class DiskTarget final : public TargetDevice
{
public:
    static Result<std::unique_ptr<DiskTarget>> open(const QString &path, const SafetyOptions &options);
    ~DiskTarget() override;

    QString name() const override { return m_path; }
    QString model() const override { return m_model; }
    QString serial() const override { return m_serial; }
    bool isBlockDevice() const override { return m_block; }
    QString identity() const override { return m_identity; }
    int64_t size() const override;
    Result<void> resize(int64_t size) override;
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override;
    Result<bool> discard(int64_t offset, int64_t length) override;
    Result<bool> zeroOut(int64_t offset, int64_t length) override;
    Result<void> sync() override;
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override;

private:
    DiskTarget() = default;
    QString m_path, m_model, m_serial, m_identity;
    int m_directFd = -1; ///< O_DIRECT descriptor, -1 when the filesystem refuses it
    int m_fd = -1; ///< buffered descriptor (unaligned tails, fallbacks)
    bool m_block = false;
    bool m_null = false; ///< /dev/null, the benchmarks' CPU-only sink
    int64_t m_size = 0;
};

/// Why `path` must not be written, or an empty result when it may. Exposed for the app's
/// disk picker. Any thread.
Result<void> checkTargetSafety(const QString &path, const SafetyOptions &options);

} // namespace Etabli::Imaging
