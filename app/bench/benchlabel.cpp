// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/benchlabel.h"

#include "app/core/assetlabel.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/printer.h"

namespace Etabli::Bench {

Result<void> printAndRecordLabel(Inventory::Store &store, const QString &tag, const QString &templateName,
                                 const QString &printer)
{
    auto templ = Labels::findTemplate(templateName);
    if (!templ)
        return templ.error();
    auto target = Labels::PrinterTarget::parse(printer);
    if (!target)
        return target.error();
    auto facts = AppCore::assetLabelFacts(store, tag);
    if (!facts)
        return facts.error();
    Labels::LabelData d;
    d.tag = facts->tag;
    d.kind = facts->kind;
    d.spec = facts->spec;
    d.master = facts->master;
    d.kitReference = facts->kitReference;
    for (const AppCore::LabelKitItem &item : facts->kitItems)
        d.kitItems.append(Labels::KitItem{item.tag, item.kind});
    auto label = Labels::renderLabels(*templ, {d}, target->dpiFor(*templ, 0));
    if (!label)
        return label.error();
    if (auto sent = Labels::sendToPrinter(*label, *templ, *target); !sent)
        return sent;
    auto recorded = AppCore::recordLabelPrinted(store, facts->tag, templ->name, target->uri);
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace Etabli::Bench
