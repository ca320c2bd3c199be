// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Bearer tokens: 256 random bits shown once, stored as their SHA-256, revocable.
#include "inventory/server/serverstore_p.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRandomGenerator>

namespace Etabli::Server {

namespace {

QString hashToken(const QString &secret)
{
    // Tokens are 256 random bits, so a plain SHA-256 cannot be brute-forced.
    return QString::fromLatin1(QCryptographicHash::hash(secret.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

Result<QString> ServerStore::createToken(const QString &name, const QString &role)
{
    static const QStringList roles{QStringLiteral("station"), QStringLiteral("supervisor"), QStringLiteral("desk"),
                                   QStringLiteral("ent")};
    if (!roles.contains(role))
        return makeError(
            ErrorCode::InvalidArgument,
            QCoreApplication::translate("ServerStore", "the role must be station, supervisor, desk or ent"));
    if (name.trimmed().isEmpty() || name.size() > 128)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("ServerStore", "a token needs a name (1 to 128 characters)"));
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    const QString secret = QStringLiteral("etb_")
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const auto writer = d->lockWriter();
    auto q = d->run(QStringLiteral("INSERT INTO tokens(name, role, hash, created_at) VALUES(?, ?, ?, ?)"),
                    {name.trimmed(), role, hashToken(secret), now()});
    if (!q)
        return q.error();
    return secret;
}

QList<TokenInfo> ServerStore::tokens() const
{
    QList<TokenInfo> out;
    auto q = d->run(QStringLiteral("SELECT id, name, role, created_at, revoked_at FROM tokens ORDER BY id"));
    while (q && q->next())
        out.append(TokenInfo{q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
                             q->value(3).toString(), q->value(4).toString()});
    return out;
}

Result<void> ServerStore::revokeToken(const QString &idOrName)
{
    bool isId = false;
    const qint64 id = idOrName.toLongLong(&isId);
    const auto writer = d->lockWriter();
    auto q = isId
        ? d->run(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"), {now(), id})
        : d->run(QStringLiteral("UPDATE tokens SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL"),
                 {now(), idOrName});
    if (!q)
        return q.error();
    if (q->numRowsAffected() <= 0)
        return makeError(ErrorCode::NotFound,
                         QCoreApplication::translate("ServerStore", "no valid token «%1»").arg(idOrName),
                         QStringLiteral("unknown_token"));
    return {};
}

Result<TokenInfo> ServerStore::authenticate(const QString &secret) const
{
    if (secret.isEmpty() || secret.size() > 256)
        return makeError(ErrorCode::Unauthorized,
                         QCoreApplication::translate("ServerStore", "missing or malformed token"));
    const QString sql
        = QStringLiteral("SELECT id, name, role, created_at FROM tokens WHERE hash = ? AND revoked_at IS NULL");
    const quint64 connection = d->generation;
    auto q = d->run(sql, {hashToken(secret)});
    if (!q && d->generation != connection) // the first statement of a request: safe to ask the new connection
        q = d->run(sql, {hashToken(secret)});
    if (!q)
        return q.error();
    const bool found = q->next();
    const TokenInfo info{found ? q->value(0).toLongLong() : 0,
                         q->value(1).toString(),
                         q->value(2).toString(),
                         q->value(3).toString(),
                         {}};
    d->idle();
    if (!found)
        return makeError(ErrorCode::Unauthorized,
                         QCoreApplication::translate("ServerStore", "unknown or revoked token"));
    return info;
}

// --- events

} // namespace Etabli::Server
