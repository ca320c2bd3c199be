// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/store_p.h"

#include <functional>

namespace Etabli::Inventory {

/// desk (issue 14): the desk's projections of its records (store_desk.cpp), written in
/// the transaction of the event: the beneficiary's names and kind, vouchers, signed
/// handovers, grants, training, returns and erasures. Events of other types: nothing.
/// The event rules have already accepted `e`.
using DeskRun = std::function<Result<QSqlQuery>(const QString &sql, const QVariantList &binds)>;
Result<void> applyDeskRecord(const DeskRun &run, const Event &e);
/// desk (engineer "deskserver"): blanks a family's personal fields in the store's log.
Result<void> redactDeskLog(const DeskRun &run, const QString &reference);

} // namespace Etabli::Inventory
