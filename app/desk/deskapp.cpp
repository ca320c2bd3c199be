// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/desk/deskapp.h"

#include "app/core/identity.h"
#include "app/ui/theme.h"
#include "common/appdefaults.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickView>

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
    p.addOptions({role, db, lang, ppi, theme, textScale, windowed});
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

    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setInitialProperties({{QStringLiteral("dbPath"), AppCore::inventoryPath(p.value(db))},
                               {QStringLiteral("worker"), AppCore::workerFromEnvironment()}});
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
