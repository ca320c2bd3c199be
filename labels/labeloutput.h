// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "labels/labelrenderer.h"

#include <QByteArray>
#include <QString>

namespace Etabli::Labels {

/// Writes the 1-bit image as a PNG carrying its resolution.
Result<void> writePng(const RenderedLabel &label, const QString &path);

/// Writes a PDF whose page is the label (or sheet) size and whose content is the 1-bit
/// image at full page, above a hidden layer of the label's texts in embedded fonts (so
/// the PDF is searchable and copyable and prints exactly the rendered dots).
Result<void> writePdf(const RenderedLabel &label, const QString &path);

/// Sends the image to the CUPS printer `printerName` through QPrinter, page size = the
/// label. A printer CUPS does not know is a NotFound error. With `pdfFile` set, the
/// same QPrinter job goes to that PDF file instead (what CUPS would receive).
Result<void> printWithQPrinter(const RenderedLabel &label, const QString &printerName, const QString &pdfFile = {});

/// The CUPS queues this machine knows.
QStringList systemPrinters();

/// A Zebra ZPL II job printing the image as one ^GF graphic field (ASCII hex), with
/// the label width (^PW) and length (^LL) in dots.
QByteArray zplJob(const QImage &mono);

} // namespace Etabli::Labels
