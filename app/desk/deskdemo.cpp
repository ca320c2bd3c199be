// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/desk/deskdemo.h"

#include "app/core/desk.h"
#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QDateTime>
#include <QJsonObject>
#include <QUuid>

namespace Etabli::Desk {

using namespace Inventory;
namespace Core = AppCore::Desk;

namespace {

/// An event as the server would send it (assets reach a desk by sync, never by hand).
Event remote(const QString &type, const QString &tag, const QJsonObject &payload, int n)
{
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = QStringLiteral("bench-1");
    e.worker = QStringLiteral("demo");
    e.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + n);
    e.type = type;
    e.assetTag = tag;
    e.payload = payload;
    return e;
}

} // namespace

Result<DemoDesk> makeDemoDesk(const QString &path)
{
    auto opened = Store::open(path, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
    if (!opened)
        return opened.error();
    Store &s = **opened;
    if (auto r = s.setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")); !r)
        return r.error();
    if (auto r = s.setSetting(QStringLiteral("desk.training_site"), QStringLiteral("Médiathèque")); !r)
        return r.error();
    int n = 0;
    for (const char *lot : {"L1", "L2"})
        if (auto r = s.applyRemote(
                remote(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QLatin1String(lot)}}, ++n));
            !r)
            return r.error();
    DemoDesk out;
    // 1-7 READY for Léa's kit and the checks; 8-11 for Yanis (handed over); 12-13 READY (swaps).
    const QList<QPair<const char *, const char *>> assets{
        {"pc", "L1"},       {"screen", "L1"}, {"keyboard", "L1"}, {"mouse", "L1"},  {"pc", "L1"},
        {"speakers", "L1"}, {"screen", "L2"}, {"pc", "L1"},       {"screen", "L1"}, {"keyboard", "L1"},
        {"mouse", "L1"},    {"pc", "L1"},     {"keyboard", "L1"}};
    for (int i = 0; i < assets.size(); ++i) {
        const QString tag = AssetTag::make(QStringLiteral("BCL"), i + 1);
        if (auto r = s.applyRemote(remote(QStringLiteral("asset.added"), tag,
                                          {{QStringLiteral("tag"), tag},
                                           {QStringLiteral("kind"), QLatin1String(assets.at(i).first)},
                                           {QStringLiteral("lot"), QLatin1String(assets.at(i).second)}},
                                          ++n));
            !r)
            return r.error();
        for (const auto &[from, to] : {std::pair{"RECEIVED", "TESTING"}, std::pair{"TESTING", "READY"}})
            if (auto r = s.applyRemote(remote(
                    QStringLiteral("asset.moved"), tag,
                    {{QStringLiteral("from"), QLatin1String(from)}, {QStringLiteral("to"), QLatin1String(to)}}, ++n));
                !r)
                return r.error();
        (i < 7 || i >= 11 ? out.readyTags : out.givenTags) << tag;
    }
    const QList<QStringList> families{
        {QStringLiteral("P-1"), QStringLiteral("Léa Martin"), QStringLiteral("Sophie Martin")},
        {QStringLiteral("P-2"), QStringLiteral("Yanis Benali"), QStringLiteral("Karim Benali")},
        {QStringLiteral("P-3"), QStringLiteral("Inès Diallo"), QStringLiteral("Awa Diallo")},
        {QStringLiteral("P-4"), QStringLiteral("Tom Petit"), QStringLiteral("Julie Petit")}};
    for (const QStringList &f : families)
        if (auto r = s.recordGeneral(QStringLiteral("beneficiary.added"),
                                     {{QStringLiteral("reference"), f.at(0)},
                                      {QStringLiteral("school"), QStringLiteral("Jaurès")},
                                      {QStringLiteral("class"), QStringLiteral("CM1")},
                                      {QStringLiteral("kind"), QStringLiteral("family")},
                                      {QStringLiteral("pupil_name"), f.at(1)},
                                      {QStringLiteral("parent_name"), f.at(2)}});
            !r)
            return r.error();
    auto vouchers = Core::issueVouchers(s, {QStringLiteral("Jaurès"), {}, 15, QStringLiteral("Médiathèque")});
    if (!vouchers)
        return vouchers.error();
    for (const Core::Voucher &v : *vouchers) {
        if (v.who.reference == QLatin1String("P-1"))
            out.voucher = v.id;
        if (v.who.reference == QLatin1String("P-2"))
            out.givenVoucher = v.id;
    }
    Core::HandoverRequest given;
    given.voucher = out.givenVoucher;
    given.tags = out.givenTags;
    given.witness = QStringLiteral("Nadia");
    given.confirmed = {QStringLiteral("no_speakers")};
    if (auto r = Core::handOver(s, given); !r)
        return r.error();
    for (const char *who : {"P-3", "P-4"})
        if (auto r = Core::enrolTraining(s, QLatin1String(who), QStringLiteral("Médiathèque")); !r)
            return r.error();
    for (int i = 1; i <= Core::kTrainingSessions; ++i) {
        if (i <= 3)
            if (auto r = Core::attendTraining(s, QStringLiteral("P-3"), i, QDate::currentDate(), {}); !r)
                return r.error();
        if (auto r = Core::attendTraining(s, QStringLiteral("P-4"), i, QDate::currentDate(), {}); !r)
            return r.error();
    }
    return out;
}

} // namespace Etabli::Desk
