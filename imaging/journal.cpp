// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/journal_p.h"

#include "imaging/pipeline_p.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <fcntl.h>
#include <unistd.h>

namespace Etabli::Imaging {

std::map<int64_t, uint32_t> Journal::open(const QString &dir, const QString &target, const QJsonObject &header)
{
    std::map<int64_t, uint32_t> done;
    QDir().mkpath(dir);
    m_path = fileFor(dir, target, QStringLiteral(".journal"));
    const QByteArray expected = QJsonDocument(header).toJson(QJsonDocument::Compact);
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = f.readAll().split('\n');
        if (!lines.isEmpty() && lines[0] == expected) {
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QList<QByteArray> parts = lines[i].split(' ');
                bool ok1 = false, ok2 = false;
                if (parts.size() != 2)
                    break; // a torn last line
                const int64_t index = parts[0].toLongLong(&ok1);
                const uint32_t crc = parts[1].toUInt(&ok2, 16);
                if (!ok1 || !ok2)
                    break;
                done[index] = crc;
            }
        }
        f.close();
    }
    // Rewrite it compactly: header plus what is still valid.
    QByteArray text = expected + '\n';
    for (const auto &[index, crc] : done)
        text += QByteArray::number(qlonglong(index)) + ' ' + QByteArray::number(crc, 16) + '\n';
    const QString tmp = m_path + QStringLiteral(".new");
    QFile out(tmp);
    if (out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        out.write(text);
        out.flush();
        ::fsync(out.handle());
        out.close();
        ::rename(QFile::encodeName(tmp).constData(), QFile::encodeName(m_path).constData());
    }
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_APPEND | O_CLOEXEC);
    return done;
}

void Journal::append(std::vector<std::pair<int64_t, uint32_t>> &entries)
{
    std::lock_guard lock(m_mutex); // one call per writing lane
    if (m_fd < 0 || entries.empty())
        return;
    QByteArray text;
    for (const auto &[index, crc] : entries)
        text += QByteArray::number(qlonglong(index)) + ' ' + QByteArray::number(crc, 16) + '\n';
    if (::write(m_fd, text.constData(), size_t(text.size())) == text.size())
        ::fdatasync(m_fd);
    entries.clear();
}

void Journal::remove()
{
    close();
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

void Journal::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

} // namespace Etabli::Imaging
