// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace Etabli::HwTest {

/// Names of PCI and USB vendors/devices (pci.ids, usb.ids) and of EDID manufacturers
/// (pnp.ids), loaded from the first directory that holds each file. A loaded HwIds is
/// read-only and may be shared between threads; loading is not thread-safe.
class HwIds
{
public:
    /// Directories searched in order: ROOT/usr/share/hwdata, ROOT/usr/share/misc, then
    /// the same under `/` so a fixture root without the databases still gets names.
    static QStringList searchPath(const QString &root);
    enum Database { Pci = 1, Usb = 2, Pnp = 4, All = Pci | Usb | Pnp };
    /// Loads the databases named in `which` (pci.ids alone is ~1.3 MB: skip what you do not need).
    void load(const QStringList &directories, int which = All);

    QString pciVendor(quint16 vendor) const { return m_pciVendors.value(vendor); }
    QString pciDevice(quint16 vendor, quint16 device) const { return m_pciDevices.value(key(vendor, device)); }
    QString pciClass(quint8 base, quint8 sub) const;
    QString usbVendor(quint16 vendor) const { return m_usbVendors.value(vendor); }
    QString usbProduct(quint16 vendor, quint16 product) const { return m_usbProducts.value(key(vendor, product)); }
    QString pnpName(const QString &id) const { return m_pnp.value(id); }

private:
    static quint32 key(quint16 a, quint16 b) { return (quint32(a) << 16) | b; }
    void loadIds(const QString &file, QHash<quint16, QString> &vendors, QHash<quint32, QString> &devices,
                 QHash<quint32, QString> *classes);

    QHash<quint16, QString> m_pciVendors;
    QHash<quint32, QString> m_pciDevices;
    QHash<quint32, QString> m_pciClasses; ///< (base << 8 | sub) or (base << 8 | 0xFFFF-marker)
    QHash<quint16, QString> m_usbVendors;
    QHash<quint32, QString> m_usbProducts;
    QHash<QString, QString> m_pnp;
};

} // namespace Etabli::HwTest
