// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/supervisordata.h"

#include "inventory/eventrules.h"
#include "inventory/report/report.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>
#include <QUuid>

namespace Etabli::AppCore::Supervisor {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Supervisor", text);
}

/// One blocking request; the JSON body of a 2xx answer, or the server's error.
Result<QJsonDocument> request(const Source &s, const QByteArray &method, const QString &path,
                              const QUrlQuery &query = {}, const QJsonObject &body = {})
{
    QUrl url = s.server;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    url.setQuery(query);
    QNetworkRequest r(url);
    r.setRawHeader("Authorization", "Bearer " + s.token.toUtf8());
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
        return makeError(ErrorCode::Io, tr("the server %1 does not answer: %2").arg(s.server.toString(), failure));
    const QString message = doc.object().value(QStringLiteral("message")).toString();
    const ErrorCode code = status == 400 ? ErrorCode::InvalidArgument
        : status == 401                  ? ErrorCode::Unauthorized
        : status == 403                  ? ErrorCode::Refused
        : status == 404                  ? ErrorCode::NotFound
        : status == 409                  ? ErrorCode::Conflict
                                         : ErrorCode::Io;
    return makeError(code, tr("the server answered %1: %2").arg(status).arg(message));
}

Result<void> foldLocal(const Source &s, Inventory::Report::Ledger &ledger, const QDateTime &until = {})
{
    if (!s.store)
        return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
    return Inventory::Report::readLog(s.store->database(), ledger, until);
}

QUrlQuery period(QDate from, QDate to)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), from.toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), to.toString(Qt::ISODate));
    return q;
}

} // namespace

Result<QJsonObject> bilan(const Source &s, QDate from, QDate to)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/reports/bilan"), period(from, to));
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger, QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC)); !r)
        return r.error();
    return ledger.bilan(from, to);
}

Result<QJsonObject> figures(const Source &s, QDate from, QDate to, const QString &lot)
{
    if (s.remote()) {
        QUrlQuery q = period(from, to);
        if (!lot.isEmpty())
            q.addQueryItem(QStringLiteral("lot"), lot);
        auto doc = request(s, "GET", QStringLiteral("/api/v1/figures"), q);
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    return ledger.figures(from, to, lot);
}

Result<QJsonArray> attention(const Source &s, const QDateTime &now)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/attention"));
        if (!doc)
            return doc.error();
        return doc->object().value(QStringLiteral("attention")).toArray();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    Inventory::Report::SyncFacts facts;
    for (const Inventory::Store::RejectedEvent &r : s.store->rejectedEvents()) {
        Inventory::Event e = r.event;
        e.note = r.reason;
        facts.setAside << e;
    }
    // A station that syncs with a server is late when its oldest unsent event is a day old.
    if (!s.store->setting(QStringLiteral("sync.server")).isEmpty()) {
        const QList<Inventory::Event> unsent = s.store->unpushedEvents(1);
        if (!unsent.isEmpty())
            facts.lastReceived.insert(s.store->identity().station, unsent.first().time);
    }
    return ledger.attention(now, facts);
}

Result<QJsonObject> workshop(const Source &s)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/admin/workshop"));
        if (!doc)
            return doc.error();
        return doc->object();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    QJsonObject out = ledger.workshop();
    out.insert(QStringLiteral("defaults"),
               QJsonObject{{QStringLiteral("reuse_kg"), Inventory::Report::builtInReuseKg()},
                           {QStringLiteral("limits"), Inventory::Report::builtInLimits()}});
    return out;
}

Result<QJsonArray> workers(const Source &s)
{
    if (s.remote()) {
        auto doc = request(s, "GET", QStringLiteral("/api/v1/admin/workers"));
        if (!doc)
            return doc.error();
        return doc->object().value(QStringLiteral("workers")).toArray();
    }
    Inventory::Report::Ledger ledger;
    if (auto r = foldLocal(s, ledger); !r)
        return r.error();
    return ledger.workers();
}

Result<void> administer(const Source &s, const QString &type, const QJsonObject &payload,
                        const Inventory::Identity &who)
{
    namespace ET = Inventory::EventType;
    if (type != ET::WorkerAdded && type != ET::WorkerUpdated && type != ET::WorkshopConfigured)
        return makeError(ErrorCode::InvalidArgument, tr("%1 is not an administration event").arg(type));
    Inventory::Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = who.station;
    e.worker = who.worker;
    e.time = QDateTime::currentDateTimeUtc();
    e.type = type;
    e.payload = payload;
    // Checked here first: bad input changes nothing, on the server or here.
    if (auto valid = Inventory::EventRules::validate(e); !valid)
        return valid.error();
    if (s.remote()) {
        QJsonObject event = Inventory::toJson(e);
        event.remove(QStringLiteral("seq"));
        event.remove(QStringLiteral("status"));
        event.remove(QStringLiteral("note"));
        auto doc = request(s, "POST", QStringLiteral("/api/v1/events"), {},
                           QJsonObject{{QStringLiteral("events"), QJsonArray{event}}});
        if (!doc)
            return doc.error();
        return {};
    }
    if (!s.store)
        return makeError(ErrorCode::InvalidArgument, tr("no server and no local inventory"));
    const Inventory::Identity before = s.store->identity();
    s.store->setIdentity(who);
    auto recorded = s.store->recordGeneral(type, payload);
    s.store->setIdentity(before);
    if (!recorded)
        return recorded.error();
    return {};
}

Result<QJsonArray> tokens(const Source &s)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc = request(s, "GET", QStringLiteral("/api/v1/tokens"));
    if (!doc)
        return doc.error();
    return doc->array();
}

Result<QString> issueToken(const Source &s, const QString &name, const QString &role)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc = request(s, "POST", QStringLiteral("/api/v1/tokens"), {},
                       QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("role"), role}});
    if (!doc)
        return doc.error();
    return doc->object().value(QStringLiteral("token")).toString();
}

Result<void> revokeToken(const Source &s, const QString &name)
{
    if (!s.remote())
        return makeError(ErrorCode::Unsupported, tr("tokens live on the server: give --server and --token"));
    auto doc
        = request(s, "DELETE", QStringLiteral("/api/v1/tokens/") + QString::fromLatin1(QUrl::toPercentEncoding(name)));
    if (!doc)
        return doc.error();
    return {};
}

} // namespace Etabli::AppCore::Supervisor
