// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <vector>

namespace Etabli::Imaging {

class Source;

/// Lower-case hexadecimal of a SHA-256 digest. Any thread.
QString toHex(const std::array<uint8_t, 32> &digest);

/// The signed description of a master's raw disk content, stored beside the master as
/// MASTER.manifest.json: virtual size, the SHA-256 of every `rangeSize` range and of the
/// whole content, the master's name and version, and an Ed25519 signature (libsodium) over
/// the canonical JSON of everything else. A plain value: any thread.
struct Manifest {
    /// 1 MiB: small enough that the empty parts of a disk often fill whole ranges, which
    /// are then neither inflated nor hashed; qcow2 clusters larger than that set the range.
    static constexpr int64_t kDefaultRangeSize = 1 << 20;
    static int64_t rangeSizeFor(uint32_t clusterSize) { return std::max<int64_t>(kDefaultRangeSize, clusterSize); }

    QString name;
    QString version;
    int64_t virtualSize = 0;
    int64_t rangeSize = kDefaultRangeSize;
    std::vector<std::array<uint8_t, 32>> ranges;
    std::array<uint8_t, 32> sha256{};
    QString createdAt;
    QByteArray publicKey; ///< 32 bytes; empty when unsigned
    QByteArray signature; ///< 64 bytes; empty when unsigned

    bool isSigned() const { return !signature.isEmpty(); }
    /// The bytes the signature covers: compact JSON of every field but the signature.
    QByteArray signedBytes() const;
    QJsonObject toJson() const;
    static Result<Manifest> fromJson(const QByteArray &json);

    static QString pathFor(const QString &masterPath) { return masterPath + QStringLiteral(".manifest.json"); }
    static Result<Manifest> load(const QString &path);
    Result<void> save(const QString &path) const;

    /// Signs with a 64-byte libsodium secret key (its public half is embedded).
    Result<void> sign(const QByteArray &secretKey);
    /// Checks the signature and that it was made by `trustedPublicKey`.
    Result<void> verifySignature(const QByteArray &trustedPublicKey) const;
    /// First range whose digest differs from `other` (both must describe the same size),
    /// or -1 when identical.
    int64_t firstDifference(const Manifest &other) const;
};

/// An Ed25519 key pair, stored as two text files (base64): NAME.key (mode 0600) and NAME.pub.
struct KeyPair {
    QByteArray publicKey;
    QByteArray secretKey;
    static Result<KeyPair> generate();
    Result<void> save(const QString &basePath) const;
    static Result<QByteArray> loadPublicKey(const QString &path);
    static Result<QByteArray> loadSecretKey(const QString &path);
};

/// Reads `source` completely (ranges hashed on `threads` cores) and returns its manifest,
/// unsigned. `progress` (may be empty) receives the bytes done from the reading thread.
/// `crcs`, when given, receives the CRC-32 of every range (for a MasterSeal).
Result<Manifest> computeManifest(Source &source, const QString &name, const QString &version, int threads,
                                 const std::function<void(int64_t)> &progress = {},
                                 std::vector<uint32_t> *crcs = nullptr);

/// Reads the first manifest.virtualSize bytes of `targetPath` (a disk or file, bypassing
/// the page cache where possible) and compares each range's SHA-256 with the manifest.
/// Fails with ErrorCode::Corrupt naming the first differing offset. Blocks; any thread.
Result<void> verifyTargetAgainstManifest(const QString &targetPath, const Manifest &manifest,
                                         const std::function<void(int64_t)> &progress = {});

} // namespace Etabli::Imaging
