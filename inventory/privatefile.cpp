// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/privatefile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Etabli::Inventory::PrivateFile {

namespace {

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Result<void> makeDir(const QString &dir)
{
    const QString absolute = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    QStringList missing;
    for (QString d = absolute; !QFileInfo::exists(d); d = QFileInfo(d).path()) {
        missing.prepend(d);
        if (d == QFileInfo(d).path())
            break;
    }
    for (const QString &d : std::as_const(missing)) {
        const QByteArray name = QFile::encodeName(d);
        if (::mkdir(name.constData(), 0700) != 0 && errno != EEXIST)
            return makeError(
                ErrorCode::Io,
                QCoreApplication::translate("Etabli::Inventory::PrivateFile", "cannot create the folder %1: %2")
                    .arg(d, systemError(errno)));
        // mkdir's mode goes through the umask; say it exactly.
        (void)::chmod(name.constData(), 0700);
    }
    if (!QFileInfo(absolute).isDir())
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("Etabli::Inventory::PrivateFile", "%1 is not a folder").arg(absolute));
    return {};
}

Result<void> create(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return makeError(errno == EEXIST ? ErrorCode::Conflict : ErrorCode::Io,
                         QCoreApplication::translate("Etabli::Inventory::PrivateFile", "cannot create %1: %2")
                             .arg(path, systemError(errno)));
    // open()'s mode goes through the umask, which can only take bits away; fchmod makes
    // it exactly 0600 even under a umask that removes the owner's own bits.
    const int chmodError = ::fchmod(fd, 0600) == 0 ? 0 : errno;
    ::close(fd);
    if (chmodError != 0)
        return makeError(
            ErrorCode::Io,
            QCoreApplication::translate("Etabli::Inventory::PrivateFile", "cannot restrict %1 to its owner: %2")
                .arg(path, systemError(chmodError)));
    return {};
}

void restrict(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
        const QByteArray name = QFile::encodeName(path + QLatin1String(suffix));
        struct stat st;
        if (::stat(name.constData(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 077) != 0)
            (void)::chmod(name.constData(), st.st_mode & 0700);
    }
}

} // namespace Etabli::Inventory::PrivateFile
