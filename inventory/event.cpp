// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/event.h"

#include "inventory/eventrules.h"

#include <QCoreApplication>
#include <QUuid>

namespace Etabli::Inventory {

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QStringList knownEventTypes()
{
    return EventRules::typeNames();
}

QJsonObject toJson(const Event &e)
{
    QJsonObject o{
        {QStringLiteral("uuid"), e.uuid},
        {QStringLiteral("station"), e.station},
        {QStringLiteral("worker"), e.worker},
        {QStringLiteral("time"), isoTime(e.time)},
        {QStringLiteral("type"), e.type},
        {QStringLiteral("asset_tag"), e.assetTag.isEmpty() ? QJsonValue() : QJsonValue(e.assetTag)},
        {QStringLiteral("payload"), e.payload},
        {QStringLiteral("status"), e.status},
    };
    if (e.seq > 0)
        o.insert(QStringLiteral("seq"), e.seq);
    if (!e.note.isEmpty())
        o.insert(QStringLiteral("note"), e.note);
    return o;
}

Result<Event> eventFromJson(const QJsonObject &o)
{
    auto bad = [](const QString &why) {
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Event", "malformed event: %1").arg(why),
                         QStringLiteral("malformed_event"));
    };
    Event e;
    const QJsonValue uuid = o.value(QStringLiteral("uuid"));
    if (!uuid.isString() || QUuid::fromString(uuid.toString()).isNull())
        return bad(QStringLiteral("uuid must be a UUID string"));
    e.uuid = QUuid::fromString(uuid.toString()).toString(QUuid::WithoutBraces);
    const QJsonValue time = o.value(QStringLiteral("time"));
    e.time = QDateTime::fromString(time.toString(), Qt::ISODateWithMs);
    if (!time.isString() || !e.time.isValid())
        return bad(QStringLiteral("time must be an ISO 8601 date-time"));
    e.time = e.time.toUTC();
    const QJsonValue type = o.value(QStringLiteral("type"));
    if (!type.isString() || !knownEventTypes().contains(type.toString()))
        return bad(QStringLiteral("unknown type"));
    e.type = type.toString();
    for (const char *key : {"station", "worker"}) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 128)
            return bad(QStringLiteral("%1 must be a non-empty string").arg(QLatin1String(key)));
    }
    e.station = o.value(QStringLiteral("station")).toString();
    e.worker = o.value(QStringLiteral("worker")).toString();
    const QJsonValue tag = o.value(QStringLiteral("asset_tag"));
    if (!tag.isNull() && !tag.isUndefined() && !tag.isString())
        return bad(QStringLiteral("asset_tag must be a string or null"));
    e.assetTag = tag.toString();
    const QJsonValue payload = o.value(QStringLiteral("payload"));
    if (!payload.isObject())
        return bad(QStringLiteral("payload must be an object"));
    e.payload = payload.toObject();
    e.status = o.value(QStringLiteral("status")).toString(QStringLiteral("applied"));
    e.note = o.value(QStringLiteral("note")).toString();
    return e;
}

} // namespace Etabli::Inventory
