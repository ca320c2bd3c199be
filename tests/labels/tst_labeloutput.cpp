// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Outputs and printers: PNG, PDF (pdfinfo/pdffonts/pdftotext/pdftoppm as oracles),
// QPrinter, ZPL and Brother QL over a fake TCP sink, Brother QL over a fake USB device,
// the golden Brother byte stream, and the errors of absent or refusing printers.
#include "labels/brotherql.h"
#include "labels/labeloutput.h"
#include "labels/labelprintjob.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/printer.h"
#include "labels/printqueue.h"
#include "labeltestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Labels;

namespace {

/// A Brother QL that answers with canned 32-byte status packets.
class FakeBrother : public BrotherQl::Device
{
public:
    QList<QByteArray> replies; ///< one per readStatus call; empty = silence
    QList<QByteArray> written;
    Result<void> write(const QByteArray &data) override
    {
        written.append(data);
        return {};
    }
    Result<QByteArray> readStatus(int) override { return replies.isEmpty() ? QByteArray() : replies.takeFirst(); }
};

QByteArray status(quint8 type, quint8 err1 = 0, quint8 err2 = 0, quint8 widthMm = 62, quint8 mediaType = 0x0B,
                  quint8 lengthMm = 29)
{
    QByteArray s(32, '\0');
    s[0] = char(0x80);
    s[1] = 0x20;
    s[2] = 'B';
    s[3] = 0x34;
    s[4] = 0x38; // QL-710W
    s[5] = 0x30;
    s[8] = char(err1);
    s[9] = char(err2);
    s[10] = char(widthMm);
    s[11] = char(mediaType);
    s[17] = char(lengthMm);
    s[18] = char(type);
    return s;
}

QImage imageFromZpl(const QByteArray &job)
{
    static const QRegularExpression gf(QStringLiteral("\\^GFA,(\\d+),(\\d+),(\\d+),([0-9A-F]+)\\^FS"));
    const auto m = gf.match(QString::fromLatin1(job));
    if (!m.hasMatch())
        return {};
    const int total = m.captured(1).toInt(), rowBytes = m.captured(3).toInt();
    const QByteArray data = QByteArray::fromHex(m.captured(4).toLatin1());
    if (data.size() != total || rowBytes == 0)
        return {};
    static const QRegularExpression pw(QStringLiteral("\\^PW(\\d+)"));
    const int width = pw.match(QString::fromLatin1(job)).captured(1).toInt();
    QImage img(width, total / rowBytes, QImage::Format_Mono);
    img.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    for (int y = 0; y < img.height(); ++y)
        memcpy(img.scanLine(y), data.constData() + y * rowBytes, size_t(rowBytes));
    return img;
}

bool sameDots(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return false;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            if ((qGray(a.pixel(x, y)) < 128) != (qGray(b.pixel(x, y)) < 128))
                return false;
    return true;
}

/// Parses a Brother QL job as the printer would and rebuilds the printed dots
/// (printable width across, one row per raster line). Fails the test on any deviation.
struct ParsedBrotherJob {
    QImage dots;
    int mediaType = 0, widthMm = 0, lengthMm = 0, feedMargin = -1;
    quint32 declaredRows = 0;
    QString problem;
};

ParsedBrotherJob parseBrotherJob(const QByteArray &job, const BrotherQl::Media &m)
{
    ParsedBrotherJob out;
    int i = 0;
    auto expect = [&](const QByteArray &bytes, const char *what) {
        if (job.mid(i, bytes.size()) != bytes) {
            if (out.problem.isEmpty())
                out.problem = QStringLiteral("at %1: expected %2").arg(i).arg(QLatin1String(what));
            return false;
        }
        i += int(bytes.size());
        return true;
    };
    expect(QByteArray("\x1B\x69\x61\x01", 4), "ESC i a 1 (raster mode)");
    expect(QByteArray(200, '\0'), "200 invalidate bytes");
    expect(QByteArray("\x1B\x40", 2), "ESC @");
    expect(QByteArray("\x1B\x69\x61\x01", 4), "ESC i a 1");
    expect(QByteArray("\x1B\x69\x53", 3), "ESC i S");
    if (expect(QByteArray("\x1B\x69\x7A", 3), "ESC i z")) {
        if (uchar(job[i]) != 0xCE)
            out.problem = QStringLiteral("ESC i z flags %1").arg(uchar(job[i]), 0, 16);
        out.mediaType = uchar(job[i + 1]);
        out.widthMm = uchar(job[i + 2]);
        out.lengthMm = uchar(job[i + 3]);
        out.declaredRows = quint32(uchar(job[i + 4])) | quint32(uchar(job[i + 5])) << 8
            | quint32(uchar(job[i + 6])) << 16 | quint32(uchar(job[i + 7])) << 24;
        i += 10;
    }
    expect(QByteArray("\x1B\x69\x4D\x40", 4), "ESC i M auto-cut");
    expect(QByteArray("\x1B\x69\x41\x01", 4), "ESC i A 1");
    expect(QByteArray("\x1B\x69\x4B\x08", 4), "ESC i K cut at end");
    if (expect(QByteArray("\x1B\x69\x64", 3), "ESC i d")) {
        out.feedMargin = uchar(job[i]) | uchar(job[i + 1]) << 8;
        i += 2;
    }
    QList<QByteArray> lines;
    while (i < job.size() && job[i] == 'g') {
        if (job[i + 1] != 0 || uchar(job[i + 2]) != BrotherQl::lineBytes) {
            out.problem = QStringLiteral("raster line %1 is not g 00 5A").arg(lines.size());
            break;
        }
        lines.append(job.mid(i + 3, BrotherQl::lineBytes));
        i += 3 + BrotherQl::lineBytes;
    }
    if (out.problem.isEmpty() && (i != job.size() - 1 || job[i] != 0x1A))
        out.problem = QStringLiteral("the job does not end with one 0x1A after the raster lines");
    const int firstPin = BrotherQl::headPins - m.printableDots - m.rightMarginDots;
    out.dots = QImage(m.printableDots, int(lines.size()), QImage::Format_Mono);
    out.dots.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
    out.dots.fill(0);
    for (int y = 0; y < lines.size(); ++y)
        for (int pin = 0; pin < BrotherQl::headPins; ++pin) {
            if (!(uchar(lines[y][pin >> 3]) & (0x80 >> (pin & 7))))
                continue;
            const int x = BrotherQl::headPins - 1 - pin - firstPin; // undo the mirror
            if (x < 0 || x >= m.printableDots) {
                out.problem
                    = QStringLiteral("dot on pin %1, outside the %2 printable dots").arg(pin).arg(m.printableDots);
                continue;
            }
            out.dots.setPixel(x, y, 1);
        }
    return out;
}

} // namespace

class TestLabelOutput : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static RenderedLabel render(const QString &templ, int dpi = 0)
    {
        const LabelTemplate t = *findTemplate(templ);
        auto r = renderLabels(t, {LabelTest::sampleLabel()}, dpi);
        if (!r)
            qFatal("render: %s", qPrintable(r.error().message));
        return *r;
    }

    static void templateRows()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<int>("dpi");
        for (const LabelTemplate &t : Labels::builtinTemplates())
            for (int dpi : {203, 300})
                QTest::addRow("%s@%d", qPrintable(t.name), dpi) << t.name << dpi;
    }

    /// pdfinfo's page size in millimetres.
    static QSizeF pdfPageMm(const QString &file)
    {
        const auto r = LabelTest::runTool(QStringLiteral("pdfinfo"), {file});
        static const QRegularExpression size(QStringLiteral("Page size:\\s+([0-9.]+) x ([0-9.]+) pts"));
        const auto m = size.match(QString::fromUtf8(r.out));
        if (!m.hasMatch())
            return {};
        return QSizeF(m.captured(1).toDouble() * 25.4 / 72, m.captured(2).toDouble() * 25.4 / 72);
    }

    void checkPdf(const QString &file, const RenderedLabel &label)
    {
        const QSizeF page = pdfPageMm(file);
        QVERIFY2(std::abs(page.width() - label.pageMm.width()) <= 0.1
                     && std::abs(page.height() - label.pageMm.height()) <= 0.1,
                 qPrintable(QStringLiteral("page %1 x %2 mm, label %3 x %4 mm")
                                .arg(page.width())
                                .arg(page.height())
                                .arg(label.pageMm.width())
                                .arg(label.pageMm.height())));
        // pdffonts: a header of two lines, then one line per font, "emb" is column 5.
        const auto fonts = LabelTest::runTool(QStringLiteral("pdffonts"), {file});
        QCOMPARE(fonts.exitCode, 0);
        const QStringList lines = QString::fromUtf8(fonts.out).split(u'\n', Qt::SkipEmptyParts).mid(2);
        QVERIFY2(!lines.isEmpty(), "the PDF carries no font");
        for (const QString &line : lines) {
            // name, type, encoding may hold spaces; the last five columns do not.
            const QStringList cols = line.split(u' ', Qt::SkipEmptyParts);
            QVERIFY2(cols.size() >= 6 && cols[cols.size() - 5] == QLatin1String("yes"),
                     qPrintable(QStringLiteral("font not embedded: ") + line));
        }
        const auto text = LabelTest::runTool(QStringLiteral("pdftotext"), {file, QStringLiteral("-")});
        QVERIFY2(QString::fromUtf8(text.out).contains(QStringLiteral("BCL-000123-Q")), text.out.constData());
        // The page, rasterised back at the label's resolution, is the label's own dots.
        const QString base = file + QStringLiteral(".raster");
        const auto ppm = LabelTest::runTool(QStringLiteral("pdftoppm"),
                                            {QStringLiteral("-r"), QString::number(label.dpi), QStringLiteral("-gray"),
                                             QStringLiteral("-singlefile"), file, base});
        QCOMPARE(ppm.exitCode, 0);
        QImage back(base + QStringLiteral(".pgm"));
        QVERIFY(!back.isNull());
        const int slack = int(std::ceil(0.1 * label.dpi / 25.4)) + 1; // whole-point page
        QVERIFY2(std::abs(back.width() - label.image.width()) <= slack
                     && std::abs(back.height() - label.image.height()) <= slack,
                 qPrintable(QStringLiteral("%1x%2").arg(back.width()).arg(back.height())));
        // Poppler may move an edge by one dot when it scales the image to its raster;
        // a dot counts as lost only if the other image has no match within one dot.
        const int w = std::min(back.width(), label.image.width()), h = std::min(back.height(), label.image.height());
        auto blackBack = [&](int x, int y) { return qGray(back.pixel(x, y)) < 128; };
        auto blackLabel = [&](int x, int y) { return label.image.pixelIndex(x, y) == 1; };
        qint64 differ = 0, ink = 0;
        for (int y = 1; y < h - 1; ++y)
            for (int x = 1; x < w - 1; ++x) {
                ink += blackLabel(x, y);
                if (blackBack(x, y) == blackLabel(x, y))
                    continue;
                bool near = false;
                for (int dy = -1; dy <= 1 && !near; ++dy)
                    for (int dx = -1; dx <= 1 && !near; ++dx)
                        near = blackBack(x, y) == blackLabel(x + dx, y + dy);
                differ += !near;
            }
        QVERIFY(ink > 0);
        QVERIFY2(differ <= ink / 1000, qPrintable(QStringLiteral("%1 of %2 dots lost").arg(differ).arg(ink)));
        // And a scanner reads the Code 128 and the QR of the raster.
        const QString png = base + QStringLiteral(".png");
        QVERIFY(back.save(png));
        const QStringList read = LabelTest::zbarDecode(png);
        QVERIFY2(read.contains(QStringLiteral("BCL-000123-Q")), qPrintable(read.join(u'|')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("ETABLI_LABELS_KEEP")) {
            m_dir.setAutoRemove(false);
            qInfo("outputs kept in %s", qPrintable(m_dir.path()));
        }
        for (const char *tool : {"pdfinfo", "pdffonts", "pdftotext", "pdftoppm"})
            QVERIFY2(!QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty(),
                     "poppler-utils missing (packaging/setup-debian.sh)");
    }

    void png_data() { templateRows(); }
    void png()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const RenderedLabel label = render(templateName, dpi);
        const QString file = m_dir.filePath(QStringLiteral("%1-%2.png").arg(templateName).arg(dpi));
        QVERIFY(writePng(label, file).ok());
        const QImage back(file);
        QVERIFY(sameDots(back, label.image));
        QCOMPARE(qRound(back.dotsPerMeterX() * 0.0254), dpi);
        QVERIFY(!writePng(label, m_dir.filePath(QStringLiteral("no/such/dir/x.png"))).ok());
    }

    void pdf_data() { templateRows(); }
    void pdf()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const RenderedLabel label = render(templateName, dpi);
        const QString file = m_dir.filePath(QStringLiteral("%1-%2.pdf").arg(templateName).arg(dpi));
        auto r = writePdf(label, file);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        checkPdf(file, label);
    }

    /// QPrinter as CUPS would drive it, printing to a PDF file instead of a queue.
    void qprinter_data() { templateRows(); }
    void qprinter()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const RenderedLabel label = render(templateName, dpi);
        const QString file = m_dir.filePath(QStringLiteral("%1-%2-qprinter.pdf").arg(templateName).arg(dpi));
        auto r = printWithQPrinter(label, QString(), file);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        checkPdf(file, label);
    }

    void cupsPrinterAbsent()
    {
        const RenderedLabel label = render(QStringLiteral("a4-70x37"));
        auto r = printWithQPrinter(label, QStringLiteral("etabli-no-such-printer"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::NotFound);
        QVERIFY(r.error().message.contains(QStringLiteral("etabli-no-such-printer")));
    }

    void zplOverTcp_data() { templateRows(); }
    void zplOverTcp()
    {
        QFETCH(QString, templateName);
        QFETCH(int, dpi);
        const LabelTemplate t = *findTemplate(templateName);
        const RenderedLabel label = render(templateName, dpi);
        LabelTest::FakeSink sink;
        auto target = PrinterTarget::parse(QStringLiteral("zpl://127.0.0.1:%1").arg(sink.port()));
        QVERIFY(target.ok());
        auto r = sendToPrinter(label, t, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(sink.waitForJobs(1));
        QVERIFY(sink.jobs().first().startsWith("~HS")); // status asked first
        const QByteArray job = sink.jobs().first().mid(sink.jobs().first().indexOf("^XA"));
        QVERIFY(job.startsWith("^XA"));
        QVERIFY(job.trimmed().endsWith("^XZ"));
        QVERIFY(job.contains(QByteArray("^LL" + QByteArray::number(label.image.height()))));
        const QImage back = imageFromZpl(job);
        QVERIFY(!back.isNull());
        QVERIFY(sameDots(back, label.image));
    }

    /// A Zebra that is not ready says so to ~HS (or stays silent): nothing is sent.
    void zebraNotReady_data()
    {
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("message");
        QTest::newRow("out of labels") << LabelTest::FakeSink::zebraStatus(true, false)
                                       << QStringLiteral("out of labels");
        QTest::newRow("head open") << LabelTest::FakeSink::zebraStatus(false, true) << QStringLiteral("head is open");
        QTest::newRow("silent") << QByteArray() << QStringLiteral("does not report its status");
    }
    void zebraNotReady()
    {
        QFETCH(QByteArray, answer);
        QFETCH(QString, message);
        const LabelTemplate t = *findTemplate(QStringLiteral("thermal-2x1"));
        LabelTest::FakeSink sink;
        sink.setZebraStatus(answer);
        auto r = sendToPrinter(render(t.name), t,
                               *PrinterTarget::parse(QStringLiteral("zpl://127.0.0.1:%1").arg(sink.port())));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Refused);
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(sink.waitForJobs(1));
        QVERIFY(!sink.jobs().first().contains("^XA"));
    }

    void zebraStatusParse()
    {
        QVERIFY(!parseZebraStatus(QByteArray()));
        QVERIFY(!parseZebraStatus(QByteArray("\x02"
                                             "030,0,0\x03")));
        const auto ready = parseZebraStatus(LabelTest::FakeSink::zebraStatus());
        QVERIFY(ready && ready->problems().isEmpty());
        const auto out = parseZebraStatus(LabelTest::FakeSink::zebraStatus(true, true));
        QVERIFY(out && out->paperOut && out->headUp);
        QCOMPARE(out->problems().size(), 2);
    }

    void brotherProtocol_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<int>("mediaType");
        QTest::addColumn<int>("lengthMm");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("feedMargin");
        QTest::newRow("62x29 die-cut") << QStringLiteral("brother-62x29") << 0x0B << 29 << 271 << 0;
        QTest::newRow("62 mm endless (kit)") << QStringLiteral("kit-62") << 0x0A << 0 << 900 << 35;
    }
    void brotherProtocol()
    {
        QFETCH(QString, templateName);
        QFETCH(int, mediaType);
        QFETCH(int, lengthMm);
        QFETCH(int, rows);
        QFETCH(int, feedMargin);
        const LabelTemplate t = *findTemplate(templateName);
        const RenderedLabel label = render(templateName, BrotherQl::nativeDpi);
        const auto media = BrotherQl::media(t.brotherMedia);
        QVERIFY(media);
        QCOMPARE(media->printableDots, 696);
        auto job = BrotherQl::rasterJob(label.image, *media);
        QVERIFY(job.ok());
        const ParsedBrotherJob p = parseBrotherJob(*job, *media);
        QVERIFY2(p.problem.isEmpty(), qPrintable(p.problem));
        QCOMPARE(p.mediaType, mediaType);
        QCOMPARE(p.widthMm, 62);
        QCOMPARE(p.lengthMm, lengthMm);
        QCOMPARE(int(p.declaredRows), rows);
        QCOMPARE(p.dots.height(), rows);
        QCOMPARE(p.feedMargin, feedMargin);
        // The dots printed are the rendered label's printable part, unmirrored.
        const int left = (label.image.width() - 696) / 2, top = (label.image.height() - rows) / 2;
        QVERIFY(sameDots(p.dots, label.image.copy(left, top, 696, rows)));
        // Nothing of the label was cut off by the unprintable border.
        QCOMPARE(label.image.copy(left, top, 696, rows).convertToFormat(QImage::Format_Grayscale8),
                 label.image.copy(left, top, 696, rows).convertToFormat(QImage::Format_Grayscale8));
        int inkInLabel = 0, inkInJob = 0;
        for (int y = 0; y < label.image.height(); ++y)
            for (int x = 0; x < label.image.width(); ++x)
                inkInLabel += label.image.pixelIndex(x, y);
        for (int y = 0; y < p.dots.height(); ++y)
            for (int x = 0; x < p.dots.width(); ++x)
                inkInJob += p.dots.pixelIndex(x, y);
        QCOMPARE(inkInJob, inkInLabel);
    }

    /// The byte stream of a fixed label equals the stored golden file.
    void brotherGolden()
    {
        auto t = LabelTemplate::fromFile(QStringLiteral(ETABLI_FIXTURES "/labels/golden-62x29.json"));
        QVERIFY(t.ok());
        LabelData d;
        d.tag = QStringLiteral("BCL-000123-Q");
        d.kind = QStringLiteral("pc");
        auto label = renderLabels(*t, {d}, 300);
        QVERIFY(label.ok());
        auto job = BrotherQl::rasterJob(label->image, *BrotherQl::media(QStringLiteral("62x29")));
        QVERIFY(job.ok());
        const QString golden = QStringLiteral(ETABLI_FIXTURES "/labels/brother-ql-62x29-BCL-000123-Q.bin");
        if (qEnvironmentVariableIsSet("ETABLI_UPDATE_GOLDEN")) {
            QFile out(golden);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(*job);
        }
        QFile f(golden);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(golden));
        const QByteArray expected = f.readAll();
        QCOMPARE(job->size(), expected.size());
        QVERIFY(*job == expected);
        QVERIFY(parseBrotherJob(expected, *BrotherQl::media(QStringLiteral("62x29"))).problem.isEmpty());
    }

    void brotherOverTcp()
    {
        const LabelTemplate t = *findTemplate(QStringLiteral("brother-62x29"));
        const RenderedLabel label = render(t.name, 300);
        LabelTest::FakeSink sink;
        auto target = PrinterTarget::parse(QStringLiteral("brother-ql://127.0.0.1:%1").arg(sink.port()));
        QVERIFY(target.ok());
        QCOMPARE(target->kind, PrinterTarget::Kind::BrotherTcp);
        auto r = sendToPrinter(label, t, *target);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QVERIFY(sink.waitForJobs(1));
        QCOMPARE(sink.jobs().first(), *BrotherQl::rasterJob(label.image, *BrotherQl::media(QStringLiteral("62x29"))));
    }

    void brotherNeedsItsMedia()
    {
        const LabelTemplate t = *findTemplate(QStringLiteral("thermal-2x1"));
        auto r = sendToPrinter(render(t.name, 300), t, *PrinterTarget::parse(QStringLiteral("brother-ql://127.0.0.1")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, QStringLiteral("not_brother_media"));
        // A 203 dpi image is not 62 mm at 300 dpi.
        auto job = BrotherQl::rasterJob(render(QStringLiteral("brother-62x29"), 203).image,
                                        *BrotherQl::media(QStringLiteral("62x29")));
        QVERIFY(!job.ok());
    }

    void brotherUsbDevice_data()
    {
        QTest::addColumn<QList<QByteArray>>("replies");
        QTest::addColumn<bool>("printed");
        QTest::addColumn<bool>("jobSent");
        QTest::addColumn<QString>("message");
        QTest::newRow("ready, then completed")
            << QList<QByteArray>{status(0x00), status(0x06), status(0x01)} << true << true << QString();
        QTest::newRow("no media") << QList<QByteArray>{status(0x02, 0x01)} << false << false
                                  << QStringLiteral("no media");
        QTest::newRow("cover open") << QList<QByteArray>{status(0x02, 0, 0x10)} << false << false
                                    << QStringLiteral("cover is open");
        QTest::newRow("endless tape loaded for a die-cut label")
            << QList<QByteArray>{status(0x00, 0, 0, 62, 0x0A, 0)} << false << false << QStringLiteral("endless");
        QTest::newRow("29 mm tape loaded")
            << QList<QByteArray>{status(0x00, 0, 0, 29, 0x0B, 90)} << false << false << QStringLiteral("29 mm");
        QTest::newRow("silent printer") << QList<QByteArray>{} << false << false << QStringLiteral("does not answer");
        QTest::newRow("runs out of labels while printing")
            << QList<QByteArray>{status(0x00), status(0x06), status(0x02, 0x02)} << false << true
            << QStringLiteral("end of media");
    }
    void brotherUsbDevice()
    {
        QFETCH(QList<QByteArray>, replies);
        QFETCH(bool, printed);
        QFETCH(bool, jobSent);
        QFETCH(QString, message);
        const RenderedLabel label = render(QStringLiteral("brother-62x29"), 300);
        const auto media = *BrotherQl::media(QStringLiteral("62x29"));
        const QByteArray job = *BrotherQl::rasterJob(label.image, media);
        FakeBrother dev;
        dev.replies = replies;
        auto r = BrotherQl::print(dev, job, media, 2000);
        QCOMPARE(r.ok(), printed);
        if (!printed)
            QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(!dev.written.isEmpty());
        QVERIFY(dev.written.first().endsWith("\x1B\x69\x53")); // status asked before anything
        QCOMPARE(dev.written.contains(job), jobSent);
    }

    void brotherStatusParse()
    {
        QVERIFY(!BrotherQl::parseStatus(QByteArray(32, '\0')));
        QVERIFY(!BrotherQl::parseStatus(status(0).left(31)));
        const auto s = BrotherQl::parseStatus(status(0x02, 0x01 | 0x04, 0x10));
        QVERIFY(s);
        QVERIFY(s->hasError());
        QCOMPARE(s->errorMessages().size(), 3);
    }

    void brotherUsbAbsent()
    {
        // No Brother QL is plugged into a build machine: a clear error, not a hang.
        const LabelTemplate t = *findTemplate(QStringLiteral("brother-62x29"));
        auto r = sendToPrinter(render(t.name, 300), t, *PrinterTarget::parse(QStringLiteral("brother-ql://usb")));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().code == ErrorCode::NotFound || r.error().code == ErrorCode::Io,
                 qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QStringLiteral("USB")));
    }

    void refusingPrinter()
    {
        const LabelTemplate t = *findTemplate(QStringLiteral("thermal-2x1"));
        const quint16 port = LabelTest::closedPort();
        QElapsedTimer timer;
        timer.start();
        auto r
            = sendToPrinter(render(t.name), t, *PrinterTarget::parse(QStringLiteral("zpl://127.0.0.1:%1").arg(port)));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY(r.error().message.contains(QString::number(port)));
        QVERIFY(timer.elapsed() < 6000);
    }

    /// The UI's facade: the job runs on a worker, its signals come back to this thread.
    void printJob_data()
    {
        QTest::addColumn<bool>("printerUp");
        QTest::newRow("printer answers") << true;
        QTest::newRow("printer refuses") << false;
    }
    void printJob()
    {
        QFETCH(bool, printerUp);
        LabelTest::FakeSink sink;
        const quint16 port = printerUp ? sink.port() : LabelTest::closedPort();
        LabelPrintJob job(*findTemplate(QStringLiteral("thermal-2x1")), {LabelTest::sampleLabel()},
                          *PrinterTarget::parse(QStringLiteral("zpl://127.0.0.1:%1").arg(port)));
        QSignalSpy printed(&job, &LabelPrintJob::printed);
        QSignalSpy failed(&job, &LabelPrintJob::failed);
        QSignalSpy states(&job, &LabelPrintJob::stateChanged);
        job.start();
        job.start(); // once only
        QTRY_COMPARE_WITH_TIMEOUT(printed.size() + failed.size(), 1, 10000);
        QCOMPARE(printed.size(), printerUp ? 1 : 0);
        QCOMPARE(job.state(), printerUp ? LabelPrintJob::State::Printed : LabelPrintJob::State::Failed);
        if (printerUp) {
            QCOMPARE(printed.first().first().toStringList(), QStringList{QStringLiteral("BCL-000123-Q")});
            QVERIFY(sink.waitForJobs(1));
        } else {
            QVERIFY(failed.first().first().toString().contains(QString::number(port)));
            QCOMPARE(job.error().code, ErrorCode::Network);
        }
        QTRY_COMPARE(states.size(), 3); // rendering, sending, done
    }

    void printerUris_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("hostOrName");
        QTest::addColumn<int>("port");
        QTest::newRow("cups") << QStringLiteral("cups:Brother_QL_700") << true << int(PrinterTarget::Kind::Cups)
                              << QStringLiteral("Brother_QL_700") << 9100;
        QTest::newRow("zpl default port") << QStringLiteral("zpl://10.0.0.7") << true << int(PrinterTarget::Kind::Zpl)
                                          << QStringLiteral("10.0.0.7") << 9100;
        QTest::newRow("zpl port") << QStringLiteral("zpl://zebra.local:6101") << true << int(PrinterTarget::Kind::Zpl)
                                  << QStringLiteral("zebra.local") << 6101;
        QTest::newRow("brother usb") << QStringLiteral("brother-ql://usb") << true
                                     << int(PrinterTarget::Kind::BrotherUsb) << QString() << 9100;
        QTest::newRow("brother usb serial")
            << QStringLiteral("brother-ql://usb/000F1Z401370") << true << int(PrinterTarget::Kind::BrotherUsb)
            << QStringLiteral("000F1Z401370") << 9100;
        QTest::newRow("brother network") << QStringLiteral("brother-ql://192.168.1.20") << true
                                         << int(PrinterTarget::Kind::BrotherTcp) << QStringLiteral("192.168.1.20")
                                         << 9100;
        QTest::newRow("empty cups name") << QStringLiteral("cups:") << false << 0 << QString() << 0;
        QTest::newRow("unknown scheme") << QStringLiteral("lpd://host/queue") << false << 0 << QString() << 0;
        QTest::newRow("no host") << QStringLiteral("zpl://") << false << 0 << QString() << 0;
        QTest::newRow("bare word") << QStringLiteral("zebra") << false << 0 << QString() << 0;
    }
    void printerUris()
    {
        QFETCH(QString, uri);
        QFETCH(bool, valid);
        QFETCH(int, kind);
        QFETCH(QString, hostOrName);
        QFETCH(int, port);
        auto t = PrinterTarget::parse(uri);
        QCOMPARE(t.ok(), valid);
        if (!valid) {
            QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QCOMPARE(int(t->kind), kind);
        QCOMPARE(t->host.isEmpty() ? t->name : t->host, hostOrName);
        QCOMPARE(int(t->port), port);
        QCOMPARE(t->uri, uri);
    }

    void printQueue()
    {
        PrintQueue q(m_dir.filePath(QStringLiteral("queue/label-queue.json")));
        QVERIFY(q.entries()->isEmpty());
        QueuedPrint p;
        p.tags = {QStringLiteral("BCL-000123-Q")};
        p.templateName = QStringLiteral("brother-62x29");
        p.printer = QStringLiteral("brother-ql://usb");
        p.lastError = QStringLiteral("no media");
        auto a = q.enqueue(p);
        auto b = q.enqueue(p);
        QVERIFY(a.ok() && b.ok());
        QVERIFY(a->id != b->id);
        QVERIFY(q.markFailed(a->id, QStringLiteral("cover open")).ok());
        auto list = q.entries();
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->first().attempts, 2);
        QCOMPARE(list->first().lastError, QStringLiteral("cover open"));
        QCOMPARE(list->first().tags, p.tags);
        QVERIFY(q.remove(a->id).ok());
        QVERIFY(!q.remove(a->id).ok());
        QCOMPARE(q.entries()->size(), 1);
        QFile damaged(q.path());
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{not json");
        damaged.close();
        QCOMPARE(q.entries().error().code, ErrorCode::Corrupt);
    }
};

QTEST_MAIN(TestLabelOutput)
#include "tst_labeloutput.moc"
