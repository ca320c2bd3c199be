// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Test doubles of the erasure tests: wrappers around a real DiskTarget (a file or a loop
// device) that misbehave in one planted place. They live here, never in the engine.

#include "imaging/target.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>

#include <cerrno>
#include <cstring>
#include <memory>
#include <unistd.h>

namespace EraseTest {

using namespace Etabli;
using namespace Etabli::Imaging;

/// Forwards everything to a real target; subclasses break one thing.
class WrappedTarget : public TargetDevice
{
public:
    explicit WrappedTarget(std::unique_ptr<TargetDevice> inner)
        : m_inner(std::move(inner))
    {}
    QString name() const override { return m_inner->name(); }
    QString serial() const override { return m_inner->serial(); }
    QString model() const override { return m_inner->model(); }
    int64_t size() const override { return m_inner->size(); }
    Result<void> resize(int64_t size) override { return m_inner->resize(size); }
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override
    {
        return m_inner->write(offset, data, length);
    }
    Result<bool> discard(int64_t offset, int64_t length) override { return m_inner->discard(offset, length); }
    Result<void> sync() override { return m_inner->sync(); }
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override
    {
        return m_inner->read(offset, data, length);
    }

protected:
    static Error eio(const QString &what, int64_t offset)
    {
        return makeError(
            ErrorCode::Io,
            QStringLiteral("%1 at %2: %3").arg(what).arg(offset).arg(QString::fromLocal8Bit(std::strerror(EIO))));
    }
    std::unique_ptr<TargetDevice> m_inner;
};

/// One unreadable 4 KiB block at `bad` (like a pending sector): any read covering it fails.
class UnreadableTarget final : public WrappedTarget
{
public:
    UnreadableTarget(std::unique_ptr<TargetDevice> inner, int64_t bad)
        : WrappedTarget(std::move(inner))
        , m_bad(bad)
    {}
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override
    {
        if (offset <= m_bad && m_bad < offset + int64_t(length))
            return eio(QStringLiteral("read"), offset);
        return m_inner->read(offset, data, length);
    }

private:
    int64_t m_bad;
};

/// Says yes to every write but never writes [from, to): a drive that silently drops writes.
class DroppingTarget final : public WrappedTarget
{
public:
    DroppingTarget(std::unique_ptr<TargetDevice> inner, int64_t from, int64_t to)
        : WrappedTarget(std::move(inner))
        , m_from(from)
        , m_to(to)
    {}
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override
    {
        const int64_t end = offset + int64_t(length);
        if (end <= m_from || offset >= m_to)
            return m_inner->write(offset, data, length);
        if (offset < m_from)
            if (auto r = m_inner->write(offset, data, size_t(m_from - offset)); !r)
                return r;
        if (end > m_to)
            return m_inner->write(m_to, data + (m_to - offset), size_t(end - m_to));
        return {};
    }

private:
    int64_t m_from, m_to;
};

/// Fails every write that reaches `bad` with EIO (a sector the drive cannot write).
class UnwritableTarget final : public WrappedTarget
{
public:
    UnwritableTarget(std::unique_ptr<TargetDevice> inner, int64_t bad)
        : WrappedTarget(std::move(inner))
        , m_bad(bad)
    {}
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override
    {
        if (offset <= m_bad && m_bad < offset + int64_t(length))
            return eio(QStringLiteral("write"), offset);
        return m_inner->write(offset, data, length);
    }

private:
    int64_t m_bad;
};

/// A donor's data: a recognisable record repeated over `size` bytes.
inline QByteArray plantedData(qint64 size)
{
    static const QByteArray record = QByteArrayLiteral("CLIENT 0042 IBAN FR76 3000 6000 0112 3456 7890 189 ");
    QByteArray data;
    data.reserve(size);
    while (data.size() < size)
        data.append(record);
    data.truncate(size);
    return data;
}

inline QByteArray plantedRecord()
{
    return QByteArrayLiteral("IBAN FR76");
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool canUseLoop()
{
    return ::geteuid() == 0 && QFile::exists(QStringLiteral("/dev/loop-control"));
}

/// Attaches `file` to a free loop device; empty on failure.
inline QString attachLoop(const QString &file)
{
    QProcess p;
    p.start(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), file});
    p.waitForFinished(30000);
    return p.exitCode() == 0 ? QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed() : QString();
}

inline void detachLoop(const QString &dev)
{
    if (!dev.isEmpty())
        QProcess::execute(QStringLiteral("losetup"), {QStringLiteral("-d"), dev});
}

} // namespace EraseTest
