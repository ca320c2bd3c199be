// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/workers.h"

#include "inventory/domain.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace Etabli::AppCore {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Workers", text);
}

// The event's photo is base64 in at most 262144 characters.
constexpr qsizetype kMaxPhotoBytes = 262144 / 4 * 3;

bool isImage(const QByteArray &bytes)
{
    return bytes.startsWith("\x89PNG\r\n\x1a\n") || bytes.startsWith("\xff\xd8\xff");
}

WorkerCard cardFromQuery(const QSqlQuery &q)
{
    WorkerCard c;
    c.badge = q.value(0).toString();
    c.displayName = q.value(1).toString();
    c.role = q.value(2).toString();
    c.preferences = WorkerPreferences::fromJson(QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object());
    c.photo = QByteArray::fromBase64(q.value(4).toString().toLatin1());
    c.active = q.value(5).toBool();
    return c;
}

const QString kColumns = QStringLiteral("SELECT badge, display_name, role, accessibility, photo, active FROM workers");

} // namespace

WorkerPreferences WorkerPreferences::fromJson(const QJsonObject &a)
{
    WorkerPreferences p;
    p.textScale = std::clamp(a.value(QStringLiteral("text_scale")).toDouble(1.0), 1.0, 2.0);
    p.voice = a.value(QStringLiteral("voice")).toBool(true);
    const QString g = a.value(QStringLiteral("guidance")).toString();
    p.guidance = g == QLatin1String("short") ? g : QStringLiteral("full");
    p.highContrast = a.value(QStringLiteral("high_contrast")).toBool(false);
    return p;
}

QJsonObject WorkerPreferences::toJson() const
{
    return {{QStringLiteral("text_scale"), textScale},
            {QStringLiteral("voice"), voice},
            {QStringLiteral("guidance"), guidance},
            {QStringLiteral("high_contrast"), highContrast}};
}

Result<WorkerCard> addWorker(Inventory::Store &store, const WorkerCard &card)
{
    const QString badge = card.badge.trimmed();
    if (badge.isEmpty() || card.displayName.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("a worker needs a badge and a name"),
                         QStringLiteral("bad_worker"));
    if (!card.photo.isEmpty() && !isImage(card.photo))
        return makeError(ErrorCode::InvalidArgument, tr("the photo must be a JPEG or PNG image"),
                         QStringLiteral("bad_photo"));
    if (card.photo.size() > kMaxPhotoBytes)
        return makeError(ErrorCode::InvalidArgument,
                         tr("the photo is too large (%1 KiB, at most %2 KiB)")
                             .arg(card.photo.size() / 1024)
                             .arg(kMaxPhotoBytes / 1024),
                         QStringLiteral("bad_photo"));
    if (workerByBadge(store, badge))
        return makeError(ErrorCode::Conflict, tr("the badge %1 is already known").arg(badge),
                         QStringLiteral("badge_exists"));
    QJsonObject payload{{QStringLiteral("badge"), badge},
                        {QStringLiteral("display_name"), card.displayName.trimmed()},
                        {QStringLiteral("role"), card.role},
                        {QStringLiteral("accessibility"), card.preferences.toJson()}};
    if (!card.photo.isEmpty())
        payload.insert(QStringLiteral("photo"), QString::fromLatin1(card.photo.toBase64()));
    auto e = store.recordGeneral(QString(Inventory::EventType::WorkerAdded), payload);
    if (!e)
        return e.error();
    return workerByBadge(store, badge);
}

QList<WorkerCard> workers(Inventory::Store &store, bool activeOnly)
{
    QList<WorkerCard> out;
    QSqlQuery q(store.database());
    if (!q.exec(kColumns + (activeOnly ? QStringLiteral(" WHERE active = 1") : QString())
                + QStringLiteral(" ORDER BY display_name COLLATE NOCASE, badge")))
        return out;
    while (q.next())
        out << cardFromQuery(q);
    return out;
}

Result<WorkerCard> workerByBadge(Inventory::Store &store, const QString &scanned)
{
    QSqlQuery q(store.database());
    q.prepare(kColumns + QStringLiteral(" WHERE badge = ? COLLATE NOCASE AND active = 1"));
    q.addBindValue(scanned.trimmed());
    if (q.exec() && q.next())
        return cardFromQuery(q);
    return makeError(ErrorCode::NotFound, tr("no worker with the badge %1").arg(scanned.trimmed()),
                     QStringLiteral("unknown_badge"));
}

} // namespace Etabli::AppCore
