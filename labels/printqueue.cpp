// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/printqueue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QUuid>

#include <functional>

namespace Etabli::Labels {

namespace {

QJsonObject toJson(const QueuedPrint &p)
{
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(p.tags)},
                       {QStringLiteral("template"), p.templateName},
                       {QStringLiteral("printer"), p.printer},
                       {QStringLiteral("dpi"), p.dpi},
                       {QStringLiteral("queued_at"), p.queuedAt},
                       {QStringLiteral("attempts"), p.attempts},
                       {QStringLiteral("last_error"), p.lastError}};
}

QueuedPrint fromJson(const QJsonObject &o)
{
    QueuedPrint p;
    p.id = o.value(QLatin1String("id")).toString();
    for (const QJsonValue &v : o.value(QLatin1String("tags")).toArray())
        p.tags.append(v.toString());
    p.templateName = o.value(QLatin1String("template")).toString();
    p.printer = o.value(QLatin1String("printer")).toString();
    p.dpi = o.value(QLatin1String("dpi")).toInt();
    p.queuedAt = o.value(QLatin1String("queued_at")).toString();
    p.attempts = o.value(QLatin1String("attempts")).toInt(1);
    p.lastError = o.value(QLatin1String("last_error")).toString();
    return p;
}

Result<QList<QueuedPrint>> readFile(const QString &path)
{
    QFile f(path);
    if (!f.exists())
        return QList<QueuedPrint>{};
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("Labels", "cannot read the print queue %1: %2").arg(path, f.errorString()));
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isArray())
        return makeError(ErrorCode::Corrupt,
                         QCoreApplication::translate("Labels", "the print queue %1 is damaged").arg(path),
                         QStringLiteral("queue_corrupt"));
    QList<QueuedPrint> list;
    for (const QJsonValue &v : doc.array())
        list.append(fromJson(v.toObject()));
    return list;
}

Result<void> writeFile(const QString &path, const QList<QueuedPrint> &list)
{
    QJsonArray a;
    for (const QueuedPrint &p : list)
        a.append(toJson(p));
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(a).toJson()) < 0 || !f.commit())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("Labels", "cannot write the print queue %1: %2").arg(path, f.errorString()));
    return {};
}

/// Runs `change` on the list under the lock and writes the result back.
Result<void> update(const QString &path, const std::function<Result<void>(QList<QueuedPrint> &)> &change)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000))
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Labels", "the print queue %1 is locked by another program").arg(path),
            QStringLiteral("queue_locked"));
    auto list = readFile(path);
    if (!list)
        return list.error();
    if (auto r = change(*list); !r)
        return r;
    return writeFile(path, *list);
}

} // namespace

PrintQueue::PrintQueue(QString path)
    : m_path(std::move(path))
{}

Result<QList<QueuedPrint>> PrintQueue::entries() const
{
    return readFile(m_path);
}

Result<QueuedPrint> PrintQueue::enqueue(QueuedPrint print)
{
    print.id = QUuid::createUuid().toString(QUuid::Id128).left(8);
    print.queuedAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    auto r = update(m_path, [&](QList<QueuedPrint> &list) -> Result<void> {
        list.append(print);
        return {};
    });
    if (!r)
        return r.error();
    return print;
}

Result<void> PrintQueue::markFailed(const QString &id, const QString &error)
{
    return update(m_path, [&](QList<QueuedPrint> &list) -> Result<void> {
        for (QueuedPrint &p : list)
            if (p.id == id) {
                ++p.attempts;
                p.lastError = error;
                return {};
            }
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Labels", "no queued label %1").arg(id),
                         QStringLiteral("unknown_queue_id"));
    });
}

Result<void> PrintQueue::remove(const QString &id)
{
    return update(m_path, [&](QList<QueuedPrint> &list) -> Result<void> {
        const auto n = list.removeIf([&](const QueuedPrint &p) { return p.id == id; });
        if (n == 0)
            return makeError(ErrorCode::NotFound, QCoreApplication::translate("Labels", "no queued label %1").arg(id),
                             QStringLiteral("unknown_queue_id"));
        return {};
    });
}

} // namespace Etabli::Labels
