// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Whole-machine probe over the fixture machines (tests/fixtures/probe/machines, built
// by make_machines.py from real SMBIOS dumps, EDIDs and umockdev recordings): facts
// checked one by one, then the full output against each machine's expected.json.
#include "hwtest/probe/machineprobe.h"
#include "hwtest/probe/minspec.h"
#include "hwtest/probe/probejob.h"

#include <QDir>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

QString machineDir(const QString &name)
{
    return QStringLiteral(ETABLI_FIXTURES "/probe/machines/") + name;
}

QJsonObject probeFixture(const QString &name)
{
    MachineProbe probe(machineDir(name), MachineProbe::UsbSource::Sysfs);
    return probe.probe();
}

int countWhere(const QJsonArray &a, const char *key, const QJsonValue &value)
{
    int n = 0;
    for (const QJsonValue &v : a)
        n += v.toObject().value(QLatin1String(key)) == value;
    return n;
}

} // namespace

class TestMachineProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void facts_data()
    {
        QTest::addColumn<QString>("machine");
        QTest::addColumn<QString>("make");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("serial");
        QTest::addColumn<int>("threads");
        QTest::addColumn<qint64>("ramBytes");
        QTest::addColumn<int>("modules");
        QTest::addColumn<QStringList>("disks"); // name:transport:serial
        QTest::addColumn<int>("opticalDvdWriters");
        QTest::addColumn<int>("nics");
        QTest::addColumn<int>("audio");
        QTest::addColumn<QStringList>("peripherals");
        QTest::addColumn<QStringList>("monitors"); // connector:manufacturer:product or connector:!detail
        QTest::addColumn<QString>("verdict");

        const qint64 gib = qint64(1) << 30;
        QTest::newRow("ThinkPad T480: NVMe, two screens, USB keyboard")
            << u"thinkpad-t480"_qs << u"LENOVO"_qs << u"20L8S07A14"_qs << u"PC131TBF"_qs << 8 << 24 * gib << 2
            << QStringList{u"nvme0n1:NVMe:S3TNNX0K812345"_qs} << 0 << 2 << 1 << QStringList{u"keyboard"_qs}
            << QStringList{u"DP-1:LEN:4420"_qs, u"eDP-1:LEN:16469"_qs} << u"OK"_qs;
        QTest::newRow("ThinkPad W510: SATA HDD, DVD writer, camera")
            << u"thinkpad-w510"_qs << u"LENOVO"_qs << u"431924G"_qs << u"R86W27P"_qs << 8 << 8 * gib << 2
            << QStringList{u"sda:SATA:100307PBN30317HJ4YTJ"_qs} << 1 << 1 << 1 << QStringList{}
            << QStringList{u"LVDS-1:LEN:16469"_qs} << u"OK"_qs;
        QTest::newRow("Gigabyte Athlon II: 2 GiB, 80 GB, CRT")
            << u"gigabyte-ga-ma74gmt"_qs << u"Gigabyte Technology Co., Ltd."_qs << u"GA-MA74GMT-S2"_qs << QString() << 2
            << 2 * gib << 2 << QStringList{u"sda:SATA:WD-WMAM9AT12345"_qs} << 0 << 1 << 1 << QStringList{u"keyboard"_qs}
            << QStringList{u"VGA-1:DEL:25333"_qs} << u"UPGRADE_NEEDED"_qs;
        QTest::newRow("MSI i7-4770: USB stick, corrupt EDID next to a good one")
            << u"msi-ms-7816"_qs << u"MSI"_qs << u"MS-7816"_qs << QString() << 8 << 32 * gib << 4
            << QStringList{u"sda:SATA:S1DBNSAF123456X"_qs, u"sdb:USB:0374220090001234"_qs} << 0 << 1 << 2
            << QStringList{} << QStringList{u"DVI-D-1:!bad_checksum"_qs, u"HDMI-A-1:BNQ:32807"_qs} << u"OK"_qs;
        QTest::newRow("Asus UX305LA without SMBIOS access: sysfs DMI, truncated EDID")
            << u"asus-ux305la-nodmi"_qs << u"ASUSTeK COMPUTER INC."_qs << u"UX305LA"_qs << u"FCN0CJ03468352B"_qs << 4
            << qint64(8061336) * 1024 << 0 << QStringList{u"sda:SATA:150471400123"_qs} << 0 << 1 << 2
            << QStringList{u"keyboard"_qs} << QStringList{u"eDP-1:!bad_length"_qs} << u"OK"_qs;
    }
    void facts()
    {
        QFETCH(QString, machine);
        QFETCH(QString, make);
        QFETCH(QString, model);
        QFETCH(QString, serial);
        QFETCH(int, threads);
        QFETCH(qint64, ramBytes);
        QFETCH(int, modules);
        QFETCH(QStringList, disks);
        QFETCH(int, opticalDvdWriters);
        QFETCH(int, nics);
        QFETCH(int, audio);
        QFETCH(QStringList, peripherals);
        QFETCH(QStringList, monitors);
        QFETCH(QString, verdict);

        QVERIFY(QFileInfo::exists(machineDir(machine)));
        const QJsonObject m = probeFixture(machine);
        const QJsonObject sys = m.value(u"system"_qs).toObject();
        QCOMPARE(sys.value(u"manufacturer"_qs).toString(), make);
        QCOMPARE(sys.value(u"model"_qs).toString(), model);
        QCOMPARE(sys.value(u"serial"_qs).toString(), serial);
        const QJsonObject cpu = m.value(u"cpu"_qs).toObject();
        QCOMPARE(cpu.value(u"threads"_qs).toInt(), threads);
        QVERIFY(cpu.value(u"bits64"_qs).toBool());
        QVERIFY(cpu.value(u"sse2"_qs).toBool());
        const QJsonObject mem = m.value(u"memory"_qs).toObject();
        QCOMPARE(mem.value(u"installed_bytes"_qs).toInteger(), ramBytes);
        QCOMPARE(mem.value(u"modules"_qs).toArray().size(), modules);

        QStringList gotDisks;
        for (const QJsonValue &v : m.value(u"disks"_qs).toArray()) {
            const QJsonObject d = v.toObject();
            QVERIFY(d.value(u"size_bytes"_qs).toInteger() > 0);
            gotDisks << QStringList{d.value(u"name"_qs).toString(), d.value(u"transport"_qs).toString(),
                                    d.value(u"serial"_qs).toString()}
                            .join(u':');
        }
        QCOMPARE(gotDisks, disks);
        QCOMPARE(countWhere(m.value(u"optical"_qs).toArray(), "writes_dvd_r", true), opticalDvdWriters);
        QCOMPARE(m.value(u"network"_qs).toArray().size(), nics);
        for (const QJsonValue &v : m.value(u"network"_qs).toArray()) {
            QVERIFY(!v.toObject().value(u"mac"_qs).toString().isEmpty());
            QVERIFY(!v.toObject().value(u"driver"_qs).toString().isEmpty());
            QVERIFY2(!v.toObject().value(u"product"_qs).toString().isEmpty(), "named from pci.ids");
        }
        QCOMPARE(m.value(u"audio"_qs).toArray().size(), audio);

        QStringList gotPeripherals;
        for (const QJsonValue &v : m.value(u"peripherals"_qs).toArray())
            gotPeripherals << v.toObject().value(u"kind"_qs).toString();
        QCOMPARE(gotPeripherals, peripherals);

        QStringList gotMonitors;
        int monitorErrors = 0;
        for (const QJsonValue &v : m.value(u"monitors"_qs).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.contains(u"error"_qs)) {
                QVERIFY(!o.value(u"error"_qs).toString().isEmpty());
                gotMonitors << o.value(u"connector"_qs).toString() + u":!" + o.value(u"error_detail"_qs).toString();
                ++monitorErrors;
            } else {
                gotMonitors << o.value(u"connector"_qs).toString() + u':' + o.value(u"manufacturer"_qs).toString()
                        + u':' + QString::number(o.value(u"product_code"_qs).toInt());
            }
        }
        gotMonitors.sort();
        QCOMPARE(gotMonitors, monitors);
        // One broken EDID is reported per monitor and the rest of the probe went on.
        QCOMPARE(m.value(u"errors"_qs).toArray().size(), monitorErrors);

        QCOMPARE(MinSpec::check(MinSpecProfile(), m).value(u"verdict"_qs).toString(), verdict);
    }

    /// The full output equals the expected file committed beside each machine.
    /// ETABLI_UPDATE_EXPECTED=1 rewrites them (then review the diff).
    void expectedOutput_data()
    {
        QTest::addColumn<QString>("machine");
        const QStringList names
            = QDir(QStringLiteral(ETABLI_FIXTURES "/probe/machines")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QVERIFY(names.size() >= 5);
        for (const QString &n : names)
            QTest::newRow(qPrintable(n)) << n;
    }
    void expectedOutput()
    {
        QFETCH(QString, machine);
        const QJsonObject m = probeFixture(machine);
        const QString file = machineDir(machine) + u".expected.json";
        if (qEnvironmentVariableIntValue("ETABLI_UPDATE_EXPECTED")) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QJsonDocument(m).toJson());
        }
        QFile in(file);
        QVERIFY2(in.open(QIODevice::ReadOnly), qPrintable(file));
        const QJsonObject expected = QJsonDocument::fromJson(in.readAll()).object();
        QVERIFY(!expected.isEmpty());
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY2(m.value(it.key()) == it.value(), qPrintable(u"section differs: "_qs + it.key()));
        QCOMPARE(m.keys(), expected.keys());
    }

    void textOutputNamesEveryPart()
    {
        const QString text = MachineProbe::toText(probeFixture(u"thinkpad-w510"_qs));
        QVERIFY(text.contains(u"431924G"_qs));
        QVERIFY(text.contains(u"DVD writer"_qs));
        QVERIFY(text.contains(u"82577LM"_qs)); // the NIC, named from pci.ids
        QVERIFY(text.contains(u"HDA Intel"_qs));
    }

    void missingRootGivesErrorsNotCrash()
    {
        QTemporaryDir empty;
        MachineProbe probe(empty.path(), MachineProbe::UsbSource::Sysfs);
        const QJsonObject m = probe.probe();
        QVERIFY(m.value(u"errors"_qs).toArray().size() >= 2); // dmi, cpu, memory
        QVERIFY(m.value(u"disks"_qs).toArray().isEmpty());
    }

    /// The UI facade probes on its own thread and reports on the caller's.
    void probeJobRunsOffThread()
    {
        ProbeJob job(machineDir(u"thinkpad-w510"_qs));
        QSignalSpy finished(&job, &ProbeJob::finished);
        QSignalSpy running(&job, &ProbeJob::runningChanged);
        Qt::HANDLE deliveredOn = nullptr;
        connect(&job, &ProbeJob::finished, this, [&deliveredOn] { deliveredOn = QThread::currentThreadId(); });
        QVERIFY(job.start());
        QVERIFY(job.isRunning());
        QVERIFY(!job.start()); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QVERIFY(!job.isRunning());
        QCOMPARE(running.size(), 2);
        QCOMPARE(deliveredOn, QThread::currentThreadId());
        const QJsonObject m = finished.at(0).at(0).toJsonObject();
        QCOMPARE(m.value(u"system"_qs).toObject().value(u"serial"_qs).toString(), u"R86W27P"_qs);
        QCOMPARE(m.value(u"disks"_qs), probeFixture(u"thinkpad-w510"_qs).value(u"disks"_qs));
        // A job destroyed while running neither crashes nor leaks its thread.
        auto *early = new ProbeJob(machineDir(u"msi-ms-7816"_qs));
        QVERIFY(early->start());
        delete early;
    }

    /// This very machine: whatever it is, the CPU and the memory are found.
    void liveMachine()
    {
        MachineProbe probe(u"/"_qs, MachineProbe::UsbSource::Sysfs);
        const QJsonObject m = probe.probe();
        QVERIFY(m.value(u"cpu"_qs).toObject().value(u"threads"_qs).toInt() >= 1);
        QVERIFY(m.value(u"memory"_qs).toObject().value(u"usable_bytes"_qs).toInteger() > 0);
    }
};

QTEST_GUILESS_MAIN(TestMachineProbe)
#include "tst_machineprobe.moc"
