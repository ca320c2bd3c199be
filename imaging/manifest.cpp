// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/manifest.h"
#include "imaging/sodium_p.h"

#include "imaging/pipeline_p.h"
#include "imaging/source.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

const QString kFormat = QStringLiteral("etabli-master-manifest/1");

bool fromHex(const QString &text, std::array<uint8_t, 32> &out)
{
    const QByteArray raw = QByteArray::fromHex(text.toLatin1());
    if (raw.size() != 32 || text.size() != 64)
        return false;
    std::memcpy(out.data(), raw.constData(), 32);
    return true;
}

QJsonObject unsignedJson(const Manifest &m)
{
    QJsonArray ranges;
    for (const auto &d : m.ranges)
        ranges.append(toHex(d));
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("name"), m.name},
                  {QStringLiteral("version"), m.version},
                  {QStringLiteral("virtual_size"), double(m.virtualSize)},
                  {QStringLiteral("range_size"), double(m.rangeSize)},
                  {QStringLiteral("ranges"), ranges},
                  {QStringLiteral("sha256"), toHex(m.sha256)},
                  {QStringLiteral("created_at"), m.createdAt}};
    if (!m.publicKey.isEmpty())
        o.insert(QStringLiteral("public_key"), QString::fromLatin1(m.publicKey.toBase64()));
    return o;
}

Error bad(const QString &why)
{
    return makeError(ErrorCode::Corrupt, QCoreApplication::translate("Imaging", "the manifest is invalid: %1").arg(why),
                     QStringLiteral("manifest_invalid"));
}

Result<QByteArray> loadKey(const QString &path, int size, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("Imaging", "cannot read the %1 %2: %3").arg(what, path, f.errorString()),
            QStringLiteral("key_missing"));
    const QByteArray key = QByteArray::fromBase64(f.readAll().trimmed());
    if (key.size() != size)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Imaging", "%1 is not an Ed25519 %2").arg(path, what),
                         QStringLiteral("key_invalid"));
    return key;
}

} // namespace

QByteArray Manifest::signedBytes() const
{
    return QJsonDocument(unsignedJson(*this)).toJson(QJsonDocument::Compact);
}

QJsonObject Manifest::toJson() const
{
    QJsonObject o = unsignedJson(*this);
    if (!signature.isEmpty())
        o.insert(QStringLiteral("signature"),
                 QJsonObject{{QStringLiteral("algorithm"), QStringLiteral("ed25519")},
                             {QStringLiteral("value"), QString::fromLatin1(signature.toBase64())}});
    return o;
}

Result<Manifest> Manifest::fromJson(const QByteArray &json)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (!doc.isObject())
        return bad(pe.errorString());
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != kFormat)
        return bad(QCoreApplication::translate("Imaging", "unknown format «%1»")
                       .arg(o.value(QStringLiteral("format")).toString()));
    Manifest m;
    m.name = o.value(QStringLiteral("name")).toString();
    m.version = o.value(QStringLiteral("version")).toString();
    m.virtualSize = int64_t(o.value(QStringLiteral("virtual_size")).toDouble(-1));
    m.rangeSize = int64_t(o.value(QStringLiteral("range_size")).toDouble(0));
    m.createdAt = o.value(QStringLiteral("created_at")).toString();
    if (m.virtualSize < 0 || m.rangeSize < 65536 || m.rangeSize > (64 << 20) || m.rangeSize % 65536 != 0)
        return bad(QCoreApplication::translate("Imaging", "size or range size out of bounds"));
    const QJsonArray ranges = o.value(QStringLiteral("ranges")).toArray();
    if (ranges.size() != (m.virtualSize + m.rangeSize - 1) / m.rangeSize)
        return bad(QCoreApplication::translate("Imaging", "%1 range digests for a %2-byte disk")
                       .arg(ranges.size())
                       .arg(m.virtualSize));
    m.ranges.resize(size_t(ranges.size()));
    for (qsizetype i = 0; i < ranges.size(); ++i)
        if (!fromHex(ranges[i].toString(), m.ranges[size_t(i)]))
            return bad(QCoreApplication::translate("Imaging", "range digest %1 is not SHA-256 hex").arg(i));
    if (!fromHex(o.value(QStringLiteral("sha256")).toString(), m.sha256))
        return bad(QCoreApplication::translate("Imaging", "the whole-disk digest is not SHA-256 hex"));
    if (o.contains(QStringLiteral("public_key")))
        m.publicKey = QByteArray::fromBase64(o.value(QStringLiteral("public_key")).toString().toLatin1());
    const QJsonObject sig = o.value(QStringLiteral("signature")).toObject();
    if (!sig.isEmpty()) {
        if (sig.value(QStringLiteral("algorithm")).toString() != QLatin1String("ed25519"))
            return bad(QCoreApplication::translate("Imaging", "unknown signature algorithm"));
        m.signature = QByteArray::fromBase64(sig.value(QStringLiteral("value")).toString().toLatin1());
    }
    return m;
}

Result<Manifest> Manifest::load(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("Imaging", "no manifest %1 beside the master").arg(path),
                         QStringLiteral("manifest_missing"));
    if (f.size() > (256 << 20))
        return bad(QCoreApplication::translate("Imaging", "too large"));
    return fromJson(f.readAll());
}

Result<void> Manifest::save(const QString &path) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<void> Manifest::sign(const QByteArray &secretKey)
{
    if (!Sodium::ready() || secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Imaging", "not an Ed25519 secret key"),
                         QStringLiteral("key_invalid"));
    publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(secretKey.constData()));
    signature.clear();
    signature = Sodium::signDetached(signedBytes(), secretKey);
    return {};
}

Result<void> Manifest::verifySignature(const QByteArray &trustedPublicKey) const
{
    if (!isSigned())
        return makeError(ErrorCode::Refused, QCoreApplication::translate("Imaging", "the manifest is not signed"),
                         QStringLiteral("manifest_unsigned"));
    if (!Sodium::ready() || trustedPublicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Imaging", "the trusted public key is not an Ed25519 key"),
                         QStringLiteral("key_invalid"));
    if (publicKey != trustedPublicKey)
        return makeError(
            ErrorCode::Refused,
            QCoreApplication::translate("Imaging", "the manifest was signed by another key than the workshop's"),
            QStringLiteral("manifest_wrong_key"));
    if (!Sodium::verifyDetached(signedBytes(), signature, trustedPublicKey))
        return makeError(
            ErrorCode::Refused,
            QCoreApplication::translate("Imaging", "the manifest signature is invalid (tampered manifest?)"),
            QStringLiteral("manifest_bad_signature"));
    return {};
}

int64_t Manifest::firstDifference(const Manifest &other) const
{
    const size_t n = std::min(ranges.size(), other.ranges.size());
    for (size_t i = 0; i < n; ++i)
        if (ranges[i] != other.ranges[i])
            return int64_t(i);
    if (ranges.size() != other.ranges.size() || virtualSize != other.virtualSize)
        return int64_t(n);
    return -1;
}

Result<KeyPair> KeyPair::generate()
{
    if (!Sodium::ready())
        return makeError(ErrorCode::Internal, QCoreApplication::translate("Imaging", "libsodium cannot start"));
    KeyPair k;
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    k.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
                        reinterpret_cast<unsigned char *>(k.secretKey.data()));
    return k;
}

Result<void> KeyPair::save(const QString &basePath) const
{
    const QString keyPath = basePath + QStringLiteral(".key"), pubPath = basePath + QStringLiteral(".pub");
    if (QFile::exists(keyPath))
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("Imaging", "%1 already exists; not overwriting a signing key").arg(keyPath));
    QFile key(keyPath);
    if (!key.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot write %1: %2").arg(keyPath, key.errorString()));
    key.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    key.write(secretKey.toBase64() + '\n');
    key.close();
    QFile pub(pubPath);
    if (!pub.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot write %1: %2").arg(pubPath, pub.errorString()));
    pub.write(publicKey.toBase64() + '\n');
    return {};
}

Result<QByteArray> KeyPair::loadPublicKey(const QString &path)
{
    return loadKey(path, crypto_sign_PUBLICKEYBYTES, QCoreApplication::translate("Imaging", "public key"));
}

Result<QByteArray> KeyPair::loadSecretKey(const QString &path)
{
    return loadKey(path, crypto_sign_SECRETKEYBYTES, QCoreApplication::translate("Imaging", "secret key"));
}

Result<Manifest> computeManifest(Source &source, const QString &name, const QString &version, int threads,
                                 const std::function<void(int64_t)> &progress, std::vector<uint32_t> *crcs)
{
    Manifest m;
    m.name = name;
    m.version = version;
    m.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    m.rangeSize = Manifest::rangeSizeFor(source.clusterSize());
    const uint32_t rangeSize = uint32_t(m.rangeSize);
    const int64_t size = source.virtualSize();
    const int64_t count = size < 0 ? -1 : (size + rangeSize - 1) / rangeSize;
    std::map<uint32_t, Digest> zeroDigests; // filled before the workers start
    std::map<uint32_t, uint32_t> zeroCrcs;
    for (const int64_t n : {int64_t(rangeSize), size >= 0 ? size % rangeSize : 0})
        if (n > 0) {
            zeroDigests[uint32_t(n)] = sha256(zeroBuffer(rangeSize), size_t(n));
            zeroCrcs[uint32_t(n)] = crc32Of(zeroBuffer(rangeSize), size_t(n));
        }
    Pipeline pipe(count, rangeSize, threads, threads * 2 + 2, 1, [&](Slot &s) -> Result<int64_t> {
        auto n = source.read(s.index * int64_t(rangeSize), rangeSize, s.buffer.data(), s.extents);
        if (!n)
            return n;
        if (!s.extents.empty()) {
            s.sha = sha256(s.buffer.data(), size_t(*n));
            if (crcs)
                s.crc = crc32Of(s.buffer.data(), size_t(*n));
        } else {
            if (crcs) {
                auto crc = zeroCrcs.find(uint32_t(*n));
                s.crc = crc != zeroCrcs.end() ? crc->second : crc32Of(zeroBuffer(rangeSize), size_t(*n));
            }
            auto it = zeroDigests.find(uint32_t(*n));
            s.sha = it != zeroDigests.end() ? it->second : sha256(zeroBuffer(rangeSize), size_t(*n));
        }
        return n;
    });
    EVP_MD_CTX *whole = EVP_MD_CTX_new();
    EVP_DigestInit_ex(whole, EVP_sha256(), nullptr);
    pipe.start();
    int64_t total = 0;
    while (Slot *s = pipe.acquire(0)) {
        m.ranges.push_back(s->sha);
        if (crcs)
            crcs->push_back(s->crc);
        EVP_DigestUpdate(whole, s->extents.empty() ? zeroBuffer(rangeSize) : s->buffer.data(), s->length);
        total += s->length;
        pipe.release(0);
        if (progress)
            progress(total);
    }
    pipe.join();
    unsigned int n = 0;
    EVP_DigestFinal_ex(whole, m.sha256.data(), &n);
    EVP_MD_CTX_free(whole);
    if (auto e = pipe.error())
        return *e;
    m.virtualSize = total;
    if (m.ranges.size() > 0 && m.ranges.size() != size_t((total + rangeSize - 1) / rangeSize)) {
        m.ranges.pop_back(); // an empty trailing range of a stream
        if (crcs)
            crcs->pop_back();
    }
    return m;
}

Result<void> verifyTargetAgainstManifest(const QString &targetPath, const Manifest &manifest,
                                         const std::function<void(int64_t)> &progress)
{
    const QByteArray native = targetPath.toLocal8Bit();
    int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC | O_DIRECT);
    if (fd < 0)
        fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("Imaging", "cannot open %1: %2")
                             .arg(targetPath, QString::fromLocal8Bit(strerror(errno))));
    const int buffered = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    AlignedBuffer buffer(size_t(manifest.rangeSize));
    Result<void> result;
    for (size_t i = 0; i < manifest.ranges.size() && result.ok(); ++i) {
        const int64_t offset = int64_t(i) * manifest.rangeSize;
        const size_t length = size_t(std::min<int64_t>(manifest.rangeSize, manifest.virtualSize - offset));
        size_t done = 0;
        while (done < length) {
            const bool aligned = (length - done) >= 4096;
            const size_t chunk = aligned ? ((length - done) & ~size_t(4095)) : length - done;
            ssize_t n = ::pread(aligned ? fd : buffered, buffer.data() + done, chunk, off_t(offset + int64_t(done)));
            if (n < 0 && errno == EINVAL && aligned) // no O_DIRECT here after all
                n = ::pread(buffered, buffer.data() + done, chunk, off_t(offset + int64_t(done)));
            if (n <= 0) {
                result = makeError(
                    ErrorCode::Corrupt,
                    n == 0 ? QCoreApplication::translate("Imaging", "%1 ends at %2 bytes, the master holds %3")
                                 .arg(targetPath)
                                 .arg(offset + int64_t(done))
                                 .arg(manifest.virtualSize)
                           : QCoreApplication::translate("Imaging", "%1: read error at offset %2: %3")
                                 .arg(targetPath)
                                 .arg(offset + int64_t(done))
                                 .arg(QString::fromLocal8Bit(strerror(errno))),
                    QStringLiteral("verify_read"));
                break;
            }
            done += size_t(n);
        }
        if (result.ok() && sha256(buffer.data(), length) != manifest.ranges[i])
            result = makeError(
                ErrorCode::Corrupt,
                QCoreApplication::translate("Imaging", "%1 differs from the master in the range at offset %2")
                    .arg(targetPath)
                    .arg(offset),
                QStringLiteral("verify_mismatch"));
        if (progress)
            progress(offset + int64_t(length));
    }
    ::close(fd);
    if (buffered >= 0)
        ::close(buffered);
    return result;
}

} // namespace Etabli::Imaging
