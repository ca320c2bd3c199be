// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/masters.h"

#include "inventory/server/serverstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Etabli::Server {

FileBody::~FileBody()
{
    if (fd >= 0)
        ::close(fd);
}

namespace {

const QString kPrefix = QStringLiteral("/api/v1/masters/");

ApiResponse error(int status, const QString &code, const QString &message)
{
    const QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    QJsonObject body = e;
    body.insert(QStringLiteral("error"), e);
    ApiResponse r;
    r.status = status;
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

void addHeader(ApiResponse &r, const QByteArray &name, const QByteArray &value)
{
    r.headers.append(qMakePair(name, value));
}

ApiResponse notFound(const QString &path)
{
    return error(404, QStringLiteral("not_found"),
                 QCoreApplication::translate("Etabli::Server::Masters", "no such master %1").arg(path));
}

/// Strong: any write, replacement or resize of the file changes it.
QByteArray etagOf(const struct stat &st)
{
    return '"' + QByteArray::number(qulonglong(st.st_dev), 16) + '-' + QByteArray::number(qulonglong(st.st_ino), 16)
        + '-' + QByteArray::number(qlonglong(st.st_size), 16) + '-'
        + QByteArray::number(qlonglong(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec, 16) + '"';
}

bool etagListMatches(const QByteArray &list, const QByteArray &etag)
{
    for (const QByteArray &item : list.split(',')) {
        const QByteArray t = item.trimmed();
        if (t == "*" || t == etag)
            return true;
    }
    return false;
}

struct ByteRange {
    qint64 first = 0, last = -1;
};

/// One `bytes=a-b`, `bytes=a-` or `bytes=-n` range against `size`; false when it is
/// malformed, several, or cannot be satisfied.
bool parseRange(const QByteArray &header, qint64 size, ByteRange &out)
{
    static const QRegularExpression re(QStringLiteral("^bytes=(\\d{0,19})-(\\d{0,19})$"));
    const auto m = re.match(QString::fromLatin1(header.trimmed()));
    if (!m.hasMatch())
        return false;
    const QString a = m.captured(1), b = m.captured(2);
    bool okA = true, okB = true;
    if (a.isEmpty()) {
        if (b.isEmpty())
            return false;
        const qint64 n = b.toLongLong(&okB);
        if (!okB || n <= 0 || size == 0)
            return false;
        out.first = qMax<qint64>(0, size - n);
        out.last = size - 1;
        return true;
    }
    out.first = a.toLongLong(&okA);
    out.last = b.isEmpty() ? size - 1 : b.toLongLong(&okB);
    if (!okA || !okB || out.first >= size || out.last < out.first)
        return false;
    out.last = qMin(out.last, size - 1);
    return true;
}

} // namespace

Masters::Masters(QString dir)
    : m_dir(QFileInfo(dir).canonicalFilePath())
{}

bool Masters::handles(const QString &path)
{
    return path.startsWith(kPrefix) || path == kPrefix.chopped(1);
}

ApiResponse Masters::handle(const ApiRequest &r, const ServerStore &store) const
{
    if (!r.authorization.startsWith("Bearer "))
        return error(401, QStringLiteral("unauthorized"),
                     QCoreApplication::translate("Api", "an «Authorization: Bearer TOKEN» header is required"));
    auto token = store.authenticate(QString::fromLatin1(r.authorization.mid(7).trimmed()));
    if (!token)
        return token.error().code == ErrorCode::Unauthorized
            ? error(401, QStringLiteral("unauthorized"), token.error().message)
            : error(503, QStringLiteral("unavailable"), token.error().message);
    if (token->role != QLatin1String("station"))
        return error(403, QStringLiteral("forbidden"),
                     QCoreApplication::translate("Etabli::Server::Masters", "only a station token may read masters"));
    if (r.method != "GET" && r.method != "HEAD")
        return error(405, QStringLiteral("method_not_allowed"),
                     QCoreApplication::translate("Api", "this method is not allowed here"));

    // NAME: one path segment, a plain file name ending in .qcow2 or .qcow2.manifest.json.
    static const QRegularExpression nameRe(
        QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9._+-]*\\.qcow2(\\.manifest\\.json)?$"));
    const QString name = r.path.mid(kPrefix.size());
    if (m_dir.isEmpty() || !nameRe.match(name).hasMatch() || name.contains(QLatin1String("..")))
        return notFound(r.path);
    const QString path = m_dir + QLatin1Char('/') + name;
    // A symbolic link is followed only when it stays in the directory.
    const QFileInfo resolved(path);
    const QString real = resolved.canonicalFilePath();
    if (real.isEmpty() || QFileInfo(real).absolutePath() != m_dir)
        return notFound(r.path);
    const int fd = ::open(QFile::encodeName(real).constData(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return notFound(r.path);
    auto file = std::make_shared<FileBody>();
    file->fd = fd;
    struct stat st {
    };
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return notFound(r.path);
    const qint64 size = st.st_size;
    const QByteArray etag = etagOf(st);

    ApiResponse a;
    a.contentType = name.endsWith(QLatin1String(".json")) ? QByteArray("application/json")
                                                          : QByteArray("application/octet-stream");
    addHeader(a, "ETag", etag);
    addHeader(a, "Accept-Ranges", "bytes");
    addHeader(a, "Cache-Control", "no-cache");
    if (r.headers.contains("if-none-match") && etagListMatches(r.headers.value("if-none-match"), etag)) {
        a.status = 304;
        a.contentLength = 0;
        a.contentType.clear();
        return a;
    }
    ByteRange range{0, size - 1};
    bool partial = false;
    if (r.headers.contains("range")) {
        // If-Range with another validator: the whole current file (RFC 9110 §13.1.5).
        const bool current = !r.headers.contains("if-range") || r.headers.value("if-range").trimmed() == etag;
        if (current) {
            if (!parseRange(r.headers.value("range"), size, range)) {
                ApiResponse bad = error(416, QStringLiteral("bad_range"),
                                        QCoreApplication::translate("Etabli::Server::Masters",
                                                                    "the range «%1» cannot be served from %2 bytes")
                                            .arg(QString::fromLatin1(r.headers.value("range")))
                                            .arg(size));
                addHeader(bad, "Content-Range", "bytes */" + QByteArray::number(size));
                addHeader(bad, "ETag", etag);
                return bad;
            }
            partial = true;
        }
    }
    if (partial) {
        a.status = 206;
        addHeader(a, "Content-Range",
                  "bytes " + QByteArray::number(range.first) + '-' + QByteArray::number(range.last) + '/'
                      + QByteArray::number(size));
    }
    const qint64 length = range.last - range.first + 1;
    a.contentLength = length;
    if (r.method == "GET" && length > 0) {
        file->offset = range.first;
        file->length = length;
        a.file = file;
    }
    return a;
}

} // namespace Etabli::Server
