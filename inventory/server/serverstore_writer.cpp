// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// How the server store writes: one writer at a time (a process mutex and BEGIN IMMEDIATE
// on SQLite, an advisory lock on PostgreSQL), and pushes that arrive together committed
// together (group commit, as LevelDB's DBImpl::Write does): one fsync for many batches.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <vector>

namespace Etabli::Server {

using Inventory::Event;

namespace WriterProfile {
namespace {

/// Only the thread writing a group touches these (one group at a time: the queue's order).
Totals counted;
std::atomic<qint64> parseNs{0}, validateNs{0}, precheckNs{0}, handled{0};
/// -1: not read from the environment yet.
std::atomic<int> enabled{-1};

struct Current {
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 statements = 0; ///< since the last mark
    bool writing = false;
};
thread_local Current current;

} // namespace

bool on()
{
    int e = enabled.load(std::memory_order_relaxed);
    if (e < 0) {
        e = qEnvironmentVariableIntValue("ETABLI_WRITER_PROFILE") > 0 ? 1 : 0;
        enabled.store(e, std::memory_order_relaxed);
    }
    return e > 0;
}

void enable(bool on)
{
    counted = Totals{};
    parseNs = 0;
    validateNs = 0;
    precheckNs = 0;
    handled = 0;
    enabled.store(on ? 1 : 0);
}

Totals totals()
{
    return counted;
}

void startGroup(qsizetype batches, qsizetype events)
{
    if (!on())
        return;
    current.writing = true;
    current.clock.start();
    current.last = 0;
    current.statements = 0;
    ++counted.groups;
    counted.batches += batches;
    counted.events += events;
}

void mark(Phase phase)
{
    if (!on() || !current.writing)
        return;
    const qint64 t = current.clock.nsecsElapsed();
    counted.ns[phase] += t - current.last;
    counted.statements[phase] += current.statements;
    current.last = t;
    current.statements = 0;
}

void statement()
{
    if (on() && current.writing)
        ++current.statements;
}

void spilled(qint64 pages)
{
    if (on() && current.writing)
        counted.spilled += pages;
}

void endGroup()
{
    if (!on() || !current.writing)
        return;
    current.writing = false;
    if (counted.groups % 20 != 0)
        return;
    static const char *const names[Phases] = {"begin",       "known",  "prefetch", "apply",    "insert",   "counts",
                                              "projections", "commit", "retry",    "proj_log", "proj_fold"};
    const double g = double(counted.groups);
    QByteArray line = QByteArrayLiteral("writer profile: ");
    line += QByteArray::number(counted.groups) + " groups, " + QByteArray::number(double(counted.batches) / g, 'f', 1)
        + " pushes / " + QByteArray::number(double(counted.events) / g, 'f', 0)
        + " events a group; a group, ms (statements):";
    qint64 all = 0, statements = 0;
    for (int p = 0; p < Phases; ++p) {
        line += ' ';
        line += names[p];
        line += ' ' + QByteArray::number(double(counted.ns[p]) / g / 1e6, 'f', 2) + " ("
            + QByteArray::number(double(counted.statements[p]) / g, 'f', 1) + ')';
        all += counted.ns[p];
        statements += counted.statements[p];
    }
    line += "; total " + QByteArray::number(double(all) / g / 1e6, 'f', 2) + " ms, "
        + QByteArray::number(double(statements) / g, 'f', 1) + " statements, "
        + QByteArray::number(double(counted.spilled) / g, 'f', 1) + " pages spilled";
    const qint64 n = qMax<qint64>(1, handled.load());
    line += "; handler ms a push: parse " + QByteArray::number(double(parseNs.load()) / double(n) / 1e6, 'f', 3)
        + " validate " + QByteArray::number(double(validateNs.load()) / double(n) / 1e6, 'f', 3) + " precheck "
        + QByteArray::number(double(precheckNs.load()) / double(n) / 1e6, 'f', 3) + '\n';
    std::fputs(line.constData(), stderr);
    std::fflush(stderr);
}

void handler(HandlerPhase phase, qint64 ns)
{
    if (!on())
        return;
    (phase == Parse ? parseNs : phase == Validate ? validateNs : precheckNs).fetch_add(ns, std::memory_order_relaxed);
    if (phase == Validate)
        handled.fetch_add(1, std::memory_order_relaxed);
}

} // namespace WriterProfile

namespace {
/// The key of the advisory lock that orders appends on PostgreSQL ("etabli" in ASCII).
constexpr qint64 kAppendLock = 0x657461626c69;
} // namespace

std::unique_lock<std::mutex> ServerStore::Private::lockWriter() const
{
    static std::mutex sqliteWriter;
    return postgres ? std::unique_lock<std::mutex>() : std::unique_lock<std::mutex>(sqliteWriter);
}

Result<void> ServerStore::Private::beginWrite()
{
    if (!postgres) {
        if (auto q = run(QStringLiteral("BEGIN IMMEDIATE")); !q)
            return q.error();
        return {};
    }
    // push (issue 17): BEGIN and the lock in one round trip (libpq's PQexec, on Qt's
    // connection: Qt's driver keeps no transaction state of its own, its commit() ends it).
    static const QByteArray begin
        = QByteArrayLiteral("BEGIN; SELECT pg_advisory_xact_lock(") + QByteArray::number(kAppendLock) + ')';
    const quint64 connection = generation;
    auto begun = runPq(nullptr, begin.constData());
    if (!begun && generation != connection) // the connection was lost while idle: once more on the new one
        begun = runPq(nullptr, begin.constData());
    if (!begun) {
        (void)runPq(nullptr, "ROLLBACK");
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "cannot start a transaction: %1").arg(begun.error().message));
    }
    return {};
}

struct ServerStore::Private::PendingWrite {
    const QList<Event> *events = nullptr;
    const QList<ReadyRow> *rows = nullptr;
    const QString *pushedBy = nullptr;
    bool strict = false;
    const QHash<QString, PushOutcome> *precheck = nullptr;
    std::optional<Result<QList<PushOutcome>>> result;
};

namespace {

/// At most this many events in one group transaction.
constexpr qsizetype kGroupEvents = 5000;

} // namespace

struct ServerStore::Private::WriteQueue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<PendingWrite *> queue;
};

ServerStore::Private::WriteQueue &ServerStore::Private::writeQueue()
{
    static WriteQueue queue;
    return queue;
}

/// Writes `group` in one transaction (the writer lock held). First all batches at once,
/// with a few multi-row statements for the whole group (a round trip is what PostgreSQL
/// costs most); if any batch is refused, that transaction is rolled back and the group
/// written again with each batch in a savepoint, so a refused batch fails alone.
void ServerStore::Private::writeGroup(const std::vector<PendingWrite *> &group,
                                      const std::function<void(const Error &)> &failAll)
{
    QSqlDatabase database = db();
    const auto lost = [] {
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("ServerStore", "the database connection was lost; push again"));
    };
    const auto commit = [&]() -> bool {
        // The supervisor's projections, in the same transaction (serverstore_projections.cpp).
        WriterProfile::mark(WriterProfile::Retry);
        if (auto p = updateProjections(); !p) {
            idle();
            database.rollback();
            failAll(p.error());
            return false;
        }
        idle();
        WriterProfile::mark(WriterProfile::Projections);
        WriterProfile::statement();
        const bool committed = database.commit();
        WriterProfile::mark(WriterProfile::Commit);
        countSpills(true);
        if (committed)
            return true;
        const Error error = makeError(
            ErrorCode::Io,
            QCoreApplication::translate("ServerStore", "cannot commit: %1").arg(database.lastError().text()));
        database.rollback();
        reconnectIfLost();
        failAll(error); // nothing of the group is stored: every batch may be pushed again
        return false;
    };
    countSpills(false); // what other work on this connection spilled is not the group's
    QList<Piece> pieces;
    for (const PendingWrite *w : group)
        pieces.append(Piece{w->events, w->pushedBy, w->strict, w->rows, w->precheck});
    quint64 connection = 0;
    QString received;
    // push (issue 17): first trusting the handlers' prechecks of the UUIDs; if anything
    // fails (a UUID stored since by another group or server, or a refused batch), again
    // with the UUIDs checked inside the transaction, as before.
    const bool prechecked
        = std::any_of(group.cbegin(), group.cend(), [](const PendingWrite *w) { return w->precheck != nullptr; });
    Result<QList<PushOutcome>> together = makeError(ErrorCode::Internal, QString());
    for (const bool trust : {true, false}) {
        if (!trust && !prechecked)
            break; // the first attempt already checked inside the transaction
        if (auto begun = beginWrite(); !begun)
            return failAll(begun.error());
        WriterProfile::mark(WriterProfile::Begin);
        connection = generation;
        received = now();
        appended.clear();
        together = storeBatch(pieces, received, trust);
        idle();
        if (generation != connection)
            return failAll(lost()); // the connection died under the transaction: nothing of it is stored
        if (together)
            break;
        database.rollback();
    }
    if (together) {
        qsizetype at = 0;
        for (PendingWrite *w : group) {
            w->result = together->mid(at, w->events->size());
            at += w->events->size();
        }
        commit();
        return;
    }
    if (group.size() == 1)
        return failAll(together.error());

    // One batch at least is refused: again, each batch in a savepoint.
    appended.clear();
    if (auto begun = beginWrite(); !begun)
        return failAll(begun.error());
    connection = generation;
    received = now();
    for (PendingWrite *w : group) {
        if (auto sp = run(QStringLiteral("SAVEPOINT batch")); !sp) {
            w->result = sp.error();
            continue;
        }
        auto stored = storeBatch({Piece{w->events, w->pushedBy, w->strict, w->rows}}, received);
        idle();
        if (!stored)
            (void)run(QStringLiteral("ROLLBACK TO SAVEPOINT batch"));
        (void)run(QStringLiteral("RELEASE SAVEPOINT batch"));
        w->result = std::move(stored);
    }
    idle();
    if (generation != connection)
        return failAll(lost());
    commit();
}

QList<ServerStore::Private::ReadyRow> ServerStore::Private::readyRows(const QList<Event> &events)
{
    QList<ReadyRow> rows;
    rows.reserve(events.size());
    for (const Event &e : events)
        rows.append(ReadyRow{Inventory::isoTime(e.time), e.time.toMSecsSinceEpoch(), compact(e.payload)});
    return rows;
}

Result<QList<PushOutcome>> ServerStore::Private::commitInGroup(const QList<Event> &events, const QList<ReadyRow> &rows,
                                                               const QString &pushedBy, bool strict,
                                                               const QHash<QString, PushOutcome> *precheck)
{
    WriteQueue &wq = writeQueue();
    PendingWrite mine{&events, &rows, &pushedBy, strict, precheck, {}};
    std::unique_lock lock(wq.mutex);
    wq.queue.push_back(&mine);
    wq.changed.wait(lock, [&] { return mine.result.has_value() || wq.queue.front() == &mine; });
    if (mine.result)
        return std::move(*mine.result);

    // This thread writes: itself and whoever waits behind it, in arrival order.
    std::vector<PendingWrite *> group;
    qsizetype count = 0;
    for (PendingWrite *w : wq.queue) {
        if (!group.empty() && count + w->events->size() > kGroupEvents)
            break;
        group.push_back(w);
        count += w->events->size();
    }
    lock.unlock();

    const auto failAll = [&group](const Error &error) {
        for (PendingWrite *w : group)
            w->result = error;
    };
    {
        const auto writer = lockWriter();
        WriterProfile::startGroup(qsizetype(group.size()), count);
        writeGroup(group, failAll);
        WriterProfile::endGroup();
    }

    lock.lock();
    for (size_t i = 0; i < group.size(); ++i)
        wq.queue.pop_front();
    wq.changed.notify_all();
    return std::move(*mine.result);
}

} // namespace Etabli::Server
