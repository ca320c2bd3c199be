// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli NOUN VERB [options]`: every engine and every action of the station app,
// scriptable. Global options (anywhere on the line): --db PATH, --json,
// --station NAME, --worker NAME, --lang fr|en.
#include "app/cli/cli.h"
#include "common/appdefaults.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QSysInfo>

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using namespace Etabli::Cli;

namespace {

int printHelp(const Registry &registry, QTextStream &out)
{
    out << QCoreApplication::translate("Cli",
                                       "Usage: etabli NOUN VERB [options]  (global: --db PATH --json "
                                       "--station NAME --worker NAME --lang fr|en)")
        << Qt::endl;
    for (const Command &c : registry.commands())
        out << c.synopsis << Qt::endl;
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // `label` draws text, which needs a QGuiApplication; it never opens a window.
    const bool gui = std::any_of(argv + 1, argv + argc, [](const char *a) { return qstrcmp(a, "label") == 0; });
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
    QString db = qEnvironmentVariable("ETABLI_DB", Etabli::defaultInventoryPath());
    QString station = qEnvironmentVariable("ETABLI_STATION", QSysInfo::machineHostName());
    QString worker = qEnvironmentVariable("ETABLI_WORKER", qEnvironmentVariable("USER", QStringLiteral("unknown")));
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
    registerDeskCommands(registry);

    if (rest.isEmpty() || rest.first() == QLatin1String("help") || rest.first() == QLatin1String("--help"))
        return printHelp(registry, rest.isEmpty() ? err : out) + (rest.isEmpty() ? 2 : 0);

    const QString noun = rest.takeFirst();
    Context ctx(rest, out, err);
    ctx.dbPath = db;
    ctx.json = json;
    ctx.station = station.isEmpty() ? QStringLiteral("station") : station;
    ctx.worker = worker.isEmpty() ? QStringLiteral("unknown") : worker;
    for (const Command &c : registry.commands())
        if (c.noun == noun)
            return c.run(ctx);
    return ctx.usage(QCoreApplication::translate("Cli", "unknown command «%1»").arg(noun));
}
