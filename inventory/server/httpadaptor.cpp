// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/httpadaptor.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

#include <cerrno>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <unistd.h>
#include <vector>

namespace Etabli::Server {

namespace {

/// How long a closing connection may take to read its answer (and we to drop a
/// refused body) before it is cut.
constexpr qint64 kLingerMs = 5000;

QByteArray reason(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 206:
        return "Partial Content";
    case 304:
        return "Not Modified";
    case 416:
        return "Range Not Satisfiable";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Content Too Large";
    case 422:
        return "Unprocessable Content";
    case 431:
        return "Request Header Fields Too Large";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
    }
}

QByteArray errorBody(const QString &code, const QString &message)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}})
        .toJson(QJsonDocument::Compact);
}

/// The comma-separated tokens of a header value, in lower case.
QList<QByteArray> tokens(const QByteArray &value)
{
    QList<QByteArray> out;
    for (const QByteArray &t : value.split(','))
        out.append(t.trimmed().toLower());
    return out;
}

} // namespace

/// Threads that each own one Handler (made on the thread) and take jobs in order.
struct HttpAdaptor::Pool {
    using Job = std::function<void(const Handler &)>;

    Pool(int threads, const HandlerFactory &factory)
    {
        for (int i = 0; i < threads; ++i)
            m_threads.emplace_back([this, factory] {
                const Handler handler = factory();
                for (;;) {
                    Job job;
                    {
                        std::unique_lock lock(m_mutex);
                        m_wake.wait(lock, [this] { return m_stop || !m_jobs.empty(); });
                        if (m_jobs.empty())
                            return; // stopping, nothing left
                        job = std::move(m_jobs.front());
                        m_jobs.pop_front();
                    }
                    job(handler);
                }
            });
    }
    ~Pool()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
            m_jobs.clear();
        }
        m_wake.notify_all();
        for (std::thread &t : m_threads)
            t.join();
    }
    void submit(Job job)
    {
        {
            std::lock_guard lock(m_mutex);
            m_jobs.push_back(std::move(job));
        }
        m_wake.notify_one();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_jobs;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

struct HttpAdaptor::Connection {
    quint64 id = 0;
    QTcpSocket *socket = nullptr;
    QHostAddress peer;
    QByteArray buffer; ///< read but not yet parsed: at most the headers and one body
    qint64 lastActive = 0;
    bool busy = false; ///< a request is with a worker: read nothing more until it is answered
    bool closing = false; ///< the last answer is written; closes once it is out
    qint64 closingSince = 0;
    qint64 discard = 0; ///< bytes of a refused body still to drop (so the client reads the 413)
    bool continueSent = false;
    bool http10 = false;
    bool keepAlive = true;
    // masters: a HEAD request (no body written), and a file body being streamed.
    bool head = false;
    std::shared_ptr<FileBody> file;
    qint64 fileSent = 0;
    bool closeAfterFile = false;
};

HttpAdaptor::HttpAdaptor(HandlerFactory factory, HttpOptions options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_factory(std::move(factory))
{
    if (m_options.workers <= 0)
        m_options.workers = qMax(16, 4 * QThread::idealThreadCount());
    m_clock.start();
    m_sweep.setInterval(int(qBound(50, m_options.idleTimeoutMs / 4, 1000)));
    connect(&m_sweep, &QTimer::timeout, this, &HttpAdaptor::sweep);
}

HttpAdaptor::~HttpAdaptor()
{
    // Workers first: no answer can arrive for a connection being destroyed.
    m_pool.reset();
    m_health.reset();
    for (Connection *c : std::as_const(m_connections))
        delete c;
}

void HttpAdaptor::sslSetup(const QSslCertificate &certificate, const QSslKey &privateKey)
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setLocalCertificate(certificate);
    m_ssl.setPrivateKey(privateKey);
    m_ssl.setProtocol(QSsl::SecureProtocols);
    m_tls = true;
}

quint16 HttpAdaptor::listen(const QHostAddress &address, quint16 port)
{
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(m_ssl);
        ssl->setHandshakeTimeout(int(kLingerMs));
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    m_server->setMaxPendingConnections(1 << 16);
    m_server->setListenBacklogSize(1024);
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpAdaptor::accept);
    // Out of file descriptors: QTcpServer stops accepting; try again shortly.
    connect(m_server, &QTcpServer::acceptError, this,
            [this] { QTimer::singleShot(100, m_server, &QTcpServer::resumeAccepting); });
    if (!m_server->listen(address, port))
        return 0;
    if (!m_pool) {
        m_pool = std::make_unique<Pool>(m_options.workers, m_factory);
        m_health = std::make_unique<Pool>(1, m_factory);
    }
    m_sweep.start();
    return m_server->serverPort();
}

void HttpAdaptor::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        const QHostAddress peer = socket->peerAddress();
        if (m_perAddress.value(peer) >= m_options.maxConnectionsPerAddress) {
            const QByteArray body = errorBody(
                QStringLiteral("too_many_connections"),
                QCoreApplication::translate("HttpAdaptor", "too many connections from %1").arg(peer.toString()));
            socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: "
                          + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost();
            continue;
        }
        auto *c = new Connection;
        c->id = m_nextId++;
        c->socket = socket;
        c->peer = peer;
        c->lastActive = m_clock.elapsed();
        socket->setParent(this);
        // Bounds what Qt reads ahead of us; a busy connection is not read at all (TCP pushes back).
        socket->setReadBufferSize(64 * 1024);
        m_connections.insert(c->id, c);
        ++m_perAddress[peer];
        const quint64 id = c->id;
        connect(socket, &QTcpSocket::readyRead, this, [this, id] {
            if (Connection *c = m_connections.value(id))
                readFrom(c);
        });
        connect(socket, &QTcpSocket::bytesWritten, this, [this, id] {
            if (Connection *c = m_connections.value(id)) {
                c->lastActive = m_clock.elapsed();
                if (c->file)
                    pump(c);
            }
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] {
            if (Connection *c = m_connections.value(id))
                drop(c);
        });
        if (socket->bytesAvailable() > 0)
            readFrom(c);
    }
}

void HttpAdaptor::readFrom(Connection *c)
{
    if (c->closing) {
        // Dropping a refused body so that the client gets to read our answer.
        const QByteArray dropped = c->socket->readAll();
        c->discard -= dropped.size();
        if (c->discard <= 0)
            c->socket->disconnectFromHost(); // once what is written is out
        return;
    }
    if (c->busy)
        return;
    c->lastActive = m_clock.elapsed();
    c->buffer += c->socket->readAll();
    if (c->buffer.isEmpty())
        return;

    const qsizetype headEnd = c->buffer.indexOf("\r\n\r\n");
    if (headEnd < 0) {
        if (c->buffer.size() > m_options.maxHeaderBytes)
            return refuse(c, 431, QStringLiteral("too_large"),
                          QCoreApplication::translate("HttpAdaptor", "the request headers are too large"));
        return;
    }
    if (headEnd > m_options.maxHeaderBytes)
        return refuse(c, 431, QStringLiteral("too_large"),
                      QCoreApplication::translate("HttpAdaptor", "the request headers are too large"));
    const QList<QByteArray> lines = c->buffer.left(headEnd).split('\n');
    const QList<QByteArray> start = lines.first().trimmed().split(' ');
    const auto malformed = [this, c] {
        refuse(c, 400, QStringLiteral("bad_request"),
               QCoreApplication::translate("HttpAdaptor", "this is not an HTTP/1.1 request"));
    };
    if (start.size() != 3 || start[0].isEmpty() || !start[1].startsWith('/'))
        return malformed();
    const QByteArray version = start[2];
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (!version.startsWith("HTTP/"))
            return malformed();
        c->http10 = false;
        return refuse(c, 505, QStringLiteral("http_version"),
                      QCoreApplication::translate("HttpAdaptor", "only HTTP/1.1 and HTTP/1.0 are served"));
    }
    c->http10 = version == "HTTP/1.0";
    QHash<QByteArray, QByteArray> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines[i];
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || line.startsWith(' ') || line.startsWith('\t'))
            return malformed();
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length" && headers.contains(name) && headers.value(name) != value)
            return malformed();
        headers.insert(name,
                       headers.contains(name) && name != "content-length" ? headers.value(name) + ", " + value : value);
    }
    const QList<QByteArray> connection = tokens(headers.value("connection"));
    c->keepAlive = c->http10 ? connection.contains("keep-alive") : !connection.contains("close");
    if (headers.contains("transfer-encoding"))
        return refuse(c, 501, QStringLiteral("not_implemented"),
                      QCoreApplication::translate("HttpAdaptor", "send the body with a Content-Length"));
    qint64 length = 0;
    if (headers.contains("content-length")) {
        bool ok = false;
        const QByteArray text = headers.value("content-length");
        length = text.toLongLong(&ok);
        if (!ok || length < 0 || text.startsWith('+'))
            return malformed();
    }
    const qint64 have = c->buffer.size() - (headEnd + 4);
    if (length > m_options.maxBody) {
        // Refused before it is read: only what already arrived is in memory.
        c->discard = length - have;
        refuse(c, 413, QStringLiteral("too_large"),
               QCoreApplication::translate("HttpAdaptor", "the body is larger than %1 bytes").arg(m_options.maxBody));
        return;
    }
    if (have < length) {
        if (!c->continueSent && tokens(headers.value("expect")).contains("100-continue") && !c->http10) {
            c->socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            c->continueSent = true;
        }
        return; // the rest of the body is on its way
    }
    ApiRequest r;
    r.method = start[0];
    const QUrl url = QUrl::fromEncoded(start[1]);
    r.path = url.path();
    r.query = QUrlQuery(url);
    r.authorization = headers.value("authorization");
    r.accept = headers.value("accept");
    r.headers = headers;
    c->head = r.method == "HEAD";
    r.body = c->buffer.mid(headEnd + 4, length);
    c->buffer.remove(0, headEnd + 4 + length);
    c->continueSent = false;
    c->busy = true;
    const quint64 id = c->id;
    auto job = [this, id, r](const Handler &handler) {
        const ApiResponse answer = handler(r);
        QMetaObject::invokeMethod(
            this, [this, id, answer] { deliver(id, answer); }, Qt::QueuedConnection);
    };
    (Api::isHealthCheck(r) ? m_health : m_pool)->submit(std::move(job));
}

void HttpAdaptor::deliver(quint64 id, const ApiResponse &response)
{
    Connection *c = m_connections.value(id);
    if (!c)
        return; // the client left meanwhile
    c->busy = false;
    if (response.file || !response.headers.isEmpty() || response.contentLength >= 0) {
        respondWith(c, response, !c->keepAlive || response.status >= 400); // masters
        c = m_connections.value(id);
        if (!c || c->file)
            return; // pump() goes on until the file is out
    } else {
        respond(c, response.status, response.body, response.contentType, !c->keepAlive || response.status >= 400);
    }
    c = m_connections.value(id); // closing may have dropped it already
    if (c && !c->closing && (!c->buffer.isEmpty() || c->socket->bytesAvailable() > 0))
        readFrom(c); // a pipelined request waits in order
}

void HttpAdaptor::respond(Connection *c, int status, const QByteArray &body, const QByteArray &contentType, bool close)
{
    QByteArray out = (c->http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason(status)
        + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    else if (c->http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    c->socket->write(out);
    if (!c->head)
        c->socket->write(body);
    c->lastActive = m_clock.elapsed();
    if (!close)
        return;
    c->closing = true;
    c->closingSince = c->lastActive;
    c->buffer.clear();
    if (c->discard <= 0)
        c->socket->disconnectFromHost(); // after what is written is out
}

// masters: extra headers, a HEAD's length, a body streamed from a file in chunks.
void HttpAdaptor::respondWith(Connection *c, const ApiResponse &response, bool close)
{
    const qint64 length = response.contentLength >= 0 ? response.contentLength
        : response.file                               ? response.file->length
                                                      : response.body.size();
    QByteArray out = (c->http10 ? "HTTP/1.0 " : "HTTP/1.1 ") + QByteArray::number(response.status) + ' '
        + reason(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    if (response.status != 304)
        out += "Content-Length: " + QByteArray::number(length) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    else if (c->http10)
        out += "Connection: keep-alive\r\n";
    out += "\r\n";
    c->socket->write(out);
    c->lastActive = m_clock.elapsed();
    if (response.file && !c->head) {
        c->file = response.file;
        c->fileSent = 0;
        c->closeAfterFile = close;
        c->busy = true; // nothing more is read until the file is out
        pump(c);
        return;
    }
    if (!c->head)
        c->socket->write(response.body);
    if (!close)
        return;
    c->closing = true;
    c->closingSince = c->lastActive;
    c->buffer.clear();
    if (c->discard <= 0)
        c->socket->disconnectFromHost();
}

// Keeps at most ~1 MiB queued in the socket: memory stays flat whatever the file's size.
void HttpAdaptor::pump(Connection *c)
{
    constexpr qint64 kChunk = 256 * 1024, kQueued = 1024 * 1024;
    QByteArray chunk;
    while (c->file && c->socket->bytesToWrite() < kQueued) {
        const qint64 left = c->file->length - c->fileSent;
        if (left <= 0) {
            c->file.reset();
            c->busy = false;
            const quint64 id = c->id;
            if (c->closeAfterFile) {
                c->closing = true;
                c->closingSince = m_clock.elapsed();
                c->buffer.clear();
                c->socket->disconnectFromHost();
            } else if (!c->buffer.isEmpty() || c->socket->bytesAvailable() > 0) {
                QMetaObject::invokeMethod(
                    this,
                    [this, id] {
                        if (Connection *again = m_connections.value(id); again && !again->busy && !again->closing)
                            readFrom(again);
                    },
                    Qt::QueuedConnection);
            }
            return;
        }
        chunk.resize(qMin(left, kChunk));
        ssize_t n;
        do
            n = ::pread(c->file->fd, chunk.data(), size_t(chunk.size()), off_t(c->file->offset + c->fileSent));
        while (n < 0 && errno == EINTR);
        if (n <= 0) {
            // The file shrank or failed under us: the client sees a short body, never wrong bytes.
            qWarning("etabli-server: a master could not be read to its end; connection cut");
            c->file.reset();
            c->socket->abort();
            return;
        }
        c->fileSent += n;
        c->socket->write(chunk.constData(), n);
    }
}

void HttpAdaptor::refuse(Connection *c, int status, const QString &code, const QString &message)
{
    respond(c, status, errorBody(code, message), "application/json", true);
}

void HttpAdaptor::drop(Connection *c)
{
    m_connections.remove(c->id);
    if (--m_perAddress[c->peer] <= 0)
        m_perAddress.remove(c->peer);
    c->socket->deleteLater();
    delete c;
}

void HttpAdaptor::sweep()
{
    const qint64 now = m_clock.elapsed();
    QList<quint64> idle, stuck;
    for (const Connection *c : std::as_const(m_connections)) {
        if (c->closing && now - c->closingSince > qMin<qint64>(kLingerMs, m_options.idleTimeoutMs))
            stuck.append(c->id);
        else if (c->file && now - c->lastActive > m_options.idleTimeoutMs)
            stuck.append(c->id); // masters: a client that stopped reading a streamed file
        else if (!c->busy && !c->closing && now - c->lastActive > m_options.idleTimeoutMs)
            idle.append(c->id);
    }
    for (quint64 id : std::as_const(stuck))
        if (Connection *c = m_connections.value(id)) {
            c->socket->abort();
            if ((c = m_connections.value(id)))
                drop(c); // abort() did not say disconnected
        }
    for (quint64 id : std::as_const(idle))
        if (Connection *c = m_connections.value(id)) {
            c->closing = true;
            c->closingSince = now;
            c->socket->disconnectFromHost();
        }
}

} // namespace Etabli::Server
