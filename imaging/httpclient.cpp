// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/httpclient_p.h"

#include <QCoreApplication>
#include <QUrl>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Imaging::HttpSource", text);
}

QString sslErrors()
{
    QString out;
    while (const unsigned long e = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(e, buf, sizeof buf);
        if (!out.isEmpty())
            out += QStringLiteral("; ");
        out += QString::fromLatin1(buf);
    }
    return out;
}

bool isIpAddress(const QByteArray &host)
{
    in6_addr a6{};
    in_addr a4{};
    return ::inet_pton(AF_INET, host.constData(), &a4) == 1 || ::inet_pton(AF_INET6, host.constData(), &a6) == 1;
}

bool isLoopbackHost(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QByteArray h = host.toLatin1();
    in_addr a4{};
    if (::inet_pton(AF_INET, h.constData(), &a4) == 1)
        return (ntohl(a4.s_addr) >> 24) == 127;
    return host == QLatin1String("::1");
}

} // namespace

Result<HttpUrl> HttpUrl::parse(const QString &text, bool allowPlainOffLoopback)
{
    const QUrl url(text, QUrl::StrictMode);
    HttpUrl u;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return makeError(ErrorCode::InvalidArgument, tr("not an http(s)://HOST/… address: %1").arg(text),
                         QStringLiteral("bad_url"));
    u.tls = url.scheme() == QLatin1String("https");
    if (!u.tls && !allowPlainOffLoopback && !isLoopbackHost(url.host()))
        return makeError(ErrorCode::InvalidArgument,
                         tr("plain http is only for loopback: use https:// for %1 (the token would travel in clear)")
                             .arg(url.host()),
                         QStringLiteral("plain_http"));
    u.host = url.host().toUtf8();
    u.port = uint16_t(url.port(u.tls ? 443 : 80));
    u.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (u.path.isEmpty())
        u.path = "/";
    if (url.hasQuery())
        u.path += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    return u;
}

QString HttpUrl::display() const
{
    const bool v6 = host.contains(':');
    return QStringLiteral("%1://%2:%3")
        .arg(tls ? QStringLiteral("https") : QStringLiteral("http"),
             v6 ? QLatin1Char('[') + QString::fromUtf8(host) + QLatin1Char(']') : QString::fromUtf8(host))
        .arg(port);
}

Result<std::shared_ptr<TlsContext>> TlsContext::make(const QString &caFile)
{
    auto t = std::shared_ptr<TlsContext>(new TlsContext);
    t->m_ctx = SSL_CTX_new(TLS_client_method());
    if (!t->m_ctx)
        return makeError(ErrorCode::Internal, tr("cannot set up TLS: %1").arg(sslErrors()));
    SSL_CTX_set_min_proto_version(t->m_ctx, TLS1_2_VERSION);
    SSL_CTX_set_verify(t->m_ctx, SSL_VERIFY_PEER, nullptr);
    if (!caFile.isEmpty()) {
        if (SSL_CTX_load_verify_locations(t->m_ctx, caFile.toLocal8Bit().constData(), nullptr) != 1)
            return makeError(ErrorCode::NotFound, tr("cannot read the CA certificate %1: %2").arg(caFile, sslErrors()),
                             QStringLiteral("bad_ca"));
    } else {
        SSL_CTX_set_default_verify_paths(t->m_ctx);
    }
    return t;
}

TlsContext::~TlsContext()
{
    if (m_ctx)
        SSL_CTX_free(m_ctx);
}

HttpConnection::HttpConnection(HttpUrl url, std::shared_ptr<TlsContext> tls, QByteArray token, int timeoutMs)
    : m_url(std::move(url))
    , m_tls(std::move(tls))
    , m_token(std::move(token))
    , m_timeoutMs(timeoutMs)
{}

HttpConnection::~HttpConnection()
{
    close();
}

void HttpConnection::close()
{
    if (m_ssl) {
        SSL_free(m_ssl);
        m_ssl = nullptr;
    }
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_pending.clear();
}

Error HttpConnection::transport(const QString &why) const
{
    return makeError(ErrorCode::Network, tr("%1: %2").arg(m_url.display(), why), QStringLiteral("transport"));
}

Result<void> HttpConnection::connect()
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *found = nullptr;
    const QByteArray port = QByteArray::number(m_url.port);
    if (const int rc = ::getaddrinfo(m_url.host.constData(), port.constData(), &hints, &found); rc != 0)
        return transport(tr("cannot resolve the server: %1").arg(QString::fromLocal8Bit(gai_strerror(rc))));
    QString lastError = tr("no address");
    for (addrinfo *a = found; a; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a->ai_protocol);
        if (fd < 0)
            continue;
        int rc = ::connect(fd, a->ai_addr, a->ai_addrlen);
        if (rc != 0 && errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            rc = ::poll(&p, 1, m_timeoutMs);
            int err = 0;
            socklen_t len = sizeof err;
            if (rc == 1 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0)
                rc = 0;
            else {
                lastError = rc == 0 ? tr("no answer to connect") : QString::fromLocal8Bit(strerror(err ? err : errno));
                rc = -1;
            }
        } else if (rc != 0) {
            lastError = QString::fromLocal8Bit(strerror(errno));
        }
        if (rc != 0) {
            ::close(fd);
            continue;
        }
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        m_fd = fd;
        break;
    }
    ::freeaddrinfo(found);
    if (m_fd < 0)
        return transport(tr("cannot connect: %1").arg(lastError));
    if (!m_url.tls)
        return {};
    m_ssl = SSL_new(m_tls->ctx());
    SSL_set_fd(m_ssl, m_fd);
    SSL_set_tlsext_host_name(m_ssl, m_url.host.constData());
    X509_VERIFY_PARAM *param = SSL_get0_param(m_ssl);
    if (isIpAddress(m_url.host))
        X509_VERIFY_PARAM_set1_ip_asc(param, m_url.host.constData());
    else
        X509_VERIFY_PARAM_set1_host(param, m_url.host.constData(), 0);
    for (;;) {
        const int rc = SSL_connect(m_ssl);
        if (rc == 1)
            return {};
        const int e = SSL_get_error(m_ssl, rc);
        if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
            pollfd p{m_fd, short(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
            if (::poll(&p, 1, m_timeoutMs) == 1)
                continue;
            close();
            return transport(tr("TLS handshake timed out"));
        }
        const long verify = SSL_get_verify_result(m_ssl);
        const QString why = verify != X509_V_OK
            ? tr("the server's certificate is not trusted (%1); give its CA with --ca")
                  .arg(QString::fromLatin1(X509_verify_cert_error_string(verify)))
            : tr("TLS handshake failed: %1").arg(sslErrors());
        close();
        // Not worth a retry: the same certificate will be refused again.
        return makeError(ErrorCode::Refused, tr("%1: %2").arg(m_url.display(), why), QStringLiteral("tls_untrusted"));
    }
}

Result<void> HttpConnection::sendAll(const char *data, size_t length)
{
    while (length > 0) {
        ssize_t n;
        if (m_ssl) {
            n = SSL_write(m_ssl, data, int(length));
            if (n <= 0) {
                const int e = SSL_get_error(m_ssl, int(n));
                if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
                    pollfd p{m_fd, short(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
                    if (::poll(&p, 1, m_timeoutMs) == 1)
                        continue;
                    return transport(tr("the server takes no data (timeout)"));
                }
                return transport(tr("cannot send: %1").arg(sslErrors()));
            }
        } else {
            n = ::send(m_fd, data, length, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN) {
                    pollfd p{m_fd, POLLOUT, 0};
                    if (::poll(&p, 1, m_timeoutMs) == 1)
                        continue;
                    return transport(tr("the server takes no data (timeout)"));
                }
                return transport(tr("cannot send: %1").arg(QString::fromLocal8Bit(strerror(errno))));
            }
        }
        data += n;
        length -= size_t(n);
    }
    return {};
}

Result<size_t> HttpConnection::receive(char *data, size_t length)
{
    if (!m_pending.isEmpty()) {
        const size_t n = std::min(length, size_t(m_pending.size()));
        std::memcpy(data, m_pending.constData(), n);
        m_pending.remove(0, qsizetype(n));
        return n;
    }
    for (;;) {
        if (m_ssl) {
            const int n = SSL_read(m_ssl, data, int(std::min<size_t>(length, 1 << 30)));
            if (n > 0)
                return size_t(n);
            const int e = SSL_get_error(m_ssl, n);
            if (e == SSL_ERROR_ZERO_RETURN)
                return size_t(0);
            if (e == SSL_ERROR_WANT_READ || e == SSL_ERROR_WANT_WRITE) {
                pollfd p{m_fd, short(e == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), 0};
                if (::poll(&p, 1, m_timeoutMs) == 1)
                    continue;
                return transport(tr("the server sent nothing for %1 s").arg(m_timeoutMs / 1000.0));
            }
            if ((e == SSL_ERROR_SYSCALL && ERR_peek_error() == 0)
                || (e == SSL_ERROR_SSL && ERR_GET_REASON(ERR_peek_error()) == SSL_R_UNEXPECTED_EOF_WHILE_READING)) {
                ERR_clear_error();
                return size_t(0); // closed without close_notify: the length check decides
            }
            return transport(tr("cannot receive: %1").arg(sslErrors()));
        }
        const ssize_t n = ::recv(m_fd, data, length, 0);
        if (n >= 0)
            return size_t(n);
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, m_timeoutMs) == 1)
                continue;
            return transport(tr("the server sent nothing for %1 s").arg(m_timeoutMs / 1000.0));
        }
        return transport(tr("cannot receive: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    }
}

Result<HttpAnswer> HttpConnection::request(const QByteArray &method, const QByteArray &path,
                                           const QList<QByteArray> &extraHeaders, std::vector<uint8_t> &body,
                                           int64_t maxBody)
{
    body.clear();
    if (m_fd < 0)
        if (auto c = connect(); !c)
            return c.error();
    const bool v6 = m_url.host.contains(':');
    QByteArray req = method + ' ' + (path.isEmpty() ? m_url.path : path)
        + " HTTP/1.1\r\nHost: " + (v6 ? '[' + m_url.host + ']' : m_url.host) + ':' + QByteArray::number(m_url.port)
        + "\r\nUser-Agent: etabli\r\n";
    if (!m_token.isEmpty())
        req += "Authorization: Bearer " + m_token + "\r\n";
    for (const QByteArray &h : extraHeaders)
        req += h + "\r\n";
    req += "\r\n";
    if (auto s = sendAll(req.constData(), size_t(req.size())); !s) {
        close();
        return s.error();
    }
    // Headers.
    QByteArray head;
    char buf[16384];
    qsizetype end = -1;
    while ((end = head.indexOf("\r\n\r\n")) < 0) {
        if (head.size() > 65536) {
            close();
            return transport(tr("the answer's headers are too large"));
        }
        auto n = receive(buf, sizeof buf);
        if (!n) {
            close();
            return n.error();
        }
        if (*n == 0) {
            close();
            return transport(tr("the server closed the connection before answering"));
        }
        head.append(buf, qsizetype(*n));
    }
    QByteArray rest = head.mid(end + 4);
    head.truncate(end);
    HttpAnswer a;
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> status = lines.first().trimmed().split(' ');
    bool ok = false;
    a.status = status.value(1).toInt(&ok);
    if (!status.value(0).startsWith("HTTP/1.") || !ok) {
        close();
        return transport(tr("not an HTTP answer"));
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            a.headers[lines[i].left(colon).trimmed().toLower()] = lines[i].mid(colon + 1).trimmed();
    }
    const bool closeAfter = a.header("connection").toLower().contains("close");
    int64_t length = 0;
    if (a.status != 304 && a.status != 204 && method != "HEAD") {
        const QByteArray cl = a.header("content-length");
        length = cl.toLongLong(&ok);
        if (!ok || length < 0) {
            close();
            return transport(tr("the answer has no Content-Length"));
        }
    }
    if (length > maxBody) {
        close();
        return makeError(ErrorCode::Network,
                         tr("%1: the answer is larger than expected (%2 bytes)").arg(m_url.display()).arg(length),
                         QStringLiteral("too_large"));
    }
    body.resize(size_t(length));
    int64_t have = std::min<int64_t>(length, rest.size());
    std::memcpy(body.data(), rest.constData(), size_t(have));
    while (have < length) {
        auto n = receive(reinterpret_cast<char *>(body.data()) + have, size_t(length - have));
        if (!n) {
            close();
            return n.error();
        }
        if (*n == 0) {
            close();
            return makeError(ErrorCode::Network,
                             tr("%1: truncated answer, %2 of %3 bytes").arg(m_url.display()).arg(have).arg(length),
                             QStringLiteral("transport"));
        }
        have += int64_t(*n);
    }
    if (closeAfter)
        close();
    return a;
}

} // namespace Etabli::Imaging
