// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14, engineer "deskserver"): a receipt printed through a real CUPS. The test
// starts its own cupsd (its own configuration folder, a Unix socket, no system queue
// touched) with one queue whose backend keeps each job's bytes in a folder, then hands a kit
// over with `etabli desk handover … --printer receipt` — the desk's own code path (`lp -d`,
// which finds the private cupsd through CUPS_SERVER) — and checks that one job arrived and
// that it is the receipt: the same bytes as the PDF the desk wrote, and pdftotext finds the
// tags, the warranty end and the grant deadline in it. cupsd needs root (CI is root).
#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <unistd.h>

using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

QString tag(int n)
{
    return AssetTag::make(QStringLiteral("BCL"), n);
}

int runTool(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
            QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool writeFile(const QString &path, const QByteArray &bytes, QFileDevice::Permissions perms = {})
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size())
        return false;
    f.close();
    return perms == QFileDevice::Permissions() || f.setPermissions(perms);
}

Event remote(const QString &type, const QString &assetTag, const QJsonObject &payload, int n)
{
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = QStringLiteral("bench-1");
    e.worker = QStringLiteral("w");
    e.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + n);
    e.type = type;
    e.assetTag = assetTag;
    e.payload = payload;
    return e;
}

} // namespace

class TestDeskPrint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void receiptPrintsThroughCups();

private:
    QProcessEnvironment env() const;
    QString m_root; ///< the private cupsd's folder (0755: cupsd refuses group/world-writable)
    QString m_jobs;
    QProcess m_cupsd;
    QTemporaryDir m_dir;
    QString m_db;
};

QProcessEnvironment TestDeskPrint::env() const
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    e.insert(QStringLiteral("CUPS_SERVER"), m_root + QStringLiteral("/cups.sock"));
    e.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    return e;
}

void TestDeskPrint::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString cupsd = QStringLiteral("/usr/sbin/cupsd");
    QVERIFY2(QFile::exists(cupsd), "cupsd is missing: bash packaging/setup-debian.sh (cups-daemon)");
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("lp")).isEmpty(), "lp is missing (cups-client)");
    QVERIFY2(geteuid() == 0, "cupsd needs root (CI runs as root)");
    m_root = QStringLiteral("/tmp/etabli-cups-%1-%2").arg(getpid()).arg(QDateTime::currentMSecsSinceEpoch());
    m_jobs = m_root + QStringLiteral("/jobs");
    for (const char *sub : {"spool", "cache", "state", "log", "jobs", "serverbin/backend"})
        QVERIFY(QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(sub)));
    const auto rwxr_xr_x = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(m_root, rwxr_xr_x));
    // The spool belongs to root:lp 0710, as cupsd wants it; everything else stays root's.
    QCOMPARE(runTool(QStringLiteral("chown"), {QStringLiteral("root:lp"), m_root + QStringLiteral("/spool")}), 0);
    QVERIFY(QFile::setPermissions(m_root + QStringLiteral("/spool"),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                      | QFileDevice::ExeGroup));
    // Only the daemon helpers of the system's CUPS, and our backend.
    QVERIFY(QFile::link(QStringLiteral("/usr/lib/cups/daemon"), m_root + QStringLiteral("/serverbin/daemon")));
    QVERIFY(QFile::link(QStringLiteral("/usr/lib/cups/notifier"), m_root + QStringLiteral("/serverbin/notifier")));
    // A cups-pdf-like backend: each job's bytes into the folder the device URI names (root:
    // a 0700 backend runs as root).
    QVERIFY(writeFile(m_root + QStringLiteral("/serverbin/backend/capture"),
                      "#!/bin/sh\n"
                      "if [ $# -eq 0 ]; then echo 'file capture \"Unknown\" \"Capture\"'; exit 0; fi\n"
                      "dir=\"${DEVICE_URI#capture:}\"\n"
                      "if [ -n \"$6\" ]; then cat \"$6\" > \"$dir/job-$1.prn\"; else cat > \"$dir/job-$1.prn\"; fi\n",
                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
    QVERIFY(writeFile(m_root + QStringLiteral("/cupsd.conf"),
                      QStringLiteral("Listen %1/cups.sock\nLogLevel info\nWebInterface No\nBrowsing No\n"
                                     "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n"
                                     "</Location>\n<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n")
                          .arg(m_root)
                          .toUtf8()));
    QVERIFY(writeFile(m_root + QStringLiteral("/cups-files.conf"),
                      QStringLiteral("FileDevice No\nRequestRoot %1/spool\nCacheDir %1/cache\nStateDir %1/state\n"
                                     "ServerRoot %1\nServerBin %1/serverbin\nDataDir /usr/share/cups\n"
                                     "AccessLog %1/log/access_log\nErrorLog %1/log/error_log\n"
                                     "PageLog %1/log/page_log\nUser lp\nGroup lp\nSystemGroup root\n")
                          .arg(m_root)
                          .toUtf8()));
    m_cupsd.setProcessChannelMode(QProcess::MergedChannels);
    m_cupsd.start(cupsd,
                  {QStringLiteral("-f"), QStringLiteral("-c"), m_root + QStringLiteral("/cupsd.conf"),
                   QStringLiteral("-s"), m_root + QStringLiteral("/cups-files.conf")});
    QVERIFY(m_cupsd.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_root + QStringLiteral("/cups.sock")), 10000);
    QByteArray err;
    QTRY_COMPARE_WITH_TIMEOUT(runTool(QStringLiteral("lpstat"), {QStringLiteral("-r")}, env()), 0, 10000);
    QCOMPARE(runTool(QStringLiteral("lpadmin"),
                     {QStringLiteral("-p"), QStringLiteral("receipt"), QStringLiteral("-E"), QStringLiteral("-v"),
                      QStringLiteral("capture:") + m_jobs},
                     env(), nullptr, &err),
             0);

    // A desk store: one family, a READY kit.
    m_db = m_dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
        QVERIFY(store);
        QVERIFY((*store)->setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")));
        int n = 0;
        QVERIFY((*store)->applyRemote(
            remote(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QStringLiteral("L1")}}, ++n)));
        const QList<QPair<int, const char *>> kit{
            {1, "pc"}, {2, "screen"}, {3, "keyboard"}, {4, "mouse"}, {5, "speakers"}};
        for (const auto &[i, kind] : kit) {
            QVERIFY((*store)->applyRemote(remote(QStringLiteral("asset.added"), tag(i),
                                                 {{QStringLiteral("tag"), tag(i)},
                                                  {QStringLiteral("kind"), QLatin1String(kind)},
                                                  {QStringLiteral("lot"), QStringLiteral("L1")}},
                                                 ++n)));
            QVERIFY((*store)->applyRemote(remote(QStringLiteral("asset.moved"), tag(i),
                                                 {{QStringLiteral("from"), QStringLiteral("RECEIVED")},
                                                  {QStringLiteral("to"), QStringLiteral("TESTING")}},
                                                 ++n)));
            QVERIFY((*store)->applyRemote(remote(
                QStringLiteral("asset.moved"), tag(i),
                {{QStringLiteral("from"), QStringLiteral("TESTING")}, {QStringLiteral("to"), QStringLiteral("READY")}},
                ++n)));
        }
    }
    const QString csv = m_dir.filePath(QStringLiteral("pupils.csv"));
    QVERIFY(writeFile(csv,
                      "pupil id;pupil name;school;class;parent name;parent contact\r\n"
                      "P-1;Léa Martin;École Jaurès;CM1;Sophie Martin;06 11 22 33 44\r\n"));
    const QStringList who{QStringLiteral("--db"),      m_db,
                          QStringLiteral("--station"), QStringLiteral("desk-1"),
                          QStringLiteral("--worker"),  QStringLiteral("Nadia")};
    QCOMPARE(runTool(QStringLiteral(ETABLI_CLI),
                     who + QStringList{QStringLiteral("desk"), QStringLiteral("import"), csv}, env()),
             0);
}

void TestDeskPrint::cleanupTestCase()
{
    if (m_cupsd.state() != QProcess::NotRunning) {
        m_cupsd.terminate();
        if (!m_cupsd.waitForFinished(5000)) {
            m_cupsd.kill();
            m_cupsd.waitForFinished();
        }
    }
    if (!m_root.isEmpty())
        QDir(m_root).removeRecursively();
}

void TestDeskPrint::receiptPrintsThroughCups()
{
    const QStringList who{QStringLiteral("--db"),      m_db,
                          QStringLiteral("--station"), QStringLiteral("desk-1"),
                          QStringLiteral("--worker"),  QStringLiteral("Nadia")};
    QByteArray out, err;
    QCOMPARE(runTool(QStringLiteral(ETABLI_CLI),
                     who
                         + QStringList{QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("vouchers"),
                                       QStringLiteral("--school"), QStringLiteral("École Jaurès"), QStringLiteral("-o"),
                                       m_dir.filePath(QStringLiteral("v.pdf"))},
                     env(), &out, &err),
             0);
    const QString voucher = QJsonDocument::fromJson(out)
                                .object()
                                .value(QStringLiteral("vouchers"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("voucher"))
                                .toString();
    QVERIFY2(!voucher.isEmpty(), out.constData());
    QVERIFY(QDir(m_jobs).entryList(QDir::Files).isEmpty());
    const QString receipt = m_dir.filePath(QStringLiteral("receipt.pdf"));
    const int code = runTool(QStringLiteral(ETABLI_CLI),
                             who
                                 + QStringList{QStringLiteral("desk"), QStringLiteral("handover"), voucher, tag(1),
                                               tag(2), tag(3), tag(4), tag(5), QStringLiteral("--witness"),
                                               QStringLiteral("Nadia"), QStringLiteral("--receipt"), receipt,
                                               QStringLiteral("--printer"), QStringLiteral("receipt")},
                             env(), &out, &err);
    QVERIFY2(code == 0, err.constData());
    // One job arrives, and it is the receipt.
    QTRY_COMPARE_WITH_TIMEOUT(QDir(m_jobs).entryList(QDir::Files).size(), 1, 15000);
    const QString job = m_jobs + QLatin1Char('/') + QDir(m_jobs).entryList(QDir::Files).first();
    QFile printed(job), written(receipt);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(job).size() == written.size(), 10000);
    QVERIFY(printed.open(QIODevice::ReadOnly));
    const QByteArray bytes = printed.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QCOMPARE(bytes, written.readAll());
    QByteArray text;
    QCOMPARE(runTool(QStringLiteral("pdftotext"), {job, QStringLiteral("-")}, {}, &text), 0);
    const QString t = QString::fromUtf8(text).simplified();
    for (int i = 1; i <= 5; ++i)
        QVERIFY2(t.contains(tag(i)), qPrintable(t));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QLocale fr(QLocale::French, QLocale::France);
    QVERIFY2(t.contains(fr.toString(today.addYears(3), QLocale::LongFormat)), qPrintable(t)); // the warranty end
    QVERIFY2(t.contains(fr.toString(today.addMonths(3), QLocale::LongFormat)), qPrintable(t)); // the grant deadline
    // The private cupsd logged the job as completed on that queue.
    QFile errors(m_root + QStringLiteral("/log/error_log"));
    QVERIFY(errors.open(QIODevice::ReadOnly));
    QVERIFY2(errors.readAll().contains("Job completed"), "cupsd did not complete the job");
}

QTEST_GUILESS_MAIN(TestDeskPrint)
#include "tst_deskprint.moc"
