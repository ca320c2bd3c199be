// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/erasurecertificatepdf.h"

#include "labels/barcode.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
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
    return QCoreApplication::translate("Etabli::Labels::ErasureCertificatePdf", text);
}

double mm(double v)
{
    return v * kDpi / 25.4;
}

QString bytesText(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeSIFormat) + QStringLiteral(" (")
        + QLocale().toString(qint64(bytes)) + QStringLiteral(" ") + tr("bytes") + QStringLiteral(")");
}

QString yesNo(bool v)
{
    return v ? tr("yes") : tr("no");
}

QString resultText(const QString &result)
{
    return result == QLatin1String("passed") ? tr("passed") : tr("FAILED");
}

QString methodText(const QString &method)
{
    return method == QLatin1String("purge") ? tr("Purge (firmware erase, then a verified overwrite)")
                                            : tr("Clear (every sector overwritten)");
}

class Page
{
public:
    Page(QPainter &p, const QRectF &area)
        : m_p(p)
        , m_area(area)
        , m_y(area.top())
    {}
    void title(const QString &text)
    {
        QFont f(QStringLiteral("DejaVu Sans"), 17, QFont::Bold);
        m_p.setFont(f);
        const QRectF r(m_area.left(), m_y, m_area.width(), mm(12));
        m_p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text);
        m_y += mm(14);
    }
    void heading(const QString &text)
    {
        m_y += mm(2);
        QFont f(QStringLiteral("DejaVu Sans"), 11, QFont::Bold);
        m_p.setFont(f);
        m_p.drawText(QRectF(m_area.left(), m_y, m_area.width(), mm(6)), Qt::AlignLeft | Qt::AlignVCenter, text);
        m_y += mm(6.5);
    }
    void field(const QString &label, const QString &value)
    {
        QFont f(QStringLiteral("DejaVu Sans"), 9);
        m_p.setFont(f);
        const double labelWidth = mm(58);
        const QRectF valueRect(m_area.left() + labelWidth, m_y, m_area.width() - labelWidth - m_reserveRight, mm(40));
        const QRectF bound = m_p.boundingRect(valueRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere,
                                              value.isEmpty() ? QStringLiteral("—") : value);
        m_p.setPen(QColor(70, 70, 70));
        m_p.drawText(QRectF(m_area.left(), m_y, labelWidth, bound.height()), Qt::AlignLeft | Qt::AlignTop, label);
        m_p.setPen(Qt::black);
        m_p.drawText(valueRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere,
                     value.isEmpty() ? QStringLiteral("—") : value);
        m_y += std::max(bound.height(), mm(4.6)) + mm(0.8);
    }
    void paragraph(const QString &text, int points = 8)
    {
        QFont f(QStringLiteral("DejaVu Sans"), points);
        m_p.setFont(f);
        const QRectF r(m_area.left(), m_y, m_area.width(), mm(60));
        const QRectF bound = m_p.boundingRect(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        m_p.drawText(r, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        m_y += bound.height() + mm(2);
    }
    void reserveRight(double px) { m_reserveRight = px; }
    double y() const { return m_y; }
    bool full(double need) const { return m_y + need > m_area.bottom(); }

private:
    QPainter &m_p;
    QRectF m_area;
    double m_y;
    double m_reserveRight = 0;
};

void certificatePage(QPainter &p, const QRectF &area, const QJsonObject &c, const QString &checkUrl)
{
    const QString id = c.value(QStringLiteral("id")).toString();
    const QJsonObject disk = c.value(QStringLiteral("disk")).toObject();
    const QJsonObject hidden = c.value(QStringLiteral("hidden_areas")).toObject();
    const QJsonObject erasure = c.value(QStringLiteral("erasure")).toObject();
    const QJsonObject verification = c.value(QStringLiteral("verification")).toObject();
    Page page(p, area);
    page.title(tr("Data erasure certificate"));

    // QR code of the id, top right.
    const double qrSize = mm(34);
    if (auto symbol = encodeBarcode(Symbology::QrCode, id); symbol) {
        const int moduleDots = std::max(3, int(qrSize / symbol->modules.width()));
        p.save();
        p.setRenderHint(QPainter::Antialiasing, false);
        drawBarcode(p, *symbol, QPoint(int(area.right() - moduleDots * symbol->modules.width()), int(page.y())),
                    moduleDots);
        p.restore();
    }
    page.reserveRight(qrSize + mm(4));
    page.field(tr("Certificate"), id);
    page.field(tr("Issued at"), c.value(QStringLiteral("issued_at")).toString());
    page.field(tr("Workshop"), c.value(QStringLiteral("workshop")).toString());
    page.field(tr("Donor"), c.value(QStringLiteral("donor")).toString());
    page.field(tr("Lot"), c.value(QStringLiteral("lot")).toString());
    page.field(tr("Asset tag"), c.value(QStringLiteral("asset_tag")).toString());
    page.reserveRight(0);
    page.heading(tr("Disk"));
    page.field(tr("Model"), disk.value(QStringLiteral("model")).toString());
    page.field(tr("Serial number"), disk.value(QStringLiteral("serial")).toString());
    page.field(tr("Bus, media"),
               disk.value(QStringLiteral("bus")).toString() + QStringLiteral(", ")
                   + disk.value(QStringLiteral("media")).toString());
    page.field(tr("Capacity"), bytesText(disk.value(QStringLiteral("capacity_bytes")).toDouble()));
    page.field(tr("Native capacity"), bytesText(disk.value(QStringLiteral("native_capacity_bytes")).toDouble()));
    page.field(tr("Hidden areas (HPA / DCO)"),
               tr("HPA: %1, DCO: %2, removed before erasing: %3")
                   .arg(hidden.value(QStringLiteral("hpa_found")).toBool()
                            ? bytesText(hidden.value(QStringLiteral("hpa_bytes")).toDouble())
                            : tr("none"),
                        hidden.value(QStringLiteral("dco_found")).toBool()
                            ? bytesText(hidden.value(QStringLiteral("dco_bytes")).toDouble())
                            : tr("none"),
                        yesNo(hidden.value(QStringLiteral("removed")).toBool())));
    page.heading(tr("Erasure"));
    page.field(tr("Method"), methodText(erasure.value(QStringLiteral("method")).toString()));
    page.field(tr("Technique"), erasure.value(QStringLiteral("technique")).toString());
    page.field(tr("Standard"), erasure.value(QStringLiteral("standard")).toString());
    page.field(tr("Pattern, passes"),
               tr("%1, %2 pass(es)")
                   .arg(erasure.value(QStringLiteral("pattern")).toString() == QLatin1String("random")
                            ? tr("random stream (ChaCha20, seed recorded)")
                            : tr("zeros"))
                   .arg(erasure.value(QStringLiteral("passes")).toInt()));
    page.field(tr("Started, ended"),
               erasure.value(QStringLiteral("started_at")).toString() + QStringLiteral(" → ")
                   + erasure.value(QStringLiteral("ended_at")).toString());
    page.field(tr("Throughput"), tr("%1 MiB/s").arg(erasure.value(QStringLiteral("throughput_mib_s")).toInt()));
    page.heading(tr("Verification"));
    const QString mode = verification.value(QStringLiteral("mode")).toString();
    page.field(tr("Mode"),
               mode == QLatin1String("sample") ? tr("sample (seeded, every 1 GiB region, at least 1 %)")
                                               : tr("full (every sector read back)"));
    page.field(tr("Result"), resultText(verification.value(QStringLiteral("result")).toString()));
    page.field(tr("Bytes read back"), bytesText(verification.value(QStringLiteral("verified_bytes")).toDouble()));
    QStringList errors;
    for (const QJsonValue &e : verification.value(QStringLiteral("errors")).toArray())
        errors << tr("offset %1 (%2)")
                      .arg(qint64(e.toObject().value(QStringLiteral("offset")).toDouble()))
                      .arg(e.toObject().value(QStringLiteral("reason")).toString());
    page.field(tr("Errors"), errors.isEmpty() ? tr("none") : errors.join(QStringLiteral(", ")));
    page.heading(tr("People and software"));
    page.field(tr("Worker"), c.value(QStringLiteral("worker")).toString());
    page.field(tr("Checked by"),
               c.value(QStringLiteral("checker")).toString().isEmpty() ? tr("not yet checked by a second person")
                                                                       : c.value(QStringLiteral("checker")).toString());
    page.field(tr("Station"), c.value(QStringLiteral("station")).toString());
    page.field(tr("Software"),
               QStringLiteral("%1 %2").arg(
                   c.value(QStringLiteral("software")).toObject().value(QStringLiteral("name")).toString(),
                   c.value(QStringLiteral("software")).toObject().value(QStringLiteral("version")).toString()));
    page.field(tr("Station key"), c.value(QStringLiteral("station_key")).toString());
    page.field(tr("Endorsed by the workshop"), yesNo(c.contains(QStringLiteral("endorsement"))));
    page.heading(tr("How to check this certificate"));
    page.paragraph(
        (checkUrl.isEmpty() ? QString() : tr("Online: %1?id=%2").arg(checkUrl, id) + QStringLiteral("\n"))
        + tr("The signed JSON file %1.json is the certificate; this page is its printed form. Anyone can check it"
             " with «etabli certificate verify %1.json --require-endorsed --workshop-key WORKSHOP.pub»: the"
             " signature (Ed25519) covers every field.")
              .arg(id));
}

void summaryPages(QPdfWriter &pdf, QPainter &p, const QRectF &area, const QString &lot, const QList<QJsonObject> &certs,
                  bool &first)
{
    int passed = 0;
    for (const QJsonObject &c : certs)
        passed += c.value(QStringLiteral("verification")).toObject().value(QStringLiteral("result")).toString()
            == QLatin1String("passed");
    int index = 0;
    while (index < certs.size() || index == 0) {
        if (!first)
            pdf.newPage();
        first = false;
        Page page(p, area);
        page.title(tr("Data erasure: summary of lot %1").arg(lot.isEmpty() ? tr("(no lot)") : lot));
        const QJsonObject any = certs.value(0);
        page.field(tr("Donor"), any.value(QStringLiteral("donor")).toString());
        page.field(tr("Workshop"), any.value(QStringLiteral("workshop")).toString());
        page.field(tr("Disks"), tr("%1 erased, %2 verified without error").arg(certs.size()).arg(passed));
        page.heading(tr("Asset tag — disk — serial number — method — verification"));
        QFont f(QStringLiteral("DejaVu Sans"), 8);
        p.setFont(f);
        for (; index < certs.size() && !page.full(mm(6)); ++index) {
            const QJsonObject &c = certs[index];
            const QJsonObject disk = c.value(QStringLiteral("disk")).toObject();
            const QJsonObject v = c.value(QStringLiteral("verification")).toObject();
            page.field(
                c.value(QStringLiteral("asset_tag")).toString(),
                QStringLiteral("%1 — %2 — %3 — %4 %5")
                    .arg(disk.value(QStringLiteral("model")).toString(),
                         disk.value(QStringLiteral("serial")).toString(),
                         c.value(QStringLiteral("erasure")).toObject().value(QStringLiteral("method")).toString(),
                         v.value(QStringLiteral("mode")).toString(),
                         resultText(v.value(QStringLiteral("result")).toString())));
        }
        if (certs.isEmpty())
            break;
    }
}

} // namespace

Result<void> writeErasureCertificatesPdf(const QString &path, const QList<QJsonObject> &certificates,
                                         const QString &checkUrl)
{
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Établi"));
    pdf.setTitle(tr("Data erasure certificates"));
    pdf.setResolution(kDpi);
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    QPainter p;
    if (!p.begin(&pdf))
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    const QRectF area(mm(kMarginMm), mm(kMarginMm), mm(210 - 2 * kMarginMm), mm(297 - 2 * kMarginMm));
    // Lots in the order they first appear.
    QStringList lots;
    for (const QJsonObject &c : certificates)
        if (!lots.contains(c.value(QStringLiteral("lot")).toString()))
            lots << c.value(QStringLiteral("lot")).toString();
    bool first = true;
    for (const QString &lot : lots) {
        QList<QJsonObject> ofLot;
        for (const QJsonObject &c : certificates)
            if (c.value(QStringLiteral("lot")).toString() == lot)
                ofLot << c;
        summaryPages(pdf, p, area, lot, ofLot, first);
        for (const QJsonObject &c : ofLot) {
            pdf.newPage();
            certificatePage(p, area, c, checkUrl);
        }
    }
    if (!p.end() || QFileInfo(path).size() == 0)
        return makeError(ErrorCode::Io, tr("cannot write %1").arg(path));
    return {};
}

} // namespace Etabli::Labels
