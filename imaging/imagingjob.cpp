// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/imagingjob.h"

#include "imaging/source.h"
#include "imaging/target.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#include <mutex>
#include <thread>

namespace Etabli::Imaging {

struct ImagingJob::Worker {
    std::mutex mutex;
    std::unique_ptr<ImageWriter> writer; // set once the master and targets are open
    bool cancelled = false;
    std::thread thread;
};

ImagingJob::ImagingJob(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &ImagingJob::poll);
}

ImagingJob::~ImagingJob()
{
    if (m_worker) {
        cancel();
        if (m_worker->thread.joinable())
            m_worker->thread.join();
    }
}

void ImagingJob::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ImagingJob::start()
{
    if (m_state == State::Running)
        return;
    if (m_worker && m_worker->thread.joinable())
        m_worker->thread.join();
    m_worker = std::make_shared<Worker>();
    m_errorString.clear();
    m_error.reset();
    m_masterCheck.clear();
    m_results.clear();
    setState(State::Running);
    QPointer<ImagingJob> self(this);
    auto worker = m_worker;
    worker->thread = std::thread([self, worker, master = m_master, targets = m_targets, serials = m_serials,
                                  options = m_options, base = m_safety, opener = m_opener]() mutable {
        auto finish = [self](Result<void> result) {
            QMetaObject::invokeMethod(
                qApp,
                [self, result] {
                    if (self)
                        self->done(result);
                },
                Qt::QueuedConnection);
        };
        if (!options.remote.cachePath.isEmpty() && options.manifest) {
            // A local cache stands in only for ranges that hash to the trusted manifest's.
            options.remote.cacheDigests = options.manifest->ranges;
            options.remote.cacheRangeSize = options.manifest->rangeSize;
        }
        auto source = Source::open(master, options.remote);
        if (!source)
            return finish(source.error());
        if (options.masterPath.isEmpty())
            options.masterPath = master; // for a seal, when the caller gave a seal directory
        std::vector<std::unique_ptr<TargetDevice>> devices;
        // Every target is checked before anything is written. A stream's size comes from its manifest.
        const int64_t size = (*source)->virtualSize() >= 0 ? (*source)->virtualSize()
            : options.manifest                             ? options.manifest->virtualSize
                                                           : -1;
        for (qsizetype i = 0; i < targets.size(); ++i) {
            SafetyOptions safety = base;
            safety.requiredSize = size;
            safety.masterPath = master;
            safety.confirmSerial = serials.value(i);
            if (opener) {
                auto t = opener(targets[i], safety);
                if (!t)
                    return finish(t.error());
                devices.push_back(std::move(t.value()));
            } else {
                auto t = DiskTarget::open(targets[i], safety);
                if (!t)
                    return finish(t.error());
                devices.push_back(std::move(t.value()));
            }
        }
        auto writer = std::make_unique<ImageWriter>(std::move(source.value()), std::move(options));
        for (auto &dev : devices)
            writer->addTarget(std::move(dev));
        ImageWriter *w = writer.get();
        {
            std::lock_guard lock(worker->mutex);
            worker->writer = std::move(writer);
            if (worker->cancelled)
                w->cancel();
        }
        finish(w->run());
    });
    m_timer->start();
}

void ImagingJob::cancel()
{
    if (!m_worker)
        return;
    std::lock_guard lock(m_worker->mutex);
    m_worker->cancelled = true;
    if (m_worker->writer)
        m_worker->writer->cancel();
}

std::vector<TargetProgress> ImagingJob::snapshot() const
{
    if (!m_worker)
        return {};
    std::lock_guard lock(m_worker->mutex);
    return m_worker->writer ? m_worker->writer->progress() : std::vector<TargetProgress>{};
}

void ImagingJob::poll()
{
    if (!m_worker)
        return;
    std::vector<TargetProgress> list;
    {
        std::lock_guard lock(m_worker->mutex);
        if (!m_worker->writer)
            return;
        list = m_worker->writer->progress();
    }
    for (size_t i = 0; i < list.size(); ++i) {
        const TargetProgress &p = list[i];
        Q_EMIT progress(int(i), p.bytesDone, p.bytesTotal, p.mibPerSecond, p.etaSeconds, toString(p.phase));
    }
}

void ImagingJob::done(const Result<void> &result)
{
    m_timer->stop();
    poll();
    if (m_worker) {
        if (m_worker->thread.joinable())
            m_worker->thread.join();
        if (m_worker->writer) {
            m_results = m_worker->writer->progress();
            m_masterCheck = m_worker->writer->masterCheck();
        }
    }
    bool allOk = result.ok();
    for (const TargetProgress &p : m_results)
        allOk = allOk && p.phase == TargetProgress::Phase::Done;
    if (!result.ok()) {
        m_errorString = result.error().message;
        m_error = result.error();
    } else if (!allOk)
        for (const TargetProgress &p : m_results)
            if (!p.error.isEmpty())
                m_errorString += (m_errorString.isEmpty() ? QString() : QStringLiteral("\n")) + p.error;
    const bool cancelled = !result.ok() && result.error().code == ErrorCode::Cancelled;
    setState(allOk ? State::Succeeded : cancelled ? State::Cancelled : State::Failed);
    if (!allOk)
        Q_EMIT errorOccurred(m_errorString);
    Q_EMIT finished(allOk);
}

} // namespace Etabli::Imaging
