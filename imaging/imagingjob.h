// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "imaging/writer.h"

#include <QObject>
#include <QStringList>

#include <memory>

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

    explicit ImagingJob(QObject *parent = nullptr);
    ~ImagingJob() override;

    void setMaster(const QString &path) { m_master = path; }
    void setTargets(const QStringList &paths) { m_targets = paths; }
    /// One serial per target (same order) that the device must report; empty = not asked.
    void setConfirmSerials(const QStringList &serials) { m_serials = serials; }
    void setOptions(WriteOptions options) { m_options = std::move(options); }

    State state() const { return m_state; }
    QString errorString() const { return m_errorString; }
    /// Per-target outcome, complete once finished() was emitted.
    std::vector<TargetProgress> results() const { return m_results; }

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
    State m_state = State::Idle;
    QString m_errorString;
    std::vector<TargetProgress> m_results;
    std::shared_ptr<Worker> m_worker;
    QTimer *m_timer = nullptr;
};

} // namespace Etabli::Imaging
