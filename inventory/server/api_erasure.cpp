// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Erasure endpoints (issue 15): the workshop's certification key endorses a station's key
// when the station enrols, and the supervisor lists the erasures nobody else checked yet.
#include "inventory/server/api_erasure.h"

#include "imaging/erasecertificate.h"
#include "imaging/manifest.h"
#include "inventory/server/api_p.h"
#include "inventory/server/serverstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace Etabli::Server {

namespace {

constexpr int kPublicKeyBytes = 32; // Ed25519
constexpr int kSecretKeyBytes = 64; // libsodium: seed then public key

} // namespace

Result<std::shared_ptr<const CertificationKey>> CertificationKey::loadOrCreate(const QString &path, bool *created)
{
    if (created)
        *created = false;
    if (!QFileInfo::exists(path)) {
        if (!path.endsWith(QLatin1String(".key")))
            return makeError(ErrorCode::InvalidArgument,
                             QCoreApplication::translate("etabli-server",
                                                         "the certification key %1 does not exist; give a FILE.key"
                                                         " path to make one there")
                                 .arg(path));
        auto pair = Imaging::KeyPair::generate();
        if (!pair)
            return pair.error();
        if (auto saved = pair->save(path.chopped(4)); !saved)
            return saved.error();
        if (created)
            *created = true;
    }
    // Like ssh: a secret others may read is no longer only the workshop's.
    if (QFile::permissions(path)
        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
        return makeError(ErrorCode::Refused,
                         QCoreApplication::translate("etabli-server",
                                                     "the certification key %1 is readable by others:"
                                                     " chmod 600 it (and consider it disclosed)")
                             .arg(path),
                         QStringLiteral("key_permissions"));
    auto secret = Imaging::KeyPair::loadSecretKey(path);
    if (!secret)
        return secret.error();
    if (secret->size() != kSecretKeyBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("etabli-server", "%1 is not an Ed25519 secret key").arg(path));
    auto key = std::make_shared<CertificationKey>();
    key->m_secret = *secret;
    key->m_public = secret->right(kPublicKeyBytes);
    if (path.endsWith(QLatin1String(".key")))
        key->m_publicPath = path.chopped(4) + QStringLiteral(".pub");
    return std::shared_ptr<const CertificationKey>(std::move(key));
}

Result<QJsonObject> CertificationKey::endorse(const QByteArray &stationKey, const QString &station) const
{
    return Imaging::endorseStationKey(stationKey, station, m_secret);
}

namespace ErasureApi {

ApiResponse endorseStation(const ApiRequest &r, ServerStore &store, const TokenInfo &token, const CertificationKey *key)
{
    if (!key)
        return ApiReply::error(404, QStringLiteral("not_found"),
                               QCoreApplication::translate("Api",
                                                           "this server endorses no station keys (started without"
                                                           " --certification-key)"),
                               QStringLiteral("no_certification_key"));
    auto body = ApiReply::objectBody(r.body, {QStringLiteral("station_key")});
    if (!body)
        return ApiReply::fromError(body.error());
    const QJsonValue v = body->value(QStringLiteral("station_key"));
    const QByteArray stationKey
        = QByteArray::fromBase64(v.toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    // Only the canonical base64 of 32 bytes: one key, one spelling, one row.
    if (!v.isString() || stationKey.size() != kPublicKeyBytes || stationKey.toBase64() != v.toString().toLatin1())
        return ApiReply::error(400, QStringLiteral("bad_request"),
                               QCoreApplication::translate("Api",
                                                           "«station_key» must be an Ed25519 public key: 32 bytes"
                                                           " in base64"),
                               QStringLiteral("bad_station_key"));
    const QString keyText = v.toString();
    auto known = store.endorsementOf(token.name, keyText);
    if (!known)
        return ApiReply::fromError(known.error());
    if (known->isEmpty()) {
        auto made = key->endorse(stationKey, token.name);
        if (!made)
            return ApiReply::fromError(made.error());
        if (auto stored = store.recordEndorsement(token.name, keyText, *made); !stored)
            return ApiReply::fromError(stored.error());
        // Two requests at once: the row stored first is the answer to both.
        known = store.endorsementOf(token.name, keyText);
        if (!known)
            return ApiReply::fromError(known.error());
    }
    return ApiReply::json(
        200,
        QJsonObject{{QStringLiteral("endorsement"), *known},
                    {QStringLiteral("workshop_key"), QString::fromLatin1(key->publicKey().toBase64())}});
}

ApiResponse listEndorsements(ServerStore &store)
{
    auto list = store.endorsements();
    if (!list)
        return ApiReply::fromError(list.error());
    return ApiReply::json(200, QJsonObject{{QStringLiteral("endorsements"), *list}});
}

ApiResponse uncheckedErasures(ServerStore &store)
{
    auto list = store.uncheckedErasures();
    if (!list)
        return ApiReply::fromError(list.error());
    return ApiReply::json(200,
                          QJsonObject{{QStringLiteral("erasures"), *list}, {QStringLiteral("count"), list->size()}});
}

} // namespace ErasureApi

} // namespace Etabli::Server
