// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/manifest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace Etabli::Imaging {

/// The bytes a signature covers: compact JSON with every object's keys sorted (QJsonObject
/// keeps them sorted; our keys are ASCII so UTF-16 order is byte order), no spaces, UTF-8,
/// integers only in signed documents (no float formatting to disagree on). An independent
/// check: `json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
QByteArray canonicalJson(const QJsonObject &object);

/// The station's own signing key, made at its first use: `DIR/station.key` (0600, in a
/// 0700 folder) and `DIR/station.pub`. Benches never hold the workshop's secret key: the
/// workshop endorses this public key instead (`DIR/station.endorsement.json`).
/// DIR: `$ETABLI_STATION_KEY_DIR`, or `~/.local/share/etabli/station-key`.
struct StationKey {
    KeyPair keys;
    QJsonObject endorsement; ///< empty until the workshop endorsed this key
    QString dir;

    static QString defaultDir();
    /// Loads the key in `dir`, or makes one when there is none. Thread: the caller's.
    static Result<StationKey> loadOrCreate(const QString &dir);
    /// Stores an endorsement after checking it is of this key and validly signed.
    Result<void> installEndorsement(const QJsonObject &endorsement);
};

/// The workshop's statement "this station key is ours": made with the workshop's
/// certification key (on the server or the supervisor's machine, never on a bench).
/// {"format","station","station_key","workshop_key","endorsed_at","signature"}; the
/// signature covers the canonical JSON of everything else.
Result<QJsonObject> endorseStationKey(const QByteArray &stationPublicKey, const QString &station,
                                      const QByteArray &workshopSecretKey);
/// Checks an endorsement's own signature (by the key it names); empty when valid.
Result<void> checkEndorsement(const QJsonObject &endorsement);

/// An erasure certificate: the fields of the erasure (see erasure README), signed by the
/// station key, its public key inside (`station_key`), the endorsement when there is one.
struct CertificateCheck {
    bool signatureValid = false;
    bool endorsementPresent = false;
    bool endorsed = false; ///< endorsement valid AND made by the trusted workshop key
    QString id;
    QString stationKey; ///< base64
    QString workshopKey; ///< base64, from the endorsement
    QString reason; ///< why endorsed is false, when it is
    QJsonObject toJson() const;
};

inline constexpr const char *kCertificateFormat = "etabli.erasure-certificate.v1";

/// Adds `format` (if absent), `station_key`, `endorsement` (if any) and `signature` to `body`.
Result<QJsonObject> signCertificate(QJsonObject body, const StationKey &key);
/// Parses and checks a certificate file's bytes. Fails (ErrorCode::Corrupt) when the JSON
/// is damaged or the signature does not match; otherwise says whether it is endorsed by
/// `trustedWorkshopKey` (32 bytes; empty: no workshop key to check against, endorsed=false).
Result<CertificateCheck> verifyCertificate(const QByteArray &json, const QByteArray &trustedWorkshopKey = {});

} // namespace Etabli::Imaging
