// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// A bench for the fault test: makes changes on its own store until it has made
// --target of them, syncing every few changes; killed and restarted at random, it
// picks up where its store says it is. --final only syncs until nothing is pending.
#include "inventory/store.h"
#include "inventory/sync/syncclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace Etabli;
using namespace Etabli::Inventory;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    for (const char *o : {"db", "station", "server", "token", "target", "seed", "prefix"})
        p.addOption({QLatin1String(o), QString(), QStringLiteral("V")});
    p.addOption({QStringLiteral("final"), QString()});
    p.process(app);
    auto opened
        = Store::open(p.value(QStringLiteral("db")), {p.value(QStringLiteral("station")), QStringLiteral("sim")});
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().message));
        return 1;
    }
    Store &store = **opened;
    if (store.setting(QStringLiteral("tag.prefix")).isEmpty())
        (void)store.setSetting(QStringLiteral("tag.prefix"), p.value(QStringLiteral("prefix")));
    Sync::SyncConfig config;
    config.server = QUrl(p.value(QStringLiteral("server")));
    config.token = p.value(QStringLiteral("token"));
    config.batchSize = 100;
    config.timeoutMs = 5000;
    Sync::SyncClient client(store, config);

    if (p.isSet(QStringLiteral("final"))) {
        for (int i = 0; i < 50; ++i) {
            auto r = client.syncBlocking(1);
            if (r && r->pending == 0)
                return 0;
        }
        return 2;
    }

    const QString station = p.value(QStringLiteral("station"));
    auto ownCount = [&] {
        QSqlQuery q(store.database());
        q.prepare(QStringLiteral("SELECT count(*) FROM events WHERE station = ?"));
        q.addBindValue(station);
        return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    };
    const qint64 target = p.value(QStringLiteral("target")).toLongLong();
    QRandomGenerator rng(p.value(QStringLiteral("seed")).toUInt());
    qint64 done = ownCount();
    int sinceSync = 0;
    while (done < target) {
        const QList<Asset> assets = store.assets();
        bool ok = false;
        if (assets.isEmpty() || rng.bounded(100) < 15) {
            NewAsset a;
            a.make = QStringLiteral("Dell");
            a.model = QStringLiteral("OptiPlex 7010");
            ok = store.addAsset(a).ok();
        } else {
            const Asset &a = assets[rng.bounded(int(assets.size()))];
            const QJsonObject test{{QStringLiteral("kind"), QStringLiteral("ram")},
                                   {QStringLiteral("verdict"), QStringLiteral("PASS")}};
            switch (a.state) {
            case AssetState::Received:
                ok = store.moveAsset(a.tag, AssetState::Testing).ok();
                break;
            case AssetState::Testing:
                if (rng.bounded(2) == 0)
                    ok = store
                             .record(QStringLiteral("hs.recorded"), a.tag,
                                     {{QStringLiteral("part"), QStringLiteral("screen")},
                                      {QStringLiteral("reason"), QStringLiteral("dead_pixels")}})
                             .ok()
                        && (done + 1 >= target || store.moveAsset(a.tag, AssetState::InRepair).ok());
                else
                    ok = store.record(QStringLiteral("test.recorded"), a.tag, test).ok();
                break;
            case AssetState::InRepair:
                ok = store.moveAsset(a.tag, AssetState::Testing).ok();
                break;
            default:
                break;
            }
            if (!ok)
                ok = store.record(QStringLiteral("test.recorded"), a.tag, test).ok();
        }
        if (!ok) {
            qWarning("a change failed");
            return 1;
        }
        done = ownCount();
        if (++sinceSync >= 20) {
            sinceSync = 0;
            (void)client.syncBlocking(1); // offline is normal: the next round retries
        }
    }
    (void)client.syncBlocking(1);
    return 0;
}
