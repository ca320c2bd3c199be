// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/testrecording.h"

#include "inventory/assettag.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"

namespace Etabli::AppCore {

Result<Inventory::Event> recordTestResult(Inventory::Store &store, const QString &tag, const HwTest::TestResult &result)
{
    auto parsed = Inventory::AssetTag::parse(tag);
    if (!parsed)
        return parsed.error();
    return store.record(QString(Inventory::EventType::TestRecorded), *parsed, result.toPayload());
}

Result<QList<Inventory::Event>> recordTestResults(Inventory::Store &store, const QString &tag,
                                                  const QList<HwTest::TestResult> &results)
{
    QList<Inventory::Event> recorded;
    for (const HwTest::TestResult &t : results) {
        auto r = recordTestResult(store, tag, t);
        if (!r)
            return r.error();
        recorded.append(*r);
    }
    return recorded;
}

} // namespace Etabli::AppCore
