// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Etabli::Inventory {

/// One change, as it is stored, synced and replayed. The UUID identifies it
/// everywhere (pushing twice stores once); `seq` is only this store's order.
struct Event {
    qint64 seq = 0;
    QString uuid;
    QString station;
    QString worker;
    QDateTime time; ///< UTC, millisecond precision
    QString type; ///< e.g. asset.added, asset.moved, test.recorded (inventory/README.md)
    QString assetTag; ///< the asset it is about, empty for lots, donors…
    QJsonObject payload;
    QString status = QStringLiteral("applied"); ///< applied | overridden
    QString note; ///< why it was overridden
    bool pushed = false; ///< sent to the central server (station stores)
    qint64 serverSeq = 0; ///< its place in the central server's order, 0 while unknown
};

/// JSON form used by the CLI and the sync API: uuid, station, worker, time (ISO 8601
/// UTC), type, asset_tag, payload, status, note, seq.
QJsonObject toJson(const Event &event);

/// Parses and validates the JSON form (uuid syntax, time, type, payload object).
Result<Event> eventFromJson(const QJsonObject &object);

/// Every event type the store knows how to apply.
QStringList knownEventTypes();

QString isoTime(const QDateTime &time);
/// Appends `text` as a JSON string (UTF-8; quotes, backslashes and control characters
/// escaped): for answers written as JSON text without a QJsonDocument.
void appendJsonString(QByteArray &out, const QString &text);

} // namespace Etabli::Inventory
