// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/diag/diagjob.h"

#include <algorithm>
#include <cmath>

namespace Etabli::HwTest {

ProgressSink::ProgressSink(const std::atomic<bool> *cancel, Callback callback)
    : m_cancel(cancel)
    , m_callback(std::move(callback))
{
    m_clock.start();
}

void ProgressSink::report(double fraction)
{
    if (!m_callback)
        return;
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.elapsed();
    if (now - m_lastMs < 100 && fraction < 1.0)
        return;
    m_lastMs = now;
    fraction = std::clamp(fraction, 0.0, 1.0);
    const qint64 eta = fraction > 1e-6 ? qint64(std::llround(now / 1000.0 * (1.0 - fraction) / fraction)) : -1;
    m_callback(fraction, eta);
}

DiagJob::DiagJob(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Etabli::HwTest::TestResult>();
}

DiagJob::~DiagJob()
{
    cancel();
    wait();
}

bool DiagJob::start(Engine engine)
{
    if (m_state == State::Running)
        return false;
    wait();
    m_cancel = false;
    m_state = State::Running;
    m_thread = std::thread([this, engine = std::move(engine)] {
        ProgressSink sink(&m_cancel, [this](double f, qint64 eta) { Q_EMIT progress(f * 100.0, eta); });
        const TestResult result = engine(sink);
        m_state = State::Finished;
        Q_EMIT finished(result);
    });
    return true;
}

void DiagJob::wait()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace Etabli::HwTest
