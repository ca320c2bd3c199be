// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Etabli::Labels {

/// The distribution desk's A4 documents (issue 14), in the current UI language (the CLI
/// installs French, the workshop's language). Fonts are embedded (TrueType subsets
/// written by QPdfWriter). Needs a QGuiApplication (offscreen is fine); caller's thread.
namespace DeskPdf {

/// One letter per family: the appointment, what to bring, the voucher's Code 128.
struct VoucherLetter {
    QString voucher, pupilName, parentName, school, className, appointment, place;
};
Result<void> writeVoucherLetters(const QString &path, const QList<VoucherLetter> &letters);

/// The handover receipt: the loan agreement, the tags, the warranty end and the internet
/// grant deadline, and the signature (its strokes drawn) or the staff witness.
struct Receipt {
    QString beneficiary, pupilName, parentName, school, voucher;
    QList<QPair<QString, QString>> items; ///< tag, kind
    QDate date, warrantyEnd, grantDeadline;
    QString signatureSha256;
    QString witness;
    QJsonArray strokes; ///< [[[x, y, t], …], …] in the signature pad's units
    double padWidth = 0, padHeight = 0;
};
Result<void> writeReceipt(const QString &path, const Receipt &receipt);

/// The return slip that goes with an asset back to the workshop.
struct ReturnSlip {
    QString tag, kind, reason, beneficiary, swapTag;
    QDate date;
};
Result<void> writeReturnSlip(const QString &path, const ReturnSlip &slip);

} // namespace DeskPdf
} // namespace Etabli::Labels
