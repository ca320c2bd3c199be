// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/sync/syncclient.h"

#include "inventory/event.h"
#include "inventory/eventrules.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QUrlQuery>

namespace Etabli::Sync {

using Inventory::Event;

namespace {

const QString kCursor = QStringLiteral("sync.cursor");
const QString kLastSuccess = QStringLiteral("sync.last_success");
const QString kLastError = QStringLiteral("sync.last_error");
// Set-aside events offered again per round: enough for a server upgrade to catch up,
// few enough that a station with many refused events still syncs quickly.
constexpr qsizetype kMaxRetries = 50;

} // namespace

SyncClient::SyncClient(Inventory::Store &store, SyncConfig config, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_config(std::move(config))
    , m_network(std::make_unique<QNetworkAccessManager>())
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncClient::syncNow);
}

SyncClient::~SyncClient() = default;

std::chrono::milliseconds SyncClient::backoffDelay(int failures)
{
    const qint64 base = std::min<qint64>(60000, 500LL << std::min(failures, 7));
    const qint64 jitter = QRandomGenerator::global()->bounded(base / 2 + 1) - base / 4;
    return std::chrono::milliseconds(std::clamp<qint64>(base + jitter, 100, 60000));
}

Result<void> SyncClient::checkServerUrl(const QUrl &server)
{
    const QString scheme = server.scheme().toLower();
    if (!server.isValid() || server.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return makeError(ErrorCode::InvalidArgument,
                         tr("the server must be an http(s)://HOST:PORT address (got «%1»)").arg(server.toString()),
                         QStringLiteral("bad_server"));
    if (scheme == QLatin1String("https"))
        return {};
    const QString host = server.host().toLower();
    // QUrl keeps an IPv6 literal without its brackets; a name other than localhost could
    // resolve anywhere, so only literal loopback addresses and localhost pass.
    const bool loopback = host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost"))
        || QHostAddress(host).isLoopback();
    if (!loopback)
        return makeError(ErrorCode::InvalidArgument,
                         tr("plain HTTP to %1 would send the token in clear: use https://%1 (plain http:// is only "
                            "for the same machine: 127.0.0.1, ::1, localhost)")
                             .arg(server.authority()),
                         QStringLiteral("plain_http"));
    return {};
}

QString SyncClient::lastSuccess(const Inventory::Store &store)
{
    return store.setting(kLastSuccess);
}

QString SyncClient::lastError(const Inventory::Store &store)
{
    return store.setting(kLastError);
}

void SyncClient::start(std::chrono::milliseconds interval)
{
    m_interval = interval;
    syncNow();
}

void SyncClient::stop()
{
    m_interval = std::chrono::milliseconds(0);
    m_timer.stop();
}

void SyncClient::syncNow()
{
    if (m_busy)
        return;
    if (!m_config.server.isValid() || m_config.server.scheme().isEmpty() || m_config.token.isEmpty()) {
        const Error e = makeError(ErrorCode::InvalidArgument, tr("no sync server or token configured"));
        m_busy = true;
        done(&e);
        return;
    }
    if (auto url = checkServerUrl(m_config.server); !url) {
        // Checked here, below every caller, so no path sends the token in clear.
        m_busy = true;
        done(&url.error());
        return;
    }
    m_busy = true;
    m_report = SyncReport{};
    m_limit = m_config.batchSize;
    m_retry.clear();
    for (const auto &rejected : m_store.rejectedEvents())
        if (m_retry.size() < kMaxRetries)
            m_retry.append(rejected.event);
    retryNext();
}

QNetworkReply *SyncClient::send(const QByteArray &method, const QString &path, const QByteArray &body)
{
    QUrl url = m_config.server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(base + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_config.token.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(m_config.timeoutMs);
    if (!m_config.caCertificates.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_config.caCertificates);
        request.setSslConfiguration(ssl);
    }
    return m_network->sendCustomRequest(request, method, body);
}

Result<QJsonObject> SyncClient::answer(QNetworkReply *reply)
{
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    if (status == 0)
        return makeError(ErrorCode::Network,
                         tr("cannot reach %1: %2").arg(m_config.server.toString(), reply->errorString()));
    if (status == 401 || status == 403)
        return makeError(
            ErrorCode::Unauthorized,
            tr("the server refused the token: %1")
                .arg(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()));
    if (status == 400 || status == 409 || status == 422)
        return makeError(
            ErrorCode::Refused,
            tr("the server refused it (%1): %2")
                .arg(status)
                .arg(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()),
            QStringLiteral("rejected"));
    if (status != 200)
        return makeError(
            ErrorCode::Network,
            tr("the server answered %1: %2")
                .arg(status)
                .arg(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString()));
    return o;
}

void SyncClient::post(const QList<Event> &batch, std::function<void(int)> accepted,
                      std::function<void(const QString &)> refused)
{
    QJsonArray list;
    for (Event e : batch) {
        e.seq = 0; // our order is not the server's business
        list.append(Inventory::toJson(e));
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("events"), list}}).toJson(QJsonDocument::Compact);
    QNetworkReply *reply = send("POST", QStringLiteral("/api/v1/events"), body);
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, accepted = std::move(accepted), refused = std::move(refused)] {
                auto o = answer(reply);
                if (o)
                    accepted(o->value(QStringLiteral("stored")).toInt());
                else if (o.error().detail == QLatin1String("rejected"))
                    refused(o.error().message);
                else
                    done(&o.error());
            });
}

void SyncClient::retryNext()
{
    if (m_retry.isEmpty()) {
        pushNext();
        return;
    }
    const Event e = m_retry.takeFirst();
    post(
        {e},
        [this, uuid = e.uuid](int stored) {
            if (auto m = m_store.markPushed({uuid}); !m) {
                done(&m.error());
                return;
            }
            m_report.sent += 1;
            m_report.pushed += stored;
            retryNext();
        },
        [this, uuid = e.uuid](const QString &message) {
            if (auto m = m_store.markRejected(uuid, message); !m) {
                done(&m.error());
                return;
            }
            retryNext();
        });
}

void SyncClient::pushNext()
{
    const QList<Event> batch = m_store.unpushedEvents(m_limit);
    if (batch.isEmpty()) {
        pullNext();
        return;
    }
    QStringList uuids;
    for (const Event &e : batch)
        uuids << e.uuid;
    post(
        batch,
        [this, uuids](int stored) {
            if (auto m = m_store.markPushed(uuids); !m) {
                done(&m.error());
                return;
            }
            m_report.sent += uuids.size();
            m_report.pushed += stored;
            m_limit = m_config.batchSize;
            Q_EMIT progress(QStringLiteral("push"), m_report.sent);
            pushNext();
        },
        [this, uuids](const QString &message) {
            if (uuids.size() > 1) {
                m_limit = int(uuids.size() / 2); // the refused event is in one half: find it
            } else {
                if (auto m = m_store.markRejected(uuids.first(), message); !m) {
                    done(&m.error());
                    return;
                }
                m_limit = m_config.batchSize;
            }
            pushNext();
        });
}

void SyncClient::pullNext()
{
    const QString cursor = m_store.setting(kCursor, QStringLiteral("0"));
    QNetworkReply *reply
        = send("GET", QStringLiteral("/api/v1/events?since=%1&limit=%2").arg(cursor).arg(m_config.batchSize));
    connect(reply, &QNetworkReply::finished, this, [this, reply, cursor] {
        auto o = answer(reply);
        if (!o) {
            done(&o.error());
            return;
        }
        QList<Event> events;
        for (const QJsonValue &v : o->value(QStringLiteral("events")).toArray()) {
            auto e = Inventory::eventFromJson(v.toObject());
            if (!e) {
                const Error bad
                    = makeError(ErrorCode::Network, tr("the server sent a malformed event: %1").arg(e.error().message));
                done(&bad);
                return;
            }
            if (Inventory::EventRules::isFamilyData(e->type) && !m_config.keepFamilyData)
                continue; // family data never lands on a bench
            e->serverSeq = v.toObject().value(QStringLiteral("seq")).toInteger();
            events.append(*e);
        }
        m_report.pulled += events.size();
        auto applied = m_store.applyPulled(events);
        if (!applied) {
            done(&applied.error());
            return;
        }
        m_report.newHere += *applied;
        const qint64 next = o->value(QStringLiteral("cursor")).toInteger(cursor.toLongLong());
        if (auto s = m_store.setSetting(kCursor, QString::number(next)); !s) {
            done(&s.error());
            return;
        }
        Q_EMIT progress(QStringLiteral("pull"), m_report.pulled);
        if (o->value(QStringLiteral("more")).toBool())
            pullNext();
        else
            endorseNext();
    });
}

void SyncClient::endorseNext()
{
    if (m_endorsementSettled || m_config.stationPublicKey.isEmpty() || !m_config.installEndorsement) {
        done(nullptr);
        return;
    }
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("station_key"),
                                                       QString::fromLatin1(m_config.stationPublicKey.toBase64())}})
                                .toJson(QJsonDocument::Compact);
    QNetworkReply *reply = send("POST", QStringLiteral("/api/v1/stations/endorsement"), body);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        auto o = answer(reply);
        if (status == 404) {
            m_endorsementSettled = true;
            m_report.endorsement = QStringLiteral("not_offered");
        } else if (!o) {
            m_report.endorsement = QStringLiteral("failed");
            m_report.endorsementError = o.error().message;
        } else if (auto installed = m_config.installEndorsement(o->value(QStringLiteral("endorsement")).toObject());
                   !installed) {
            m_report.endorsement = QStringLiteral("failed");
            m_report.endorsementError = installed.error().message;
        } else {
            m_endorsementSettled = true;
            m_report.endorsement = QStringLiteral("installed");
        }
        done(nullptr); // the events are in sync whatever the endorsement did
    });
}

void SyncClient::done(const Error *error)
{
    m_busy = false;
    m_report.pending = m_store.unpushedCount();
    m_report.rejected = int(m_store.rejectedEvents().size());
    if (error) {
        ++m_failures;
        m_lastResult = *error;
        (void)m_store.setSetting(
            kLastError, Inventory::isoTime(QDateTime::currentDateTimeUtc()) + QLatin1Char(' ') + error->message);
        if (m_interval.count() > 0)
            m_timer.start(backoffDelay(m_failures - 1));
        Q_EMIT finished(false, error->message);
        return;
    }
    m_failures = 0;
    m_lastResult = m_report;
    (void)m_store.setSetting(kLastSuccess, Inventory::isoTime(QDateTime::currentDateTimeUtc()));
    if (m_interval.count() > 0)
        m_timer.start(m_interval);
    Q_EMIT finished(true, {});
}

Result<SyncReport> SyncClient::syncBlocking(int attempts)
{
    for (int attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0) {
            QEventLoop wait;
            QTimer::singleShot(backoffDelay(attempt - 1), &wait, &QEventLoop::quit);
            wait.exec();
        }
        QEventLoop loop;
        connect(this, &SyncClient::finished, &loop, &QEventLoop::quit);
        syncNow();
        if (m_busy)
            loop.exec();
        if (m_lastResult.ok())
            return m_lastResult;
        if (m_lastResult.error().code == ErrorCode::Unauthorized
            || m_lastResult.error().code == ErrorCode::InvalidArgument)
            break; // retrying cannot help
    }
    return m_lastResult;
}

} // namespace Etabli::Sync
