// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// HttpSource against a real `etabli-server --masters` on 127.0.0.1: the written file equals
// `qemu-img convert -O raw`, only allocated clusters travel, a cancelled run resumes
// without fetching again what is written, an ETag change stops the run, refusals, a server
// that never answers and one that cuts its answers short. The network cases (cut links,
// a corrupting proxy, four benches) are tests/imaging/netmasters/ (root, namespaces).
#include "../server/testserver.h"
#include "imagingtestutil.h"

#include "imaging/httpsource.h"
#include "imaging/manifest.h"
#include "imaging/multicast.h"
#include "imaging/qcow2.h"
#include "imaging/target.h"
#include "imaging/writer.h"
#include "tests/support/faketargets.h"

#include <QTcpServer>
#include <QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utime.h>

using namespace Etabli;
using namespace Etabli::Imaging;
using Etabli::TestSupport::SlowTarget;
using ImagingTest::diskContent;
using ImagingTest::Run;
using ImagingTest::run;
using ImagingTest::sha256File;
using ImagingTest::writeFile;

namespace {

/// A listening socket on 127.0.0.1 that a thread serves with `answer` (raw bytes), or
/// leaves unanswered when `answer` is empty.
class RawServer
{
public:
    explicit RawServer(QByteArray answer)
        : m_answer(std::move(answer))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::listen(m_fd, 16);
        socklen_t len = sizeof a;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&a), &len);
        port = ntohs(a.sin_port);
        m_thread = std::thread([this] {
            for (;;) {
                const int c = ::accept(m_fd, nullptr, nullptr);
                if (c < 0)
                    return;
                if (m_answer.isEmpty()) {
                    m_held.push_back(c); // never answered
                    continue;
                }
                char buf[4096];
                (void)::recv(c, buf, sizeof buf, 0);
                (void)::send(c, m_answer.constData(), size_t(m_answer.size()), MSG_NOSIGNAL);
                ::close(c);
            }
        });
    }
    ~RawServer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
        for (int c : m_held)
            ::close(c);
    }
    quint16 port = 0;

private:
    QByteArray m_answer;
    int m_fd = -1;
    std::thread m_thread;
    std::vector<int> m_held;
};

} // namespace

class TestHttpSource : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    TestServer::ServerProcess m_server;
    QString m_station, m_desk;
    QString m_masters, m_master, m_reference;
    Manifest m_manifest;
    qint64 m_qcow2Size = 0;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    QString url(const QString &name = QStringLiteral("ecole.qcow2")) const
    {
        return m_server.url() + QStringLiteral("/api/v1/masters/") + name;
    }
    RemoteOptions remote(const QString &token = {}) const
    {
        RemoteOptions o;
        o.token = token.isEmpty() ? m_station : token;
        o.stallSeconds = 5;
        return o;
    }
    std::unique_ptr<TargetDevice> target(const QString &file, int msPerMiB = 0)
    {
        SafetyOptions safety;
        auto t = DiskTarget::open(file, safety);
        if (!t)
            return {};
        std::unique_ptr<TargetDevice> device = std::move(*t);
        if (msPerMiB > 0)
            return std::make_unique<SlowTarget>(std::move(device), msPerMiB);
        return device;
    }
    WriteOptions options(const QString &journal = {}) const
    {
        WriteOptions o;
        o.manifest = m_manifest;
        o.journalDir = journal;
        o.masterIdentity = toHexDigest();
        return o;
    }
    QByteArray get(const QString &) const
    {
        auto source = HttpSource::open(url(), remote());
        return source ? (*source)->etag() : QByteArray();
    }
    QString toHexDigest() const
    {
        return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(m_manifest.sha256.data()), 32).toHex());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // 24 MiB: data, text, zeros, and 8 MiB with nothing (unallocated clusters).
        QByteArray disk = diskContent(24 << 20, 19);
        std::memset(disk.data() + (8 << 20), 0, 8 << 20);
        QVERIFY(writeFile(path(QStringLiteral("disk.raw")), disk));
        m_masters = path(QStringLiteral("masters"));
        QVERIFY(QDir().mkpath(m_masters));
        m_master = m_masters + QStringLiteral("/ecole.qcow2");
        QCOMPARE(run(QStringLiteral(ETABLI_CLI),
                     {QStringLiteral("image"), QStringLiteral("keygen"), path(QStringLiteral("ws"))})
                     .code,
                 0);
        const Run built = run(QStringLiteral(ETABLI_CLI),
                              {QStringLiteral("image"), QStringLiteral("build"), path(QStringLiteral("disk.raw")),
                               QStringLiteral("-o"), m_master, QStringLiteral("--key"), path(QStringLiteral("ws.key")),
                               QStringLiteral("--name"), QStringLiteral("ecole"), QStringLiteral("--version"),
                               QStringLiteral("2026")});
        QVERIFY2(built.code == 0, built.err.constData());
        auto m = Manifest::load(Manifest::pathFor(m_master));
        QVERIFY(m);
        m_manifest = *m;
        m_qcow2Size = QFileInfo(m_master).size();
        m_reference = path(QStringLiteral("reference.raw"));
        QCOMPARE(run(QStringLiteral("qemu-img"),
                     {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"), m_master, m_reference})
                     .code,
                 0);
        QCOMPARE(sha256File(m_reference), sha256File(path(QStringLiteral("disk.raw"))));
        // Not a qcow2, under a qcow2 name.
        QVERIFY(writeFile(m_masters + QStringLiteral("/raw.qcow2"), QByteArray(4 << 20, 'r')));

        m_server.db = QStringLiteral("sqlite:") + path(QStringLiteral("server.sqlite"));
        m_station
            = TestServer::ServerProcess::createToken(m_server.db, QStringLiteral("station"), QStringLiteral("b1"));
        m_desk = TestServer::ServerProcess::createToken(m_server.db, QStringLiteral("desk"), QStringLiteral("d1"));
        QVERIFY(m_station.startsWith(QLatin1String("etb_")));
        m_server.extraArgs = {QStringLiteral("--masters"), m_masters};
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }
    void cleanupTestCase() { m_server.kill(); }

    void writesOnlyAllocatedClusters()
    {
        auto source = HttpSource::open(url(), remote());
        QVERIFY2(source, source ? "" : qPrintable(source.error().message));
        QCOMPARE((*source)->virtualSize(), qint64(24 << 20));
        HttpSource *http = source->get();
        const QString out = path(QStringLiteral("whole.raw"));
        ImageWriter writer(std::move(*source), options());
        writer.addTarget(target(out));
        auto done = writer.run();
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(sha256File(out), sha256File(m_reference));
        QCOMPARE(writer.masterCheck(), QStringLiteral("sha256"));
        // Cluster data only: less than the file, and nothing of the 8 MiB hole.
        QVERIFY2(http->fetchedBytes() > 0 && http->fetchedBytes() < m_qcow2Size,
                 qPrintable(QStringLiteral("%1 of %2").arg(http->fetchedBytes()).arg(m_qcow2Size)));
    }

    void resumesWithoutFetchingAgain()
    {
        const QString out = path(QStringLiteral("resumed.raw"));
        const QString journal = path(QStringLiteral("journal"));
        int64_t first = 0, second = 0, full = 0;
        {
            auto source = HttpSource::open(url(), remote());
            QVERIFY(source);
            HttpSource *http = source->get();
            ImageWriter writer(std::move(*source), options(journal));
            writer.addTarget(target(out, 120));
            std::thread stopper([&writer] {
                // Past a journal flush (every second) and about half of the master.
                QElapsedTimer t;
                t.start();
                for (int i = 0; i < 400; ++i) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(25));
                    if (writer.progress().front().bytesDone >= (12 << 20) && t.elapsed() > 1500)
                        break;
                }
                writer.cancel();
            });
            QVERIFY(!writer.run());
            stopper.join();
            first = http->fetchedBytes();
        }
        {
            auto source = HttpSource::open(url(), remote());
            QVERIFY(source);
            HttpSource *http = source->get();
            ImageWriter writer(std::move(*source), options(journal));
            writer.addTarget(target(out));
            auto done = writer.run();
            QVERIFY2(done, done ? "" : qPrintable(done.error().message));
            QVERIFY(writer.progress().front().resumedBytes > 0);
            second = http->fetchedBytes();
        }
        QCOMPARE(sha256File(out), sha256File(m_reference));
        {
            auto source = HttpSource::open(url(), remote());
            QVERIFY(source);
            HttpSource *http = source->get();
            ImageWriter writer(std::move(*source), options());
            writer.addTarget(target(path(QStringLiteral("again.raw"))));
            QVERIFY(writer.run());
            full = http->fetchedBytes();
        }
        qInfo("fetched: interrupted run %lld, resumed run %lld, a whole run %lld bytes", qlonglong(first),
              qlonglong(second), qlonglong(full));
        // The resumed run fetched only what the journal did not hold (read-ahead aside).
        QVERIFY(second < full);
        QVERIFY(second <= full - first + 16 * (1 << 20) / 2);
        QVERIFY(second > 0);
    }

    /// A local cache (`--cache`): only the ranges whose bytes there differ from the
    /// manifest's are fetched; the written disk still equals `qemu-img convert -O raw`.
    void cacheFetchesOnlyWhatDiffers_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("cachedMiB"); // of the 16 allocated MiB
        // Ranges 2, 5 and 18 changed in the older version; 8-15 are unallocated.
        QTest::newRow("older version, raw file") << QStringLiteral("older-raw") << 13;
        QTest::newRow("older version, qcow2") << QStringLiteral("older-qcow2") << 13;
        QTest::newRow("same master on a larger disk") << QStringLiteral("larger") << 16;
        QTest::newRow("shorter older version") << QStringLiteral("shorter") << 8;
        QTest::newRow("another disk entirely") << QStringLiteral("unrelated") << 0;
    }
    void cacheFetchesOnlyWhatDiffers()
    {
        QFETCH(QString, kind);
        QFETCH(int, cachedMiB);
        QFile ref(m_reference);
        QVERIFY(ref.open(QIODevice::ReadOnly));
        QByteArray bytes = ref.readAll();
        QString cache = path(QStringLiteral("cache-") + kind);
        if (kind.startsWith(QLatin1String("older"))) {
            for (const int range : {2, 5, 18})
                bytes[qsizetype(range) * (1 << 20) + 4097] = char(bytes[qsizetype(range) * (1 << 20) + 4097] ^ 0x5a);
        } else if (kind == QLatin1String("larger")) {
            bytes += QByteArray(8 << 20, 'x');
        } else if (kind == QLatin1String("shorter")) {
            bytes.truncate(12 << 20);
        } else {
            bytes = diskContent(24 << 20, 7);
        }
        QVERIFY(writeFile(cache + QStringLiteral(".raw"), bytes));
        if (kind == QLatin1String("older-qcow2"))
            QCOMPARE(run(QStringLiteral("qemu-img"),
                         {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("qcow2"),
                          cache + QStringLiteral(".raw"), cache})
                         .code,
                     0);
        else
            cache += QStringLiteral(".raw");

        int64_t full = 0;
        {
            auto plain = HttpSource::open(url(), remote());
            QVERIFY(plain);
            HttpSource *http = plain->get();
            ImageWriter writer(std::move(*plain), options());
            writer.addTarget(target(path(QStringLiteral("nocache.raw"))));
            QVERIFY(writer.run());
            full = http->fetchedBytes();
        }
        RemoteOptions o = remote();
        o.cachePath = cache;
        o.cacheDigests = m_manifest.ranges;
        o.cacheRangeSize = m_manifest.rangeSize;
        auto source = HttpSource::open(url(), o);
        QVERIFY2(source, source ? "" : qPrintable(source.error().message));
        HttpSource *http = source->get();
        const QString out = path(QStringLiteral("cached-") + kind + QStringLiteral(".raw"));
        ImageWriter writer(std::move(*source), options());
        writer.addTarget(target(out));
        auto done = writer.run();
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(sha256File(out), sha256File(m_reference));
        qInfo("%s: %lld bytes from the cache, %lld fetched (%lld without cache)", qPrintable(kind),
              qlonglong(http->cachedBytes()), qlonglong(http->fetchedBytes()), qlonglong(full));
        QCOMPARE(http->cachedBytes(), int64_t(cachedMiB) << 20);
        if (cachedMiB == 16)
            QCOMPARE(http->fetchedBytes(), int64_t(0));
        else if (cachedMiB == 0)
            QCOMPARE(http->fetchedBytes(), full);
        else // only the ranges that differ: about (16 - cached) / 16 of a whole run
            QVERIFY(http->fetchedBytes() > 0 && http->fetchedBytes() <= full * (16 - cachedMiB + 1) / 16);
    }

    void cacheRefusals()
    {
        RemoteOptions o = remote();
        o.cachePath = path(QStringLiteral("no-such-cache"));
        o.cacheDigests = m_manifest.ranges;
        o.cacheRangeSize = m_manifest.rangeSize;
        auto missing = HttpSource::open(url(), o);
        QVERIFY(!missing);
        QCOMPARE(missing.error().detail, QStringLiteral("bad_cache"));
        o.cachePath = m_reference;
        o.cacheDigests.clear(); // no manifest: nothing to check the cache against
        auto unchecked = HttpSource::open(url(), o);
        QVERIFY(!unchecked);
        QCOMPARE(unchecked.error().detail, QStringLiteral("bad_cache"));
    }

    void etagChangeStopsTheRun()
    {
        const QString copy = m_masters + QStringLiteral("/moving.qcow2");
        QVERIFY(QFile::copy(m_master, copy));
        QVERIFY(QFile::copy(Manifest::pathFor(m_master), Manifest::pathFor(copy)));
        RemoteOptions slow = remote();
        slow.readAhead = 2 << 20; // a few ranges ahead only, so the change lands mid-run
        slow.connections = 1;
        auto source = HttpSource::open(url(QStringLiteral("moving.qcow2")), slow);
        QVERIFY(source);
        const QString out = path(QStringLiteral("moving.raw"));
        const QString journal = path(QStringLiteral("journal-moving"));
        WriteOptions o = options(journal);
        o.window = 4;
        ImageWriter writer(std::move(*source), o);
        writer.addTarget(target(out, 80));
        std::thread toucher([&writer, copy] {
            for (int i = 0; i < 400 && writer.progress().front().bytesDone < (2 << 20); ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            // Another master under the same name: its mtime (and so its ETag) changes.
            const QByteArray native = QFile::encodeName(copy);
            ::utime(native.constData(), nullptr);
            struct utimbuf times {
                0, 1000000000
            };
            ::utime(native.constData(), &times);
        });
        auto done = writer.run();
        toucher.join();
        QVERIFY(!done);
        QCOMPARE(done.error().detail, QStringLiteral("master_changed"));
        QVERIFY2(done.error().message.contains(QLatin1String("ETag")), qPrintable(done.error().message));
        QVERIFY(writer.progress().front().bytesDone < (24 << 20));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("detail");
        QTest::newRow("wrong token") << QStringLiteral("ecole.qcow2") << QStringLiteral("etb_wrong")
                                     << int(ErrorCode::Unauthorized) << QStringLiteral("unauthorized");
        QTest::newRow("desk token") << QStringLiteral("ecole.qcow2") << QStringLiteral("desk")
                                    << int(ErrorCode::Refused) << QStringLiteral("forbidden");
        QTest::newRow("missing master") << QStringLiteral("nope.qcow2") << QString() << int(ErrorCode::NotFound)
                                        << QStringLiteral("not_found");
        QTest::newRow("not a qcow2") << QStringLiteral("raw.qcow2") << QString() << int(ErrorCode::Unsupported)
                                     << QStringLiteral("qcow2_magic");
    }
    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, token);
        QFETCH(int, code);
        QFETCH(QString, detail);
        auto source = HttpSource::open(url(name), remote(token == QLatin1String("desk") ? m_desk : token));
        QVERIFY(!source);
        QCOMPARE(int(source.error().code), code);
        QCOMPARE(source.error().detail, detail);
    }

    void multicastAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("group");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("master");
        const QString m = QStringLiteral("https://srv:8420/api/v1/masters/ecole.qcow2");
        QTest::newRow("good") << QStringLiteral("multicast://239.19.0.1:5019?master=") + m << true
                              << QStringLiteral("239.19.0.1") << 5019 << m;
        QTest::newRow("unicast group") << QStringLiteral("multicast://10.0.0.1:5019?master=") + m << false << QString()
                                       << 0 << QString();
        QTest::newRow("no port") << QStringLiteral("multicast://239.19.0.1?master=") + m << false << QString() << 0
                                 << QString();
        QTest::newRow("port 0") << QStringLiteral("multicast://239.19.0.1:0?master=") + m << false << QString() << 0
                                << QString();
        QTest::newRow("no master") << QStringLiteral("multicast://239.19.0.1:5019") << false << QString() << 0
                                   << QString();
        QTest::newRow("host name") << QStringLiteral("multicast://group.local:5019?master=") + m << false << QString()
                                   << 0 << QString();
    }
    void multicastAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QFETCH(QString, group);
        QFETCH(int, port);
        QFETCH(QString, master);
        QString g, u;
        uint16_t p = 0;
        const auto r = parseMulticastMaster(address, &g, &p, &u);
        QCOMPARE(bool(r), valid);
        QVERIFY(isRemoteMaster(address));
        if (!valid) {
            QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QCOMPARE(g, group);
        QCOMPARE(int(p), port);
        QCOMPARE(u, master);
        QCOMPARE(remoteMasterUrl(address), master);
        // The sender and the server name a file by the same ETag, hence the same session.
        QCOMPARE(masterEtag(m_master), get(m_master));
    }

    void plainHttpOnlyOnLoopback()
    {
        auto source = HttpSource::open(QStringLiteral("http://192.0.2.7:8420/api/v1/masters/ecole.qcow2"), remote());
        QVERIFY(!source);
        QCOMPARE(source.error().detail, QStringLiteral("plain_http"));
    }

    void stalledServer()
    {
        RawServer silent({});
        RemoteOptions o = remote();
        o.stallSeconds = 2;
        QElapsedTimer t;
        t.start();
        auto source
            = HttpSource::open(QStringLiteral("http://127.0.0.1:%1/api/v1/masters/ecole.qcow2").arg(silent.port), o);
        QVERIFY(!source);
        QCOMPARE(source.error().code, ErrorCode::Network);
        QVERIFY2(source.error().message.contains(QLatin1String("nothing")), qPrintable(source.error().message));
        QVERIFY2(t.elapsed() < 12000, qPrintable(QString::number(t.elapsed())));
    }

    void truncatedAnswer()
    {
        RawServer cut(
            "HTTP/1.1 206 Partial Content\r\nContent-Length: 1048576\r\nContent-Range: bytes 0-1048575/9000000\r\n"
            "ETag: \"x\"\r\n\r\nQFI\xfb truncated here");
        RemoteOptions o = remote();
        o.stallSeconds = 2;
        auto source
            = HttpSource::open(QStringLiteral("http://127.0.0.1:%1/api/v1/masters/ecole.qcow2").arg(cut.port), o);
        QVERIFY(!source);
        QCOMPARE(source.error().code, ErrorCode::Network);
        QVERIFY2(source.error().message.contains(QLatin1String("truncated")), qPrintable(source.error().message));
    }

    void corruptedMasterCaughtByManifest()
    {
        // The server's copy has one byte flipped in its last data: the run stops at that range.
        const QString bad = m_masters + QStringLiteral("/flipped.qcow2");
        QFile::remove(bad);
        QVERIFY(QFile::copy(m_master, bad));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::ReadWrite));
        // A byte inside the cluster data of the last allocated cluster.
        auto image = Qcow2Image::open(
            [&f](uint64_t offset, void *buffer, size_t length) {
                return f.seek(qint64(offset)) && f.read(static_cast<char *>(buffer), qint64(length)) == qint64(length);
            },
            uint64_t(f.size()));
        QVERIFY(image);
        qint64 at = -1;
        for (uint64_t c = 0; c < (*image)->header().clusterCount(); ++c) {
            const ClusterRef r = (*image)->cluster(c);
            if (r.kind == ClusterKind::Data || r.kind == ClusterKind::Compressed)
                at = qint64(r.hostOffset) + 10;
        }
        QVERIFY(at > 0);
        f.seek(at);
        char c = 0;
        f.getChar(&c);
        f.seek(at);
        f.putChar(char(c ^ 0x40));
        f.close();
        auto source = HttpSource::open(url(QStringLiteral("flipped.qcow2")), remote());
        QVERIFY(source);
        const QString out = path(QStringLiteral("flipped.raw"));
        ImageWriter writer(std::move(*source), options(path(QStringLiteral("journal-flipped"))));
        writer.addTarget(target(out));
        auto done = writer.run();
        QVERIFY(!done);
        QCOMPARE(done.error().code, ErrorCode::Corrupt);
        QVERIFY(writer.progress().front().bytesDone < (24 << 20));
    }
};

QTEST_GUILESS_MAIN(TestHttpSource)
#include "tst_httpsource.moc"
