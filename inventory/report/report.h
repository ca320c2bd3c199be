// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/event.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QSqlDatabase>
#include <QStringList>

#include <memory>
#include <optional>

namespace Etabli::Inventory::Report {

/// Built-in re-use weights (kg per asset of a kind) used when an asset carries no
/// `weight_kg` at intake and `workshop.configured` `reuse_kg` says nothing for its kind.
/// They are estimates (typical office equipment) and the report says so.
QJsonObject builtInReuseKg();
/// The built-in limits (days an asset may stay in a state before the attention list shows it).
QJsonObject builtInLimits();
/// The limits in force for `workshop` (`workshop.configured`'s settings): the built-in ones
/// and its `limits`, state names upper-cased; days by state, in state order.
QMap<QString, double> limits(const QJsonObject &workshop);

/// What the station store and the server know besides the log (both optional).
struct SyncFacts {
    /// Station name → when the server last received one of its events (server only).
    QHash<QString, QDateTime> lastReceived;
    /// Events this store set aside (the server's `overridden`, a station's refused ones).
    QList<Event> setAside;
};

/// A part of the attention list (issue 17: at a region's scale the whole list is megabytes).
struct AttentionQuery {
    /// Only rows of this kind (attentionKinds()); empty: every kind.
    QString kind;
    /// The first row given, counted in the rows of `kind`.
    qsizetype offset = 0;
    /// At most this many rows; < 0: all of them.
    qsizetype limit = -1;
};
/// The most rows one page of the attention list gives.
inline constexpr qsizetype kMaxAttentionRows = 10000;
/// The kinds of attention rows, in the order the list gives them.
QStringList attentionKinds();
/// A page from its words (a query string's or a command line's; nullopt: not given): `kind`
/// one of attentionKinds(), `offset` ≥ 0, `limit` 1…kMaxAttentionRows. InvalidArgument
/// (detail `bad_parameter`) otherwise.
Result<AttentionQuery> attentionQuery(const std::optional<QString> &kind, const std::optional<QString> &offset,
                                      const std::optional<QString> &limit);

/// The supervisor's read side, folded from the event log alone: every figure of the bilan,
/// the figures and the attention list is derived from the events (applied ones; overridden
/// events are what the attention list shows as "set aside"), so a store that only keeps the
/// log can answer, and the server's tables are never trusted for these figures.
///
/// Feed events in log order with add(), then ask. Not thread-safe; one Ledger per call.
class Ledger
{
public:
    Ledger();
    ~Ledger();
    Ledger(const Ledger &) = delete;
    Ledger &operator=(const Ledger &) = delete;

    void add(const Event &event);

    /// The council's bilan for the days [from, to] (UTC dates, both included). Keys in
    /// README.md, "The supervisor" (an interface).
    QJsonObject bilan(QDate from, QDate to) const;
    /// The figures of the period [from, to] (UTC dates, both included); `lot` empty: all lots.
    QJsonObject figures(QDate from, QDate to, const QString &lot) const;
    /// What needs someone now: one object a row (`kind`, `link{type, id}`, `since`, `detail`).
    QJsonArray attention(const QDateTime &now, const SyncFacts &facts) const;
    /// A page of it: `attention` (the rows), `count` (rows of `kind`, all pages), `by_kind`
    /// (rows of each kind), and with a limit or an offset `offset`, `limit` and `next` (the
    /// next page's offset, null on the last). README.md, "The supervisor" (an interface).
    QJsonObject attentionPage(const QDateTime &now, const SyncFacts &facts, const AttentionQuery &page) const;
    /// The same answer as compact JSON text, written directly (the server's: no JSON objects made).
    QByteArray attentionPageJson(const QDateTime &now, const SyncFacts &facts, const AttentionQuery &page) const;
    /// The last `workshop.configured` values merged (each key the latest given).
    QJsonObject workshop() const;
    /// Workers as the log last described them (badge → card).
    QJsonArray workers() const;

    /// The folded state (inventory/report/ledger_p.h), for the server's projections.
    struct Private;
    Private &state();

private:
    std::unique_ptr<Private> d;
};

/// Reads the event log of `db` (a station store or a server database: both have the
/// columns seq, uuid, station, worker, time, type, asset_tag, payload, status) in order
/// into `ledger`; events after `until` (when valid) are left out. One query.
Result<void> readLog(const QSqlDatabase &db, Ledger &ledger, const QDateTime &until = {});

/// The bilan as CSV (section, key, value), for spreadsheets.
QString bilanCsv(const QJsonObject &bilan);

/// Parses YYYY-MM-DD strictly.
Result<QDate> parseDate(const QString &text, const char *what);

} // namespace Etabli::Inventory::Report
