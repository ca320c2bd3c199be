// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/labeloutput.h"

#include <QColor>
#include <QCoreApplication>
#include <QFileInfo>
#include <QImageWriter>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPrinter>
#include <QPrinterInfo>

namespace Etabli::Labels {

namespace {

QPageLayout labelLayout(const RenderedLabel &label)
{
    const QPageSize size(label.pageMm, QPageSize::Millimeter, label.templateName, QPageSize::ExactMatch);
    return QPageLayout(size, QPageLayout::Portrait, QMarginsF(0, 0, 0, 0), QPageLayout::Millimeter);
}

/// Paints the page on `device` at the label's physical size from the top-left corner:
/// the hidden texts, then the dots. PDF pages are whole points, so the page may be up
/// to 0.18 mm larger than the label; the dots are never stretched to fill it.
void paintPage(QPainter &painter, const RenderedLabel &label, const QPaintDevice &device)
{
    const double sx = double(device.logicalDpiX()) / label.dpi;
    const double sy = double(device.logicalDpiY()) / label.dpi;
    painter.save();
    painter.scale(sx, sy);
    for (const PlacedText &t : label.texts) {
        QFont font(t.family);
        font.setBold(t.bold);
        font.setPixelSize(std::max(1, int(t.pixelSize)));
        painter.setFont(font);
        painter.setPen(Qt::white); // under the opaque image: found by search, never seen
        painter.drawText(t.rect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, t.text);
    }
    // Qt's PDF engine writes a 1-bit image whose colour table is exactly {black, white}
    // losslessly as a stencil mask painted in the pen colour; any other image may
    // become a lossy JPEG. So: our dots with that table, a black pen, lossless hint.
    QImage dots = label.image.copy();
    dots.invertPixels();
    dots.setColorTable({QColor(Qt::black).rgba(), QColor(Qt::white).rgba()});
    painter.setRenderHint(QPainter::LosslessImageRendering, true);
    painter.setPen(Qt::black);
    painter.drawImage(QPointF(0, 0), dots);
    painter.restore();
}

} // namespace

Result<void> writePng(const RenderedLabel &label, const QString &path)
{
    QImageWriter writer(path, "png");
    if (!writer.write(label.image))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Labels", "cannot write %1: %2").arg(path, writer.errorString()));
    return {};
}

Result<void> writePdf(const RenderedLabel &label, const QString &path)
{
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Établi"));
    pdf.setTitle(label.tags.join(QStringLiteral(", ")));
    pdf.setResolution(label.dpi);
    if (!pdf.setPageLayout(labelLayout(label)))
        return makeError(ErrorCode::Internal,
                         QCoreApplication::translate("Labels", "the PDF writer refused the page size"));
    QPainter painter;
    if (!painter.begin(&pdf))
        return makeError(ErrorCode::Io, QCoreApplication::translate("Labels", "cannot write %1").arg(path));
    paintPage(painter, label, pdf);
    if (!painter.end())
        return makeError(ErrorCode::Io, QCoreApplication::translate("Labels", "cannot write %1").arg(path));
    if (QFileInfo(path).size() == 0)
        return makeError(ErrorCode::Io, QCoreApplication::translate("Labels", "cannot write %1").arg(path));
    return {};
}

QStringList systemPrinters()
{
    return QPrinterInfo::availablePrinterNames();
}

Result<void> printWithQPrinter(const RenderedLabel &label, const QString &printerName, const QString &pdfFile)
{
    QPrinter printer(QPrinter::HighResolution);
    if (pdfFile.isEmpty()) {
        if (!systemPrinters().contains(printerName))
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate(
                                 "Labels", "the printer «%1» is not known to CUPS on this machine (known: %2)")
                                 .arg(printerName,
                                      systemPrinters().isEmpty() ? QCoreApplication::translate("Labels", "none")
                                                                 : systemPrinters().join(QStringLiteral(", "))),
                             QStringLiteral("printer_unknown"));
        printer.setPrinterName(printerName);
        if (!printer.isValid())
            return makeError(ErrorCode::Refused,
                             QCoreApplication::translate("Labels", "the printer «%1» cannot be used").arg(printerName),
                             QStringLiteral("printer_invalid"));
    } else {
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(pdfFile);
    }
    printer.setDocName(
        QCoreApplication::translate("Labels", "Établi label %1").arg(label.tags.join(QStringLiteral(", "))));
    printer.setFullPage(true);
    printer.setResolution(label.dpi);
    if (!printer.setPageLayout(labelLayout(label)))
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("Labels", "the printer «%1» refuses the label size %2×%3 mm")
                             .arg(printerName)
                             .arg(label.pageMm.width())
                             .arg(label.pageMm.height()),
                         QStringLiteral("page_size_refused"));
    QPainter painter;
    if (!painter.begin(&printer))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Labels", "the printer «%1» refused the job").arg(printerName),
                         QStringLiteral("printer_refused"));
    paintPage(painter, label, printer);
    if (!painter.end() || printer.printerState() == QPrinter::Error || printer.printerState() == QPrinter::Aborted)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Labels", "the printer «%1» failed the job").arg(printerName),
                         QStringLiteral("printer_failed"));
    return {};
}

QByteArray zplJob(const QImage &mono)
{
    // ^GF wants 1 = black, most significant bit first, rows padded to whole bytes:
    // exactly our Format_Mono layout with index 1 = black.
    const int rowBytes = (mono.width() + 7) / 8;
    const int total = rowBytes * mono.height();
    QByteArray hex;
    hex.reserve(total * 2);
    for (int y = 0; y < mono.height(); ++y) {
        const uchar *line = mono.constScanLine(y);
        const int tail = mono.width() % 8;
        for (int i = 0; i < rowBytes; ++i) {
            uchar b = line[i];
            if (i == rowBytes - 1 && tail)
                b &= uchar(0xFF << (8 - tail));
            hex.append(QByteArray::number(b >> 4, 16).toUpper());
            hex.append(QByteArray::number(b & 0xF, 16).toUpper());
        }
    }
    QByteArray job;
    job += "^XA\n";
    job += "^PW" + QByteArray::number(mono.width()) + "\n";
    job += "^LL" + QByteArray::number(mono.height()) + "\n";
    job += "^LH0,0\n";
    job += "^FO0,0^GFA," + QByteArray::number(total) + ',' + QByteArray::number(total) + ','
        + QByteArray::number(rowBytes) + ',' + hex + "^FS\n";
    job += "^PQ1\n";
    job += "^XZ\n";
    return job;
}

} // namespace Etabli::Labels
