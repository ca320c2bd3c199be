// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The `etabli probe` commands as a user runs them: GLPI export validated by a real
// JSON-schema validator against GLPI's published schema, results stored on an asset,
// minimum-spec exit codes, bad input, and a real libusb enumeration of a recorded USB
// keyboard replayed by umockdev.
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kMachines = QStringLiteral(ETABLI_FIXTURES "/probe/machines");

struct Run {
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonValue json() const
    {
        return QJsonDocument::fromJson(out).isArray() ? QJsonValue(QJsonDocument::fromJson(out).array())
                                                      : QJsonValue(QJsonDocument::fromJson(out).object());
    }
};

Run run(const QStringList &args, const QString &wrapper = {}, const QStringList &wrapperArgs = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    if (wrapper.isEmpty())
        p.start(QStringLiteral(ETABLI_CLI), args);
    else
        p.start(wrapper, wrapperArgs + QStringList{QStringLiteral("--"), QStringLiteral(ETABLI_CLI)} + args);
    Run r;
    if (!p.waitForFinished(60000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString python()
{
    // Debian's interpreter, where python3-jsonschema is installed.
    return QFileInfo::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStandardPaths::findExecutable(QStringLiteral("python3"));
}

/// Validates `doc` against GLPI's schema with python3-jsonschema; returns the error text.
QString validateGlpi(const QByteArray &doc)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("inventory.json"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write temp file");
    f.write(doc);
    f.close();
    QProcess p;
    p.start(python(),
            {QStringLiteral("-c"),
             QStringLiteral("import json, sys, jsonschema\n"
                            "schema = json.load(open(sys.argv[1]))\n"
                            "jsonschema.Draft7Validator.check_schema(schema)\n"
                            "jsonschema.validate(json.load(open(sys.argv[2])), schema)\n"),
             QStringLiteral(ETABLI_CORPUS "/glpi-inventory-format/inventory.schema.json"), file});
    if (!p.waitForFinished(60000))
        return QStringLiteral("validator timed out");
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError()).right(600);
}

QStringList machines()
{
    return QDir(kMachines).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
}

} // namespace

class TestProbeCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(ETABLI_CLI)), ETABLI_CLI);
        QVERIFY(machines().size() >= 5);
    }

    void glpiValidates_data()
    {
        QTest::addColumn<QString>("machine");
        for (const QString &m : machines())
            QTest::newRow(qPrintable(m)) << m;
    }
    void glpiValidates()
    {
        QFETCH(QString, machine);
        if (!QFileInfo::exists(QStringLiteral(ETABLI_CORPUS "/glpi-inventory-format/inventory.schema.json")))
            QSKIP("../shared/corpus/glpi-inventory-format is absent");
        QProcess check;
        check.start(python(), {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, "python3-jsonschema is needed (apt-get install python3-jsonschema)");

        const Run r = run({QStringLiteral("probe"), QStringLiteral("--root"), kMachines + u'/' + machine,
                           QStringLiteral("--format"), QStringLiteral("glpi")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = r.json().toObject();
        QCOMPARE(doc.value(u"itemtype"_qs).toString(), u"Computer"_qs);
        const QJsonObject content = doc.value(u"content"_qs).toObject();
        QVERIFY(content.value(u"hardware"_qs).toObject().value(u"memory"_qs).toInt() > 1000);
        QVERIFY(!content.value(u"storages"_qs).toArray().isEmpty());
        QVERIFY(!content.value(u"cpus"_qs).toArray().isEmpty());
        const QString error = validateGlpi(r.out);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    /// The validator is real: a document breaking the schema is refused.
    void glpiValidatorRefusesBadDocument()
    {
        const Run r = run({QStringLiteral("probe"), QStringLiteral("--root"), kMachines + u"/thinkpad-t480"_qs,
                           QStringLiteral("--format"), QStringLiteral("glpi")});
        QCOMPARE(r.code, 0);
        QJsonObject doc = r.json().toObject();
        QJsonObject content = doc.value(u"content"_qs).toObject();
        QJsonArray cpus = content.value(u"cpus"_qs).toArray();
        QJsonObject cpu = cpus[0].toObject();
        cpu[u"arch"_qs] = u"pdp11"_qs; // not in the schema's pattern
        cpus[0] = cpu;
        content[u"cpus"_qs] = cpus;
        doc[u"content"_qs] = content;
        QVERIFY(!validateGlpi(QJsonDocument(doc).toJson()).isEmpty());
    }

    void edidJsonKeys()
    {
        const Run r = run({QStringLiteral("--json"), QStringLiteral("probe"), QStringLiteral("edid"),
                           QStringLiteral(ETABLI_FIXTURES "/probe/edid/acer-al1716")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json().toObject();
        for (const char *key : {"manufacturer", "manufacturer_name", "product_code", "serial_number", "name", "week",
                                "year", "width_cm", "height_cm", "diagonal_in"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(u"manufacturer"_qs).toString(), u"ACR"_qs);
        QCOMPARE(o.value(u"product_code"_qs).toInt(), 1716);
        QCOMPARE(o.value(u"serial_number"_qs).toInteger(), 45137);
        QCOMPARE(o.value(u"week"_qs).toInt(), 37);
        QCOMPARE(o.value(u"year"_qs).toInt(), 2006);
        QCOMPARE(o.value(u"name"_qs).toString(), u"AL1716"_qs);
        QCOMPARE(o.value(u"diagonal_in"_qs).toDouble(), 17.1); // sqrt(34² + 27²) / 2.54 = 17.09
    }

    void smbiosJsonGroups()
    {
        const Run r = run({QStringLiteral("--json"), QStringLiteral("probe"), QStringLiteral("smbios"),
                           QStringLiteral(ETABLI_FIXTURES "/probe/smbios/MSI-MS-7816.bin")});
        QCOMPARE(r.code, 0);
        const QJsonObject o = r.json().toObject();
        QCOMPARE(o.value(u"system"_qs).toObject().value(u"product_name"_qs).toString(), u"MS-7816"_qs);
        QCOMPARE(o.value(u"baseboard"_qs).toObject().value(u"manufacturer"_qs).toString(), u"MSI"_qs);
        QCOMPARE(o.value(u"chassis"_qs).toObject().value(u"type"_qs).toString(), u"Desktop"_qs);
        QCOMPARE(o.value(u"processors"_qs).toArray().size(), 1);
        QCOMPARE(o.value(u"memory_devices"_qs).toArray().size(), 4);
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("edid file missing") << QStringList{u"probe"_qs, u"edid"_qs, u"/nonexistent/edid"_qs} << 3;
        QTest::newRow("truncated edid") << QStringList{u"probe"_qs, u"edid"_qs,
                                                       QStringLiteral(ETABLI_FIXTURES "/probe/edid/lcd.regis")}
                                        << 5;
        QTest::newRow("edid given to smbios")
            << QStringList{u"probe"_qs, u"smbios"_qs, QStringLiteral(ETABLI_FIXTURES "/probe/edid/acer-al1716")} << 5;
        QTest::newRow("root missing") << QStringList{u"probe"_qs, u"--root"_qs, u"/nonexistent/root"_qs} << 3;
        QTest::newRow("unknown format") << QStringList{u"probe"_qs, u"--format"_qs, u"xml"_qs} << 2;
        QTest::newRow("unknown usb source") << QStringList{u"probe"_qs, u"--usb"_qs, u"carrier-pigeon"_qs} << 2;
        QTest::newRow("unknown verb") << QStringList{u"probe"_qs, u"frobnicate"_qs} << 2;
        QTest::newRow("profile missing") << QStringList{u"probe"_qs, u"check"_qs, u"--profile"_qs,
                                                        u"/nonexistent.json"_qs}
                                         << 3;
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const Run r = run(args);
        QCOMPARE(r.code, code);
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY(r.out.trimmed().isEmpty());
    }

    void minSpecCheck_data()
    {
        QTest::addColumn<QString>("machine");
        QTest::addColumn<QByteArray>("profile");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("T480, default profile") << u"thinkpad-t480"_qs << QByteArray() << 0 << QStringList{};
        QTest::newRow("Athlon II, default profile: RAM and disk")
            << u"gigabyte-ga-ma74gmt"_qs << QByteArray() << 1 << QStringList{u"ram"_qs, u"disk"_qs};
        QTest::newRow("T480, 32 GiB profile: RAM")
            << u"thinkpad-t480"_qs << QByteArray(R"({"min_ram_gib": 32})") << 1 << QStringList{u"ram"_qs};
        QTest::newRow("MSI, 500 GB profile: disk (USB stick not counted)")
            << u"msi-ms-7816"_qs << QByteArray(R"({"name": "big", "min_disk_gb": 500})") << 1
            << QStringList{u"disk"_qs};
        QTest::newRow("Athlon II, lenient profile")
            << u"gigabyte-ga-ma74gmt"_qs << QByteArray(R"({"min_ram_gib": 2, "min_disk_gb": 60})") << 0
            << QStringList{};
        QTest::newRow("Athlon II, 4 threads: CPU")
            << u"gigabyte-ga-ma74gmt"_qs << QByteArray(R"({"min_ram_gib": 1, "min_disk_gb": 60, "min_threads": 4})")
            << 1 << QStringList{u"cpu"_qs};
        QTest::newRow("wrong type in profile")
            << u"thinkpad-t480"_qs << QByteArray(R"({"min_ram_gib": "lots"})") << 2 << QStringList{};
    }
    void minSpecCheck()
    {
        QFETCH(QString, machine);
        QFETCH(QByteArray, profile);
        QFETCH(int, code);
        QFETCH(QStringList, parts);
        QTemporaryDir dir;
        QStringList args{u"--json"_qs, u"probe"_qs, u"check"_qs, u"--root"_qs, kMachines + u'/' + machine};
        if (!profile.isEmpty()) {
            QFile f(dir.filePath(u"profile.json"_qs));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(profile);
            f.close();
            args << u"--profile"_qs << f.fileName();
        }
        const Run r = run(args);
        QCOMPARE(r.code, code);
        if (code == 2)
            return;
        const QJsonObject o = r.json().toObject();
        QCOMPARE(o.value(u"verdict"_qs).toString(), code == 0 ? u"OK"_qs : u"UPGRADE_NEEDED"_qs);
        QStringList got;
        for (const QJsonValue &v : o.value(u"failures"_qs).toArray()) {
            got << v.toObject().value(u"part"_qs).toString();
            QVERIFY(!v.toObject().value(u"reason"_qs).toString().isEmpty());
            QCOMPARE(v.toObject().value(u"picture"_qs).toString(), u"part-"_qs + got.last());
        }
        QCOMPARE(got, parts);
    }

    /// `--asset TAG` stores make, model, serial, specs and components (asset.updated);
    /// `--add-peripherals` makes the USB keyboard an asset of its own.
    void storesOnAsset()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(u"inventory.sqlite"_qs);
        Run r = run({u"--db"_qs, db, u"lot"_qs, u"add"_qs, u"LOT-1"_qs});
        QCOMPARE(r.code, 0);
        r = run(
            {u"--db"_qs, db, u"--json"_qs, u"asset"_qs, u"add"_qs, u"--kind"_qs, u"pc"_qs, u"--lot"_qs, u"LOT-1"_qs});
        QCOMPARE(r.code, 0);
        const QString tag = r.json().toObject().value(u"tag"_qs).toString();
        QVERIFY(!tag.isEmpty());

        r = run({u"--db"_qs, db, u"probe"_qs, u"--root"_qs, kMachines + u"/thinkpad-t480"_qs, u"--asset"_qs, tag,
                 u"--add-peripherals"_qs});
        QCOMPARE(r.code, 0);

        r = run({u"--db"_qs, db, u"--json"_qs, u"asset"_qs, u"show"_qs, tag});
        QCOMPARE(r.code, 0);
        const QJsonObject a = r.json().toObject();
        QCOMPARE(a.value(u"make"_qs).toString(), u"LENOVO"_qs);
        QCOMPARE(a.value(u"model"_qs).toString(), u"ThinkPad T480s (20L8S07A14)"_qs);
        QCOMPARE(a.value(u"serial"_qs).toString(), u"PC131TBF"_qs);
        const QJsonObject specs = a.value(u"specs"_qs).toObject();
        QCOMPARE(specs.value(u"ram_bytes"_qs).toInteger(), qint64(24) << 30);
        QCOMPARE(specs.value(u"cpu_threads"_qs).toInt(), 8);
        QStringList kinds;
        for (const QJsonValue &v : a.value(u"components"_qs).toArray())
            kinds << v.toObject().value(u"kind"_qs).toString();
        kinds.sort();
        QCOMPARE(kinds,
                 (QStringList{u"disk"_qs, u"keyboard"_qs, u"nic"_qs, u"nic"_qs, u"ram"_qs, u"ram"_qs, u"screen"_qs,
                              u"screen"_qs}));

        r = run({u"--db"_qs, db, u"--json"_qs, u"asset"_qs, u"list"_qs});
        QCOMPARE(r.code, 0);
        int keyboards = 0;
        for (const QJsonValue &v : r.json().toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(u"kind"_qs).toString() == u"keyboard"_qs) {
                ++keyboards;
                QCOMPARE(o.value(u"lot"_qs).toString(), u"LOT-1"_qs);
                QCOMPARE(o.value(u"model"_qs).toString(), u"Kinesis Advantage PRO MPC/USB Keyboard"_qs);
            }
        }
        QCOMPARE(keyboards, 1);

        // An unknown tag changes nothing and says why.
        r = run({u"--db"_qs, db, u"probe"_qs, u"--root"_qs, kMachines + u"/thinkpad-t480"_qs, u"--asset"_qs,
                 u"NOPE-0000"_qs});
        QVERIFY(r.code != 0);
        QVERIFY(!r.err.isEmpty());
    }

    /// A real libusb enumeration: umockdev replays the recorded USB keyboard (bus, hubs,
    /// descriptors) and libusb must see what the sysfs reader sees in the fixture built
    /// from the same recording.
    void libusbMatchesSysfsUnderUmockdev()
    {
        const QString umockdev = QStandardPaths::findExecutable(u"umockdev-run"_qs);
        QVERIFY2(!umockdev.isEmpty(), "umockdev is installed by packaging/setup-debian.sh");
        const Run live = run({u"--json"_qs, u"probe"_qs, u"--usb"_qs, u"libusb"_qs}, umockdev,
                             {u"-d"_qs, QStringLiteral(ETABLI_FIXTURES "/probe/umockdev/usbkbd.umockdev")});
        QVERIFY2(live.code == 0, live.err.constData());
        const Run fixture = run(
            {u"--json"_qs, u"probe"_qs, u"--usb"_qs, u"sysfs"_qs, u"--root"_qs, kMachines + u"/thinkpad-t480"_qs});
        QCOMPARE(fixture.code, 0);
        const auto summary = [](const QJsonValue &machine) {
            QStringList rows;
            for (const QJsonValue &v : machine.toObject().value(u"usb"_qs).toArray()) {
                const QJsonObject u = v.toObject();
                rows << QStringList{QString::number(u.value(u"bus"_qs).toInt()),   u.value(u"port_path"_qs).toString(),
                                    u.value(u"vendor_id"_qs).toString(),           u.value(u"product_id"_qs).toString(),
                                    QString::number(u.value(u"class"_qs).toInt()), u.value(u"peripheral"_qs).toString()}
                            .join(u' ');
            }
            rows.sort();
            return rows;
        };
        const QStringList fromLibusb = summary(live.json());
        QCOMPARE(fromLibusb.size(), 5);
        QVERIFY(fromLibusb.contains(u"1 1.5.4.2 05f3 0007 0 keyboard"_qs));
        QCOMPARE(fromLibusb, summary(fixture.json()));
        QCOMPARE(live.json().toObject().value(u"usb"_qs).toArray()[0].toObject().value(u"source"_qs).toString(),
                 u"libusb"_qs);
    }
};

QTEST_GUILESS_MAIN(TestProbeCli)
#include "tst_probecli.moc"
