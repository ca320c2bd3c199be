// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// libsodium, once for the imaging engine: its start and the Ed25519 detached signatures
// that manifests and erasure certificates both use. Private to imaging/.

#include <QByteArray>

#include <sodium.h>

namespace Etabli::Imaging::Sodium {

/// libsodium started (thread-safe, once per process).
inline bool ready()
{
    static const bool started = sodium_init() >= 0;
    return started;
}

/// The Ed25519 signature of `bytes`; `secretKey` must be crypto_sign_SECRETKEYBYTES long.
inline QByteArray signDetached(const QByteArray &bytes, const QByteArray &secretKey)
{
    QByteArray sig(crypto_sign_BYTES, '\0');
    crypto_sign_detached(reinterpret_cast<unsigned char *>(sig.data()), nullptr,
                         reinterpret_cast<const unsigned char *>(bytes.constData()), quint64(bytes.size()),
                         reinterpret_cast<const unsigned char *>(secretKey.constData()));
    return sig;
}

/// Whether `sig` is `publicKey`'s signature of `bytes` (false for keys or signatures of the wrong size).
inline bool verifyDetached(const QByteArray &bytes, const QByteArray &sig, const QByteArray &publicKey)
{
    return ready() && sig.size() == crypto_sign_BYTES && publicKey.size() == crypto_sign_PUBLICKEYBYTES
        && crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(sig.constData()),
                                       reinterpret_cast<const unsigned char *>(bytes.constData()),
                                       quint64(bytes.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

} // namespace Etabli::Imaging::Sodium
