// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// desk (issue 14, engineer "deskserver"): which payload fields of the event log carry a
// family's personal data, for the erasure on request that must reach the logs of the
// server and of the desk store. The keys stay (emptied), so an event still validates,
// and every count and the bilan stay the same.

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Etabli::Inventory::PersonalData {

/// The event types whose payload may name or describe a family.
QStringList typesWithPersonalData();
/// `type.field` for every field an erasure blanks (documented in README, "Personal data").
QStringList personalFields();
/// Blanks in `payload` (an event of `type`) the personal fields when the event is about
/// `reference`; returns whether anything changed.
bool redact(const QString &type, QJsonObject &payload, const QString &reference);
/// The reference as the log's compact JSON writes it, for a LIKE pre-filter: `%"REF"%`.
QString likePattern(const QString &reference);

} // namespace Etabli::Inventory::PersonalData
