// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/report/report.h"
#include "inventory/report/ledger_p.h"

#include "inventory/csv.h"
#include "inventory/domain.h"
#include "inventory/event.h"
#include "inventory/eventtypes.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <vector>

namespace Etabli::Inventory::Report {

namespace ET = EventType;

QJsonObject builtInReuseKg()
{
    // Typical weights of office equipment (a small desktop tower, a 22–24" LCD screen…);
    // estimates, printed with the word "default" wherever they are used.
    return {{QStringLiteral("pc"), 7.5},    {QStringLiteral("screen"), 4.5},   {QStringLiteral("keyboard"), 0.6},
            {QStringLiteral("mouse"), 0.1}, {QStringLiteral("speakers"), 1.0}, {QStringLiteral("part"), 0.3}};
}

QJsonObject builtInLimits()
{
    return {{QStringLiteral("RECEIVED"), 30}, {QStringLiteral("TESTING"), 7},   {QStringLiteral("IN_REPAIR"), 14},
            {QStringLiteral("IMAGED"), 7},    {QStringLiteral("RESERVED"), 14}, {QStringLiteral("RETURNED"), 7}};
}

QMap<QString, double> limits(const QJsonObject &workshop)
{
    QJsonObject merged = builtInLimits();
    const QJsonObject configured = workshop.value(QStringLiteral("limits")).toObject();
    for (auto it = configured.begin(); it != configured.end(); ++it)
        merged.insert(it.key().toUpper(), it.value());
    QMap<QString, double> days;
    for (auto it = merged.begin(); it != merged.end(); ++it)
        days.insert(it.key(), it.value().toDouble());
    return days;
}

namespace {

constexpr qint64 kDayMs = 86400000;

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
}

QString isoMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

QString weekKey(QDate d)
{
    int year = 0;
    const int week = d.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double round1(double v)
{
    return std::round(v * 10) / 10;
}

QJsonObject countsOf(const QHash<QString, qint64> &h)
{
    QJsonObject o;
    for (auto it = h.cbegin(); it != h.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

} // namespace

Ledger::Ledger()
    : d(std::make_unique<Private>())
{}

Ledger::~Ledger() = default;

void Ledger::add(const Event &e)
{
    d->fold(e);
}

Ledger::Private &Ledger::state()
{
    return *d;
}

void Ledger::Private::fold(const Event &e)
{
    const qint64 ms = e.time.toMSecsSinceEpoch();
    lastMs = std::max(lastMs, ms);
    if (!e.station.isEmpty())
        stationLastEvent[e.station] = std::max(stationLastEvent.value(e.station), ms);
    if (e.status != QLatin1String("applied")) {
        setAside.append(e);
        return;
    }
    const QJsonObject &p = e.payload;
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toString().trimmed(); };
    const QString &tag = e.assetTag;
    if (e.type == ET::LotAdded) {
        lotDonor.insert(text("reference"), text("donor"));
    } else if (e.type == ET::BeneficiaryAdded) {
        beneficiaryKind.insert(text("reference"), text("kind").isEmpty() ? QStringLiteral("family") : text("kind"));
    } else if (e.type == ET::AssetAdded) {
        AssetRec a;
        a.kind = text("kind").toLower();
        a.lot = text("lot");
        a.model = text("model");
        a.serial = text("serial");
        a.weightKg = p.value(QStringLiteral("weight_kg")).toDouble();
        a.stateSinceMs = ms;
        assets.insert(tag, a);
        received.append({ms, tag});
    } else if (e.type == ET::AssetUpdated) {
        auto it = assets.find(tag);
        if (it != assets.end()) {
            if (p.contains(QStringLiteral("model")))
                it->model = text("model");
            if (p.contains(QStringLiteral("serial")))
                it->serial = text("serial");
        }
    } else if (e.type == ET::AssetMoved) {
        auto it = assets.find(tag);
        if (it == assets.end())
            return;
        const QString to = text("to").toUpper(), from = it->state;
        stateTimes.append({ms, from, tag, double(ms - it->stateSinceMs) / 1000.0});
        Move m{ms, tag, from, to, e.station, e.worker};
        if (to == QLatin1String("IN_REPAIR"))
            it->problem = true;
        if (to == QLatin1String("READY"))
            m.firstPass = !it->problem;
        if (to == QLatin1String("RETURNED") || (to == QLatin1String("TESTING") && from == QLatin1String("RETURNED"))) {
            it->verifiedErasure = false;
            it->problem = false;
            it->diskTestFailed = false;
            it->labelPrinted = false;
            it->openHandover = false;
        }
        it->state = to;
        it->stateSinceMs = ms;
        moves.append(m);
    } else if (e.type == ET::HsRecorded) {
        hs.append({ms, tag, text("part").toLower(), text("reason").toLower()});
        if (auto it = assets.find(tag); it != assets.end())
            it->problem = true;
    } else if (e.type == ET::TestRecorded) {
        const QString kind = text("kind").toLower();
        if (kind.contains(QLatin1String("smart")) || kind.contains(QLatin1String("surface")))
            if (auto it = assets.find(tag); it != assets.end())
                it->diskTestFailed = text("verdict").toUpper() == QLatin1String("FAIL");
    } else if (e.type == ET::ErasureRecorded) {
        const bool verified = p.value(QStringLiteral("verified")).toBool();
        erasures.append({ms, tag, text("certificate_id"), e.worker, verified});
        if (auto it = assets.find(tag); it != assets.end() && verified)
            it->verifiedErasure = true;
    } else if (e.type == ET::ErasureChecked) {
        checkedCertificates.insert(text("certificate_id"));
    } else if (e.type == ET::ImagingRecorded) {
        imaging.append({ms, tag, p.value(QStringLiteral("verified")).toBool(),
                        qint64(p.value(QStringLiteral("bytes")).toDouble()),
                        p.value(QStringLiteral("mib_s")).toDouble()});
    } else if (e.type == ET::LabelPrinted) {
        if (auto it = assets.find(tag); it != assets.end())
            it->labelPrinted = true;
    } else if (e.type == ET::FlowStep) {
        const QString key = tag + QLatin1Char('|') + text("step");
        const QString status = text("status");
        if (status == QLatin1String("started")) {
            stepStarted.insert(key, ms);
        } else if (auto it = stepStarted.find(key); it != stepStarted.end()) {
            steps.append({ms, text("step"), tag, double(ms - *it) / 1000.0});
            stepStarted.erase(it);
        }
    } else if (e.type == ET::HandoverRecorded) {
        handovers.append({ms, text("beneficiary"), text("offer")});
        for (const QJsonValue &v : p.value(QStringLiteral("tags")).toArray()) {
            auto it = assets.find(v.toString());
            if (it == assets.end())
                continue;
            if (it->openHandover)
                handedTwice.append({v.toString(), ms});
            it->openHandover = true;
        }
    } else if (e.type == ET::ReturnRecorded) {
        returns.append({ms, tag});
        returnsReason.append(text("reason"));
        if (auto it = assets.find(tag); it != assets.end())
            it->openHandover = false;
    } else if (e.type == ET::GrantRequested) {
        grantsRequested.append({ms, text("beneficiary")});
    } else if (e.type == ET::GrantPaid) {
        grantsPaid.append({ms, text("beneficiary")});
        paidEurDated.append({ms, QString::number(p.value(QStringLiteral("amount_eur")).toDouble())});
    } else if (e.type == ET::TrainingEnrolled) {
        enrolled.append({ms, text("beneficiary")});
    } else if (e.type == ET::TrainingAttended) {
        const int session = p.value(QStringLiteral("session")).toInt();
        auto &sessions = attended[text("beneficiary")];
        if (!sessions.contains(session))
            sessions.insert(session, ms);
    } else if (e.type == ET::WorkshopConfigured) {
        for (auto it = p.begin(); it != p.end(); ++it)
            workshop.insert(it.key(), it.value());
        if (p.contains(QStringLiteral("reuse_kg"))) {
            reuseSetBy = e.worker;
            reuseSetOn = dayOf(ms).toString(Qt::ISODate);
        }
    } else if (e.type == ET::WorkerAdded || e.type == ET::WorkerUpdated) {
        QJsonObject card = workers.value(text("badge"));
        for (auto it = p.begin(); it != p.end(); ++it)
            card.insert(it.key(), it.value());
        if (e.type == ET::WorkerAdded)
            card.insert(QStringLiteral("active"), p.value(QStringLiteral("active")).toBool(true));
        card.insert(QStringLiteral("changed_by"), e.worker);
        card.insert(QStringLiteral("changed_at"), isoMs(ms));
        workers.insert(text("badge"), card);
    }
}

QJsonObject Ledger::workshop() const
{
    return d->workshop;
}

QJsonArray Ledger::workers() const
{
    QJsonArray out;
    for (const QJsonObject &w : d->workers)
        out.append(w);
    return out;
}

namespace {

struct Window {
    qint64 fromMs, toMs; ///< [fromMs, toMs)
    bool has(qint64 ms) const { return ms >= fromMs && ms < toMs; }
};

Window windowOf(QDate from, QDate to)
{
    return {QDateTime(from, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch(),
            QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
}

QString donorKey(const QString &donor)
{
    return donor.isEmpty() ? QStringLiteral("(none)") : donor;
}

} // namespace

BilanSums Ledger::Private::bilanSums(QDate from, QDate to) const
{
    const Window w = windowOf(from, to);
    BilanSums s;
    for (const Dated &r : received) {
        if (!w.has(r.ms))
            continue;
        const AssetRec &a = assets[r.key];
        ++s.receivedByKind[a.kind];
        if (a.kind == QLatin1String("pc"))
            ++s.pcsByLot[a.lot];
    }
    QSet<QString> refurbished, handedOverTags;
    for (const Move &m : moves) {
        if (!w.has(m.ms))
            continue;
        const QString kind = assets[m.tag].kind;
        if (m.to == QLatin1String("READY") && kind == QLatin1String("pc"))
            refurbished.insert(m.tag);
        if (m.to == QLatin1String("HANDED_OVER"))
            handedOverTags.insert(m.tag);
    }
    s.refurbished = refurbished.size();
    for (const Hs &h : hs) {
        if (!w.has(h.ms))
            continue;
        ++s.hsByPart[h.part];
        ++s.hsReasons[h.part][h.reason];
    }
    for (const Handover &h : handovers)
        if (w.has(h.ms))
            ++s.handovers[groupOf(beneficiaryKind.value(h.beneficiary, QStringLiteral("family")))][h.offer];
    for (qsizetype i = 0; i < returns.size(); ++i)
        if (w.has(returns[i].ms)) {
            ++s.returns;
            ++s.returnReasons[returnsReason.value(i)];
        }
    const auto distinct = [&w](const QList<Dated> &list) {
        QSet<QString> set;
        for (const Dated &x : list)
            if (w.has(x.ms))
                set.insert(x.key);
        return qint64(set.size());
    };
    s.grantsRequested = distinct(grantsRequested);
    s.grantsPaid = distinct(grantsPaid);
    for (const Dated &x : paidEurDated)
        if (w.has(x.ms))
            s.eur += x.key.toDouble();
    s.enrolled = distinct(enrolled);
    s.completed = trainingCompleted(w.fromMs, w.toMs);
    for (const QString &tag : std::as_const(handedOverTags)) {
        const AssetRec &a = assets[tag];
        KindWeight &k = s.reuse[a.kind];
        ++k.assets;
        if (a.weightKg > 0) {
            ++k.weighed;
            k.weighedKg += a.weightKg;
        } else {
            ++k.defaulted;
        }
    }
    return s;
}

qint64 Ledger::Private::trainingCompleted(qint64 fromMs, qint64 toMs) const
{
    qint64 completed = 0;
    for (auto it = attended.cbegin(); it != attended.cend(); ++it) {
        if (it->size() < 6)
            continue;
        qint64 last = 0;
        for (qint64 t : *it)
            last = std::max(last, t);
        completed += last >= fromMs && last < toMs ? 1 : 0;
    }
    return completed;
}

QString groupOf(const QString &beneficiaryKind)
{
    return beneficiaryKind == QLatin1String("teacher")    ? QStringLiteral("teachers")
        : beneficiaryKind == QLatin1String("association") ? QStringLiteral("associations")
                                                          : QStringLiteral("families");
}

QJsonObject Ledger::bilan(QDate from, QDate to) const
{
    return d->bilanJson(from, to, d->bilanSums(from, to));
}

QJsonObject Ledger::Private::bilanJson(QDate from, QDate to, const BilanSums &s) const
{
    QJsonObject out;
    out.insert(QStringLiteral("period"),
               QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                           {QStringLiteral("to"), to.toString(Qt::ISODate)}});
    out.insert(QStringLiteral("city_name"), workshop.value(QStringLiteral("city_name")).toString());

    QHash<QString, qint64> byDonor, byLot;
    for (auto it = s.pcsByLot.cbegin(); it != s.pcsByLot.cend(); ++it) {
        if (it.value() == 0)
            continue;
        byDonor[donorKey(lotDonor.value(it.key()))] += it.value();
        byLot[it.key().isEmpty() ? QStringLiteral("(none)") : it.key()] += it.value();
    }
    out.insert(QStringLiteral("pcs_received_by_donor"), countsOf(byDonor));
    out.insert(QStringLiteral("pcs_received_by_lot"), countsOf(byLot));
    qint64 pcsReceived = 0;
    for (qint64 n : std::as_const(byDonor))
        pcsReceived += n;
    out.insert(QStringLiteral("pcs_received"), pcsReceived);
    out.insert(QStringLiteral("received_by_kind"), countsOf(s.receivedByKind));
    out.insert(QStringLiteral("pcs_refurbished"), s.refurbished);

    QJsonObject hs = countsOf(s.hsByPart);
    for (const char *part : {"screen", "keyboard", "mouse"})
        if (!hs.contains(QLatin1String(part)))
            hs.insert(QLatin1String(part), 0);
    out.insert(QStringLiteral("hs"), hs);
    QJsonObject hsReasons;
    for (auto it = s.hsReasons.cbegin(); it != s.hsReasons.cend(); ++it)
        if (QJsonObject o = countsOf(it.value()); !o.isEmpty())
            hsReasons.insert(it.key(), o);
    out.insert(QStringLiteral("hs_reasons"), hsReasons);

    QHash<QString, qint64> byKind{
        {QStringLiteral("families"), 0}, {QStringLiteral("teachers"), 0}, {QStringLiteral("associations"), 0}};
    QHash<QString, qint64> byOffer{
        {QStringLiteral("pc_only"), 0}, {QStringLiteral("software"), 0}, {QStringLiteral("internet"), 0}};
    QHash<QString, qint64> familiesByOffer = byOffer;
    for (auto g = s.handovers.cbegin(); g != s.handovers.cend(); ++g)
        for (auto o = g->cbegin(); o != g->cend(); ++o) {
            if (o.value() == 0)
                continue;
            byKind[g.key()] += o.value();
            const QString offer = o.key().isEmpty() ? QStringLiteral("pc_only") : o.key();
            byOffer[offer] += o.value();
            if (g.key() == QLatin1String("families"))
                familiesByOffer[offer] += o.value();
        }
    out.insert(QStringLiteral("handed_over"), countsOf(byKind));
    out.insert(QStringLiteral("handed_over_by_offer"), countsOf(byOffer));
    out.insert(QStringLiteral("families_by_offer"), countsOf(familiesByOffer));
    qint64 kits = 0;
    for (qint64 n : std::as_const(byKind))
        kits += n;
    out.insert(QStringLiteral("kits_handed_over"), kits);

    out.insert(QStringLiteral("returns"), s.returns);
    out.insert(QStringLiteral("returns_by_reason"), countsOf(s.returnReasons));
    out.insert(QStringLiteral("grants_requested"), s.grantsRequested);
    out.insert(QStringLiteral("grants_paid"), s.grantsPaid);
    out.insert(QStringLiteral("grants_paid_eur"), round1(s.eur));
    out.insert(QStringLiteral("training_enrolled"), s.enrolled);
    out.insert(QStringLiteral("training_completed"), s.completed);

    // Re-use: what was handed over in the period (each asset once), by its intake weight,
    // else the workshop's default for its kind, else the built-in one.
    const QJsonObject configured = workshop.value(QStringLiteral("reuse_kg")).toObject();
    const QJsonObject builtIn = builtInReuseKg();
    double total = 0;
    QJsonObject detail;
    for (auto it = s.reuse.cbegin(); it != s.reuse.cend(); ++it) {
        if (it->assets == 0)
            continue;
        const bool fromWorkshop = configured.contains(it.key());
        const double perAsset
            = fromWorkshop ? configured.value(it.key()).toDouble() : builtIn.value(it.key()).toDouble();
        const double kg = it->weighedKg + perAsset * double(it->defaulted);
        total += kg;
        detail.insert(
            it.key(),
            QJsonObject{{QStringLiteral("assets"), it->assets},
                        {QStringLiteral("weighed"), it->weighed},
                        {QStringLiteral("weighed_kg"), round1(it->weighedKg)},
                        {QStringLiteral("defaulted"), it->defaulted},
                        {QStringLiteral("default_kg"), perAsset},
                        {QStringLiteral("default_origin"),
                         fromWorkshop ? QStringLiteral("workshop") : QStringLiteral("built_in")},
                        {QStringLiteral("default_set_by"), fromWorkshop ? reuseSetBy : QString()},
                        {QStringLiteral("default_set_on"), fromWorkshop ? reuseSetOn : QString()},
                        {QStringLiteral("default_source"),
                         fromWorkshop ? QStringLiteral("workshop settings (%1, %2)").arg(reuseSetBy, reuseSetOn)
                                      : QStringLiteral("built-in estimate (Établi)")},
                        {QStringLiteral("kg"), round1(kg)}});
    }
    out.insert(QStringLiteral("reuse_kg"), round1(total));
    out.insert(QStringLiteral("reuse_detail"), detail);
    return out;
}

FigureSums Ledger::Private::figureSums(QDate from, QDate to, const QString &lot) const
{
    const Window w = windowOf(from, to);
    const auto inLot = [this, &lot](const QString &tag) { return lot.isEmpty() || assets.value(tag).lot == lot; };
    FigureSums s;
    for (auto it = assets.cbegin(); it != assets.cend(); ++it) {
        if (!lot.isEmpty() && it->lot != lot)
            continue;
        ++s.states[it->state];
        if (it->kind == QLatin1String("pc") && !it->verifiedErasure
            && QStringList{QStringLiteral("RECEIVED"), QStringLiteral("TESTING"), QStringLiteral("IN_REPAIR"),
                           QStringLiteral("RETURNED")}
                   .contains(it->state))
            ++s.pending;
    }
    for (const Move &m : moves) {
        if (!w.has(m.ms) || m.to != QLatin1String("READY") || !inLot(m.tag))
            continue;
        const AssetRec &a = assets[m.tag];
        if (a.kind != QLatin1String("pc"))
            continue;
        ++s.readyPerDay[dayOf(m.ms)];
        ++s.byStation[m.station];
        ++s.byWorker[m.worker];
        for (auto [map, key] : {std::pair{&s.yieldByLot, a.lot}, std::pair{&s.yieldByModel, a.model}}) {
            Yield &y = (*map)[key];
            ++y.ready;
            y.firstPass += m.firstPass ? 1 : 0;
        }
    }
    for (const Hs &h : hs)
        if (w.has(h.ms) && inLot(h.tag)) {
            ++s.hsByPart[h.part];
            ++s.hsReasons[h.part][h.reason];
        }
    for (const Erasure &e : erasures) {
        if (!w.has(e.ms) || !inLot(e.tag))
            continue;
        ++s.erasuresDone;
        s.erasuresVerified += e.verified ? 1 : 0;
        if (e.verified)
            (checkedCertificates.contains(e.certificate) && !e.certificate.isEmpty() ? s.checked : s.toCheck) += 1;
    }
    QList<double> speeds;
    for (const Imaging &i : imaging) {
        if (!w.has(i.ms) || !inLot(i.tag))
            continue;
        ++s.runs;
        s.runsVerified += i.verified ? 1 : 0;
        s.bytes += i.bytes;
        if (i.mibs > 0)
            speeds << i.mibs;
        ++s.imagingPerDay[dayOf(i.ms)];
    }
    s.mibMedian = median(speeds);
    const auto durations = [&](const QList<Duration> &list) {
        QMap<QString, QList<double>> values;
        QMap<QString, DurationSum> out;
        for (const Duration &x : list) {
            if (!w.has(x.ms) || !inLot(x.tag))
                continue;
            values[x.what] << x.seconds;
            DurationSum &d = out[x.what];
            if (d.count++ == 0 || d.slowest < x.seconds) {
                d.slowest = x.seconds;
                d.slowestTag = x.tag;
            }
        }
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            out[it.key()].median = median(*it);
        return out;
    };
    s.steps = durations(steps);
    s.stateTimes = durations(stateTimes);
    return s;
}

QJsonObject Ledger::figures(QDate from, QDate to, const QString &lot) const
{
    return d->figuresJson(from, to, lot, d->figureSums(from, to, lot));
}

QJsonObject Ledger::Private::figuresJson(QDate from, QDate to, const QString &lot, const FigureSums &s) const
{
    QJsonObject out;
    out.insert(QStringLiteral("period"),
               QJsonObject{{QStringLiteral("from"), from.toString(Qt::ISODate)},
                           {QStringLiteral("to"), to.toString(Qt::ISODate)},
                           {QStringLiteral("lot"), lot}});
    out.insert(QStringLiteral("state_counts"), countsOf(s.states));

    QHash<QString, qint64> perDay, perWeek, perMonth;
    qint64 total = 0;
    for (auto it = s.readyPerDay.cbegin(); it != s.readyPerDay.cend(); ++it) {
        if (it.value() == 0)
            continue;
        total += it.value();
        perDay[it.key().toString(Qt::ISODate)] += it.value();
        perWeek[weekKey(it.key())] += it.value();
        perMonth[it.key().toString(QStringLiteral("yyyy-MM"))] += it.value();
    }
    out.insert(QStringLiteral("refurbished"),
               QJsonObject{{QStringLiteral("total"), total},
                           {QStringLiteral("per_day"), countsOf(perDay)},
                           {QStringLiteral("per_week"), countsOf(perWeek)},
                           {QStringLiteral("per_month"), countsOf(perMonth)},
                           {QStringLiteral("by_station"), countsOf(s.byStation)},
                           {QStringLiteral("by_worker"), countsOf(s.byWorker)}});
    QMap<QString, Yield> byLot, byDonor, byModel;
    for (auto it = s.yieldByLot.cbegin(); it != s.yieldByLot.cend(); ++it) {
        if (it->ready == 0)
            continue;
        byLot[it.key()] = *it;
        Yield &y = byDonor[donorKey(lotDonor.value(it.key()))];
        y.ready += it->ready;
        y.firstPass += it->firstPass;
    }
    for (auto it = s.yieldByModel.cbegin(); it != s.yieldByModel.cend(); ++it)
        if (it->ready != 0)
            byModel[it.key()] = *it;
    const auto yields = [](const QMap<QString, Yield> &m) {
        QJsonObject o;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            o.insert(it.key(),
                     QJsonObject{
                         {QStringLiteral("ready"), it->ready},
                         {QStringLiteral("first_pass"), it->firstPass},
                         {QStringLiteral("rate"),
                          it->ready ? std::round(1000.0 * double(it->firstPass) / double(it->ready)) / 1000.0 : 0.0}});
        return o;
    };
    out.insert(QStringLiteral("first_pass_yield"),
               QJsonObject{{QStringLiteral("by_lot"), yields(byLot)},
                           {QStringLiteral("by_donor"), yields(byDonor)},
                           {QStringLiteral("by_model"), yields(byModel)}});

    QJsonObject reasonObject;
    for (auto it = s.hsReasons.cbegin(); it != s.hsReasons.cend(); ++it)
        if (QJsonObject o = countsOf(it.value()); !o.isEmpty())
            reasonObject.insert(it.key(), o);
    out.insert(
        QStringLiteral("hs"),
        QJsonObject{{QStringLiteral("by_part"), countsOf(s.hsByPart)}, {QStringLiteral("reasons"), reasonObject}});
    out.insert(QStringLiteral("erasures"),
               QJsonObject{{QStringLiteral("done"), s.erasuresDone},
                           {QStringLiteral("verified"), s.erasuresVerified},
                           {QStringLiteral("checked"), s.checked},
                           {QStringLiteral("waiting_check"), s.toCheck},
                           {QStringLiteral("pending"), s.pending}});
    QHash<QString, qint64> imagingPerDay;
    for (auto it = s.imagingPerDay.cbegin(); it != s.imagingPerDay.cend(); ++it)
        if (it.value() != 0)
            imagingPerDay[it.key().toString(Qt::ISODate)] += it.value();
    out.insert(QStringLiteral("imaging"),
               QJsonObject{{QStringLiteral("runs"), s.runs},
                           {QStringLiteral("verified"), s.runsVerified},
                           {QStringLiteral("bytes"), s.bytes},
                           {QStringLiteral("mib_s_median"), round1(s.mibMedian)},
                           {QStringLiteral("per_day"), countsOf(imagingPerDay)}});
    const auto durations = [](const QMap<QString, DurationSum> &m) {
        QJsonObject o;
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            if (it->count > 0)
                o.insert(it.key(),
                         QJsonObject{{QStringLiteral("count"), it->count},
                                     {QStringLiteral("median_s"), round1(it->median)},
                                     {QStringLiteral("slowest_s"), round1(it->slowest)},
                                     {QStringLiteral("slowest_tag"), it->slowestTag}});
        return o;
    };
    out.insert(QStringLiteral("step_times"), durations(s.steps));
    out.insert(QStringLiteral("state_times"), durations(s.stateTimes));
    return out;
}

QJsonArray Ledger::attention(const QDateTime &now, const SyncFacts &facts) const
{
    return attentionPage(now, facts, {}).value(QStringLiteral("attention")).toArray();
}

namespace {

/// The attention rules over the folded state: every row counted (in `by_kind`, and in
/// `count` when of `page.kind`), only the page's rows given to `emit(kind, linkType, id,
/// sinceMs, detail)`. Returns the answer's other keys (Ledger::attentionPage()).
template<class Emit>
QJsonObject walkAttention(const Ledger::Private &state, const QDateTime &now, const SyncFacts &facts,
                          const AttentionQuery &page, const Emit &emit)
{
    const Ledger::Private *d = &state;
    const qint64 nowMs = now.toMSecsSinceEpoch();
    QMap<QString, qint64> byKind;
    qsizetype matching = 0;
    const qsizetype first = std::max<qsizetype>(0, page.offset);
    const qsizetype end = page.limit < 0 ? std::numeric_limits<qsizetype>::max() : first + page.limit;
    const auto row
        = [&](const QString &kind, const QString &linkType, const QString &id, qint64 sinceMs, const QString &detail) {
              ++byKind[kind];
              if (!page.kind.isEmpty() && kind != page.kind)
                  return;
              const qsizetype at = matching++;
              if (at >= first && at < end)
                  emit(kind, linkType, id, sinceMs, detail);
          };
    const QMap<QString, double> limits = Report::limits(d->workshop);
    static const QStringList unerased{QStringLiteral("IMAGED"), QStringLiteral("READY"), QStringLiteral("RESERVED"),
                                      QStringLiteral("HANDED_OVER")};

    // In tag order; the serials in a list sorted afterwards (a hash of lists was most of
    // the time at 17,000 assets, nearly every serial being alone).
    std::vector<std::pair<const QString *, const QString *>> serialTags; // serial, tag
    std::vector<std::pair<const QString *, const AssetRec *>> assets;
    assets.reserve(size_t(d->assets.size()));
    for (auto it = d->assets.cbegin(); it != d->assets.cend(); ++it)
        assets.emplace_back(&it.key(), &it.value());
    std::sort(assets.begin(), assets.end(), [](const auto &x, const auto &y) { return *x.first < *y.first; });
    for (const auto &[key, rec] : assets) {
        const AssetRec &a = *rec;
        const QString &tag = *key;
        if (!a.serial.isEmpty() && a.kind != QLatin1String("part"))
            serialTags.emplace_back(&a.serial, key);
        if (const auto limit = limits.constFind(a.state); limit != limits.cend()) {
            const double days = *limit;
            if (days > 0 && double(nowMs - a.stateSinceMs) > days * double(kDayMs))
                row(QStringLiteral("stuck"), QStringLiteral("asset"), tag, a.stateSinceMs,
                    QStringLiteral("%1 > %2 d").arg(a.state).arg(days));
        }
        if (a.kind == QLatin1String("pc") && !a.verifiedErasure && unerased.contains(a.state))
            row(QStringLiteral("no_verified_erasure"), QStringLiteral("asset"), tag, a.stateSinceMs, a.state);
        if (a.state == QLatin1String("READY") && a.diskTestFailed)
            row(QStringLiteral("ready_but_disk_failed"), QStringLiteral("asset"), tag, a.stateSinceMs, a.state);
        if (a.state == QLatin1String("READY") && !a.labelPrinted)
            row(QStringLiteral("label_not_printed"), QStringLiteral("asset"), tag, a.stateSinceMs, a.state);
        if (a.state == QLatin1String("RETURNED"))
            row(QStringLiteral("return_waiting"), QStringLiteral("asset"), tag, a.stateSinceMs, a.state);
    }
    for (const Erasure &e : d->erasures)
        if (e.verified && (e.certificate.isEmpty() || !d->checkedCertificates.contains(e.certificate)))
            row(QStringLiteral("erasure_unchecked"), QStringLiteral("asset"), e.tag, e.ms,
                e.certificate.isEmpty() ? e.worker : e.certificate);
    // By serial, each serial's tags in tag order (a stable sort of the list made in tag order).
    std::stable_sort(serialTags.begin(), serialTags.end(),
                     [](const auto &x, const auto &y) { return *x.first < *y.first; });
    for (size_t i = 0; i < serialTags.size();) {
        size_t j = i + 1;
        while (j < serialTags.size() && *serialTags[j].first == *serialTags[i].first)
            ++j;
        if (j - i > 1) {
            for (size_t k = i; k < j; ++k)
                row(QStringLiteral("duplicate_serial"), QStringLiteral("asset"), *serialTags[k].second, 0,
                    *serialTags[i].first);
        }
        i = j;
    }
    // A station is late when the server last heard from it more than a day ago; without
    // a server (a station's own store), when its oldest unsent event is a day old.
    QStringList stations = facts.lastReceived.keys();
    std::sort(stations.begin(), stations.end());
    for (const QString &station : std::as_const(stations)) {
        const qint64 last = facts.lastReceived.value(station).toMSecsSinceEpoch();
        if (nowMs - last > kDayMs)
            row(QStringLiteral("station_not_synced"), QStringLiteral("station"), station, last, QString());
    }
    QList<Event> aside = d->setAside;
    aside += facts.setAside;
    for (const Event &e : std::as_const(aside))
        row(QStringLiteral("set_aside"), e.assetTag.isEmpty() ? QStringLiteral("station") : QStringLiteral("asset"),
            e.assetTag.isEmpty() ? e.station : e.assetTag, e.time.toMSecsSinceEpoch(),
            e.type + QStringLiteral(": ") + e.note);
    for (const auto &[tag, ms] : d->handedTwice)
        row(QStringLiteral("handed_over_twice"), QStringLiteral("asset"), tag, ms, QString());
    QJsonObject kinds;
    for (auto it = byKind.cbegin(); it != byKind.cend(); ++it)
        kinds.insert(it.key(), it.value());
    QJsonObject result{{QStringLiteral("count"), matching}, {QStringLiteral("by_kind"), kinds}};
    if (page.limit >= 0 || first > 0) {
        result.insert(QStringLiteral("offset"), first);
        result.insert(QStringLiteral("limit"), page.limit < 0 ? QJsonValue() : QJsonValue(page.limit));
        result.insert(QStringLiteral("next"), end < matching ? QJsonValue(end) : QJsonValue());
    }
    if (!page.kind.isEmpty())
        result.insert(QStringLiteral("kind"), page.kind);
    return result;
}

} // namespace

QJsonObject Ledger::attentionPage(const QDateTime &now, const SyncFacts &facts, const AttentionQuery &page) const
{
    QJsonArray out;
    QJsonObject result = walkAttention(
        *d, now, facts, page,
        [&out](const QString &kind, const QString &linkType, const QString &id, qint64 sinceMs, const QString &detail) {
            out.append(QJsonObject{
                {QStringLiteral("kind"), kind},
                {QStringLiteral("link"), QJsonObject{{QStringLiteral("type"), linkType}, {QStringLiteral("id"), id}}},
                {QStringLiteral("since"), sinceMs > 0 ? QJsonValue(isoMs(sinceMs)) : QJsonValue()},
                {QStringLiteral("detail"), detail}});
        });
    result.insert(QStringLiteral("attention"), out);
    return result;
}

QByteArray Ledger::attentionPageJson(const QDateTime &now, const SyncFacts &facts, const AttentionQuery &page) const
{
    // The rows written as text: at 1 M assets the whole list is 17,000 rows, and making
    // them QJsonObjects and then text was half the time of the answer.
    QByteArray rows = QByteArrayLiteral("{\"attention\":[");
    bool firstRow = true;
    const QJsonObject rest = walkAttention(
        *d, now, facts, page,
        [&](const QString &kind, const QString &linkType, const QString &id, qint64 sinceMs, const QString &detail) {
            rows += firstRow ? "{\"detail\":" : ",{\"detail\":";
            firstRow = false;
            appendJsonString(rows, detail);
            rows += ",\"kind\":";
            appendJsonString(rows, kind);
            rows += ",\"link\":{\"id\":";
            appendJsonString(rows, id);
            rows += ",\"type\":";
            appendJsonString(rows, linkType);
            rows += "},\"since\":";
            if (sinceMs > 0)
                appendJsonString(rows, isoMs(sinceMs));
            else
                rows += "null";
            rows += '}';
        });
    rows += "],";
    // The other keys as Qt writes them, after the rows: "{…}" without its opening brace.
    rows += QJsonDocument(rest).toJson(QJsonDocument::Compact).mid(1);
    return rows;
}

Result<AttentionQuery> attentionQuery(const std::optional<QString> &kind, const std::optional<QString> &offset,
                                      const std::optional<QString> &limit)
{
    AttentionQuery page;
    const auto bad = [](const QString &message) {
        return makeError(ErrorCode::InvalidArgument, message, QStringLiteral("bad_parameter"));
    };
    if (kind) {
        page.kind = *kind;
        if (!attentionKinds().contains(page.kind))
            return bad(QCoreApplication::translate("Etabli::Inventory::Report::Ledger", "«kind» must be one of %1")
                           .arg(attentionKinds().join(QStringLiteral(", "))));
    }
    const std::tuple<const char *, const std::optional<QString> &, qsizetype *, qsizetype, qsizetype> numbers[] = {
        {"offset", offset, &page.offset, 0, qsizetype(1) << 40}, {"limit", limit, &page.limit, 1, kMaxAttentionRows}};
    for (const auto &[key, text, value, least, most] : numbers) {
        if (!text)
            continue;
        bool ok = false;
        const qlonglong n = text->toLongLong(&ok);
        if (!ok || n < least || n > most)
            return bad(QCoreApplication::translate("Etabli::Inventory::Report::Ledger",
                                                   "«%1» must be a whole number from %2 to %3")
                           .arg(QLatin1String(key))
                           .arg(least)
                           .arg(most));
        *value = n;
    }
    return page;
}

QStringList attentionKinds()
{
    return {QStringLiteral("stuck"),
            QStringLiteral("no_verified_erasure"),
            QStringLiteral("ready_but_disk_failed"),
            QStringLiteral("label_not_printed"),
            QStringLiteral("return_waiting"),
            QStringLiteral("erasure_unchecked"),
            QStringLiteral("duplicate_serial"),
            QStringLiteral("station_not_synced"),
            QStringLiteral("set_aside"),
            QStringLiteral("handed_over_twice")};
}

Result<void> readLog(const QSqlDatabase &db, Ledger &ledger, const QDateTime &until)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT seq, uuid, station, worker, time_ms, type, asset_tag, payload, status, note"
                                 " FROM events");
    if (until.isValid())
        sql += QStringLiteral(" WHERE time_ms < %1").arg(until.toMSecsSinceEpoch());
    sql += QStringLiteral(" ORDER BY seq");
    if (!q.exec(sql))
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("Etabli::Inventory::Report::Ledger", "cannot read the event log: %1")
                .arg(q.lastError().text()));
    while (q.next()) {
        Event e;
        e.seq = q.value(0).toLongLong();
        e.uuid = q.value(1).toString();
        e.station = q.value(2).toString();
        e.worker = q.value(3).toString();
        e.time = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        e.type = q.value(5).toString();
        e.assetTag = q.value(6).toString();
        e.payload = QJsonDocument::fromJson(q.value(7).toString().toUtf8()).object();
        e.status = q.value(8).toString();
        e.note = q.value(9).toString();
        ledger.add(e);
    }
    return {};
}

QString bilanCsv(const QJsonObject &bilan)
{
    QString csv = Csv::record({QStringLiteral("section"), QStringLiteral("key"), QStringLiteral("value")});
    const QJsonObject period = bilan.value(QStringLiteral("period")).toObject();
    csv += Csv::record(
        {QStringLiteral("period"), QStringLiteral("from"), period.value(QStringLiteral("from")).toString()});
    csv += Csv::record({QStringLiteral("period"), QStringLiteral("to"), period.value(QStringLiteral("to")).toString()});
    const QStringList order{QStringLiteral("pcs_received_by_donor"),
                            QStringLiteral("pcs_received_by_lot"),
                            QStringLiteral("pcs_received"),
                            QStringLiteral("pcs_refurbished"),
                            QStringLiteral("hs"),
                            QStringLiteral("handed_over"),
                            QStringLiteral("families_by_offer"),
                            QStringLiteral("handed_over_by_offer"),
                            QStringLiteral("kits_handed_over"),
                            QStringLiteral("returns"),
                            QStringLiteral("grants_requested"),
                            QStringLiteral("grants_paid"),
                            QStringLiteral("grants_paid_eur"),
                            QStringLiteral("training_enrolled"),
                            QStringLiteral("training_completed"),
                            QStringLiteral("reuse_kg")};
    const auto number = [](const QJsonValue &v) {
        const double x = v.toDouble();
        return x == std::floor(x) ? QString::number(qint64(x)) : QString::number(x, 'f', 1);
    };
    for (const QString &key : order) {
        const QJsonValue v = bilan.value(key);
        if (v.isObject()) {
            const QJsonObject o = v.toObject();
            for (auto it = o.begin(); it != o.end(); ++it)
                csv += Csv::record({key, it.key(), number(it.value())});
        } else {
            csv += Csv::record({key, QString(), number(v)});
        }
    }
    const QJsonObject detail = bilan.value(QStringLiteral("reuse_detail")).toObject();
    for (auto it = detail.begin(); it != detail.end(); ++it) {
        const QJsonObject k = it.value().toObject();
        csv += Csv::record(
            {QStringLiteral("reuse_default_kg"), it.key(), number(k.value(QStringLiteral("default_kg")))});
        csv += Csv::record(
            {QStringLiteral("reuse_default_source"), it.key(), k.value(QStringLiteral("default_source")).toString()});
    }
    return csv;
}

Result<QDate> parseDate(const QString &text, const char *what)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!shape.match(text).hasMatch() || !date.isValid())
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("Etabli::Inventory::Report::Ledger", "%1 must be a date YYYY-MM-DD (got «%2»)")
                .arg(QLatin1String(what), text),
            QStringLiteral("bad_date"));
    return date;
}

} // namespace Etabli::Inventory::Report
