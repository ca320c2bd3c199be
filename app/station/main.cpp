// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]`:
// opens one bench test screen; the result is recorded on the asset when it ends.
#include "app/core/identity.h"
#include "app/station/station.h"
#include "common/appdefaults.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QtQml/qqmlextensionplugin.h>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(Etabli_StationPlugin)

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("Station", "Établi bench test screens"));
    p.addHelpOption();
    const QCommandLineOption test(QStringLiteral("test"),
                                  QCoreApplication::translate("Station", "Screen to open: keyboard, screen or audio"),
                                  QStringLiteral("NAME"));
    const QCommandLineOption model(QStringLiteral("model"),
                                   QCoreApplication::translate("Station", "Monitor model from the EDID"),
                                   QStringLiteral("M"));
    const QCommandLineOption asset(QStringLiteral("asset"),
                                   QCoreApplication::translate("Station", "Record the result on this asset"),
                                   QStringLiteral("TAG"));
    const QCommandLineOption db(QStringLiteral("db"), QCoreApplication::translate("Station", "Inventory database"),
                                QStringLiteral("PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"), QCoreApplication::translate("Station", "Language: fr or en"),
                                  QStringLiteral("LANG"));
    p.addOptions({test, model, asset, db, lang});
    p.process(app);
    Etabli::installLanguage(app, p.value(lang));
    const QStringList screens{QStringLiteral("keyboard"), QStringLiteral("screen"), QStringLiteral("audio")};
    if (!screens.contains(p.value(test))) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QCoreApplication::translate(
                "Station", "usage: etabli-station --test keyboard|screen|audio [--model M] [--asset TAG --db PATH]")));
        return 2;
    }
    const QString dbPath = Etabli::AppCore::inventoryPath(p.value(db));

    auto *station = Etabli::Station::Station::instance();
    station->configure(p.value(test), p.value(model), p.value(asset), dbPath);
    QObject::connect(station, &Etabli::Station::Station::quitRequested, &app, [&app, station] {
        if (!station->errorString().isEmpty()) {
            std::fprintf(stderr, "etabli-station: %s\n", qPrintable(station->errorString()));
            app.exit(3);
        } else {
            app.exit(0);
        }
    });

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Etabli/Station/Main.qml")));
    return app.exec();
}
