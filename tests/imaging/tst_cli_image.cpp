// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli image …` as a real process: the signed-manifest policy, recording the run on
// an asset, resuming after SIGKILL, a raw stream on stdin.
#include "imagingtestutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace ImagingTest;

class TestCliImage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_raw, m_master;
    QByteArray m_expected;
    const qint64 m_size = 12 << 20;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    Run etabli(const QStringList &args, const QString &inputFile = {})
    {
        return run(QStringLiteral(ETABLI_CLI), args, {}, inputFile);
    }

    QStringList writeArgs(const QString &master, const QString &target, const QStringList &extra = {},
                          const QString &journal = QStringLiteral("journal"))
    {
        return QStringList{QStringLiteral("--json"),
                           QStringLiteral("image"),
                           QStringLiteral("write"),
                           master,
                           target,
                           QStringLiteral("--quiet"),
                           QStringLiteral("--journal-dir"),
                           path(journal)}
        + extra;
    }

    static QByteArray readFile(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QJsonArray jsonArray(const QByteArray &out) { return QJsonDocument::fromJson(out).array(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(ETABLI_CLI)), "build the etabli target first");
        m_raw = path(QStringLiteral("src.raw"));
        QVERIFY(writeFile(m_raw, diskContent(m_size, 21)));
        m_expected = sha256File(m_raw);
        Run r = etabli({QStringLiteral("image"), QStringLiteral("keygen"), path(QStringLiteral("workshop"))});
        QVERIFY2(r.code == 0, r.err.constData());
        r = etabli({QStringLiteral("image"), QStringLiteral("keygen"), path(QStringLiteral("other"))});
        QVERIFY(r.code == 0);
        m_master = path(QStringLiteral("ecole.qcow2"));
        r = etabli({QStringLiteral("image"), QStringLiteral("build"), m_raw, QStringLiteral("-o"), m_master,
                    QStringLiteral("--key"), path(QStringLiteral("workshop.key")), QStringLiteral("--name"),
                    QStringLiteral("ecole"), QStringLiteral("--version"), QStringLiteral("2026.1")});
        QVERIFY2(r.code == 0, r.err.constData());
        qputenv("ETABLI_MASTER_PUBKEY", path(QStringLiteral("workshop.pub")).toLocal8Bit());
        qputenv("ETABLI_SEAL_DIR", path(QStringLiteral("seals")).toLocal8Bit());
    }

    void signedMasterWritesAndVerifies()
    {
        const QString target = path(QStringLiteral("signed.img"));
        const Run r = etabli(writeArgs(m_master, target, {QStringLiteral("--verify")}));
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject o = jsonArray(r.out).at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("manifest_signed")).toBool(), true);
        QCOMPARE(sha256File(target), m_expected);
        const Run v = etabli({QStringLiteral("image"), QStringLiteral("verify"), m_master, target});
        QVERIFY2(v.code == 0, v.err.constData());
    }

    void manifestPolicy_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("allowUnsigned");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("detail");
        QTest::newRow("missing manifest")
            << QStringLiteral("remove") << false << 4 << QStringLiteral("manifest_missing");
        QTest::newRow("missing manifest, allowed") << QStringLiteral("remove") << true << 0 << QString();
        QTest::newRow("unsigned manifest")
            << QStringLiteral("unsign") << false << 4 << QStringLiteral("manifest_unsigned");
        QTest::newRow("unsigned manifest, allowed") << QStringLiteral("unsign") << true << 0 << QString();
        QTest::newRow("bad signature") << QStringLiteral("rename") << false << 4
                                       << QStringLiteral("manifest_bad_signature");
        QTest::newRow("bad signature, allowed")
            << QStringLiteral("rename") << true << 4 << QStringLiteral("manifest_bad_signature");
        QTest::newRow("another workshop's key")
            << QStringLiteral("otherkey") << false << 4 << QStringLiteral("manifest_wrong_key");
        QTest::newRow("flipped byte in the master")
            << QStringLiteral("flip") << false << 5 << QStringLiteral("manifest_mismatch");
    }
    void manifestPolicy()
    {
        QFETCH(QString, damage);
        QFETCH(bool, allowUnsigned);
        QFETCH(int, exitCode);
        QFETCH(QString, detail);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_').remove(u',').remove(u'\'');
        const QString master = path(tag + QStringLiteral(".qcow2")),
                      manifest = master + QStringLiteral(".manifest.json");
        QVERIFY(QFile::copy(m_master, master));
        QVERIFY(QFile::copy(m_master + QStringLiteral(".manifest.json"), manifest));
        QFile mf(manifest);
        QVERIFY(mf.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(mf.readAll()).object();
        mf.close();
        if (damage == QLatin1String("remove")) {
            QFile::remove(manifest);
        } else if (damage == QLatin1String("flip")) {
            QFile f(master);
            QVERIFY(f.open(QIODevice::ReadWrite));
            f.seek(65536 + 4000); // inside the first compressed clusters
            char c = 0;
            f.getChar(&c);
            f.seek(65536 + 4000);
            f.putChar(char(c ^ 1));
        } else {
            if (damage == QLatin1String("unsign"))
                json.remove(QStringLiteral("signature"));
            if (damage == QLatin1String("rename"))
                json.insert(QStringLiteral("version"), QStringLiteral("2099.9"));
            if (damage == QLatin1String("otherkey")) {
                const Run r = etabli({QStringLiteral("image"), QStringLiteral("sign"), master, QStringLiteral("--key"),
                                      path(QStringLiteral("other.key")), QStringLiteral("--version"),
                                      QStringLiteral("2026.1")});
                QVERIFY2(r.code == 0, r.err.constData());
            } else {
                QVERIFY(writeFile(manifest, QJsonDocument(json).toJson()));
            }
        }
        const QString target = path(tag + QStringLiteral(".img"));
        QStringList extra{QStringLiteral("--verify")};
        if (allowUnsigned)
            extra << QStringLiteral("--allow-unsigned");
        const Run r = etabli(writeArgs(master, target, extra));
        QVERIFY2(r.code == exitCode, r.err.constData());
        if (exitCode == 0) {
            QCOMPARE(sha256File(target), m_expected);
            QVERIFY2(r.err.contains("WARNING"), r.err.constData()); // the exception is said out loud
            QCOMPARE(jsonArray(r.out).at(0).toObject().value(QStringLiteral("manifest_signed")).toBool(), false);
            return;
        }
        QVERIFY2(r.err.contains(detail.toLatin1()), r.err.constData());
        if (damage == QLatin1String("flip")) {
            // Detected while writing; nothing claims to be verified.
            QCOMPARE(jsonArray(r.out).at(0).toObject().value(QStringLiteral("verified")).toBool(), false);
            const Run v = etabli({QStringLiteral("image"), QStringLiteral("verify"), master});
            QCOMPARE(v.code, 5);
        } else {
            QVERIFY2(!QFile::exists(target), "refused before anything was written");
        }
    }

    // A full SHA-256 check leaves a seal; later writes of the untouched master check CRC-32s
    // against it; any change to the file, or a CRC that differs, goes back to SHA-256.
    void sealedMaster()
    {
        const QString master = path(QStringLiteral("sealed.qcow2"));
        QVERIFY(QFile::copy(m_master, master));
        QVERIFY(QFile::copy(m_master + QStringLiteral(".manifest.json"), master + QStringLiteral(".manifest.json")));
        const QString seals = path(QStringLiteral("sealed-seals"));
        const QStringList sealDir{QStringLiteral("--seal-dir"), seals};
        auto write = [&](const QString &target, const QStringList &extra) {
            Run r = etabli(writeArgs(master, target, QStringList{QStringLiteral("--verify")} + sealDir + extra));
            return std::make_pair(r, jsonArray(r.out).at(0).toObject());
        };
        auto sealFiles = [&] { return QDir(seals).entryList({QStringLiteral("*.seal.json")}, QDir::Files); };

        auto [first, firstJson] = write(path(QStringLiteral("sealed1.img")), {});
        QVERIFY2(first.code == 0, first.err.constData());
        QCOMPARE(firstJson.value(QStringLiteral("master_check")).toString(), QStringLiteral("sha256"));
        QCOMPARE(sealFiles().size(), 1);

        auto [second, secondJson] = write(path(QStringLiteral("sealed2.img")), {});
        QVERIFY2(second.code == 0, second.err.constData());
        QCOMPARE(secondJson.value(QStringLiteral("master_check")).toString(), QStringLiteral("seal"));
        QCOMPARE(secondJson.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(sha256File(path(QStringLiteral("sealed2.img"))), m_expected);

        auto [forced, forcedJson] = write(path(QStringLiteral("sealed3.img")), {QStringLiteral("--no-seal")});
        QVERIFY2(forced.code == 0, forced.err.constData());
        QCOMPARE(forcedJson.value(QStringLiteral("master_check")).toString(), QStringLiteral("sha256"));

        // A seal whose CRC of one range no longer matches: stopped at that range, seal gone.
        const QString sealPath = QDir(seals).filePath(sealFiles().value(0));
        QFile sf(sealPath);
        QVERIFY(sf.open(QIODevice::ReadOnly));
        QJsonObject seal = QJsonDocument::fromJson(sf.readAll()).object();
        sf.close();
        QByteArray crcs = QByteArray::fromBase64(seal.value(QStringLiteral("crc32")).toString().toLatin1());
        QVERIFY(crcs.size() >= 12);
        crcs[8] = char(crcs[8] ^ 0x40); // range 2
        seal.insert(QStringLiteral("crc32"), QString::fromLatin1(crcs.toBase64()));
        QVERIFY(writeFile(sealPath, QJsonDocument(seal).toJson()));
        auto [stale, staleJson] = write(path(QStringLiteral("sealed4.img")), {});
        QCOMPARE(stale.code, 5);
        QVERIFY2(stale.err.contains("(range 2)"), stale.err.constData());
        QCOMPARE(staleJson.value(QStringLiteral("verified")).toBool(), false);
        QVERIFY(sealFiles().isEmpty());

        // `image verify MASTER` checks in full and seals.
        Run v
            = etabli({QStringLiteral("image"), QStringLiteral("verify"), master, QStringLiteral("--seal-dir"), seals});
        QVERIFY2(v.code == 0, v.err.constData());
        QCOMPARE(sealFiles().size(), 1);
        auto [resealed, resealedJson] = write(path(QStringLiteral("sealed5.img")), {});
        QVERIFY2(resealed.code == 0, resealed.err.constData());
        QCOMPARE(resealedJson.value(QStringLiteral("master_check")).toString(), QStringLiteral("seal"));

        // Any change to the file (here one flipped byte) voids the seal: SHA-256 finds it.
        QFile f(master);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(65536 + 4000));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(65536 + 4000));
        QVERIFY(f.putChar(char(c ^ 1)));
        f.close();
        auto [flipped, flippedJson] = write(path(QStringLiteral("sealed6.img")), {});
        QCOMPARE(flipped.code, 5);
        QCOMPARE(flippedJson.value(QStringLiteral("master_check")).toString(), QStringLiteral("sha256"));
        QCOMPARE(flippedJson.value(QStringLiteral("verified")).toBool(), false);
        QVERIFY2(flipped.err.contains("does not match its manifest"), flipped.err.constData());
    }

    void recordedOnTheAsset()
    {
        const QString db = path(QStringLiteral("inventory.db"));
        Run r = run(QStringLiteral(ETABLI_CLI),
                    {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                     QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString tag = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tag")).toString();
        QVERIFY(!tag.isEmpty());
        const QString target = path(QStringLiteral("asset.img"));
        r = etabli(QStringList{QStringLiteral("--db"), db}
                   + writeArgs(m_master, target,
                               {QStringLiteral("--verify"), QStringLiteral("--fill"), QStringLiteral("zeros"),
                                QStringLiteral("--asset"), tag}));
        QVERIFY2(r.code == 0, r.err.constData());
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                    QStringLiteral("history"), tag});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject imaging;
        const QJsonArray events = QJsonDocument::fromJson(r.out).array();
        for (const QJsonValue &v : events)
            if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("imaging.recorded"))
                imaging = v.toObject().value(QStringLiteral("payload")).toObject();
        QVERIFY2(!imaging.isEmpty(), r.out.constData());
        QCOMPARE(imaging.value(QStringLiteral("master_name")).toString(), QStringLiteral("ecole"));
        QCOMPARE(imaging.value(QStringLiteral("master_version")).toString(), QStringLiteral("2026.1"));
        QCOMPARE(imaging.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(imaging.value(QStringLiteral("fill")).toString(), QStringLiteral("zeros"));
        QCOMPARE(qint64(imaging.value(QStringLiteral("bytes")).toDouble()), m_size);
        QVERIFY(imaging.value(QStringLiteral("mib_s")).toDouble() > 0);
    }

    // A qcow2 master, a gzip raw master and a raw stream on stdin (sent again from its start,
    // as a multicast sender restarts): the ranges journalled are not written twice.
    void resumeAfterSigkill_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("qcow2") << QStringLiteral("qcow2");
        QTest::newRow("gzip raw") << QStringLiteral("gzip");
        QTest::newRow("stream on stdin") << QStringLiteral("stdin");
    }
    void resumeAfterSigkill()
    {
        QFETCH(QString, format);
        // 48 ranges of 1 MiB, so that the kill lands in the middle.
        const qint64 size = 48 << 20;
        const QString raw = path(format + QStringLiteral("-resume.raw"));
        QVERIFY(writeFile(raw, diskContent(size, 33)));
        const QByteArray expected = sha256File(raw);
        QString master = path(format + QStringLiteral("-resume.qcow2")), input;
        QStringList extra{QStringLiteral("--threads"), QStringLiteral("1")};
        if (format == QLatin1String("qcow2")) {
            Run built = etabli({QStringLiteral("image"), QStringLiteral("build"), raw, QStringLiteral("-o"), master,
                                QStringLiteral("--key"), path(QStringLiteral("workshop.key")),
                                QStringLiteral("--version"), QStringLiteral("1")});
            QVERIFY2(built.code == 0, built.err.constData());
        } else {
            QCOMPARE(run(QStringLiteral("gzip"), {QStringLiteral("-k"), QStringLiteral("-1"), raw}).code, 0);
            master = raw + QStringLiteral(".gz");
            Run signedGz
                = etabli({QStringLiteral("image"), QStringLiteral("sign"), master, QStringLiteral("--key"),
                          path(QStringLiteral("workshop.key")), QStringLiteral("--version"), QStringLiteral("1")});
            QVERIFY2(signedGz.code == 0, signedGz.err.constData());
            if (format == QLatin1String("stdin")) {
                extra << QStringLiteral("--manifest") << master + QStringLiteral(".manifest.json");
                input = raw;
                master = QStringLiteral("-");
            }
        }
        const QString target = path(format + QStringLiteral("-resume.img")),
                      journalDir = path(format + QStringLiteral("-journal"));
        // Starts a slowed-down write (the CLI's use-case over targets that take 120 ms a MiB,
        // tests/support), waits until the journal lists at least two completed ranges, then
        // pulls the plug (SIGKILL). The real CLI then resumes it.
        auto killMidway = [&]() -> bool {
            QProcess p;
            if (!input.isEmpty())
                p.setStandardInputFile(input);
            p.start(QStringLiteral(ETABLI_TEST_SLOWWRITE),
                    writeArgs(master, target, extra, format + QStringLiteral("-journal"))
                        + QStringList{QStringLiteral("--ms-per-mib"), QStringLiteral("120")});
            if (!p.waitForStarted())
                return false;
            QElapsedTimer timer;
            timer.start();
            int lines = 0;
            while (timer.elapsed() < 20000 && lines < 3) {
                QTest::qWait(50);
                const QFileInfoList journals = QDir(journalDir).entryInfoList({QStringLiteral("*.journal")});
                for (const QFileInfo &fi : journals) {
                    QFile f(fi.filePath());
                    if (f.open(QIODevice::ReadOnly))
                        lines = int(f.readAll().count('\n'));
                }
            }
            const bool running = p.state() == QProcess::Running;
            p.kill();
            p.waitForFinished();
            return lines >= 3 && running && p.exitStatus() == QProcess::CrashExit;
        };
        QVERIFY2(killMidway(), "the write was not interrupted in the middle");
        QVERIFY(sha256File(target) != expected); // really interrupted

        Run r = etabli(writeArgs(master, target, extra + QStringList{QStringLiteral("--verify")},
                                 format + QStringLiteral("-journal")),
                       input);
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject o = jsonArray(r.out).at(0).toObject();
        QVERIFY2(o.value(QStringLiteral("resumed_bytes")).toDouble() >= 2 * 1048576, r.out.constData());
        QVERIFY(o.value(QStringLiteral("resumed_bytes")).toDouble() < double(size));
        QCOMPARE(o.value(QStringLiteral("verified")).toBool(), true);
        QCOMPARE(sha256File(target), expected);
        QVERIFY(QDir(journalDir).entryList({QStringLiteral("*.journal")}).isEmpty());

        // A target file recreated after the crash must not inherit the journal.
        QVERIFY(QFile::remove(target));
        QVERIFY2(killMidway(), "the second write was not interrupted in the middle");
        QVERIFY(QFile::remove(target));
        r = etabli(writeArgs(master, target, extra + QStringList{QStringLiteral("--verify")},
                             format + QStringLiteral("-journal")),
                   input);
        QVERIFY2(r.code == 0, r.err.constData());
        o = jsonArray(r.out).at(0).toObject();
        QCOMPARE(o.value(QStringLiteral("resumed_bytes")).toDouble(), 0.0);
        QCOMPARE(sha256File(target), expected);
    }

    void rawStreamOnStdin()
    {
        const QString target = path(QStringLiteral("stdin.img"));
        const Run r = etabli(writeArgs(QStringLiteral("-"), target,
                                       {QStringLiteral("--manifest"), m_master + QStringLiteral(".manifest.json"),
                                        QStringLiteral("--verify"), QStringLiteral("--fill"), QStringLiteral("skip")}),
                             m_raw);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(sha256File(target), m_expected);
        // The same stream without its manifest is refused.
        const Run refused = etabli(writeArgs(QStringLiteral("-"), path(QStringLiteral("stdin2.img"))), m_raw);
        QCOMPARE(refused.code, 4);
    }

    // Issue 18: `image write MASTER /dev/sdz9 --verify --fill zeros --asset TAG` (no such
    // device) wrote a file in devtmpfs and recorded it as an erased, imaged disk.
    void mistypedDevicePathRecordsNothing()
    {
        const QString db = path(QStringLiteral("mistyped.db"));
        Run r = run(QStringLiteral(ETABLI_CLI),
                    {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                     QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString tag = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tag")).toString();
        const QString missing = QStringLiteral("/dev/sdz9-etabli-tst-cli-image");
        r = etabli(QStringList{QStringLiteral("--db"), db}
                   + writeArgs(m_master, missing,
                               {QStringLiteral("--verify"), QStringLiteral("--fill"), QStringLiteral("zeros"),
                                QStringLiteral("--asset"), tag}));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains("target_missing"), r.err.constData());
        QVERIFY(!QFileInfo::exists(missing));
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                    QStringLiteral("history"), tag});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!r.out.contains("imaging.recorded"), r.out.constData());
    }

    // The payload says what was written: a regular file is never a disk's erasure.
    void recordedTargetKind()
    {
        const QString db = path(QStringLiteral("kind.db"));
        Run r = run(QStringLiteral(ETABLI_CLI),
                    {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                     QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString tag = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tag")).toString();
        r = etabli(QStringList{QStringLiteral("--db"), db}
                   + writeArgs(m_master, path(QStringLiteral("kind.img")),
                               {QStringLiteral("--fill"), QStringLiteral("zeros"), QStringLiteral("--asset"), tag}));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(jsonArray(r.out).at(0).toObject().value(QStringLiteral("target_kind")).toString(),
                 QStringLiteral("file"));
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                    QStringLiteral("history"), tag});
        QJsonObject imaging;
        const QJsonArray events = QJsonDocument::fromJson(r.out).array();
        for (const QJsonValue &v : events)
            if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("imaging.recorded"))
                imaging = v.toObject().value(QStringLiteral("payload")).toObject();
        QCOMPARE(imaging.value(QStringLiteral("target_kind")).toString(), QStringLiteral("file"));
    }

    // Issue 18 point 1: a verified zero-fill written to a regular file is not the disk's
    // erasure, so the lifecycle's data guard stays unmet (TESTING -> RECYCLED needs only it).
    void fileRunIsNoErasure()
    {
        const QString db = path(QStringLiteral("noerasure.db"));
        Run r = run(QStringLiteral(ETABLI_CLI),
                    {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                     QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString tag = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tag")).toString();
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("asset"), QStringLiteral("move"), tag,
                    QStringLiteral("TESTING")});
        QVERIFY2(r.code == 0, r.err.constData());
        r = etabli(QStringList{QStringLiteral("--db"), db}
                   + writeArgs(m_master, path(QStringLiteral("noerasure.img")),
                               {QStringLiteral("--verify"), QStringLiteral("--fill"), QStringLiteral("zeros"),
                                QStringLiteral("--asset"), tag}));
        QVERIFY2(r.code == 0, r.err.constData());
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                    QStringLiteral("move"), tag, QStringLiteral("RECYCLED")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("data_cleared"), r.err.constData());
    }

    // Issue 15: erase and image in one pass. A verified zero-fill over a whole disk is that
    // disk's Clear erasure, certified and recorded; over a regular file it is none.
    void writeIsAnErasure_data()
    {
        QTest::addColumn<bool>("loop");
        QTest::addColumn<bool>("verify");
        QTest::addColumn<qint64>("diskBytes"); ///< the target's size (the master is m_size)
        QTest::addColumn<bool>("expected"); ///< recorded and certified as an erasure
        QTest::newRow("loop device") << true << true << m_size << true;
        QTest::newRow("regular file") << false << true << m_size << false;
        QTest::newRow("loop device, not verified") << true << false << m_size << false;
        // The disk's last MiB keeps its old bytes: no erasure.
        QTest::newRow("loop device larger than the master") << true << true << (m_size + (1 << 20)) << false;
    }

    void writeIsAnErasure()
    {
        QFETCH(bool, loop);
        QFETCH(bool, verify);
        QFETCH(qint64, diskBytes);
        QFETCH(bool, expected);
        if (loop && (::geteuid() != 0 || !QFile::exists(QStringLiteral("/dev/loop-control"))))
            QSKIP("loop devices need root and /dev/loop-control");
        const QString name
            = QStringLiteral("erase-%1").arg(QString::fromLatin1(QTest::currentDataTag())).replace(u' ', u'-');
        const QString db = path(name + QStringLiteral(".db"));
        const QString backing = path(name + QStringLiteral(".img"));
        const QString certificate = path(name + QStringLiteral(".json"));
        QVERIFY(writeFile(backing, diskContent(diskBytes, 77))); // old data to erase
        Run r = run(QStringLiteral(ETABLI_CLI),
                    {QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                     QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString tag = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tag")).toString();
        QString target = backing;
        if (loop) {
            const Run attached
                = run(QStringLiteral("losetup"), {QStringLiteral("-f"), QStringLiteral("--show"), backing});
            target = QString::fromLocal8Bit(attached.out).trimmed();
            QVERIFY2(attached.code == 0 && !target.isEmpty(), attached.err.constData());
        }
        r = etabli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--worker"), QStringLiteral("B-0001")}
                   + writeArgs(m_master, target,
                               QStringList{QStringLiteral("--fill"), QStringLiteral("zeros"), QStringLiteral("--asset"),
                                           tag, QStringLiteral("--certificate"), certificate,
                                           QStringLiteral("--station-key-dir"), path(QStringLiteral("station-key"))}
                                   + (verify ? QStringList{QStringLiteral("--verify")} : QStringList{})));
        if (loop)
            run(QStringLiteral("losetup"), {QStringLiteral("-d"), target});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject line = jsonArray(r.out).at(0).toObject();
        QCOMPARE(line.value(QStringLiteral("erasure")).toBool(), expected);
        QCOMPARE(sha256File(backing, m_size), m_expected);
        r = etabli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                    QStringLiteral("history"), tag});
        QVERIFY2(r.code == 0, r.err.constData());
        QJsonObject erasure;
        int erasures = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array())
            if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("erasure.recorded")) {
                erasure = v.toObject().value(QStringLiteral("payload")).toObject();
                ++erasures;
            }
        if (!expected) {
            QCOMPARE(erasures, 0);
            QVERIFY(!QFile::exists(certificate));
            return;
        }
        QCOMPARE(erasures, 1);
        QCOMPARE(erasure.value(QStringLiteral("method")).toString(), QStringLiteral("clear"));
        QCOMPARE(erasure.value(QStringLiteral("technique")).toString(), QStringLiteral("overwrite"));
        QCOMPARE(erasure.value(QStringLiteral("pattern")).toString(), QStringLiteral("zeros"));
        QCOMPARE(erasure.value(QStringLiteral("verification")).toString(), QStringLiteral("full"));
        QCOMPARE(erasure.value(QStringLiteral("check_status")).toString(), QStringLiteral("to_be_checked"));
        QVERIFY(erasure.value(QStringLiteral("verified")).toBool());
        const QString id = line.value(QStringLiteral("certificate_id")).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(erasure.value(QStringLiteral("certificate_id")).toString(), id);
        const QJsonObject written = QJsonDocument::fromJson(readFile(certificate)).object();
        QCOMPARE(written, erasure.value(QStringLiteral("certificate")).toObject());
        QCOMPARE(written.value(QStringLiteral("asset_tag")).toString(), tag);
        QCOMPARE(written.value(QStringLiteral("worker")).toString(), QStringLiteral("B-0001"));
        r = etabli({QStringLiteral("certificate"), QStringLiteral("verify"), certificate});
        QVERIFY2(r.code == 0, QByteArray(r.err + r.out).constData());
    }

    // Issue 18: `image verify` on a master that is not a regular file hashed /dev/zero forever.
    void verifyRefusesNonFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("symlink to /dev/zero") << QStringLiteral("zero");
        QTest::newRow("FIFO") << QStringLiteral("fifo");
        QTest::newRow("directory") << QStringLiteral("dir");
        QTest::newRow("file shorter than its manifest") << QStringLiteral("short");
    }
    void verifyRefusesNonFiles()
    {
        QFETCH(QString, kind);
        const QString master = path(kind + QStringLiteral("-master.raw"));
        if (kind == QLatin1String("zero"))
            QVERIFY(QFile::link(QStringLiteral("/dev/zero"), master));
        else if (kind == QLatin1String("fifo"))
            QCOMPARE(run(QStringLiteral("mkfifo"), {master}).code, 0);
        else if (kind == QLatin1String("dir"))
            QVERIFY(QDir().mkpath(master));
        else
            QVERIFY(writeFile(master, QByteArray(1 << 20, 'x')));
        QVERIFY(QFile::copy(m_master + QStringLiteral(".manifest.json"), master + QStringLiteral(".manifest.json")));
        QElapsedTimer timer;
        timer.start();
        const Run r = run(QStringLiteral(ETABLI_CLI), {QStringLiteral("image"), QStringLiteral("verify"), master}, {},
                          {}, 10000);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(r.code, 5);
        QVERIFY(!r.err.isEmpty());
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("no target") << QStringList{QStringLiteral("image"), QStringLiteral("write"),
                                                  QStringLiteral("@master")}
                                   << 2;
        QTest::newRow("bad fill") << QStringList{QStringLiteral("image"),   QStringLiteral("write"),
                                                 QStringLiteral("@master"), QStringLiteral("@out"),
                                                 QStringLiteral("--fill"),  QStringLiteral("random")}
                                  << 2;
        QTest::newRow("serials count") << QStringList{
            QStringLiteral("image"), QStringLiteral("write"), QStringLiteral("@master"),
            QStringLiteral("@out"),  QStringLiteral("@out"),  QStringLiteral("--confirm-serial"),
            QStringLiteral("S1")} << 2;
        QTest::newRow("missing master") << QStringList{QStringLiteral("image"), QStringLiteral("info"),
                                                       QStringLiteral("/nonexistent.qcow2")}
                                        << 3;
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("image"), QStringLiteral("frobnicate")} << 2;
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        for (QString &a : args) {
            if (a == QLatin1String("@master"))
                a = m_master;
            if (a == QLatin1String("@out"))
                a = path(QStringLiteral("never.img"));
        }
        const Run r = etabli(args);
        QCOMPARE(r.code, exitCode);
        QVERIFY(!r.err.isEmpty());
        QVERIFY(!QFile::exists(path(QStringLiteral("never.img"))));
    }
};

QTEST_GUILESS_MAIN(TestCliImage)
#include "tst_cli_image.moc"
