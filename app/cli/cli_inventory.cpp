// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// config, donor, lot, asset and events commands over the local inventory.
#include "app/cli/cli.h"

#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Etabli::Cli {

using namespace Etabli::Inventory;

namespace {

QString stateNames()
{
    QStringList names;
    for (AssetState s : allAssetStates())
        names << toString(s);
    return names.join(QStringLiteral(", "));
}

/// Says which verb is unknown and the verbs there are, instead of a bare usage line.
int unknownVerb(Context &ctx, const QString &noun, const QString &verb, const QStringList &verbs, const QString &usage)
{
    if (!verb.isEmpty() && !verbs.contains(verb))
        return ctx.usage(QCoreApplication::translate("Cli", "unknown verb «%1» for «%2» (one of %3)")
                             .arg(verb, noun, verbs.join(QStringLiteral(", "))));
    return ctx.usage(usage);
}

QString assetLine(const Asset &a)
{
    QStringList parts{a.tag, toString(a.kind).leftJustified(8), toString(a.state).leftJustified(11)};
    const QString name = QStringList{a.make, a.model}.join(u' ').trimmed();
    if (!name.isEmpty())
        parts << name;
    if (!a.serial.isEmpty())
        parts << QStringLiteral("SN:") + a.serial;
    if (!a.lot.isEmpty())
        parts << QCoreApplication::translate("Cli", "lot %1").arg(a.lot);
    if (!a.reservedFor.isEmpty())
        parts << QCoreApplication::translate("Cli", "for %1").arg(a.reservedFor);
    return parts.join(QStringLiteral("  "));
}

void printAsset(Context &ctx, const Asset &a, bool detailed)
{
    if (ctx.json) {
        ctx.printJson(toJson(a));
        return;
    }
    ctx.out << assetLine(a) << Qt::endl;
    if (!detailed)
        return;
    if (!a.specs.isEmpty())
        ctx.out << QCoreApplication::translate("Cli", "  specs: ")
                << QString::fromUtf8(QJsonDocument(a.specs).toJson(QJsonDocument::Compact)) << Qt::endl;
    for (const Component &c : a.components)
        ctx.out << QStringLiteral("  - ") << c.kind << u' ' << QStringList{c.make, c.model}.join(u' ').trimmed()
                << (c.serial.isEmpty() ? QString() : QStringLiteral(" SN:") + c.serial) << Qt::endl;
    ctx.out << QCoreApplication::translate("Cli", "  created %1, updated %2, cycle %3")
                   .arg(a.createdAt, a.updatedAt)
                   .arg(a.cycle)
            << Qt::endl;
}

void printEvents(Context &ctx, const QList<Event> &events)
{
    if (ctx.json) {
        QJsonArray list;
        for (const Event &e : events)
            list.append(toJson(e));
        ctx.printJson(list);
        return;
    }
    for (const Event &e : events) {
        ctx.out << QStringLiteral("%1  %2  %3  %4@%5  %6")
                       .arg(e.seq, 6)
                       .arg(isoTime(e.time), e.type.leftJustified(16), e.worker, e.station,
                            e.assetTag.isEmpty() ? QStringLiteral("-") : e.assetTag);
        if (e.status != QLatin1String("applied"))
            ctx.out << QStringLiteral("  [%1: %2]").arg(e.status, e.note);
        ctx.out << Qt::endl;
    }
}

int configCommand(Context &ctx)
{
    QCommandLineParser p;
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (pos.size() == 2 && pos[0] == QLatin1String("get")) {
        const QString v = pos[1] == QLatin1String("tag.prefix") ? store->tagPrefix() : store->setting(pos[1]);
        if (ctx.json)
            ctx.printJson(QJsonObject{{pos[1], v}});
        else
            ctx.out << v << Qt::endl;
        return 0;
    }
    if (pos.size() == 3 && pos[0] == QLatin1String("set")) {
        auto r = store->setSetting(pos[1], pos[2]);
        return r ? 0 : ctx.fail(r.error());
    }
    return unknownVerb(ctx, QStringLiteral("config"), pos.value(0), {QStringLiteral("get"), QStringLiteral("set")},
                       QCoreApplication::translate("Cli", "usage: etabli config get KEY | set KEY VALUE"));
}

int donorCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("contact"), QCoreApplication::translate("Cli", "Contact of the donor"),
                 QStringLiteral("TEXT")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (pos.size() == 2 && pos[0] == QLatin1String("add")) {
        auto r = store->addDonor(pos[1], p.value(QStringLiteral("contact")));
        if (!r)
            return ctx.fail(r.error());
        ctx.out << QCoreApplication::translate("Cli", "donor %1 added").arg(r->name) << Qt::endl;
        return 0;
    }
    if (pos.size() == 1 && pos[0] == QLatin1String("list")) {
        QJsonArray list;
        for (const Donor &d : store->donors()) {
            list.append(QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("contact"), d.contact}});
            if (!ctx.json)
                ctx.out << d.name << (d.contact.isEmpty() ? QString() : QStringLiteral("  ") + d.contact) << Qt::endl;
        }
        if (ctx.json)
            ctx.printJson(list);
        return 0;
    }
    return unknownVerb(ctx, QStringLiteral("donor"), pos.value(0), {QStringLiteral("add"), QStringLiteral("list")},
                       QCoreApplication::translate("Cli", "usage: etabli donor add NAME [--contact C] | list"));
}

int lotCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("donor"), QCoreApplication::translate("Cli", "Donor name (an existing donor)"),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("new-donor"),
                 QCoreApplication::translate("Cli", "Create the donor named by --donor if it does not exist")});
    p.addOption({QStringLiteral("expected"), QCoreApplication::translate("Cli", "Number of PCs announced"),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("notes"), QCoreApplication::translate("Cli", "Free notes"), QStringLiteral("TEXT")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto printLot = [&ctx](const Lot &l) {
        if (ctx.json)
            return ctx.printJson(toJson(l));
        ctx.out << QCoreApplication::translate("Cli", "%1  donor: %2  assets: %3/%4  received %5")
                       .arg(l.reference, l.donor.isEmpty() ? QStringLiteral("-") : l.donor)
                       .arg(l.assetCount)
                       .arg(l.expectedCount)
                       .arg(l.receivedAt)
                << Qt::endl;
    };
    if (pos.size() == 2 && pos[0] == QLatin1String("add")) {
        bool ok = true;
        const int expected = p.isSet(QStringLiteral("expected")) ? p.value(QStringLiteral("expected")).toInt(&ok) : 0;
        if (!ok || expected < 0)
            return ctx.usage(QCoreApplication::translate("Cli", "--expected takes a whole number"));
        // A mistyped donor would split the council's figures: only --new-donor creates one.
        const QString donor = p.value(QStringLiteral("donor")).trimmed();
        if (!donor.isEmpty() && !p.isSet(QStringLiteral("new-donor"))) {
            QStringList known;
            QString sameButCase;
            bool exists = false;
            for (const Donor &d : store->donors()) {
                known << d.name;
                exists |= d.name == donor;
                if (d.name.compare(donor, Qt::CaseInsensitive) == 0)
                    sameButCase = d.name;
            }
            if (!exists)
                return ctx.fail(makeError(
                    ErrorCode::NotFound,
                    sameButCase.isEmpty()
                        ? QCoreApplication::translate("Cli", "no donor «%1» (known: %2); add --new-donor to create it")
                              .arg(donor, known.isEmpty() ? QStringLiteral("-") : known.join(QStringLiteral(", ")))
                        : QCoreApplication::translate("Cli", "no donor «%1»: did you mean «%2»?")
                              .arg(donor, sameButCase),
                    QStringLiteral("unknown_donor")));
        }
        auto r = store->addLot(pos[1], p.value(QStringLiteral("donor")), expected, p.value(QStringLiteral("notes")));
        if (!r)
            return ctx.fail(r.error());
        printLot(*r);
        return 0;
    }
    if (pos.size() == 2 && pos[0] == QLatin1String("show")) {
        auto r = store->lot(pos[1]);
        if (!r)
            return ctx.fail(r.error());
        printLot(*r);
        return 0;
    }
    if (pos.size() == 1 && pos[0] == QLatin1String("list")) {
        const QList<Lot> lots = store->lots();
        if (ctx.json) {
            QJsonArray list;
            for (const Lot &l : lots)
                list.append(toJson(l));
            ctx.printJson(list);
        } else {
            for (const Lot &l : lots)
                printLot(l);
        }
        return 0;
    }
    return unknownVerb(
        ctx, QStringLiteral("lot"), pos.value(0),
        {QStringLiteral("add"), QStringLiteral("show"), QStringLiteral("list")},
        QCoreApplication::translate(
            "Cli",
            "usage: etabli lot add REF [--donor NAME [--new-donor]] [--expected N] [--notes T] | show REF | list"));
}

/// Reads a JSON object from TEXT, or from the file named after an @.
Result<QJsonObject> jsonArgument(const QString &text)
{
    QByteArray data = text.toUtf8();
    if (text.startsWith(u'@')) {
        QFile f(text.mid(1));
        if (!f.open(QIODevice::ReadOnly))
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("Cli", "cannot read %1: %2").arg(f.fileName(), f.errorString()));
        data = f.readAll();
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError)
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Cli", "malformed JSON payload at offset %1: %2")
                             .arg(error.offset)
                             .arg(error.errorString()),
                         QStringLiteral("malformed_json"));
    if (!doc.isObject())
        return makeError(ErrorCode::InvalidArgument,
                         QCoreApplication::translate("Cli", "the payload must be a JSON object"),
                         QStringLiteral("malformed_json"));
    return doc.object();
}

int assetCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("kind"),
                 QCoreApplication::translate("Cli", "pc, screen, keyboard, mouse, speakers or part"),
                 QStringLiteral("KIND")});
    p.addOption({QStringLiteral("lot"), QCoreApplication::translate("Cli", "Lot reference"), QStringLiteral("REF")});
    p.addOption({QStringLiteral("make"), QCoreApplication::translate("Cli", "Manufacturer"), QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("model"), QCoreApplication::translate("Cli", "Model"), QStringLiteral("TEXT")});
    p.addOption(
        {QStringLiteral("serial"), QCoreApplication::translate("Cli", "Serial number"), QStringLiteral("TEXT")});
    p.addOption(
        {QStringLiteral("tag"), QCoreApplication::translate("Cli", "Use this pre-printed tag"), QStringLiteral("TAG")});
    p.addOption({QStringLiteral("state"), QCoreApplication::translate("Cli", "Only assets in this state"),
                 QStringLiteral("STATE")});
    p.addOption({QStringLiteral("beneficiary"),
                 QCoreApplication::translate("Cli", "Beneficiary reference (RESERVED, HANDED_OVER)"),
                 QStringLiteral("REF")});
    p.addOption({QStringLiteral("note"), QCoreApplication::translate("Cli", "Why (e.g. reason of a return)"),
                 QStringLiteral("TEXT")});
    p.addOption({QStringLiteral("payload"), QCoreApplication::translate("Cli", "JSON object, or @FILE"),
                 QStringLiteral("JSON")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();

    if (verb == QLatin1String("add") && pos.size() == 1) {
        if (!p.isSet(QStringLiteral("kind")))
            return ctx.usage(QCoreApplication::translate("Cli", "asset add needs --kind"));
        const auto kind = assetKindFromString(p.value(QStringLiteral("kind")));
        if (!kind)
            return ctx.usage(
                QCoreApplication::translate("Cli", "unknown kind «%1» (pc, screen, keyboard, mouse, speakers, part)")
                    .arg(p.value(QStringLiteral("kind"))));
        NewAsset a;
        a.kind = *kind;
        a.tag = p.value(QStringLiteral("tag"));
        a.lot = p.value(QStringLiteral("lot"));
        a.make = p.value(QStringLiteral("make"));
        a.model = p.value(QStringLiteral("model"));
        a.serial = p.value(QStringLiteral("serial"));
        auto r = store->addAsset(a);
        if (!r)
            return ctx.fail(r.error());
        printAsset(ctx, *r, false);
        return 0;
    }
    if (verb == QLatin1String("show") && pos.size() == 2) {
        auto r = store->asset(pos[1]);
        if (!r)
            return ctx.fail(r.error());
        printAsset(ctx, *r, true);
        return 0;
    }
    if (verb == QLatin1String("list") && pos.size() == 1) {
        std::optional<AssetState> state;
        if (p.isSet(QStringLiteral("state"))) {
            state = assetStateFromString(p.value(QStringLiteral("state")));
            if (!state)
                return ctx.fail(makeError(ErrorCode::InvalidArgument,
                                          QCoreApplication::translate("Cli", "unknown state «%1» (one of %2)")
                                              .arg(p.value(QStringLiteral("state")), stateNames()),
                                          QStringLiteral("unknown_state")));
        }
        const QList<Asset> assets = store->assets(state);
        if (ctx.json) {
            QJsonArray list;
            for (const Asset &a : assets)
                list.append(toJson(a));
            ctx.printJson(list);
        } else {
            for (const Asset &a : assets)
                ctx.out << assetLine(a) << Qt::endl;
        }
        return 0;
    }
    if (verb == QLatin1String("move") && pos.size() == 3) {
        const auto to = assetStateFromString(pos[2]);
        if (!to)
            return ctx.fail(makeError(
                ErrorCode::InvalidArgument,
                QCoreApplication::translate("Cli", "unknown state «%1» (one of %2)").arg(pos[2], stateNames()),
                QStringLiteral("unknown_state")));
        auto r = store->moveAsset(pos[1], *to, p.value(QStringLiteral("beneficiary")), p.value(QStringLiteral("note")));
        if (!r)
            return ctx.fail(r.error());
        printAsset(ctx, *r, false);
        return 0;
    }
    if (verb == QLatin1String("record") && pos.size() == 3) {
        auto payload = jsonArgument(p.value(QStringLiteral("payload")));
        if (!payload)
            return ctx.fail(payload.error());
        auto r = store->record(pos[2], pos[1], *payload);
        if (!r)
            return ctx.fail(r.error());
        if (ctx.json)
            ctx.printJson(toJson(*r));
        else
            ctx.out << QCoreApplication::translate("Cli", "%1 recorded for %2").arg(r->type, r->assetTag) << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("history") && pos.size() == 2) {
        auto tag = AssetTag::parse(pos[1]);
        if (!tag)
            return ctx.fail(tag.error());
        if (auto a = store->asset(*tag); !a)
            return ctx.fail(a.error());
        printEvents(ctx, store->eventsForAsset(*tag));
        return 0;
    }
    if (verb == QLatin1String("check") && pos.size() == 2) {
        auto tag = AssetTag::parse(pos[1]);
        if (!tag)
            return ctx.fail(tag.error());
        ctx.out << *tag << Qt::endl;
        return 0;
    }
    return unknownVerb(ctx, QStringLiteral("asset"), verb,
                       {QStringLiteral("add"), QStringLiteral("show"), QStringLiteral("list"), QStringLiteral("move"),
                        QStringLiteral("record"), QStringLiteral("history"), QStringLiteral("check")},
                       QCoreApplication::translate(
                           "Cli",
                           "usage: etabli asset add --kind K [--lot L] [--make M] [--model M] [--serial S] [--tag T]"
                           " | show TAG | list [--state S] | move TAG STATE [--beneficiary B] [--note N]"
                           " | record TAG TYPE --payload JSON|@FILE | history TAG | check TAG"));
}

int eventsCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("since"), QCoreApplication::translate("Cli", "Only events after this sequence number"),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("limit"), QCoreApplication::translate("Cli", "At most this many events"), QStringLiteral("N")});
    if (!parseArgs(p, ctx))
        return 2;
    if (!p.positionalArguments().isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "usage: etabli events [--since N] [--limit N]"));
    bool ok1 = true, ok2 = true;
    const qint64 since = p.isSet(QStringLiteral("since")) ? p.value(QStringLiteral("since")).toLongLong(&ok1) : 0;
    const int limit = p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt(&ok2) : 0;
    if (!ok1 || !ok2 || since < 0 || limit < 0)
        return ctx.usage(QCoreApplication::translate("Cli", "--since and --limit take whole numbers"));
    Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    printEvents(ctx, store->events(since, limit));
    return 0;
}

} // namespace

void registerInventoryCommands(Registry &registry)
{
    registry.add({QStringLiteral("config"), QStringLiteral("  config get KEY | set KEY VALUE   (tag.prefix, tag.next)"),
                  configCommand});
    registry.add({QStringLiteral("donor"), QStringLiteral("  donor add NAME [--contact C] | list"), donorCommand});
    registry.add(
        {QStringLiteral("lot"),
         QStringLiteral("  lot add REF [--donor NAME [--new-donor]] [--expected N] [--notes T] | show REF | list"),
         lotCommand});
    registry.add({QStringLiteral("asset"),
                  QStringLiteral("  asset add --kind pc|screen|keyboard|mouse|speakers|part [--lot L] [--make M]"
                                 " [--model M] [--serial S] [--tag T]\n"
                                 "  asset show TAG | list [--state S] | move TAG STATE [--beneficiary B] [--note N]\n"
                                 "  asset record TAG TYPE --payload JSON|@FILE | history TAG | check TAG"),
                  assetCommand});
    registry.add({QStringLiteral("events"), QStringLiteral("  events [--since N] [--limit N]"), eventsCommand});
}

} // namespace Etabli::Cli
