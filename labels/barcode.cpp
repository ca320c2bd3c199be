// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/barcode.h"

#include <QCoreApplication>
#include <QPainter>

#include <zint.h>

#include <memory>

namespace Etabli::Labels {

namespace {

struct ZintDeleter {
    void operator()(zint_symbol *s) const { ZBarcode_Delete(s); }
};

} // namespace

QString toString(Symbology symbology)
{
    switch (symbology) {
    case Symbology::Code128:
        return QStringLiteral("code128");
    case Symbology::DataMatrix:
        return QStringLiteral("datamatrix");
    case Symbology::QrCode:
        return QStringLiteral("qr");
    }
    return {};
}

int minimumModuleDots(Symbology symbology)
{
    return symbology == Symbology::Code128 ? 2 : 3;
}

double BarcodeSymbol::narrowestBar() const
{
    double narrowest = 0;
    for (const QRectF &r : bars)
        if (narrowest == 0 || r.width() < narrowest)
            narrowest = r.width();
    return narrowest;
}

Result<BarcodeSymbol> encodeBarcode(Symbology symbology, const QString &data)
{
    if (data.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Labels", "nothing to encode"));
    std::unique_ptr<zint_symbol, ZintDeleter> s(ZBarcode_Create());
    if (!s)
        return makeError(ErrorCode::Internal, QStringLiteral("libzint: out of memory"));
    switch (symbology) {
    case Symbology::Code128:
        s->symbology = BARCODE_CODE128;
        break;
    case Symbology::DataMatrix:
        s->symbology = BARCODE_DATAMATRIX;
        s->option_3 = DM_SQUARE; // rectangular Data Matrix scans worse on hand-held imagers
        break;
    case Symbology::QrCode:
        s->symbology = BARCODE_QRCODE;
        s->option_1 = 2; // error correction level M: survives scratches on a lent PC
        break;
    }
    s->output_options = BARCODE_QUIET_ZONES;
    s->show_hrt = 0; // the label prints the tag itself, bigger
    s->scale = 0.5f; // vector output in module units: one X = 1.0
    s->input_mode = UNICODE_MODE;
    const QByteArray utf8 = data.toUtf8();
    const int rc = ZBarcode_Encode_and_Buffer_Vector(s.get(), reinterpret_cast<const unsigned char *>(utf8.constData()),
                                                     int(utf8.size()), 0);
    if (rc >= ZINT_ERROR || !s->vector)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "cannot encode «%1» as %2: %3")
                             .arg(data, toString(symbology), QString::fromLatin1(s->errtxt)),
                         QStringLiteral("zint_error"));
    BarcodeSymbol out;
    out.symbology = symbology;
    out.data = data;
    out.modules = QSize(qRound(s->vector->width), qRound(s->vector->height));
    out.symbolModules = QSize(s->width, s->rows);
    for (const zint_vector_rect *r = s->vector->rectangles; r; r = r->next)
        if (r->colour == -1 || r->colour == 7) // foreground (or explicit black)
            out.bars.append(QRectF(r->x, r->y, r->width, r->height));
    if (symbology == Symbology::DataMatrix && out.modules.width() != out.modules.height())
        return makeError(ErrorCode::Internal, QStringLiteral("libzint made a rectangular Data Matrix"));
    return out;
}

void drawBarcode(QPainter &painter, const BarcodeSymbol &symbol, QPoint origin, int moduleDots, int heightDots)
{
    const bool linear = !symbol.is2D();
    const double yScale = linear && heightDots > 0 ? double(heightDots) / symbol.modules.height() : moduleDots;
    for (const QRectF &r : symbol.bars) {
        // Module edges fall on whole modules, so these products are whole dots.
        const int x = origin.x() + qRound(r.x() * moduleDots);
        const int w = qRound(r.width() * moduleDots);
        const int y = origin.y() + qRound(r.y() * yScale);
        const int h = qRound((r.y() + r.height()) * yScale) - qRound(r.y() * yScale);
        painter.fillRect(QRect(x, y, w, h), Qt::black);
    }
}

} // namespace Etabli::Labels
