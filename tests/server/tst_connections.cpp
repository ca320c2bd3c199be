// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-server's connections, spoken to byte by byte over real sockets: HTTP/1.0 and
// Connection: close honoured, error answers close, bodies over the limit refused before
// they are sent, idle connections closed by the timeout (the server's descriptors back
// to where they were), 500 idle connections cheap, connections per client capped, and
// /healthz answered while every worker waits on a database lock and slow clients dawdle.
#include "testserver.h"

#include "inventory/assettag.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>

#include <sys/resource.h>

using namespace TestServer;

namespace {

struct RawReply {
    QByteArray statusLine;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    bool complete = false;
};

/// Reads one answer (status line, headers, Content-Length body) from `socket`, and not
/// a byte more: pipelined answers stay for the next call.
RawReply readReply(QTcpSocket &socket, int timeoutMs = 10000)
{
    RawReply r;
    QElapsedTimer t;
    t.start();
    const auto waitFor = [&](auto ready) {
        while (!ready()) {
            if (t.elapsed() > timeoutMs
                || (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0))
                return false;
            socket.waitForReadyRead(50);
        }
        return true;
    };
    bool first = true;
    for (;;) {
        if (!waitFor([&] { return socket.canReadLine(); }))
            return r;
        const QByteArray line = socket.readLine().trimmed();
        if (first) {
            r.statusLine = line;
            first = false;
            continue;
        }
        if (line.isEmpty())
            break;
        const qsizetype colon = line.indexOf(':');
        r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    const qint64 length = r.headers.value("content-length").toLongLong();
    if (!waitFor([&] { return socket.bytesAvailable() >= length; }))
        return r;
    r.body = socket.read(length);
    r.complete = true;
    return r;
}

/// Whether the server closes `socket` within `ms`.
bool closedWithin(QTcpSocket &socket, int ms)
{
    if (socket.state() == QAbstractSocket::UnconnectedState)
        return true;
    return socket.waitForDisconnected(ms);
}

int openDescriptors(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

qint64 rssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

std::unique_ptr<QTcpSocket> connectTo(quint16 port)
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress::LocalHost, port);
    return s;
}

} // namespace

class TestConnections : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    QString m_station, m_supervisor;

    QByteArray get(const QByteArray &path, const QByteArray &extra = {}, const QByteArray &version = "HTTP/1.1")
    {
        return "GET " + path + ' ' + version + "\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // 1,000 sockets here and as many in the server.
        rlimit files{};
        QCOMPARE(getrlimit(RLIMIT_NOFILE, &files), 0);
        files.rlim_cur = files.rlim_max;
        QCOMPARE(setrlimit(RLIMIT_NOFILE, &files), 0);
        QVERIFY2(files.rlim_cur >= 2200, "this test needs 2,200 file descriptors");
        m_server.db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.sqlite"));
        m_station = ServerProcess::createToken(m_server.db, QStringLiteral("station"), QStringLiteral("bench"));
        m_supervisor = ServerProcess::createToken(m_server.db, QStringLiteral("supervisor"), QStringLiteral("boss"));
        QVERIFY(!m_station.isEmpty() && !m_supervisor.isEmpty());
        m_server.extraArgs = {QStringLiteral("--workers"),
                              QStringLiteral("2"),
                              QStringLiteral("--idle-timeout"),
                              QStringLiteral("3"),
                              QStringLiteral("--max-connections-per-client"),
                              QStringLiteral("3000")};
        QVERIFY2(m_server.start(), qPrintable(m_server.output));
    }

    void connectionRules_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("statusLine");
        QTest::addColumn<bool>("keptOpen");
        QTest::newRow("HTTP/1.1 stays open") << get("/healthz") << QByteArray("HTTP/1.1 200 OK") << true;
        QTest::newRow("HTTP/1.1 Connection: close")
            << get("/healthz", "Connection: close\r\n") << QByteArray("HTTP/1.1 200 OK") << false;
        QTest::newRow("Connection: Keep-Alive, close")
            << get("/healthz", "Connection: Keep-Alive, close\r\n") << QByteArray("HTTP/1.1 200 OK") << false;
        QTest::newRow("HTTP/1.0 answered as 1.0 and closed")
            << get("/healthz", {}, "HTTP/1.0") << QByteArray("HTTP/1.0 200 OK") << false;
        QTest::newRow("HTTP/1.0 asking keep-alive")
            << get("/healthz", "Connection: keep-alive\r\n", "HTTP/1.0") << QByteArray("HTTP/1.0 200 OK") << true;
        QTest::newRow("404 closes") << get("/nowhere") << QByteArray("HTTP/1.1 404 Not Found") << false;
        QTest::newRow("401 closes") << get("/api/v1/lots") << QByteArray("HTTP/1.1 401 Unauthorized") << false;
        QTest::newRow("HTTP/1.0 error") << get("/nowhere", {}, "HTTP/1.0") << QByteArray("HTTP/1.0 404 Not Found")
                                        << false;
        QTest::newRow("HTTP/2.0 refused")
            << get("/healthz", {}, "HTTP/2.0") << QByteArray("HTTP/1.1 505 HTTP Version Not Supported") << false;
        QTest::newRow("not HTTP") << QByteArray("HELLO THERE\r\n\r\n") << QByteArray("HTTP/1.1 400 Bad Request")
                                  << false;
        QTest::newRow("header without colon")
            << get("/healthz", "Broken header\r\n") << QByteArray("HTTP/1.1 400 Bad Request") << false;
        QTest::newRow("two Content-Lengths")
            << QByteArray("POST /api/v1/events HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}")
            << QByteArray("HTTP/1.1 400 Bad Request") << false;
        QTest::newRow("chunked body") << QByteArray(
            "POST /api/v1/events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n")
                                      << QByteArray("HTTP/1.1 501 Not Implemented") << false;
        QTest::newRow("headers over 64 KiB") << QByteArray("GET /healthz HTTP/1.1\r\nX-Big: " + QByteArray(70000, 'a'))
                                             << QByteArray("HTTP/1.1 431 Request Header Fields Too Large") << false;
    }
    void connectionRules()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, statusLine);
        QFETCH(bool, keptOpen);
        auto s = connectTo(m_server.port);
        QVERIFY(s->waitForConnected(5000));
        s->write(request);
        const RawReply r = readReply(*s);
        QVERIFY2(r.complete, r.statusLine.constData());
        QCOMPARE(r.statusLine, statusLine);
        QCOMPARE(r.headers.value("content-length").toLongLong(), r.body.size());
        if (keptOpen) {
            QVERIFY(r.headers.value("connection").toLower() != "close");
            QVERIFY2(!closedWithin(*s, 300), "the server closed a keep-alive connection");
            // and it serves the next request on it
            s->write(request);
            QCOMPARE(readReply(*s).statusLine, statusLine);
        } else {
            QCOMPARE(r.headers.value("connection").toLower(), QByteArray("close"));
            QVERIFY2(closedWithin(*s, 2000), "the server kept the connection open");
        }
    }

    void pipelinedRequestsAnsweredInOrder()
    {
        auto s = connectTo(m_server.port);
        QVERIFY(s->waitForConnected(5000));
        s->write(get("/healthz") + get("/api/v1/lots", "Authorization: Bearer " + m_station.toUtf8() + "\r\n")
                 + get("/nowhere") + get("/healthz"));
        QCOMPARE(readReply(*s).statusLine, QByteArray("HTTP/1.1 200 OK"));
        const RawReply lots = readReply(*s);
        QCOMPARE(lots.statusLine, QByteArray("HTTP/1.1 200 OK"));
        QVERIFY(lots.body.startsWith('['));
        QCOMPARE(readReply(*s).statusLine, QByteArray("HTTP/1.1 404 Not Found"));
        QVERIFY(closedWithin(*s, 2000)); // the error closed it: the fourth request is not answered
    }

    void bodyOverLimitRefusedBeforeItIsSent_data()
    {
        QTest::addColumn<bool>("expectContinue");
        QTest::newRow("plain") << false;
        QTest::newRow("Expect: 100-continue") << true;
    }
    void bodyOverLimitRefusedBeforeItIsSent()
    {
        QFETCH(bool, expectContinue);
        const qint64 before = rssKiB(m_server.pid());
        auto s = connectTo(m_server.port);
        QVERIFY(s->waitForConnected(5000));
        constexpr qint64 declared = 512LL * 1024 * 1024;
        s->write("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + m_station.toUtf8()
                 + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(declared) + "\r\n"
                 + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n");
        // Not one byte of the body is sent, yet the answer comes.
        const RawReply r = readReply(*s, 5000);
        QCOMPARE(r.statusLine, QByteArray("HTTP/1.1 413 Content Too Large"));
        QCOMPARE(r.headers.value("connection"), QByteArray("close"));
        QVERIFY(r.body.contains("too_large"));
        // A client that sends its 32 MiB anyway is read and dropped, not kept.
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 32 && s->state() == QAbstractSocket::ConnectedState; ++i) {
            s->write(chunk);
            s->waitForBytesWritten(1000);
        }
        QVERIFY(closedWithin(*s, 8000));
        const qint64 after = rssKiB(m_server.pid());
        qInfo("server RSS %lld KiB before, %lld KiB after a refused 512 MiB body", before, after);
        QVERIFY2(after - before < 16 * 1024, "the refused body was kept in memory");
    }

    void healthzNeverWaits()
    {
        // Another writer holds the SQLite write lock: both workers end up waiting on it.
        QSqlDatabase lockHolder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder"));
        lockHolder.setDatabaseName(m_server.db.mid(7));
        QVERIFY(lockHolder.open());
        QSqlQuery hold(lockHolder);
        QVERIFY2(hold.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(hold.lastError().text()));
        QVERIFY(hold.exec(QStringLiteral("INSERT INTO donors(name, contact) VALUES('lock', '')")));

        // Slow clients: half a request line, and headers whose body never comes.
        auto halfLine = connectTo(m_server.port);
        auto halfBody = connectTo(m_server.port);
        QVERIFY(halfLine->waitForConnected(5000) && halfBody->waitForConnected(5000));
        halfLine->write("GET /hea");
        halfBody->write("POST /api/v1/events HTTP/1.1\r\nAuthorization: Bearer " + m_station.toUtf8()
                        + "\r\nContent-Length: 1000\r\n\r\n{\"events\":");
        halfLine->flush();
        halfBody->flush();

        // Pushes that will wait on the lock (more than there are workers), and a read behind them.
        QList<QNetworkReply *> pushes;
        for (int i = 0; i < 4; ++i) {
            const QString tag = Etabli::Inventory::AssetTag::make(QStringLiteral("HLZ"), i + 1);
            const QJsonObject e{
                {QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("station"), QStringLiteral("bench")},
                {QStringLiteral("worker"), QStringLiteral("w")},
                {QStringLiteral("time"), QStringLiteral("2026-11-25T10:00:00.000Z")},
                {QStringLiteral("type"), QStringLiteral("asset.added")},
                {QStringLiteral("asset_tag"), tag},
                {QStringLiteral("payload"),
                 QJsonObject{{QStringLiteral("tag"), tag}, {QStringLiteral("kind"), QStringLiteral("pc")}}}};
            QNetworkRequest request(QUrl(m_server.url() + QStringLiteral("/api/v1/events")));
            request.setRawHeader("Authorization", "Bearer " + m_station.toUtf8());
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            pushes << network().post(request,
                                     QJsonDocument(QJsonObject{{QStringLiteral("events"), QJsonArray{e}}}).toJson());
        }
        QTest::qWait(300);
        QElapsedTimer readTime;
        readTime.start();
        QNetworkRequest lotsRequest(QUrl(m_server.url() + QStringLiteral("/api/v1/lots")));
        lotsRequest.setRawHeader("Authorization", "Bearer " + m_supervisor.toUtf8());
        QNetworkReply *lots = network().get(lotsRequest);
        QTest::qWait(200);

        qint64 worst = 0;
        for (int i = 0; i < 10; ++i) {
            auto s = connectTo(m_server.port);
            QElapsedTimer t;
            t.start();
            QVERIFY(s->waitForConnected(5000));
            s->write(get("/healthz"));
            const RawReply r = readReply(*s, 5000);
            worst = qMax(worst, t.elapsed());
            QCOMPARE(r.statusLine, QByteArray("HTTP/1.1 200 OK"));
            QTest::qWait(100);
        }
        qInfo("slowest /healthz while every worker waits: %lld ms", worst);
        QVERIFY2(worst < 500, "/healthz waited for the workers");
        QVERIFY2(!lots->isFinished(), "the workers were not busy: this test proves nothing");
        QVERIFY(pushes.first()->isRunning());

        hold.exec(QStringLiteral("ROLLBACK"));
        hold = QSqlQuery();
        lockHolder.close();
        lockHolder = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("holder"));
        for (QNetworkReply *reply : std::as_const(pushes)) {
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        QTRY_VERIFY_WITH_TIMEOUT(lots->isFinished(), 15000);
        QCOMPARE(lots->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        qInfo("the read queued behind the pushes took %lld ms", readTime.elapsed());
        lots->deleteLater();
        resetConnections();
    }

    void idleConnectionsAreClosed()
    {
        const qint64 pid = m_server.pid();
        QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/healthz")).status, 200);
        resetConnections();
        QTest::qWait(3500); // every connection of the earlier tests timed out
        const int baseFds = openDescriptors(pid);
        const qint64 baseRss = rssKiB(pid);

        // 500 connections that each made a request and stay open, idle.
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 500; ++i)
            sockets.push_back(connectTo(m_server.port));
        for (auto &s : sockets) {
            QVERIFY(s->waitForConnected(5000));
            s->write(get("/healthz"));
        }
        for (auto &s : sockets)
            QCOMPARE(readReply(*s, 5000).statusLine, QByteArray("HTTP/1.1 200 OK"));
        const qint64 rss = rssKiB(pid);
        const int fds500 = openDescriptors(pid);
        qInfo("server: %d descriptors and %lld KiB RSS at rest, %d and %lld KiB with 500 idle connections", baseFds,
              baseRss, fds500, rss);
        QVERIFY2(rss - baseRss < 50 * 1024, "500 idle connections cost 50 MiB or more");
        QVERIFY(fds500 >= baseFds + 500);

        // 500 more that never say anything: 1,000 in all.
        for (int i = 0; i < 500; ++i)
            sockets.push_back(connectTo(m_server.port));
        for (auto &s : sockets)
            QVERIFY(s->state() == QAbstractSocket::ConnectedState || s->waitForConnected(5000));
        QTRY_VERIFY_WITH_TIMEOUT(openDescriptors(pid) >= baseFds + 1000, 2000);

        // The idle timeout (3 s) closes every one of them.
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(sockets.begin(), sockets.end(),
                        [](const auto &s) { return s->state() == QAbstractSocket::UnconnectedState; }),
            20000);
        qInfo("1,000 idle connections closed %lld ms after the last one opened", t.elapsed());
        QVERIFY(t.elapsed() > 1000); // by the timeout, not at once
        sockets.clear();
        QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(pid), baseFds, 5000);
        QCOMPARE(http(m_server.url(), "GET", QStringLiteral("/healthz")).status, 200);
        resetConnections();
    }

    void connectionsPerClientCapped()
    {
        ServerProcess capped;
        capped.db = m_server.db;
        capped.extraArgs = {QStringLiteral("--max-connections-per-client"), QStringLiteral("3")};
        QVERIFY2(capped.start(), qPrintable(capped.output));
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(connectTo(capped.port));
            QVERIFY(held.back()->waitForConnected(5000));
            held.back()->write(get("/healthz"));
            QCOMPARE(readReply(*held.back()).statusLine, QByteArray("HTTP/1.1 200 OK"));
        }
        auto fourth = connectTo(capped.port);
        QVERIFY(fourth->waitForConnected(5000));
        const RawReply refused = readReply(*fourth);
        QCOMPARE(refused.statusLine, QByteArray("HTTP/1.1 503 Service Unavailable"));
        QVERIFY(refused.body.contains("too_many_connections"));
        QVERIFY(closedWithin(*fourth, 2000));
        // One leaves: there is room again.
        held.front()->disconnectFromHost();
        QVERIFY(closedWithin(*held.front(), 2000));
        QTest::qWait(200);
        auto again = connectTo(capped.port);
        QVERIFY(again->waitForConnected(5000));
        again->write(get("/healthz"));
        QCOMPARE(readReply(*again).statusLine, QByteArray("HTTP/1.1 200 OK"));
        // Bad options are refused before anything listens.
        QCOMPARE(run(QStringLiteral(ETABLI_SERVER),
                     {QStringLiteral("--db"), m_server.db, QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(freePort()), QStringLiteral("--idle-timeout"),
                      QStringLiteral("soon")}),
                 2);
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
