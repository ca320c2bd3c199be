// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli NOUN VERB [options]`: every engine and every action of the station app,
// scriptable. Global options (anywhere on the line): --db PATH, --json,
// --station NAME, --worker NAME, --lang fr|en.
#include "app/cli/cli.h"
#include "app/core/identity.h"
#include "common/appdefaults.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QLibraryInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Etabli::Cli;

namespace {

/// One line saying what each command is for, shown by `etabli help` above its verbs.
QString summary(const QString &noun)
{
    static const QHash<QString, const char *> lines{
        {QStringLiteral("config"), QT_TRANSLATE_NOOP("Cli", "settings of this inventory (tag prefix, next tag)")},
        {QStringLiteral("donor"), QT_TRANSLATE_NOOP("Cli", "the companies that give the PCs")},
        {QStringLiteral("lot"), QT_TRANSLATE_NOOP("Cli", "the intake batches, one donor each")},
        {QStringLiteral("asset"),
         QT_TRANSLATE_NOOP("Cli", "PCs and peripherals: add, show, list, move through the lifecycle, record results")},
        {QStringLiteral("events"), QT_TRANSLATE_NOOP("Cli", "the log of every change made in this inventory")},
        {QStringLiteral("probe"), QT_TRANSLATE_NOOP("Cli", "read what hardware a PC has (into an asset)")},
        {QStringLiteral("test"), QT_TRANSLATE_NOOP("Cli", "test RAM, disk, sound, keyboard, mouse, screen")},
        {QStringLiteral("image"), QT_TRANSLATE_NOOP("Cli", "sign, check and write the school master to disks")},
        {QStringLiteral("label"), QT_TRANSLATE_NOOP("Cli", "draw and print asset labels")},
        {QStringLiteral("sync"), QT_TRANSLATE_NOOP("Cli", "exchange changes with the central server")},
        {QStringLiteral("wipe"),
         QT_TRANSLATE_NOOP("Cli", "erase a disk and prove it: overwrite or firmware purge, verified")},
        {QStringLiteral("certificate"),
         QT_TRANSLATE_NOOP("Cli", "check, bundle and print the signed erasure certificates for the donors")},
        {QStringLiteral("desk"),
         QT_TRANSLATE_NOOP("Cli", "the distribution desk: pupils, vouchers, handovers, grants, training, returns")},
        // supervisor (issue 13)
        {QStringLiteral("report"),
         QT_TRANSLATE_NOOP("Cli", "the council's bilan, the figures and what needs attention")},
        {QStringLiteral("admin"), QT_TRANSLATE_NOOP("Cli", "workers, workshop settings and tokens (supervisor)")},
        // flow (issue 12)
        {QStringLiteral("worker"), QT_TRANSLATE_NOOP("Cli", "the workers who log in at a bench by badge or photo")},
    };
    const auto it = lines.constFind(noun);
    return it == lines.constEnd() ? QString() : QCoreApplication::translate("Cli", it.value());
}

int printHelp(const Registry &registry, QTextStream &out)
{
    out << QCoreApplication::translate("Cli",
                                       "Usage: etabli NOUN VERB [options]  (global: --db PATH --json "
                                       "--station NAME --worker NAME --lang fr|en)")
        << Qt::endl;
    for (const Command &c : registry.commands()) {
        const QString line = summary(c.noun);
        out << Qt::endl << c.noun << QStringLiteral(": ") << (line.isEmpty() ? c.noun : line) << Qt::endl;
        // The verbs' lines are translated here, so the placeholders (NAME, FILE…) read the
        // same in every line of the French help (app/i18n/etabli_fr.ts, context Cli).
        out << QCoreApplication::translate("Cli", c.synopsis.toUtf8().constData()) << Qt::endl;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // `label` draws text, which needs a QGuiApplication; it never opens a window.
    // `certificate` (bundle, pdf) draws the donor's PDF: the same.
    const bool gui = std::any_of(argv + 1, argv + argc, [](const char *a) {
        return qstrcmp(a, "label") == 0 || qstrcmp(a, "certificate") == 0
            || qstrcmp(a, "report") == 0 // supervisor (issue 13): the bilan's PDF
            || qstrcmp(a, "desk") == 0; // desk: vouchers, receipts and return slips (issue 14)
    });
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Without a session (root on a bench, CI) Qt GUI warns about XDG_RUNTIME_DIR on every
    // label command; give it a private folder instead.
    if (gui && qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray dir = QFile::encodeName(QDir::tempPath()) + "/etabli-runtime-" + QByteArray::number(getuid());
        if (::mkdir(dir.constData(), 0700) == 0 || errno == EEXIST)
            qputenv("XDG_RUNTIME_DIR", dir);
    }
    std::unique_ptr<QCoreApplication> application(gui ? new QGuiApplication(argc, argv)
                                                      : new QCoreApplication(argc, argv));
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    QCoreApplication::setOrganizationName(QStringLiteral("etabli"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList rest;
    QString db = Etabli::AppCore::inventoryPath();
    QString station = Etabli::AppCore::stationFromEnvironment();
    QString worker = Etabli::AppCore::workerFromEnvironment();
    QString lang;
    bool json = false;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        auto value = [&](const QString &name, QString &target) {
            if (a == name) {
                if (i + 1 >= args.size())
                    return false;
                target = args[++i];
                return true;
            }
            if (a.startsWith(name + u'=')) {
                target = a.mid(name.size() + 1);
                return true;
            }
            return false;
        };
        if (a == QLatin1String("--json"))
            json = true;
        else if (value(QStringLiteral("--db"), db) || value(QStringLiteral("--station"), station)
                 || value(QStringLiteral("--worker"), worker) || value(QStringLiteral("--lang"), lang))
            continue;
        else
            rest << a;
    }
    Etabli::installLanguage(app, lang);

    Registry registry;
    registerInventoryCommands(registry);
    registerProbeCommands(registry);
    registerTestCommands(registry);
    registerImageCommands(registry);
    registerLabelCommands(registry);
    registerSyncCommands(registry);
    registerWipeCommands(registry);
    registerCertificateCommands(registry);
    registerDeskCommands(registry);
    registerReportCommands(registry); // supervisor (issue 13)
    registerAdminCommands(registry); // supervisor (issue 13)
    registerWorkerCommands(registry); // flow

    if (rest.isEmpty() || rest.first() == QLatin1String("help") || rest.first() == QLatin1String("--help"))
        return printHelp(registry, rest.isEmpty() ? err : out) + (rest.isEmpty() ? 2 : 0);

    const QString noun = rest.takeFirst();
    Context ctx(rest, out, err);
    ctx.dbPath = db;
    ctx.json = json;
    const Etabli::Inventory::Identity who = Etabli::AppCore::makeIdentity(station, worker);
    ctx.station = who.station;
    ctx.worker = who.worker;
    for (const Command &c : registry.commands())
        if (c.noun == noun)
            return c.run(ctx);
    return ctx.usage(QCoreApplication::translate("Cli", "unknown command «%1»").arg(noun));
}
