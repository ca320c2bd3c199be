// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/printer.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <thread>

namespace Etabli::Labels {

/// The UI's way to print: renders and sends one page on a worker thread, so a printer
/// that takes seconds to answer (or never does) never blocks the UI thread. Create,
/// connect and start() it from one thread (the UI's); its signals arrive there.
/// Recording the print in the inventory stays with the caller (on `printed`), so that
/// nothing is recorded that did not go out.
class LabelPrintJob : public QObject
{
    Q_OBJECT
public:
    enum class State { Idle, Rendering, Sending, Printed, Failed };
    Q_ENUM(State)

    LabelPrintJob(LabelTemplate templ, QList<LabelData> labels, PrinterTarget target, QObject *parent = nullptr);
    ~LabelPrintJob() override; ///< waits for the worker (bounded by the printer timeouts)

    State state() const { return m_state.load(); }
    QString errorString() const { return m_error.message; }
    Error error() const { return m_error; }

    /// Starts the job once; later calls do nothing.
    void start();

Q_SIGNALS:
    void stateChanged(Etabli::Labels::LabelPrintJob::State state);
    /// The printer took the whole job: record label.printed for `tags` now.
    void printed(const QStringList &tags);
    /// Nothing went out: `message` says why, for the worker; queue the label.
    void failed(const QString &message);

private:
    void finish(bool ok, const Error &error, const QStringList &tags);

    LabelTemplate m_templ;
    QList<LabelData> m_labels;
    PrinterTarget m_target;
    std::atomic<State> m_state{State::Idle};
    Error m_error;
    std::thread m_worker;
};

} // namespace Etabli::Labels
