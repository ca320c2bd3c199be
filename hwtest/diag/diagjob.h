// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/testresult.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace Etabli::HwTest {

/// Handed to an engine's run function: reports progress and tells it when to stop.
/// Any thread may call it; report() is cheap (rate-limited to about 10 Hz).
class ProgressSink
{
public:
    using Callback = std::function<void(double fraction, qint64 etaSeconds)>;
    explicit ProgressSink(const std::atomic<bool> *cancel = nullptr, Callback callback = {});

    void report(double fraction); ///< 0..1 of the whole job
    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

private:
    const std::atomic<bool> *m_cancel;
    Callback m_callback;
    QElapsedTimer m_clock;
    qint64 m_lastMs = -1000;
    std::mutex m_mutex;
};

/// QObject facade of every long diagnostic (RAM, surface scan, SMART through
/// smartctl…): start() runs the engine on its own std::thread and returns at once;
/// progress() and finished() are emitted from that thread, so connections to objects
/// of the UI thread are queued and never block it. Create, start, cancel and destroy
/// it from one thread (normally the UI thread); the destructor cancels and joins.
class DiagJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Running, Finished };
    Q_ENUM(State)

    using Engine = std::function<TestResult(ProgressSink &)>;

    explicit DiagJob(QObject *parent = nullptr);
    ~DiagJob() override;

    /// Runs `engine` on a worker thread; refused (returns false) while running.
    bool start(Engine engine);
    void cancel() { m_cancel = true; }
    State state() const { return m_state.load(); }
    /// Blocks until the engine returns (CLI and tests only).
    void wait();

Q_SIGNALS:
    void progress(double percent, qint64 etaSeconds);
    void finished(const Etabli::HwTest::TestResult &result);

private:
    std::thread m_thread;
    std::atomic<bool> m_cancel{false};
    std::atomic<State> m_state{State::Idle};
};

} // namespace Etabli::HwTest

Q_DECLARE_METATYPE(Etabli::HwTest::TestResult)
