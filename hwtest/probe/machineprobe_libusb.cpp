// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// USB enumeration of the live machine through libusb (kept apart so the sysfs readers
// build and test without it).
#include "hwtest/probe/hwids.h"
#include "hwtest/probe/machineprobe.h"

#include <QCoreApplication>

#include <libusb.h>

namespace Etabli::HwTest {

namespace {

QString hex4(int v)
{
    return QStringLiteral("%1").arg(v, 4, 16, QLatin1Char('0'));
}

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QString descriptorString(libusb_device_handle *h, uint8_t index)
{
    if (!h || index == 0)
        return {};
    unsigned char buf[256] = {};
    const int n = libusb_get_string_descriptor_ascii(h, index, buf, sizeof buf);
    return n > 0 ? QString::fromLatin1(reinterpret_cast<const char *>(buf), n).trimmed() : QString();
}

/// keyboard / mouse from the HID boot protocol of any interface.
QString peripheralKind(libusb_device *dev)
{
    libusb_config_descriptor *config = nullptr;
    if (libusb_get_active_config_descriptor(dev, &config) != 0 || !config)
        return {};
    QString kind;
    for (int i = 0; i < config->bNumInterfaces && kind.isEmpty(); ++i)
        for (int a = 0; a < config->interface[i].num_altsetting && kind.isEmpty(); ++a) {
            const libusb_interface_descriptor &d = config->interface[i].altsetting[a];
            if (d.bInterfaceClass == LIBUSB_CLASS_HID && d.bInterfaceProtocol == 1)
                kind = QStringLiteral("keyboard");
            else if (d.bInterfaceClass == LIBUSB_CLASS_HID && d.bInterfaceProtocol == 2)
                kind = QStringLiteral("mouse");
        }
    libusb_free_config_descriptor(config);
    return kind;
}

} // namespace

Result<QJsonArray> MachineProbe::usbFromLibusb(const HwIds &ids)
{
    libusb_context *ctx = nullptr;
    if (const int rc = libusb_init(&ctx); rc != 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("MachineProbe", "libusb cannot start: %1")
                             .arg(QString::fromUtf8(libusb_strerror(rc))),
                         QStringLiteral("libusb_init"));
    libusb_device **list = nullptr;
    const ssize_t count = libusb_get_device_list(ctx, &list);
    if (count < 0) {
        libusb_exit(ctx);
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("MachineProbe", "libusb cannot list devices: %1")
                             .arg(QString::fromUtf8(libusb_strerror(int(count)))),
                         QStringLiteral("libusb_list"));
    }
    QJsonArray out;
    for (ssize_t i = 0; i < count; ++i) {
        libusb_device *dev = list[i];
        libusb_device_descriptor desc{};
        if (libusb_get_device_descriptor(dev, &desc) != 0)
            continue;
        uint8_t ports[8] = {};
        const int depth = libusb_get_port_numbers(dev, ports, sizeof ports);
        QStringList path;
        for (int p = 0; p < depth; ++p)
            path << QString::number(ports[p]);
        // Strings need the device open: readable as root, skipped otherwise.
        libusb_device_handle *h = nullptr;
        if (libusb_open(dev, &h) != 0)
            h = nullptr;
        const QString kind = peripheralKind(dev);
        QJsonObject d{{QStringLiteral("bus"), libusb_get_bus_number(dev)},
                      {QStringLiteral("port_path"), path.isEmpty() ? QString::number(0) : path.join(u'.')},
                      {QStringLiteral("device_address"), libusb_get_device_address(dev)},
                      {QStringLiteral("vendor_id"), hex4(desc.idVendor)},
                      {QStringLiteral("product_id"), hex4(desc.idProduct)},
                      {QStringLiteral("class"), desc.bDeviceClass},
                      {QStringLiteral("vendor"), orNull(ids.usbVendor(desc.idVendor))},
                      {QStringLiteral("product"), orNull(ids.usbProduct(desc.idVendor, desc.idProduct))},
                      {QStringLiteral("manufacturer_string"), orNull(descriptorString(h, desc.iManufacturer))},
                      {QStringLiteral("product_string"), orNull(descriptorString(h, desc.iProduct))},
                      {QStringLiteral("serial"), orNull(descriptorString(h, desc.iSerialNumber))},
                      {QStringLiteral("peripheral"), orNull(kind)},
                      {QStringLiteral("source"), QStringLiteral("libusb")}};
        if (desc.bDeviceClass == LIBUSB_CLASS_HUB)
            d[QStringLiteral("hub")] = true;
        if (h)
            libusb_close(h);
        out.append(d);
    }
    libusb_free_device_list(list, 1);
    libusb_exit(ctx);
    return out;
}

} // namespace Etabli::HwTest
