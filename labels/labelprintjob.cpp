// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "labels/labelprintjob.h"

#include <QMetaObject>
#include <QPointer>

namespace Etabli::Labels {

LabelPrintJob::LabelPrintJob(LabelTemplate templ, QList<LabelData> labels, PrinterTarget target, QObject *parent)
    : QObject(parent)
    , m_templ(std::move(templ))
    , m_labels(std::move(labels))
    , m_target(std::move(target))
{}

LabelPrintJob::~LabelPrintJob()
{
    if (m_worker.joinable())
        m_worker.join();
}

void LabelPrintJob::start()
{
    State idle = State::Idle;
    if (!m_state.compare_exchange_strong(idle, State::Rendering))
        return;
    Q_EMIT stateChanged(State::Rendering);
    m_worker = std::thread([this] {
        auto label = renderLabels(m_templ, m_labels, m_target.dpiFor(m_templ));
        if (!label) {
            finish(false, label.error(), {});
            return;
        }
        m_state = State::Sending;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT stateChanged(State::Sending); }, Qt::QueuedConnection);
        auto sent = sendToPrinter(*label, m_templ, m_target);
        finish(sent.ok(), sent.ok() ? Error{} : sent.error(), label->tags);
    });
}

void LabelPrintJob::finish(bool ok, const Error &error, const QStringList &tags)
{
    // Runs on the worker; the state and signals reach the object's own thread.
    QMetaObject::invokeMethod(
        this,
        [this, ok, error, tags] {
            m_error = error;
            m_state = ok ? State::Printed : State::Failed;
            Q_EMIT stateChanged(m_state.load());
            if (ok)
                Q_EMIT printed(tags);
            else
                Q_EMIT failed(error.message);
        },
        Qt::QueuedConnection);
}

} // namespace Etabli::Labels
