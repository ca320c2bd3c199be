// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// label templates | render | print | queue | reprint: asset labels from the inventory.
#include "app/cli/cli.h"
#include "app/core/assetlabel.h"

#include "inventory/store.h"
#include "labels/labeloutput.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/printer.h"
#include "labels/printqueue.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace Etabli::Cli {

using namespace Etabli::Inventory;
using namespace Etabli::Labels;

namespace {

/// The label engine's view of what the inventory says about `tag`.
Result<LabelData> labelData(Store &store, const QString &tag)
{
    auto facts = AppCore::assetLabelFacts(store, tag);
    if (!facts)
        return facts.error();
    LabelData d;
    d.tag = facts->tag;
    d.kind = facts->kind;
    d.spec = facts->spec;
    d.master = facts->master;
    d.kitReference = facts->kitReference;
    for (const AppCore::LabelKitItem &item : facts->kitItems)
        d.kitItems.append(KitItem{item.tag, item.kind});
    return d;
}

QString queuePath(const Context &ctx)
{
    return QFileInfo(ctx.dbPath).absoluteDir().filePath(QStringLiteral("label-queue.json"));
}

Result<RenderedLabel> renderTags(Context &ctx, const LabelTemplate &templ, const QStringList &tags, int dpi)
{
    Store *store = ctx.store();
    if (!store)
        return makeError(ErrorCode::NotFound, QCoreApplication::translate("Cli", "no inventory"),
                         QStringLiteral("no_store"));
    QList<LabelData> data;
    for (const QString &t : tags) {
        auto d = labelData(*store, t);
        if (!d)
            return d.error();
        data.append(*d);
    }
    return renderLabels(templ, data, dpi);
}

/// Sends the label rendered once; records label.printed on each of its assets only
/// once the printer took it.
Result<void> sendAndRecord(Context &ctx, const LabelTemplate &templ, const RenderedLabel &label,
                           const PrinterTarget &target)
{
    if (auto sent = sendToPrinter(label, templ, target); !sent)
        return sent;
    for (const QString &tag : label.tags) {
        auto r = AppCore::recordLabelPrinted(*ctx.store(), tag, templ.name, target.uri);
        if (!r) // printed but not recorded: say it, never queue a second copy
            return makeError(
                r.error().code,
                QCoreApplication::translate("Cli", "printed, but not recorded on %1: %2").arg(tag, r.error().message),
                QStringLiteral("not_recorded"));
    }
    return {};
}

Result<void> printOnce(Context &ctx, const LabelTemplate &templ, const QStringList &tags, const PrinterTarget &target,
                       int dpi)
{
    auto label = renderTags(ctx, templ, tags, target.dpiFor(templ, dpi));
    if (!label)
        return label.error();
    return sendAndRecord(ctx, templ, *label, target);
}

int parseDpi(Context &ctx, const QCommandLineParser &p, int &dpi)
{
    dpi = 0;
    if (!p.isSet(QStringLiteral("dpi")))
        return 0;
    bool ok = false;
    dpi = p.value(QStringLiteral("dpi")).toInt(&ok);
    if (!ok || dpi < 100 || dpi > 1200)
        return ctx.usage(
            QCoreApplication::translate("Cli", "--dpi takes a resolution between 100 and 1200 (203, 300…)"));
    return 0;
}

int templatesCommand(Context &ctx)
{
    QJsonArray list;
    for (const LabelTemplate &t : builtinTemplates()) {
        list.append(QJsonObject{{QStringLiteral("name"), t.name},
                                {QStringLiteral("description"), t.description},
                                {QStringLiteral("width_mm"), t.sizeMm.width()},
                                {QStringLiteral("height_mm"), t.sizeMm.height()},
                                {QStringLiteral("dpi"), t.dpi},
                                {QStringLiteral("per_page"), t.capacity()},
                                {QStringLiteral("brother_media"), t.brotherMedia}});
        if (!ctx.json)
            ctx.out << t.name.leftJustified(15)
                    << QStringLiteral("%1×%2 mm").arg(t.sizeMm.width()).arg(t.sizeMm.height()).leftJustified(16)
                    << QStringLiteral("%1 dpi  ").arg(t.dpi) << t.description << Qt::endl;
    }
    if (ctx.json)
        ctx.printJson(list);
    return 0;
}

int renderCommand(Context &ctx, QCommandLineParser &p, const QStringList &tags)
{
    if (tags.isEmpty() || !p.isSet(QStringLiteral("template")) || !p.isSet(QStringLiteral("o")))
        return ctx.usage(QCoreApplication::translate(
            "Cli", "usage: etabli label render TAG... --template NAME [--dpi N] -o FILE.png|FILE.pdf"));
    const QString file = p.value(QStringLiteral("o"));
    const bool pdf = file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (!pdf && !file.endsWith(QLatin1String(".png"), Qt::CaseInsensitive))
        return ctx.usage(QCoreApplication::translate("Cli", "the output file must end in .png or .pdf"));
    int dpi = 0;
    if (int rc = parseDpi(ctx, p, dpi))
        return rc;
    auto templ = findTemplate(p.value(QStringLiteral("template")));
    if (!templ)
        return ctx.fail(templ.error());
    if (!ctx.store())
        return ctx.lastExitCode();
    auto label = renderTags(ctx, *templ, tags, dpi);
    if (!label)
        return ctx.fail(label.error());
    auto written = pdf ? writePdf(*label, file) : writePng(*label, file);
    if (!written)
        return ctx.fail(written.error());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("file"), file},
                                  {QStringLiteral("template"), templ->name},
                                  {QStringLiteral("dpi"), label->dpi},
                                  {QStringLiteral("width_dots"), label->image.width()},
                                  {QStringLiteral("height_dots"), label->image.height()}});
    else
        ctx.out << QCoreApplication::translate("Cli", "%1 written (%2, %3 dpi, %4×%5 dots)")
                       .arg(file, templ->name)
                       .arg(label->dpi)
                       .arg(label->image.width())
                       .arg(label->image.height())
                << Qt::endl;
    return 0;
}

int printCommand(Context &ctx, QCommandLineParser &p, const QStringList &tags)
{
    if (tags.isEmpty() || !p.isSet(QStringLiteral("template")) || !p.isSet(QStringLiteral("printer")))
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "usage: etabli label print TAG... --template NAME --printer cups:NAME|zpl://HOST:9100"
            "|brother-ql://usb|brother-ql://HOST [--dpi N]"));
    int dpi = 0;
    if (int rc = parseDpi(ctx, p, dpi))
        return rc;
    auto templ = findTemplate(p.value(QStringLiteral("template")));
    if (!templ)
        return ctx.fail(templ.error());
    auto target = PrinterTarget::parse(p.value(QStringLiteral("printer")));
    if (!target)
        return ctx.fail(target.error());
    if (auto ok = target->accepts(*templ); !ok)
        return ctx.fail(ok.error());
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    // Bad input (unknown tag, field too small) is refused before anything is queued.
    auto check = renderTags(ctx, *templ, tags, target->dpiFor(*templ, dpi));
    if (!check)
        return ctx.fail(check.error());
    auto printed = sendAndRecord(ctx, *templ, *check, *target);
    if (printed) {
        if (ctx.json)
            ctx.printJson(QJsonObject{{QStringLiteral("printed"), QJsonArray::fromStringList(check->tags)},
                                      {QStringLiteral("printer"), target->uri}});
        else
            ctx.out << QCoreApplication::translate("Cli", "label %1 printed on %2")
                           .arg(check->tags.join(QStringLiteral(", ")), target->uri)
                    << Qt::endl;
        return 0;
    }
    if (printed.error().detail == QLatin1String("not_recorded"))
        return ctx.fail(printed.error());
    PrintQueue queue(queuePath(ctx));
    QueuedPrint q;
    q.tags = check->tags;
    q.templateName = templ->name;
    q.printer = target->uri;
    q.dpi = dpi;
    q.lastError = printed.error().message;
    auto queued = queue.enqueue(q);
    Error e = printed.error();
    if (queued)
        e.message += QLatin1Char('\n')
            + QCoreApplication::translate("Cli", "the label stays queued for reprint (id %1): etabli label reprint %1")
                  .arg(queued->id);
    else
        e.message += QLatin1Char('\n')
            + QCoreApplication::translate("Cli", "and it could not be queued: %1").arg(queued.error().message);
    return ctx.fail(e);
}

int queueCommand(Context &ctx)
{
    auto entries = PrintQueue(queuePath(ctx)).entries();
    if (!entries)
        return ctx.fail(entries.error());
    QJsonArray list;
    for (const QueuedPrint &q : *entries) {
        list.append(QJsonObject{{QStringLiteral("id"), q.id},
                                {QStringLiteral("tags"), QJsonArray::fromStringList(q.tags)},
                                {QStringLiteral("template"), q.templateName},
                                {QStringLiteral("printer"), q.printer},
                                {QStringLiteral("queued_at"), q.queuedAt},
                                {QStringLiteral("attempts"), q.attempts},
                                {QStringLiteral("last_error"), q.lastError}});
        if (!ctx.json)
            ctx.out << q.id << QStringLiteral("  ") << q.tags.join(u',') << QStringLiteral("  ") << q.templateName
                    << QStringLiteral("  ") << q.printer << QStringLiteral("  ")
                    << QCoreApplication::translate("Cli", "%n attempt(s)", nullptr, q.attempts) << QStringLiteral("  ")
                    << q.lastError << Qt::endl;
    }
    if (ctx.json)
        ctx.printJson(list);
    return 0;
}

int reprintCommand(Context &ctx, QCommandLineParser &p, const QStringList &ids)
{
    PrintQueue queue(queuePath(ctx));
    auto entries = queue.entries();
    if (!entries)
        return ctx.fail(entries.error());
    std::optional<PrinterTarget> otherPrinter;
    if (p.isSet(QStringLiteral("printer"))) {
        auto t = PrinterTarget::parse(p.value(QStringLiteral("printer")));
        if (!t)
            return ctx.fail(t.error());
        otherPrinter = *t;
    }
    for (const QString &id : ids)
        if (std::none_of(entries->begin(), entries->end(), [&](const QueuedPrint &q) { return q.id == id; }))
            return ctx.fail(
                makeError(ErrorCode::NotFound,
                          QCoreApplication::translate("Cli", "no queued label %1 (see etabli label queue)").arg(id),
                          QStringLiteral("unknown_queue_id")));
    if (!ctx.store())
        return ctx.lastExitCode();
    int failures = 0, done = 0;
    Error last;
    for (const QueuedPrint &q : *entries) {
        if (!ids.isEmpty() && !ids.contains(q.id))
            continue;
        auto templ = findTemplate(q.templateName);
        auto target = otherPrinter ? Result<PrinterTarget>(*otherPrinter) : PrinterTarget::parse(q.printer);
        Result<void> r = !templ ? Result<void>(templ.error())
            : !target           ? Result<void>(target.error())
                                : printOnce(ctx, *templ, q.tags, *target, q.dpi);
        if (r) {
            (void)queue.remove(q.id);
            ++done;
            ctx.out << QCoreApplication::translate("Cli", "label %1 printed on %2")
                           .arg(q.tags.join(QStringLiteral(", ")), target->uri)
                    << Qt::endl;
        } else {
            ++failures;
            last = r.error();
            if (r.error().detail == QLatin1String("not_recorded"))
                (void)queue.remove(q.id); // it did print
            else
                (void)queue.markFailed(q.id, r.error().message);
            ctx.err << QCoreApplication::translate("Cli", "label %1 (%2) still queued: %3")
                           .arg(q.tags.join(QStringLiteral(", ")), q.id, r.error().message)
                    << Qt::endl;
        }
    }
    if (done == 0 && failures == 0)
        ctx.out << QCoreApplication::translate("Cli", "no label waits for reprint") << Qt::endl;
    return failures ? exitCodeFor(last.code) : 0;
}

int labelCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("template"),
                 QCoreApplication::translate("Cli", "Label template name (etabli label templates) or FILE.json"),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("dpi"), QCoreApplication::translate("Cli", "Printer resolution (203, 300…)"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("o"), QCoreApplication::translate("Cli", "Output file (.png or .pdf)"),
                 QStringLiteral("FILE")});
    p.addOption(
        {QStringLiteral("printer"),
         QCoreApplication::translate("Cli", "cups:NAME, zpl://HOST:9100, brother-ql://usb or brother-ql://HOST"),
         QStringLiteral("URI")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    const QStringList rest = pos.mid(1);
    if (verb == QLatin1String("templates") && rest.isEmpty())
        return templatesCommand(ctx);
    if (verb == QLatin1String("render"))
        return renderCommand(ctx, p, rest);
    if (verb == QLatin1String("print"))
        return printCommand(ctx, p, rest);
    if (verb == QLatin1String("queue") && rest.isEmpty())
        return queueCommand(ctx);
    if (verb == QLatin1String("reprint"))
        return reprintCommand(ctx, p, rest);
    return ctx.usage(QCoreApplication::translate(
        "Cli",
        "usage: etabli label templates | render TAG... --template NAME [--dpi N] -o FILE"
        " | print TAG... --template NAME --printer URI | queue | reprint [ID...] [--printer URI]"));
}

} // namespace

void registerLabelCommands(Registry &registry)
{
    registry.add({QStringLiteral("label"),
                  QStringLiteral("  label templates | render TAG... --template NAME [--dpi N] -o FILE.png|FILE.pdf\n"
                                 "  label print TAG... --template NAME --printer cups:NAME|zpl://HOST:9100"
                                 "|brother-ql://usb|brother-ql://HOST [--dpi N]\n"
                                 "  label queue | reprint [ID...] [--printer URI]"),
                  labelCommand});
}

} // namespace Etabli::Cli
