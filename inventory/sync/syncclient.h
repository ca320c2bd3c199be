// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/event.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::Sync {

struct SyncConfig {
    QUrl server; ///< e.g. https://inventaire.example:8420 (the /api/v1 prefix is added)
    QString token; ///< bearer token of role station (or desk)
    int batchSize = 200; ///< events per push and per pull page
    /// Only a desk keeps beneficiaries: a bench drops them even if a server sent them.
    bool keepFamilyData = false;
    QList<QSslCertificate> caCertificates; ///< extra trusted CAs (a self-signed server)
    int timeoutMs = 30000;
    /// Endorsement at enrolment (issue 15): this station's Ed25519 public key, given while
    /// the workshop has not endorsed it. After a round's pull the client asks the server
    /// once (`POST /api/v1/stations/endorsement`) and hands the answer to
    /// `installEndorsement` (which checks it is of this key); later erasure certificates
    /// carry it. A server that endorses nothing (404) or a refusal never fails the round:
    /// the report says what happened.
    QByteArray stationPublicKey;
    std::function<Result<void>(const QJsonObject &endorsement)> installEndorsement;
};

struct SyncReport {
    int pushed = 0; ///< events the server stored for the first time
    int sent = 0; ///< events sent (including ones it already had)
    int pulled = 0; ///< events received
    int newHere = 0; ///< received events this store did not have
    qint64 pending = 0; ///< local events still unsent
    int rejected = 0; ///< events the server refuses, set aside (Store::rejectedEvents)
    /// Endorsement of the station key this round: empty (not asked), `installed`,
    /// `not_offered` (the server holds no certification key) or `failed` (see endorsementError).
    QString endorsement;
    QString endorsementError;
};

/// Offline-first sync of a station's store with the central server: pushes the
/// unsent events in batches (idempotent: a retry after any failure never doubles an
/// event), then pulls everything after its cursor and applies it in the server's
/// order (Store::applyPulled). Progress is kept in the store's settings
/// (`sync.cursor`, `sync.last_success`, `sync.last_error`), so a kill at any moment
/// only repeats work. An event the server refuses (400, 409, 422) does not block the
/// ones after it: the batch is halved until that event is alone, then it is set aside
/// with the server's answer (Store::markRejected) and offered again, alone and first,
/// at every later round (a server upgraded meanwhile takes it).
///
/// Lives in the thread that owns the Store; all work is asynchronous on that
/// thread's event loop (the network never blocks it).
class SyncClient : public QObject
{
    Q_OBJECT
public:
    SyncClient(Inventory::Store &store, SyncConfig config, QObject *parent = nullptr);
    ~SyncClient() override;

    /// Starts one round (push then pull) unless one is running; ends with finished().
    void syncNow();
    /// Background mode: a round now, then every `interval`; after a failure the next
    /// try comes after backoffDelay(failures) instead.
    void start(std::chrono::milliseconds interval);
    void stop();
    bool isRunning() const { return m_busy; }
    int consecutiveFailures() const { return m_failures; }

    /// For the CLI and tests: rounds until one succeeds or `attempts` failed, waiting
    /// backoffDelay() between them, in a local event loop.
    Result<SyncReport> syncBlocking(int attempts = 5);

    /// 0.5 s doubled per failure up to 60 s, with ±25 % jitter so stations that lost
    /// the server together do not come back together.
    static std::chrono::milliseconds backoffDelay(int failures);

    /// The one rule for a server URL: http or https with a host; plain HTTP only to
    /// loopback (127.0.0.0/8, ::1, localhost), as the server listens, so a mistyped or
    /// misconfigured bench never sends its token in clear. Refused with
    /// ErrorCode::InvalidArgument (CLI exit 2), detail `plain_http`.
    static Result<void> checkServerUrl(const QUrl &server);

    static QString lastSuccess(const Inventory::Store &store);
    static QString lastError(const Inventory::Store &store);

Q_SIGNALS:
    void progress(const QString &phase, int done);
    void finished(bool ok, const QString &message);

private:
    void retryNext();
    void pushNext();
    /// Posts `batch`; `accepted(stored)` runs on success, `refused(message)` when the
    /// server refuses its content; any other failure ends the round.
    void post(const QList<Inventory::Event> &batch, std::function<void(int)> accepted,
              std::function<void(const QString &)> refused);
    void pullNext();
    /// Asks for the station key's endorsement when configured and not yet had, then done().
    void endorseNext();
    void done(const Error *error);
    QNetworkReply *send(const QByteArray &method, const QString &path, const QByteArray &body = {});
    Result<QJsonObject> answer(QNetworkReply *reply);

    Inventory::Store &m_store;
    SyncConfig m_config;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QTimer m_timer;
    std::chrono::milliseconds m_interval{0};
    bool m_busy = false;
    int m_failures = 0;
    SyncReport m_report;
    Result<SyncReport> m_lastResult = SyncReport{};
    QList<Inventory::Event> m_retry; ///< set-aside events to offer again this round
    int m_limit = 0; ///< events in the next batch (halved while isolating a refused one)
    bool m_endorsementSettled = false; ///< installed, or the server offers none: never asked again
};

} // namespace Etabli::Sync
