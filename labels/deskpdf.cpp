// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/deskpdf.h"

#include "labels/barcode.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>

namespace Etabli::Labels::DeskPdf {

namespace {

constexpr int kDpi = 300;
constexpr double kMarginMm = 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Labels::DeskPdf", text);
}

double mm(double v)
{
    return v * kDpi / 25.4;
}

QString longDate(const QDate &d)
{
    return QLocale().toString(d, QLocale::LongFormat);
}

/// A4 at 300 dpi, a text cursor going down the page.
class Sheet
{
public:
    explicit Sheet(const QString &path, const QString &title)
        : m_pdf(path)
    {
        m_pdf.setCreator(QStringLiteral("Établi"));
        m_pdf.setTitle(title);
        m_pdf.setResolution(kDpi);
        m_pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        m_ok = m_p.begin(&m_pdf);
        m_area = QRectF(mm(kMarginMm), mm(kMarginMm), mm(210 - 2 * kMarginMm), mm(297 - 2 * kMarginMm));
        m_y = m_area.top();
    }
    bool ok() const { return m_ok; }
    QPainter &painter() { return m_p; }
    const QRectF &area() const { return m_area; }
    double y() const { return m_y; }
    void skip(double millimetres) { m_y += mm(millimetres); }
    void newPage()
    {
        m_pdf.newPage();
        m_y = m_area.top();
    }
    void text(const QString &s, int points = 12, bool bold = false)
    {
        QFont f(QStringLiteral("DejaVu Sans"), points, bold ? QFont::Bold : QFont::Normal);
        m_p.setFont(f);
        const QRectF r(m_area.left(), m_y, m_area.width(), m_area.bottom() - m_y);
        const QRectF bound = m_p.boundingRect(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, s);
        m_p.drawText(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, s);
        m_y += bound.height() + mm(points >= 14 ? 4 : 2);
    }
    void bullet(const QString &s) { text(QStringLiteral("•  ") + s); }
    /// A Code 128 centred, then its text under it.
    void barcode(const QString &data)
    {
        if (auto symbol = encodeBarcode(Symbology::Code128, data); symbol) {
            const int moduleDots = 4;
            const int width = moduleDots * symbol->modules.width();
            const int height = int(mm(18));
            m_p.save();
            m_p.setRenderHint(QPainter::Antialiasing, false);
            drawBarcode(m_p, *symbol, QPoint(int(m_area.center().x() - width / 2.0), int(m_y)), moduleDots, height);
            m_p.restore();
            m_y += height + mm(2);
        }
        QFont f(QStringLiteral("DejaVu Sans Mono"), 14, QFont::Bold);
        m_p.setFont(f);
        m_p.drawText(QRectF(m_area.left(), m_y, m_area.width(), mm(8)), Qt::AlignHCenter | Qt::AlignTop, data);
        m_y += mm(10);
    }
    Result<void> finish(const QString &path)
    {
        if (!m_ok || !m_p.end() || QFileInfo(path).size() == 0)
            return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
        return {};
    }

private:
    QPdfWriter m_pdf;
    QPainter m_p;
    QRectF m_area;
    double m_y = 0;
    bool m_ok = false;
};

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("pc"))
        return tr("PC");
    if (kind == QLatin1String("screen"))
        return tr("screen");
    if (kind == QLatin1String("keyboard"))
        return tr("keyboard");
    if (kind == QLatin1String("mouse"))
        return tr("mouse");
    if (kind == QLatin1String("speakers"))
        return tr("speakers");
    return kind;
}

} // namespace

Result<void> writeVoucherLetters(const QString &path, const QList<VoucherLetter> &letters)
{
    Sheet s(path, tr("Vouchers"));
    if (!s.ok())
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    bool first = true;
    for (const VoucherLetter &l : letters) {
        if (!first)
            s.newPage();
        first = false;
        s.text(tr("Your child's computer"), 20, true);
        s.text(tr("Hello %1,").arg(l.parentName));
        s.text(tr("%1 (%2, class %3) receives a computer for three years.").arg(l.pupilName, l.school, l.className));
        s.skip(2);
        s.text(tr("Your appointment"), 14, true);
        const QDateTime when = QDateTime::fromString(l.appointment, Qt::ISODate);
        if (when.isValid())
            s.text(tr("On %1 at %2.").arg(longDate(when.date()), QLocale().toString(when.time(), QLocale::ShortFormat)),
                   13, true);
        if (!l.place.isEmpty())
            s.text(tr("Place: %1").arg(l.place), 13);
        s.skip(2);
        s.text(tr("What to bring"), 14, true);
        s.bullet(tr("This letter."));
        s.bullet(tr("An identity document."));
        s.bullet(tr("A bag to carry the computer, the screen and the keyboard."));
        s.skip(2);
        s.text(tr("At the desk we scan this code:"));
        s.barcode(l.voucher);
        s.text(tr("If you cannot come, call the school to get another appointment."), 11);
    }
    return s.finish(path);
}

Result<void> writeReceipt(const QString &path, const Receipt &r)
{
    Sheet s(path, tr("Handover receipt"));
    if (!s.ok())
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    s.text(tr("Loan agreement and receipt"), 18, true);
    s.text(tr("Date: %1").arg(longDate(r.date)));
    s.text(tr("Beneficiary: %1 — %2 (%3)").arg(r.beneficiary, r.pupilName, r.parentName));
    if (!r.school.isEmpty())
        s.text(tr("School: %1").arg(r.school));
    if (!r.voucher.isEmpty())
        s.text(tr("Voucher: %1").arg(r.voucher));
    s.skip(2);
    s.text(tr("Equipment lent"), 14, true);
    for (const auto &[tag, kind] : r.items)
        s.bullet(QStringLiteral("%1  —  %2").arg(tag, kindText(kind)));
    s.skip(2);
    s.text(tr("The agreement"), 14, true);
    s.text(tr("The workshop lends this equipment to the family for three years, free of charge. "
              "The family looks after it and brings it back to the desk if it breaks."),
           11);
    s.text(tr("Warranty until: %1").arg(longDate(r.warrantyEnd)), 13, true);
    s.text(tr("Ask for the 60 € internet grant before: %1").arg(longDate(r.grantDeadline)), 13, true);
    s.text(tr("Bring proof of your internet subscription to the desk."), 11);
    s.skip(4);
    if (!r.witness.isEmpty()) {
        s.text(tr("Confirmed in front of a staff member: %1").arg(r.witness), 12, true);
    } else {
        s.text(tr("Signature"), 12, true);
        // The strokes, scaled into a 70 × 30 mm box.
        QPainter &p = s.painter();
        const QRectF box(s.area().left(), s.y(), mm(70), mm(30));
        p.save();
        p.setPen(QPen(Qt::gray, mm(0.2)));
        p.drawRect(box);
        const double w = r.padWidth > 0 ? r.padWidth : 1, h = r.padHeight > 0 ? r.padHeight : 1;
        const double scale = std::min(box.width() / w, box.height() / h);
        p.setPen(QPen(Qt::black, mm(0.4), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setRenderHint(QPainter::Antialiasing, true);
        for (const QJsonValue &stroke : r.strokes) {
            QPainterPath path;
            bool firstPoint = true;
            for (const QJsonValue &pt : stroke.toArray()) {
                const QJsonArray xy = pt.toArray();
                const QPointF at(box.left() + xy.at(0).toDouble() * scale, box.top() + xy.at(1).toDouble() * scale);
                if (firstPoint)
                    path.moveTo(at);
                else
                    path.lineTo(at);
                firstPoint = false;
            }
            p.drawPath(path);
        }
        p.restore();
        s.skip(32);
    }
    s.text(tr("Record fingerprint (SHA-256): %1").arg(r.signatureSha256), 7);
    return s.finish(path);
}

Result<void> writeReturnSlip(const QString &path, const ReturnSlip &slip)
{
    Sheet s(path, tr("Return slip"));
    if (!s.ok())
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    s.text(tr("Return under warranty"), 18, true);
    s.text(tr("Date: %1").arg(longDate(slip.date)));
    s.text(tr("Equipment: %1 (%2)").arg(slip.tag, kindText(slip.kind)), 13, true);
    s.barcode(slip.tag);
    s.text(tr("Reason: %1").arg(slip.reason));
    s.text(tr("Beneficiary: %1").arg(slip.beneficiary));
    if (!slip.swapTag.isEmpty())
        s.text(tr("Replaced at once by: %1").arg(slip.swapTag), 13, true);
    s.text(tr("For the workshop: test, erase and image again before it goes out."), 11);
    return s.finish(path);
}

} // namespace Etabli::Labels::DeskPdf
