// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14, engineer "deskserver"): the desk's reads on the central server — a
// family's records (GET /api/v1/desk/beneficiaries/REF) and the server's personal-data
// audit (GET /api/v1/desk/audit), with a desk or supervisor token. Blocking (30 s at most).
#include "app/core/desk.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

namespace Etabli::AppCore::Desk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Desk", text);
}

Result<QJsonDocument> get(const QUrl &server, const QString &token, const QString &path, const QUrlQuery &query = {})
{
    if (!server.isValid() || server.host().isEmpty() || token.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("give the server as http(s)://HOST:PORT and a token"));
    QUrl url = server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(r);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(30000);
    loop.exec();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray bytes = reply->readAll();
    const QString failure = reply->errorString();
    reply->deleteLater();
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (status >= 200 && status < 300)
        return doc;
    if (status == 0)
        return makeError(ErrorCode::Io, tr("the server %1 does not answer: %2").arg(server.toString(), failure));
    const ErrorCode code = status == 400 ? ErrorCode::InvalidArgument
        : status == 401                  ? ErrorCode::Unauthorized
        : status == 403                  ? ErrorCode::Refused
        : status == 404                  ? ErrorCode::NotFound
                                         : ErrorCode::Io;
    return makeError(
        code,
        tr("the server answered %1: %2").arg(status).arg(doc.object().value(QStringLiteral("message")).toString()));
}

} // namespace

Result<QJsonObject> serverFamily(const QUrl &server, const QString &token, const QString &reference)
{
    auto doc
        = get(server, token,
              QStringLiteral("/api/v1/desk/beneficiaries/") + QString::fromLatin1(QUrl::toPercentEncoding(reference)));
    if (!doc)
        return doc.error();
    return doc->object();
}

Result<QList<AuditEntry>> serverAuditLog(const QUrl &server, const QString &token, const QString &beneficiary)
{
    QUrlQuery q;
    if (!beneficiary.isEmpty())
        q.addQueryItem(QStringLiteral("beneficiary"), beneficiary);
    auto doc = get(server, token, QStringLiteral("/api/v1/desk/audit"), q);
    if (!doc)
        return doc.error();
    QList<AuditEntry> out;
    for (const QJsonValue &v : doc->object().value(QStringLiteral("audit")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto s = [&o](const char *k) { return o.value(QLatin1String(k)).toString(); };
        // On the server, "who" is the token's name (a desk's station) and "role" its role.
        out.append({s("time"), s("who"), s("role"), s("action"), s("beneficiary"), s("detail")});
    }
    return out;
}

} // namespace Etabli::AppCore::Desk
