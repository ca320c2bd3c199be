// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QString>

namespace Etabli::Labels {

/// The council's bilan (issue 13) as an A4 PDF in the current UI language (French in the
/// workshop): the city's name and logo (`logo`: a PNG/JPEG as base64 or a data: URL, from
/// `workshop.configured`), every figure of `bilan` (the JSON of Inventory::Report::Ledger::bilan)
/// and, for the re-use weight, each per-kind default with its value and source. Fonts are
/// embedded (QPdfWriter's TrueType subsets). Needs a QGuiApplication (offscreen is fine).
Result<void> writeBilanPdf(const QString &path, const QJsonObject &bilan, const QString &logo);

} // namespace Etabli::Labels
