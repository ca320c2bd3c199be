// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli test …` end to end: the real binary, real corpus files, a real inventory.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QString corpus(const QString &sub)
{
    return QStringLiteral(ETABLI_CORPUS "/") + sub;
}

} // namespace

class TestCliTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void smartFromJson();
    void smartFromJsonArray();
    void smartFromBlob();
    void badInput_data();
    void badInput();
    void surfaceWithBadSectors();
    void ramWithInjectedFault();
    void ramBadFault();
    void recordsOnAsset();
    void otherEngines();
    void keyboardLiveUnderUmockdev();

private:
    Run run(const QString &program, const QStringList &args);
    Run etabli(const QStringList &args);
    /// `etabli test ram|disk` with injected faults: tests/support/faultydiag.cpp.
    Run faultyDiag(const QStringList &args);
    QTemporaryDir m_dir;
};

Run TestCliTest::etabli(const QStringList &args)
{
    return run(QStringLiteral(ETABLI_CLI), args);
}

Run TestCliTest::faultyDiag(const QStringList &args)
{
    return run(QStringLiteral(ETABLI_TEST_FAULTYDIAG), args);
}

Run TestCliTest::run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, QStringList{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("inv.db"))} + args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

void TestCliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(ETABLI_CLI)), "build the etabli target first");
    QVERIFY2(QFile::exists(QStringLiteral(ETABLI_TEST_FAULTYDIAG)), "build the etabli-test-faultydiag target first");
}

void TestCliTest::smartFromJson()
{
    const Run r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("disk"),
                          QStringLiteral("--from-json"),
                          corpus(QStringLiteral("smartctl-json/nvme-null-SAMSUNG_MZWLL3T2HAJQ-00005-nvme0.json"))});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o[QStringLiteral("kind")].toString(), QStringLiteral("disk"));
    QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    QVERIFY(o[QStringLiteral("rule")].toString().startsWith(QLatin1String("smart.status-failed")));
    const QJsonObject m = o[QStringLiteral("measurements")].toObject();
    QCOMPARE(m[QStringLiteral("model")].toString(), QStringLiteral("SAMSUNG MZWLL3T2HAJQ-00005"));
    QCOMPARE(m[QStringLiteral("serial")].toString(), QStringLiteral("REDACTED"));
    QCOMPARE(m[QStringLiteral("power_on_hours")].toInt(), 18376);
    QCOMPARE(m[QStringLiteral("nvme_critical_warning")].toInt(), 16);
    QVERIFY(o.contains(QStringLiteral("duration_ms")));

    const Run text = etabli({QStringLiteral("test"), QStringLiteral("disk"), QStringLiteral("--from-json"),
                             corpus(QStringLiteral("smartctl-json/HGST_HUS724020ALE640_28.json"))});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith("PASS  disk"), text.out.constData());
}

void TestCliTest::smartFromJsonArray()
{
    QJsonArray list;
    for (const QString &name :
         {QStringLiteral("HGST_HUS724020ALE640_28.json"), QStringLiteral("SEAGATE_ST373453LC_26.json")}) {
        QFile f(corpus(QStringLiteral("smartctl-json/")) + name);
        QVERIFY(f.open(QIODevice::ReadOnly));
        list.append(QJsonDocument::fromJson(f.readAll()).object());
    }
    QFile out(m_dir.filePath(QStringLiteral("array.json")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(list).toJson());
    out.close();
    const Run r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("disk"),
                          QStringLiteral("--from-json"), out.fileName()});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("PASS"));
    // 1 uncorrected read error in the SCSI error log: unreadable data.
    QCOMPARE(results[1].toObject()[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    QVERIFY(
        results[1].toObject()[QStringLiteral("rule")].toString().startsWith(QLatin1String("smart.unreadable-sectors")));
}

void TestCliTest::smartFromBlob()
{
    const Run r
        = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("disk"),
                  QStringLiteral("--from-blob"), corpus(QStringLiteral("atasmart-blobs/Maxtor_96147H8--BAC51KJ0--2"))});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    const QJsonObject m = o[QStringLiteral("measurements")].toObject();
    QCOMPARE(m[QStringLiteral("atasmart_overall")].toString(), QStringLiteral("BAD_STATUS"));
    QCOMPARE(m[QStringLiteral("reallocated_sectors")].toInt(), 69);
    QCOMPARE(m[QStringLiteral("pending_sectors")].toInt(), 2);
}

void TestCliTest::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    const QString json = corpus(QStringLiteral("smartctl-json/HGST_HUS724020ALE640_28.json"));
    QTest::newRow("no verb") << QStringList{QStringLiteral("test")} << 2;
    QTest::newRow("unknown verb") << QStringList{QStringLiteral("test"), QStringLiteral("toaster")} << 2;
    QTest::newRow("disk without target") << QStringList{QStringLiteral("test"), QStringLiteral("disk")} << 2;
    QTest::newRow("both sources") << QStringList{QStringLiteral("test"),        QStringLiteral("disk"),
                                                 QStringLiteral("--from-json"), json,
                                                 QStringLiteral("--from-blob"), json}
                                  << 2;
    QTest::newRow("missing file") << QStringList{QStringLiteral("test"), QStringLiteral("disk"),
                                                 QStringLiteral("--from-json"), QStringLiteral("/nonexistent.json")}
                                  << 3;
    QTest::newRow("blob given as json") << QStringList{QStringLiteral("test"), QStringLiteral("disk"),
                                                       QStringLiteral("--from-json"),
                                                       corpus(QStringLiteral("atasmart-blobs/ST320410A--3.39"))}
                                        << 5;
    QTest::newRow("json given as blob") << QStringList{QStringLiteral("test"), QStringLiteral("disk"),
                                                       QStringLiteral("--from-blob"), json}
                                        << 5;
    QTest::newRow("surface of a directory") << QStringList{QStringLiteral("test"), QStringLiteral("disk"),
                                                           QStringLiteral("--surface"), QStringLiteral("/tmp")}
                                            << 2;
    QTest::newRow("ram size garbage") << QStringList{QStringLiteral("test"), QStringLiteral("ram"),
                                                     QStringLiteral("--size"), QStringLiteral("lots")}
                                      << 2;
    QTest::newRow("ram size beyond free memory")
        << QStringList{QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--size"), QStringLiteral("64T")}
        << 4;
    QTest::newRow("ram size and max") << QStringList{
        QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--size"), QStringLiteral("1M"),
        QStringLiteral("--max")} << 2;
    // The fault-injection hook is test support only (faultyDiag()), not a CLI option.
    QTest::newRow("ram --inject is not an option")
        << QStringList{QStringLiteral("test"), QStringLiteral("ram"),      QStringLiteral("--size"),
                       QStringLiteral("1M"),   QStringLiteral("--inject"), QStringLiteral("gremlin:1:2")}
        << 2;
    QTest::newRow("disk --inject-bad-sectors is not an option") << QStringList{QStringLiteral("test"),
                                                                               QStringLiteral("disk"),
                                                                               QStringLiteral("--surface"),
                                                                               QStringLiteral("/dev/null"),
                                                                               QStringLiteral("--inject-bad-sectors"),
                                                                               QStringLiteral("1")}
                                                                << 2;
    QTest::newRow("asset tag typo") << QStringList{QStringLiteral("test"),        QStringLiteral("disk"),
                                                   QStringLiteral("--from-json"), json,
                                                   QStringLiteral("--asset"),     QStringLiteral("NOT-A-TAG")}
                                    << 2;
}

void TestCliTest::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    const Run r = etabli(args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("inv.db")))); // nothing written
}

void TestCliTest::surfaceWithBadSectors()
{
    QFile f(m_dir.filePath(QStringLiteral("disk.img")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8 << 20, '\x5a'));
    f.close();
    const Run r
        = faultyDiag({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("disk"),
                      QStringLiteral("--surface"), f.fileName(), QStringLiteral("--chunk"), QStringLiteral("1M"),
                      QStringLiteral("--inject-bad-sectors"), QStringLiteral("17,4096,16383")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    const QJsonObject m = o[QStringLiteral("measurements")].toObject();
    QCOMPARE(m[QStringLiteral("check")].toString(), QStringLiteral("surface"));
    QCOMPARE(m[QStringLiteral("bad_sectors")].toArray(), (QJsonArray{17, 4096, 16383}));
    QCOMPARE(m[QStringLiteral("bytes_scanned")].toInteger(), qint64(8 << 20));
    QVERIFY(m[QStringLiteral("latency_histogram")].toObject().size() == 6);
    // O_DIRECT unless the temporary folder is on a filesystem without it (tmpfs).
    const int fd = ::open(QFile::encodeName(f.fileName()).constData(), O_RDONLY | O_DIRECT);
    if (fd >= 0)
        ::close(fd);
    QCOMPARE(m[QStringLiteral("o_direct")].toBool(), fd >= 0);
}

void TestCliTest::ramWithInjectedFault()
{
    const Run clean
        = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--size"),
                  QStringLiteral("4M"), QStringLiteral("--threads"), QStringLiteral("2")});
    QCOMPARE(clean.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(clean.out).object()[QStringLiteral("verdict")].toString(), QStringLiteral("PASS"));

    const Run r = faultyDiag({QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--size"),
                              QStringLiteral("4M"), QStringLiteral("--threads"), QStringLiteral("1"),
                              QStringLiteral("--inject"), QStringLiteral("stuck-at-0:1000:9")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains("FAIL  ram"), r.out.constData());
    QVERIFY2(r.out.contains("bits 9"), r.out.constData());
}

// What the "ram bad fault" row of badInput asserted when --inject was a CLI option.
void TestCliTest::ramBadFault()
{
    const Run r = faultyDiag({QStringLiteral("test"), QStringLiteral("ram"), QStringLiteral("--size"),
                              QStringLiteral("1M"), QStringLiteral("--inject"), QStringLiteral("gremlin:1:2")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("inv.db")))); // nothing written
}

void TestCliTest::recordsOnAsset()
{
    QVERIFY(etabli({QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")})
                .exitCode
            == 0);
    const Run list = etabli({QStringLiteral("--json"), QStringLiteral("asset"), QStringLiteral("list")});
    const QString tag = QJsonDocument::fromJson(list.out).array().first().toObject()[QStringLiteral("tag")].toString();
    QVERIFY2(!tag.isEmpty(), list.out.constData());

    const Run r = etabli({QStringLiteral("test"), QStringLiteral("disk"), QStringLiteral("--from-blob"),
                          corpus(QStringLiteral("atasmart-blobs/ST320410A--3.39")), QStringLiteral("--asset"), tag});
    QCOMPARE(r.exitCode, 0);
    const Run history = etabli({QStringLiteral("--json"), QStringLiteral("asset"), QStringLiteral("history"), tag});
    QCOMPARE(history.exitCode, 0);
    bool recorded = false;
    for (const QJsonValue &v : QJsonDocument::fromJson(history.out).array()) {
        const QJsonObject e = v.toObject();
        if (e[QStringLiteral("type")].toString() != QLatin1String("test.recorded"))
            continue;
        const QJsonObject payload = e[QStringLiteral("payload")].toObject();
        QCOMPARE(payload[QStringLiteral("kind")].toString(), QStringLiteral("disk"));
        QCOMPARE(payload[QStringLiteral("verdict")].toString(), QStringLiteral("WARN")); // 5 reallocated sectors
        QVERIFY(payload[QStringLiteral("rule")].toString().startsWith(QLatin1String("smart.reallocated")));
        recorded = true;
    }
    QVERIFY2(recorded, history.out.constData());
}

void TestCliTest::otherEngines()
{
    const QString tone = m_dir.filePath(QStringLiteral("tone.wav"));
    QCOMPARE(etabli({QStringLiteral("test"), QStringLiteral("audio"), QStringLiteral("--write-tone"), tone}).exitCode,
             0);
    Run r = etabli(
        {QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("audio"), QStringLiteral("--wav"), tone});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("verdict")].toString(), QStringLiteral("PASS"));
    // Our tone analysed with the channels given the other way round.
    r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("audio"), QStringLiteral("--wav"),
                tone, QStringLiteral("--left-hz"), QStringLiteral("1500"), QStringLiteral("--right-hz"),
                QStringLiteral("1000")});
    QVERIFY(QJsonDocument::fromJson(r.out).object()[QStringLiteral("rule")].toString().startsWith(
        QLatin1String("audio.swapped")));
    QCOMPARE(etabli({QStringLiteral("test"), QStringLiteral("audio"), QStringLiteral("--wav"),
                     corpus(QStringLiteral("smartctl-json/HGST_HUS724020ALE640_28.json"))})
                 .exitCode,
             5);

    r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("keyboard"),
                QStringLiteral("--umockdev-script"),
                QStringLiteral(ETABLI_FIXTURES "/diag/kbd/usbkbd.evtest.script.64")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject kb = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(kb[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    QCOMPARE(kb[QStringLiteral("measurements")].toObject()[QStringLiteral("pressed")].toInt(), 2);

    r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("screen"), QStringLiteral("--defect"),
                QStringLiteral("red:0.1,0.9"), QStringLiteral("--model"), QStringLiteral("DELL P2217H")});
    QCOMPARE(r.exitCode, 0);
    const QJsonObject screen = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(screen[QStringLiteral("verdict")].toString(), QStringLiteral("FAIL"));
    QCOMPARE(screen[QStringLiteral("measurements")].toObject()[QStringLiteral("defects")].toArray().size(), 1);
    r = etabli({QStringLiteral("--json"), QStringLiteral("test"), QStringLiteral("screen")});
    QCOMPARE(QJsonDocument::fromJson(r.out).object()[QStringLiteral("verdict")].toString(), QStringLiteral("PASS"));
}

// The real USB keyboard recording replayed as /dev/input/event5 by umockdev: the CLI
// reads the live device node, as on a bench.
void TestCliTest::keyboardLiveUnderUmockdev()
{
    const QString dir = corpus(QStringLiteral("umockdev/"));
    QProcess p;
    p.start(QStringLiteral("umockdev-run"),
            {QStringLiteral("-d"), dir + QStringLiteral("usbkbd.umockdev"), QStringLiteral("-i"),
             QStringLiteral("/dev/input/event5=") + dir + QStringLiteral("usbkbd.evtest.ioctl"), QStringLiteral("-s"),
             QStringLiteral("/dev/input/event5=") + QStringLiteral(ETABLI_FIXTURES "/diag/kbd/usbkbd.evtest.script.64"),
             QStringLiteral("--"), QStringLiteral(ETABLI_CLI), QStringLiteral("--db"),
             m_dir.filePath(QStringLiteral("live.db")), QStringLiteral("--json"), QStringLiteral("test"),
             QStringLiteral("keyboard"), QStringLiteral("--device"), QStringLiteral("/dev/input/event5"),
             QStringLiteral("--seconds"), QStringLiteral("3")});
    QVERIFY2(p.waitForStarted(5000), "umockdev-run (package umockdev) is needed");
    QVERIFY(p.waitForFinished(30000));
    const QByteArray out = p.readAllStandardOutput();
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject m = QJsonDocument::fromJson(out).object()[QStringLiteral("measurements")].toObject();
    QCOMPARE(m[QStringLiteral("pressed")].toInt(), 2); // KEY_A and KEY_LEFTSHIFT, as in the recording
    QCOMPARE(m[QStringLiteral("missing_codes")].toArray().size(), 103);

    const Run missing = etabli({QStringLiteral("test"), QStringLiteral("keyboard"), QStringLiteral("--device"),
                                QStringLiteral("/dev/input/no-such-event")});
    QCOMPARE(missing.exitCode, 3);
}

QTEST_GUILESS_MAIN(TestCliTest)
#include "tst_cli_test.moc"
