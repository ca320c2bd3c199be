// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/erasecertificate.h"
#include "imaging/sodium_p.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace Etabli::Imaging {

namespace {

constexpr const char *kEndorsementFormat = "etabli.station-endorsement.v1";

QByteArray b64(const QJsonValue &v)
{
    return QByteArray::fromBase64(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
}

Error corrupt(const QString &why, const char *detail)
{
    return makeError(ErrorCode::Corrupt, why, QString::fromLatin1(detail));
}

} // namespace

QByteArray canonicalJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString StationKey::defaultDir()
{
    const QString env = qEnvironmentVariable("ETABLI_STATION_KEY_DIR");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/etabli/station-key");
}

Result<StationKey> StationKey::loadOrCreate(const QString &dir)
{
    StationKey k;
    k.dir = dir;
    const QString base = dir + QStringLiteral("/station");
    if (!QFile::exists(base + QStringLiteral(".key"))) {
        if (!QDir().mkpath(dir))
            return makeError(ErrorCode::Io, QCoreApplication::translate("Imaging", "cannot create %1").arg(dir));
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        auto made = KeyPair::generate();
        if (!made)
            return made.error();
        if (auto s = made->save(base); !s)
            return s.error();
    }
    auto secret = KeyPair::loadSecretKey(base + QStringLiteral(".key"));
    if (!secret)
        return secret.error();
    k.keys.secretKey = *secret;
    k.keys.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(k.keys.publicKey.data()),
                                 reinterpret_cast<const unsigned char *>(secret->constData()));
    QFile e(base + QStringLiteral(".endorsement.json"));
    if (e.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(e.read(1 << 16)).object();
        // An endorsement of another key (a key made again) is ignored, not trusted.
        if (b64(o.value(QStringLiteral("station_key"))) == k.keys.publicKey && checkEndorsement(o))
            k.endorsement = o;
    }
    return k;
}

Result<void> StationKey::installEndorsement(const QJsonObject &endorsement)
{
    if (auto c = checkEndorsement(endorsement); !c)
        return c;
    if (b64(endorsement.value(QStringLiteral("station_key"))) != keys.publicKey)
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("Imaging", "this endorsement is of another station's key"),
                         QStringLiteral("endorsement_other_key"));
    QSaveFile f(dir + QStringLiteral("/station.endorsement.json"));
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, f.errorString());
    f.write(QJsonDocument(endorsement).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(ErrorCode::Io, f.errorString());
    this->endorsement = endorsement;
    return {};
}

Result<QJsonObject> endorseStationKey(const QByteArray &stationPublicKey, const QString &station,
                                      const QByteArray &workshopSecretKey)
{
    if (!Sodium::ready() || workshopSecretKey.size() != crypto_sign_SECRETKEYBYTES
        || stationPublicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Imaging", "not an Ed25519 key"),
                         QStringLiteral("key_invalid"));
    QByteArray workshopPublic(crypto_sign_PUBLICKEYBYTES, '\0');
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(workshopPublic.data()),
                                 reinterpret_cast<const unsigned char *>(workshopSecretKey.constData()));
    QJsonObject o{
        {QStringLiteral("format"), QLatin1String(kEndorsementFormat)},
        {QStringLiteral("station"), station},
        {QStringLiteral("station_key"), QString::fromLatin1(stationPublicKey.toBase64())},
        {QStringLiteral("workshop_key"), QString::fromLatin1(workshopPublic.toBase64())},
        {QStringLiteral("endorsed_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
    };
    o.insert(QStringLiteral("signature"),
             QString::fromLatin1(Sodium::signDetached(canonicalJson(o), workshopSecretKey).toBase64()));
    return o;
}

Result<void> checkEndorsement(const QJsonObject &endorsement)
{
    QJsonObject body = endorsement;
    const QByteArray sig = b64(body.take(QStringLiteral("signature")));
    if (body.value(QStringLiteral("format")).toString() != QLatin1String(kEndorsementFormat))
        return corrupt(QCoreApplication::translate("Imaging", "not a station endorsement"), "endorsement_format");
    if (!Sodium::verifyDetached(canonicalJson(body), sig, b64(body.value(QStringLiteral("workshop_key")))))
        return corrupt(QCoreApplication::translate("Imaging", "the endorsement's signature is invalid"),
                       "endorsement_bad_signature");
    return {};
}

QJsonObject CertificateCheck::toJson() const
{
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("signature_valid"), signatureValid},
                  {QStringLiteral("endorsement_present"), endorsementPresent},
                  {QStringLiteral("endorsed"), endorsed},
                  {QStringLiteral("station_key"), stationKey}};
    if (!workshopKey.isEmpty())
        o.insert(QStringLiteral("workshop_key"), workshopKey);
    if (!reason.isEmpty())
        o.insert(QStringLiteral("endorsement_reason"), reason);
    return o;
}

Result<QJsonObject> signCertificate(QJsonObject body, const StationKey &key)
{
    if (!Sodium::ready() || key.keys.secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return makeError(ErrorCode::InvalidArgument, QCoreApplication::translate("Imaging", "not an Ed25519 key"),
                         QStringLiteral("key_invalid"));
    body.remove(QStringLiteral("signature"));
    if (!body.contains(QStringLiteral("format")))
        body.insert(QStringLiteral("format"), QLatin1String(kCertificateFormat));
    body.insert(QStringLiteral("station_key"), QString::fromLatin1(key.keys.publicKey.toBase64()));
    if (!key.endorsement.isEmpty())
        body.insert(QStringLiteral("endorsement"), key.endorsement);
    else
        body.remove(QStringLiteral("endorsement"));
    body.insert(QStringLiteral("signature"),
                QString::fromLatin1(Sodium::signDetached(canonicalJson(body), key.keys.secretKey).toBase64()));
    return body;
}

Result<CertificateCheck> verifyCertificate(const QByteArray &json, const QByteArray &trustedWorkshopKey)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return corrupt(
            QCoreApplication::translate("Imaging", "the certificate is not valid JSON: %1").arg(pe.errorString()),
            "certificate_json");
    QJsonObject body = doc.object();
    if (body.value(QStringLiteral("format")).toString() != QLatin1String(kCertificateFormat))
        return corrupt(QCoreApplication::translate("Imaging", "not an Établi erasure certificate"),
                       "certificate_format");
    const QByteArray sig = b64(body.take(QStringLiteral("signature")));
    const QByteArray stationKey = b64(body.value(QStringLiteral("station_key")));
    CertificateCheck c;
    c.id = body.value(QStringLiteral("id")).toString();
    c.stationKey = body.value(QStringLiteral("station_key")).toString();
    if (!Sodium::verifyDetached(canonicalJson(body), sig, stationKey))
        return corrupt(
            QCoreApplication::translate("Imaging", "the certificate's signature does not match its content (altered?)"),
            "certificate_bad_signature");
    c.signatureValid = true;
    const QJsonObject e = body.value(QStringLiteral("endorsement")).toObject();
    c.endorsementPresent = !e.isEmpty();
    if (!c.endorsementPresent) {
        c.reason = QCoreApplication::translate("Imaging", "the station's key carries no endorsement by the workshop");
        return c;
    }
    c.workshopKey = e.value(QStringLiteral("workshop_key")).toString();
    if (auto ok = checkEndorsement(e); !ok)
        c.reason = ok.error().message;
    else if (b64(e.value(QStringLiteral("station_key"))) != stationKey)
        c.reason = QCoreApplication::translate("Imaging", "the endorsement is of another station's key");
    else if (trustedWorkshopKey.isEmpty())
        c.reason = QCoreApplication::translate("Imaging", "no workshop public key to check the endorsement against");
    else if (b64(e.value(QStringLiteral("workshop_key"))) != trustedWorkshopKey)
        c.reason
            = QCoreApplication::translate("Imaging", "the endorsement was made by another key than the workshop's");
    else
        c.endorsed = true;
    return c;
}

} // namespace Etabli::Imaging
