// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// The Ledger's state, for the server's projections (inventory/server/serverstore_projections.cpp,
// engineer "proj"): they keep these very rows in tables, fold new events with the same
// Ledger::Private::fold(), and answer by filling a Ledger with the rows a question needs.

#include "inventory/report/report.h"

#include <QList>
#include <QMap>
#include <QPair>
#include <QSet>

namespace Etabli::Inventory::Report {

struct AssetRec {
    QString kind, lot, model, serial;
    double weightKg = 0;
    QString state = QStringLiteral("RECEIVED");
    qint64 stateSinceMs = 0;
    bool verifiedErasure = false; ///< this cycle
    bool problem = false; ///< HS part or repair this cycle (first-pass yield)
    bool diskTestFailed = false; ///< latest SMART / surface verdict this cycle was FAIL
    bool labelPrinted = false; ///< this cycle
    bool openHandover = false;
};

struct Move {
    qint64 ms;
    QString tag, from, to, station, worker;
    bool firstPass = false;
};
struct Hs {
    qint64 ms;
    QString tag, part, reason;
};
struct Handover {
    qint64 ms;
    QString beneficiary, offer;
};
struct Erasure {
    qint64 ms;
    QString tag, certificate, worker;
    bool verified = false;
};
struct Imaging {
    qint64 ms;
    QString tag;
    bool verified = false;
    qint64 bytes = 0;
    double mibs = 0;
};
struct Duration {
    qint64 ms; ///< when it ended
    QString what, tag;
    double seconds = 0;
};
struct Dated {
    qint64 ms;
    QString key;
};

/// What the bilan counts over a period, before it is formatted (Ledger::Private::bilanJson()):
/// the Ledger sums its lists, the server its per-day projection (serverstore_report.cpp).
struct KindWeight {
    qint64 assets = 0, weighed = 0, defaulted = 0;
    double weighedKg = 0;
};
struct BilanSums {
    QHash<QString, qint64> receivedByKind;
    QHash<QString, qint64> pcsByLot; ///< PCs received, by lot reference (empty: none)
    qint64 refurbished = 0; ///< distinct PCs moved to READY
    QHash<QString, qint64> hsByPart;
    QHash<QString, QHash<QString, qint64>> hsReasons;
    QHash<QString, QHash<QString, qint64>> handovers; ///< group (groupOf()) → offer as recorded → n
    qint64 returns = 0;
    QHash<QString, qint64> returnReasons;
    qint64 grantsRequested = 0, grantsPaid = 0, enrolled = 0, completed = 0; ///< distinct beneficiaries
    double eur = 0;
    QMap<QString, KindWeight> reuse; ///< asset kind → distinct assets handed over
};
struct Yield {
    qint64 ready = 0, firstPass = 0;
};
struct DurationSum {
    qint64 count = 0;
    double median = 0, slowest = 0;
    QString slowestTag; ///< the first (in log order) of the slowest
};
/// What the period figures count, before they are formatted (Ledger::Private::figuresJson()).
struct FigureSums {
    QHash<QString, qint64> states;
    qint64 pending = 0;
    QMap<QDate, qint64> readyPerDay;
    QHash<QString, qint64> byStation, byWorker;
    QHash<QString, Yield> yieldByLot, yieldByModel;
    QHash<QString, qint64> hsByPart;
    QHash<QString, QHash<QString, qint64>> hsReasons;
    qint64 erasuresDone = 0, erasuresVerified = 0, checked = 0, toCheck = 0;
    qint64 runs = 0, runsVerified = 0, bytes = 0;
    double mibMedian = 0;
    QMap<QDate, qint64> imagingPerDay;
    QMap<QString, DurationSum> steps, stateTimes;
};

/// "families", "teachers" or "associations" for a beneficiary's kind.
QString groupOf(const QString &beneficiaryKind);

struct Ledger::Private {
    QHash<QString, QString> lotDonor;
    QHash<QString, QString> beneficiaryKind;
    QHash<QString, AssetRec> assets;
    QList<Dated> received; ///< asset.added (key = tag)
    QList<Move> moves;
    QList<Hs> hs;
    QList<Handover> handovers;
    QList<Dated> returns, grantsRequested, grantsPaid, enrolled; ///< key = tag / beneficiary
    QList<QString> returnsReason;
    double paidEur = 0;
    QList<Dated> paidEurDated;
    QHash<QString, QHash<int, qint64>> attended; ///< beneficiary → session → first time
    QList<Erasure> erasures;
    QSet<QString> checkedCertificates;
    QList<Imaging> imaging;
    QHash<QString, qint64> stepStarted; ///< tag|step → ms
    QList<Duration> steps, stateTimes;
    QJsonObject workshop;
    QString reuseSetBy, reuseSetOn; ///< who set reuse_kg, and when
    QMap<QString, QJsonObject> workers;
    QHash<QString, qint64> stationLastEvent;
    QList<Event> setAside;
    QList<QPair<QString, qint64>> handedTwice;
    qint64 lastMs = 0;

    void fold(const Event &e);

    BilanSums bilanSums(QDate from, QDate to) const;
    FigureSums figureSums(QDate from, QDate to, const QString &lot) const;
    /// Beneficiaries with six sessions or more whose last one (first attended) falls in [fromMs, toMs).
    qint64 trainingCompleted(qint64 fromMs, qint64 toMs) const;
    /// The JSON of the bilan and of the figures from their sums, with the settings, lots
    /// and beneficiaries of this state (one formatting for the Ledger and the server).
    QJsonObject bilanJson(QDate from, QDate to, const BilanSums &sums) const;
    QJsonObject figuresJson(QDate from, QDate to, const QString &lot, const FigureSums &sums) const;
};

} // namespace Etabli::Inventory::Report
