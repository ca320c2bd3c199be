// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]
//                 [--lang fr|en] [--panel-ppi N] [--theme normal|high-contrast] [--text-scale F]`:
// opens one bench test screen; the result is recorded on the asset when it ends.
#include "app/core/identity.h"
#include "app/station/station.h"
#include "app/station/stationsetup.h"
#include "app/ui/framemeter.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "common/appdefaults.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Etabli_StationPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

// Exported by libQt6Quick (Q_CONSTRUCTOR_FUNCTION of qtquick2.cpp), not in a public header.
void QQuick_initializeModule();

namespace {

struct Options {
    QString test, model, asset, dbPath, lang;
    qreal ppi = 0;
    bool highContrast = false;
    qreal textScale = 1;
    int measure = -1; // a11y: benchmark (tests/bench/station/): 0 start-up, N seconds of frames
};

QString tr(const char *text)
{
    return QCoreApplication::translate("Station", text);
}

/// `--lang X` or `--lang=X` as given, before any parser exists: the parser's own help
/// text must already be in the chosen language.
QString requestedLanguage(const QStringList &args)
{
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--lang") && i + 1 < args.size())
            return args[i + 1];
        if (args[i].startsWith(QLatin1String("--lang=")))
            return args[i].mid(7);
    }
    return {};
}

QString defaultDbPath()
{
    return Etabli::AppCore::inventoryPath({});
}

/// Everything that needs no display: options, --help, the asset check. Runs under a
/// QCoreApplication so `--help` and a refused asset work on a headless bench (issue 12).
/// Returns the exit code when the program must stop here, -1 to go on with `o` filled.
int parse(int argc, char *argv[], Options &o)
{
    QCoreApplication core(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("etabli-station"));
    const QStringList args = QCoreApplication::arguments();
    o.lang = requestedLanguage(args);
    // The --db of the command line is not parsed yet: the language setting is read from
    // the default inventory unless --lang or $ETABLI_LANG says otherwise.
    Etabli::installLanguage(core, Etabli::Station::stationLanguage(o.lang, defaultDbPath()));

    QCommandLineParser p;
    p.setApplicationDescription(tr("Établi bench test screens"));
    p.addHelpOption();
    const QCommandLineOption test(QStringLiteral("test"), tr("Screen to open: keyboard, screen or audio"), tr("NAME"));
    const QCommandLineOption model(QStringLiteral("model"), tr("Monitor model from the EDID"), QStringLiteral("M"));
    const QCommandLineOption asset(QStringLiteral("asset"), tr("Record the result on this asset"), tr("TAG"));
    const QCommandLineOption db(QStringLiteral("db"), tr("Inventory database"), tr("PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"), tr("Language: fr or en"), tr("LANG"));
    const QCommandLineOption ppi(QStringLiteral("panel-ppi"),
                                 tr("Pixels per inch of the bench panel (default: the setting station.panel_ppi, "
                                    "else 96)"),
                                 QStringLiteral("N"));
    const QCommandLineOption theme(QStringLiteral("theme"), tr("Colours: normal or high-contrast"), tr("THEME"));
    const QCommandLineOption textScale(QStringLiteral("text-scale"), tr("Text size, 1 to 2 (2 is 200 %)"),
                                       QStringLiteral("F"));
    p.addOptions({test, model, asset, db, lang, ppi, theme, textScale});
    // a11y: the benchmark's instrument (tests/bench/station/README.md).
    const QCommandLineOption measureStartup(QStringLiteral("measure-startup"),
                                            tr("Print when the first frame is shown, then quit (benchmark)"));
    const QCommandLineOption measureFrames(QStringLiteral("measure-frames"),
                                           tr("Redraw for S seconds, print the longest frame gap, quit (benchmark)"),
                                           QStringLiteral("S"));
    p.addOptions({measureStartup, measureFrames});
    p.process(core); // --help prints and exits here, before any display is needed

    auto usage = [](const QString &why) {
        std::fprintf(stderr, "etabli-station: %s\n%s\n", qPrintable(why),
                     qPrintable(tr("usage: etabli-station --test keyboard|screen|audio [--model M] [--asset TAG "
                                   "--db PATH]")));
        return 2;
    };
    const QStringList screens{QStringLiteral("keyboard"), QStringLiteral("screen"), QStringLiteral("audio")};
    if (!screens.contains(p.value(test)))
        return usage(tr("unknown or missing test screen"));
    o.test = p.value(test);
    o.model = p.value(model);
    o.dbPath = Etabli::AppCore::inventoryPath(p.value(db));
    o.lang = Etabli::Station::stationLanguage(o.lang, o.dbPath);
    if (o.lang != QLatin1String("fr") && o.lang != QLatin1String("en"))
        return usage(tr("unknown language %1 (fr or en)").arg(o.lang));

    bool ok = true;
    const QString ppiText = p.isSet(ppi)
        ? p.value(ppi)
        : Etabli::Station::stationSetting(o.dbPath, QStringLiteral("station.panel_ppi"),
                                          QString::number(Etabli::Ui::Theme::DefaultPpi));
    o.ppi = ppiText.toDouble(&ok);
    if (!ok || o.ppi < 50 || o.ppi > 600)
        return usage(tr("panel ppi %1 is not a number from 50 to 600").arg(ppiText));
    if (p.isSet(theme) && p.value(theme) != QLatin1String("normal") && p.value(theme) != QLatin1String("high-contrast"))
        return usage(tr("unknown theme %1 (normal or high-contrast)").arg(p.value(theme)));
    o.highContrast = p.value(theme) == QLatin1String("high-contrast");
    if (p.isSet(textScale)) {
        o.textScale = p.value(textScale).toDouble(&ok);
        if (!ok || o.textScale < 1 || o.textScale > 2)
            return usage(tr("text scale %1 is not a number from 1 to 2").arg(p.value(textScale)));
    }

    if (p.isSet(measureStartup))
        o.measure = 0;
    if (p.isSet(measureFrames))
        o.measure = qBound(1, p.value(measureFrames).toInt(), 600);

    // A wrong tag or an unknown asset is said now, not after the worker did the test.
    if (p.isSet(asset)) {
        auto checked = Etabli::Station::checkAsset(p.value(asset), o.dbPath);
        if (!checked) {
            std::fprintf(stderr, "etabli-station: %s\n", qPrintable(checked.error().message));
            return Etabli::exitCodeFor(checked.error().code);
        }
        o.asset = *checked;
    }
    return -1;
}

} // namespace

int main(int argc, char *argv[])
{
    Options o;
    if (const int code = parse(argc, argv, o); code >= 0)
        return code;

    QGuiApplication app(argc, argv);
    // a11y: the QCoreApplication of parse() ran Qt's post routines when it ended, and
    // those clear every accessibility factory, Qt Quick's too (installed when libQt6Quick
    // loaded): without it AT-SPI sees no window, only our buttons. Qt Quick's module
    // initialiser puts it back (it only installs a factory and registers a metatype).
    QQuick_initializeModule();
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    Etabli::installLanguage(app, o.lang);

    auto *theme = Etabli::Ui::Theme::instance();
    Etabli::Ui::Theme::loadFonts();
    theme->setPpi(o.ppi);
    theme->setHighContrast(o.highContrast);
    theme->setTextScale(o.textScale);
    Etabli::Ui::Speech::instance()->setLanguage(o.lang); // a11y: the voice speaks the station's language

    auto *station = Etabli::Station::Station::instance();
    station->configure(o.test, o.model, o.asset, o.dbPath);
    QObject::connect(station, &Etabli::Station::Station::quitRequested, &app, [&app, station] {
        if (!station->errorString().isEmpty()) {
            std::fprintf(stderr, "etabli-station: %s\n", qPrintable(station->errorString()));
            app.exit(3);
        } else {
            app.exit(0);
        }
    });

    QQmlApplicationEngine engine;
    // The static QML modules (Etabli.Ui, Etabli.Station) live at qrc:/Etabli/…; Qt 6.4
    // does not search the resource root by itself.
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Etabli/Station/Main.qml")));
    if (o.measure >= 0 && !engine.rootObjects().isEmpty()) // a11y: benchmark
        Etabli::Ui::FrameMeter::attach(qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()), o.measure);
    return app.exec();
}
