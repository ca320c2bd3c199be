// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli worker add BADGE NAME [--role worker|supervisor|desk] [--photo FILE] [--text-scale N]
//                  [--no-voice] [--high-contrast] [--guidance full|short]
// etabli worker list [--all] [--json]
// The workers who log in at a bench (issue 12, flow). The use-case is app/core/workers.h.
#include "app/cli/cli.h"

#include "app/core/workers.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Etabli::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QJsonObject toJson(const AppCore::WorkerCard &w)
{
    return {{QStringLiteral("badge"), w.badge},   {QStringLiteral("display_name"), w.displayName},
            {QStringLiteral("role"), w.role},     {QStringLiteral("photo"), !w.photo.isEmpty()},
            {QStringLiteral("active"), w.active}, {QStringLiteral("preferences"), w.preferences.toJson()}};
}

int workerCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("role"), tr("worker, supervisor or desk (default worker)"), QStringLiteral("ROLE"),
                   QStringLiteral("worker")},
                  {QStringLiteral("photo"), tr("A JPEG or PNG photo for the login tile"), QStringLiteral("FILE")},
                  {QStringLiteral("text-scale"), tr("Text size, 1 to 2 (default 1)"), QStringLiteral("N")},
                  {QStringLiteral("no-voice"), tr("Do not read the screens aloud")},
                  {QStringLiteral("high-contrast"), tr("Use the high-contrast colours")},
                  {QStringLiteral("guidance"), tr("full or short (default full)"), QStringLiteral("LEVEL")},
                  {QStringLiteral("all"), tr("Also list the workers who left")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString usage = tr("usage: etabli worker add BADGE NAME [--role ROLE] [--photo FILE] [--text-scale N]"
                             " [--no-voice] [--high-contrast] [--guidance full|short] | worker list [--all] [--json]");
    if (pos.size() == 1 && pos[0] == QLatin1String("list")) {
        Inventory::Store *store = ctx.store();
        if (!store)
            return ctx.lastExitCode();
        const auto list = AppCore::workers(*store, !p.isSet(QStringLiteral("all")));
        if (ctx.json) {
            QJsonArray out;
            for (const AppCore::WorkerCard &w : list)
                out.append(toJson(w));
            ctx.printJson(out);
            return 0;
        }
        for (const AppCore::WorkerCard &w : list)
            ctx.out << QStringLiteral("%1  %2  %3%4")
                           .arg(w.badge.leftJustified(12), w.displayName.leftJustified(24), w.role.leftJustified(11),
                                w.active ? QString() : tr("  (left)"))
                    << Qt::endl;
        ctx.out << tr("%1 worker(s)").arg(list.size()) << Qt::endl;
        return 0;
    }
    if (pos.size() != 3 || pos[0] != QLatin1String("add"))
        return ctx.usage(usage);

    AppCore::WorkerCard card;
    card.badge = pos[1];
    card.displayName = pos[2];
    card.role = p.value(QStringLiteral("role"));
    if (p.isSet(QStringLiteral("text-scale"))) {
        bool ok = false;
        card.preferences.textScale = p.value(QStringLiteral("text-scale")).toDouble(&ok);
        if (!ok || card.preferences.textScale < 1 || card.preferences.textScale > 2)
            return ctx.usage(tr("--text-scale must be a number from 1 to 2"));
    }
    card.preferences.voice = !p.isSet(QStringLiteral("no-voice"));
    card.preferences.highContrast = p.isSet(QStringLiteral("high-contrast"));
    if (p.isSet(QStringLiteral("guidance"))) {
        card.preferences.guidance = p.value(QStringLiteral("guidance"));
        if (card.preferences.guidance != QLatin1String("full") && card.preferences.guidance != QLatin1String("short"))
            return ctx.usage(tr("--guidance must be full or short"));
    }
    if (p.isSet(QStringLiteral("photo"))) {
        QFile f(p.value(QStringLiteral("photo")));
        if (!f.exists())
            return ctx.fail(
                makeError(ErrorCode::NotFound, tr("no file %1").arg(f.fileName()), QStringLiteral("no_file")));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(f.fileName(), f.errorString())));
        card.photo = f.readAll();
    }
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto added = AppCore::addWorker(*store, card);
    if (!added)
        return ctx.fail(added.error());
    if (ctx.json)
        ctx.printJson(toJson(*added));
    else
        ctx.out << tr("worker %1 added: %2 (%3)").arg(added->badge, added->displayName, added->role) << Qt::endl;
    return 0;
}

} // namespace

void registerWorkerCommands(Registry &registry)
{
    registry.add({QStringLiteral("worker"),
                  QStringLiteral("  worker add BADGE NAME [--role ROLE] [--photo FILE] | worker list [--all]"),
                  workerCommand});
}

} // namespace Etabli::Cli
