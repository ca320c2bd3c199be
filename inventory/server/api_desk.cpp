// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// desk (issue 14, engineer "deskserver"): the desk's reads on the server (api_desk.h).
#include "inventory/server/api_desk.h"

#include "inventory/eventrules.h"
#include "inventory/server/api_p.h"
#include "inventory/server/serverstore.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrlQuery>

namespace Etabli::Server::DeskApi {

using namespace ApiReply;

namespace {

void logged(ServerStore &store, const TokenInfo &token, const QString &action, const QString &beneficiary,
            const QString &detail = {})
{
    if (auto a = store.auditPersonalData(token, action, beneficiary, detail); !a)
        qWarning("audit: %s", qPrintable(a.error().message));
}

bool validReference(const QString &reference)
{
    return !reference.isEmpty() && reference.size() <= 64 && !reference.contains(QLatin1Char('/'));
}

} // namespace

ApiResponse beneficiary(const ApiRequest &, ServerStore &store, const TokenInfo &token, const QString &reference)
{
    const QString ref = QUrl::fromPercentEncoding(reference.toUtf8()).trimmed();
    if (!validReference(ref))
        return error(400, QStringLiteral("bad_request"),
                     QCoreApplication::translate("Api", "a beneficiary reference has 1 to 64 characters"),
                     QStringLiteral("bad_parameter"));
    auto b = store.deskBeneficiary(ref);
    if (!b)
        return fromError(b.error());
    logged(store, token, QStringLiteral("view"), ref);
    return json(200, *b);
}

ApiResponse beneficiaries(const ApiRequest &, ServerStore &store, const TokenInfo &token)
{
    auto list = store.beneficiaries();
    if (!list)
        return fromError(list.error());
    logged(store, token, QStringLiteral("list"), QString(), QString::number(list->size()));
    return json(200, *list);
}

ApiResponse audit(const ApiRequest &r, ServerStore &store, const TokenInfo &)
{
    const QString ref = r.query.queryItemValue(QStringLiteral("beneficiary"), QUrl::FullyDecoded).trimmed();
    if (r.query.hasQueryItem(QStringLiteral("beneficiary")) && !validReference(ref))
        return error(400, QStringLiteral("bad_request"),
                     QCoreApplication::translate("Api", "a beneficiary reference has 1 to 64 characters"),
                     QStringLiteral("bad_parameter"));
    auto lines = store.personalDataAudit(ref);
    if (!lines)
        return fromError(lines.error());
    return json(200, QJsonObject{{QStringLiteral("audit"), *lines}, {QStringLiteral("count"), lines->size()}});
}

void auditPull(ServerStore &store, const TokenInfo &token, const QJsonArray &events)
{
    QSet<QString> refs;
    qsizetype n = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (!Inventory::EventRules::isFamilyData(e.value(QStringLiteral("type")).toString()))
            continue;
        ++n;
        const QJsonObject p = e.value(QStringLiteral("payload")).toObject();
        const QString ref
            = p.value(QStringLiteral("beneficiary")).toString(p.value(QStringLiteral("reference")).toString());
        if (!ref.isEmpty())
            refs.insert(ref);
    }
    if (n == 0)
        return;
    // One line per pull page: which families it carried (a sync, not a person reading).
    QStringList sorted(refs.cbegin(), refs.cend());
    sorted.sort();
    logged(store, token, QStringLiteral("pull"), sorted.size() == 1 ? sorted.first() : QString(),
           QStringLiteral("%1 events: %2").arg(n).arg(sorted.join(QLatin1Char(' ')).left(900)));
}

} // namespace Etabli::Server::DeskApi
