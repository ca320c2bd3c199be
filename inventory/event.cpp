// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/event.h"

#include "inventory/eventrules.h"

#include <QCoreApplication>
#include <QUuid>

namespace Etabli::Inventory {

QString isoTime(const QDateTime &time)
{
    // push (issue 17): written out by hand, since QDateTime::toString() went through
    // QString::asprintf and was a tenth of a push's CPU on the server. The same text as
    // Qt's Qt::ISODateWithMs in UTC ("2026-03-01T08:05:09.042Z"; tst_lifecycle compares the
    // two); years outside 1000-9999 and invalid times are left to Qt.
    if (!time.isValid())
        return time.toUTC().toString(Qt::ISODateWithMs);
    constexpr qint64 msPerDay = 86'400'000;
    const qint64 ms = time.toMSecsSinceEpoch();
    qint64 days = ms / msPerDay, rest = ms % msPerDay;
    if (rest < 0) {
        rest += msPerDay;
        --days;
    }
    // Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const qint64 day = doy - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1000 || year > 9999)
        return time.toUTC().toString(Qt::ISODateWithMs);
    char16_t text[24];
    const auto put = [&text](int at, qint64 value, int digits) {
        for (int i = digits - 1; i >= 0; --i, value /= 10)
            text[at + i] = char16_t(u'0' + value % 10);
    };
    put(0, year, 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = u'T';
    put(11, rest / 3'600'000, 2);
    text[13] = u':';
    put(14, rest / 60'000 % 60, 2);
    text[16] = u':';
    put(17, rest / 1000 % 60, 2);
    text[19] = u'.';
    put(20, rest % 1000, 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (uchar(c) < 0x20) {
            out += "\\u00";
            out += "0123456789abcdef"[uchar(c) >> 4];
            out += "0123456789abcdef"[uchar(c) & 15];
        } else {
            out += c;
        }
    }
    out += '"';
}

QStringList knownEventTypes()
{
    static const QStringList names = EventRules::typeNames(); // the rules' table is constant
    return names;
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
