// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14, engineer "deskserver"): the desk's reads on the central server — a
// family's records (GET /api/v1/desk/beneficiaries/REF) and the server's personal-data
// audit (GET /api/v1/desk/audit), with a desk or supervisor token. Blocking (30 s at most).
#include "app/core/desk.h"
#include "app/core/serverrequest.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace Etabli::AppCore::Desk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::Desk", text);
}

Result<QJsonDocument> get(const QUrl &server, const QString &token, const QString &path, const QUrlQuery &query = {})
{
    if (!server.isValid() || server.host().isEmpty() || token.isEmpty())
        return makeError(ErrorCode::InvalidArgument, tr("give the server as http(s)://HOST:PORT and a token"));
    return serverRequest(server, token, "GET", path, query);
}

} // namespace

Result<QJsonObject> serverFamily(const QUrl &server, const QString &token, const QString &reference)
{
    auto doc
        = get(server, token,
              QStringLiteral("/api/v1/desk/beneficiaries/") + QString::fromLatin1(QUrl::toPercentEncoding(reference)));
    if (!doc)
        return doc.error();
    return doc->object();
}

Result<QList<AuditEntry>> serverAuditLog(const QUrl &server, const QString &token, const QString &beneficiary)
{
    QUrlQuery q;
    if (!beneficiary.isEmpty())
        q.addQueryItem(QStringLiteral("beneficiary"), beneficiary);
    auto doc = get(server, token, QStringLiteral("/api/v1/desk/audit"), q);
    if (!doc)
        return doc.error();
    QList<AuditEntry> out;
    for (const QJsonValue &v : doc->object().value(QStringLiteral("audit")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto s = [&o](const char *k) { return o.value(QLatin1String(k)).toString(); };
        // On the server, "who" is the token's name (a desk's station) and "role" its role.
        out.append({s("time"), s("who"), s("role"), s("action"), s("beneficiary"), s("detail")});
    }
    return out;
}

} // namespace Etabli::AppCore::Desk
