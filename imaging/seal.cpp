// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/seal.h"

#include "imaging/manifest.h"
#include "imaging/pipeline_p.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QtEndian>

#include <sys/stat.h>

namespace Etabli::Imaging {

namespace {

const QString kFormat = QStringLiteral("etabli-master-seal/1");

QString sealPath(const QString &dir, const QString &absoluteMaster)
{
    return fileFor(dir, absoluteMaster, QStringLiteral(".seal.json"));
}

QString digestOf(const Manifest &manifest)
{
    const QByteArray bytes = manifest.signedBytes();
    return toHex(sha256(bytes.constData(), size_t(bytes.size())));
}

} // namespace

QString MasterSeal::defaultDir()
{
    const QString env = qEnvironmentVariable("ETABLI_SEAL_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/master-seals");
}

QString MasterSeal::identityOf(const QString &path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0 || !S_ISREG(st.st_mode))
        return {};
    return QStringLiteral("%1:%2:%3:%4.%5:%6.%7")
        .arg(quint64(st.st_dev))
        .arg(quint64(st.st_ino))
        .arg(qint64(st.st_size))
        .arg(qint64(st.st_mtim.tv_sec))
        .arg(qint64(st.st_mtim.tv_nsec))
        .arg(qint64(st.st_ctim.tv_sec))
        .arg(qint64(st.st_ctim.tv_nsec));
}

MasterSeal MasterSeal::find(const QString &dir, const QString &masterPath, const Manifest &manifest)
{
    MasterSeal seal;
    const QString absolute = QFileInfo(masterPath).absoluteFilePath();
    const QString identity = identityOf(absolute);
    if (dir.isEmpty() || identity.isEmpty())
        return seal;
    QFile f(sealPath(dir, absolute));
    if (!f.open(QIODevice::ReadOnly) || f.size() > (64 << 20))
        return seal;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const QByteArray packed = QByteArray::fromBase64(o.value(QStringLiteral("crc32")).toString().toLatin1());
    const size_t count = manifest.ranges.size();
    if (o.value(QStringLiteral("format")).toString() != kFormat
        || o.value(QStringLiteral("master")).toString() != absolute
        || o.value(QStringLiteral("identity")).toString() != identity
        || o.value(QStringLiteral("manifest")).toString() != digestOf(manifest)
        || int64_t(o.value(QStringLiteral("range_size")).toDouble()) != manifest.rangeSize
        || size_t(packed.size()) != count * 4)
        return seal;
    seal.masterPath = absolute;
    seal.fileIdentity = identity;
    seal.manifestDigest = o.value(QStringLiteral("manifest")).toString();
    seal.rangeSize = manifest.rangeSize;
    seal.crcs.resize(count);
    for (size_t i = 0; i < count; ++i)
        seal.crcs[i] = qFromLittleEndian<quint32>(packed.constData() + 4 * i);
    return seal;
}

Result<void> MasterSeal::save(const QString &dir, const QString &masterPath, const QString &identity,
                              const Manifest &manifest, const std::vector<uint32_t> &crcs)
{
    const QString absolute = QFileInfo(masterPath).absoluteFilePath();
    // Changed while it was read: the check stands for the old content only.
    if (identity.isEmpty() || identity != identityOf(absolute) || crcs.size() != manifest.ranges.size())
        return {};
    QByteArray packed(qsizetype(crcs.size() * 4), Qt::Uninitialized);
    for (size_t i = 0; i < crcs.size(); ++i)
        qToLittleEndian<quint32>(crcs[i], packed.data() + 4 * i);
    const QJsonObject o{{QStringLiteral("format"), kFormat},
                        {QStringLiteral("master"), absolute},
                        {QStringLiteral("identity"), identity},
                        {QStringLiteral("manifest"), digestOf(manifest)},
                        {QStringLiteral("range_size"), double(manifest.rangeSize)},
                        {QStringLiteral("crc32"), QString::fromLatin1(packed.toBase64())}};
    QDir().mkpath(dir);
    QSaveFile f(sealPath(dir, absolute));
    if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(o).toJson(QJsonDocument::Compact)) < 0 || !f.commit())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot record the master's check in %1: %2")
                             .arg(dir, f.errorString()));
    return {};
}

void MasterSeal::remove(const QString &dir, const QString &masterPath)
{
    if (!dir.isEmpty())
        QFile::remove(sealPath(dir, QFileInfo(masterPath).absoluteFilePath()));
}

} // namespace Etabli::Imaging
