// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Etabli;
using namespace Etabli::Inventory;

/// Opening a store: only a missing file makes a new inventory; an empty, truncated or
/// damaged file is refused with exit code 5 by every command, a full disk gives 6, and
/// nothing is changed. New stores and their folders are private whatever the umask.
class TestStoreOpen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void damagedStoreIsRefused_data();
    void damagedStoreIsRefused();
    void missingStoreIsCreated();
    void fullDiskIsAnIoError();
    void newStoreIsPrivate_data();
    void newStoreIsPrivate();
    void existingStoreIsMadePrivate();
    void quickCheckKeepsOpenFast();

private:
    struct Run {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run etabli(const QString &db, const QStringList &args);
    static QByteArray hashOf(const QString &path);
    QTemporaryDir m_dir;
    QString m_good; ///< a store with a few hundred events, several pages per table
};

TestStoreOpen::Run TestStoreOpen::etabli(const QString &db, const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI), QStringList{QStringLiteral("--db"), db} + args);
    if (!p.waitForFinished(30000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QByteArray TestStoreOpen::hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

void TestStoreOpen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = m_dir.filePath(QStringLiteral("good.sqlite"));
    auto opened = Store::open(m_good, Identity{QStringLiteral("bench-t"), QStringLiteral("tester")});
    QVERIFY(opened.ok());
    Store &store = **opened;
    QVERIFY(store.addLot(QStringLiteral("L1"), QStringLiteral("Banque"), 500).ok());
    for (int i = 0; i < 400; ++i) {
        NewAsset a;
        a.lot = QStringLiteral("L1");
        a.make = QStringLiteral("Make %1 with a long enough name to fill pages").arg(i);
        a.serial = QStringLiteral("SN-%1").arg(i, 6, 10, QLatin1Char('0'));
        QVERIFY(store.addAsset(a).ok());
    }
    // Checkpoint and close, so the file alone holds everything.
    QSqlQuery(store.database()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    opened.value().reset();
    QVERIFY(QFileInfo(m_good).size() > 256 * 1024);
}

void TestStoreOpen::damagedStoreIsRefused_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QStringList>("command");
    const QStringList commands[] = {
        {QStringLiteral("sync"), QStringLiteral("status")},
        {QStringLiteral("asset"), QStringLiteral("list")},
        {QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("https://127.0.0.1:1"),
         QStringLiteral("--token"), QStringLiteral("etb_x"), QStringLiteral("--attempts"), QStringLiteral("1")},
        {QStringLiteral("events"), QStringLiteral("--json")},
    };
    for (const char *damage : {"truncated-64k", "empty", "bad-pages", "one-bad-page", "garbage"})
        for (const QStringList &c : commands)
            QTest::addRow("%s: %s", damage, qPrintable(c.mid(0, 2).join(QLatin1Char(' '))))
                << QString::fromLatin1(damage) << c;
}

void TestStoreOpen::damagedStoreIsRefused()
{
    QFETCH(QString, damage);
    QFETCH(QStringList, command);
    const QString path = m_dir.filePath(QStringLiteral("damaged-%1.sqlite").arg(damage));
    QFile::remove(path);
    QVERIFY(QFile::copy(m_good, path));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 pages = f.size() / 4096;
        if (damage == QLatin1String("truncated-64k")) {
            QVERIFY(f.resize(64 * 1024));
        } else if (damage == QLatin1String("empty")) {
            QVERIFY(f.resize(0));
        } else if (damage == QLatin1String("bad-pages") || damage == QLatin1String("one-bad-page")) {
            // Whole pages of random bytes, as a failing disk returns them (page 1, the
            // header, stays intact: that is the case a plain open does not notice).
            QRandomGenerator rng(damage.size());
            const int count = damage == QLatin1String("bad-pages") ? 6 : 1;
            for (int i = 0; i < count; ++i) {
                const qint64 page = 2 + rng.bounded(pages - 2);
                QByteArray noise(4096, Qt::Uninitialized);
                rng.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
                QVERIFY(f.seek(page * 4096));
                QCOMPARE(f.write(noise), qint64(noise.size()));
            }
        } else {
            QVERIFY(f.resize(0));
            f.write(QByteArray(8192, 'x'));
        }
    }
    const QByteArray before = hashOf(path);
    const Run r = etabli(path, command);
    QVERIFY2(r.code == 5, qPrintable(QStringLiteral("rc %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
    QVERIFY(r.out.isEmpty());
    QVERIFY(!r.err.isEmpty());
    QCOMPARE(hashOf(path), before); // refused, not "repaired" nor recreated
}

void TestStoreOpen::missingStoreIsCreated()
{
    const QString path = m_dir.filePath(QStringLiteral("fresh/new.sqlite"));
    const Run r = etabli(path, {QStringLiteral("asset"), QStringLiteral("list")});
    QCOMPARE(r.code, 0);
    QVERIFY(QFileInfo(path).size() > 0);
    // Nothing left beside it from building it aside.
    QCOMPARE(QDir(QFileInfo(path).path()).entryList(QDir::Files), QStringList{QStringLiteral("new.sqlite")});
    QCOMPARE(etabli(path, {QStringLiteral("sync"), QStringLiteral("status")}).code, 0);
}

void TestStoreOpen::fullDiskIsAnIoError()
{
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root (CI runs as root)");
    QTemporaryDir mountPoint;
    QVERIFY(mountPoint.isValid());
    const QByteArray target = QFile::encodeName(mountPoint.path());
    QVERIFY2(::mount("tmpfs", target.constData(), "tmpfs", 0, "size=1m") == 0, strerror(errno));
    const auto unmount = qScopeGuard([&target] { ::umount2(target.constData(), MNT_DETACH); });
    const QString path = mountPoint.filePath(QStringLiteral("inventory.sqlite"));
    QVERIFY(QFile::copy(m_good, path));
    {
        QFile fill(mountPoint.filePath(QStringLiteral("fill")));
        QVERIFY(fill.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (fill.write(block) == block.size() && fill.flush()) {}
    }
    const QByteArray before = hashOf(path);
    for (const QStringList &command : {QStringList{QStringLiteral("sync"), QStringLiteral("status")},
                                       QStringList{QStringLiteral("asset"), QStringLiteral("list")}}) {
        const Run r = etabli(path, command);
        QVERIFY2(r.code == 6, qPrintable(QStringLiteral("rc %1: %2").arg(r.code).arg(QString::fromUtf8(r.err))));
        QVERIFY(!r.err.contains("not a usable inventory"));
    }
    QCOMPARE(hashOf(path), before);
    // A new store on the full disk: 6 as well, and no half-made file left.
    const QString fresh = mountPoint.filePath(QStringLiteral("new.sqlite"));
    QCOMPARE(etabli(fresh, {QStringLiteral("asset"), QStringLiteral("list")}).code, 6);
    QVERIFY(!QFileInfo::exists(fresh));
}

void TestStoreOpen::newStoreIsPrivate_data()
{
    QTest::addColumn<int>("mask");
    QTest::newRow("umask 022") << 022;
    QTest::newRow("umask 000") << 0;
    QTest::newRow("umask 002") << 02;
}

void TestStoreOpen::newStoreIsPrivate()
{
    QFETCH(int, mask);
    const mode_t previous = ::umask(mode_t(mask));
    const auto restore = qScopeGuard([previous] { ::umask(previous); });
    const QString folder = m_dir.filePath(QStringLiteral("private-%1").arg(mask, 3, 8, QLatin1Char('0')));
    const QString path = folder + QStringLiteral("/deeper/inventory.sqlite");
    auto opened = Store::open(path, Identity{QStringLiteral("bench-t"), QStringLiteral("tester")});
    QVERIFY(opened.ok());
    QVERIFY((*opened)->setSetting(QStringLiteral("sync.token"), QStringLiteral("etb_secret")).ok());
    const auto mode = [](const QString &p) {
        struct stat st;
        return ::stat(QFile::encodeName(p).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
    };
    QCOMPARE(mode(path), 0600);
    QCOMPARE(mode(path + QStringLiteral("-wal")), 0600); // open: WAL and shared memory exist
    QCOMPARE(mode(path + QStringLiteral("-shm")), 0600);
    QCOMPARE(mode(folder), 0700);
    QCOMPARE(mode(folder + QStringLiteral("/deeper")), 0700);
    // Through the CLI too, which is how benches make their store.
    const QString cli = folder + QStringLiteral("/cli/inventory.sqlite");
    const Run r = etabli(
        cli,
        {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("sync.token"), QStringLiteral("etb_secret")});
    QCOMPARE(r.code, 0);
    QCOMPARE(mode(cli), 0600);
    QCOMPARE(mode(folder + QStringLiteral("/cli")), 0700);
}

void TestStoreOpen::existingStoreIsMadePrivate()
{
    const QString path = m_dir.filePath(QStringLiteral("old.sqlite"));
    QVERIFY(QFile::copy(m_good, path));
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0644) == 0);
    QCOMPARE(etabli(path, {QStringLiteral("asset"), QStringLiteral("list")}).code, 0);
    struct stat st;
    QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
}

void TestStoreOpen::quickCheckKeepsOpenFast()
{
    // The integrity check at open must not make every CLI command slow.
    QElapsedTimer t;
    t.start();
    const int rounds = 5;
    for (int i = 0; i < rounds; ++i) {
        auto opened = Store::open(m_good, Identity{QStringLiteral("bench-t"), QStringLiteral("tester")});
        QVERIFY(opened.ok());
    }
    const qint64 ms = t.elapsed() / rounds;
    qInfo("open with quick_check: %lld ms for a %lld KiB store", ms, QFileInfo(m_good).size() / 1024);
    QVERIFY2(ms < 200, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

QTEST_GUILESS_MAIN(TestStoreOpen)
#include "tst_storeopen.moc"
