// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/bilanpdf.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QJsonArray>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace Etabli::Labels {

namespace {

constexpr int kDpi = 300;
constexpr double kMarginMm = 18;

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Labels::BilanPdf", text);
}

double mm(double v)
{
    return v * kDpi / 25.4;
}

QString number(const QJsonValue &v)
{
    const double x = v.toDouble();
    return x == double(qint64(x)) ? QLocale().toString(qint64(x)) : QLocale().toString(x, 'f', 1);
}

class Sheet
{
public:
    Sheet(QPdfWriter &pdf, QPainter &p, const QRectF &area)
        : m_pdf(pdf)
        , m_p(p)
        , m_area(area)
        , m_y(area.top())
    {}
    void title(const QString &text, double reserveRight)
    {
        m_p.setFont(QFont(QStringLiteral("DejaVu Sans"), 16, QFont::Bold));
        const QRectF r(m_area.left(), m_y, m_area.width() - reserveRight, mm(20));
        const QRectF b = m_p.boundingRect(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        m_p.drawText(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        m_y += b.height() + mm(3);
    }
    void heading(const QString &text)
    {
        room(mm(14));
        m_y += mm(3);
        m_p.setFont(QFont(QStringLiteral("DejaVu Sans"), 11, QFont::Bold));
        m_p.drawText(QRectF(m_area.left(), m_y, m_area.width(), mm(6)), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += mm(7);
    }
    /// One line: label on the left, value right-aligned.
    void row(const QString &label, const QString &value, bool indent = false)
    {
        room(mm(6));
        m_p.setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
        const double left = m_area.left() + (indent ? mm(6) : 0);
        m_p.drawText(QRectF(left, m_y, m_area.width() * 0.75, mm(5)), Qt::AlignLeft | Qt::AlignVCenter, label);
        m_p.drawText(QRectF(m_area.left(), m_y, m_area.width(), mm(5)), Qt::AlignRight | Qt::AlignVCenter, value);
        m_y += mm(5.2);
    }
    void paragraph(const QString &text, int points = 8)
    {
        m_p.setFont(QFont(QStringLiteral("DejaVu Sans"), points));
        const QRectF r(m_area.left(), m_y, m_area.width(), mm(80));
        const QRectF b = m_p.boundingRect(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        room(b.height());
        m_p.drawText(QRectF(m_area.left(), m_y, m_area.width(), b.height() + mm(1)),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        m_y += b.height() + mm(2);
    }
    double y() const { return m_y; }

private:
    void room(double need)
    {
        if (m_y + need <= m_area.bottom())
            return;
        m_pdf.newPage();
        m_y = m_area.top();
    }
    QPdfWriter &m_pdf;
    QPainter &m_p;
    QRectF m_area;
    double m_y;
};

QImage logoImage(const QString &logo)
{
    if (logo.isEmpty())
        return {};
    QString data = logo;
    if (data.startsWith(QLatin1String("data:")))
        data = data.mid(data.indexOf(QLatin1Char(',')) + 1);
    QImage image;
    image.loadFromData(QByteArray::fromBase64(data.toLatin1()));
    return image;
}

QString kindName(const QString &kind)
{
    if (kind == QLatin1String("pc"))
        return tr("PCs");
    if (kind == QLatin1String("screen"))
        return tr("screens");
    if (kind == QLatin1String("keyboard"))
        return tr("keyboards");
    if (kind == QLatin1String("mouse"))
        return tr("mice");
    if (kind == QLatin1String("speakers"))
        return tr("speakers");
    return tr("parts");
}

QString partName(const QString &part)
{
    if (part == QLatin1String("screen"))
        return tr("Screens");
    if (part == QLatin1String("keyboard"))
        return tr("Keyboards");
    if (part == QLatin1String("mouse"))
        return tr("Mice");
    return part;
}

/// Where a default weight comes from, in the reader's language.
QString sourceText(const QJsonObject &k)
{
    if (k.value(QStringLiteral("default_origin")).toString() == QLatin1String("workshop"))
        return tr("workshop settings, %1, %2")
            .arg(
                k.value(QStringLiteral("default_set_by")).toString(),
                QLocale().toString(QDate::fromString(k.value(QStringLiteral("default_set_on")).toString(), Qt::ISODate),
                                   QLocale::ShortFormat));
    return tr("built-in estimate (Établi)");
}

} // namespace

Result<void> writeBilanPdf(const QString &path, const QJsonObject &b, const QString &logo)
{
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Établi"));
    pdf.setTitle(tr("Workshop report"));
    pdf.setResolution(kDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter p;
    if (!p.begin(&pdf))
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    const QRectF area(mm(kMarginMm), mm(kMarginMm), mm(210 - 2 * kMarginMm), mm(297 - 2 * kMarginMm));
    Sheet s(pdf, p, area);
    const QImage image = logoImage(logo);
    double reserve = 0;
    if (!image.isNull()) {
        const QSizeF box(mm(35), mm(25));
        const QSizeF size = QSizeF(image.size()).scaled(box, Qt::KeepAspectRatio);
        p.drawImage(QRectF(QPointF(area.right() - size.width(), area.top()), size), image);
        reserve = box.width() + mm(4);
    }
    const QString city = b.value(QStringLiteral("city_name")).toString();
    const QJsonObject period = b.value(QStringLiteral("period")).toObject();
    const QLocale locale;
    const auto date = [&locale](const QString &iso) {
        return locale.toString(QDate::fromString(iso, Qt::ISODate), QLocale::LongFormat);
    };
    s.title(city.isEmpty() ? tr("Computer re-use workshop: report")
                           : tr("%1: computer re-use workshop report").arg(city),
            reserve);
    s.paragraph(tr("Period: from %1 to %2")
                    .arg(date(period.value(QStringLiteral("from")).toString()),
                         date(period.value(QStringLiteral("to")).toString())),
                10);

    s.heading(tr("PCs received"));
    s.row(tr("PCs received"), number(b.value(QStringLiteral("pcs_received"))));
    const QJsonObject donors = b.value(QStringLiteral("pcs_received_by_donor")).toObject();
    for (auto it = donors.begin(); it != donors.end(); ++it)
        s.row(tr("Donor %1").arg(it.key()), number(it.value()), true);
    const QJsonObject lots = b.value(QStringLiteral("pcs_received_by_lot")).toObject();
    for (auto it = lots.begin(); it != lots.end(); ++it)
        s.row(tr("Lot %1").arg(it.key()), number(it.value()), true);

    s.heading(tr("PCs refurbished"));
    s.row(tr("PCs refurbished (ready to lend)"), number(b.value(QStringLiteral("pcs_refurbished"))));

    s.heading(tr("Broken equipment (HS)"));
    const QJsonObject hs = b.value(QStringLiteral("hs")).toObject();
    for (const char *part : {"screen", "keyboard", "mouse"})
        s.row(partName(QLatin1String(part)), number(hs.value(QLatin1String(part))));
    for (auto it = hs.begin(); it != hs.end(); ++it)
        if (it.key() != QLatin1String("screen") && it.key() != QLatin1String("keyboard")
            && it.key() != QLatin1String("mouse"))
            s.row(partName(it.key()), number(it.value()));

    s.heading(tr("Kits handed over"));
    const QJsonObject handed = b.value(QStringLiteral("handed_over")).toObject();
    const QJsonObject offers = b.value(QStringLiteral("families_by_offer")).toObject();
    s.row(tr("To families"), number(handed.value(QStringLiteral("families"))));
    s.row(tr("PC only"), number(offers.value(QStringLiteral("pc_only"))), true);
    s.row(tr("With software"), number(offers.value(QStringLiteral("software"))), true);
    s.row(tr("With internet"), number(offers.value(QStringLiteral("internet"))), true);
    s.row(tr("To teachers"), number(handed.value(QStringLiteral("teachers"))));
    s.row(tr("To local associations"), number(handed.value(QStringLiteral("associations"))));
    s.row(tr("Returns under warranty"), number(b.value(QStringLiteral("returns"))));

    s.heading(tr("Internet grant and training"));
    s.row(tr("Grants requested"), number(b.value(QStringLiteral("grants_requested"))));
    s.row(tr("Grants paid"), number(b.value(QStringLiteral("grants_paid"))));
    s.row(tr("Families enrolled in the parents' training"), number(b.value(QStringLiteral("training_enrolled"))));
    s.row(tr("Families who attended all 6 sessions"), number(b.value(QStringLiteral("training_completed"))));

    s.heading(tr("Re-use impact"));
    s.row(tr("Equipment kept out of waste (kg)"), number(b.value(QStringLiteral("reuse_kg"))));
    const QJsonObject detail = b.value(QStringLiteral("reuse_detail")).toObject();
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QJsonObject k = it.value().toObject();
        s.row(tr("%1: %2 handed over, %3 kg")
                  .arg(kindName(it.key()), number(k.value(QStringLiteral("assets"))),
                       number(k.value(QStringLiteral("kg")))),
              QString(), true);
        if (k.value(QStringLiteral("defaulted")).toInt() > 0)
            s.paragraph(tr("    %1 weighed at intake (%2 kg); %3 without a weight counted at %4 kg each (default"
                           " value, source: %5).")
                            .arg(number(k.value(QStringLiteral("weighed"))),
                                 number(k.value(QStringLiteral("weighed_kg"))),
                                 number(k.value(QStringLiteral("defaulted"))),
                                 number(k.value(QStringLiteral("default_kg"))), sourceText(k)));
    }
    s.paragraph(tr("Every figure is counted from the workshop's event log (Établi)."), 7);
    if (!p.end() || QFileInfo(path).size() == 0)
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    return {};
}

} // namespace Etabli::Labels
