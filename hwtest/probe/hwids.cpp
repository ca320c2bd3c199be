// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "hwtest/probe/hwids.h"

#include <QDir>
#include <QFile>

namespace Etabli::HwTest {

namespace {

QString findFile(const QStringList &dirs, const QString &name)
{
    for (const QString &d : dirs)
        if (QFile::exists(QDir(d).filePath(name)))
            return QDir(d).filePath(name);
    return {};
}

bool hex4(const QByteArray &s, int from, quint16 &out)
{
    if (s.size() < from + 4)
        return false;
    bool ok = false;
    out = quint16(s.mid(from, 4).toUInt(&ok, 16));
    return ok;
}

} // namespace

QStringList HwIds::searchPath(const QString &root)
{
    QStringList dirs;
    for (const QString &r : {root, QStringLiteral("/")})
        for (const char *sub : {"usr/share/hwdata", "usr/share/misc"})
            dirs << QDir(r).filePath(QLatin1String(sub));
    dirs.removeDuplicates();
    return dirs;
}

QString HwIds::pciClass(quint8 base, quint8 sub) const
{
    const QString s = m_pciClasses.value((quint32(base) << 8) | sub);
    return s.isEmpty() ? m_pciClasses.value(0x10000u | base) : s;
}

void HwIds::loadIds(const QString &file, QHash<quint16, QString> &vendors, QHash<quint32, QString> &devices,
                    QHash<quint32, QString> *classes)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    quint16 vendor = 0;
    bool inVendor = false;
    int classBase = -1;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().chopped(1);
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        quint16 id = 0;
        if (line.startsWith("C ")) { // device classes: "C 02  Network controller"
            inVendor = false;
            bool ok = false;
            classBase = line.mid(2, 2).toInt(&ok, 16);
            if (!ok)
                classBase = -1;
            else if (classes)
                classes->insert(0x10000u | quint32(classBase), QString::fromUtf8(line.mid(6)));
            continue;
        }
        if (line[0] != '\t') {
            classBase = -1;
            inVendor = hex4(line, 0, id) && line.size() > 6 && line[4] == ' ';
            if (inVendor) {
                vendor = id;
                vendors.insert(id, QString::fromUtf8(line.mid(6)));
            }
            continue;
        }
        if (line.startsWith("\t\t"))
            continue;
        if (classBase >= 0 && classes) {
            bool ok = false;
            const int sub = line.mid(1, 2).toInt(&ok, 16);
            if (ok)
                classes->insert((quint32(classBase) << 8) | quint32(sub), QString::fromUtf8(line.mid(5)));
            continue;
        }
        if (inVendor && hex4(line, 1, id))
            devices.insert(key(vendor, id), QString::fromUtf8(line.mid(7)));
    }
}

void HwIds::load(const QStringList &directories, int which)
{
    if (const QString f = findFile(directories, QStringLiteral("pci.ids")); (which & Pci) && !f.isEmpty())
        loadIds(f, m_pciVendors, m_pciDevices, &m_pciClasses);
    if (const QString f = findFile(directories, QStringLiteral("usb.ids")); (which & Usb) && !f.isEmpty())
        loadIds(f, m_usbVendors, m_usbProducts, nullptr);
    if (const QString f = findFile(directories, QStringLiteral("pnp.ids")); (which & Pnp) && !f.isEmpty()) {
        QFile file(f);
        if (file.open(QIODevice::ReadOnly)) {
            while (!file.atEnd()) {
                const QByteArray line = file.readLine().trimmed();
                const qsizetype tab = line.indexOf('\t');
                if (tab == 3)
                    m_pnp.insert(QString::fromLatin1(line.left(3)), QString::fromUtf8(line.mid(4)).trimmed());
            }
        }
    }
}

} // namespace Etabli::HwTest
