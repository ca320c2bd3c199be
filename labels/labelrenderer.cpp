// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/labelrenderer.h"

#include "labels/pictogram.h"

#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>

#include <cmath>

namespace Etabli::Labels {

namespace {

const QString monoFamily = QStringLiteral("DejaVu Sans Mono");
const QString sansFamily = QStringLiteral("DejaVu Sans");

/// The whole dots inside a rectangle given in millimetres.
QRect dotsRect(const QRectF &mm, QPointF originMm, int dpi)
{
    const int left = int(std::ceil(mmToDots(originMm.x() + mm.left(), dpi) - 1e-6));
    const int top = int(std::ceil(mmToDots(originMm.y() + mm.top(), dpi) - 1e-6));
    const int right = int(std::floor(mmToDots(originMm.x() + mm.right(), dpi) + 1e-6));
    const int bottom = int(std::floor(mmToDots(originMm.y() + mm.bottom(), dpi) + 1e-6));
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

QFont labelFont(const QString &family, bool bold, double pixelSize)
{
    QFont font(family);
    font.setBold(bold);
    font.setPixelSize(std::max(1, int(pixelSize)));
    font.setStyleStrategy(QFont::StyleStrategy(QFont::NoAntialias | QFont::NoSubpixelAntialias));
    font.setHintingPreference(QFont::PreferFullHinting);
    return font;
}

/// Draws `text` as big as fits in `box` (left-aligned, vertically centred).
PlacedText drawFittedText(QPainter &painter, const QString &text, const QRect &box, bool bold, bool monospace)
{
    const QString family = monospace ? monoFamily : sansFamily;
    double size = box.height();
    QFont font = labelFont(family, bold, size);
    for (;;) {
        const QFontMetricsF fm(font);
        if ((fm.height() <= box.height() + 0.5 && fm.horizontalAdvance(text) <= box.width()) || size <= 8)
            break;
        size = std::max(8.0, std::floor(size * 0.93));
        font = labelFont(family, bold, size);
    }
    const QFontMetricsF fm(font);
    const QString shown
        = fm.horizontalAdvance(text) <= box.width() ? text : fm.elidedText(text, Qt::ElideRight, box.width());
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, shown);
    return PlacedText{shown, QRectF(box), family, bold, double(font.pixelSize())};
}

QString textFor(const TemplateField &f, const LabelData &d)
{
    QString value;
    switch (f.source) {
    case FieldSource::Tag:
        value = d.tag;
        break;
    case FieldSource::Spec:
        value = d.spec;
        break;
    case FieldSource::Master:
        value = d.master;
        break;
    case FieldSource::Kind:
        value = d.kind;
        break;
    case FieldSource::KitReference:
        value = d.kitReference;
        break;
    case FieldSource::Literal:
        return f.text;
    case FieldSource::KitItems:
        break;
    }
    return value.isEmpty() ? QString() : f.text + value;
}

/// Converts the greyscale drawing to 1 bit: index 1 = black.
QImage toMono(const QImage &gray)
{
    QImage mono(gray.size(), QImage::Format_Mono);
    mono.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    mono.fill(0);
    for (int y = 0; y < gray.height(); ++y) {
        const uchar *in = gray.constScanLine(y);
        uchar *out = mono.scanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            if (in[x] < 128)
                out[x >> 3] |= uchar(0x80 >> (x & 7));
    }
    mono.setDotsPerMeterX(gray.dotsPerMeterX());
    mono.setDotsPerMeterY(gray.dotsPerMeterY());
    return mono;
}

struct Renderer {
    const LabelTemplate &templ;
    int dpi;
    QPainter &painter;
    RenderedLabel &out;

    Result<void> drawSymbol(const TemplateField &f, const QString &data, const QRect &box, int labelIndex)
    {
        const Symbology symbology = f.type == FieldType::Code128 ? Symbology::Code128
            : f.type == FieldType::QrCode                        ? Symbology::QrCode
                                                                 : Symbology::DataMatrix;
        auto symbol = encodeBarcode(symbology, data);
        if (!symbol)
            return symbol.error();
        const int minDots = std::max(f.minModuleDots, minimumModuleDots(symbology));
        int moduleDots = box.width() / symbol->modules.width();
        if (symbol->is2D())
            moduleDots = std::min(moduleDots, box.height() / symbol->modules.height());
        if (moduleDots < minDots) {
            const double neededMm = symbol->modules.width() * minDots * 25.4 / dpi;
            return makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate(
                    "Labels", "template %1: the %2 field is too small for «%3» at %4 dpi (needs %5 mm, has %6 mm)")
                    .arg(templ.name, toString(symbology), data)
                    .arg(dpi)
                    .arg(neededMm, 0, 'f', 1)
                    .arg(f.rectMm.width(), 0, 'f', 1),
                QStringLiteral("field_too_small"));
        }
        const int width = symbol->modules.width() * moduleDots;
        const int height = symbol->is2D() ? symbol->modules.height() * moduleDots : box.height();
        // 2D codes sit in the top-left corner, Code 128 is centred across its field.
        const QPoint origin
            = symbol->is2D() ? box.topLeft() : QPoint(box.left() + (box.width() - width) / 2, box.top());
        drawBarcode(painter, *symbol, origin, moduleDots, height);
        out.symbols.append(PlacedSymbol{*symbol, QRect(origin, QSize(width, height)), moduleDots, labelIndex});
        return {};
    }

    void drawKitItems(const QList<KitItem> &items, const QRect &box)
    {
        if (items.isEmpty())
            return;
        const int maxLine = int(mmToDots(6.0, dpi));
        const int lines = std::max(1, std::min<int>(items.size(), box.height() / std::max(1, maxLine / 2)));
        const int lineHeight = std::min(maxLine, box.height() / std::max<int>(lines, 1));
        const int shown = items.size() <= lines ? int(items.size()) : lines - 1;
        for (int i = 0; i < shown; ++i) {
            const QRect line(box.left(), box.top() + i * lineHeight, box.width(), lineHeight);
            const int gap = std::max(1, lineHeight / 10);
            drawPictogram(painter, items[i].kind,
                          QRectF(line.left(), line.top() + gap, lineHeight - 2 * gap, lineHeight - 2 * gap));
            out.texts.append(
                drawFittedText(painter, items[i].tag, line.adjusted(lineHeight + gap, gap, 0, -gap), true, true));
        }
        if (shown < items.size()) {
            const QRect line(box.left(), box.top() + shown * lineHeight, box.width(), lineHeight);
            out.texts.append(
                drawFittedText(painter, QCoreApplication::translate("Labels", "+ %1 more").arg(items.size() - shown),
                               line.adjusted(lineHeight, 0, 0, 0), false, false));
        }
    }

    Result<void> drawLabel(const LabelData &d, QPointF originMm, int labelIndex)
    {
        for (const TemplateField &f : templ.fields) {
            const QRect box = dotsRect(f.rectMm, originMm, dpi);
            switch (f.type) {
            case FieldType::Code128:
            case FieldType::DataMatrix:
            case FieldType::QrCode: {
                const QString data = textFor(f, d);
                if (data.isEmpty()) {
                    if (f.source == FieldSource::KitReference)
                        continue; // a kit label of a PC not (yet) in a kit
                    return makeError(ErrorCode::InvalidArgument,
                                     QCoreApplication::translate("Labels", "a label needs an asset tag"),
                                     QStringLiteral("no_tag"));
                }
                if (auto r = drawSymbol(f, data, box, labelIndex); !r)
                    return r;
                break;
            }
            case FieldType::Text: {
                const QString text = textFor(f, d);
                if (!text.isEmpty())
                    out.texts.append(drawFittedText(painter, text, box, f.bold, f.monospace));
                break;
            }
            case FieldType::Pictogram:
                drawPictogram(painter, d.kind, QRectF(box));
                break;
            case FieldType::List:
                drawKitItems(d.kitItems, box);
                break;
            }
        }
        return {};
    }
};

} // namespace

Result<RenderedLabel> renderLabels(const LabelTemplate &templ, const QList<LabelData> &labels, int dpi)
{
    if (dpi == 0)
        dpi = templ.dpi;
    if (dpi < 100 || dpi > 1200)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "the resolution must be between 100 and 1200 dpi"),
                         QStringLiteral("bad_dpi"));
    if (labels.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Labels", "no label to render"),
                         QStringLiteral("no_label"));
    if (labels.size() > templ.capacity())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "template %1 holds %2 label(s) per page, not %3")
                             .arg(templ.name)
                             .arg(templ.capacity())
                             .arg(labels.size()),
                         QStringLiteral("too_many_labels"));

    RenderedLabel out;
    out.templateName = templ.name;
    out.dpi = dpi;
    out.pageMm = templ.pageMm();
    const QSize pixels(qRound(mmToDots(out.pageMm.width(), dpi)), qRound(mmToDots(out.pageMm.height(), dpi)));
    // A template is user data: refuse pages no printer takes rather than allocate them.
    if (qint64(pixels.width()) * pixels.height() > 64 * 1000 * 1000)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Labels", "a %1×%2 mm page at %3 dpi is too large to render")
                             .arg(out.pageMm.width())
                             .arg(out.pageMm.height())
                             .arg(dpi),
                         QStringLiteral("page_too_large"));
    QImage gray(pixels, QImage::Format_Grayscale8);
    gray.fill(255);
    const int dotsPerMeter = qRound(dpi / 0.0254);
    gray.setDotsPerMeterX(dotsPerMeter);
    gray.setDotsPerMeterY(dotsPerMeter);
    {
        QPainter painter(&gray);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setRenderHint(QPainter::TextAntialiasing, false);
        Renderer renderer{templ, dpi, painter, out};
        for (int i = 0; i < labels.size(); ++i) {
            QPointF origin;
            if (templ.sheet)
                origin = templ.sheet->originMm
                    + QPointF((i % templ.sheet->columns) * templ.sheet->pitchMm.width(),
                              (i / templ.sheet->columns) * templ.sheet->pitchMm.height());
            if (auto r = renderer.drawLabel(labels[i], origin, i); !r)
                return r.error();
            out.tags.append(labels[i].tag);
        }
    }
    out.image = toMono(gray);
    return out;
}

} // namespace Etabli::Labels
