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
    array += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            array += QLatin1Char('\\');
        array += c;
    }
    array += QLatin1Char('"');
}

} // namespace Etabli::Server
