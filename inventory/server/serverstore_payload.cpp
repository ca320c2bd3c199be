// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Small helpers of the server store. What each event type must carry is in
// inventory/eventrules.cpp, the one set of rules of stations and server.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace Etabli::Server {

using Inventory::Event;

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString now()
{
    return Inventory::isoTime(QDateTime::currentDateTimeUtc());
}

void appendPgArrayText(QString &array, const QString &value)
{
    // push (issue 17): sized once and written through a pointer (the writer builds a
    // group's arrays; appending char by char was 4 % of the server's CPU).
    qsizetype escapes = 0;
    for (const QChar c : value)
        escapes += (c == QLatin1Char('"') || c == QLatin1Char('\\')) ? 1 : 0;
    const qsizetype at = array.size();
    array.resize(at + value.size() + escapes + 2);
    QChar *out = array.data() + at;
    *out++ = QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            *out++ = QLatin1Char('\\');
        *out++ = c;
    }
    *out = QLatin1Char('"');
}

} // namespace Etabli::Server
