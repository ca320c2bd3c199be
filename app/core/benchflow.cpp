// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/benchflow.h"

#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/lifecycle.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace Etabli::AppCore {

using namespace Inventory;

namespace {

struct StepName {
    BenchStep step;
    const char *name;
};

constexpr StepName kSteps[] = {
    {BenchStep::Identify, "identify"},
    {BenchStep::Ram, "ram"},
    {BenchStep::Disk, "disk"},
    {BenchStep::Screen, "screen"},
    {BenchStep::Audio, "audio"},
    {BenchStep::Input, "input"},
    {BenchStep::Hs, "hs"},
    {BenchStep::Parts, "parts"},
    {BenchStep::Cleaning, "cleaning"},
    {BenchStep::EraseImage, "erase_image"},
    {BenchStep::Label, "label"},
    {BenchStep::Packing, "packing"},
    {BenchStep::Done, "done"},
};

constexpr const char *kStatuses[] = {"pending", "started", "done", "skipped", "failed"};

bool isFinishedStatus(StepStatus s)
{
    return s == StepStatus::Done || s == StepStatus::Skipped || s == StepStatus::Failed;
}

bool outcomeMatches(const StepOutcome &o, const Event &e)
{
    if (o.type.isEmpty() || e.type != o.type || e.status != QLatin1String("applied"))
        return false;
    if (o.type == EventType::ImagingRecorded)
        return e.payload.value(QStringLiteral("verified")).toBool();
    if (o.testKinds.isEmpty())
        return true;
    return o.testKinds.contains(e.payload.value(QStringLiteral("kind")).toString());
}

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::BenchFlow", text);
}

} // namespace

QString toString(BenchStep step)
{
    for (const StepName &s : kSteps)
        if (s.step == step)
            return QString::fromLatin1(s.name);
    return {};
}

std::optional<BenchStep> benchStepFromString(const QString &name)
{
    for (const StepName &s : kSteps)
        if (name == QLatin1String(s.name))
            return s.step;
    return std::nullopt;
}

QString toString(StepStatus status)
{
    return QString::fromLatin1(kStatuses[int(status)]);
}

std::optional<StepStatus> stepStatusFromString(const QString &name)
{
    for (int i = 0; i < int(std::size(kStatuses)); ++i)
        if (name == QLatin1String(kStatuses[i]))
            return StepStatus(i);
    return std::nullopt;
}

QList<BenchStep> allBenchSteps()
{
    QList<BenchStep> out;
    for (const StepName &s : kSteps)
        out << s.step;
    return out;
}

QList<BenchStep> defaultBenchSteps()
{
    return allBenchSteps();
}

QList<BenchStep> stepsFromConfiguration(const QList<Event> &settingsEvents)
{
    for (auto it = settingsEvents.crbegin(); it != settingsEvents.crend(); ++it) {
        if (it->type != EventType::WorkshopConfigured || !it->payload.contains(QStringLiteral("bench_steps")))
            continue;
        QList<BenchStep> out;
        for (const QJsonValue &v : it->payload.value(QStringLiteral("bench_steps")).toArray()) {
            const auto step = benchStepFromString(v.toString());
            if (step && *step != BenchStep::Done && !out.contains(*step))
                out << *step;
        }
        if (out.isEmpty())
            return defaultBenchSteps();
        out << BenchStep::Done;
        return out;
    }
    return defaultBenchSteps();
}

bool stepApplies(BenchStep step, AssetKind kind)
{
    const QStringList required = requiredTests(kind);
    const bool pc = kind == AssetKind::Pc;
    switch (step) {
    case BenchStep::Identify:
    case BenchStep::Parts:
        return pc;
    case BenchStep::Ram:
        return required.contains(QStringLiteral("ram"));
    case BenchStep::Disk:
        return required.contains(QStringLiteral("disk"));
    // A PC is tested with its own screen, sound and input devices; a peripheral by its kind.
    case BenchStep::Screen:
        return pc || required.contains(QStringLiteral("screen"));
    case BenchStep::Audio:
        return pc || required.contains(QStringLiteral("audio"));
    case BenchStep::Input:
        return pc || required.contains(QStringLiteral("keyboard")) || required.contains(QStringLiteral("mouse"));
    case BenchStep::EraseImage:
        return needsImage(kind);
    case BenchStep::Hs:
    case BenchStep::Cleaning:
    case BenchStep::Label:
    case BenchStep::Packing:
    case BenchStep::Done:
        return true;
    }
    return false;
}

StepOutcome stepOutcome(BenchStep step)
{
    const QString test = QString(EventType::TestRecorded);
    switch (step) {
    case BenchStep::Identify:
        return {QString(EventType::AssetUpdated), {}};
    case BenchStep::Ram:
        return {test, {QStringLiteral("ram")}};
    case BenchStep::Disk:
        return {test, {QStringLiteral("disk")}};
    case BenchStep::Screen:
        return {test, {QStringLiteral("screen")}};
    case BenchStep::Audio:
        return {test, {QStringLiteral("audio")}};
    case BenchStep::Input:
        return {test, {QStringLiteral("keyboard"), QStringLiteral("mouse")}};
    case BenchStep::EraseImage:
        return {QString(EventType::ImagingRecorded), {}};
    case BenchStep::Label:
        return {QString(EventType::LabelPrinted), {}};
    default:
        return {};
    }
}

std::optional<BenchStep> FlowPosition::currentStep() const
{
    if (finished())
        return std::nullopt;
    return steps.at(current).step;
}

FlowPosition flowPosition(const QString &tag, AssetKind kind, AssetState state, const QList<BenchStep> &order,
                          const QList<Event> &assetEvents)
{
    FlowPosition pos;
    pos.tag = tag;
    pos.kind = kind;
    pos.state = state;
    for (BenchStep s : order)
        if (stepApplies(s, kind))
            pos.steps.append(FlowStepState{s, StepStatus::Pending, {}, 0, false});

    // The current cycle: after the latest move to RETURNED.
    qsizetype first = 0;
    for (qsizetype i = assetEvents.size() - 1; i >= 0; --i) {
        const Event &e = assetEvents.at(i);
        if (e.type == EventType::AssetMoved
            && e.payload.value(QStringLiteral("to")).toString() == QLatin1String("RETURNED")) {
            first = i + 1;
            break;
        }
    }
    for (qsizetype i = first; i < assetEvents.size(); ++i) {
        const Event &e = assetEvents.at(i);
        if (e.status != QLatin1String("applied"))
            continue;
        if (e.type == EventType::FlowStep) {
            const auto step = benchStepFromString(e.payload.value(QStringLiteral("step")).toString());
            const auto status = stepStatusFromString(e.payload.value(QStringLiteral("status")).toString());
            if (!step || !status)
                continue;
            for (FlowStepState &s : pos.steps)
                if (s.step == *step) {
                    s.status = *status;
                    s.data = e.payload.value(QStringLiteral("data")).toObject();
                    s.statusSeq = e.seq;
                    s.outcomeRecorded = false;
                }
            continue;
        }
        for (FlowStepState &s : pos.steps)
            if (s.status == StepStatus::Started && outcomeMatches(stepOutcome(s.step), e))
                s.outcomeRecorded = true;
    }
    pos.current = pos.total();
    for (int i = 0; i < pos.total(); ++i)
        if (!isFinishedStatus(pos.steps.at(i).status)) {
            pos.current = i;
            break;
        }
    return pos;
}

MinSpecVerdict minSpecVerdict(const Asset &asset, const QJsonObject &minSpec)
{
    MinSpecVerdict v;
    for (const Component &c : asset.components) {
        if (c.kind == QLatin1String("ram"))
            v.ramBytes += c.sizeBytes;
        else if (c.kind == QLatin1String("disk"))
            v.diskBytes += c.sizeBytes;
    }
    const double gb = 1e9;
    if (minSpec.contains(QStringLiteral("ram_gb"))
        && v.ramBytes < minSpec.value(QStringLiteral("ram_gb")).toDouble() * gb)
        v.missing << QStringLiteral("ram");
    if (minSpec.contains(QStringLiteral("disk_gb"))
        && v.diskBytes < minSpec.value(QStringLiteral("disk_gb")).toDouble() * gb)
        v.missing << QStringLiteral("disk");
    v.met = v.missing.isEmpty();
    return v;
}

QJsonValue workshopSetting(Store &store, const QString &key)
{
    QSqlQuery q(store.database());
    q.prepare(QStringLiteral("SELECT payload FROM events WHERE type = ? AND status = 'applied' ORDER BY seq DESC"));
    q.addBindValue(QString(EventType::WorkshopConfigured));
    if (q.exec())
        while (q.next()) {
            const QJsonObject payload = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
            if (payload.contains(key))
                return payload.value(key);
        }
    return {};
}

QList<BenchStep> configuredSteps(Store &store)
{
    const QJsonValue steps = workshopSetting(store, QStringLiteral("bench_steps"));
    if (steps.isUndefined() || steps.isNull())
        return defaultBenchSteps();
    Event e;
    e.type = QString(EventType::WorkshopConfigured);
    e.payload = QJsonObject{{QStringLiteral("bench_steps"), steps}};
    return stepsFromConfiguration({e});
}

Result<FlowPosition> readFlow(Store &store, const QString &tag)
{
    auto asset = store.asset(tag);
    if (!asset)
        return asset.error();
    return flowPosition(asset->tag, asset->kind, asset->state, configuredSteps(store),
                        store.eventsForAsset(asset->tag));
}

Result<FlowPosition> markStep(Store &store, const QString &tag, BenchStep step, StepStatus status,
                              const QJsonObject &data)
{
    auto pos = readFlow(store, tag);
    if (!pos)
        return pos.error();
    int index = -1;
    for (int i = 0; i < pos->total(); ++i)
        if (pos->steps.at(i).step == step)
            index = i;
    if (index < 0)
        return makeError(ErrorCode::InvalidArgument,
                         tr("the step %1 is not in the flow of %2").arg(toString(step), pos->tag),
                         QStringLiteral("step_not_in_flow"));
    if (status == StepStatus::Pending)
        return makeError(ErrorCode::InvalidArgument, tr("a step cannot be put back to pending"),
                         QStringLiteral("bad_status"));
    if (pos->steps.at(index).status == status)
        return pos;
    QJsonObject payload{{QStringLiteral("step"), toString(step)},
                        {QStringLiteral("status"), toString(status)},
                        {QStringLiteral("position"), index + 1}};
    if (!data.isEmpty())
        payload.insert(QStringLiteral("data"), data);
    auto e = store.record(QString(EventType::FlowStep), pos->tag, payload);
    if (!e)
        return e.error();
    return readFlow(store, pos->tag);
}

Result<FlowPosition> resumeFlow(Store &store, const QString &tag)
{
    auto pos = readFlow(store, tag);
    if (!pos)
        return pos.error();
    for (const FlowStepState &s : pos->steps) {
        if (s.status != StepStatus::Started || !s.outcomeRecorded)
            continue;
        auto marked = markStep(store, pos->tag, s.step, StepStatus::Done, {{QStringLiteral("resumed"), true}});
        if (!marked)
            return marked.error();
    }
    return readFlow(store, pos->tag);
}

Result<AssetState> advanceAsset(Store &store, const QString &tag)
{
    auto asset = store.asset(tag);
    if (!asset)
        return asset.error();
    AssetState state = asset->state;
    // IN_REPAIR stays where a person put it: going back to testing is their decision.
    const QList<AssetState> path = state == AssetState::Received || state == AssetState::Returned
        ? QList<AssetState>{AssetState::Testing, AssetState::Imaged, AssetState::Ready}
        : QList<AssetState>{AssetState::Imaged, AssetState::Ready};
    for (AssetState to : path) {
        // A screen or a keyboard has no disk: it goes from TESTING straight to READY.
        if (to == AssetState::Imaged && !needsImage(asset->kind))
            continue;
        if (!Lifecycle::isAllowed(state, to))
            continue;
        if (!Lifecycle::check(state, to, store.facts(asset->tag)))
            continue;
        auto moved = store.moveAsset(asset->tag, to);
        if (!moved)
            return moved.error();
        state = moved->state;
    }
    return state;
}

QString unfinishedAsset(Store &store)
{
    QSqlQuery q(store.database());
    q.prepare(
        QStringLiteral("SELECT asset_tag, payload FROM events WHERE type = ? AND station = ? AND status = 'applied'"
                       " ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(QString(EventType::FlowStep));
    q.addBindValue(store.identity().station);
    if (!q.exec() || !q.next())
        return {};
    const QJsonObject p = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
    if (p.value(QStringLiteral("step")).toString() == QLatin1String("done")
        && p.value(QStringLiteral("status")).toString() == QLatin1String("done"))
        return {};
    return q.value(0).toString();
}

QStringList unfinishedAssets(Store &store, int limit)
{
    QStringList out;
    QSet<QString> seen;
    QSqlQuery q(store.database());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT asset_tag, payload FROM events WHERE type = ? AND station = ? AND status = 'applied'"
                       " ORDER BY seq DESC LIMIT 2000"));
    q.addBindValue(QString(EventType::FlowStep));
    q.addBindValue(store.identity().station);
    if (!q.exec())
        return out;
    while (out.size() < limit && q.next()) {
        const QString tag = q.value(0).toString();
        if (seen.contains(tag))
            continue;
        seen.insert(tag);
        const QJsonObject p = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
        if (p.value(QStringLiteral("step")).toString() == QLatin1String("done")
            && p.value(QStringLiteral("status")).toString() == QLatin1String("done"))
            continue;
        out << tag;
    }
    return out;
}

} // namespace Etabli::AppCore
