// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/benchdemo.h"

#include "app/core/workers.h"
#include "inventory/store.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRandomGenerator>

#include <QThread>
#include <algorithm>

#include <fcntl.h>
#include <linux/loop.h>

#include <cerrno>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstring>

#ifndef ETABLI_SOURCE_DIR
#define ETABLI_SOURCE_DIR "."
#endif

namespace Etabli::Bench {

namespace {

QString source(const QString &relative)
{
    return QDir(QStringLiteral(ETABLI_SOURCE_DIR)).filePath(relative);
}

/// A program built beside this one (build/dev/app/etabli, app/helper/etabli-helper).
QString sibling(const QString &relative)
{
    return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(relative);
}

Result<void> runCli(const QStringList &args)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    QString cli = qEnvironmentVariable("ETABLI_CLI", sibling(QStringLiteral("../etabli")));
    if (!QFile::exists(cli))
        cli = QStringLiteral("etabli");
    p.start(cli, args);
    if (!p.waitForFinished(120000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(
            ErrorCode::Internal,
            QStringLiteral("etabli %1 failed: %2").arg(args.join(QLatin1Char(' ')), QString::fromUtf8(p.readAll())));
    return {};
}

/// A round photo tile with the initials: the demo's workers have no real photos.
QByteArray demoPhoto(const QString &initials, const QColor &colour)
{
    QImage img(256, 256, QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    p.setBrush(colour);
    p.setPen(Qt::NoPen);
    p.drawEllipse(img.rect());
    QFont f = p.font();
    f.setPixelSize(110);
    f.setBold(true);
    p.setFont(f);
    p.setPen(Qt::white);
    p.drawText(img.rect(), Qt::AlignCenter, initials);
    p.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    img.save(&buffer, "PNG");
    return bytes;
}

/// Whether a loop device still serves `file` (a killed run's helper may still be writing).
bool loopHolds(const QString &file)
{
    const QString canonical = QFileInfo(file).canonicalFilePath();
    for (const QString &name : QDir(QStringLiteral("/sys/block")).entryList({QStringLiteral("loop*")})) {
        QFile f(QStringLiteral("/sys/block/%1/loop/backing_file").arg(name));
        if (f.open(QIODevice::ReadOnly) && QString::fromUtf8(f.readAll()).trimmed() == canonical)
            return true;
    }
    return false;
}

/// Attaches `file` to a free loop device with autoclear; returns the open fd and the path.
/// Another process may take the free device between asking for it and binding it (EBUSY):
/// then ask again, as losetup does.
int attachLoop(const QString &file, QString &device)
{
    const QByteArray path = QFileInfo(file).canonicalFilePath().toLocal8Bit();
    const int backing = ::open(path.constData(), O_RDWR | O_CLOEXEC);
    if (backing < 0)
        return -1;
    int fd = -1;
    for (int attempt = 0; attempt < 20 && fd < 0; ++attempt) {
        const int ctl = ::open("/dev/loop-control", O_RDWR | O_CLOEXEC);
        if (ctl < 0)
            break;
        const int n = ::ioctl(ctl, LOOP_CTL_GET_FREE);
        ::close(ctl);
        if (n < 0)
            break;
        device = QStringLiteral("/dev/loop%1").arg(n);
        fd = ::open(device.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
        if (fd >= 0 && ::ioctl(fd, LOOP_SET_FD, backing) < 0) {
            const bool taken = errno == EBUSY;
            ::close(fd);
            fd = -1;
            if (!taken)
                break;
        }
    }
    if (fd < 0) {
        ::close(backing);
        return -1;
    }
    ::close(backing);
    loop_info64 info;
    std::memset(&info, 0, sizeof info);
    std::strncpy(reinterpret_cast<char *>(info.lo_file_name), path.constData(), LO_NAME_SIZE - 1);
    info.lo_flags = LO_FLAGS_AUTOCLEAR;
    if (::ioctl(fd, LOOP_SET_STATUS64, &info) < 0) {
        ::ioctl(fd, LOOP_CLR_FD, 0);
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace

Result<DemoSetup> prepareDemo(const QString &dirPath, const QString &dbPath, const QString &station)
{
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral(".")))
        return makeError(ErrorCode::Io, QStringLiteral("cannot make %1").arg(dirPath));
    DemoSetup demo;
    demo.badge = QStringLiteral("W-0001");
    {
        auto opened = Inventory::Store::open(dbPath, {station, QStringLiteral("demo")});
        if (!opened)
            return opened.error();
        Inventory::Store &store = **opened;
        demo.pcTag = store.setting(QStringLiteral("demo.pc"));
        if (demo.pcTag.isEmpty()) {
            if (auto s = store.setSetting(QStringLiteral("tag.prefix"), QStringLiteral("BCL")); !s)
                return s.error();
            if (auto d = store.addDonor(QStringLiteral("Banque Exemple")); !d)
                return d.error();
            if (auto l = store.addLot(QStringLiteral("LOT-2026-001"), QStringLiteral("Banque Exemple"), 4,
                                      QStringLiteral("Lot de démonstration"));
                !l)
                return l.error();
            const struct {
                const char *badge, *name, *initials;
                QColor colour;
            } people[] = {{"W-0001", "Amina", "A", QColor(0x1f, 0x5f, 0x99)},
                          {"W-0002", "Lucas", "L", QColor(0x2e, 0x6b, 0x30)},
                          {"W-0003", "Chloé", "C", QColor(0x8a, 0x3b, 0x12)}};
            for (const auto &w : people) {
                AppCore::WorkerCard card;
                card.badge = QLatin1String(w.badge);
                card.displayName = QString::fromUtf8(w.name);
                card.photo = demoPhoto(QLatin1String(w.initials), w.colour);
                if (auto added = AppCore::addWorker(store, card); !added)
                    return added.error();
            }
            Inventory::NewAsset pc;
            pc.kind = Inventory::AssetKind::Pc;
            pc.lot = QStringLiteral("LOT-2026-001");
            auto added = store.addAsset(pc);
            if (!added)
                return added.error();
            demo.pcTag = added->tag;
            if (auto s = store.setSetting(QStringLiteral("demo.pc"), demo.pcTag); !s)
                return s.error();
        }
    }

    // The master: a small raw disk built into a signed qcow2 by the CLI, once.
    const QString master = dir.filePath(QStringLiteral("ecole-demo.qcow2"));
    if (!QFile::exists(master) || !QFile::exists(master + QStringLiteral(".manifest.json"))) {
        QFile raw(dir.filePath(QStringLiteral("source.raw")));
        if (!raw.open(QIODevice::WriteOnly))
            return makeError(ErrorCode::Io, raw.errorString());
        QByteArray data(2 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        // A first sector of zeros, as a blank disk's: random bytes began with gzip's magic
        // (1f 8b) once in 65,536 demos, and `image build` took the raw disk for a damaged gzip.
        std::fill_n(data.data(), 512, '\0');
        raw.write(data);
        raw.resize(8 * 1024 * 1024);
        raw.close();
        if (!QFile::exists(dir.filePath(QStringLiteral("workshop.key"))))
            if (auto k
                = runCli({QStringLiteral("image"), QStringLiteral("keygen"), dir.filePath(QStringLiteral("workshop"))});
                !k)
                return k.error();
        if (auto b
            = runCli({QStringLiteral("image"), QStringLiteral("build"), raw.fileName(), QStringLiteral("-o"), master,
                      QStringLiteral("--key"), dir.filePath(QStringLiteral("workshop.key")), QStringLiteral("--name"),
                      QStringLiteral("ecole"), QStringLiteral("--version"), QStringLiteral("2026.1")});
            !b)
            return b.error();
    }
    // The helper trusts this key and keeps its journals and seals in the demo's folder.
    qputenv("ETABLI_MASTER_PUBKEY", dir.filePath(QStringLiteral("workshop.pub")).toLocal8Bit());
    qputenv("ETABLI_JOURNAL_DIR", dir.filePath(QStringLiteral("imaging-journal")).toLocal8Bit());
    qputenv("ETABLI_SEAL_DIR", dir.filePath(QStringLiteral("master-seals")).toLocal8Bit());
    qputenv("ETABLI_STATION_KEY_DIR", dir.filePath(QStringLiteral("station-key")).toLocal8Bit());

    BenchConfig &c = demo.config;
    c.dbPath = dbPath;
    c.station = station;
    c.probeRoot = source(QStringLiteral("tests/fixtures/probe/machines/thinkpad-t480"));
    c.smartJson = source(QStringLiteral("tests/fixtures/diag/smartctl-wd20efrx-pass.json"));
    c.ramBytes = 16 * 1024 * 1024;
    c.masterPath = master;
    c.helperProgram = qEnvironmentVariable("ETABLI_HELPER", sibling(QStringLiteral("../helper/etabli-helper")));
    // bench: the memory test's child process is this `etabli` too.
    c.ramProgram = qEnvironmentVariable("ETABLI_CLI", sibling(QStringLiteral("../etabli")));
    c.printer = QStringLiteral("demo");
    c.demoPrinterScript = source(QStringLiteral("packaging/demo-printer.py"));
    c.demoLot = QStringLiteral("LOT-2026-001");

    // The PC's disk. A killed run's helper may still hold the old loop device: wait for it.
    const QString disk = dir.filePath(QStringLiteral("disk.img"));
    if (!QFile::exists(disk)) {
        QFile f(disk);
        // As large as the master: a zero fill verified over the whole disk is then its erasure.
        if (!f.open(QIODevice::WriteOnly) || !f.resize(8 * 1024 * 1024))
            return makeError(ErrorCode::Io, f.errorString());
    }
    for (int i = 0; i < 600 && loopHolds(disk); ++i)
        QThread::msleep(100);
    QString device;
    demo.loopFd = ::geteuid() == 0 ? attachLoop(disk, device) : -1;
    if (demo.loopFd >= 0) {
        c.diskPath = device;
        c.diskSerial = QStringLiteral("loop:") + QFileInfo(disk).canonicalFilePath();
        c.diskModel = QStringLiteral("Demo disk");
        c.diskBytes = QFileInfo(disk).size();
    }
    return demo;
}

} // namespace Etabli::Bench
