// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/target.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

QString devId(dev_t dev)
{
    return QStringLiteral("%1:%2").arg(major(dev)).arg(minor(dev));
}

// /sys/devices/... directory of the whole disk holding `dev` (itself when it is a disk).
QString wholeDiskDir(dev_t dev)
{
    const QString dir = QFileInfo(QStringLiteral("/sys/dev/block/") + devId(dev)).canonicalFilePath();
    if (dir.isEmpty())
        return {};
    if (QFile::exists(dir + QStringLiteral("/partition")))
        return QFileInfo(dir).path();
    return dir;
}

// The disk directory plus the directories of its partitions.
QStringList diskAndPartitions(const QString &diskDir)
{
    QStringList dirs{diskDir};
    const QFileInfoList entries = QDir(diskDir).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QFileInfo &fi : entries)
        if (QFile::exists(fi.filePath() + QStringLiteral("/partition")))
            dirs << fi.filePath();
    return dirs;
}

struct Mount {
    QString dev;
    QString mountPoint;
};

QList<Mount> mounts()
{
    QList<Mount> list;
    const QStringList lines = readText(QStringLiteral("/proc/self/mountinfo")).split(u'\n');
    for (const QString &line : lines) {
        const QStringList f = line.split(u' ');
        if (f.size() > 4)
            list.append({f[2], f[4]});
    }
    return list;
}

QSet<QString> swapDevices()
{
    QSet<QString> devs;
    const QStringList lines = readText(QStringLiteral("/proc/swaps")).split(u'\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QString path = lines[i].section(u' ', 0, 0, QString::SectionSkipEmpty);
        struct stat st {
        };
        if (!path.isEmpty() && ::stat(path.toLocal8Bit().constData(), &st) == 0 && S_ISBLK(st.st_mode))
            devs.insert(devId(st.st_rdev));
    }
    return devs;
}

QString udevProperty(dev_t dev, const QString &key)
{
    const QStringList lines = readText(QStringLiteral("/run/udev/data/b") + devId(dev)).split(u'\n');
    const QString prefix = QStringLiteral("E:") + key + u'=';
    for (const QString &l : lines)
        if (l.startsWith(prefix))
            return l.mid(prefix.size());
    return {};
}

Error refused(const QString &path, const QString &why, const char *detail)
{
    return makeError(ErrorCode::Refused,
                     QCoreApplication::translate("Imaging", "refusing to write %1: %2").arg(path, why),
                     QString::fromLatin1(detail));
}

Error ioFailure(const QString &path, const QString &what, int64_t offset, int err)
{
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("Imaging", "target %1: %2 failed at offset %3: %4")
                         .arg(path, what)
                         .arg(offset)
                         .arg(errnoText(err)),
                     QStringLiteral("target_io"));
}

void deviceIdentity(dev_t dev, QString &model, QString &serial)
{
    const QString disk = wholeDiskDir(dev);
    model = readText(disk + QStringLiteral("/device/model"));
    serial = readText(disk + QStringLiteral("/device/serial"));
    if (serial.isEmpty())
        serial = readText(disk + QStringLiteral("/serial"));
    if (serial.isEmpty())
        serial = udevProperty(dev, QStringLiteral("ID_SERIAL_SHORT"));
    if (model.isEmpty())
        model = udevProperty(dev, QStringLiteral("ID_MODEL"));
    const QString backing = readText(disk + QStringLiteral("/loop/backing_file"));
    if (model.isEmpty() && !backing.isEmpty())
        model = QStringLiteral("loop:") + backing;
    // A loop device has no hardware serial: its backing file is what a caller confirms
    // (the helper insists on a confirmed serial for every target).
    if (serial.isEmpty() && !backing.isEmpty())
        serial = QStringLiteral("loop:") + backing;
}

} // namespace

QString toString(Fill fill)
{
    switch (fill) {
    case Fill::Zeros:
        return QStringLiteral("zeros");
    case Fill::Discard:
        return QStringLiteral("discard");
    case Fill::Skip:
        return QStringLiteral("skip");
    }
    return {};
}

Result<Fill> parseFill(const QString &text)
{
    if (text == QLatin1String("zeros"))
        return Fill::Zeros;
    if (text == QLatin1String("discard"))
        return Fill::Discard;
    if (text == QLatin1String("skip"))
        return Fill::Skip;
    return makeError(
        ErrorCode::InvalidArgument,
        QCoreApplication::translate("Imaging", "--fill must be zeros, discard or skip, not «%1»").arg(text));
}

namespace {

// Where `path` lands once its symbolic links are followed: the canonical path when it
// exists, else the canonical parent plus the name (what O_CREAT would create).
QString landingPath(const QString &path)
{
    const QFileInfo fi(path);
    const QString canonical = fi.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString parent = QFileInfo(fi.absolutePath()).canonicalFilePath();
    return (parent.isEmpty() ? fi.absolutePath() : parent) + u'/' + fi.fileName();
}

bool isUnderDev(const QString &path)
{
    return path == QLatin1String("/dev") || path.startsWith(QLatin1String("/dev/"));
}

} // namespace

Result<void> checkTargetSafety(const QString &path, const SafetyOptions &options)
{
    const QByteArray native = path.toLocal8Bit();
    // A path under /dev names a device. A typo there (/dev/sdz9) must never become a new
    // regular file in devtmpfs that is then "written and verified" as if it were a disk.
    if (options.serialRequired && options.confirmSerial.isEmpty())
        return refused(path, QCoreApplication::translate("Imaging", "its serial number was not confirmed"),
                       "serial_missing");
    const bool devPath
        = isUnderDev(QDir::cleanPath(QFileInfo(path).absoluteFilePath())) || isUnderDev(landingPath(path));
    struct stat st {
    };
    if (::stat(native.constData(), &st) != 0) {
        if (errno != ENOENT)
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("Imaging", "cannot inspect %1: %2").arg(path, errnoText(errno)));
        if (devPath)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Imaging", "refusing to write %1: there is no such device").arg(path),
                QStringLiteral("target_missing"));
        struct stat lst {
        };
        if (::lstat(native.constData(), &lst) == 0)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate(
                    "Imaging", "refusing to write %1: it is a symbolic link to something that does not exist")
                    .arg(path),
                QStringLiteral("target_missing"));
        if (options.blockDeviceOnly)
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Imaging", "refusing to write %1: there is no such device").arg(path),
                QStringLiteral("target_missing"));
        if (!options.confirmSerial.isEmpty())
            return refused(path, QCoreApplication::translate("Imaging", "a new file has no serial number to confirm"),
                           "serial_mismatch");
        return {}; // a new regular file
    }
    if (!options.masterPath.isEmpty() && options.masterPath != QLatin1String("-")) {
        struct stat ms {
        };
        if (::stat(options.masterPath.toLocal8Bit().constData(), &ms) == 0 && ms.st_dev == st.st_dev
            && ms.st_ino == st.st_ino)
            return refused(path, QCoreApplication::translate("Imaging", "it is the master itself"), "target_is_master");
    }
    if (devPath && !S_ISBLK(st.st_mode) && QFileInfo(path).canonicalFilePath() != QLatin1String("/dev/null"))
        return refused(path, QCoreApplication::translate("Imaging", "it is under /dev but is not a block device"),
                       "target_kind");
    if (options.blockDeviceOnly && !S_ISBLK(st.st_mode))
        return refused(path, QCoreApplication::translate("Imaging", "it is not a block device"), "target_kind");
    if (S_ISREG(st.st_mode)) {
        if (!options.confirmSerial.isEmpty())
            return refused(path,
                           QCoreApplication::translate("Imaging", "a regular file has no serial number to confirm"),
                           "serial_mismatch");
        return {};
    }
    if (S_ISCHR(st.st_mode) && QFileInfo(path).canonicalFilePath() == QLatin1String("/dev/null"))
        return {}; // the benchmark's CPU-only sink
    if (!S_ISBLK(st.st_mode))
        return refused(path, QCoreApplication::translate("Imaging", "it is neither a block device nor a regular file"),
                       "target_kind");

    const QString disk = wholeDiskDir(st.st_rdev);
    const QStringList dirs = disk.isEmpty() ? QStringList{} : diskAndPartitions(disk);
    QSet<QString> ids{devId(st.st_rdev)};
    for (const QString &d : dirs)
        ids.insert(readText(d + QStringLiteral("/dev")));
    // The running system: the disk holding "/" (any mounted partition of it also counts below).
    for (const Mount &m : mounts()) {
        if (m.mountPoint != QLatin1String("/"))
            continue;
        const QStringList mm = m.dev.split(u':');
        if (mm.size() == 2) {
            const QString rootDisk = wholeDiskDir(makedev(mm[0].toUInt(), mm[1].toUInt()));
            if (!rootDisk.isEmpty() && rootDisk == disk)
                return refused(path, QCoreApplication::translate("Imaging", "it holds the running system"),
                               "target_system_disk");
        }
    }
    for (const Mount &m : mounts())
        if (ids.contains(m.dev))
            return refused(path,
                           QCoreApplication::translate("Imaging", "it (or one of its partitions) is mounted on %1")
                               .arg(m.mountPoint),
                           "target_mounted");
    const QSet<QString> swaps = swapDevices();
    for (const QString &id : ids)
        if (swaps.contains(id))
            return refused(path,
                           QCoreApplication::translate("Imaging", "it (or one of its partitions) is in use as swap"),
                           "target_swap");
    for (const QString &d : dirs)
        if (!QDir(d + QStringLiteral("/holders")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty())
            return refused(path, QCoreApplication::translate("Imaging", "it is in use by device-mapper, RAID or LVM"),
                           "target_held");

    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    uint64_t bytes = 0;
    if (fd >= 0) {
        ::ioctl(fd, BLKGETSIZE64, &bytes);
        ::close(fd);
    }
    if (options.requiredSize >= 0 && int64_t(bytes) < options.requiredSize)
        return refused(path,
                       QCoreApplication::translate("Imaging", "it holds %1 bytes, the master needs %2")
                           .arg(bytes)
                           .arg(options.requiredSize),
                       "target_too_small");
    if (!options.confirmSerial.isEmpty()) {
        QString model, serial;
        deviceIdentity(st.st_rdev, model, serial);
        if (serial != options.confirmSerial)
            return refused(
                path,
                serial.isEmpty()
                    ? QCoreApplication::translate("Imaging", "it reports no serial number, «%1» was expected")
                          .arg(options.confirmSerial)
                    : QCoreApplication::translate("Imaging", "its serial number is «%1», not «%2»")
                          .arg(serial, options.confirmSerial),
                "serial_mismatch");
    }
    return {};
}

Result<std::unique_ptr<DiskTarget>> DiskTarget::open(const QString &path, const SafetyOptions &options)
{
    if (auto safe = checkTargetSafety(path, options); !safe)
        return safe.error();
    const QByteArray native = path.toLocal8Bit();
    auto t = std::unique_ptr<DiskTarget>(new DiskTarget);
    t->m_path = path;
    struct stat st {
    };
    const bool exists = ::stat(native.constData(), &st) == 0;
    t->m_block = exists && S_ISBLK(st.st_mode);
    t->m_null = exists && S_ISCHR(st.st_mode);
    // O_EXCL on a block device is an exclusive open: the kernel refuses it while mounted.
    const int flags = O_RDWR | O_CLOEXEC | (t->m_block ? O_EXCL : O_CREAT);
    t->m_fd = ::open(native.constData(), flags, 0644);
    if (t->m_fd < 0)
        return makeError(
            errno == EBUSY ? ErrorCode::Refused : ErrorCode::Io,
            QCoreApplication::translate("Imaging", "cannot open the target %1: %2").arg(path, errnoText(errno)),
            errno == EBUSY ? QStringLiteral("target_busy") : QStringLiteral("target_io"));
    t->m_directFd = ::open(native.constData(), O_RDWR | O_CLOEXEC | O_DIRECT);
    if (t->m_block) {
        uint64_t bytes = 0;
        ::ioctl(t->m_fd, BLKGETSIZE64, &bytes);
        t->m_size = int64_t(bytes);
        deviceIdentity(st.st_rdev, t->m_model, t->m_serial);
        t->m_identity = QStringLiteral("block:%1:%2:%3").arg(devId(st.st_rdev), t->m_serial).arg(t->m_size);
    } else {
        struct stat fst {
        };
        ::fstat(t->m_fd, &fst);
        t->m_size = fst.st_size;
        t->m_model = QStringLiteral("file");
        // Inode numbers are reused at once after a delete: the birth time tells files apart.
        struct statx sx {
        };
        const bool born = ::statx(t->m_fd, "", AT_EMPTY_PATH, STATX_BTIME, &sx) == 0 && (sx.stx_mask & STATX_BTIME);
        t->m_identity = QStringLiteral("file:%1:%2:%3.%4")
                            .arg(quint64(fst.st_dev))
                            .arg(quint64(fst.st_ino))
                            .arg(born ? qint64(sx.stx_btime.tv_sec) : qint64(fst.st_ctim.tv_sec))
                            .arg(born ? qint64(sx.stx_btime.tv_nsec) : qint64(fst.st_ctim.tv_nsec));
    }
    return t;
}

DiskTarget::~DiskTarget()
{
    if (m_directFd >= 0)
        ::close(m_directFd);
    if (m_fd >= 0)
        ::close(m_fd);
}

int64_t DiskTarget::size() const
{
    return m_size;
}

Result<void> DiskTarget::resize(int64_t size)
{
    if (m_null)
        return {};
    if (m_block) {
        if (size > m_size)
            return refused(
                m_path,
                QCoreApplication::translate("Imaging", "it holds %1 bytes, the master needs %2").arg(m_size).arg(size),
                "target_too_small");
        return {};
    }
    if (::ftruncate(m_fd, size) != 0)
        return ioFailure(m_path, QCoreApplication::translate("Imaging", "resizing"), size, errno);
    m_size = size;
    return {};
}

Result<void> DiskTarget::write(int64_t offset, const uint8_t *data, size_t length)
{
    while (length > 0) {
        const bool direct
            = m_directFd >= 0 && offset % 4096 == 0 && length >= 4096 && reinterpret_cast<uintptr_t>(data) % 4096 == 0;
        const size_t chunk = direct ? (length & ~size_t(4095)) : length;
        const ssize_t n = ::pwrite(direct ? m_directFd : m_fd, data, chunk, off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return ioFailure(m_path, QCoreApplication::translate("Imaging", "write"), offset, n < 0 ? errno : ENOSPC);
        data += n;
        offset += n;
        length -= size_t(n);
    }
    return {};
}

Result<bool> DiskTarget::discard(int64_t offset, int64_t length)
{
    if (m_null)
        return true;
    if (m_block) {
        const int64_t start = (offset + 511) / 512 * 512, end = (offset + length) / 512 * 512;
        if (start != offset || end != offset + length)
            return false;
        uint64_t range[2] = {uint64_t(start), uint64_t(end - start)};
        if (::ioctl(m_fd, BLKDISCARD, &range) == 0)
            return true;
        if (errno == EOPNOTSUPP || errno == ENOTTY || errno == EINVAL)
            return false;
        return ioFailure(m_path, QCoreApplication::translate("Imaging", "discard"), offset, errno);
    }
    if (::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, length) == 0)
        return true;
    if (errno == EOPNOTSUPP)
        return false;
    return ioFailure(m_path, QCoreApplication::translate("Imaging", "hole punching"), offset, errno);
}

Result<bool> DiskTarget::zeroOut(int64_t offset, int64_t length)
{
    if (m_null)
        return true;
    if (!m_block || offset % 512 || length % 512)
        return false; // files: the zeros are really written
    uint64_t range[2] = {uint64_t(offset), uint64_t(length)};
    if (::ioctl(m_fd, BLKZEROOUT, &range) == 0)
        return true;
    if (errno == EOPNOTSUPP || errno == ENOTTY || errno == EINVAL)
        return false;
    return ioFailure(m_path, QCoreApplication::translate("Imaging", "zeroing"), offset, errno);
}

Result<void> DiskTarget::sync()
{
    if (m_null)
        return {};
    if (::fsync(m_fd) != 0)
        return ioFailure(m_path, QCoreApplication::translate("Imaging", "flush"), 0, errno);
    if (!m_block)
        ::posix_fadvise(m_fd, 0, 0, POSIX_FADV_DONTNEED); // so a read-back really reads the disk
    return {};
}

Result<void> DiskTarget::read(int64_t offset, uint8_t *data, size_t length)
{
    if (m_null)
        return makeError(ErrorCode::Unsupported,
                         QCoreApplication::translate("Imaging", "%1 cannot be read back").arg(m_path));
    while (length > 0) {
        const bool direct
            = m_directFd >= 0 && offset % 4096 == 0 && length >= 4096 && reinterpret_cast<uintptr_t>(data) % 4096 == 0;
        const size_t chunk = direct ? (length & ~size_t(4095)) : length;
        const ssize_t n = ::pread(direct ? m_directFd : m_fd, data, chunk, off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return ioFailure(m_path, QCoreApplication::translate("Imaging", "read-back"), offset, n < 0 ? errno : EIO);
        data += n;
        offset += n;
        length -= size_t(n);
    }
    return {};
}

} // namespace Etabli::Imaging
