// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli-station [--role bench] [--db PATH] [--demo [--screenshots DIR [--size WxH]]]`: the bench
// flow (Etabli.Bench); `etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]`:
// one bench test screen, the result recorded on the asset when it ends. Both take
// [--lang fr|en] [--panel-ppi N] [--theme normal|high-contrast] [--text-scale F].
#include "app/bench/bench.h"
#include "app/bench/benchdemo.h"
#include "app/bench/benchwalk.h"
#include "app/core/identity.h"
#include "app/desk/deskapp.h" // desk
#include "app/station/station.h"
#include "app/station/stationsetup.h"
#include "app/supervisor/demostore.h" // supervisor (issue 13): --demo
#include "app/ui/framemeter.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "common/appdefaults.h"
#include "inventory/store.h" // supervisor (issue 13)

#include <QApplication> // supervisor (issue 13): Qt Charts
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer> // live (issue 16): time to the first frame
#include <QGuiApplication>
#include <QMetaEnum> // live (issue 16)
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Etabli_StationPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_SupervisorPlugin) // supervisor (issue 13)
Q_IMPORT_QML_PLUGIN(Etabli_BenchPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_DeskPlugin) // desk

// Exported by libQt6Quick (Q_CONSTRUCTOR_FUNCTION of qtquick2.cpp), not in a public header.
void QQuick_initializeModule();

namespace {

struct Options {
    QString role = QStringLiteral("bench"); ///< bench (default), or --test's screen
    QString test, model, asset, dbPath, lang;
    bool dbGiven = false;
    bool demo = false;
    QString screenshots; ///< --screenshots DIR (with --demo): the walk
    QString startAt; ///< bench: --start-at SCREEN (with --demo): open the demo on this screen
    QSize size; ///< --size WxH
    qreal ppi = 0;
    bool highContrast = false;
    bool themeGiven = false;
    qreal textScale = 1;
    bool textScaleGiven = false;
    int measure = -1; // a11y: benchmark (tests/bench/station/): 0 start-up, N seconds of frames
};

/// live (issue 16): started first thing in main(), read at the bench's first frame.
QElapsedTimer &sinceStart()
{
    static QElapsedTimer timer;
    return timer;
}

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
    const QCommandLineOption role(QStringLiteral("role"), tr("Which station: bench (default)"), tr("ROLE"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Run the bench on the demo machine, with its own temporary inventory"));
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         tr("With --demo: walk the whole flow alone and save each screen here"),
                                         tr("DIR"));
    const QCommandLineOption size(QStringLiteral("size"), tr("Window size, e.g. 1366x768"), QStringLiteral("WxH"));
    p.addOptions({test, model, asset, db, lang, ppi, theme, textScale, role, demo, screenshots, size});
    // bench: one screen of the demo for the accessibility walk and the benchmark.
    const QCommandLineOption startAt(QStringLiteral("start-at"),
                                     tr("With --demo: open the demo on this screen (login, asset, a step, "
                                        "erase-confirm, work, meanwhile, finished; two-pcs: two PCs open, for "
                                        "the kill test; resume: reopen them after a restart)"),
                                     tr("SCREEN"));
    p.addOption(startAt);
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
    if (p.isSet(test) && !screens.contains(p.value(test)))
        return usage(tr("unknown or missing test screen"));
    o.test = p.value(test);
    // The roles of the one station app (FACES.md): a clear small switch in main().
    o.role = p.isSet(test) ? QStringLiteral("test") : p.value(role).isEmpty() ? QStringLiteral("bench") : p.value(role);
    if (o.role != QLatin1String("test") && o.role != QLatin1String("bench"))
        return usage(tr("unknown role %1 (bench)").arg(o.role));
    o.demo = p.isSet(demo);
    o.screenshots = p.value(screenshots);
    if (!o.screenshots.isEmpty() && !o.demo)
        return usage(tr("--screenshots needs --demo"));
    o.startAt = p.value(startAt);
    if (!o.startAt.isEmpty() && (!o.demo || !o.screenshots.isEmpty()))
        return usage(tr("--start-at needs --demo, without --screenshots"));
    if (!o.startAt.isEmpty() && !Etabli::Bench::BenchStartAt::screens().contains(o.startAt))
        return usage(tr("unknown screen %1 (%2)")
                         .arg(o.startAt, Etabli::Bench::BenchStartAt::screens().join(QStringLiteral(", "))));
    if (p.isSet(size)) {
        const QStringList wh = p.value(size).split(QLatin1Char('x'));
        const int w = wh.value(0).toInt(), h = wh.value(1).toInt();
        if (wh.size() != 2 || w < 320 || h < 240 || w > 8192 || h > 8192)
            return usage(tr("size %1 is not WIDTHxHEIGHT, e.g. 1366x768").arg(p.value(size)));
        o.size = QSize(w, h);
    }
    o.dbGiven = p.isSet(db);
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
    o.themeGiven = p.isSet(theme);
    o.textScaleGiven = p.isSet(textScale);
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

    // Without a display Qt aborts in QGuiApplication (rc 134). Screenshots need none: they
    // are drawn offscreen; anything else is said in words.
    const bool platformChosen
        = !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") || args.contains(QLatin1String("-platform"));
    if (!platformChosen && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        if (o.screenshots.isEmpty()) {
            std::fprintf(stderr, "etabli-station: %s\n",
                         qPrintable(tr("no display to open the station on: start it in a graphical session, "
                                       "or draw it offscreen with --demo --screenshots DIR")));
            return 2;
        }
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    return -1;
}

int runTest(QGuiApplication &app, const Options &o)
{
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

/// The bench flow (issue 12). With --demo, on the demo machine and its own store (in the
/// folder of --db, else a new temporary folder, kept so its events can be read); with
/// --screenshots, the walk goes through every screen alone and the program ends with it.
int runBench(QGuiApplication &app, const Options &o)
{
    using namespace Etabli::Bench;
    const QString station = Etabli::AppCore::stationFromEnvironment();
    BenchConfig config;
    DemoSetup demo;
    QString startAtOther; // bench: the second PC of --start-at two-pcs
    if (o.demo) {
        QString dir, db = o.dbPath;
        if (o.dbGiven) {
            dir = QFileInfo(o.dbPath).absolutePath();
        } else {
            QTemporaryDir tmp(QDir::temp().filePath(QStringLiteral("etabli-bench-demo.XXXXXX")));
            tmp.setAutoRemove(false);
            dir = tmp.path();
            db = QDir(dir).filePath(QStringLiteral("inventory.sqlite"));
        }
        auto prepared = prepareDemo(dir, db, QStringLiteral("bench-1"));
        if (!prepared) {
            std::fprintf(stderr, "etabli-station: %s\n", qPrintable(prepared.error().message));
            return Etabli::exitCodeFor(prepared.error().code);
        }
        demo = *prepared;
        config = demo.config;
        if (!o.startAt.isEmpty()) {
            if (auto at = prepareStartAt(db, QStringLiteral("bench-1"), demo.pcTag, o.startAt, &startAtOther); !at) {
                std::fprintf(stderr, "etabli-station: %s\n", qPrintable(at.error().message));
                return Etabli::exitCodeFor(at.error().code);
            }
            // The work screen stays on the memory test for the whole measure.
            if (o.startAt == QLatin1String("work") || o.startAt == QLatin1String("meanwhile")
                || o.startAt == QLatin1String("two-pcs")) { // bench: two-pcs, the kill test
                config.ramBytes = 256LL * 1024 * 1024;
                config.ramPasses = 1000;
            }
        }
        std::printf("%s\n", qPrintable(tr("Demo inventory: %1").arg(db)));
        std::fflush(stdout);
    } else {
        // A real bench: its disk, master and printer are station settings (`etabli config set`).
        const auto setting
            = [&o](const char *key) { return Etabli::Station::stationSetting(o.dbPath, QString::fromLatin1(key)); };
        config.dbPath = o.dbPath;
        config.station = station;
        config.diskPath = setting("station.disk");
        config.diskSerial = setting("station.disk_serial");
        config.diskModel = setting("station.disk_model");
        config.diskBytes = setting("station.disk_bytes").toLongLong();
        config.masterPath = setting("station.master");
        // masters (issue 19): for a master on the network, the station's sync token and CA, its cache.
        config.masterToken = setting("sync.token");
        config.masterCa = setting("sync.ca");
        config.masterCache = setting("masters.cache");
        config.printer = setting("station.printer");
        if (const QString t = setting("station.label_template"); !t.isEmpty())
            config.labelTemplate = t;
    }
    Bench *bench = Bench::instance();
    bench->setForcedLook(o.textScaleGiven, o.themeGiven);
    bench->configure(config);
    auto *theme = Etabli::Ui::Theme::instance();
    QObject::connect(bench, &Bench::preferencesApplied, theme,
                     [theme](double textScale, bool, const QString &, bool highContrast) {
                         if (textScale >= 1)
                             theme->setTextScale(textScale);
                         if (highContrast)
                             theme->setHighContrast(true);
                     });

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Etabli/Bench/BenchMain.qml")));
    auto *window
        = engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window)
        return 1;
    if (o.size.isValid()) {
        window->setVisibility(QWindow::Windowed);
        window->resize(o.size);
    }
    Etabli::Ui::FrameMeter *meter = nullptr;
    if (o.measure >= 0) // bench: the benchmark on the bench's own screens (tests/bench/station)
        meter = Etabli::Ui::FrameMeter::attach(window, o.measure);
    if (!o.startAt.isEmpty()) {
        auto *startAt = new BenchStartAt(bench, o.startAt, demo.badge, demo.pcTag, &app);
        startAt->setOtherTag(startAtOther);
        // bench: the frames are measured on the screen asked for, from when it is reached.
        if (meter)
            QObject::connect(startAt, &BenchStartAt::arrived, meter, &Etabli::Ui::FrameMeter::restart);
    }
    if (!o.screenshots.isEmpty()) {
        auto *walk = new BenchWalk(bench, window, o.screenshots, demo.badge, demo.pcTag, &app);
        QObject::connect(walk, &BenchWalk::finished, &app, &QCoreApplication::exit);
    }
    // live (issue 16): one line when the first frame is on screen, naming the screen; the live
    // system's console shows it and packaging/live/test-qemu.sh waits for it (no AT-SPI there).
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [bench] {
            const char *key = QMetaEnum::fromType<Bench::Screen>().valueToKey(int(bench->screen()));
            std::fprintf(stderr, "etabli-station: first frame after %lld ms: bench screen %s\n",
                         static_cast<long long>(sinceStart().elapsed()), key ? key : "?");
            std::fflush(stderr);
        },
        Qt::SingleShotConnection);
    return app.exec();
}

} // namespace

// supervisor (issue 13): `--role supervisor` opens Etabli.Supervisor over the server of the
// sync settings (sync.server, and supervisor.token or $ETABLI_SUPERVISOR_TOKEN) or the local store.
int runSupervisor(int argc, char *argv[])
{
    QApplication app(argc, argv); // Qt Charts draws through QGraphicsScene: a QApplication
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    const QStringList args = QCoreApplication::arguments();
    const qsizetype langAt = args.indexOf(QStringLiteral("--lang"));
    Etabli::installLanguage(app, langAt >= 0 && langAt + 1 < args.size() ? args[langAt + 1] : QString());
    Etabli::Ui::Theme::loadFonts();
    QString db = defaultDbPath();
    if (const qsizetype at = args.indexOf(QStringLiteral("--db")); at >= 0 && at + 1 < args.size())
        db = args[at + 1];
    // --demo: a generated workshop in a temporary store (the AT-SPI walk, a first look);
    // --worker BADGE: the supervisor logged in, named in every administration event.
    QTemporaryDir demoDir;
    if (args.contains(QStringLiteral("--demo"))) {
        db = demoDir.filePath(QStringLiteral("supervisor-demo.sqlite"));
        if (auto written = Etabli::Supervisor::writeDemoStore(db); !written) {
            qCritical("%s", qPrintable(written.error().message));
            return 1;
        }
    }
    QString worker = QStringLiteral("supervisor");
    if (const qsizetype at = args.indexOf(QStringLiteral("--worker")); at >= 0 && at + 1 < args.size())
        worker = args[at + 1];
    // --page attention|figures|report|admin: the tab shown first (the AT-SPI walk opens each).
    int page = 0;
    if (const qsizetype at = args.indexOf(QStringLiteral("--page")); at >= 0 && at + 1 < args.size())
        page = qMax(0,
                    QStringList{QStringLiteral("attention"), QStringLiteral("figures"), QStringLiteral("report"),
                                QStringLiteral("admin")}
                        .indexOf(args[at + 1]));
    // --open asset:TAG|worker:BADGE|station:NAME: that detail shown first (the AT-SPI walk).
    QString openFirst;
    if (const qsizetype at = args.indexOf(QStringLiteral("--open")); at >= 0 && at + 1 < args.size())
        openFirst = args[at + 1];
    QString server, token = qEnvironmentVariable("ETABLI_SUPERVISOR_TOKEN");
    if (auto store = Etabli::Inventory::Store::open(db, {QStringLiteral("office"), QStringLiteral("supervisor")})) {
        server = (*store)->setting(QStringLiteral("sync.server"));
        if (token.isEmpty())
            token = (*store)->setting(QStringLiteral("supervisor.token"));
    }
    if (token.isEmpty())
        server.clear(); // no supervisor token: the local store
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("serverUrl"), server},
                                 {QStringLiteral("token"), token},
                                 {QStringLiteral("dbPath"), server.isEmpty() ? db : QString()},
                                 {QStringLiteral("worker"), worker},
                                 {QStringLiteral("page"), page},
                                 {QStringLiteral("openFirst"), openFirst}});
    engine.load(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Window.qml")));
    return engine.rootObjects().isEmpty() ? 1 : app.exec();
}

int main(int argc, char *argv[])
{
    sinceStart().start(); // live (issue 16)
    for (int i = 1; i + 1 < argc; ++i) // supervisor (issue 13)
        if (qstrcmp(argv[i], "--role") == 0 && qstrcmp(argv[i + 1], "supervisor") == 0)
            return runSupervisor(argc, argv);
    // desk (issue 14): `--role desk` opens the distribution desk's screens (app/desk/).
    if (Etabli::Desk::isDeskRole(argc, argv))
        return Etabli::Desk::runDeskRole(argc, argv);
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

    // One block a role (FACES.md): the desk and supervisor roles add theirs here.
    if (o.role == QLatin1String("test"))
        return runTest(app, o);
    return runBench(app, o); // bench, the default
}
