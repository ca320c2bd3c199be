// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "imaging/writer.h"

#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace Etabli::Imaging {

/// The app's handle on one master write: configure, start(), then follow the signals.
/// The work runs on its own thread; the signals are emitted in the thread that owns the
/// job (the UI thread), from a 250 ms progress poll. Every method must be called from
/// that owning thread. Destroying a running job cancels it and waits for it.
class ImagingJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    /// Opens one target after its safety checks (DiskTarget::open by default). Called on
    /// the job's thread, for every target, before anything is written.
    using TargetOpener
        = std::function<Result<std::unique_ptr<TargetDevice>>(const QString &path, const SafetyOptions &safety)>;

    explicit ImagingJob(QObject *parent = nullptr);
    ~ImagingJob() override;

    void setMaster(const QString &path) { m_master = path; }
    void setTargets(const QStringList &paths) { m_targets = paths; }
    /// One serial per target (same order) that the device must report; empty = not asked.
    void setConfirmSerials(const QStringList &serials) { m_serials = serials; }
    void setOptions(WriteOptions options) { m_options = std::move(options); }
    /// The checks every target passes (size, serial and master are filled in per target).
    void setSafety(const SafetyOptions &base) { m_safety = base; }
    void setTargetOpener(TargetOpener opener) { m_opener = std::move(opener); }

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    /// Why the run failed as a whole, with its code; empty when it did not.
    std::optional<Error> error() const { return m_error; }
    /// Per-target outcome, complete once finished() was emitted; empty when a target was
    /// refused before anything was written.
    std::vector<TargetProgress> results() const { return m_results; }
    /// A snapshot of every target while running (empty until the targets are open).
    std::vector<TargetProgress> snapshot() const;
    /// How the master was checked ("sha256", "seal", "none"), once finished.
    QString masterCheck() const { return m_masterCheck; }

public Q_SLOTS:
    void start();
    void cancel();

Q_SIGNALS:
    void stateChanged(Etabli::Imaging::ImagingJob::State state);
    void progress(int target, qint64 bytesDone, qint64 bytesTotal, double mibPerSecond, double etaSeconds,
                  const QString &phase);
    void finished(bool ok);
    void errorOccurred(const QString &errorString);

private:
    void poll();
    void done(const Result<void> &result);
    void setState(State state);

    struct Worker;
    QString m_master;
    QStringList m_targets, m_serials;
    WriteOptions m_options;
    SafetyOptions m_safety;
    TargetOpener m_opener;
    State m_state = State::Idle;
    QString m_errorString;
    std::optional<Error> m_error;
    QString m_masterCheck;
    std::vector<TargetProgress> m_results;
    std::shared_ptr<Worker> m_worker;
    QTimer *m_timer = nullptr;
};

} // namespace Etabli::Imaging
