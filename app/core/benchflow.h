// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"
#include "inventory/event.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Etabli::Inventory {
class Store;
}

/// The bench flow (issue 12): which steps an asset goes through on a bench, in which order,
/// and where it is. The flow is data: the order comes from the workshop's latest
/// `workshop.configured` `bench_steps` (the default order when none), the presence of a step
/// from the asset's kind and the lifecycle's own tables (`requiredTests`, `needsImage`,
/// `Lifecycle::check`: never re-implemented here), and the position from the asset's
/// `flow.step` events. So after a `kill -9` or a power cut the station reopens at the same
/// step of the same asset, and nothing done is redone: a step whose work is already in the
/// log (its outcome event, see stepOutcome) is marked done on resume instead of run again.
///
/// The pure functions run on any thread; those taking a `Store&` run on the store's thread
/// (through `InventoryService::run` in a face).
namespace Etabli::AppCore {

enum class BenchStep {
    Identify, ///< probe the PC, minimum-spec verdict (asset.updated)
    Ram, ///< RAM test (test.recorded ram)
    Disk, ///< disk SMART and surface scan (test.recorded disk)
    Screen, ///< screen test (test.recorded screen)
    Audio, ///< audio test (test.recorded audio)
    Input, ///< keyboard and mouse (test.recorded keyboard / mouse)
    Hs, ///< broken parts by picture (hs.recorded)
    Parts, ///< parts added or swapped (asset.updated components)
    Cleaning, ///< the physical cleaning checklist
    EraseImage, ///< erase the disk and write the master through etabli-helper (imaging.recorded)
    Label, ///< print the label (label.printed)
    Packing, ///< pack the PC
    Done, ///< the end: always last
};

enum class StepStatus { Pending, Started, Done, Skipped, Failed };

QString toString(BenchStep step); ///< identify, ram, disk, screen, audio, input, hs, parts, cleaning, erase_image,
                                  ///< label, packing, done
std::optional<BenchStep> benchStepFromString(const QString &name);
QString toString(StepStatus status); ///< pending, started, done, skipped, failed
std::optional<StepStatus> stepStatusFromString(const QString &name);

QList<BenchStep> allBenchSteps(); ///< every step, in the default order
QList<BenchStep> defaultBenchSteps(); ///< the order when the workshop configured none (= allBenchSteps)

/// The workshop's order from its settings events (any order, oldest first): the
/// `bench_steps` of the latest `workshop.configured` that carries it. Unknown names and
/// repeats are dropped, and `done` is always last (added when missing). An empty or absent
/// list gives defaultBenchSteps().
QList<BenchStep> stepsFromConfiguration(const QList<Inventory::Event> &settingsEvents);

/// Whether `step` applies to an asset of `kind`, from the lifecycle's tables: the test steps
/// where the kind's required tests or its parts call for them, erase_image where
/// `needsImage(kind)`, identify and parts for PCs; hs, cleaning, label, packing, done always.
bool stepApplies(BenchStep step, Inventory::AssetKind kind);

/// The event that shows a step's work was done (what resume looks for after a `started`),
/// empty for the steps the worker ends by hand (hs, parts, cleaning, packing, done).
struct StepOutcome {
    QString type; ///< e.g. test.recorded
    QStringList testKinds; ///< for test.recorded: the kinds that count (any of them)
};
StepOutcome stepOutcome(BenchStep step);

struct FlowStepState {
    BenchStep step = BenchStep::Done;
    StepStatus status = StepStatus::Pending;
    QJsonObject data; ///< the latest flow.step's data
    qint64 statusSeq = 0; ///< seq of the latest flow.step of this step (0: none)
    bool outcomeRecorded = false; ///< started, and its outcome event is in the log after it
};

/// Where one asset is in the flow.
struct FlowPosition {
    QString tag;
    Inventory::AssetKind kind = Inventory::AssetKind::Pc;
    Inventory::AssetState state = Inventory::AssetState::Received;
    QList<FlowStepState> steps; ///< the steps that apply, in the workshop's order
    int current = 0; ///< index of the first step not done or skipped; steps.size() when finished

    int total() const { return int(steps.size()); }
    bool finished() const { return current >= total(); }
    std::optional<BenchStep> currentStep() const;
    /// 1-based number of the current step for « Étape 3 sur 9 » (total when finished).
    int number() const { return finished() ? total() : current + 1; }
};

/// Pure: the position of an asset of `kind` from its events (oldest first, as
/// `Store::eventsForAsset` gives them). Only the current cycle counts: the events after its
/// latest move to RETURNED (a returned PC goes through the bench again). A step is finished
/// when its latest status is done, skipped or failed (a failed test is a finding: the flow goes
/// on to the HS step); the current step is the first one not finished.
FlowPosition flowPosition(const QString &tag, Inventory::AssetKind kind, Inventory::AssetState state,
                          const QList<BenchStep> &order, const QList<Inventory::Event> &assetEvents);

/// The identify step's verdict: does the PC meet the workshop's `min_spec` (`ram_gb`,
/// `disk_gb`: the least memory and disk, in GB of 10^9 bytes, summed over the asset's
/// components)? An empty `min_spec` is met by every PC.
struct MinSpecVerdict {
    bool met = true;
    QStringList missing; ///< ram, disk
    qint64 ramBytes = 0;
    qint64 diskBytes = 0;
};
MinSpecVerdict minSpecVerdict(const Inventory::Asset &asset, const QJsonObject &minSpec);

// --- on the store's thread

/// The value of `key` in the latest `workshop.configured` event that carries it (null when none).
QJsonValue workshopSetting(Inventory::Store &store, const QString &key);

/// The workshop's bench steps as configured in this store.
QList<BenchStep> configuredSteps(Inventory::Store &store);

/// Reads where `tag` is (tag checked with AssetTag::parse: a malformed one or a bad check
/// character is InvalidArgument/BadCheckCharacter, an unknown asset NotFound).
Result<FlowPosition> readFlow(Inventory::Store &store, const QString &tag);

/// Records `status` for `step` of `tag` as one `flow.step` event (position = its 1-based
/// number) and returns the new position. Idempotent: when the step's latest status already
/// is `status` nothing is written (a repeated « started » after a restart, a double press).
/// A step that does not apply to the asset is refused (InvalidArgument, detail
/// `step_not_in_flow`).
Result<FlowPosition> markStep(Inventory::Store &store, const QString &tag, BenchStep step, StepStatus status,
                              const QJsonObject &data = {});

/// What a station does when it (re)opens an asset: every step left `started` whose outcome
/// event is already in the log is marked done (data `resumed: true`), so its work is not run
/// a second time. Returns the position after that.
Result<FlowPosition> resumeFlow(Inventory::Store &store, const QString &tag);

/// Moves the asset as far along TESTING → IMAGED → READY as the lifecycle's guards allow
/// now (asks `Lifecycle::check` with the store's facts; RECEIVED and RETURNED go to TESTING
/// first). Returns the state it is in afterwards; a refusal of one move is not an error, it
/// only stops there.
Result<Inventory::AssetState> advanceAsset(Inventory::Store &store, const QString &tag);

/// The asset the bench last worked on and did not finish (its latest flow.step is not
/// `done` of the `done` step), from this store's log; empty when none. Lets a station reopen
/// on the same asset after a power cut.
QString unfinishedAsset(Inventory::Store &store);

/// The assets this station left unfinished (their latest flow.step is not `done` of the
/// `done` step), the most recently touched first, at most `limit`. With « work on another PC
/// meanwhile » two are open at once: after a `kill -9` the bench reopens the first and
/// offers the second (whose long work was cut) as « back to PC … ».
QStringList unfinishedAssets(Inventory::Store &store, int limit = 2);

} // namespace Etabli::AppCore
