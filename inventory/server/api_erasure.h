// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// The erasure endpoints of the API (issue 15): station key endorsement at enrolment and
// the erasures still to be checked by a second person. Routed from api.cpp's table.

#include "common/result.h"
#include "inventory/server/api.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Etabli::Server {

class ServerStore;
struct TokenInfo;

/// The workshop's certification key (Ed25519), held by the server only: read from a file
/// that only its owner may read (`--certification-key FILE.key`), made there (0600, with
/// FILE.pub beside it, the public key donors check against) when the file does not exist.
/// The secret never leaves this object: no endpoint, log or error carries it.
/// Immutable once loaded; shared by every worker thread.
class CertificationKey
{
public:
    /// Loads `path` (base64 secret key, as `etabli image keygen` writes), or creates the
    /// pair when `path` is missing and ends with `.key`. Refuses a key file that its group
    /// or others may read (ErrorCode::Refused), as ssh does.
    static Result<std::shared_ptr<const CertificationKey>> loadOrCreate(const QString &path, bool *created = nullptr);
    QByteArray publicKey() const { return m_public; }
    QString publicKeyPath() const { return m_publicPath; }
    /// The endorsement of `stationKey` (32 bytes) for the station `station`.
    Result<QJsonObject> endorse(const QByteArray &stationKey, const QString &station) const;

private:
    QByteArray m_secret, m_public;
    QString m_publicPath;
};

namespace ErasureApi {

/// `POST /api/v1/stations/endorsement` (station token), body {"station_key": BASE64}: the
/// workshop's endorsement of that Ed25519 key for the token's station. The same key asked
/// again gets the endorsement stored the first time. 400 for a malformed body or key
/// (nothing stored), 404 when this server holds no certification key.
ApiResponse endorseStation(const ApiRequest &r, ServerStore &store, const TokenInfo &token,
                           const CertificationKey *key);
/// `GET /api/v1/stations/endorsements` (supervisor): every station key endorsed.
ApiResponse listEndorsements(ServerStore &store);
/// `GET /api/v1/erasures/unchecked` (supervisor): {"erasures": [...], "count": N}.
ApiResponse uncheckedErasures(ServerStore &store);

} // namespace ErasureApi

} // namespace Etabli::Server
