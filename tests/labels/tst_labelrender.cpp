// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Rendering: page size in dots, whole printer dots per module (checked against
// libzint's vector output and measured back on the image), quiet zones, square 2D codes.
#include "labels/barcode.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/pictogram.h"
#include "labeltestutil.h"

#include <QPainter>
#include <QTest>

#include <cmath>

using namespace Etabli;
using namespace Etabli::Labels;

class TestLabelRender : public QObject
{
    Q_OBJECT

private:
    static void addTemplateRows()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<int>("dpi");
        for (const LabelTemplate &t : Labels::builtinTemplates())
            for (int dpi : {203, 300})
                QTest::addRow("%s@%d", qPrintable(t.name), dpi) << t.name << dpi;
    }

    static QList<LabelData> labelsFor(const LabelTemplate &t)
    {
        QList<LabelData> list{LabelTest::sampleLabel()};
        if (t.capacity() > 1) // a sheet: fill its last cell too
            while (list.size() < t.capacity())
                list.append(
                    LabelTest::sampleLabel(QStringLiteral("BCL-%1-X").arg(list.size(), 6, 10, QLatin1Char('0'))));
        return list;
    }

    /// Widths of the runs of equal pixels along row `y` between x0 and x1.
    static QList<QPair<bool, int>> runs(const QImage &img, int y, int x0, int x1)
    {
        QList<QPair<bool, int>> out;
        for (int x = x0; x < x1; ++x) {
            const bool black = img.pixelIndex(x, y) == 1;
            if (out.isEmpty() || out.last().first != black)
                out.append({black, 0});
            ++out.last().second;
        }
        return out;
    }

private Q_SLOTS:
    void builtinTemplates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<double>("widthMm");
        QTest::addColumn<double>("heightMm");
        QTest::addColumn<int>("perPage");
        QTest::newRow("brother 62x29") << QStringLiteral("brother-62x29") << 62.0 << 29.0 << 1;
        QTest::newRow("thermal 2x1 inch") << QStringLiteral("thermal-2x1") << 50.8 << 25.4 << 1;
        QTest::newRow("kit label") << QStringLiteral("kit-62") << 62.0 << 76.2 << 1;
        QTest::newRow("A4 sheet") << QStringLiteral("a4-70x37") << 70.0 << 37.0 << 24;
    }
    void builtinTemplates()
    {
        QFETCH(QString, name);
        QFETCH(double, widthMm);
        QFETCH(double, heightMm);
        QFETCH(int, perPage);
        auto t = findTemplate(name);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QCOMPARE(t->sizeMm, QSizeF(widthMm, heightMm));
        QCOMPARE(t->capacity(), perPage);
        // PDF pages are whole points (Qt): the page must stay within 0.1 mm of the label.
        for (double mm : {t->pageMm().width(), t->pageMm().height()})
            QVERIFY2(std::abs(std::round(mm * 72 / 25.4) * 25.4 / 72 - mm) <= 0.1, qPrintable(QString::number(mm)));
    }

    void pageInDots_data() { addTemplateRows(); }
    void pageInDots()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const LabelTemplate t = *findTemplate(templateName);
        auto r = renderLabels(t, labelsFor(t), dpi);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->image.format(), QImage::Format_Mono);
        QCOMPARE(qGray(r->image.color(1)), 0);
        QVERIFY(std::abs(r->image.width() - t.pageMm().width() * dpi / 25.4) <= 0.5);
        QVERIFY(std::abs(r->image.height() - t.pageMm().height() * dpi / 25.4) <= 0.5);
        QCOMPARE(qRound(r->image.dotsPerMeterX() * 0.0254), dpi);
        // Every symbol of every label was placed: two per asset label.
        QCOMPARE(r->symbols.size(), 2 * t.capacity());
        QCOMPARE(r->tags.size(), t.capacity());
    }

    /// Module width in dots from libzint's vector output, then measured on the dots.
    void moduleWidthInDots_data() { addTemplateRows(); }
    void moduleWidthInDots()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const LabelTemplate t = *findTemplate(templateName);
        auto r = renderLabels(t, labelsFor(t), dpi);
        QVERIFY(r.ok());
        for (const PlacedSymbol &s : r->symbols) {
            const QString what = toString(s.symbol.symbology) + QStringLiteral(" of label %1").arg(s.label);
            QVERIFY2(s.moduleDots >= minimumModuleDots(s.symbol.symbology), qPrintable(what));
            // libzint's rectangles are whole modules: their edges land on whole dots.
            for (const QRectF &bar : s.symbol.bars) {
                const double left = bar.x() * s.moduleDots, width = bar.width() * s.moduleDots;
                QVERIFY2(std::abs(left - std::round(left)) < 1e-4 && std::abs(width - std::round(width)) < 1e-4,
                         qPrintable(what));
            }
            QCOMPARE(s.symbol.narrowestBar() * s.moduleDots, double(s.moduleDots));
            QVERIFY2(r->image.rect().contains(s.rect), qPrintable(what));
            if (s.symbol.is2D()) {
                QCOMPARE(s.rect.width(), s.rect.height());
                QCOMPARE(s.symbol.modules.width(), s.symbol.modules.height());
            }
            // On the image: every run along the middle row is a whole number of modules,
            // and the narrowest one is exactly one module.
            const int quiet = (s.symbol.modules.width() - s.symbol.symbolModules.width()) / 2;
            const int x0 = s.rect.left() + quiet * s.moduleDots;
            const int x1 = s.rect.right() + 1 - quiet * s.moduleDots;
            // 2D codes: the centre row of every module row; Code 128: its middle row.
            QList<int> rows{s.rect.center().y()};
            if (s.symbol.is2D()) {
                rows.clear();
                for (int m = 0; m < s.symbol.symbolModules.height(); ++m)
                    rows.append(s.rect.top() + (quiet + m) * s.moduleDots + s.moduleDots / 2);
            }
            int narrowest = INT_MAX, count = 0;
            for (int y : rows) {
                for (const auto &run : runs(r->image, y, x0, x1)) {
                    QVERIFY2(
                        run.second % s.moduleDots == 0,
                        qPrintable(what
                                   + QStringLiteral(": run of %1 dots, module %2").arg(run.second).arg(s.moduleDots)));
                    narrowest = std::min(narrowest, run.second);
                    ++count;
                }
            }
            QVERIFY(count > 10);
            QCOMPARE(narrowest, s.moduleDots);
            // Quiet zones: nothing dark around the symbol.
            for (const QRect &zone : {QRect(s.rect.left(), s.rect.top(), quiet * s.moduleDots, s.rect.height()),
                                      QRect(x1, s.rect.top(), quiet * s.moduleDots, s.rect.height())})
                for (int yy = zone.top(); yy <= zone.bottom(); ++yy)
                    for (int xx = zone.left(); xx <= zone.right(); ++xx)
                        QVERIFY2(r->image.pixelIndex(xx, yy) == 0, qPrintable(what + QStringLiteral(": quiet zone")));
        }
    }

    void codeQuietZones_data()
    {
        QTest::addColumn<int>("symbology");
        QTest::addColumn<int>("quietModules");
        QTest::newRow("code 128: 10 X") << int(Symbology::Code128) << 10;
        QTest::newRow("data matrix: 1 X") << int(Symbology::DataMatrix) << 1;
        QTest::newRow("qr: 4 X") << int(Symbology::QrCode) << 4;
    }
    void codeQuietZones()
    {
        QFETCH(int, symbology);
        QFETCH(int, quietModules);
        auto s = encodeBarcode(Symbology(symbology), QStringLiteral("BCL-000123-Q"));
        QVERIFY(s.ok());
        QCOMPARE(s->modules.width() - s->symbolModules.width(), 2 * quietModules);
        double minX = 1e9;
        for (const QRectF &b : s->bars)
            minX = std::min(minX, b.x());
        QCOMPARE(minX, double(quietModules));
    }

    void fieldTooSmall_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("dpi");
        QTest::newRow("code128 in 20 mm at 203 dpi")
            << QByteArray(R"({"name":"tiny","size_mm":[30,20],"fields":[{"type":"code128","rect_mm":[1,1,28,10]}]})")
            << 203;
        QTest::newRow("datamatrix in 3 mm at 300 dpi")
            << QByteArray(R"({"name":"tiny","size_mm":[30,20],"fields":[{"type":"datamatrix","rect_mm":[1,1,3,3]}]})")
            << 300;
    }
    void fieldTooSmall()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, dpi);
        auto t = LabelTemplate::fromJson(json, QStringLiteral("test"));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        auto r = renderLabels(*t, {LabelTest::sampleLabel()}, dpi);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("field_too_small"));
        QVERIFY(r.error().message.contains(QStringLiteral("too small")));
    }

    void badTemplates_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("JSON");
        QTest::newRow("no name") << QByteArray(R"({"size_mm":[30,20],"fields":[{"type":"text","rect_mm":[1,1,5,5]}]})")
                                 << QStringLiteral("name");
        QTest::newRow("size missing") << QByteArray(R"({"name":"a","fields":[{"type":"text","rect_mm":[1,1,5,5]}]})")
                                      << QStringLiteral("size_mm");
        QTest::newRow("unknown field type")
            << QByteArray(R"({"name":"a","size_mm":[30,20],"fields":[{"type":"aztec","rect_mm":[1,1,5,5]}]})")
            << QStringLiteral("aztec");
        QTest::newRow("field off the label")
            << QByteArray(R"({"name":"a","size_mm":[30,20],"fields":[{"type":"text","rect_mm":[25,1,10,5]}]})")
            << QStringLiteral("outside");
        QTest::newRow("field in the margin") << QByteArray(
            R"({"name":"a","size_mm":[30,20],"margins_mm":[2,2],"fields":[{"type":"text","rect_mm":[1,1,10,5]}]})")
                                             << QStringLiteral("outside");
        QTest::newRow("barcode of the spec line") << QByteArray(
            R"({"name":"a","size_mm":[30,20],"fields":[{"type":"qr","data":"spec","rect_mm":[1,1,10,10]}]})")
                                                  << QStringLiteral("barcodes");
        QTest::newRow("sheet larger than its page")
            << QByteArray(R"({"name":"a","size_mm":[70,37],"fields":[{"type":"text","rect_mm":[1,1,10,5]}],)"
                          R"("sheet":{"page_mm":[210,297],"origin_mm":[0,0],"pitch_mm":[70,37],"columns":4,"rows":8}})")
            << QStringLiteral("fit");
        QTest::newRow("sheet page of a poster")
            << QByteArray(R"({"name":"a","size_mm":[70,37],"fields":[{"type":"text","rect_mm":[1,1,10,5]}],)"
                          R"("sheet":{"page_mm":[900,900],"origin_mm":[0,0],"pitch_mm":[70,37],"columns":1,"rows":1}})")
            << QStringLiteral("500 mm");
    }
    void badTemplates()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        auto t = LabelTemplate::fromJson(json, QStringLiteral("user.json"));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(t.error().message.contains(mentions), qPrintable(t.error().message));
        QVERIFY(t.error().message.contains(QStringLiteral("user.json")));
    }

    void unknownTemplate()
    {
        auto t = findTemplate(QStringLiteral("dymo-99012"));
        QVERIFY(!t.ok());
        QCOMPARE(t.error().code, ErrorCode::NotFound);
        QVERIFY(t.error().message.contains(QStringLiteral("brother-62x29")));
    }

    void pageTooLarge()
    {
        auto t = LabelTemplate::fromJson(
            R"({"name":"poster","size_mm":[300,300],"fields":[{"type":"code128","rect_mm":[10,10,200,50]}]})",
            QStringLiteral("poster.json"));
        QVERIFY(t.ok());
        auto r = renderLabels(*t, {LabelTest::sampleLabel()}, 1200);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("page_too_large"));
        QVERIFY(renderLabels(*t, {LabelTest::sampleLabel()}, 300).ok());
    }

    void tooManyLabels()
    {
        const LabelTemplate t = *findTemplate(QStringLiteral("brother-62x29"));
        auto r = renderLabels(t, {LabelTest::sampleLabel(), LabelTest::sampleLabel()});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("too_many_labels"));
    }

    /// Each kind gets its own drawing, inked enough to be seen at 6 mm / 203 dpi.
    void pictograms()
    {
        QList<QImage> seen;
        for (const QString &kind : pictogramKinds()) {
            QImage img(48, 48, QImage::Format_Grayscale8);
            img.fill(255);
            QPainter p(&img);
            drawPictogram(p, kind, QRectF(0, 0, 48, 48));
            p.end();
            int ink = 0;
            for (int y = 0; y < img.height(); ++y)
                for (int x = 0; x < img.width(); ++x)
                    ink += qGray(img.pixel(x, y)) < 128;
            QVERIFY2(ink > 48 * 48 / 10 && ink < 48 * 48 * 8 / 10, qPrintable(kind));
            QVERIFY2(!seen.contains(img), qPrintable(kind + QStringLiteral(" looks like another kind")));
            seen.append(img);
        }
    }
};

QTEST_MAIN(TestLabelRender)
#include "tst_labelrender.moc"
