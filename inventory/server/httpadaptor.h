// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/server/api.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;
class QSslCertificate;
class QSslKey;

namespace Etabli::Server {

/// How the HTTP front end treats connections (inventory/README.md, "Connections").
struct HttpOptions {
    int workers = 0; ///< request handlers in parallel; 0: four per core, at least 16
    int idleTimeoutMs = 60000; ///< a connection with no request in flight is closed after this
    int maxConnectionsPerAddress = 100; ///< more from one client address are refused with 503
    qint64 maxBody = Api::kMaxBody; ///< a bigger Content-Length is refused with 413 before it is read
    int maxHeaderBytes = 64 * 1024; ///< request line and headers
};

/// The HTTP/1.1 front end of etabli-server: a small server of its own on QTcpServer
/// (QSslServer with TLS), because QtHttpServer 6.4 (a technology preview) buffers
/// every body whole before anyone can refuse it, answers only on the thread that
/// owns the socket, and has no idle timeout nor `Connection: close`.
///
/// Sockets live on the thread that owns the adaptor, which only parses and writes;
/// each request is handled on one of `workers` threads, each with its own Handler
/// made there by the factory (so each worker has its own database connection), and
/// `GET /healthz` on a lane of its own, so neither a slow client nor a long query
/// delays it. One request at a time per connection, answered in order; HTTP/1.0 is
/// answered as HTTP/1.0 (closed unless it asked for keep-alive); `Connection: close`
/// and every error response (status ≥ 400) close the connection once written.
///
/// Create, configure and listen from one thread; the handlers run on the workers.
class HttpAdaptor : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<ApiResponse(const ApiRequest &)>;
    /// Called once on each worker thread; the Handler it returns is used and
    /// destroyed on that thread.
    using HandlerFactory = std::function<Handler()>;

    explicit HttpAdaptor(HandlerFactory factory, HttpOptions options = {}, QObject *parent = nullptr);
    ~HttpAdaptor() override;

    /// TLS for every connection (before listen()).
    void sslSetup(const QSslCertificate &certificate, const QSslKey &privateKey);
    /// Starts the workers and listens; returns the port, or 0 when it cannot.
    quint16 listen(const QHostAddress &address, quint16 port);
    int connectionCount() const { return int(m_connections.size()); }

private:
    struct Connection;
    struct Pool;
    void accept();
    void readFrom(Connection *c);
    void deliver(quint64 id, const ApiResponse &response);
    void respond(Connection *c, int status, const QByteArray &body, const QByteArray &contentType, bool close);
    void respondWith(Connection *c, const ApiResponse &response, bool close); // masters
    void pump(Connection *c); // masters: the next chunks of a streamed file
    void refuse(Connection *c, int status, const QString &code, const QString &message);
    void drop(Connection *c);
    void sweep();

    HttpOptions m_options;
    HandlerFactory m_factory;
    QSslConfiguration m_ssl;
    bool m_tls = false;
    QTcpServer *m_server = nullptr;
    QHash<quint64, Connection *> m_connections;
    QHash<QHostAddress, int> m_perAddress;
    quint64 m_nextId = 1;
    QElapsedTimer m_clock;
    QTimer m_sweep;
    std::unique_ptr<Pool> m_pool; ///< the request handlers
    std::unique_ptr<Pool> m_health; ///< the /healthz lane
};

} // namespace Etabli::Server
