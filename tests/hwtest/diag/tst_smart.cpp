// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// SMART verdicts from the real corpus: every smartctl JSON parses, our FAIL agrees
// with smartctl's own smart_status, every libatasmart blob matches `skdump --load`.
#include "hwtest/diag/smart.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

QString corpus(const QString &sub)
{
    return QStringLiteral(ETABLI_CORPUS "/") + sub;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QJsonObject loadObject(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

// Sets a field of the attribute `id` in a smartctl JSON object.
void setAttribute(QJsonObject &o, int id, const QString &key, const QJsonValue &value)
{
    QJsonObject attrs = o[QStringLiteral("ata_smart_attributes")].toObject();
    QJsonArray table = attrs[QStringLiteral("table")].toArray();
    for (int i = 0; i < table.size(); ++i) {
        QJsonObject a = table[i].toObject();
        if (a[QStringLiteral("id")].toInt() != id)
            continue;
        if (key == QLatin1String("raw"))
            a[key] = QJsonObject{{QStringLiteral("value"), value},
                                 {QStringLiteral("string"), QString::number(value.toInteger())}};
        else
            a[key] = value;
        table[i] = a;
    }
    attrs[QStringLiteral("table")] = table;
    o[QStringLiteral("ata_smart_attributes")] = attrs;
}

void setNvme(QJsonObject &o, const QString &key, int value)
{
    QJsonObject log = o[QStringLiteral("nvme_smart_health_information_log")].toObject();
    log[key] = value;
    o[QStringLiteral("nvme_smart_health_information_log")] = log;
}

} // namespace

class TestSmart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusParses_data();
    void corpusParses();
    void jsonArray();
    void rules_data();
    void rules();
    void badInput_data();
    void badInput();
    void blobMatchesSkdump_data();
    void blobMatchesSkdump();
};

void TestSmart::corpusParses_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(corpus(QStringLiteral("smartctl-json")));
    const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 150, "the smartctl-json corpus is missing");
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestSmart::corpusParses()
{
    QFETCH(QString, path);
    const QJsonObject raw = loadObject(path);
    auto parsed = parseSmartctlJson(readAll(path));
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(parsed->size(), 1);
    const SmartReport &r = parsed->first();
    QCOMPARE(r.protocol, raw[QStringLiteral("device")].toObject()[QStringLiteral("protocol")].toString());
    QCOMPARE(r.serial, raw[QStringLiteral("serial_number")].toString().trimmed());
    QVERIFY(!r.model.isEmpty());
    if (raw.contains(QStringLiteral("power_on_time")))
        QCOMPARE(r.powerOnHours.value_or(-1),
                 raw[QStringLiteral("power_on_time")].toObject()[QStringLiteral("hours")].toInteger());
    QCOMPARE(r.attributes.size(),
             raw[QStringLiteral("ata_smart_attributes")].toObject()[QStringLiteral("table")].toArray().size());

    const TestResult t = evaluateSmart(r);
    QCOMPARE(t.kind, QStringLiteral("disk"));
    QCOMPARE(t.measurements[QStringLiteral("check")].toString(), QStringLiteral("smart"));
    QVERIFY(!t.rule.isEmpty());
    const QJsonValue passed = raw[QStringLiteral("smart_status")].toObject()[QStringLiteral("passed")];
    if (passed.isBool() && !passed.toBool()) {
        QCOMPARE(toString(t.verdict), QStringLiteral("FAIL"));
        QVERIFY2(t.measurements[QStringLiteral("rules_fired")].toArray().size() >= 1, "no rule recorded");
    }
    // Our verdict is PASS only if the drive itself passes.
    if (t.verdict == TestVerdict::Pass)
        QVERIFY(!passed.isBool() || passed.toBool());
    QCOMPARE(t.measurements[QStringLiteral("serial")].toString(), r.serial);
}

void TestSmart::jsonArray()
{
    const QDir dir(corpus(QStringLiteral("smartctl-json")));
    const QStringList names{QStringLiteral("HGST_HUS724020ALE640_28.json"),
                            QStringLiteral("nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json"),
                            QStringLiteral("SEAGATE_ST373453LC_26.json")};
    QJsonArray array;
    for (const QString &n : names)
        array.append(loadObject(dir.filePath(n)));
    auto parsed = parseSmartctlJson(QJsonDocument(array).toJson());
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->size(), 3);
    QCOMPARE(parsed->at(0).protocol, QStringLiteral("ATA"));
    QCOMPARE(parsed->at(1).protocol, QStringLiteral("NVMe"));
    QCOMPARE(parsed->at(2).protocol, QStringLiteral("SCSI"));
    QVERIFY(evaluateSmart(parsed->at(1)).verdict == TestVerdict::Fail); // smart_status.passed=false
}

// Each row mutates a healthy real drive and states the verdict and deciding rule.
void TestSmart::rules_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("rule");

    const QString ata = QStringLiteral("HGST_HUS724020ALE640_28.json");
    const QString nvme = QStringLiteral("INTEL_SSDPE2KX080T8_1.json");
    const QJsonObject a = loadObject(corpus(QStringLiteral("smartctl-json/")) + ata);
    const QJsonObject n = loadObject(corpus(QStringLiteral("smartctl-json/")) + nvme);
    QVERIFY(!a.isEmpty() && !n.isEmpty());

    QTest::newRow("ata healthy") << ata << a << "PASS"
                                 << "smart.ok";
    QJsonObject o = a;
    o[QStringLiteral("smart_status")] = QJsonObject{{QStringLiteral("passed"), false}};
    QTest::newRow("ata status failed") << ata << o << "FAIL"
                                       << "smart.status-failed";
    o = a;
    setAttribute(o, 5, QStringLiteral("raw"), 8);
    QTest::newRow("reallocated 8") << ata << o << "WARN"
                                   << "smart.reallocated";
    o = a;
    setAttribute(o, 197, QStringLiteral("raw"), 1);
    QTest::newRow("pending 1") << ata << o << "WARN"
                               << "smart.pending";
    o = a;
    setAttribute(o, 198, QStringLiteral("raw"), 3);
    QTest::newRow("offline uncorrectable 3") << ata << o << "WARN"
                                             << "smart.uncorrectable";
    o = a;
    setAttribute(o, 5, QStringLiteral("raw"), qint64(0x0a0b000000000000LL >> 16)); // vendor bits above 32
    QTest::newRow("vendor-packed raw, zero count") << ata << o << "PASS"
                                                   << "smart.ok";
    o = a;
    setAttribute(o, 1, QStringLiteral("value"), 10); // thresh 16
    QTest::newRow("pre-fail attribute failing now") << ata << o << "FAIL"
                                                    << "smart.attribute-failing-now";
    o = a;
    setAttribute(o, 4, QStringLiteral("thresh"), 20);
    setAttribute(o, 4, QStringLiteral("value"), 1); // start/stop count, old-age
    QTest::newRow("old-age attribute failing now") << ata << o << "WARN"
                                                   << "smart.old-age-attribute-failing-now";
    o = a;
    setAttribute(o, 3, QStringLiteral("when_failed"), QStringLiteral("past"));
    QTest::newRow("attribute failed in the past") << ata << o << "WARN"
                                                  << "smart.attribute-failed-in-past";
    o = a;
    o.remove(QStringLiteral("smart_status"));
    QTest::newRow("old smartctl without smart_status") << ata << o << "PASS"
                                                       << "smart.ok";

    QTest::newRow("nvme healthy") << nvme << n << "PASS"
                                  << "smart.ok";
    o = n;
    setNvme(o, QStringLiteral("media_errors"), 2);
    QTest::newRow("nvme media errors") << nvme << o << "FAIL"
                                       << "smart.nvme-media-errors";
    o = n;
    setNvme(o, QStringLiteral("available_spare"), 5);
    setNvme(o, QStringLiteral("available_spare_threshold"), 10);
    QTest::newRow("nvme spare below threshold") << nvme << o << "FAIL"
                                                << "smart.nvme-spare-low";
    o = n;
    setNvme(o, QStringLiteral("critical_warning"), 4);
    QTest::newRow("nvme critical warning") << nvme << o << "FAIL"
                                           << "smart.nvme-critical-warning";
    o = n;
    setNvme(o, QStringLiteral("percentage_used"), 90);
    QTest::newRow("nvme wear 90") << nvme << o << "WARN"
                                  << "smart.nvme-wear";
    o = n;
    setNvme(o, QStringLiteral("percentage_used"), 89);
    QTest::newRow("nvme wear 89") << nvme << o << "PASS"
                                  << "smart.ok";
}

void TestSmart::rules()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, verdict);
    QFETCH(QString, rule);
    auto parsed = parseSmartctlJson(QJsonDocument(json).toJson());
    QVERIFY(parsed.ok());
    const TestResult t = evaluateSmart(parsed->first());
    QCOMPARE(toString(t.verdict), verdict);
    QVERIFY2(t.rule.startsWith(rule), qPrintable(t.rule));
}

void TestSmart::badInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("json");
    QTest::newRow("empty json") << QByteArray() << true;
    QTest::newRow("truncated json") << QByteArray("{\"smartctl\": {") << true;
    QTest::newRow("json not smartctl") << QByteArray("{\"hello\": 1}") << true;
    QTest::newRow("empty json array") << QByteArray("[]") << true;
    QTest::newRow("empty blob") << QByteArray() << false;
    QTest::newRow("short blob") << QByteArray(100, 'x') << false;
}

void TestSmart::badInput()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, json);
    if (json) {
        auto r = parseSmartctlJson(data);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
    } else {
        auto r = parseAtasmartBlob(data);
        QVERIFY(!r.ok());
    }
}

void TestSmart::blobMatchesSkdump_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(corpus(QStringLiteral("atasmart-blobs")));
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 20, "the atasmart-blobs corpus is missing");
    for (const QString &f : files) {
        if (f != QLatin1String("README"))
            QTest::newRow(qPrintable(f)) << dir.filePath(f);
    }
}

void TestSmart::blobMatchesSkdump()
{
    QFETCH(QString, path);
    QProcess skdump;
    skdump.start(QStringLiteral("skdump"), {QStringLiteral("--load=") + path});
    QVERIFY2(skdump.waitForFinished(10000), "skdump (libatasmart-bin) did not run");
    const QString text = QString::fromUtf8(skdump.readAllStandardOutput() + skdump.readAllStandardError());
    const auto m = QRegularExpression(QStringLiteral("Overall Status: (?:\\x1b\\[[0-9;]*m)?([A-Za-z_ ]+)")).match(text);
    QVERIFY2(m.hasMatch(), qPrintable(text.left(400)));
    const QString expected = m.captured(1).trimmed();

    auto r = parseAtasmartBlob(readAll(path));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
    const TestResult t = evaluateSmart(*r);
    const QString ours = t.measurements[QStringLiteral("atasmart_overall")].toString();
    if (!r->atasmartOverall) {
        // skdump prints the errno text when libatasmart cannot decide.
        QVERIFY2(!expected.startsWith(QLatin1String("GOOD")) && !expected.startsWith(QLatin1String("BAD")),
                 qPrintable(expected));
        return;
    }
    QCOMPARE(ours, expected);
    // Our verdict follows libatasmart's overall status.
    if (expected == QLatin1String("GOOD"))
        QVERIFY(t.verdict != TestVerdict::Fail);
    else if (expected == QLatin1String("BAD_STATUS") || expected == QLatin1String("BAD_ATTRIBUTE_NOW")
             || expected == QLatin1String("BAD_SECTOR_MANY"))
        QVERIFY(t.verdict == TestVerdict::Fail);
    else
        QVERIFY(t.verdict != TestVerdict::Pass);
    QVERIFY(!r->model.isEmpty());
    // libatasmart's "Bad Sectors" is reallocated + pending, as we decoded them.
    const auto bad = QRegularExpression(QStringLiteral("Bad Sectors: (\\d+) sectors")).match(text);
    if (bad.hasMatch())
        QCOMPARE(r->reallocated.value_or(0) + r->pending.value_or(0), bad.captured(1).toLongLong());
    // The serial is in the IDENTIFY data skdump prints too.
    if (!r->serial.isEmpty())
        QVERIFY2(text.contains(r->serial), qPrintable(r->serial));
}

QTEST_GUILESS_MAIN(TestSmart)
#include "tst_smart.moc"
