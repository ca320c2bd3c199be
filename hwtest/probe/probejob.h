// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/probe/machineprobe.h"

#include <QJsonObject>
#include <QObject>

class QThread;

namespace Etabli::HwTest {

/// The probe for the station UI: runs MachineProbe (and the minimum-spec check) on
/// its own QThread so the screen never waits on sysfs or libusb, then emits
/// `finished` on the thread that owns the job. Create, connect and start it from the
/// GUI thread; one run at a time (start() while running returns false).
class ProbeJob : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
public:
    explicit ProbeJob(QString root = QStringLiteral("/"), QObject *parent = nullptr);
    ~ProbeJob() override;

    bool isRunning() const { return m_thread != nullptr; }
    /// Starts a probe; false when one is already running.
    bool start();
    /// Blocks until the running probe (if any) ends; for tests and shutdown.
    void wait();

Q_SIGNALS:
    void runningChanged();
    /// The whole machine (MachineProbe::probe()); readers that failed are in "errors".
    void finished(const QJsonObject &machine);

private:
    QString m_root;
    MachineProbe::UsbSource m_usb = MachineProbe::UsbSource::Auto;
    QThread *m_thread = nullptr;
};

} // namespace Etabli::HwTest
