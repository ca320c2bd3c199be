// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <memory>

namespace Etabli::Server {

class ServerStore;
class CertificationKey;

/// An HTTP request as the API sees it, independent of the HTTP library.
struct ApiRequest {
    QByteArray method; ///< GET, POST, DELETE…
    QString path;
    QUrlQuery query;
    QByteArray authorization; ///< the Authorization header
    QByteArray accept;
    QByteArray body;
    // masters: every request header (names in lower case), for Range, If-Range, If-None-Match.
    QHash<QByteArray, QByteArray> headers;
};

// masters: a body the HTTP front end streams from an open file, chunk by chunk.
struct FileBody {
    int fd = -1;
    qint64 offset = 0;
    qint64 length = 0;
    ~FileBody();
};

struct ApiResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    // masters: extra headers (ETag, Content-Range, Accept-Ranges…), a body streamed from a
    // file instead of `body`, and the Content-Length of a HEAD answer (whose body is empty).
    QList<QPair<QByteArray, QByteArray>> headers;
    std::shared_ptr<FileBody> file;
    qint64 contentLength = -1; ///< -1: the body's (or the file's) length
};

/// The HTTP JSON API under /api/v1 (routes and roles in inventory/README.md).
/// Every answer is JSON (or CSV for the ENT feed when asked); a bad request gets a
/// 4xx with {"error": {"code", "message", "detail"}} and changes nothing.
/// One route table: each route names its method, path pattern, roles and handler,
/// and `handle` goes from the matching route straight to that handler.
/// Call from the thread that owns the ServerStore (one Api per worker thread).
class Api
{
public:
    static constexpr qint64 kMaxBody = 4 * 1024 * 1024;
    static constexpr int kMaxBatch = 1000;

    /// `certificationKey` (may be null): the workshop's key that endorses station keys
    /// (api_erasure.h); without it the endorsement endpoint answers 404.
    explicit Api(ServerStore &store, std::shared_ptr<const CertificationKey> certificationKey = {});
    ApiResponse handle(const ApiRequest &request);
    /// `GET /healthz`: answered by its own lane, so that busy workers never delay it.
    static bool isHealthCheck(const ApiRequest &request);

private:
    ServerStore &m_store;
    std::shared_ptr<const CertificationKey> m_certificationKey;
};

} // namespace Etabli::Server
