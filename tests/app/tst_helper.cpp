// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-helper as a real process on real loop devices: every hostile request line gets
// an error line and leaves the disk's bytes as they were; a write through the helper
// (driven by HelperClient) equals `etabli image write` byte for byte.
#include "../imaging/imagingtestutil.h"

#include "app/core/helperclient.h"
#include "app/core/helperprotocol.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace ImagingTest;

namespace {

class Loop
{
public:
    explicit Loop(const QString &backing)
    {
        const Run r = run(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), backing});
        if (r.code == 0)
            device = QString::fromLocal8Bit(r.out).trimmed();
    }
    ~Loop()
    {
        if (!device.isEmpty())
            run(QStringLiteral("losetup"), {QStringLiteral("-d"), device});
    }
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;
    /// What the imaging engine reports as a loop device's serial: its backing file.
    QString serial() const
    {
        QFile f(QStringLiteral("/sys/block/%1/loop/backing_file").arg(QFileInfo(device).fileName()));
        return f.open(QIODevice::ReadOnly) ? QStringLiteral("loop:") + QString::fromUtf8(f.readAll()).trimmed()
                                           : QString();
    }
    QString device;
};

constexpr qint64 diskBytes = 8 << 20;

} // namespace

class TestHelper : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_master, m_unsigned, m_otherKeyMaster, m_backing, m_mountedBacking, m_mountPoint;
    std::unique_ptr<Loop> m_loop, m_mounted;
    QString m_private; ///< a file only its owner may read (masters: never taken as a CA)
    bool m_isMounted = false;
    QByteArray m_before;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run etabli(const QStringList &args) { return run(QStringLiteral(ETABLI_CLI), args); }

    QProcessEnvironment helperEnvironment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ETABLI_MASTER_PUBKEY"), path(QStringLiteral("workshop.pub")));
        env.insert(QStringLiteral("ETABLI_JOURNAL_DIR"), path(QStringLiteral("journal")));
        env.insert(QStringLiteral("ETABLI_SEAL_DIR"), path(QStringLiteral("seals")));
        env.insert(QStringLiteral("ETABLI_STATION_KEY_DIR"), path(QStringLiteral("station-key")));
        return env;
    }

    /// Runs the helper on `line`, returns the reply lines after its greeting.
    QList<QJsonObject> ask(const QByteArray &line, int *exitCode)
    {
        QProcess p;
        p.setProcessEnvironment(helperEnvironment());
        p.start(QStringLiteral(ETABLI_HELPER), {});
        if (!p.waitForStarted())
            return {};
        p.write(line);
        p.closeWriteChannel();
        p.waitForFinished(30000);
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        QList<QJsonObject> replies;
        const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
        for (const QByteArray &l : lines)
            if (!l.isEmpty())
                replies << QJsonDocument::fromJson(l).object();
        return replies;
    }

    QByteArray diskBytesNow() const { return sha256File(m_loop->device, diskBytes) + sha256File(m_backing); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(ETABLI_HELPER)), "build the etabli-helper target first");
        if (::geteuid() != 0)
            QSKIP("loop devices and the helper need root (CI runs as root)");
        const QString raw = path(QStringLiteral("src.raw"));
        QVERIFY(writeFile(raw, diskContent(4 << 20, 7)));
        for (const char *name : {"workshop", "other"}) {
            const Run r = etabli({QStringLiteral("image"), QStringLiteral("keygen"), path(QString::fromLatin1(name))});
            QVERIFY2(r.code == 0, r.err.constData());
        }
        m_master = path(QStringLiteral("ecole.qcow2"));
        m_unsigned = path(QStringLiteral("unsigned.qcow2"));
        m_otherKeyMaster = path(QStringLiteral("other.qcow2"));
        const QList<std::pair<QString, QString>> builds{{m_master, QStringLiteral("workshop.key")},
                                                        {m_unsigned, QString()},
                                                        {m_otherKeyMaster, QStringLiteral("other.key")}};
        for (const auto &[master, key] : builds) {
            QStringList args{QStringLiteral("image"),     QStringLiteral("build"), raw, QStringLiteral("-o"), master,
                             QStringLiteral("--version"), QStringLiteral("1")};
            if (!key.isEmpty())
                args << QStringLiteral("--key") << path(key);
            const Run r = etabli(args);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        m_private = path(QStringLiteral("private.pem"));
        QVERIFY(writeFile(m_private, QByteArray("-----BEGIN CERTIFICATE-----\n")));
        QVERIFY(QFile::setPermissions(m_private, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        m_backing = path(QStringLiteral("disk.bin"));
        QVERIFY(writeFile(m_backing, QByteArray(diskBytes, char(0x5a))));
        m_loop = std::make_unique<Loop>(m_backing);
        if (m_loop->device.isEmpty())
            QSKIP("no loop device available");
        m_before = diskBytesNow();
        // A second loop device, formatted and mounted.
        m_mountedBacking = path(QStringLiteral("mounted.bin"));
        QVERIFY(writeFile(m_mountedBacking, QByteArray(diskBytes, 0)));
        m_mounted = std::make_unique<Loop>(m_mountedBacking);
        m_mountPoint = path(QStringLiteral("mnt"));
        QDir().mkpath(m_mountPoint);
        m_isMounted = !m_mounted->device.isEmpty()
            && run(QStringLiteral("mkfs.ext4"), {QStringLiteral("-q"), m_mounted->device}).code == 0
            && run(QStringLiteral("mount"), {m_mounted->device, m_mountPoint}).code == 0;
    }

    void cleanupTestCase()
    {
        if (m_isMounted)
            run(QStringLiteral("umount"), {m_mountPoint});
        m_mounted.reset();
        m_loop.reset();
    }

    void hostileLines_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("detail");
        const QByteArray ok
            = "\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"],\"fill\":\"zeros\"";
        auto write = [&ok](const QByteArray &extra) -> QByteArray {
            return "{\"id\":\"h1\",\"verb\":\"write\"," + ok + extra + "}\n";
        };
        auto req
            = [](const QByteArray &body) -> QByteArray { return "{\"id\":\"h1\",\"verb\":\"write\"," + body + "}\n"; };
        QTest::newRow("unknown verb") << QByteArray("{\"id\":\"h1\",\"verb\":\"format\",\"targets\":[\"@LOOP\"]}"
                                                    "\n")
                                      << QStringLiteral("unknown_verb");
        QTest::newRow("system disk") << req("\"master\":\"@MASTER\",\"targets\":[\"@SYSDISK\"],\"serials\":[\"any\"]")
                                     << QStringLiteral("target_system_disk");
        QTest::newRow("mounted loop device")
            << req("\"master\":\"@MASTER\",\"targets\":[\"@MOUNTED\"],\"serials\":[\"@MOUNTEDSERIAL\"]")
            << QStringLiteral("target_mounted");
        QTest::newRow("wrong serial") << req(
            "\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"],\"serials\":[\"WD-WCC6Y0000000\"]")
                                      << QStringLiteral("serial_mismatch");
        QTest::newRow("empty serial") << req("\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"],\"serials\":[\"\"]")
                                      << QStringLiteral("serial_missing");
        QTest::newRow("no serials") << req("\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"]")
                                    << QStringLiteral("missing_key");
        QTest::newRow("serials count") << req(
            "\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"],\"serials\":[\"a\",\"b\"]")
                                       << QStringLiteral("serials_count");
        QTest::newRow("unsigned manifest")
            << req("\"master\":\"@UNSIGNED\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"]")
            << QStringLiteral("manifest_unsigned");
        QTest::newRow("signed by another workshop")
            << req("\"master\":\"@OTHER\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"]") << QStringLiteral("*");
        QTest::newRow("asks to allow unsigned") << write(",\"allow_unsigned\":true") << QStringLiteral("unknown_key");
        QTest::newRow("asks for its own key")
            << write(",\"pubkey\":\"/tmp/mine.pub\"") << QStringLiteral("unknown_key");
        QTest::newRow("wrong type") << write(",\"verify\":\"yes\"") << QStringLiteral("bad_type");
        QTest::newRow("threads out of range") << write(",\"threads\":1e9") << QStringLiteral("bad_type");
        QTest::newRow("truncated JSON") << QByteArray(
            "{\"id\":\"h1\",\"verb\":\"write\",\"master\":\"@MASTER\",\"targets\":[\"@LOO"
            "\n") << QStringLiteral("bad_json");
        QTest::newRow("truncated, no newline")
            << QByteArray("{\"id\":\"h1\",\"verb\":\"write\",\"master\":\"@MASTER\"") << QStringLiteral("bad_json");
        QTest::newRow("1 MiB line") << QByteArray("{\"id\":\"h1\",\"verb\":\"write\"," + ok + QByteArray(1 << 20, ' ')
                                                  + "}\n")
                                    << QStringLiteral("line_too_long");
        QTest::newRow("not an object") << QByteArray("[\"write\"]\n") << QStringLiteral("bad_json");
        QTest::newRow("binary garbage") << QByteArray("\xff\xfe\x00\x01{}\n", 7) << QStringLiteral("bad_json");
        QTest::newRow("numeric id") << QByteArray("{\"id\":5,\"verb\":\"write\"}"
                                                  "\n")
                                    << QStringLiteral("bad_id");
        QTest::newRow("id with a newline escape") << QByteArray("{\"id\":\"a\\nb\",\"verb\":\"cancel\"}"
                                                                "\n")
                                                  << QStringLiteral("bad_id");
        QTest::newRow("regular file target")
            << req("\"master\":\"@MASTER\",\"targets\":[\"@BACKING\"],\"serials\":[\"x\"]")
            << QStringLiteral("target_kind");
        QTest::newRow("missing /dev node")
            << req("\"master\":\"@MASTER\",\"targets\":[\"/dev/sdz9\"],\"serials\":[\"x\"]")
            << QStringLiteral("target_missing");
        QTest::newRow("relative target") << req("\"master\":\"@MASTER\",\"targets\":[\"loop0\"],\"serials\":[\"x\"]")
                                         << QStringLiteral("bad_path");
        QTest::newRow("master on stdin") << req("\"master\":\"-\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"]")
                                         << QStringLiteral("bad_path");
        QTest::newRow("master is /dev/zero")
            << req("\"master\":\"/dev/zero\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"]")
            << QStringLiteral("master_not_file");
        QTest::newRow("bad fill") << req(
            "\"master\":\"@MASTER\",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"],\"fill\":\"x\"")
                                  << QString();
        QTest::newRow("no target") << req("\"master\":\"@MASTER\",\"targets\":[],\"serials\":[]")
                                   << QStringLiteral("bad_targets");
        QTest::newRow("scan, wrong serial")
            << QByteArray("{\"id\":\"h1\",\"verb\":\"scan\",\"target\":\"@LOOP\",\"serial\":\"x\"}"
                          "\n")
            << QStringLiteral("serial_mismatch");
        // wipe: the same safety as write (block devices only, serial confirmed, never mounted).
        auto wipe
            = [](const QByteArray &body) -> QByteArray { return "{\"id\":\"h1\",\"verb\":\"wipe\"," + body + "}\n"; };
        QTest::newRow("wipe, wrong serial")
            << wipe("\"target\":\"@LOOP\",\"serial\":\"x\",\"method\":\"clear\"") << QStringLiteral("serial_mismatch");
        QTest::newRow("wipe, empty serial")
            << wipe("\"target\":\"@LOOP\",\"serial\":\"\"") << QStringLiteral("serial_required");
        QTest::newRow("wipe, no serial") << wipe("\"target\":\"@LOOP\"") << QStringLiteral("missing_key");
        QTest::newRow("wipe, regular file")
            << wipe("\"target\":\"@BACKING\",\"serial\":\"x\"") << QStringLiteral("target_kind");
        QTest::newRow("wipe, mounted loop device")
            << wipe("\"target\":\"@MOUNTED\",\"serial\":\"@MOUNTEDSERIAL\"") << QStringLiteral("target_mounted");
        QTest::newRow("wipe, system disk")
            << wipe("\"target\":\"@SYSDISK\",\"serial\":\"any\"") << QStringLiteral("target_system_disk");
        QTest::newRow("wipe, bad method")
            << wipe("\"target\":\"@LOOP\",\"serial\":\"@SERIAL\",\"method\":\"shred\"") << QString();
        QTest::newRow("wipe, asks for a certificate path")
            << wipe("\"target\":\"@LOOP\",\"serial\":\"@SERIAL\",\"certificate\":\"/etc/passwd\"")
            << QStringLiteral("unknown_key");
        // masters (issue 19): a master on the network, its token, CA and cache, all refused
        // before anything is fetched or written.
        const QByteArray disk = ",\"targets\":[\"@LOOP\"],\"serials\":[\"@SERIAL\"]";
        const QByteArray url = "https://inventaire:8420/api/v1/masters/ecole.qcow2";
        QTest::newRow("remote: file:// master")
            << req("\"master\":\"file:///etc/passwd\",\"token\":\"t\"" + disk) << QStringLiteral("bad_master_url");
        QTest::newRow("remote: plain http off the loopback")
            << req("\"master\":\"http://10.0.0.1/api/v1/masters/ecole.qcow2\",\"token\":\"t\"" + disk)
            << QStringLiteral("bad_master_url");
        QTest::newRow("remote: not a master's path")
            << req("\"master\":\"https://inventaire/api/v1/sync/push\",\"token\":\"t\"" + disk)
            << QStringLiteral("bad_master_url");
        QTest::newRow("remote: user in the URL")
            << req("\"master\":\"https://a:b@inventaire/api/v1/masters/ecole.qcow2\",\"token\":\"t\"" + disk)
            << QStringLiteral("bad_master_url");
        QTest::newRow("remote: multicast to a unicast address")
            << req("\"master\":\"multicast://10.0.0.1:5019?master=" + url + "\",\"token\":\"t\"" + disk)
            << QStringLiteral("bad_master_url");
        QTest::newRow("remote: multicast of a file:// master")
            << req("\"master\":\"multicast://239.19.0.1:5019?master=file:///etc/passwd\",\"token\":\"t\"" + disk)
            << QStringLiteral("bad_master_url");
        QTest::newRow("remote: no token") << req("\"master\":\"" + url + "\"" + disk) << QStringLiteral("bad_token");
        QTest::newRow("remote: token ending the header")
            << req("\"master\":\"" + url + "\",\"token\":\"abc\\r\\nX-Evil: 1\"" + disk) << QStringLiteral("bad_token");
        QTest::newRow("remote: relative CA")
            << req("\"master\":\"" + url + "\",\"token\":\"t\",\"ca\":\"ca.pem\"" + disk) << QStringLiteral("bad_ca");
        QTest::newRow("remote: a private file as CA")
            << req("\"master\":\"" + url + "\",\"token\":\"t\",\"ca\":\"@PRIVATE\"" + disk) << QStringLiteral("bad_ca");
        QTest::newRow("remote: a device as CA")
            << req("\"master\":\"" + url + "\",\"token\":\"t\",\"ca\":\"@LOOP\"" + disk) << QStringLiteral("bad_ca");
        QTest::newRow("remote: the target as cache")
            << req("\"master\":\"" + url + "\",\"token\":\"t\",\"cache\":\"@LOOP\"" + disk)
            << QStringLiteral("cache_is_target");
        QTest::newRow("remote: a directory as cache")
            << req("\"master\":\"" + url + "\",\"token\":\"t\",\"cache\":\"/tmp\"" + disk)
            << QStringLiteral("bad_cache");
        QTest::newRow("remote: token with a local master")
            << req("\"master\":\"@MASTER\",\"token\":\"t\"" + disk) << QStringLiteral("remote_keys");
        QTest::newRow("remote: token as a number")
            << req("\"master\":\"" + url + "\",\"token\":12" + disk) << QStringLiteral("bad_type");
    }
    void hostileLines()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, detail);
        const QString systemDisk = QString::fromLocal8Bit(run(QStringLiteral("findmnt"),
                                                              {QStringLiteral("-n"), QStringLiteral("-o"),
                                                               QStringLiteral("SOURCE"), QStringLiteral("/")})
                                                              .out)
                                       .trimmed();
        if (line.contains("@SYSDISK") && !systemDisk.startsWith(QLatin1String("/dev/")))
            QSKIP("the root filesystem is not on a block device here");
        if (line.contains("@MOUNTED") && !m_isMounted)
            QSKIP("this machine does not allow mounting a loop device");
        line.replace("@MASTER", m_master.toUtf8())
            .replace("@UNSIGNED", m_unsigned.toUtf8())
            .replace("@OTHER", m_otherKeyMaster.toUtf8())
            .replace("@LOOP", m_loop->device.toUtf8())
            .replace("@SERIAL", m_loop->serial().toUtf8())
            .replace("@MOUNTEDSERIAL", m_mounted ? m_mounted->serial().toUtf8() : QByteArray())
            .replace("@MOUNTED", m_mounted ? m_mounted->device.toUtf8() : QByteArray())
            .replace("@BACKING", m_backing.toUtf8())
            .replace("@PRIVATE", m_private.toUtf8())
            .replace("@SYSDISK", systemDisk.toUtf8());
        int exitCode = -2;
        QElapsedTimer timer;
        timer.start();
        const QList<QJsonObject> replies = ask(line, &exitCode);
        QCOMPARE(exitCode, 0); // answered, not crashed
        QVERIFY2(timer.elapsed() < 10000, "a refusal must be immediate");
        QCOMPARE(replies.size(), 2); // the greeting, then one answer
        QCOMPARE(replies[0].value(QStringLiteral("type")).toString(), QStringLiteral("ready"));
        const QJsonObject reply = replies[1];
        QCOMPARE(reply.value(QStringLiteral("type")).toString(), QStringLiteral("error"));
        QVERIFY(!reply.value(QStringLiteral("message")).toString().isEmpty());
        QVERIFY(reply.value(QStringLiteral("exit_code")).toInt() > 0);
        if (detail == QLatin1String("target_system_disk"))
            QVERIFY2(reply.value(QStringLiteral("detail")).toString() == detail
                         || reply.value(QStringLiteral("detail")).toString() == QLatin1String("target_mounted"),
                     qPrintable(reply.value(QStringLiteral("detail")).toString()));
        else if (detail != QLatin1String("*") && !detail.isEmpty())
            QCOMPARE(reply.value(QStringLiteral("detail")).toString(), detail);
        QCOMPARE(diskBytesNow(), m_before); // nothing written
    }

    // Several lines on one connection: each refused one is answered, and the helper goes on.
    void keepsServingAfterRefusals()
    {
        int exitCode = -2;
        const QList<QJsonObject> replies
            = ask(QByteArray("{\"id\":\"a\",\"verb\":\"nope\"}\n") + QByteArray(200000, 'x') + "\n{\"id\":\"b\"\n"
                      + "{\"id\":\"c\",\"verb\":\"cancel\"}\n",
                  &exitCode);
        QCOMPARE(exitCode, 0);
        QCOMPARE(replies.size(), 5);
        QCOMPARE(replies[1].value(QStringLiteral("id")).toString(), QStringLiteral("a"));
        QCOMPARE(replies[2].value(QStringLiteral("detail")).toString(), QStringLiteral("line_too_long"));
        QCOMPARE(replies[3].value(QStringLiteral("detail")).toString(), QStringLiteral("bad_json"));
        QCOMPARE(replies[4].value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(replies[4].value(QStringLiteral("id")).toString(), QStringLiteral("c"));
    }

    // A surface scan through the helper reads the whole disk and writes nothing.
    void scanReadsWholeDisk()
    {
        int exitCode = -2;
        const QByteArray line = "{\"id\":\"s1\",\"verb\":\"scan\",\"target\":\"" + m_loop->device.toUtf8()
            + "\",\"serial\":\"" + m_loop->serial().toUtf8() + "\"}\n";
        const QList<QJsonObject> replies = ask(line, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(replies.size() >= 2);
        const QJsonObject result = replies.last();
        QCOMPARE(result.value(QStringLiteral("type")).toString(), QStringLiteral("result"));
        QCOMPARE(result.value(QStringLiteral("id")).toString(), QStringLiteral("s1"));
        QCOMPARE(qint64(result.value(QStringLiteral("bytes")).toDouble()), diskBytes);
        QCOMPARE(result.value(QStringLiteral("bad_sectors")).toInt(), 0);
        QCOMPARE(result.value(QStringLiteral("test")).toObject().value(QStringLiteral("kind")).toString(),
                 QStringLiteral("disk"));
        QCOMPARE(diskBytesNow(), m_before);
    }

    // Issue 15: a wipe through the helper zeroes the loop device and answers with the
    // certificate (signed by the station key) and the erasure.recorded payload.
    void wipeThroughHelper()
    {
        const QString backing = path(QStringLiteral("wipe.bin"));
        QVERIFY(writeFile(backing, QByteArray(diskBytes, char(0x5a))));
        Loop loop(backing);
        QVERIFY(!loop.device.isEmpty());
        int exitCode = -2;
        const QByteArray line = "{\"id\":\"w1\",\"verb\":\"wipe\",\"target\":\"" + loop.device.toUtf8()
            + "\",\"serial\":\"" + loop.serial().toUtf8() + "\",\"method\":\"clear\",\"verify\":\"full\"}\n";
        const QList<QJsonObject> replies = ask(line, &exitCode);
        QCOMPARE(exitCode, 0);
        QVERIFY(replies.size() >= 2);
        const QJsonObject result = replies.last();
        QVERIFY2(result.value(QStringLiteral("type")).toString() == QLatin1String("result"),
                 QJsonDocument(result).toJson().constData());
        QCOMPARE(result.value(QStringLiteral("id")).toString(), QStringLiteral("w1"));
        QCOMPARE(result.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("clear"));
        QCOMPARE(result.value(QStringLiteral("verified")).toBool(), true);
        const QString id = result.value(QStringLiteral("certificate_id")).toString();
        QVERIFY(!id.isEmpty());
        const QJsonObject certificate = result.value(QStringLiteral("certificate")).toObject();
        QCOMPARE(certificate.value(QStringLiteral("id")).toString(), id);
        const QJsonObject record = result.value(QStringLiteral("record")).toObject();
        QCOMPARE(record.value(QStringLiteral("certificate_id")).toString(), id);
        QCOMPARE(record.value(QStringLiteral("check_status")).toString(), QStringLiteral("to_be_checked"));
        QFile f(path(QStringLiteral("wipe.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(certificate).toJson());
        f.close();
        const Run verify = etabli({QStringLiteral("certificate"), QStringLiteral("verify"), f.fileName()});
        QVERIFY2(verify.code == 0, verify.err.constData());
        QFile disk(backing);
        QVERIFY(disk.open(QIODevice::ReadOnly));
        const QByteArray after = disk.readAll();
        QCOMPARE(after.size(), int(diskBytes));
        QCOMPARE(after.count('\0'), after.size());
    }

    // The station's path: HelperClient → etabli-helper → loop device, against the CLI run as root.
    void writeEqualsCli()
    {
        const QString helperBacking = path(QStringLiteral("helper.bin")), cliBacking = path(QStringLiteral("cli.bin"));
        QVERIFY(writeFile(helperBacking, QByteArray(diskBytes, char(0xa5))));
        QVERIFY(writeFile(cliBacking, QByteArray(diskBytes, char(0xa5)))); // the same disk before
        Loop helperLoop(helperBacking), cliLoop(cliBacking);
        QVERIFY(!helperLoop.device.isEmpty() && !cliLoop.device.isEmpty());

        const QProcessEnvironment env = helperEnvironment();
        for (const QString &key : env.keys())
            qputenv(key.toLocal8Bit().constData(), env.value(key).toLocal8Bit());
        Etabli::AppCore::HelperClient client;
        client.setProgram(QStringLiteral(ETABLI_HELPER));
        QSignalSpy ready(&client, &Etabli::AppCore::HelperClient::ready);
        QSignalSpy results(&client, &Etabli::AppCore::HelperClient::result);
        QSignalSpy failures(&client, &Etabli::AppCore::HelperClient::failed);
        client.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        QVERIFY(ready.at(0).at(0).toStringList().contains(QStringLiteral("write")));
        const QString id
            = client.write(m_master, {helperLoop.device}, {helperLoop.serial()}, QStringLiteral("zeros"), true);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(results.size() + failures.size(), 1, 60000);
        QCOMPARE(failures.size(), 0);
        QCOMPARE(results.at(0).at(0).toString(), id);
        const QJsonObject result = results.at(0).at(1).value<QJsonObject>();
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), QJsonDocument(result).toJson().constData());
        QCOMPARE(result.value(QStringLiteral("manifest_signed")).toBool(), true);
        const QJsonObject target = result.value(QStringLiteral("targets")).toArray().at(0).toObject();
        QCOMPARE(target.value(QStringLiteral("target_kind")).toString(), QStringLiteral("block"));
        const QJsonObject record = target.value(QStringLiteral("record")).toObject();
        QCOMPARE(record.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(record.value(QStringLiteral("fill")).toString(), QStringLiteral("zeros"));
        QCOMPARE(record.value(QStringLiteral("target_kind")).toString(), QStringLiteral("block"));
        QCOMPARE(record.value(QStringLiteral("target_serial")).toString(), helperLoop.serial());
        client.close();

        const Run cli = etabli({QStringLiteral("image"), QStringLiteral("write"), m_master, cliLoop.device,
                                QStringLiteral("--verify"), QStringLiteral("--fill"), QStringLiteral("zeros"),
                                QStringLiteral("--confirm-serial"), cliLoop.serial(), QStringLiteral("--quiet"),
                                QStringLiteral("--no-journal")});
        QVERIFY2(cli.code == 0, cli.err.constData());
        const QByteArray helperDisk = sha256File(helperLoop.device, diskBytes);
        QVERIFY(!helperDisk.isEmpty());
        QCOMPARE(helperDisk, sha256File(cliLoop.device, diskBytes));
        // Really written: the master's bytes, then the disk's own tail.
        QCOMPARE(sha256File(helperLoop.device, 4 << 20), sha256File(path(QStringLiteral("src.raw"))));
    }

    // masters (issue 19): the bench's erase+image step with no local master. A real
    // etabli-server --masters on 127.0.0.1 (plain HTTP on the loopback), HelperClient →
    // etabli-helper → loop device: the same bytes as the master, the progress with bytes and
    // time left; a wrong token writes nothing.
    void writeFromServer()
    {
        const QString masters = path(QStringLiteral("served"));
        QVERIFY(QDir().mkpath(masters));
        QVERIFY(QFile::copy(m_master, masters + QStringLiteral("/ecole.qcow2")));
        QVERIFY(QFile::copy(m_master + QStringLiteral(".manifest.json"),
                            masters + QStringLiteral("/ecole.qcow2.manifest.json")));
        const QString db = QStringLiteral("sqlite:") + path(QStringLiteral("server.sqlite"));
        const Run token = run(QStringLiteral(ETABLI_SERVER),
                              {QStringLiteral("--db"), db, QStringLiteral("token"), QStringLiteral("create"),
                               QStringLiteral("--role"), QStringLiteral("station"), QStringLiteral("--name"),
                               QStringLiteral("bench")});
        QVERIFY2(token.code == 0, token.err.constData());
        const QString stationToken = QString::fromUtf8(token.out.trimmed().split('\n').last());
        QVERIFY(!stationToken.isEmpty());
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--masters"), masters});
        QVERIFY(server.waitForStarted());
        const auto stopServer = qScopeGuard([&server] {
            server.kill();
            server.waitForFinished();
        });
        QByteArray said;
        QElapsedTimer waited;
        waited.start();
        while (!said.contains("listening on") && waited.elapsed() < 20000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(200);
            said += server.readAll();
        }
        const qsizetype at = said.indexOf("listening on http://");
        QVERIFY2(at >= 0, said.constData());
        const QByteArray address = said.mid(at + 20).split('\n').first().trimmed().split('/').first();
        const QString url = QStringLiteral("http://%1/api/v1/masters/ecole.qcow2").arg(QString::fromLatin1(address));

        const QString backing = path(QStringLiteral("remote.bin"));
        QVERIFY(writeFile(backing, QByteArray(diskBytes, char(0xa5))));
        Loop loop(backing);
        QVERIFY(!loop.device.isEmpty());
        const QByteArray before = sha256File(loop.device, diskBytes);
        const QProcessEnvironment env = helperEnvironment();
        for (const QString &key : env.keys())
            qputenv(key.toLocal8Bit().constData(), env.value(key).toLocal8Bit());
        auto writeWith = [&](const QString &tokenText, QJsonObject *result, Etabli::Error *error,
                             QList<QJsonObject> *progress) {
            Etabli::AppCore::HelperClient client;
            client.setProgram(QStringLiteral(ETABLI_HELPER));
            QSignalSpy ready(&client, &Etabli::AppCore::HelperClient::ready);
            QSignalSpy results(&client, &Etabli::AppCore::HelperClient::result);
            QList<Etabli::Error> failures;
            QObject::connect(&client, &Etabli::AppCore::HelperClient::failed,
                             [&failures](const QString &, const Etabli::Error &e) { failures << e; });
            QObject::connect(&client, &Etabli::AppCore::HelperClient::progress,
                             [progress](const QString &, const QJsonObject &p) { *progress << p; });
            client.start();
            if (!QTest::qWaitFor([&] { return ready.size() == 1; }, 10000))
                return false;
            Etabli::AppCore::HelperClient::RemoteMaster remote{tokenText, QString(), QString()};
            if (client.write(url, remote, {loop.device}, {loop.serial()}, QStringLiteral("zeros"), true).isEmpty())
                return false;
            if (!QTest::qWaitFor([&] { return results.size() + failures.size() == 1; }, 60000))
                return false;
            if (!results.isEmpty())
                *result = results.at(0).at(1).value<QJsonObject>();
            if (!failures.isEmpty())
                *error = failures.at(0);
            client.close();
            return true;
        };
        QJsonObject result;
        Etabli::Error error;
        QList<QJsonObject> progress;
        // A wrong token: refused by the server, nothing written.
        QVERIFY(writeWith(QStringLiteral("not-the-token"), &result, &error, &progress));
        QVERIFY2(result.isEmpty(), QJsonDocument(result).toJson().constData());
        QVERIFY2(error.code == Etabli::ErrorCode::Unauthorized || error.code == Etabli::ErrorCode::Refused,
                 qPrintable(error.message));
        QCOMPARE(sha256File(loop.device, diskBytes), before);
        // The station's token: written from the server and verified, as from a local master.
        error = {};
        QVERIFY(writeWith(stationToken, &result, &error, &progress));
        QVERIFY2(error.message.isEmpty(), qPrintable(error.message));
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), QJsonDocument(result).toJson().constData());
        QCOMPARE(result.value(QStringLiteral("manifest_signed")).toBool(), true);
        const QJsonObject target = result.value(QStringLiteral("targets")).toArray().at(0).toObject();
        QCOMPARE(target.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(target.value(QStringLiteral("record")).toObject().value(QStringLiteral("master_name")).toString(),
                 QStringLiteral("ecole"));
        QCOMPARE(sha256File(loop.device, 4 << 20), sha256File(path(QStringLiteral("src.raw"))));
        QVERIFY(sha256File(loop.device, diskBytes) != before);
        // The worker's progress screen: bytes of a total, and the time left.
        QVERIFY(!progress.isEmpty());
        const QJsonObject last = progress.last();
        QVERIFY(last.value(QStringLiteral("total")).toDouble() >= double(4 << 20));
        QVERIFY(last.value(QStringLiteral("bytes")).toDouble() > 0);
        QCOMPARE(last.value(QStringLiteral("phase")).toString(), QStringLiteral("done"));
        QVERIFY(last.contains(QStringLiteral("eta_s")));
    }
    /// masters (issue 19, second shift): the multicast path end to end. A real `etabli image
    /// serve-multicast` sender and a real `etabli-server --masters`, HelperClient ->
    /// etabli-helper -> a loop device with a `multicast://` master. Multicast on loopback, in a
    /// network namespace this test owns (unshare: only `lo`, set up with multicast and a route
    /// for 224.0.0.0/4), as netmasters owns its namespaces; the test's process goes back to its
    /// own namespace at the end. The bench must take the master from the group (the helper's
    /// stderr summary), end verified, and equal `qemu-img convert -O raw` of the master.
    void writeFromMulticast()
    {
        const int ownNet = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        QVERIFY2(ownNet >= 0, "cannot open /proc/self/ns/net");
        QVERIFY2(::unshare(CLONE_NEWNET) == 0, "unshare(CLONE_NEWNET) failed: a network namespace is needed");
        const auto backToOwnNet = qScopeGuard([ownNet] {
            ::setns(ownNet, CLONE_NEWNET);
            ::close(ownNet);
        });
        for (const QStringList &args :
             {QStringList{QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
              QStringList{QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"),
                          QStringLiteral("multicast"), QStringLiteral("on")},
              QStringList{QStringLiteral("route"), QStringLiteral("add"), QStringLiteral("224.0.0.0/4"),
                          QStringLiteral("dev"), QStringLiteral("lo")}}) {
            const Run r = run(QStringLiteral("ip"), args);
            QVERIFY2(r.code == 0, r.err.constData());
        }
        const QString masters = path(QStringLiteral("served-mc"));
        QVERIFY(QDir().mkpath(masters));
        QVERIFY(QFile::copy(m_master, masters + QStringLiteral("/ecole.qcow2")));
        QVERIFY(QFile::copy(m_master + QStringLiteral(".manifest.json"),
                            masters + QStringLiteral("/ecole.qcow2.manifest.json")));
        const QString converted = path(QStringLiteral("mc-converted.raw"));
        const Run convert
            = run(QStringLiteral("qemu-img"),
                  {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"), m_master, converted});
        QVERIFY2(convert.code == 0, convert.err.constData());
        const qint64 masterBytes = QFileInfo(converted).size();
        QVERIFY(masterBytes > 0 && masterBytes <= diskBytes);
        const QString db = QStringLiteral("sqlite:") + path(QStringLiteral("server-mc.sqlite"));
        const Run token = run(QStringLiteral(ETABLI_SERVER),
                              {QStringLiteral("--db"), db, QStringLiteral("token"), QStringLiteral("create"),
                               QStringLiteral("--role"), QStringLiteral("station"), QStringLiteral("--name"),
                               QStringLiteral("bench")});
        QVERIFY2(token.code == 0, token.err.constData());
        const QString stationToken = QString::fromUtf8(token.out.trimmed().split('\n').last());
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                      QStringLiteral("--masters"), masters});
        QVERIFY(server.waitForStarted());
        const auto stopServer = qScopeGuard([&server] {
            server.kill();
            server.waitForFinished();
        });
        QByteArray said;
        QElapsedTimer waited;
        waited.start();
        while (!said.contains("listening on") && waited.elapsed() < 20000 && server.state() == QProcess::Running) {
            server.waitForReadyRead(200);
            said += server.readAll();
        }
        const qsizetype at = said.indexOf("listening on http://");
        QVERIFY2(at >= 0, said.constData());
        const QByteArray address = said.mid(at + 20).split('\n').first().trimmed().split('/').first();
        // The sender waits for one bench to report before its first cycle (--min-receivers 1):
        // the bench takes the whole first cycle from the group.
        const QString sent = path(QStringLiteral("sender-mc.log"));
        QProcess sender;
        sender.setStandardOutputFile(sent);
        sender.setStandardErrorFile(sent, QIODevice::Append);
        sender.start(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("image"), QStringLiteral("serve-multicast"),
                      masters + QStringLiteral("/ecole.qcow2"), QStringLiteral("--group"),
                      QStringLiteral("239.19.0.1:5019"), QStringLiteral("--rate-mbit"), QStringLiteral("200"),
                      QStringLiteral("--min-receivers"), QStringLiteral("1")});
        QVERIFY(sender.waitForStarted());
        const auto stopSender = qScopeGuard([&sender] {
            sender.kill();
            sender.waitForFinished();
        });
        const QString url = QStringLiteral("multicast://239.19.0.1:5019?master=http://%1/api/v1/masters/ecole.qcow2")
                                .arg(QString::fromLatin1(address));

        const QString backing = path(QStringLiteral("multicast.bin"));
        QVERIFY(writeFile(backing, QByteArray(diskBytes, char(0x5a))));
        Loop loop(backing);
        QVERIFY(!loop.device.isEmpty());
        const QProcessEnvironment env = helperEnvironment();
        for (const QString &key : env.keys())
            qputenv(key.toLocal8Bit().constData(), env.value(key).toLocal8Bit());
        // The helper's stderr (its imaging summary) into a file, through a shell that execs it.
        const QString helperLog = path(QStringLiteral("helper-mc.err"));
        Etabli::AppCore::HelperClient client;
        client.setProgram(
            QStringLiteral("/bin/sh"),
            {QStringLiteral("-c"), QStringLiteral("exec \"$0\" 2>\"$1\""), QStringLiteral(ETABLI_HELPER), helperLog});
        QSignalSpy ready(&client, &Etabli::AppCore::HelperClient::ready);
        QSignalSpy results(&client, &Etabli::AppCore::HelperClient::result);
        QList<Etabli::Error> failures;
        QObject::connect(&client, &Etabli::AppCore::HelperClient::failed,
                         [&failures](const QString &, const Etabli::Error &e) { failures << e; });
        client.start();
        QVERIFY(QTest::qWaitFor([&] { return ready.size() == 1; }, 10000));
        Etabli::AppCore::HelperClient::RemoteMaster remote{stationToken, QString(), QString()};
        QVERIFY(!client.write(url, remote, {loop.device}, {loop.serial()}, QStringLiteral("zeros"), true).isEmpty());
        QVERIFY(QTest::qWaitFor([&] { return results.size() + failures.size() == 1; }, 90000));
        client.close();
        QVERIFY2(failures.isEmpty(), failures.isEmpty() ? "" : qPrintable(failures.at(0).message));
        const QJsonObject result = results.at(0).at(1).value<QJsonObject>();
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), QJsonDocument(result).toJson().constData());
        QCOMPARE(result.value(QStringLiteral("manifest_signed")).toBool(), true);
        const QJsonObject target = result.value(QStringLiteral("targets")).toArray().at(0).toObject();
        QCOMPARE(target.value(QStringLiteral("verified")).toBool(), true);
        // Equal to qemu-img's conversion of the master.
        QCOMPARE(sha256File(loop.device, masterBytes), sha256File(converted));
        // It came from the group: the sender waited for this bench, and the bench's summary
        // says most of the master was taken from the multicast stream.
        QFile senderLog(sent);
        QVERIFY(senderLog.open(QIODevice::ReadOnly));
        const QByteArray senderSaid = senderLog.readAll();
        QVERIFY2(senderSaid.contains("1 receivers reporting: the stream starts"), senderSaid.constData());
        // The source prints its summary when it is destroyed, which may come after the result
        // line reached us: wait for the helper to get there (close() lets it end), at most 10 s.
        QByteArray helperSaid;
        (void)QTest::qWaitFor(
            [&] {
                QFile log(helperLog);
                helperSaid = log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
                return helperSaid.contains("multicast offload: ");
            },
            10000);
        const qsizetype summary = helperSaid.indexOf("multicast: ");
        QVERIFY2(summary >= 0, helperSaid.constData());
        // "multicast: X MiB from the group, Y MiB fetched by unicast (...)": the master's
        // data (its allocated clusters) mostly from the group, the rest (holes a loaded
        // machine's receive buffer lost) by unicast.
        const QList<QByteArray> words = helperSaid.mid(summary + 11).split(' ');
        QVERIFY2(words.size() > 6 && words.at(1) == "MiB" && words.at(6) == "MiB", helperSaid.constData());
        const double fromGroup = words.at(0).toDouble(), byUnicast = words.at(5).toDouble();
        QVERIFY2(fromGroup > 0.5 && fromGroup > byUnicast, helperSaid.constData());
    }
};

QTEST_GUILESS_MAIN(TestHelper)
#include "tst_helper.moc"
