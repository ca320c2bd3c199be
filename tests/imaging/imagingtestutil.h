// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Shared helpers of the imaging tests: deterministic disk content, processes, digests.

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <cstring>
#include <vector>

namespace ImagingTest {

struct Run {
    int code = -1;
    QByteArray out, err;
};

inline Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
               const QString &inputFile = {}, int timeoutMs = 120000)
{
    QProcess p;
    if (!inputFile.isEmpty())
        p.setStandardInputFile(inputFile);
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    if (!input.isEmpty())
        p.write(input);
    if (inputFile.isEmpty())
        p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// A disk-like pattern: per 64 KiB block, random (incompressible), zeros, text-like
/// (compressible), zeros, or a short record followed by zeros. Deterministic from `seed`.
inline QByteArray diskContent(qint64 size, uint32_t seed)
{
    QByteArray data(size, '\0');
    uint64_t state = 0x9e3779b97f4a7c15ULL ^ seed;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    static const char words[] = "lorem ipsum atelier ecole ordinateur famille ";
    for (qint64 at = 0; at < size; at += 65536) {
        const qint64 n = std::min<qint64>(65536, size - at);
        char *p = data.data() + at;
        switch ((at / 65536 + seed) % 5) {
        case 0:
            for (qint64 i = 0; i < n; i += 8) {
                const uint64_t v = next();
                std::memcpy(p + i, &v, size_t(std::min<qint64>(8, n - i)));
            }
            break;
        case 2:
            for (qint64 i = 0; i < n; ++i)
                p[i] = words[(i + qint64(next() % 3)) % (sizeof words - 1)];
            break;
        case 4:
            for (qint64 i = 0; i < std::min<qint64>(n, 700); ++i)
                p[i] = char(next());
            break;
        default:
            break;
        }
    }
    return data;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

inline QByteArray sha256File(const QString &path, qint64 limit = -1)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash h(QCryptographicHash::Sha256);
    qint64 left = limit < 0 ? f.size() : limit;
    while (left > 0) {
        const QByteArray chunk = f.read(std::min<qint64>(left, 1 << 20));
        if (chunk.isEmpty())
            break;
        h.addData(chunk);
        left -= chunk.size();
    }
    return h.result().toHex();
}

} // namespace ImagingTest
