// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Decode-back: every symbol of every template, at 203 and 300 dpi, cropped to its area,
// is read back to the exact tag by the reference decoders (zbarimg for Code 128 and
// QR, dmtxread for Data Matrix), clean and after simulated print defects.
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labeltestutil.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli::Labels;

namespace {

enum class Defect { None, Blur, DotGain, Speckle, Rotation };

/// The print as a scanner sees it, simulated at 4 sub-pixels per printer dot.
QImage simulatePrint(const QImage &gray, Defect defect, quint32 seed)
{
    constexpr int k = 4;
    QImage img = gray.scaled(gray.size() * k, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    const int w = img.width(), h = img.height();
    auto at = [&](const QImage &src, int x, int y) {
        return int(src.constScanLine(std::clamp(y, 0, h - 1))[std::clamp(x, 0, w - 1)]);
    };
    switch (defect) {
    case Defect::None:
        break;
    case Defect::Blur: { // a worn head / out-of-focus scan: 5x5 box blur = ±0.6 dot
        QImage out(img.size(), QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                int sum = 0;
                for (int dy = -2; dy <= 2; ++dy)
                    for (int dx = -2; dx <= 2; ++dx)
                        sum += at(img, x + dx, y + dy);
                out.scanLine(y)[x] = uchar(sum / 25);
            }
        img = out;
        break;
    }
    case Defect::DotGain: { // ink/heat spread: black grows by a quarter dot on every side
        QImage out(img.size(), QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) {
                int v = 255;
                for (int dy = -1; dy <= 1; ++dy)
                    for (int dx = -1; dx <= 1; ++dx)
                        v = std::min(v, at(img, x + dx, y + dy));
                out.scanLine(y)[x] = uchar(v);
            }
        img = out;
        break;
    }
    case Defect::Speckle: { // dust and missing dots: 0.5 % of the dots flipped
        QRandomGenerator rng(seed);
        const int flips = int(gray.width() * gray.height() * 0.005);
        QPainter p(&img);
        for (int i = 0; i < flips; ++i) {
            const int x = int(rng.bounded(gray.width())), y = int(rng.bounded(gray.height()));
            const bool black = gray.constScanLine(y)[x] < 128;
            p.fillRect(QRect(x * k, y * k, k, k), black ? Qt::white : Qt::black);
        }
        break;
    }
    case Defect::Rotation: { // a label stuck askew: 4 degrees
        QImage rotated = img.transformed(QTransform().rotate(4.0), Qt::SmoothTransformation);
        QImage out(rotated.size(), QImage::Format_Grayscale8);
        out.fill(255);
        QPainter p(&out);
        p.drawImage(0, 0, rotated.convertToFormat(QImage::Format_ARGB32));
        p.end();
        img = out;
        break;
    }
    }
    return img;
}

} // namespace

class TestLabelDecode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("zbarimg")).isEmpty(),
                 "zbarimg missing: install zbar-tools (packaging/setup-debian.sh)");
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("dmtxread")).isEmpty(),
                 "dmtxread missing: install dmtx-utils (packaging/setup-debian.sh)");
        QVERIFY(m_dir.isValid());
    }

    void decodeBack_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<int>("defect");
        const QList<QPair<const char *, Defect>> defects{{"clean", Defect::None},
                                                         {"blur", Defect::Blur},
                                                         {"dot-gain", Defect::DotGain},
                                                         {"speckle", Defect::Speckle},
                                                         {"rotated-4deg", Defect::Rotation}};
        for (const LabelTemplate &t : builtinTemplates())
            for (int dpi : {203, 300})
                for (const auto &[name, defect] : defects)
                    QTest::addRow("%s@%d %s", qPrintable(t.name), dpi, name) << t.name << dpi << int(defect);
    }
    void decodeBack()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        QFETCH(int, defect);
        const LabelTemplate t = *findTemplate(templateName);
        // A sheet gets distinct tags in its first and last cells; both are decoded.
        QList<LabelData> labels{LabelTest::sampleLabel()};
        while (labels.size() < t.capacity())
            labels.append(
                LabelTest::sampleLabel(QStringLiteral("ETB-%1-K").arg(labels.size() + 1, 6, 10, QLatin1Char('0'))));
        auto r = renderLabels(t, labels, dpi);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        if (qEnvironmentVariableIsSet("ETABLI_LABELS_DUMP") && defect == int(Defect::None))
            r->image.save(
                QStringLiteral("%1/%2-%3.png").arg(qEnvironmentVariable("ETABLI_LABELS_DUMP"), t.name).arg(dpi));

        int checked = 0;
        for (const PlacedSymbol &s : r->symbols) {
            if (s.label != 0 && s.label != labels.size() - 1)
                continue;
            const QString expected = labels[s.label].tag;
            // The crop keeps a little of what surrounds the symbol, as a scanner would see.
            const int margin = 2 * s.moduleDots;
            const QImage crop = cropGray(r->image, s.rect, margin);
            const QImage printed = simulatePrint(crop, Defect(defect), quint32(qHash(expected) + dpi));
            const QString file = m_dir.filePath(QStringLiteral("%1-%2-%3-%4-%5.png")
                                                    .arg(t.name)
                                                    .arg(dpi)
                                                    .arg(defect)
                                                    .arg(s.label)
                                                    .arg(toString(s.symbol.symbology)));
            QVERIFY(printed.save(file));
            if (s.symbol.symbology == Symbology::DataMatrix) {
                const QString got = LabelTest::dmtxDecode(file);
                QVERIFY2(got == expected, qPrintable(QStringLiteral("dmtxread read «%1» in %2").arg(got, file)));
            } else {
                const QStringList got = LabelTest::zbarDecode(file);
                QVERIFY2(got == QStringList{expected},
                         qPrintable(QStringLiteral("zbarimg read «%1» in %2").arg(got.join(u'|'), file)));
            }
            ++checked;
        }
        QCOMPARE(checked, t.capacity() > 1 ? 4 : 2);
    }

private:
    using LabelTestCrop = QImage;
    static QImage cropGray(const QImage &mono, const QRect &rect, int margin)
    {
        return LabelTest::cropGray(mono, rect, margin);
    }
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestLabelDecode)
#include "tst_labeldecode.moc"
