// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/bench.h"

#include "app/bench/benchlabel.h"
#include "app/core/assetlabel.h"
#include "app/core/helperclient.h"
#include "app/core/helperprotocol.h"
#include "app/core/probeupdate.h"
#include "app/core/testrecording.h"
#include "app/core/workers.h"
#include "app/station/station.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/ramtest.h"
#include "hwtest/diag/ramtest_child.h"
#include "hwtest/diag/smart.h"
#include "hwtest/diag/surfacescan.h"
#include "hwtest/probe/probejob.h"
#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"
#include "inventory/sync/syncclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QJsonArray>
#include <QProcess>

#include <signal.h>
#include <sys/prctl.h>

Q_DECLARE_METATYPE(Etabli::AppCore::FlowPosition)

namespace Etabli::Bench {

using namespace AppCore;
namespace Inv = Inventory;

namespace {

/// The disk step's plain-words verdict for a failed result (empty: nothing to say).
QString verdictOf(const HwTest::TestResult &t)
{
    if (t.verdict != HwTest::TestVerdict::Fail)
        return {};
    // bench: the test's own program stopped or never ran: not a verdict on the memory.
    if (t.kind == QLatin1String("ram")
        && (t.rule.startsWith(QLatin1String("ram.child-crashed")) || t.rule.startsWith(QLatin1String("ram.not-run"))))
        return QCoreApplication::translate("Etabli::Bench::Bench",
                                           "The memory test stopped before the end. Call the supervisor.");
    if (t.kind == QLatin1String("ram"))
        return QCoreApplication::translate("Etabli::Bench::Bench", "The memory has faults. Do not use it.");
    if (t.measurements.value(QStringLiteral("check")).toString() == QLatin1String("surface")
        && t.measurements.value(QStringLiteral("bad_sector_count")).toInt() > 0)
        return QCoreApplication::translate("Etabli::Bench::Bench",
                                           "Some places on the disk cannot be read. Do not use this disk.");
    return QCoreApplication::translate("Etabli::Bench::Bench", "The disk is worn out. Do not use this disk.");
}

/// What a step task returns: the asset as it is now and its position in the flow.
struct AssetView {
    Inv::Asset asset;
    FlowPosition position;
    QString minSpec;
    int pending = 0;
    QString lastSync;
};

Result<QVariant> viewOf(Inv::Store &store, const QString &tag)
{
    auto pos = resumeFlow(store, tag);
    if (!pos)
        return pos.error();
    auto asset = store.asset(tag);
    if (!asset)
        return asset.error();
    AssetView v{*asset, *pos, {}, int(store.unpushedCount()), Sync::SyncClient::lastSuccess(store)};
    if (asset->kind == Inv::AssetKind::Pc && !asset->components.isEmpty()) {
        const auto spec = minSpecVerdict(*asset, workshopSetting(store, QStringLiteral("min_spec")).toObject());
        v.minSpec = spec.met ? QStringLiteral("met") : spec.missing.join(QLatin1Char(','));
    }
    return QVariant::fromValue(std::make_shared<AssetView>(v));
}

/// SMART from the saved smartctl output (the demo) or from the disk itself.
HwTest::TestResult smartResult(const QString &json, const QString &device)
{
    HwTest::TestResult t;
    t.kind = QStringLiteral("disk");
    t.startedAt = QDateTime::currentDateTimeUtc();
    Result<HwTest::SmartReport> report = makeError(ErrorCode::NotFound, QStringLiteral("no disk"));
    if (!json.isEmpty()) {
        QFile f(json);
        if (f.open(QIODevice::ReadOnly)) {
            auto parsed = HwTest::parseSmartctlJson(f.readAll());
            if (parsed && !parsed->isEmpty())
                report = parsed->first();
            else if (!parsed)
                report = parsed.error();
        }
    } else {
        report = HwTest::readSmartDevice(device);
    }
    if (report) {
        t = HwTest::evaluateSmart(*report);
        t.startedAt = t.startedAt.isValid() ? t.startedAt : QDateTime::currentDateTimeUtc();
    } else {
        t.verdict = HwTest::TestVerdict::Warn;
        t.rule = QStringLiteral("smart.unreadable: ") + report.error().message;
    }
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

using DiskOpener = BenchConfig::DiskOpener;

/// The surface scan of the disk under test, read-only, as `etabli test disk --surface` does
/// (the same engine, the same result: a test.recorded disk with measurements.check surface).
HwTest::TestResult surfaceResult(const QString &device, const DiskOpener &openDisk, qint64 chunk,
                                 HwTest::ProgressSink &sink)
{
    const QDateTime started = QDateTime::currentDateTimeUtc();
    Result<std::unique_ptr<HwTest::BlockSource>> source = makeError(ErrorCode::NotFound, QStringLiteral("no disk"));
    bool direct = false;
    if (openDisk) {
        source = openDisk(device);
    } else if (auto file = HwTest::FileBlockSource::open(device)) {
        direct = (*file)->direct();
        source = std::unique_ptr<HwTest::BlockSource>(std::move(*file));
    } else {
        source = file.error();
    }
    HwTest::TestResult t;
    if (!source) {
        t.kind = QStringLiteral("disk");
        t.verdict = HwTest::TestVerdict::Warn;
        t.rule = QStringLiteral("surface.unreadable-device: ") + source.error().message;
        t.measurements
            = QJsonObject{{QStringLiteral("check"), QStringLiteral("surface")}, {QStringLiteral("device"), device}};
    } else {
        HwTest::SurfaceScanOptions options;
        options.chunkBytes = chunk;
        const HwTest::SurfaceScanReport report = HwTest::scanSurface(**source, options, &sink);
        t = HwTest::evaluateSurface(report, options, device);
        t.measurements.insert(QStringLiteral("o_direct"), direct);
    }
    t.startedAt = started;
    t.endedAt = QDateTime::currentDateTimeUtc();
    return t;
}

int rank(HwTest::TestVerdict v)
{
    return v == HwTest::TestVerdict::Fail ? 2 : v == HwTest::TestVerdict::Warn ? 1 : 0;
}

/// The disk step's one result (one test.recorded disk, so resume and the lifecycle see one
/// disk test): the surface scan's, as `etabli test disk --surface` records it (measurements
/// check surface, bad sectors…), with the SMART verdict under measurements.smart; the worse
/// verdict and its rule win.
HwTest::TestResult withSmart(HwTest::TestResult surface, const HwTest::TestResult &smart)
{
    surface.measurements.insert(QStringLiteral("smart"),
                                QJsonObject{{QStringLiteral("verdict"), HwTest::toString(smart.verdict)},
                                            {QStringLiteral("rule"), smart.rule},
                                            {QStringLiteral("measurements"), smart.measurements}});
    if (rank(smart.verdict) > rank(surface.verdict)) {
        surface.verdict = smart.verdict;
        surface.rule = smart.rule;
    }
    if (smart.startedAt.isValid() && (!surface.startedAt.isValid() || smart.startedAt < surface.startedAt))
        surface.startedAt = smart.startedAt;
    return surface;
}

/// bench: the `etabli` tool that runs the RAM test: the configured one, else the one installed
/// beside etabli-station (/usr/bin), else the build tree's (build/dev/app/etabli).
QString ramProgram(const BenchConfig &config)
{
    if (!config.ramProgram.isEmpty())
        return config.ramProgram;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {here.filePath(QStringLiteral("etabli")), here.filePath(QStringLiteral("../etabli"))})
        if (QFileInfo(candidate).isExecutable() && !QFileInfo(candidate).isDir())
            return QFileInfo(candidate).canonicalFilePath();
    return QStringLiteral("etabli");
}

} // namespace

void markStarted(Bench *, InventoryService *service, const QString &tag, BenchStep step);

Bench::Bench(QObject *parent)
    : QObject(parent)
{
    connect(&m_progressThrottle, &ProgressThrottle::update, this, &Bench::setProgress);
}

Bench::~Bench() = default;

Bench *Bench::instance()
{
    static Bench *b = new Bench; // lives as long as the process, like the QML engines using it
    return b;
}

Bench *Bench::create(QQmlEngine *, QJSEngine *)
{
    Bench *b = instance();
    QJSEngine::setObjectOwnership(b, QJSEngine::CppOwnership);
    return b;
}

void Bench::configure(const BenchConfig &config)
{
    // Another inventory (the tests reconfigure): the old one finishes, nothing of it is kept.
    m_service.reset();
    m_calls.clear();
    m_working = m_confirming = false;
    m_workerBadge.clear();
    m_workerName.clear();
    m_tag.clear();
    m_flow.clear();
    m_message.clear();
    m_screen = Screen::Login;
    m_config = config;
    m_service
        = std::make_unique<InventoryService>(config.dbPath, Inv::Identity{config.station, QStringLiteral("bench")});
    connect(m_service.get(), &InventoryService::finished, this, &Bench::onFinished);
    connect(m_service.get(), &InventoryService::failed, this,
            [this](quint64 id, ErrorCode, const QString &error, const QString &) { onFailed(id, error); });
    // A Station test screen closed by the worker ends its step.
    connect(Station::Station::instance(), &Station::Station::quitRequested, this, &Bench::testScreenClosed,
            Qt::UniqueConnection);
    m_longJob = false;
    m_jobTag.clear();
    m_otherTag.clear();
    m_otherFinished = false;
    m_otherMessage.clear();
    m_otherVerdict.clear();
    m_notice.clear();
    m_verdict.clear();
    loadWorkers();
    refreshSync();
    // « Sent 5 minutes ago » follows the clock (and changes made by others, e.g. the sync).
    m_syncClock.setInterval(30'000);
    connect(&m_syncClock, &QTimer::timeout, this, &Bench::refreshSync, Qt::UniqueConnection);
    m_syncClock.start();
}

void Bench::setForcedLook(bool textScale, bool contrast)
{
    m_forcedScale = textScale;
    m_forcedContrast = contrast;
}

quint64 Bench::call(InventoryService::Task task, Handler onDone, bool changes)
{
    const quint64 id = m_service->run(std::move(task), changes);
    m_calls.insert(id, std::move(onDone));
    Q_EMIT changed();
    return id;
}

void Bench::onFinished(quint64 id, const QVariant &value)
{
    Handler h = m_calls.take(id);
    if (h)
        h(value);
    Q_EMIT changed();
}

void Bench::onFailed(quint64 id, const QString &errorString)
{
    m_calls.remove(id);
    // A refused step of another PC does not stop the long work running meanwhile.
    if (m_working && m_longJob && id != m_jobCall) {
        setMessage(errorString);
        return;
    }
    failWork(errorString);
}

void Bench::setMessage(const QString &message)
{
    m_message = message;
    Q_EMIT changed();
}

void Bench::setDiskFrozen(bool frozen)
{
    if (m_diskFrozen == frozen)
        return;
    m_diskFrozen = frozen;
    Q_EMIT changed();
}

void Bench::refuseScan(const QString &message)
{
    setMessage(message);
}

void Bench::setScreen(Screen screen)
{
    if (m_screen == screen)
        return;
    m_screen = screen;
    Q_EMIT changed();
}

void Bench::setWorking(bool working)
{
    m_working = working;
    m_progressThrottle.reset(); // bench: no value held back from a job that ended arrives later
    if (working) {
        m_jobTag = m_tag;
    } else {
        m_longJob = false;
        m_jobCall = 0;
        setProgress(0, -1);
    }
    Q_EMIT changed();
}

void Bench::setVerdict(const QString &verdict)
{
    m_verdict = verdict;
    Q_EMIT changed();
}

QString Bench::syncText() const
{
    return syncWords(m_pending, m_lastSync, QDateTime::currentDateTimeUtc());
}

QString Bench::syncWords(int pending, const QString &lastSync, const QDateTime &now)
{
    // Singular and plural as two sentences: no « (s) » in English, which has no .ts of its own.
    const QString changes = pending > 1 ? tr("%1 changes to send.").arg(pending)
        : pending == 1                  ? tr("1 change to send.")
                                        : tr("Everything is sent.");
    const QDateTime last = QDateTime::fromString(lastSync, Qt::ISODateWithMs);
    if (lastSync.isEmpty() || !last.isValid())
        return changes + QLatin1Char(' ') + tr("Not sent yet.");
    const qint64 minutes = std::max<qint64>(0, last.secsTo(now)) / 60;
    const qint64 hours = minutes / 60, days = hours / 24;
    QString when;
    if (minutes < 1)
        when = tr("Sent just now.");
    else if (minutes == 1)
        when = tr("Sent 1 minute ago.");
    else if (minutes < 60)
        when = tr("Sent %1 minutes ago.").arg(minutes);
    else if (hours == 1)
        when = tr("Sent 1 hour ago.");
    else if (hours < 24)
        when = tr("Sent %1 hours ago.").arg(hours);
    else if (days == 1)
        when = tr("Sent 1 day ago.");
    else
        when = tr("Sent %1 days ago.").arg(days);
    return changes + QLatin1Char(' ') + when;
}

void Bench::setProgress(double fraction, qint64 etaSeconds)
{
    m_progress = std::clamp(fraction, 0.0, 1.0);
    m_secondsLeft = int(etaSeconds);
    Q_EMIT progressChanged();
}

QString Bench::diskSize() const
{
    if (m_config.diskBytes <= 0)
        return {};
    // A small disk (the demo's) in MB rather than « 0 GB ».
    return m_config.diskBytes < 1'000'000'000 ? QStringLiteral("%1 MB").arg(m_config.diskBytes / 1'000'000)
                                              : humanBytes(m_config.diskBytes);
}

QString Bench::hsSummary() const
{
    QStringList names;
    for (const QVariant &h : m_hs)
        names << hsPartTitle(h.toMap().value(QStringLiteral("part")).toString());
    return names.join(QStringLiteral(", "));
}

QString Bench::partsSummary() const
{
    QStringList names;
    for (const QString &p : m_parts)
        names << hsPartTitle(p);
    return names.join(QStringLiteral(", "));
}

QString Bench::testScreen() const
{
    if (m_screen != Screen::Step || working())
        return {};
    const QString s = m_flow.currentStep();
    if (s == QLatin1String("screen") || s == QLatin1String("audio"))
        return s;
    if (s == QLatin1String("input"))
        return QStringLiteral("keyboard");
    return {};
}

void Bench::loadWorkers()
{
    call(
        [](Inv::Store &store) -> Result<QVariant> {
            QVariantList list;
            for (const WorkerCard &w : AppCore::workers(store)) {
                QVariantMap m{{QStringLiteral("badge"), w.badge}, {QStringLiteral("name"), w.displayName}};
                if (!w.photo.isEmpty())
                    m.insert(
                        QStringLiteral("photo"),
                        QString(QStringLiteral("data:image/%1;base64,")
                                    .arg(w.photo.startsWith("\x89PNG") ? QStringLiteral("png") : QStringLiteral("jpeg"))
                                + QString::fromLatin1(w.photo.toBase64())));
                list << m;
            }
            QStringList lots;
            for (const Inv::Lot &l : store.lots())
                lots << l.reference;
            return QVariant(QVariantList{QVariant(list), QVariant(lots)});
        },
        [this](const QVariant &v) {
            const QVariantList both = v.toList();
            m_workers = both.value(0).toList();
            m_lots = both.value(1).toStringList();
            Q_EMIT workersChanged();
        },
        false);
}

void Bench::refreshSync()
{
    call(
        [](Inv::Store &store) -> Result<QVariant> {
            return QVariant(QVariantList{int(store.unpushedCount()), Sync::SyncClient::lastSuccess(store)});
        },
        [this](const QVariant &v) {
            m_pending = v.toList().value(0).toInt();
            m_lastSync = v.toList().value(1).toString();
            Q_EMIT syncChanged();
        },
        false);
}

void Bench::loginWithBadge(const QString &scanned)
{
    if (scanned.trimmed().isEmpty())
        return;
    const QString station = m_config.station;
    call(
        [scanned, station](Inv::Store &store) -> Result<QVariant> {
            auto w = workerByBadge(store, scanned);
            if (!w)
                return w.error();
            store.setIdentity({station, w->badge});
            QVariantMap m{{QStringLiteral("badge"), w->badge},
                          {QStringLiteral("name"), w->displayName},
                          {QStringLiteral("text_scale"), w->preferences.textScale},
                          {QStringLiteral("voice"), w->preferences.voice},
                          {QStringLiteral("guidance"), w->preferences.guidance},
                          {QStringLiteral("high_contrast"), w->preferences.highContrast},
                          {QStringLiteral("resume"), unfinishedAsset(store)}};
            // The PC left for another one when the station stopped: its long work was cut.
            const QStringList open = unfinishedAssets(store, 2);
            if (open.size() == 2)
                if (auto other = readFlow(store, open.at(1)); other && !other->finished()) {
                    const FlowStepState &s = other->steps.at(other->current);
                    if (s.status == StepStatus::Started
                        && (s.step == BenchStep::Ram || s.step == BenchStep::Disk || s.step == BenchStep::EraseImage))
                        m.insert(QStringLiteral("other"), open.at(1));
                }
            return QVariant(m);
        },
        [this](const QVariant &v) {
            const QVariantMap m = v.toMap();
            m_workerBadge = m.value(QStringLiteral("badge")).toString();
            m_workerName = m.value(QStringLiteral("name")).toString();
            // Every later change is recorded under this worker's badge.
            m_service->setIdentity({m_config.station, m_workerBadge});
            // benchui: the worker's voice on/off and level of guidance, on the screens at once.
            const QString guidance = m.value(QStringLiteral("guidance")).toString();
            Ui::Speech::instance()->setEnabled(m.value(QStringLiteral("voice"), true).toBool());
            Ui::Theme::instance()->setGuidance(guidance == QLatin1String("short") ? 0 : 1);
            Q_EMIT preferencesApplied(m_forcedScale ? 0 : m.value(QStringLiteral("text_scale")).toDouble(),
                                      m.value(QStringLiteral("voice")).toBool(),
                                      m.value(QStringLiteral("guidance")).toString(),
                                      !m_forcedContrast && m.value(QStringLiteral("high_contrast")).toBool());
            setMessage({});
            setScreen(Screen::Asset);
            if (const QString other = m.value(QStringLiteral("other")).toString(); !other.isEmpty()) {
                m_otherTag = other;
                m_otherFinished = false;
                m_notice = tr("PC %1 is not finished. Go back to it after this one.").arg(other);
            }
            // After a power cut the bench reopens on the asset it was working on.
            if (const QString resume = m.value(QStringLiteral("resume")).toString(); !resume.isEmpty())
                openAsset(resume);
        },
        false);
}

void Bench::logout()
{
    m_otherTag = m_working ? m_jobTag : QString();
    m_notice.clear();
    m_verdict.clear();
    m_workerBadge.clear();
    m_workerName.clear();
    m_tag.clear();
    m_flow.clear();
    setMessage({});
    setDiskFrozen(false);
    // benchui: the next worker hears the login screen whatever the last one chose.
    Ui::Speech::instance()->setEnabled(true);
    Ui::Theme::instance()->setGuidance(1);
    setScreen(Screen::Login);
}

void Bench::openAsset(const QString &scanned)
{
    auto tag = Inv::AssetTag::parse(scanned);
    if (!tag) {
        setMessage(tag.error().message);
        return;
    }
    const QString t = *tag;
    call([t](Inv::Store &store) { return viewOf(store, t); }, [this](const QVariant &v) { showPosition(v); });
}

void Bench::createAsset(const QString &kind, const QString &lot)
{
    const auto k = Inv::assetKindFromString(kind);
    if (!k || *k == Inv::AssetKind::Part) {
        setMessage(tr("Choose what it is."));
        return;
    }
    const Inv::AssetKind assetKind = *k;
    call(
        [assetKind, lot](Inv::Store &store) -> Result<QVariant> {
            Inv::NewAsset a;
            a.kind = assetKind;
            a.lot = lot;
            auto added = store.addAsset(a);
            if (!added)
                return added.error();
            if (auto moved = advanceAsset(store, added->tag); !moved)
                return moved.error();
            return viewOf(store, added->tag);
        },
        [this](const QVariant &v) { showPosition(v); });
}

/// The end of a long step's change: the work indicator goes, the asset's new position shows.
Bench::Handler Bench::workDone()
{
    return [this](const QVariant &v) { jobEnded(v, {}); };
}

void Bench::jobEnded(const QVariant &value, const QString &verdict)
{
    const QString tag = m_jobTag;
    setWorking(false);
    const auto view = value.value<std::shared_ptr<AssetView>>();
    if (view && view->asset.tag != m_tag) {
        // The worker is on another PC: it goes on; the end waits for the return.
        m_otherVerdict = verdict;
        otherEnded(view->asset.tag, tr("The work on PC %1 is finished. Go back to it.").arg(view->asset.tag));
        return;
    }
    showPosition(value);
    setVerdict(verdict);
}

void Bench::otherEnded(const QString &tag, const QString &sentence)
{
    m_otherTag = tag;
    m_otherFinished = true;
    m_notice = sentence;
    Ui::Speech::instance()->say(sentence);
    Q_EMIT changed();
}

void Bench::workOnAnother()
{
    if (!canWorkMeanwhile())
        return;
    m_otherTag = m_tag;
    m_otherFinished = false;
    m_otherMessage.clear();
    m_otherVerdict.clear();
    m_notice = tr("The bench goes on with PC %1.").arg(m_tag);
    m_confirming = false;
    nextAsset();
}

void Bench::backToOther()
{
    if (m_otherTag.isEmpty())
        return;
    openAsset(m_otherTag);
}

void Bench::showPosition(const QVariant &value)
{
    const auto view = value.value<std::shared_ptr<AssetView>>();
    if (!view)
        return;
    const bool otherAsset = m_tag != view->asset.tag;
    m_tag = view->asset.tag;
    m_kind = Inv::toString(view->asset.kind);
    m_state = Inv::toString(view->asset.state);
    m_minSpec = view->minSpec;
    m_facts.clear();
    const QString name = QString(view->asset.make + QLatin1Char(' ') + view->asset.model).trimmed();
    if (!name.isEmpty())
        m_facts << name;
    if (const QString spec = labelSpecLine(view->asset); !spec.isEmpty())
        m_facts << spec;
    if (otherAsset) {
        m_hs.clear();
        m_parts.clear();
    }
    m_verdict.clear();
    QString otherMessage;
    if (!m_otherTag.isEmpty() && m_tag == m_otherTag) {
        // Back on the PC left meanwhile: its end is shown (and said) now.
        if (m_otherFinished) {
            m_verdict = m_otherVerdict;
            otherMessage = m_otherMessage;
            m_notice
                = m_verdict.isEmpty() && otherMessage.isEmpty() ? tr("The work on this PC is finished.") : QString();
            if (!m_notice.isEmpty())
                Ui::Speech::instance()->say(m_notice);
        } else {
            m_notice.clear();
        }
        m_otherTag.clear();
        m_otherFinished = false;
        m_otherMessage.clear();
        m_otherVerdict.clear();
    } else if (otherAsset && m_otherTag.isEmpty()) {
        m_notice.clear();
    }
    m_pending = view->pending;
    m_lastSync = view->lastSync;
    Q_EMIT syncChanged();
    m_flow.setPosition(view->position);
    setMessage(otherMessage);
    setScreen(view->position.finished() ? Screen::Finished : Screen::Step);
    // The Station screens record on this asset, in this inventory. The step is marked started
    // first: a kill after the screen recorded and before the step's end resumes it as done
    // (its test is in the log) instead of testing again.
    if (!testScreen().isEmpty()) {
        Station::Station::instance()->configure(testScreen(), {}, m_tag, m_config.dbPath);
        if (const auto step = view->position.currentStep())
            markStarted(this, m_service.get(), m_tag, *step);
    }
    Q_EMIT changed();
}

void Bench::finishStep(StepStatus status, const QJsonObject &data)
{
    const auto step = m_flow.position().currentStep();
    if (!step)
        return;
    const QString tag = m_tag;
    const BenchStep s = *step;
    call(
        [tag, s, status, data](Inv::Store &store) -> Result<QVariant> {
            auto marked = markStep(store, tag, s, status, data);
            if (!marked)
                return marked.error();
            if (auto moved = advanceAsset(store, tag); !moved)
                return moved.error();
            return viewOf(store, tag);
        },
        [this](const QVariant &v) {
            // A step done by hand; the long work of another PC may still run.
            if (!m_longJob)
                setWorking(false);
            showPosition(v);
        });
}

void Bench::failWork(const QString &message)
{
    const QString tag = m_jobTag;
    const bool away = m_working && !tag.isEmpty() && tag != m_tag;
    setWorking(false);
    if (away) {
        m_otherMessage = message;
        m_otherVerdict.clear();
        otherEnded(tag, tr("The work on PC %1 stopped. Go back to it.").arg(tag));
        return;
    }
    setMessage(message);
}

/// bench: the worker reads the station's own sentence for the helper's typed code (French
/// from etabli_fr.ts); the helper's words, code and detail go to the log for the supervisor.
QString Bench::eraseFailureText(const QString &code, const QString &detail)
{
    if (detail == HelperProtocol::driveFrozenDetail())
        return tr("The disk was not erased. Look at the pictures.");
    if (detail == QLatin1String("serial_mismatch"))
        return tr("This is not the right disk. Call the supervisor.");
    if (code == QLatin1String("not_found") || detail == QLatin1String("target_missing"))
        return tr("The disk cannot be found. Check its cable.");
    return tr("The disk was not erased. Call the supervisor.");
}

void Bench::eraseFailed(const QString &code, const QString &detail, const QString &helperMessage)
{
    m_workDetail = QStringLiteral("%1 (code %2, detail %3)")
                       .arg(helperMessage, code.isEmpty() ? QStringLiteral("-") : code,
                            detail.isEmpty() ? QStringLiteral("-") : detail);
    qWarning("bench: the erase of %s failed: %s", qPrintable(m_jobTag), qPrintable(m_workDetail));
    // The frozen state as setDiskFrozen() found it (a refusal, a result or a target).
    failWork(eraseFailureText(code, m_diskFrozen ? HelperProtocol::driveFrozenDetail() : detail));
}

/// The steps a worker does by hand (or on the Station's screens): possible on another PC
/// while the bench's long work runs.
static bool byHand(BenchStep step)
{
    switch (step) {
    case BenchStep::Screen:
    case BenchStep::Audio:
    case BenchStep::Input:
    case BenchStep::Hs:
    case BenchStep::Parts:
    case BenchStep::Cleaning:
    case BenchStep::Packing:
    case BenchStep::Done:
        return true;
    default:
        return false;
    }
}

void Bench::mainAction()
{
    if (working() || !m_calls.isEmpty())
        return;
    const auto step = m_flow.position().currentStep();
    if (!step)
        return;
    if (m_working && !byHand(*step)) {
        setMessage(tr("The bench is busy with PC %1. This step must wait.").arg(m_jobTag));
        return;
    }
    switch (*step) {
    case BenchStep::Identify:
        return startIdentify();
    case BenchStep::Ram:
        return startRam();
    case BenchStep::Disk:
        return startDisk();
    case BenchStep::EraseImage:
        m_confirming = true;
        Q_EMIT changed();
        return;
    case BenchStep::Label:
        return startLabel();
    case BenchStep::Screen:
    case BenchStep::Audio:
    case BenchStep::Input:
        return; // the Station screen's own buttons end it
    case BenchStep::Hs:
        return finishStep(StepStatus::Done, {{QStringLiteral("hs_count"), int(m_hs.size())}});
    case BenchStep::Parts:
        return finishStep(StepStatus::Done, {{QStringLiteral("parts"), QJsonArray::fromStringList(m_parts)}});
    case BenchStep::Cleaning:
    case BenchStep::Packing:
    case BenchStep::Done:
        return finishStep(StepStatus::Done);
    }
}

void Bench::skipStep()
{
    if (working())
        return;
    m_confirming = false;
    finishStep(StepStatus::Skipped);
}

/// Marks the step started first: a kill after this point resumes here, and a result already
/// in the log then ends the step instead of running it again (AppCore::resumeFlow).
void markStarted(Bench *, InventoryService *service, const QString &tag, BenchStep step)
{
    service->run([tag, step](Inv::Store &store) -> Result<QVariant> {
        auto m = markStep(store, tag, step, StepStatus::Started);
        if (!m)
            return m.error();
        return QVariant();
    });
}

void Bench::startIdentify()
{
    setWorking(true);
    markStarted(this, m_service.get(), m_tag, BenchStep::Identify);
    m_probe = std::make_unique<HwTest::ProbeJob>(m_config.probeRoot);
    connect(m_probe.get(), &HwTest::ProbeJob::finished, this, [this](const QJsonObject &machine) {
        const QString tag = m_tag;
        call(
            [tag, machine](Inv::Store &store) -> Result<QVariant> {
                auto recorded = recordProbe(store, tag, machine);
                if (!recorded)
                    return recorded.error();
                auto marked = markStep(store, tag, BenchStep::Identify, StepStatus::Done);
                if (!marked)
                    return marked.error();
                return viewOf(store, tag);
            },
            workDone());
    });
    m_probe->start();
}

/// A diagnostic step (RAM, disk): runs `engine` on the DiagJob's thread, shows its
/// progress, records its result and the step's end in one change, then the next step.
void Bench::runDiagStep(BenchStep benchStep, HwTest::DiagJob::Engine engine)
{
    m_longJob = true; // the worker may do another PC's steps meanwhile (set before changed())
    setWorking(true);
    const QString tag = m_tag;
    markStarted(this, m_service.get(), tag, benchStep);
    m_diag = std::make_unique<HwTest::DiagJob>();
    connect(m_diag.get(), &HwTest::DiagJob::progress, this,
            [this](double percent, qint64 eta) { m_progressThrottle.report(percent / 100.0, eta); });
    connect(m_diag.get(), &HwTest::DiagJob::finished, this, [this, benchStep, tag](const HwTest::TestResult &result) {
        const bool failed = result.verdict == HwTest::TestVerdict::Fail;
        const QString verdict = verdictOf(result);
        m_jobCall = call(
            [tag, result, benchStep, failed](Inv::Store &store) -> Result<QVariant> {
                auto r = recordTestResult(store, tag, result);
                if (!r)
                    return r.error();
                auto marked = markStep(store, tag, benchStep, failed ? StepStatus::Failed : StepStatus::Done);
                if (!marked)
                    return marked.error();
                return viewOf(store, tag);
            },
            [this, verdict](const QVariant &v) { jobEnded(v, verdict); });
    });
    m_diag->start(std::move(engine));
}

void Bench::startRam()
{
    // bench: in a child process with one core left to the UI (its frames stay < 50 ms);
    // cancel kills it, its crash is a FAIL that says so (hwtest/diag/ramtest_child.h).
    HwTest::RamChildOptions o;
    o.program = ramProgram(m_config);
    o.bytes = m_config.ramBytes;
    o.passes = std::max(1, m_config.ramPasses);
    o.threads = m_config.ramThreads > 0 ? m_config.ramThreads : HwTest::defaultRamThreads(true);
    runDiagStep(BenchStep::Ram, [o](HwTest::ProgressSink &sink) { return HwTest::runRamTestInChild(o, sink); });
}

void Bench::startDisk()
{
    const QString json = m_config.smartJson;
    const QString device = m_config.diskPath;
    // The surface scan reads the disk under test only (diskPath), never writes; no disk: SMART only.
    const bool surface = m_config.surfaceScan && !device.isEmpty();
    const auto openDisk = m_config.openDisk;
    const qint64 chunk = m_config.surfaceChunkBytes;
    runDiagStep(BenchStep::Disk, [json, device, surface, openDisk, chunk](HwTest::ProgressSink &sink) {
        const HwTest::TestResult smart = smartResult(json, device);
        if (!surface)
            return smart;
        return withSmart(surfaceResult(device, openDisk, chunk, sink), smart);
    });
}

void Bench::confirmErase(const QString &scannedSerial)
{
    if (!m_confirming || m_working)
        return;
    // A scan of the disk's own label confirms as the hold does; any other serial is refused.
    if (!scannedSerial.isEmpty() && scannedSerial.trimmed() != m_config.diskSerial) {
        setMessage(tr("This is not the serial number of this disk."));
        return;
    }
    m_confirming = false;
    startErase();
}

void Bench::cancelConfirm()
{
    m_confirming = false;
    Q_EMIT changed();
}

void Bench::startErase()
{
    if (m_config.masterPath.isEmpty() || m_config.diskPath.isEmpty()) {
        setMessage(tr("No disk or no master on this bench. Call the supervisor."));
        return;
    }
    m_longJob = true; // the worker may do another PC's steps meanwhile (set before changed())
    setWorking(true);
    setDiskFrozen(false);
    const QString tag = m_tag;
    markStarted(this, m_service.get(), tag, BenchStep::EraseImage);
    if (m_helper)
        m_helper->deleteLater();
    m_helper = new HelperClient(this);
    if (!m_config.helperProgram.isEmpty())
        m_helper->setProgram(m_config.helperProgram);
    const QString master = m_config.masterPath, target = m_config.diskPath, serial = m_config.diskSerial;
    // masters (issue 19): a master on the network takes the station's token, CA and cache along.
    HelperClient::RemoteMaster remote;
    if (master.contains(QLatin1String("://")))
        remote = {m_config.masterToken, m_config.masterCa, m_config.masterCache};
    connect(m_helper, &HelperClient::ready, this, [this, master, remote, target, serial] {
        m_helper->write(master, remote, {target}, {serial}, QStringLiteral("zeros"), true);
    });
    connect(m_helper, &HelperClient::progress, this, [this](const QString &, const QJsonObject &p) {
        const double total = p.value(QStringLiteral("total")).toDouble();
        const QString phase = p.value(QStringLiteral("phase")).toString();
        double f = total > 0 ? p.value(QStringLiteral("bytes")).toDouble() / total : 0;
        // Writing is the first half of the bar, verifying the second.
        f = phase == QLatin1String("verifying") ? 0.5 + f / 2 : f / 2;
        m_progressThrottle.report(f, p.value(QStringLiteral("eta_s")).toInteger(-1));
    });
    connect(m_helper, &HelperClient::failed, this, [this](const QString &, const Error &e) {
        // benchui: a FROZEN disk shows FrozenDriveFix (StepScreen.qml) under the message.
        // bench: known from the helper's typed refusal (detail drive_frozen), not from its words.
        setDiskFrozen(HelperProtocol::isDriveFrozen(e));
        eraseFailed(HelperProtocol::codeName(e.code), e.detail, e.message);
        m_helper->close();
    });
    connect(m_helper, &HelperClient::errorOccurred, this,
            [this](const QString &message) { eraseFailed(QString(), QString(), message); });
    connect(m_helper, &HelperClient::result, this, [this, tag](const QString &, const QJsonObject &r) {
        m_helper->close();
        const QJsonObject t = r.value(QStringLiteral("targets")).toArray().first().toObject();
        if (!r.value(QStringLiteral("ok")).toBool() || !t.value(QStringLiteral("ok")).toBool()) {
            setDiskFrozen(HelperProtocol::isDriveFrozen(r) || HelperProtocol::isDriveFrozen(t));
            const HelperProtocol::Failure f = HelperProtocol::failureOf(r, t);
            eraseFailed(f.code, f.detail, f.message);
            return;
        }
        const QJsonObject imaging = t.value(QStringLiteral("record")).toObject();
        const QJsonObject erasure = t.value(QStringLiteral("erasure_record")).toObject();
        m_jobCall = call(
            [tag, imaging, erasure](Inv::Store &store) -> Result<QVariant> {
                if (!erasure.isEmpty())
                    if (auto e = store.record(QString(Inv::EventType::ErasureRecorded), tag, erasure); !e)
                        return e.error();
                auto i = store.record(QString(Inv::EventType::ImagingRecorded), tag, imaging);
                if (!i)
                    return i.error();
                auto marked = markStep(store, tag, BenchStep::EraseImage, StepStatus::Done,
                                       {{QStringLiteral("erased"), !erasure.isEmpty()}});
                if (!marked)
                    return marked.error();
                if (auto moved = advanceAsset(store, tag); !moved)
                    return moved.error();
                return viewOf(store, tag);
            },
            workDone());
    });
    m_helper->start();
}

void Bench::startLabel()
{
    setWorking(true);
    markStarted(this, m_service.get(), m_tag, BenchStep::Label);
    const auto print = [this](const QString &printer) {
        const QString tag = m_tag;
        const QString templ = m_config.labelTemplate;
        call(
            [tag, templ, printer](Inv::Store &store) -> Result<QVariant> {
                if (auto printed = printAndRecordLabel(store, tag, templ, printer); !printed)
                    return printed.error();
                auto marked = markStep(store, tag, BenchStep::Label, StepStatus::Done);
                if (!marked)
                    return marked.error();
                if (auto moved = advanceAsset(store, tag); !moved)
                    return moved.error();
                return viewOf(store, tag);
            },
            workDone());
    };
    if (m_config.printer != QLatin1String("demo"))
        return print(m_config.printer);
    // The demo's stand-in printer (packaging/demo-printer.py): one job, its port on stdout.
    if (m_printer)
        m_printer->kill();
    m_printer = new QProcess(this);
    // The stand-in printer goes with the station, even after a kill -9.
    m_printer->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(m_printer, &QProcess::readyReadStandardOutput, this, [this, print] {
        const int port = m_printer->readLine().trimmed().toInt();
        if (port > 0)
            print(QStringLiteral("brother-ql://127.0.0.1:%1").arg(port));
    });
    connect(m_printer, &QProcess::finished, m_printer, &QObject::deleteLater);
    const QString job = QFileInfo(m_config.dbPath).absoluteDir().filePath(QStringLiteral("label-%1.bin").arg(m_tag));
    m_printer->start(QStringLiteral("python3"), {m_config.demoPrinterScript, job});
}

void Bench::testScreenClosed()
{
    const auto step = m_flow.position().currentStep();
    if (m_screen != Screen::Step || !step)
        return;
    bool failed = false;
    for (const QJsonValue &r : Station::Station::instance()->lastResults())
        failed |= r.toObject().value(QStringLiteral("verdict")).toString() == QLatin1String("FAIL");
    finishStep(failed ? StepStatus::Failed : StepStatus::Done);
}

void Bench::recordHs(const QString &part, const QString &reason)
{
    if (!Inv::isHsPart(part) || !Inv::hsReasonFromString(reason)) {
        setMessage(tr("Choose the part and the reason on the pictures."));
        return;
    }
    const QString tag = m_tag;
    call(
        [tag, part, reason](Inv::Store &store) -> Result<QVariant> {
            auto e = store.record(QString(Inv::EventType::HsRecorded), tag,
                                  {{QStringLiteral("part"), part}, {QStringLiteral("reason"), reason}});
            if (!e)
                return e.error();
            return viewOf(store, tag);
        },
        [this, part, reason](const QVariant &v) {
            m_hs << QVariantMap{{QStringLiteral("part"), part}, {QStringLiteral("reason"), reason}};
            showPosition(v);
        });
}

void Bench::addPart(const QString &kind)
{
    static const QStringList kinds{QStringLiteral("ram"), QStringLiteral("disk"), QStringLiteral("optical"),
                                   QStringLiteral("audio")};
    if (!kinds.contains(kind))
        return;
    const QString tag = m_tag;
    call(
        [tag, kind](Inv::Store &store) -> Result<QVariant> {
            auto asset = store.asset(tag);
            if (!asset)
                return asset.error();
            QJsonArray components;
            for (const Inv::Component &c : asset->components)
                components.append(Inv::toJson(c));
            components.append(
                QJsonObject{{QStringLiteral("kind"), kind},
                            {QStringLiteral("details"), QJsonObject{{QStringLiteral("added_at_bench"), true}}}});
            auto e = store.record(QString(Inv::EventType::AssetUpdated), tag,
                                  {{QStringLiteral("components"), components}});
            if (!e)
                return e.error();
            return viewOf(store, tag);
        },
        [this, kind](const QVariant &v) {
            m_parts << kind;
            showPosition(v);
        });
}

void Bench::nextAsset()
{
    m_tag.clear();
    m_flow.clear();
    setMessage({});
    setScreen(Screen::Asset);
}

QStringList Bench::hsParts()
{
    return Inv::hsParts();
}

QStringList Bench::hsReasons()
{
    QStringList out;
    for (Inv::HsReason r : Inv::allHsReasons())
        out << Inv::toString(r);
    return out;
}

QString Bench::pictogram(const QString &name)
{
    return QStringLiteral("qrc:/Etabli/Bench/pictograms/%1.svg").arg(name);
}

QString Bench::stepPictogram(const QString &step)
{
    static const QHash<QString, QString> p{{QStringLiteral("identify"), QStringLiteral("identify")},
                                           {QStringLiteral("ram"), QStringLiteral("ram")},
                                           {QStringLiteral("disk"), QStringLiteral("disk")},
                                           {QStringLiteral("screen"), QStringLiteral("pc")},
                                           {QStringLiteral("audio"), QStringLiteral("speakers")},
                                           {QStringLiteral("input"), QStringLiteral("keyboard")},
                                           {QStringLiteral("hs"), QStringLiteral("broken")},
                                           {QStringLiteral("parts"), QStringLiteral("parts")},
                                           {QStringLiteral("cleaning"), QStringLiteral("cleaning")},
                                           {QStringLiteral("erase_image"), QStringLiteral("master")},
                                           {QStringLiteral("label"), QStringLiteral("label")},
                                           {QStringLiteral("packing"), QStringLiteral("packing")},
                                           {QStringLiteral("done"), QStringLiteral("done")}};
    return pictogram(p.value(step, QStringLiteral("question")));
}

QString Bench::stepSentence(const QString &step)
{
    static const QHash<QString, const char *> s{
        {QStringLiteral("identify"),
         QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "The bench looks at what is in the PC.")},
        {QStringLiteral("ram"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "The bench tests the memory of the PC.")},
        {QStringLiteral("disk"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "The bench tests the disk of the PC.")},
        {QStringLiteral("screen"),
         QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Look at the screen. Touch each spot that is wrong.")},
        {QStringLiteral("audio"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Listen to the sound on each side.")},
        {QStringLiteral("input"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Press every key. Then use the mouse.")},
        {QStringLiteral("hs"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Is a part broken? Touch its picture.")},
        {QStringLiteral("parts"),
         QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Did you add or change a part? Touch its picture.")},
        {QStringLiteral("cleaning"),
         QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Clean the PC. Touch each picture when it is done.")},
        {QStringLiteral("erase_image"),
         QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "The bench erases the disk. Then it installs the school system.")},
        {QStringLiteral("label"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Print the label. Stick it on the PC.")},
        {QStringLiteral("packing"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Put the PC in its box.")},
        {QStringLiteral("done"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "The PC is ready. Well done!")}};
    const char *text = s.value(step);
    return text ? QCoreApplication::translate("Etabli::Bench::Bench", text) : QString();
}

QString Bench::hsPartTitle(const QString &part)
{
    static const QHash<QString, const char *> t{
        {QStringLiteral("screen"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Screen")},
        {QStringLiteral("keyboard"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Keyboard")},
        {QStringLiteral("mouse"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Mouse")},
        {QStringLiteral("speakers"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Speakers")},
        {QStringLiteral("cable"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Cable")},
        {QStringLiteral("ram"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Memory")},
        {QStringLiteral("disk"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Disk")},
        {QStringLiteral("cpu"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Processor")},
        {QStringLiteral("gpu"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Graphics card")},
        {QStringLiteral("motherboard"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Main board")},
        {QStringLiteral("power_supply"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Power supply")},
        {QStringLiteral("optical"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "DVD drive")},
        {QStringLiteral("nic"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Network")},
        {QStringLiteral("audio"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Sound card")},
        {QStringLiteral("usb"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "USB port")},
        {QStringLiteral("battery"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Battery")},
        {QStringLiteral("fan"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Fan")},
        {QStringLiteral("case"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Case")}};
    const char *text = t.value(part);
    return text ? QCoreApplication::translate("Etabli::Bench::Bench", text) : part;
}

QString Bench::hsReasonTitle(const QString &reason)
{
    static const QHash<QString, const char *> t{
        {QStringLiteral("no_power"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Does not switch on")},
        {QStringLiteral("no_boot"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Does not start")},
        {QStringLiteral("no_display"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "No picture")},
        {QStringLiteral("dead_pixels"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Spots on the screen")},
        {QStringLiteral("broken_keys"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Keys broken")},
        {QStringLiteral("broken_button"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Button broken")},
        {QStringLiteral("no_sound"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "No sound")},
        {QStringLiteral("disk_failing"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Disk failing")},
        {QStringLiteral("ram_failing"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Memory failing")},
        {QStringLiteral("physical_damage"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Broken or cracked")},
        {QStringLiteral("missing"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Missing")},
        {QStringLiteral("other"), QT_TRANSLATE_NOOP("Etabli::Bench::Bench", "Something else")}};
    const char *text = t.value(reason);
    return text ? QCoreApplication::translate("Etabli::Bench::Bench", text) : reason;
}

} // namespace Etabli::Bench
