// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/supervisor/demostore.h"

#include "inventory/store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>

namespace Etabli::Supervisor {

Result<int> writeDemoStore(const QString &path)
{
    if (QFileInfo::exists(path))
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate("Etabli::Supervisor", "%1 exists already").arg(path));
    auto opened = Inventory::Store::open(path, {QStringLiteral("office"), QStringLiteral("sup1")});
    if (!opened)
        return opened.error();
    Inventory::Store &s = **opened;
    const auto check = [](const auto &r) -> Result<void> {
        if (!r)
            return r.error();
        return {};
    };
#define DEMO_TRY(expr)                                                                                                 \
    if (auto r_ = check(expr); !r_)                                                                                    \
        return r_.error();
    DEMO_TRY(s.addDonor(QStringLiteral("Banque Rhône")));
    DEMO_TRY(s.addDonor(QStringLiteral("Mairie")));
    DEMO_TRY(s.addLot(QStringLiteral("L1"), QStringLiteral("Banque Rhône"), 10));
    DEMO_TRY(s.addLot(QStringLiteral("L2"), QStringLiteral("Mairie"), 5));
    const QList<QStringList> workers{{QStringLiteral("B-12"), QStringLiteral("Ana"), QStringLiteral("worker")},
                                     {QStringLiteral("B-13"), QStringLiteral("Bruno"), QStringLiteral("worker")},
                                     {QStringLiteral("sup1"), QStringLiteral("Chloé"), QStringLiteral("supervisor")}};
    for (const QStringList &w : workers)
        DEMO_TRY(s.recordGeneral(
            QStringLiteral("worker.added"),
            {{QStringLiteral("badge"), w[0]}, {QStringLiteral("display_name"), w[1]}, {QStringLiteral("role"), w[2]}}));
    DEMO_TRY(s.recordGeneral(
        QStringLiteral("workshop.configured"),
        {{QStringLiteral("master_name"), QStringLiteral("Debian école")},
         {QStringLiteral("master_version"), QStringLiteral("2026.11")},
         {QStringLiteral("label_template"), QStringLiteral("62mm")},
         {QStringLiteral("min_spec"), QJsonObject{{QStringLiteral("ram_gb"), 4}, {QStringLiteral("disk_gb"), 120}}}}));
    int pcs = 0;
    for (int i = 0; i < 8; ++i) {
        s.setIdentity({QStringLiteral("bench-1"), i % 2 ? QStringLiteral("B-13") : QStringLiteral("B-12")});
        Inventory::NewAsset a;
        a.lot = i < 5 ? QStringLiteral("L1") : QStringLiteral("L2");
        a.make = QStringLiteral("Dell");
        a.model = i % 3 ? QStringLiteral("OptiPlex 7050") : QStringLiteral("Latitude E7470");
        a.serial = i < 3 ? QStringLiteral("SAME") : QStringLiteral("SN%1").arg(1000 + i); // duplicates: attention
        auto added = s.addAsset(a);
        if (!added)
            return added.error();
        ++pcs;
        DEMO_TRY(s.moveAsset(added->tag, Inventory::AssetState::Testing));
        DEMO_TRY(s.record(QStringLiteral("test.recorded"), added->tag,
                          {{QStringLiteral("kind"), QStringLiteral("ram")},
                           {QStringLiteral("verdict"), i == 4 ? QStringLiteral("FAIL") : QStringLiteral("PASS")}}));
        if (i >= 5) { // lot L2: tested, erased, imaged, labelled and ready (the figures' months)
            DEMO_TRY(s.record(QStringLiteral("test.recorded"), added->tag,
                              {{QStringLiteral("kind"), QStringLiteral("disk")},
                               {QStringLiteral("verdict"), QStringLiteral("PASS")}}));
            DEMO_TRY(s.record(QStringLiteral("erasure.recorded"), added->tag,
                              {{QStringLiteral("method"), QStringLiteral("overwrite")},
                               {QStringLiteral("verified"), true},
                               {QStringLiteral("certificate_id"), QStringLiteral("demo-%1").arg(i)},
                               {QStringLiteral("check_status"), QStringLiteral("to_be_checked")}}));
            if (i != 7) { // the last one waits for its second-person check (an attention row)
                const QString erasedBy = i % 2 ? QStringLiteral("B-13") : QStringLiteral("B-12");
                DEMO_TRY(s.record(QStringLiteral("erasure.checked"), added->tag,
                                  {{QStringLiteral("certificate_id"), QStringLiteral("demo-%1").arg(i)},
                                   {QStringLiteral("checker"), QStringLiteral("sup1")},
                                   {QStringLiteral("erased_by"), erasedBy}}));
            }
            DEMO_TRY(s.record(QStringLiteral("imaging.recorded"), added->tag,
                              {{QStringLiteral("master_name"), QStringLiteral("Debian école")},
                               {QStringLiteral("master_version"), QStringLiteral("2026.11")},
                               {QStringLiteral("verified"), true}}));
            DEMO_TRY(s.record(QStringLiteral("label.printed"), added->tag,
                              {{QStringLiteral("template"), QStringLiteral("62mm")},
                               {QStringLiteral("printer"), QStringLiteral("brother")}}));
            DEMO_TRY(s.moveAsset(added->tag, Inventory::AssetState::Imaged));
            DEMO_TRY(s.moveAsset(added->tag, Inventory::AssetState::Ready));
        }
        if (i % 3 == 0)
            DEMO_TRY(s.record(
                QStringLiteral("hs.recorded"), added->tag,
                {{QStringLiteral("part"), i == 0 ? QStringLiteral("screen") : QStringLiteral("keyboard")},
                 {QStringLiteral("reason"), i == 0 ? QStringLiteral("dead_pixels") : QStringLiteral("broken_keys")}}));
    }
    s.setIdentity({QStringLiteral("office"), QStringLiteral("sup1")});
#undef DEMO_TRY
    return pcs;
}

} // namespace Etabli::Supervisor
