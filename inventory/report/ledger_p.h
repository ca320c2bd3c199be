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
};

} // namespace Etabli::Inventory::Report
