// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// EDID parser: every real EDID cross-checked against edid-decode, then broken blobs.
#include "hwtest/probe/edid.h"
#include "hwtest/probe/hwids.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray withChecksum(QByteArray d)
{
    quint8 sum = 0;
    for (int i = 0; i < 127; ++i)
        sum = quint8(sum + quint8(d[i]));
    d[127] = char(quint8(0x100 - sum));
    return d;
}

/// What edid-decode says about the vendor block and the size.
struct Reference {
    bool decoded = false;
    bool badChecksum = false;
    QString manufacturer;
    int model = -1;
    qint64 serial = 0;
    int week = 0;
    int year = 0;
    bool modelYear = false;
    int widthCm = 0;
    int heightCm = 0;
};

Reference runEdidDecode(const QString &file)
{
    Reference r;
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("edid-decode")), {file});
    if (!p.waitForFinished(30000))
        return r;
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    const auto grab = [&out](const char *re) {
        return QRegularExpression(QLatin1String(re), QRegularExpression::MultilineOption).match(out);
    };
    if (auto m = grab("^    Manufacturer: (\\S+)$"); m.hasMatch()) {
        r.decoded = true;
        r.manufacturer = m.captured(1);
    }
    // The first checksum line is the base block's.
    if (auto m = grab("^Checksum: 0x[0-9a-f]+( \\(should be)?"); m.hasMatch())
        r.badChecksum = !m.captured(1).isEmpty();
    if (auto m = grab("^    Model: (\\d+)$"); m.hasMatch())
        r.model = m.captured(1).toInt();
    // The first "Serial Number" of the vendor block is the binary one (absent when 0).
    if (auto m = grab("^    Serial Number: (\\d+)"); m.hasMatch())
        r.serial = m.captured(1).toLongLong();
    if (auto m = grab("^    Made in: week (\\d+) of (\\d+)$"); m.hasMatch()) {
        r.week = m.captured(1).toInt();
        r.year = m.captured(2).toInt();
    } else if (auto m2 = grab("^    Made in: (\\d+)$"); m2.hasMatch()) {
        r.year = m2.captured(1).toInt();
    } else if (auto m3 = grab("^    Model year: (\\d+)$"); m3.hasMatch()) {
        r.year = m3.captured(1).toInt();
        r.modelYear = true;
    }
    if (auto m = grab("^    Maximum image size: (\\d+) cm x (\\d+) cm$"); m.hasMatch()) {
        r.widthCm = m.captured(1).toInt();
        r.heightCm = m.captured(2).toInt();
    }
    return r;
}

} // namespace

class TestEdid : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("edid-decode")).isEmpty(),
                 "edid-decode is installed by packaging/setup-debian.sh");
    }

    void corpusMatchesEdidDecode_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(ETABLI_FIXTURES "/probe/edid"));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 129);
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void corpusMatchesEdidDecode()
    {
        QFETCH(QString, file);
        const Reference ref = runEdidDecode(file);
        auto ours = Edid::parse(readFile(file));
        if (ref.badChecksum) {
            // edid-decode flags the base block: we refuse it with a clear error.
            QVERIFY(!ours.ok());
            QCOMPARE(ours.error().detail, QStringLiteral("bad_checksum"));
            return;
        }
        if (!ref.decoded) {
            // edid-decode refused the blob (e.g. 129 bytes): we must refuse it too.
            QVERIFY(!ours.ok());
            QCOMPARE(ours.error().code, ErrorCode::Corrupt);
            return;
        }
        QVERIFY2(ours.ok(), qPrintable(ours.ok() ? QString() : ours.error().message));
        QCOMPARE(ours->manufacturer, ref.manufacturer);
        QCOMPARE(int(ours->productCode), ref.model);
        QCOMPARE(qint64(ours->serialNumber), ref.serial);
        QCOMPARE(ours->modelYear, ref.modelYear);
        QCOMPARE(ours->year, ref.year);
        QCOMPARE(ours->week, ref.week);
        QCOMPARE(ours->widthCm, ref.widthCm);
        QCOMPARE(ours->heightCm, ref.heightCm);
    }

    void jsonKeys()
    {
        HwIds ids;
        ids.load(HwIds::searchPath(QStringLiteral("/")));
        auto e = Edid::parse(readFile(QStringLiteral(ETABLI_FIXTURES "/probe/edid/EV2785")),
                             [&ids](const QString &id) { return ids.pnpName(id); });
        QVERIFY(e.ok());
        const QJsonObject o = e->toJson();
        QCOMPARE(o.value(QStringLiteral("manufacturer")).toString(), QStringLiteral("ENC"));
        QCOMPARE(o.value(QStringLiteral("manufacturer_name")).toString(), QStringLiteral("Eizo Nanao Corporation"));
        QCOMPARE(o.value(QStringLiteral("product_code")).toInt(), 10513);
        QCOMPARE(o.value(QStringLiteral("serial_number")).toInteger(), 68056070);
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("EV2785"));
        QCOMPARE(o.value(QStringLiteral("week")).toInt(), 28);
        QCOMPARE(o.value(QStringLiteral("year")).toInt(), 2020);
        QCOMPARE(o.value(QStringLiteral("width_cm")).toInt(), 60);
        QCOMPARE(o.value(QStringLiteral("height_cm")).toInt(), 34);
        // sqrt(60² + 34²) / 2.54 = 27.15…
        QCOMPARE(o.value(QStringLiteral("diagonal_in")).toDouble(), 27.2);
        const QJsonObject mode = o.value(QStringLiteral("preferred_mode")).toObject();
        QCOMPARE(mode.value(QStringLiteral("width")).toInt(), 3840);
        QCOMPARE(mode.value(QStringLiteral("height")).toInt(), 2160);
    }

    void broken_data()
    {
        QTest::addColumn<QByteArray>("blob");
        QTest::addColumn<QString>("detail");
        const QByteArray good = readFile(QStringLiteral(ETABLI_FIXTURES "/probe/edid/acer-al1716"));
        QVERIFY(good.size() == 128);
        QByteArray flipped = good;
        flipped[20] = char(flipped[20] ^ 0x01);
        QByteArray header = withChecksum(good);
        header[1] = 0x00;
        header = withChecksum(header);
        QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
        QTest::newRow("truncated at 100 bytes") << good.left(100) << QStringLiteral("bad_length");
        QTest::newRow("one byte too many") << good + QByteArray(1, '\0') << QStringLiteral("bad_length");
        QTest::newRow("flipped bit") << flipped << QStringLiteral("bad_checksum");
        QTest::newRow("bad header") << header << QStringLiteral("bad_header");
        QTest::newRow("all zero") << QByteArray(128, '\0') << QStringLiteral("bad_header");
    }
    void broken()
    {
        QFETCH(QByteArray, blob);
        QFETCH(QString, detail);
        auto r = Edid::parse(blob);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().detail, detail);
        QVERIFY(!r.error().message.isEmpty());
    }

    void badExtensionIsAWarning()
    {
        QByteArray blob = readFile(QStringLiteral(ETABLI_FIXTURES "/probe/edid/EV2785"));
        QCOMPARE(blob.size(), 256);
        blob[200] = char(blob[200] ^ 0x10);
        auto r = Edid::parse(blob);
        QVERIFY(r.ok());
        QCOMPARE(r->warnings.size(), 1);
        QCOMPARE(r->manufacturer, QStringLiteral("ENC"));
    }
};

QTEST_GUILESS_MAIN(TestEdid)
#include "tst_edid.moc"
