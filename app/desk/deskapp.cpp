// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/desk/deskapp.h"

#include "app/core/identity.h"
#include "app/desk/deskdemo.h"
#include "app/ui/theme.h"
#include "common/appdefaults.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickView>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>

namespace Etabli::Desk {

bool isDeskRole(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--role=desk") == 0)
            return true;
        if (std::strcmp(argv[i], "--role") == 0 && i + 1 < argc && std::strcmp(argv[i + 1], "desk") == 0)
            return true;
    }
    return false;
}

int runDeskRole(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("Station", "Établi distribution desk"));
    p.addHelpOption();
    const QCommandLineOption role(QStringLiteral("role"), QStringLiteral("desk"), QStringLiteral("ROLE"));
    const QCommandLineOption db(QStringLiteral("db"), QCoreApplication::translate("Station", "Inventory database"),
                                QStringLiteral("PATH"));
    const QCommandLineOption lang(QStringLiteral("lang"), QCoreApplication::translate("Station", "Language: fr or en"),
                                  QStringLiteral("LANG"));
    const QCommandLineOption ppi(QStringLiteral("panel-ppi"), QStringLiteral("ppi"), QStringLiteral("N"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("normal|high-contrast"),
                                   QStringLiteral("THEME"));
    const QCommandLineOption textScale(QStringLiteral("text-scale"), QStringLiteral("1..2"), QStringLiteral("F"));
    const QCommandLineOption windowed(QStringLiteral("windowed"), QStringLiteral("not full screen"));
    // deskui: a made-up desk store (demo families, READY kits) and the screen to open.
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("Station", "A demo desk with made-up families"));
    const QCommandLineOption screen(QStringLiteral("screen"), QStringLiteral("home|handover|grant|training|return"),
                                    QStringLiteral("NAME"));
    p.addOptions({role, db, lang, ppi, theme, textScale, windowed, demo, screen});
    p.process(app);
    Etabli::installLanguage(app, p.isSet(lang) ? p.value(lang) : QStringLiteral("fr"));

    auto *t = Ui::Theme::instance();
    Ui::Theme::loadFonts();
    bool ok = true;
    if (p.isSet(ppi)) {
        const double v = p.value(ppi).toDouble(&ok);
        if (!ok || v < 50 || v > 600) {
            std::fprintf(stderr, "etabli-station: --panel-ppi is a number from 50 to 600\n");
            return 2;
        }
        t->setPpi(v);
    }
    t->setHighContrast(p.value(theme) == QLatin1String("high-contrast"));
    if (p.isSet(textScale))
        t->setTextScale(qBound(1.0, p.value(textScale).toDouble(), 2.0));

    const QStringList pages{QStringLiteral("home"), QStringLiteral("handover"), QStringLiteral("grant"),
                            QStringLiteral("training"), QStringLiteral("return")};
    const QString page = p.isSet(screen) ? p.value(screen) : QStringLiteral("home");
    if (!pages.contains(page)) {
        std::fprintf(stderr, "etabli-station: --screen is one of %s\n", qPrintable(pages.join(QStringLiteral(", "))));
        return 2;
    }
    QString dbPath = AppCore::inventoryPath(p.value(db));
    QTemporaryDir demoDir;
    if (p.isSet(demo)) {
        dbPath = demoDir.filePath(QStringLiteral("desk-demo.sqlite"));
        if (auto d = makeDemoDesk(dbPath); !d) {
            std::fprintf(stderr, "etabli-station: demo desk: %s\n", qPrintable(d.error().message));
            return 6;
        }
    }

    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    // The window's name for assistive technologies (the AT-SPI frame).
    view.setTitle(QCoreApplication::translate("Station", "Établi distribution desk"));
    view.setInitialProperties({{QStringLiteral("dbPath"), dbPath},
                               {QStringLiteral("worker"), AppCore::workerFromEnvironment()},
                               {QStringLiteral("page"), page}});
    view.setSource(QUrl(QStringLiteral("qrc:/Etabli/Desk/DeskMain.qml")));
    if (view.status() != QQuickView::Ready)
        return 1;
    if (p.isSet(windowed))
        view.show();
    else
        view.showFullScreen();
    return app.exec();
}

} // namespace Etabli::Desk
