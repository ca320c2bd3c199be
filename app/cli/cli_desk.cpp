// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli desk import FILE.csv [--dry-run] [--json] | desk beneficiaries [--json]
// The distribution desk's commands (import part). The rules live in
// inventory/beneficiaryimport.h; this file parses and prints.
#include "app/cli/cli.h"

#include "inventory/beneficiaryimport.h"
#include "inventory/store.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace Etabli::Cli {

namespace {

namespace Import = Inventory::BeneficiaryImport;

int importCommand(Context &ctx, const QString &file, bool dryRun)
{
    QFile f(file);
    if (!f.exists())
        return ctx.fail(makeError(ErrorCode::NotFound, QCoreApplication::translate("Cli", "no file %1").arg(file),
                                  QStringLiteral("no_file")));
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(makeError(ErrorCode::Io,
                                  QCoreApplication::translate("Cli", "cannot read %1: %2").arg(file, f.errorString())));
    const QByteArray bytes = f.readAll();
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto report = Import::run(*store, bytes, dryRun);
    if (!report)
        return ctx.fail(report.error());
    if (ctx.json) {
        QJsonArray errors;
        for (const Import::LineError &e : std::as_const(report->errors))
            errors.append(QJsonObject{{QStringLiteral("line"), e.line},
                                      {QStringLiteral("reason"), e.reason},
                                      {QStringLiteral("detail"), e.detail}});
        ctx.printJson(QJsonObject{{QStringLiteral("imported"), report->imported},
                                  {QStringLiteral("errors"), errors},
                                  {QStringLiteral("records"), int(report->pupils.size() + report->errors.size())},
                                  {QStringLiteral("valid"), int(report->pupils.size())},
                                  {QStringLiteral("dry_run"), dryRun},
                                  {QStringLiteral("encoding"), Inventory::Csv::toString(report->encoding)},
                                  {QStringLiteral("separator"), QString(report->separator)}});
    } else {
        ctx.out << QCoreApplication::translate("Cli", "%1: %2, separator «%3»")
                       .arg(file, Inventory::Csv::toString(report->encoding), QString(report->separator))
                << Qt::endl;
        for (const Import::LineError &e : std::as_const(report->errors))
            ctx.out << QCoreApplication::translate("Cli", "  line %1: %2").arg(e.line).arg(e.reason) << Qt::endl;
        if (!report->errors.isEmpty())
            ctx.out << QCoreApplication::translate("Cli", "nothing imported: %1 line(s) to fix, %2 valid")
                           .arg(report->errors.size())
                           .arg(report->pupils.size())
                    << Qt::endl;
        else if (dryRun)
            ctx.out << QCoreApplication::translate("Cli", "dry run: %1 pupil(s) would be imported, nothing stored")
                           .arg(report->pupils.size())
                    << Qt::endl;
        else
            ctx.out << QCoreApplication::translate(
                           "Cli", "%1 pupil(s) imported; «etabli sync --desk» takes them to the server")
                           .arg(report->imported)
                    << Qt::endl;
    }
    if (!report->errors.isEmpty()) {
        ctx.err << QCoreApplication::translate("Cli", "etabli: %1 line(s) refused, nothing imported")
                       .arg(report->errors.size())
                << Qt::endl;
        return exitCodeFor(ErrorCode::InvalidArgument);
    }
    return 0;
}

int beneficiariesCommand(Context &ctx)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    const auto people = Import::beneficiaries(*store);
    if (ctx.json) {
        QJsonArray list;
        for (const Import::Beneficiary &b : people)
            list.append(QJsonObject{{QStringLiteral("reference"), b.reference},
                                    {QStringLiteral("school_id"), b.schoolId},
                                    {QStringLiteral("school"), b.school},
                                    {QStringLiteral("class"), b.className},
                                    {QStringLiteral("family_name"), b.familyName},
                                    {QStringLiteral("contact"), b.contact}});
        ctx.printJson(list);
        return 0;
    }
    for (const Import::Beneficiary &b : people)
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5")
                       .arg(b.reference.leftJustified(12), b.school.leftJustified(24), b.className.leftJustified(5),
                            b.familyName, b.contact)
                << Qt::endl;
    ctx.out << QCoreApplication::translate("Cli", "%1 beneficiary(ies)").arg(people.size()) << Qt::endl;
    return 0;
}

int deskCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({{QStringLiteral("dry-run"),
                   QCoreApplication::translate("Cli", "Check the file and print the report; store nothing")}});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() == 2 && pos[0] == QLatin1String("import"))
        return importCommand(ctx, pos[1], p.isSet(QStringLiteral("dry-run")));
    if (pos.size() == 1 && pos[0] == QLatin1String("beneficiaries") && !p.isSet(QStringLiteral("dry-run")))
        return beneficiariesCommand(ctx);
    return ctx.usage(QCoreApplication::translate(
        "Cli", "usage: etabli desk import FILE.csv [--dry-run] [--json] | desk beneficiaries [--json]"));
}

} // namespace

void registerDeskCommands(Registry &registry)
{
    registry.add({QStringLiteral("desk"),
                  QStringLiteral("  desk import FILE.csv [--dry-run] | desk beneficiaries   (the distribution desk)"),
                  deskCommand});
}

} // namespace Etabli::Cli
