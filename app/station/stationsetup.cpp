// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/station/stationsetup.h"

#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Etabli::Station {

namespace {
// Reading only: the identity never signs an event here.
const Inventory::Identity kReader{QStringLiteral("station"), QStringLiteral("check")};
} // namespace

Result<QString> checkAsset(const QString &tag, const QString &dbPath)
{
    auto canonical = Inventory::AssetTag::parse(tag);
    if (!canonical)
        return canonical.error();
    if (!QFileInfo(dbPath).isFile())
        return makeError(
            ErrorCode::NotFound,
            QCoreApplication::translate("Station", "No inventory at %1: the result could not be saved.").arg(dbPath));
    auto store = Inventory::Store::open(dbPath, kReader);
    if (!store)
        return store.error();
    auto asset = (*store)->asset(*canonical);
    if (!asset)
        return makeError(
            asset.error().code,
            QCoreApplication::translate("Station", "Asset %1 is not in the inventory %2.").arg(*canonical, dbPath));
    return *canonical;
}

QString stationSetting(const QString &dbPath, const QString &key, const QString &fallback)
{
    if (!QFileInfo(dbPath).isFile())
        return fallback;
    auto store = Inventory::Store::open(dbPath, kReader);
    return store ? (*store)->setting(key, fallback) : fallback;
}

QString stationLanguage(const QString &requested, const QString &dbPath)
{
    if (!requested.isEmpty())
        return requested;
    const QString env = qEnvironmentVariable("ETABLI_LANG");
    if (!env.isEmpty())
        return env;
    return stationSetting(dbPath, QStringLiteral("station.lang"), QStringLiteral("fr"));
}

} // namespace Etabli::Station
