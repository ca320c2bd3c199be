// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/server/httpadaptor.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace Etabli::Server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

HttpAdaptor::HttpAdaptor(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{}

bool HttpAdaptor::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path();
    r.query = QUrlQuery(request.url());
    r.authorization = request.value("authorization");
    r.accept = request.value("accept");
    r.body = request.body();
    const ApiResponse answer = m_handler(r);
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(answer.body, answer.contentType, static_cast<QHttpServerResponder::StatusCode>(answer.status));
    return true;
}

void HttpAdaptor::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.write(QByteArrayLiteral("{\"error\":{\"code\":\"not_found\",\"message\":\"no such endpoint\"}}"),
                    "application/json", QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Etabli::Server
