// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-server --masters DIR as a real process on 127.0.0.1: ranges, ETags, names that
// must not escape DIR, tokens, and a 1 GiB (sparse) master streamed with flat memory.
#include "testserver.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <unistd.h>

using namespace TestServer;

namespace {

/// One raw HTTP/1.1 exchange on its own connection: status, headers (lower-case names), body.
struct RawReply {
    int status = 0;
    QHash<QByteArray, QByteArray> headers;
    QByteArray body;
    qint64 bodyBytes = 0; ///< counted even when not kept
};

RawReply raw(quint16 port, const QByteArray &method, const QString &path, const QList<QByteArray> &headers,
             bool keepBody = true, qint64 *peakRssKb = nullptr, qint64 serverPid = 0)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    RawReply r;
    if (!s.waitForConnected(5000))
        return r;
    QByteArray req = method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const QByteArray &h : headers)
        req += h + "\r\n";
    s.write(req + "\r\n");
    QByteArray buffer;
    qint64 headEnd = -1;
    QElapsedTimer sample;
    sample.start();
    while (s.state() == QAbstractSocket::ConnectedState || s.bytesAvailable() > 0) {
        if (!s.waitForReadyRead(10000) && s.bytesAvailable() == 0)
            break;
        const QByteArray chunk = s.readAll();
        if (headEnd < 0) {
            buffer += chunk;
            headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
                r.status = lines.first().split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
                }
                const QByteArray rest = buffer.mid(headEnd + 4);
                r.bodyBytes += rest.size();
                if (keepBody)
                    r.body += rest;
            }
        } else {
            r.bodyBytes += chunk.size();
            if (keepBody)
                r.body += chunk;
        }
        if (peakRssKb && sample.elapsed() > 100) {
            sample.restart();
            QFile status(QStringLiteral("/proc/%1/status").arg(serverPid));
            if (status.open(QIODevice::ReadOnly))
                for (const QByteArray &line : status.readAll().split('\n'))
                    if (line.startsWith("VmRSS:"))
                        *peakRssKb = qMax(*peakRssKb, line.mid(6).trimmed().split(' ').first().toLongLong());
        }
    }
    return r;
}

} // namespace

class TestMasters : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_masters;
    QByteArray m_content;
    QHash<QString, QString> m_tokens;

    QList<QByteArray> auth(const QString &who = QStringLiteral("station"))
    {
        return {"Authorization: Bearer " + m_tokens.value(who).toUtf8()};
    }
    RawReply get(const QString &name, const QList<QByteArray> &extra = {}, const QByteArray &method = "GET")
    {
        return raw(m_server.port, method, QStringLiteral("/api/v1/masters/") + name, auth() + extra);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_masters = m_dir.filePath(QStringLiteral("masters"));
        QVERIFY(QDir().mkpath(m_masters));
        m_content.resize(3 * 1024 * 1024 + 17);
        QRandomGenerator rng(19);
        for (char &c : m_content)
            c = char(rng.generate());
        QFile f(m_masters + QStringLiteral("/ecole-2026.qcow2"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_content);
        f.close();
        QFile m(m_masters + QStringLiteral("/ecole-2026.qcow2.manifest.json"));
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write("{\"name\":\"ecole\"}");
        m.close();
        // Things that must never be served.
        QFile secret(m_dir.filePath(QStringLiteral("secret.qcow2")));
        QVERIFY(secret.open(QIODevice::WriteOnly));
        secret.write("family data");
        secret.close();
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("secret.qcow2")), m_masters + QStringLiteral("/out.qcow2")));
        QVERIFY(QFile::link(m_masters + QStringLiteral("/ecole-2026.qcow2"), m_masters + QStringLiteral("/in.qcow2")));
        QVERIFY(QDir().mkpath(m_masters + QStringLiteral("/sub.qcow2")));
        QFile other(m_masters + QStringLiteral("/notes.txt"));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.write("x");
        other.close();
        // A 4 GiB master that holds no disk space: streaming it must not grow the server.
        QFile big(m_masters + QStringLiteral("/big.qcow2"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(qint64(1) << 30));
        big.close();

        m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        for (const char *role : {"station", "desk", "supervisor", "ent"})
            m_tokens.insert(QLatin1String(role),
                            ServerProcess::createToken(m_server.db, QLatin1String(role),
                                                       QLatin1String(role) + QStringLiteral("-1")));
        m_tokens.insert(QStringLiteral("garbage"), QStringLiteral("etb_nope"));
        m_server.extraArgs = {QStringLiteral("--masters"), m_masters};
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }
    void cleanupTestCase() { m_server.kill(); }

    void refusesBadDirectory()
    {
        QProcess p;
        p.start(QStringLiteral(ETABLI_SERVER),
                {QStringLiteral("--db"), m_server.db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:1"),
                 QStringLiteral("--masters"), m_dir.filePath(QStringLiteral("missing"))});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 3);
        const QString said = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(said.contains(QLatin1String("--masters")), qPrintable(said));
    }

    void whole()
    {
        const RawReply r = get(QStringLiteral("ecole-2026.qcow2"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, m_content);
        QCOMPARE(r.headers.value("content-length").toLongLong(), m_content.size());
        QCOMPARE(r.headers.value("accept-ranges"), QByteArray("bytes"));
        QVERIFY(r.headers.value("etag").startsWith('"'));
        const RawReply manifest = get(QStringLiteral("ecole-2026.qcow2.manifest.json"));
        QCOMPARE(manifest.status, 200);
        QCOMPARE(manifest.body, QByteArray("{\"name\":\"ecole\"}"));
        QCOMPARE(manifest.headers.value("content-type"), QByteArray("application/json"));
        // A symbolic link that stays in the directory is the same file.
        QCOMPARE(get(QStringLiteral("in.qcow2")).body, m_content);
    }

    void head()
    {
        const RawReply r = get(QStringLiteral("ecole-2026.qcow2"), {}, "HEAD");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("content-length").toLongLong(), m_content.size());
        QCOMPARE(r.bodyBytes, 0);
        QCOMPARE(r.headers.value("etag"), get(QStringLiteral("ecole-2026.qcow2"), {}, "HEAD").headers.value("etag"));
    }

    void ranges_data()
    {
        const qint64 size = 3 * 1024 * 1024 + 17;
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("first");
        QTest::addColumn<qint64>("last");
        QTest::newRow("first ten") << QByteArray("bytes=0-9") << 206 << qint64(0) << qint64(9);
        QTest::newRow("middle MiB") << QByteArray("bytes=1048576-2097151") << 206 << qint64(1048576) << qint64(2097151);
        QTest::newRow("open end") << QByteArray("bytes=3145700-") << 206 << qint64(3145700) << size - 1;
        QTest::newRow("suffix") << QByteArray("bytes=-5") << 206 << size - 5 << size - 1;
        QTest::newRow("past the end clamped")
            << QByteArray("bytes=3145720-99999999") << 206 << qint64(3145720) << size - 1;
        QTest::newRow("last byte") << QByteArray("bytes=3145744-3145744") << 206 << size - 1 << size - 1;
        QTest::newRow("starts at the end") << QByteArray("bytes=3145745-") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("reversed") << QByteArray("bytes=9-3") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("two ranges") << QByteArray("bytes=0-1,5-6") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("not bytes") << QByteArray("items=0-1") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("garbage") << QByteArray("bytes=a-b") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << qint64(0) << qint64(-1);
        QTest::newRow("negative") << QByteArray("bytes=-") << 416 << qint64(0) << qint64(-1);
    }
    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(qint64, first);
        QFETCH(qint64, last);
        const RawReply r = get(QStringLiteral("ecole-2026.qcow2"), {"Range: " + range});
        QCOMPARE(r.status, status);
        if (status == 416) {
            QCOMPARE(r.headers.value("content-range"), "bytes */" + QByteArray::number(m_content.size()));
            return;
        }
        QCOMPARE(r.headers.value("content-range"),
                 "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                     + QByteArray::number(m_content.size()));
        QCOMPARE(r.body, m_content.mid(first, last - first + 1));
    }

    void validators()
    {
        const QByteArray etag = get(QStringLiteral("ecole-2026.qcow2"), {}, "HEAD").headers.value("etag");
        QCOMPARE(get(QStringLiteral("ecole-2026.qcow2"), {"If-None-Match: " + etag}).status, 304);
        QCOMPARE(get(QStringLiteral("ecole-2026.qcow2"), {"If-None-Match: \"other\", " + etag}).status, 304);
        QCOMPARE(get(QStringLiteral("ecole-2026.qcow2"), {"If-None-Match: \"other\""}).status, 200);
        // If-Range: the range while the file is the same, the whole file once it changed.
        const RawReply same = get(QStringLiteral("ecole-2026.qcow2"), {"Range: bytes=0-3", "If-Range: " + etag});
        QCOMPARE(same.status, 206);
        QCOMPARE(same.body, m_content.left(4));
        const RawReply changed
            = get(QStringLiteral("ecole-2026.qcow2"), {"Range: bytes=0-3", "If-Range: \"an-older-master\""});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.bodyBytes, m_content.size());
        // The manifest has its own validator, and rewriting a file changes its ETag.
        QVERIFY(get(QStringLiteral("ecole-2026.qcow2.manifest.json"), {}, "HEAD").headers.value("etag") != etag);
        const QString path = m_masters + QStringLiteral("/ecole-2026.qcow2.manifest.json");
        const QByteArray before
            = get(QStringLiteral("ecole-2026.qcow2.manifest.json"), {}, "HEAD").headers.value("etag");
        QTest::qWait(20);
        QFile m(path);
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write("{\"name\":\"ecole\"}");
        m.close();
        QVERIFY(get(QStringLiteral("ecole-2026.qcow2.manifest.json"), {}, "HEAD").headers.value("etag") != before);
    }

    void names_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("symlink out of the directory") << QStringLiteral("out.qcow2");
        QTest::newRow("dot dot") << QStringLiteral("../secret.qcow2");
        QTest::newRow("encoded dot dot") << QStringLiteral("..%2Fsecret.qcow2");
        QTest::newRow("other extension") << QStringLiteral("notes.txt");
        QTest::newRow("the database") << QStringLiteral("../server.sqlite");
        QTest::newRow("missing") << QStringLiteral("nope.qcow2");
        QTest::newRow("directory") << QStringLiteral("sub.qcow2");
        QTest::newRow("subfolder") << QStringLiteral("sub.qcow2/x.qcow2");
        QTest::newRow("hidden") << QStringLiteral(".ecole-2026.qcow2");
        QTest::newRow("list") << QString();
        QTest::newRow("absolute") << QStringLiteral("%2Fetc%2Fpasswd.qcow2");
    }
    void names()
    {
        QFETCH(QString, path);
        const RawReply r = get(path);
        QCOMPARE(r.status, 404);
        QVERIFY(!r.body.contains("family data"));
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("status");
        QTest::newRow("none") << QString() << 401;
        QTest::newRow("garbage") << QStringLiteral("garbage") << 401;
        QTest::newRow("desk") << QStringLiteral("desk") << 403;
        QTest::newRow("supervisor") << QStringLiteral("supervisor") << 403;
        QTest::newRow("ent") << QStringLiteral("ent") << 403;
        QTest::newRow("station") << QStringLiteral("station") << 200;
    }
    void tokens()
    {
        QFETCH(QString, who);
        QFETCH(int, status);
        const QList<QByteArray> headers = who.isEmpty() ? QList<QByteArray>{} : auth(who);
        for (const char *name : {"ecole-2026.qcow2", "ecole-2026.qcow2.manifest.json", "nope.qcow2"}) {
            const RawReply r
                = raw(m_server.port, "GET", QStringLiteral("/api/v1/masters/") + QLatin1String(name), headers);
            // A missing master is 404 only to a station: the others learn nothing.
            QCOMPARE(r.status, status == 200 && QLatin1String(name) == QLatin1String("nope.qcow2") ? 404 : status);
            if (status != 200)
                QVERIFY(!r.body.startsWith("QFI"));
        }
        QCOMPARE(raw(m_server.port, "POST", QStringLiteral("/api/v1/masters/ecole-2026.qcow2"), headers).status,
                 status == 200 ? 405 : status);
    }

    void keepAliveAfterStream()
    {
        // Two ranges on one connection: the second request waits for the first file body.
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server.port);
        QVERIFY(s.waitForConnected(5000));
        const QByteArray a = auth().first();
        s.write("GET /api/v1/masters/ecole-2026.qcow2 HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1048575\r\n" + a
                + "\r\n\r\nGET /api/v1/masters/ecole-2026.qcow2 HTTP/1.1\r\nHost: x\r\nRange: bytes=2097152-2097161\r\n"
                + a + "\r\nConnection: close\r\n\r\n");
        QByteArray all;
        while (s.waitForReadyRead(5000) || s.bytesAvailable())
            all += s.readAll();
        const qsizetype second = all.indexOf("HTTP/1.1 206", 10);
        QVERIFY(all.startsWith("HTTP/1.1 206"));
        QVERIFY(second > 1048576);
        QVERIFY(all.endsWith(m_content.mid(2097152, 10)));
        QVERIFY(all.left(second).endsWith(m_content.left(1048576)));
    }

    void bigMasterFlatMemory()
    {
        qint64 peak = 0;
        QElapsedTimer t;
        t.start();
        const RawReply r = raw(m_server.port, "GET", QStringLiteral("/api/v1/masters/big.qcow2"), auth(), false, &peak,
                               m_server.pid());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.bodyBytes, qint64(1) << 30);
        qInfo("1 GiB streamed in %.1f s, server peak RSS %lld KiB", t.elapsed() / 1000.0, peak);
        QVERIFY2(peak > 0 && peak < 200 * 1024, qPrintable(QString::number(peak)));
    }
};

QTEST_GUILESS_MAIN(TestMasters)
#include "tst_masters.moc"
