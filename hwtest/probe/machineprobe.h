// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Etabli::HwTest {

class HwIds;

/// Reads what a PC is made of from the files the kernel exposes, under a root path
/// (`/` on a bench, a fixture folder in tests): SMBIOS (with /sys/class/dmi/id as
/// fallback), /proc/cpuinfo and /sys/devices/system/cpu, /proc/meminfo, /sys/block,
/// /proc/sys/dev/cdrom/info, /sys/class/net, /sys/bus/pci, /proc/asound, USB
/// (/sys/bus/usb, or libusb on the live machine) and /sys/class/drm/*/edid.
///
/// Each reader is independent: one that fails adds an entry to `errors` and the
/// probe goes on. Blocking file reads only (a few ms): call it from a worker thread
/// in the UI; any thread may use its own MachineProbe.
class MachineProbe
{
public:
    enum class UsbSource {
        Sysfs, ///< ROOT/sys/bus/usb/devices (fixtures, umockdev trees)
        Libusb, ///< libusb enumeration of the running machine (root must be `/`)
        Auto, ///< libusb when root is `/` and libusb initialises, sysfs otherwise
    };

    explicit MachineProbe(QString root = QStringLiteral("/"), UsbSource usb = UsbSource::Auto);
    ~MachineProbe();
    MachineProbe(const MachineProbe &) = delete;
    MachineProbe &operator=(const MachineProbe &) = delete;

    /// The whole machine: {dmi, system, cpu, memory, disks, optical, network, pci,
    /// audio, usb, peripherals, monitors, errors}.
    QJsonObject probe();

    QJsonObject dmi(); ///< Smbios::toJson, or the /sys/class/dmi/id fallback
    QJsonObject cpu();
    QJsonObject memory(const QJsonObject &dmi);
    QJsonArray disks();
    QJsonArray optical();
    QJsonArray network();
    QJsonArray pci();
    QJsonArray audio();
    QJsonArray usb();
    QJsonArray monitors();

    /// USB devices from libusb (ids, class, bus/ports, strings when readable).
    static Result<QJsonArray> usbFromLibusb(const HwIds &ids);

    /// Summary lines for a worker or a support log.
    static QString toText(const QJsonObject &machine);

private:
    QString path(const QString &relative) const;
    const HwIds &ids();

    QString m_root;
    UsbSource m_usb;
    std::shared_ptr<const HwIds> m_ids;
    QJsonArray m_errors;
};

} // namespace Etabli::HwTest
