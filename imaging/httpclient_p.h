// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal to the imaging engine: a small blocking HTTP/1.1 client (POSIX sockets,
// OpenSSL for https) for range requests from worker threads, without an event loop.

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace Etabli::Imaging {

struct HttpUrl {
    bool tls = false;
    QByteArray host;
    uint16_t port = 0;
    QByteArray path; ///< with its query
    /// http or https with a host; plain http only to loopback addresses (as the server
    /// listens), so a bench never sends its token in clear. InvalidArgument otherwise.
    static Result<HttpUrl> parse(const QString &url, bool allowPlainOffLoopback = false);
    QString display() const;
};

struct HttpAnswer {
    int status = 0;
    std::map<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray header(const char *name) const
    {
        auto it = headers.find(QByteArray(name));
        return it == headers.end() ? QByteArray() : it->second;
    }
};

/// The TLS settings every connection of one source shares (trusted CA, or the system's).
class TlsContext
{
public:
    static Result<std::shared_ptr<TlsContext>> make(const QString &caFile);
    ~TlsContext();
    SSL_CTX *ctx() const { return m_ctx; }

private:
    SSL_CTX *m_ctx = nullptr;
};

/// One keep-alive connection. Not thread-safe: one thread uses it at a time.
/// Every failure of the transport (refused, reset, timeout, TLS, short body) is
/// ErrorCode::Network with detail "transport" (worth a retry); the connection is then
/// closed and the next request opens a new one.
class HttpConnection
{
public:
    HttpConnection(HttpUrl url, std::shared_ptr<TlsContext> tls, QByteArray token, int timeoutMs);
    ~HttpConnection();
    HttpConnection(const HttpConnection &) = delete;
    HttpConnection &operator=(const HttpConnection &) = delete;

    /// Sends `method` for the URL's path (or `path`) with `extraHeaders` ("Name: value"
    /// lines) and reads the answer; the body goes to `body`, at most `maxBody` bytes
    /// (a longer one is an error and the connection is closed).
    Result<HttpAnswer> request(const QByteArray &method, const QByteArray &path, const QList<QByteArray> &extraHeaders,
                               std::vector<uint8_t> &body, int64_t maxBody);
    void close();

private:
    Result<void> connect();
    Result<void> sendAll(const char *data, size_t length);
    /// Reads up to `length` bytes; 0 on a clean close.
    Result<size_t> receive(char *data, size_t length);
    Error transport(const QString &why) const;

    HttpUrl m_url;
    std::shared_ptr<TlsContext> m_tls;
    QByteArray m_token;
    int m_timeoutMs = 10000;
    int m_fd = -1;
    SSL *m_ssl = nullptr;
    QByteArray m_pending; ///< read past the last answer (nothing, as we do not pipeline)
};

} // namespace Etabli::Imaging
