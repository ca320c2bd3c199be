// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Etabli::Labels {

/// The donor's printable form of erasure certificates (A4, in the current UI language,
/// French in the workshop): for each lot a summary page (disks, methods, results), then
/// one page per disk with every field of its signed certificate, a QR code of its id and
/// the check URL (`checkUrl` + "?id=" + id), and how to verify the JSON. Fonts are
/// embedded (TrueType subsets written by QPdfWriter). Needs a QGuiApplication (offscreen
/// is fine); the caller's thread.
Result<void> writeErasureCertificatesPdf(const QString &path, const QList<QJsonObject> &certificates,
                                         const QString &checkUrl);

} // namespace Etabli::Labels
