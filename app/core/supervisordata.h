// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/store.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace Etabli::Inventory::Report {
struct AttentionQuery; // inventory/report/report.h
}

/// The supervisor's use-cases (issue 13), one function each for the CLI and the screen:
/// over the central server (its /api/v1 endpoints with a supervisor token) or, for a
/// workshop without a server, over the local store, folded by inventory/report the same
/// way the server folds its log. Blocking (the HTTP calls wait, 30 s at most): call from
/// the CLI or a worker thread; the thread that owns `store`.
namespace Etabli::AppCore::Supervisor {

struct Source {
    QUrl server; ///< empty: the local store
    QString token;
    Inventory::Store *store = nullptr;
    bool remote() const { return !server.isEmpty(); }
};

Result<QJsonObject> bilan(const Source &source, QDate from, QDate to);
/// The figures of [from, to] for `lot` (empty: all). Over a server: GET /api/v1/figures with them.
Result<QJsonObject> figures(const Source &source, QDate from, QDate to, const QString &lot);
Result<QJsonArray> attention(const Source &source, const QDateTime &now);
/// A page of it (Ledger::attentionPage(): `attention`, `count`, `by_kind`, `offset`,
/// `limit`, `next`). Over a server: GET /api/v1/attention?kind=&offset=&limit=.
Result<QJsonObject> attentionPage(const Source &source, const QDateTime &now,
                                  const Inventory::Report::AttentionQuery &page);
/// The workshop settings as the log last set them, with `defaults{reuse_kg, limits}`.
Result<QJsonObject> workshop(const Source &source);
Result<QJsonArray> workers(const Source &source);
/// Records an administration change (worker.added, worker.updated, workshop.configured) as
/// one event made by `who`: pushed to the server, or recorded in the local store.
Result<void> administer(const Source &source, const QString &type, const QJsonObject &payload,
                        const Inventory::Identity &who);

/// One asset for its detail screen (supervisor, issue 13): `asset{…}` as the store or
/// server holds it, `history[]` its events oldest first (toJson(Event)), and `since` the
/// time of its last state change. Over a server: GET /api/v1/assets/TAG and the event log
/// pulled page by page (filtered here).
Result<QJsonObject> assetDetail(const Source &source, const QString &tag);
/// What one worker did in [from, to] (UTC dates, both included): `badge`, `card{…}` (the
/// workers() row, empty when unknown), `events[]` their events oldest first and
/// `counts{type: n}`.
Result<QJsonObject> workerDetail(const Source &source, const QString &badge, QDate from, QDate to);
/// The same for one station (the events it recorded in the period; `card` empty).
Result<QJsonObject> stationDetail(const Source &source, const QString &station, QDate from, QDate to);

/// The bench steps for the administration screen: the configured `bench_steps` of
/// `workshop` ({step, on} each) followed by every other known step (off), `done` last and
/// always on. Unknown names are dropped.
QJsonArray benchStepsForEditing(const QJsonObject &workshop);
/// `steps` with the step at `index` moved by `delta` (-1 up, +1 down) or, when `delta` is 0,
/// switched on/off; `done` stays last and on. InvalidArgument when the index or the move
/// is out of range.
Result<QJsonArray> editBenchSteps(const QJsonArray &steps, int index, int delta);

/// Tokens (server only): list, issue (returns the secret, shown once), revoke.
Result<QJsonArray> tokens(const Source &source);
Result<QString> issueToken(const Source &source, const QString &name, const QString &role);
Result<void> revokeToken(const Source &source, const QString &name);

} // namespace Etabli::AppCore::Supervisor
