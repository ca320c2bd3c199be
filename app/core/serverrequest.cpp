// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/serverrequest.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

namespace Etabli::AppCore {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::ServerRequest", text);
}

ErrorCode codeFor(int status)
{
    switch (status) {
    case 400:
        return ErrorCode::InvalidArgument;
    case 401:
        return ErrorCode::Unauthorized;
    case 403:
        return ErrorCode::Refused;
    case 404:
        return ErrorCode::NotFound;
    case 409:
        return ErrorCode::Conflict;
    default:
        return ErrorCode::Io;
    }
}

} // namespace

Result<QJsonDocument> serverRequest(const QUrl &server, const QString &token, const QByteArray &method,
                                    const QString &path, const QUrlQuery &query, const QJsonObject &body)
{
    QUrl url = server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkAccessManager network;
    QNetworkReply *reply = method == "GET" ? network.get(r)
        : method == "DELETE"               ? network.deleteResource(r)
                                           : network.post(r, QJsonDocument(body).toJson(QJsonDocument::Compact));
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
    return makeError(
        codeFor(status),
        tr("the server answered %1: %2").arg(status).arg(doc.object().value(QStringLiteral("message")).toString()));
}

} // namespace Etabli::AppCore
