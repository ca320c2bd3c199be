// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/bench/benchflowmodel.h"
#include "app/core/inventoryservice.h"
#include "app/core/progressthrottle.h"
#include "common/result.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QProcess;
class QQmlEngine;
class QJSEngine;

namespace Etabli::AppCore {
class HelperClient;
}
namespace Etabli::HwTest {
class BlockSource;
class DiagJob;
class ProbeJob;
class ProgressSink;
struct TestResult;
} // namespace Etabli::HwTest

namespace Etabli::Bench {

/// Where the bench finds its hardware and its printer. main() fills it: the real bench
/// (root `/`, the disk the worker picks, the station's printer) or the demo machine
/// (app/bench/benchdemo.h).
struct BenchConfig {
    QString dbPath;
    QString station;
    QString probeRoot = QStringLiteral("/"); ///< a fixture folder for the demo
    QString smartJson; ///< saved `smartctl -j -a` output (the demo); empty: ask the disk
    qint64 ramBytes = 256LL * 1024 * 1024; ///< the RAM test's size
    int ramPasses = 1; ///< its passes (the benchmark's long-running work screen takes more)
    /// bench: the RAM test runs as `PROGRAM test ram` in a child process (never in the
    /// station's own). Empty: the `etabli` installed beside etabli-station.
    QString ramProgram;
    int ramThreads = 0; ///< its workers; 0: one core fewer than the machine (the UI keeps one)
    QString masterPath; ///< the signed master (.qcow2) etabli-helper writes
    /// masters (issue 19): masterPath may be a master on the network (https://SERVER/api/v1/
    /// masters/NAME.qcow2 or multicast://GROUP:PORT?master=URL, setting station.master); then
    /// the station's token and CA (sync.token, sync.ca) and its cache (masters.cache) go with it.
    QString masterToken, masterCa, masterCache;
    QString helperProgram; ///< empty: HelperClient's choice (itself as root, the socket, pkexec)
    QString diskPath; ///< the block device to erase and image
    QString diskSerial; ///< its serial as the helper reads it
    QString diskModel;
    qint64 diskBytes = 0;
    QString printer; ///< e.g. brother-ql://host:port; `demo` starts the stand-in printer
    QString demoPrinterScript; ///< packaging/demo-printer.py
    QString labelTemplate = QStringLiteral("brother-62x29");
    QString demoLot; ///< the lot new assets go to at intake in the demo
    /// The disk step's surface scan: read-only, over `diskPath` only (no disk: SMART only).
    bool surfaceScan = true;
    qint64 surfaceChunkBytes = 4 * 1024 * 1024;
    /// Opens the disk under test for the surface scan (empty: HwTest::FileBlockSource::open,
    /// read-only). Tests wrap the real device to add unreadable sectors.
    using DiskOpener = std::function<Result<std::unique_ptr<HwTest::BlockSource>>(const QString &path)>;
    DiskOpener openDisk;
};

/// The bench flow for QML (issue 12): who is logged in, which asset, which step, and the one
/// main action of each step. The flow itself (order, presence, position) is
/// AppCore::BenchFlow in the inventory; each action wraps an existing job (ProbeJob, DiagJob,
/// etabli-helper through HelperClient, the label printer) and records through an
/// AppCore::InventoryService, so the UI thread never waits on SQLite. A refusal is shown
/// (`message`), never dropped. UI thread only; one instance per process (`Bench` in QML).
class Bench : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
public:
    enum class Screen { Login, Asset, Step, Finished };
    Q_ENUM(Screen)

private:
    Q_PROPERTY(Screen screen READ screen NOTIFY changed)
    Q_PROPERTY(QVariantList workers READ workers NOTIFY workersChanged)
    Q_PROPERTY(QString workerName READ workerName NOTIFY changed)
    Q_PROPERTY(QString workerBadge READ workerBadge NOTIFY changed)
    Q_PROPERTY(QString assetTag READ assetTag NOTIFY changed)
    Q_PROPERTY(QString assetKind READ assetKind NOTIFY changed)
    Q_PROPERTY(QString assetState READ assetState NOTIFY changed)
    Q_PROPERTY(QStringList assetFacts READ assetFacts NOTIFY changed)
    /// What the probe found, on one line (« LENOVO ThinkPad T480s · i7-8650U · 24 GB · SSD 256 GB »).
    Q_PROPERTY(QString factsLine READ factsLine NOTIFY changed)
    /// The broken parts and the parts added so far, by their names.
    Q_PROPERTY(QString hsSummary READ hsSummary NOTIFY changed)
    Q_PROPERTY(QString partsSummary READ partsSummary NOTIFY changed)
    Q_PROPERTY(QString minSpec READ minSpec NOTIFY changed)
    Q_PROPERTY(Etabli::Bench::BenchFlowModel *flow READ flow CONSTANT)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(bool working READ working NOTIFY changed)
    Q_PROPERTY(bool confirming READ confirming NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY progressChanged)
    Q_PROPERTY(QString diskModel READ diskModel CONSTANT)
    Q_PROPERTY(QString diskSize READ diskSize CONSTANT)
    Q_PROPERTY(QString diskSerial READ diskSerial CONSTANT)
    Q_PROPERTY(QStringList lots READ lots NOTIFY workersChanged)
    Q_PROPERTY(QVariantList hsRecorded READ hsRecorded NOTIFY changed)
    Q_PROPERTY(QStringList partsAdded READ partsAdded NOTIFY changed)
    Q_PROPERTY(int pendingChanges READ pendingChanges NOTIFY syncChanged)
    Q_PROPERTY(QString lastSync READ lastSync NOTIFY syncChanged)
    /// The sync indicator in words: « 2 changes to send. Sent 5 minutes ago. » (syncText()).
    Q_PROPERTY(QString syncText READ syncText NOTIFY syncChanged)
    /// The last long test's verdict in plain words when it found a fault (« The disk has
    /// places that cannot be read. »), shown and said on the next screen; empty otherwise.
    Q_PROPERTY(QString verdict READ verdict NOTIFY changed)
    /// Meanwhile (issue 12 « long work »): the long work (memory test, disk test, erase) runs
    /// for `jobTag` while the worker may do another PC's steps by hand.
    Q_PROPERTY(bool canWorkMeanwhile READ canWorkMeanwhile NOTIFY changed)
    /// The PC left for another one (its long work runs, ended, or was cut by a restart); empty: none.
    Q_PROPERTY(QString otherTag READ otherTag NOTIFY changed)
    /// The other PC's long work has ended (its end is shown when the worker goes back).
    Q_PROPERTY(bool otherFinished READ otherFinished NOTIFY changed)
    /// A sentence about the other PC (« The work on PC … is finished. Go back to it. »).
    Q_PROPERTY(QString notice READ notice NOTIFY changed)
    /// The asset's test step for the Station screens: keyboard, screen or audio; empty otherwise.
    Q_PROPERTY(QString testScreen READ testScreen NOTIFY changed)
    /// benchui: the last erase failed on a disk in the security FROZEN state (FrozenDriveFix).
    Q_PROPERTY(bool diskFrozen READ diskFrozen NOTIFY changed)

public:
    static Bench *instance();
    static Bench *create(QQmlEngine *, QJSEngine *);

    /// Opens the inventory and reads the workers. Call once before the QML is loaded.
    void configure(const BenchConfig &config);
    /// The text scale and contrast given on the command line win over a worker's preferences.
    void setForcedLook(bool textScale, bool contrast);
    const BenchConfig &config() const { return m_config; }

    Screen screen() const { return m_screen; }
    QVariantList workers() const { return m_workers; }
    QString workerName() const { return m_workerName; }
    QString workerBadge() const { return m_workerBadge; }
    QString assetTag() const { return m_tag; }
    QString assetKind() const { return m_kind; }
    QString assetState() const { return m_state; }
    QStringList assetFacts() const { return m_facts; }
    QString factsLine() const { return m_facts.join(QStringLiteral(" · ")); }
    QString hsSummary() const;
    QString partsSummary() const;
    QString minSpec() const { return m_minSpec; }
    BenchFlowModel *flow() { return &m_flow; }
    QString message() const { return m_message; }
    /// bench: the helper's own words, code and detail of the last failed erase (English, for
    /// the supervisor and the log; the worker reads eraseFailureText()). Empty: none.
    QString workDetail() const { return m_workDetail; }
    /// The worker's sentence for a failed erase, from the helper's typed code and detail.
    static QString eraseFailureText(const QString &code, const QString &detail);
    /// The shown asset's long work runs (another PC's work runs meanwhile: false).
    bool working() const { return m_working && m_jobTag == m_tag; }
    /// Some long work runs on this bench, for whichever asset.
    bool jobRunning() const { return m_working; }
    QString jobTag() const { return m_working ? m_jobTag : QString(); }
    bool confirming() const { return m_confirming; }
    double progress() const { return m_progress; }
    int secondsLeft() const { return m_secondsLeft; }
    QString diskModel() const { return m_config.diskModel; }
    QString diskSize() const;
    QString diskSerial() const { return m_config.diskSerial; }
    QStringList lots() const { return m_lots; }
    QVariantList hsRecorded() const { return m_hs; }
    QStringList partsAdded() const { return m_parts; }
    int pendingChanges() const { return m_pending; }
    QString lastSync() const { return m_lastSync; }
    QString syncText() const;
    /// The sync indicator's words for `pending` changes and the last sync `lastSync`
    /// (ISO date, empty: never) at `now`: « Everything is sent. Sent 5 minutes ago. »
    static QString syncWords(int pending, const QString &lastSync, const QDateTime &now);
    QString verdict() const { return m_verdict; }
    bool canWorkMeanwhile() const { return working() && m_longJob; }
    QString otherTag() const { return m_otherTag; }
    bool otherFinished() const { return m_otherFinished; }
    QString notice() const { return m_notice; }
    QString testScreen() const;
    /// Requests to the inventory not answered yet (the walk waits for 0 before it quits).
    int busyRequests() const { return m_calls.size(); }

    // --- the worker's actions
    /// A scanned badge (the scanner types the worker id and Enter).
    Q_INVOKABLE void loginWithBadge(const QString &scanned);
    Q_INVOKABLE void logout();
    /// A scanned asset label; a garbled or unknown tag is said, nothing changes.
    Q_INVOKABLE void openAsset(const QString &scanned);
    /// Intake: a new asset of `kind` (pc, screen, keyboard, mouse, speakers) in `lot`.
    Q_INVOKABLE void createAsset(const QString &kind, const QString &lot);
    /// The current step's main action (start the probe, the test, the print…, or « done »
    /// for a step the worker does by hand).
    Q_INVOKABLE void mainAction();
    /// The worker held the button (or scanned the disk's serial): erase and write the master.
    Q_INVOKABLE void confirmErase(const QString &scannedSerial = {});
    Q_INVOKABLE void cancelConfirm();
    /// benchui: a scan the ScanField refused (wrong scanner layout): its sentence is the message.
    Q_INVOKABLE void refuseScan(const QString &message);
    bool diskFrozen() const { return m_diskFrozen; }
    Q_INVOKABLE void skipStep();
    /// A Station test screen was closed by the worker: its results are in the inventory.
    Q_INVOKABLE void testScreenClosed();
    /// HS: one broken part and its reason, both from the closed lists (inventory/domain.h).
    Q_INVOKABLE void recordHs(const QString &part, const QString &reason);
    /// Parts: one part added or swapped (ram, disk, optical, audio).
    Q_INVOKABLE void addPart(const QString &kind);
    /// Back to the asset screen (« another PC »).
    Q_INVOKABLE void nextAsset();
    /// « Work on another PC meanwhile »: while this PC's long work runs, the worker picks
    /// another PC (asset screen) and does its steps by hand; the work goes on.
    Q_INVOKABLE void workOnAnother();
    /// Back to the PC left for another one (otherTag): its progress, or its end.
    Q_INVOKABLE void backToOther();
    /// Whether every step the flow has is finished and nothing is on its way.
    bool idle() const { return !m_working && m_calls.isEmpty(); }

    Q_INVOKABLE static QString hsPartTitle(const QString &part);
    Q_INVOKABLE static QString hsReasonTitle(const QString &reason);
    Q_INVOKABLE static QStringList hsParts();
    Q_INVOKABLE static QStringList hsReasons();
    Q_INVOKABLE static QString stepSentence(const QString &step);
    Q_INVOKABLE static QString stepPictogram(const QString &step);
    Q_INVOKABLE static QString pictogram(const QString &name);

Q_SIGNALS:
    void changed();
    void workersChanged();
    void progressChanged();
    void syncChanged();
    /// Preferences of the worker who logged in (text size 1–2, voice, guidance, high contrast).
    void preferencesApplied(double textScale, bool voice, const QString &guidance, bool highContrast);

private:
    explicit Bench(QObject *parent = nullptr);
    ~Bench() override;

    using Handler = std::function<void(const QVariant &)>;
    quint64 call(AppCore::InventoryService::Task task, Handler onDone, bool changes = true);
    /// The end of the long work: shown on its asset, or kept for the worker's return.
    void jobEnded(const QVariant &value, const QString &verdict);
    Handler workDone();
    void onFinished(quint64 id, const QVariant &value);
    void onFailed(quint64 id, const QString &errorString);
    void setMessage(const QString &message);
    void setDiskFrozen(bool frozen);
    /// bench: an erase that failed: the worker's sentence, the helper's words to the log.
    void eraseFailed(const QString &code, const QString &detail, const QString &helperMessage);
    void setScreen(Screen screen);
    void setWorking(bool working);
    void setProgress(double fraction, qint64 etaSeconds);
    void showPosition(const QVariant &value);
    void refreshSync();
    void loadWorkers();
    void startIdentify();
    void runDiagStep(AppCore::BenchStep step, std::function<HwTest::TestResult(HwTest::ProgressSink &)> engine);
    /// The long work of `tag` ended while the worker was on another PC: said, shown on return.
    void otherEnded(const QString &tag, const QString &sentence);
    void setVerdict(const QString &verdict);
    void startRam();
    void startDisk();
    void startLabel();
    void startErase();
    /// Marks the current step (and refreshes the asset, the flow and the sync indicator).
    void finishStep(AppCore::StepStatus status, const QJsonObject &data = {});
    void failWork(const QString &message);

    BenchConfig m_config;
    std::unique_ptr<AppCore::InventoryService> m_service;
    QHash<quint64, Handler> m_calls;
    BenchFlowModel m_flow;
    Screen m_screen = Screen::Login;
    QVariantList m_workers;
    QStringList m_lots;
    QString m_workerName, m_workerBadge;
    QString m_tag, m_kind, m_state, m_minSpec;
    QStringList m_facts;
    QString m_message;
    QString m_workDetail; // bench: the last failed erase, in the helper's words
    bool m_diskFrozen = false; // benchui
    bool m_working = false;
    bool m_longJob = false; ///< the work running is one the worker may leave (RAM, disk, erase)
    QString m_jobTag; ///< the asset of the work running
    QString m_otherTag; ///< the asset left for another one (meanwhile), or cut by a restart
    bool m_otherFinished = false;
    QString m_otherMessage; ///< a failure of the other PC's work, shown on return
    QString m_otherVerdict; ///< its verdict, shown on return
    QString m_notice;
    QString m_verdict;
    quint64 m_jobCall = 0; ///< the request recording the long work's end
    QTimer m_syncClock; ///< « Sent 5 minutes ago » follows the clock
    bool m_confirming = false;
    double m_progress = 0;
    int m_secondsLeft = -1;
    /// bench: the long work's progress as the screen takes it: <= 4 updates a second, the
    /// latest always (the engines report up to 10 a second, the helper on every block).
    ProgressThrottle m_progressThrottle{250};
    QVariantList m_hs;
    QStringList m_parts;
    int m_pending = 0;
    QString m_lastSync;
    bool m_forcedScale = false;
    bool m_forcedContrast = false;
    std::unique_ptr<HwTest::ProbeJob> m_probe;
    std::unique_ptr<HwTest::DiagJob> m_diag;
    QPointer<AppCore::HelperClient> m_helper;
    QPointer<QProcess> m_printer;
};

} // namespace Etabli::Bench
