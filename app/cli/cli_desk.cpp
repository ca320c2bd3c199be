// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli desk …: the distribution desk (issue 14). The import's rules live in
// inventory/beneficiaryimport.h, every other use-case in app/core/desk.h; this file
// parses, prints and writes the PDFs (labels/deskpdf.h).
#include "app/cli/cli.h"

#include "app/core/desk.h"
#include "inventory/beneficiaryimport.h"
#include "inventory/privatefile.h"
#include "inventory/store.h"
#include "labels/deskpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTranslator>

namespace Etabli::Cli {

namespace {

namespace Import = Inventory::BeneficiaryImport;
namespace Desk = AppCore::Desk;
namespace Pdf = Labels::DeskPdf;

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QString isoDate(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

/// The desk's papers are in French, the workshop's language, whatever --lang says.
template<typename F>
Result<void> inFrench(F write)
{
    QTranslator french;
    const bool installed
        = french.load(QStringLiteral(":/i18n/etabli_fr.qm")) && QCoreApplication::installTranslator(&french);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    Result<void> r = write();
    QLocale::setDefault(before);
    if (installed)
        QCoreApplication::removeTranslator(&french);
    return r;
}

/// Sends `pdf` to the CUPS printer `printer` with `lp` (the receipt printer).
Result<void> printWithCups(const QString &pdf, const QString &printer)
{
    const QString lp = QStandardPaths::findExecutable(QStringLiteral("lp"));
    if (lp.isEmpty())
        return makeError(ErrorCode::Io, tr("cannot print: «lp» (CUPS) is not installed; the PDF is %1").arg(pdf),
                         QStringLiteral("no_cups"));
    QProcess p;
    p.start(lp, {QStringLiteral("-d"), printer, pdf});
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return makeError(ErrorCode::Io,
                         tr("the printer %1 refused the receipt: %2")
                             .arg(printer, QString::fromLocal8Bit(p.readAllStandardError()).trimmed()),
                         QStringLiteral("print_failed"));
    return {};
}

QJsonObject beneficiaryJson(const Desk::Beneficiary &b)
{
    return QJsonObject{{QStringLiteral("reference"), b.reference},
                       {QStringLiteral("school_id"), b.schoolId},
                       {QStringLiteral("school"), b.school},
                       {QStringLiteral("class"), b.className},
                       {QStringLiteral("pupil_name"), b.pupilName},
                       {QStringLiteral("parent_name"), b.parentName},
                       {QStringLiteral("family_name"), b.parentName},
                       {QStringLiteral("contact"), b.contact},
                       {QStringLiteral("kind"), b.kind},
                       {QStringLiteral("agreement_until"), b.agreementUntil},
                       {QStringLiteral("erased"), !b.erasedAt.isEmpty()}};
}

int importCommand(Context &ctx, const QString &file, bool dryRun)
{
    QFile f(file);
    if (!f.exists())
        return ctx.fail(makeError(ErrorCode::NotFound, tr("no file %1").arg(file), QStringLiteral("no_file")));
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(makeError(ErrorCode::Io, tr("cannot read %1: %2").arg(file, f.errorString())));
    const QByteArray bytes = f.readAll();
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto report = Import::run(*store, bytes, dryRun);
    if (!report)
        return ctx.fail(report.error());
    if (!dryRun && report->imported > 0)
        Desk::audit(*store, QStringLiteral("import"), {}, QStringLiteral("%1: %2").arg(file).arg(report->imported));
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
        ctx.out << tr("%1: %2, separator «%3»")
                       .arg(file, Inventory::Csv::toString(report->encoding), QString(report->separator))
                << Qt::endl;
        for (const Import::LineError &e : std::as_const(report->errors))
            ctx.out << tr("  line %1: %2").arg(e.line).arg(e.reason) << Qt::endl;
        if (!report->errors.isEmpty())
            ctx.out << tr("nothing imported: %1 line(s) to fix, %2 valid")
                           .arg(report->errors.size())
                           .arg(report->pupils.size())
                    << Qt::endl;
        else if (dryRun)
            ctx.out << tr("dry run: %1 pupil(s) would be imported, nothing stored").arg(report->pupils.size())
                    << Qt::endl;
        else
            ctx.out << tr("%1 pupil(s) imported; «etabli sync --desk» takes them to the server").arg(report->imported)
                    << Qt::endl;
    }
    if (!report->errors.isEmpty()) {
        ctx.err << tr("etabli: %1 line(s) refused, nothing imported").arg(report->errors.size()) << Qt::endl;
        return exitCodeFor(ErrorCode::InvalidArgument);
    }
    return 0;
}

int beneficiariesCommand(Context &ctx, const QString &school)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    const auto people = Desk::beneficiaries(*store, school);
    if (ctx.json) {
        QJsonArray list;
        for (const Desk::Beneficiary &b : people)
            list.append(beneficiaryJson(b));
        ctx.printJson(list);
        return 0;
    }
    for (const Desk::Beneficiary &b : people)
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
                       .arg(b.reference.leftJustified(12), b.kind.leftJustified(11), b.school.leftJustified(24),
                            b.className.leftJustified(5), b.pupilName.leftJustified(20), b.parentName, b.contact)
                << Qt::endl;
    ctx.out << tr("%1 beneficiary(ies)").arg(people.size()) << Qt::endl;
    return 0;
}

int addCommand(Context &ctx, const QString &reference, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    const QString kind = p.value(QStringLiteral("kind"));
    if (kind != QLatin1String("teacher") && kind != QLatin1String("association") && kind != QLatin1String("family"))
        return ctx.usage(tr("--kind is family, teacher or association"));
    if (!Import::isDeskStore(*store))
        return ctx.fail(makeError(ErrorCode::Refused, tr("this inventory is not the distribution desk's"),
                                  QStringLiteral("not_a_desk")));
    QJsonObject payload{{QStringLiteral("reference"), reference},
                        {QStringLiteral("kind"), kind},
                        {QStringLiteral("parent_name"), p.value(QStringLiteral("name"))},
                        {QStringLiteral("family_name"), p.value(QStringLiteral("name"))},
                        {QStringLiteral("contact"), p.value(QStringLiteral("contact"))},
                        {QStringLiteral("school"), p.value(QStringLiteral("school"))}};
    if (kind == QLatin1String("association"))
        payload.insert(QStringLiteral("agreement_until"),
                       Desk::associationAgreementUntil(QDateTime::currentDateTimeUtc().date()));
    auto ev = store->recordGeneral(QStringLiteral("beneficiary.added"), payload);
    if (!ev)
        return ctx.fail(ev.error());
    Desk::audit(*store, QStringLiteral("add"), reference, kind);
    if (ctx.json)
        ctx.printJson(payload);
    else
        ctx.out << tr("%1 added (%2)").arg(reference, kind) << Qt::endl;
    return 0;
}

int vouchersCommand(Context &ctx, const QCommandLineParser &p)
{
    const QString school = p.value(QStringLiteral("school"));
    const QString out = p.value(QStringLiteral("output"));
    if (school.isEmpty() || out.isEmpty())
        return ctx.usage(tr("usage: etabli desk vouchers --school S -o FILE.pdf [--first DATE_TIME] [--every MIN] "
                            "[--place P]"));
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    Desk::VoucherPlan plan;
    plan.school = school;
    plan.place = p.value(QStringLiteral("place"));
    if (p.isSet(QStringLiteral("first"))) {
        plan.firstAppointment = QDateTime::fromString(p.value(QStringLiteral("first")), Qt::ISODate);
        if (!plan.firstAppointment.isValid())
            return ctx.usage(tr("--first is a date and time such as 2027-01-12T09:00"));
    }
    if (p.isSet(QStringLiteral("every")))
        plan.minutesEach = p.value(QStringLiteral("every")).toInt();
    auto vouchers = Desk::issueVouchers(*store, plan);
    if (!vouchers)
        return ctx.fail(vouchers.error());
    QList<Pdf::VoucherLetter> letters;
    for (const Desk::Voucher &v : *vouchers)
        letters.append(
            {v.id, v.who.pupilName, v.who.parentName, v.who.school, v.who.className, v.appointment, v.place});
    if (auto w = inFrench([&] { return Pdf::writeVoucherLetters(out, letters); }); !w)
        return ctx.fail(w.error());
    QFile::setPermissions(out, QFileDevice::ReadOwner | QFileDevice::WriteOwner); // names: personal data
    if (ctx.json) {
        QJsonArray list;
        for (const Desk::Voucher &v : *vouchers)
            list.append(QJsonObject{{QStringLiteral("voucher"), v.id},
                                    {QStringLiteral("beneficiary"), v.who.reference},
                                    {QStringLiteral("appointment"), v.appointment},
                                    {QStringLiteral("place"), v.place}});
        ctx.printJson(QJsonObject{{QStringLiteral("vouchers"), list}, {QStringLiteral("pdf"), out}});
    } else {
        ctx.out << tr("%1 voucher(s) for %2 in %3").arg(vouchers->size()).arg(school, out) << Qt::endl;
    }
    return 0;
}

int handoverCommand(Context &ctx, const QStringList &pos, const QCommandLineParser &p)
{
    if (pos.size() < 3)
        return ctx.usage(tr("usage: etabli desk handover VOUCHER TAG… [--witness NAME | --signature FILE.json] "
                            "[--receipt FILE.pdf] [--printer NAME] [--confirm WARNING]…"));
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    Desk::HandoverRequest request;
    request.voucher = pos.at(1);
    request.tags = pos.mid(2);
    request.witness = p.value(QStringLiteral("witness"));
    request.confirmed = p.values(QStringLiteral("confirm"));
    if (p.isSet(QStringLiteral("signature"))) {
        QFile f(p.value(QStringLiteral("signature")));
        if (!f.open(QIODevice::ReadOnly))
            return ctx.fail(makeError(ErrorCode::NotFound, tr("cannot read the signature %1").arg(f.fileName()),
                                      QStringLiteral("no_file")));
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &err);
        if (!doc.isObject())
            return ctx.fail(
                makeError(ErrorCode::InvalidArgument,
                          tr("the signature %1 is not a JSON object: %2").arg(f.fileName(), err.errorString()),
                          QStringLiteral("bad_signature")));
        request.signature = doc.object();
        if (request.signature.isEmpty())
            request.signature.insert(QStringLiteral("strokes"), QJsonArray());
    }
    auto r = Desk::handOver(*store, request);
    if (!r)
        return ctx.fail(r.error());
    QString receipt = p.value(QStringLiteral("receipt"));
    if (receipt.isEmpty() && p.isSet(QStringLiteral("printer")))
        receipt = QDir::tempPath() + QStringLiteral("/etabli-receipt-") + r->voucher + QStringLiteral(".pdf");
    if (!receipt.isEmpty()) {
        Pdf::Receipt data;
        data.beneficiary = r->who.reference;
        data.pupilName = r->who.pupilName;
        data.parentName = r->who.parentName;
        data.school = r->who.school;
        data.voucher = r->voucher;
        for (const QString &t : r->tags) {
            auto a = store->asset(t);
            data.items.append({t, a ? Inventory::toString(a->kind) : QString()});
        }
        data.date = r->date;
        data.warrantyEnd = r->warrantyEnd;
        data.grantDeadline = r->grantDeadline;
        data.signatureSha256 = r->signatureSha256;
        data.witness = request.witness;
        data.strokes = request.signature.value(QStringLiteral("strokes")).toArray();
        data.padWidth = request.signature.value(QStringLiteral("width")).toDouble();
        data.padHeight = request.signature.value(QStringLiteral("height")).toDouble();
        if (auto w = inFrench([&] { return Pdf::writeReceipt(receipt, data); }); !w)
            return ctx.fail(w.error());
        QFile::setPermissions(receipt, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (p.isSet(QStringLiteral("printer")))
            if (auto printed = printWithCups(receipt, p.value(QStringLiteral("printer"))); !printed)
                return ctx.fail(printed.error()); // the handover itself is recorded
    }
    if (ctx.json) {
        ctx.printJson(QJsonObject{{QStringLiteral("beneficiary"), r->who.reference},
                                  {QStringLiteral("voucher"), r->voucher},
                                  {QStringLiteral("tags"), QJsonArray::fromStringList(r->tags)},
                                  {QStringLiteral("date"), isoDate(r->date)},
                                  {QStringLiteral("warranty_end"), isoDate(r->warrantyEnd)},
                                  {QStringLiteral("grant_deadline"), isoDate(r->grantDeadline)},
                                  {QStringLiteral("signature_sha256"), r->signatureSha256},
                                  {QStringLiteral("event"), r->record.uuid},
                                  {QStringLiteral("queued"), r->queued},
                                  {QStringLiteral("receipt"), receipt}});
    } else {
        ctx.out << tr("%1 handed over to %2: %3").arg(r->voucher, r->who.reference, r->tags.join(u' ')) << Qt::endl;
        ctx.out << tr("warranty until %1; internet grant to request by %2")
                       .arg(isoDate(r->warrantyEnd), isoDate(r->grantDeadline))
                << Qt::endl;
        if (!receipt.isEmpty())
            ctx.out << tr("receipt: %1").arg(receipt) << Qt::endl;
    }
    return 0;
}

QDate dateOption(const QCommandLineParser &p, bool *ok)
{
    *ok = true;
    if (!p.isSet(QStringLiteral("date")))
        return QDateTime::currentDateTimeUtc().date();
    const QDate d = QDate::fromString(p.value(QStringLiteral("date")), Qt::ISODate);
    *ok = d.isValid();
    return d;
}

int grantCommand(Context &ctx, const QStringList &pos, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (pos.size() == 1 || (pos.size() == 2 && pos[1] == QLatin1String("list"))) {
        const auto all = Desk::grants(*store);
        QJsonArray list;
        for (const Desk::Grant &g : all) {
            list.append(QJsonObject{{QStringLiteral("beneficiary"), g.beneficiary},
                                    {QStringLiteral("requested_at"), g.requestedAt},
                                    {QStringLiteral("proof_received"), g.proofReceived},
                                    {QStringLiteral("paid_at"), g.paidAt},
                                    {QStringLiteral("amount_eur"), g.amountEur},
                                    {QStringLiteral("deadline"), g.deadline}});
            if (!ctx.json)
                ctx.out << QStringLiteral("%1  %2  %3  %4")
                               .arg(g.beneficiary.leftJustified(12), g.requestedAt.leftJustified(10),
                                    g.paidAt.isEmpty() ? tr("not paid") : g.paidAt, g.deadline)
                        << Qt::endl;
        }
        if (ctx.json)
            ctx.printJson(list);
        return 0;
    }
    if (pos.size() != 3 || (pos[1] != QLatin1String("request") && pos[1] != QLatin1String("paid")))
        return ctx.usage(tr("usage: etabli desk grant request REF [--date D] [--proof] | grant paid REF [--date D] "
                            "[--amount EUR] | grant list"));
    bool ok = false;
    const QDate date = dateOption(p, &ok);
    if (!ok)
        return ctx.usage(tr("--date is a date such as 2027-03-01"));
    auto ev = pos[1] == QLatin1String("request")
        ? Desk::requestGrant(*store, pos[2], date, p.isSet(QStringLiteral("proof")))
        : Desk::grantPaid(*store, pos[2], date,
                          p.isSet(QStringLiteral("amount")) ? p.value(QStringLiteral("amount")).toDouble() : 60.0);
    if (!ev)
        return ctx.fail(ev.error());
    if (ctx.json)
        ctx.printJson(Inventory::toJson(*ev));
    else
        ctx.out << tr("%1: %2 on %3").arg(pos[2], ev->type, isoDate(date)) << Qt::endl;
    return 0;
}

int trainingCommand(Context &ctx, const QStringList &pos, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (pos.size() == 1 || (pos.size() == 2 && pos[1] == QLatin1String("list"))) {
        QJsonArray list;
        for (const Desk::Trainee &t : Desk::training(*store)) {
            QJsonArray sessions;
            for (int s : t.sessions)
                sessions.append(s);
            list.append(QJsonObject{{QStringLiteral("beneficiary"), t.beneficiary},
                                    {QStringLiteral("site"), t.site},
                                    {QStringLiteral("sessions"), sessions},
                                    {QStringLiteral("hours"), int(t.sessions.size()) * 2},
                                    {QStringLiteral("completed"), t.completed()}});
            if (!ctx.json)
                ctx.out << QStringLiteral("%1  %2  %3/6  %4")
                               .arg(t.beneficiary.leftJustified(12), t.site.leftJustified(20))
                               .arg(t.sessions.size())
                               .arg(t.completed() ? tr("completed") : QString())
                        << Qt::endl;
        }
        if (ctx.json)
            ctx.printJson(list);
        return 0;
    }
    bool ok = false;
    const QDate date = dateOption(p, &ok);
    if (!ok)
        return ctx.usage(tr("--date is a date such as 2027-03-01"));
    Result<Inventory::Event> ev = makeError(ErrorCode::InvalidArgument, QString());
    if (pos.size() == 3 && pos[1] == QLatin1String("enrol"))
        ev = Desk::enrolTraining(*store, pos[2], p.value(QStringLiteral("site")));
    else if (pos.size() == 4 && pos[1] == QLatin1String("attend")) // the session is positional: the GUI
        ev = Desk::attendTraining(*store, pos[2], pos[3].toInt(), date, // application takes --session
                                  p.value(QStringLiteral("site")));
    else
        return ctx.usage(tr("usage: etabli desk training enrol REF --site S | training attend REF N "
                            "[--date D] [--site S] | training list"));
    if (!ev)
        return ctx.fail(ev.error());
    if (ctx.json)
        ctx.printJson(Inventory::toJson(*ev));
    else
        ctx.out << tr("%1: %2").arg(pos[2], ev->type) << Qt::endl;
    return 0;
}

int returnCommand(Context &ctx, const QStringList &pos, const QCommandLineParser &p)
{
    if (pos.size() != 2 || !p.isSet(QStringLiteral("reason")))
        return ctx.usage(tr("usage: etabli desk return TAG --reason R [--swap NEWTAG] [--witness NAME] "
                            "[--slip FILE.pdf] [--note TEXT]   (reasons: %1)")
                             .arg(Desk::returnReasons().join(QStringLiteral(", "))));
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto r = Desk::returnAsset(*store, pos[1], p.value(QStringLiteral("reason")), p.value(QStringLiteral("swap")),
                               p.value(QStringLiteral("witness")), p.value(QStringLiteral("note")));
    if (!r)
        return ctx.fail(r.error());
    const QString slip = p.value(QStringLiteral("slip"));
    if (!slip.isEmpty()) {
        auto a = store->asset(r->tag);
        const Pdf::ReturnSlip data{
            r->tag, a ? Inventory::toString(a->kind) : QString(), r->reason, r->beneficiary, r->swapTag, r->date};
        if (auto w = inFrench([&] { return Pdf::writeReturnSlip(slip, data); }); !w)
            return ctx.fail(w.error());
    }
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("tag"), r->tag},
                                  {QStringLiteral("state"), QStringLiteral("RETURNED")},
                                  {QStringLiteral("beneficiary"), r->beneficiary},
                                  {QStringLiteral("reason"), r->reason},
                                  {QStringLiteral("swap_tag"), r->swapTag},
                                  {QStringLiteral("slip"), slip}});
    else
        ctx.out << (r->swapTag.isEmpty()
                        ? tr("%1 returned (%2)").arg(r->tag, r->reason)
                        : tr("%1 returned (%2); %3 handed over instead").arg(r->tag, r->reason, r->swapTag))
                << Qt::endl;
    return 0;
}

int purgeCommand(Context &ctx, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    if (p.isSet(QStringLiteral("retention-days"))) {
        bool ok = false;
        const int days = p.value(QStringLiteral("retention-days")).toInt(&ok);
        if (!ok || days < 0)
            return ctx.usage(tr("--retention-days is a whole number of days"));
        if (auto s = store->setSetting(QStringLiteral("desk.retention_days"), QString::number(days)); !s)
            return ctx.fail(s.error());
    }
    if (p.isSet(QStringLiteral("unserved-days"))) { // deskserver: families who never received anything
        bool ok = false;
        const int days = p.value(QStringLiteral("unserved-days")).toInt(&ok);
        if (!ok || days < 0)
            return ctx.usage(tr("--unserved-days is a whole number of days"));
        if (auto s = store->setSetting(QStringLiteral("desk.unserved_retention_days"), QString::number(days)); !s)
            return ctx.fail(s.error());
    }
    QDate asOf = QDateTime::currentDateTimeUtc().date();
    if (p.isSet(QStringLiteral("as-of"))) {
        asOf = QDate::fromString(p.value(QStringLiteral("as-of")), Qt::ISODate);
        if (!asOf.isValid())
            return ctx.usage(tr("--as-of is a date such as 2030-01-01"));
    }
    const QStringList due = Desk::purgeDue(*store, asOf);
    const bool dryRun = p.isSet(QStringLiteral("dry-run"));
    QStringList erased;
    if (!dryRun)
        for (const QString &ref : due) {
            if (auto e = Desk::erase(*store, ref, QStringLiteral("retention")); !e)
                return ctx.fail(e.error());
            erased << ref;
        }
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("due"), QJsonArray::fromStringList(due)},
                                  {QStringLiteral("erased"), QJsonArray::fromStringList(erased)},
                                  {QStringLiteral("retention_days"), Desk::retentionDays(*store)},
                                  {QStringLiteral("unserved_retention_days"), Desk::unservedRetentionDays(*store)},
                                  {QStringLiteral("dry_run"), dryRun}});
    else
        ctx.out << (dryRun ? tr("%1 family(ies) due for purge (retention %2 days), nothing erased")
                           : tr("%1 family(ies) purged (retention %2 days)"))
                       .arg(due.size())
                       .arg(Desk::retentionDays(*store))
                << Qt::endl;
    return 0;
}

int exportCommand(Context &ctx, const QString &reference, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto o = Desk::exportFamily(*store, reference);
    if (!o)
        return ctx.fail(o.error());
    const QByteArray bytes = QJsonDocument(*o).toJson(QJsonDocument::Indented);
    if (p.isSet(QStringLiteral("output"))) {
        QFile f(p.value(QStringLiteral("output")));
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || f.write(bytes) != bytes.size())
            return ctx.fail(makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(f.fileName(), f.errorString())));
        return 0;
    }
    ctx.out << QString::fromUtf8(bytes);
    return 0;
}

int eraseCommand(Context &ctx, const QString &reference, const QCommandLineParser &p)
{
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    auto e = Desk::erase(*store, reference,
                         p.isSet(QStringLiteral("reason")) ? p.value(QStringLiteral("reason"))
                                                           : QStringLiteral("request"));
    if (!e)
        return ctx.fail(e.error());
    if (ctx.json)
        ctx.printJson(Inventory::toJson(*e));
    else
        ctx.out << tr("the personal data of %1 is erased").arg(reference) << Qt::endl;
    return 0;
}

int auditCommand(Context &ctx, const QCommandLineParser &p)
{
    QList<Desk::AuditEntry> entries;
    if (p.isSet(QStringLiteral("server"))) { // deskserver: the server's audit (worker = token, station = role)
        auto remote = Desk::serverAuditLog(QUrl(p.value(QStringLiteral("server"))), p.value(QStringLiteral("token")),
                                           p.value(QStringLiteral("beneficiary")));
        if (!remote)
            return ctx.fail(remote.error());
        entries = *remote;
    } else {
        Inventory::Store *store = ctx.store();
        if (!store)
            return ctx.lastExitCode();
        entries = Desk::auditLog(*store, p.value(QStringLiteral("beneficiary")));
    }
    if (ctx.json) {
        QJsonArray list;
        for (const Desk::AuditEntry &e : entries)
            list.append(QJsonObject{{QStringLiteral("time"), e.time},
                                    {QStringLiteral("worker"), e.worker},
                                    {QStringLiteral("station"), e.station},
                                    {QStringLiteral("action"), e.action},
                                    {QStringLiteral("beneficiary"), e.beneficiary},
                                    {QStringLiteral("detail"), e.detail}});
        ctx.printJson(list);
        return 0;
    }
    for (const Desk::AuditEntry &e : entries)
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5")
                       .arg(e.time, e.worker.leftJustified(12), e.action.leftJustified(14),
                            e.beneficiary.leftJustified(12), e.detail)
                << Qt::endl;
    return 0;
}

/// deskserver: `etabli desk family REF --server URL --token T`, a family's records on the server.
int familyCommand(Context &ctx, const QString &reference, const QCommandLineParser &p)
{
    if (!p.isSet(QStringLiteral("server")))
        return ctx.usage(tr("usage: etabli desk family REF --server URL --token T"));
    auto o = Desk::serverFamily(QUrl(p.value(QStringLiteral("server"))), p.value(QStringLiteral("token")), reference);
    if (!o)
        return ctx.fail(o.error());
    ctx.out << QString::fromUtf8(QJsonDocument(*o).toJson(QJsonDocument::Indented));
    return 0;
}

int deskCommand(Context &ctx)
{
    QCommandLineParser p;
    p.addOptions({
        {QStringLiteral("dry-run"), tr("Check and print; store nothing")},
        {QStringLiteral("school"), tr("The school"), QStringLiteral("S")},
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("File to write"), QStringLiteral("FILE")},
        {QStringLiteral("first"), tr("First appointment (2027-01-12T09:00)"), QStringLiteral("DATE_TIME")},
        {QStringLiteral("every"), tr("Minutes between two appointments (default 15)"), QStringLiteral("MIN")},
        {QStringLiteral("place"), tr("Where the desk is"), QStringLiteral("PLACE")},
        {QStringLiteral("witness"), tr("The staff member who witnessed (the person cannot sign)"),
         QStringLiteral("NAME")},
        {QStringLiteral("signature"), tr("The signature's strokes (JSON)"), QStringLiteral("FILE.json")},
        {QStringLiteral("receipt"), tr("Write the receipt PDF"), QStringLiteral("FILE.pdf")},
        {QStringLiteral("printer"), tr("Also print the receipt on this CUPS printer (lp -d)"), QStringLiteral("NAME")},
        {QStringLiteral("confirm"), tr("A warning staff confirm: no_speakers, other_lot"), QStringLiteral("WARNING")},
        {QStringLiteral("date"), tr("The date (default today)"), QStringLiteral("DATE")},
        {QStringLiteral("proof"), tr("Proof of the internet subscription received")},
        {QStringLiteral("amount"), tr("Amount paid in euros (default 60)"), QStringLiteral("EUR")},
        {QStringLiteral("site"), tr("Training site"), QStringLiteral("SITE")},
        {QStringLiteral("reason"), tr("Why"), QStringLiteral("R")},
        {QStringLiteral("swap"), tr("The replacement handed over in the same visit"), QStringLiteral("NEWTAG")},
        {QStringLiteral("slip"), tr("Write the return slip PDF"), QStringLiteral("FILE.pdf")},
        {QStringLiteral("note"), tr("A note"), QStringLiteral("TEXT")},
        {QStringLiteral("kind"), tr("family, teacher or association"), QStringLiteral("KIND")},
        {QStringLiteral("name"), tr("The person's or association's name"), QStringLiteral("NAME")},
        {QStringLiteral("contact"), tr("Phone or e-mail"), QStringLiteral("CONTACT")},
        {QStringLiteral("as-of"), tr("Purge as on this date (default today)"), QStringLiteral("DATE")},
        {QStringLiteral("retention-days"), tr("Set the retention after the loan ends (default 365)"),
         QStringLiteral("DAYS")},
        {QStringLiteral("beneficiary"), tr("Only this beneficiary"), QStringLiteral("REF")},
        // deskserver: the purge of families who never received anything; the server's audit
        {QStringLiteral("unserved-days"),
         tr("Set the retention after the import or voucher of a family who received nothing (default 365)"),
         QStringLiteral("DAYS")},
        {QStringLiteral("server"), tr("Read the server's audit (with --token)"), QStringLiteral("URL")},
        {QStringLiteral("token"), tr("A desk or supervisor token"), QStringLiteral("TOKEN")},
    });
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    const QString verb = pos.value(0);
    if (pos.size() == 2 && verb == QLatin1String("import"))
        return importCommand(ctx, pos[1], p.isSet(QStringLiteral("dry-run")));
    if (pos.size() == 1 && verb == QLatin1String("beneficiaries") && !p.isSet(QStringLiteral("dry-run")))
        return beneficiariesCommand(ctx, p.value(QStringLiteral("school")));
    if (pos.size() == 2 && verb == QLatin1String("add") && p.isSet(QStringLiteral("kind")))
        return addCommand(ctx, pos[1], p);
    if (pos.size() == 1 && verb == QLatin1String("vouchers"))
        return vouchersCommand(ctx, p);
    if (verb == QLatin1String("handover"))
        return handoverCommand(ctx, pos, p);
    if (verb == QLatin1String("grant") || verb == QLatin1String("grants"))
        return grantCommand(ctx, pos, p);
    if (verb == QLatin1String("training"))
        return trainingCommand(ctx, pos, p);
    if (verb == QLatin1String("return"))
        return returnCommand(ctx, pos, p);
    if (pos.size() == 1 && verb == QLatin1String("purge"))
        return purgeCommand(ctx, p);
    if (pos.size() == 2 && verb == QLatin1String("export"))
        return exportCommand(ctx, pos[1], p);
    if (pos.size() == 2 && verb == QLatin1String("erase"))
        return eraseCommand(ctx, pos[1], p);
    if (pos.size() == 1 && verb == QLatin1String("audit"))
        return auditCommand(ctx, p);
    if (pos.size() == 2 && verb == QLatin1String("family")) // deskserver
        return familyCommand(ctx, pos[1], p);
    return ctx.usage(tr("usage: etabli desk import FILE.csv [--dry-run] [--json] | beneficiaries [--json] | "
                        "add REF --kind teacher|association --name N | vouchers --school S -o FILE.pdf | "
                        "handover VOUCHER TAG… | grant request|paid REF | training enrol|attend REF [N] | "
                        "return TAG --reason R [--swap NEWTAG] | purge [--dry-run] [--unserved-days N] | export REF | "
                        "erase REF | audit [--server URL --token T] | family REF --server URL --token T"));
}

} // namespace

void registerDeskCommands(Registry &registry)
{
    registry.add(
        {QStringLiteral("desk"),
         QStringLiteral("  desk import FILE.csv [--dry-run] | beneficiaries | add REF --kind K\n"
                        "  desk vouchers --school S -o FILE.pdf | handover VOUCHER TAG… [--witness NAME | "
                        "--signature FILE.json] [--receipt FILE.pdf]\n"
                        "  desk grant request|paid REF | training enrol|attend REF [N] | return TAG --reason R "
                        "[--swap NEWTAG]\n"
                        "  desk purge [--dry-run] | export REF | erase REF | audit [--server URL --token T]\n"
                        "  desk family REF --server URL --token T   (the distribution desk)"),
         deskCommand});
}

} // namespace Etabli::Cli
