// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/probejob.h"

#include <QPointer>
#include <QThread>

namespace Etabli::HwTest {

ProbeJob::ProbeJob(QString root, QObject *parent)
    : QObject(parent)
    , m_root(std::move(root))
{}

ProbeJob::~ProbeJob()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

bool ProbeJob::start()
{
    if (m_thread)
        return false;
    QPointer<ProbeJob> self(this);
    const QString root = m_root;
    const MachineProbe::UsbSource usb = m_usb;
    m_thread = QThread::create([self, root, usb] {
        MachineProbe probe(root, usb);
        const QJsonObject machine = probe.probe();
        // Deliver on the job's thread; the job may be gone by then.
        if (self)
            QMetaObject::invokeMethod(
                self.data(),
                [self, machine] {
                    if (!self)
                        return;
                    if (self->m_thread) {
                        self->m_thread->wait();
                        self->m_thread->deleteLater();
                        self->m_thread = nullptr;
                    }
                    Q_EMIT self->runningChanged();
                    Q_EMIT self->finished(machine);
                },
                Qt::QueuedConnection);
    });
    m_thread->start();
    Q_EMIT runningChanged();
    return true;
}

void ProbeJob::wait()
{
    if (m_thread)
        m_thread->wait();
}

} // namespace Etabli::HwTest

#include "moc_probejob.cpp"
