// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The supervisor's screens (issue 13) offscreen over a real local store with planted
// attention cases: each page rendered and saved as a PNG, with the bench's screen checks
// (tests/support/uicheck: sizes in mm, gaps, clipping, contrast, accessible names, 200 % text).
#include "app/ui/theme.h"
#include "inventory/store.h"
#include "tests/support/uicheck.h"

#include <QApplication>

#include <QDir>
#include <QQuickItem>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_SupervisorPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli;
namespace UiCheck = Etabli::Test::UiCheck;

class TestSupervisorScreens : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db, m_shots;

private Q_SLOTS:
    void initTestCase()
    {
        Ui::Theme::loadFonts();
        m_db = m_dir.filePath(QStringLiteral("office.sqlite"));
        m_shots = QDir(QStringLiteral(SCREENSHOT_DIR)).absolutePath();
        QDir().mkpath(m_shots);
        auto store = Inventory::Store::open(m_db, {QStringLiteral("office"), QStringLiteral("sup1")});
        QVERIFY(store);
        Inventory::Store &s = **store;
        QVERIFY(s.addDonor(QStringLiteral("Banque Rhône")));
        QVERIFY(s.addLot(QStringLiteral("L1"), QStringLiteral("Banque Rhône"), 10));
        QVERIFY(s.recordGeneral(QStringLiteral("worker.added"),
                                {{QStringLiteral("badge"), QStringLiteral("B-12")},
                                 {QStringLiteral("display_name"), QStringLiteral("Ana")},
                                 {QStringLiteral("role"), QStringLiteral("worker")}}));
        for (int i = 0; i < 3; ++i) {
            Inventory::NewAsset a;
            a.lot = QStringLiteral("L1");
            a.model = QStringLiteral("OptiPlex");
            a.serial = QStringLiteral("SAME"); // duplicate serials: attention rows
            auto added = s.addAsset(a);
            QVERIFY(added);
            QVERIFY(s.moveAsset(added->tag, Inventory::AssetState::Testing));
            QVERIFY(s.record(QStringLiteral("hs.recorded"), added->tag,
                             {{QStringLiteral("part"), QStringLiteral("ram")},
                              {QStringLiteral("reason"), QStringLiteral("ram_failing")}}));
        }
    }

    void pages_data()
    {
        QTest::addColumn<int>("page");
        QTest::addColumn<UiCheck::Variant>("variant");
        const char *names[] = {"attention", "figures", "bilan", "admin"};
        const QList<UiCheck::Variant> all = UiCheck::standardVariants();
        for (int page = 0; page < 4; ++page)
            for (const UiCheck::Variant &v : all)
                if (page == 0 || (v.size.width() == 1366 && v.highContrast == (v.textScale > 1)))
                    QTest::addRow("%s-%s", names[page], qPrintable(v.tag())) << page << v;
    }
    void pages()
    {
        QFETCH(int, page);
        QFETCH(UiCheck::Variant, variant);
        UiCheck::ThemeScope theme(variant);
        QString error;
        auto view
            = UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Main.qml")), {}, variant.size, &error);
        QVERIFY2(view, qPrintable(error));
        QObject *board = view->rootObject()->property("board").value<QObject *>();
        QVERIFY(board);
        board->setProperty("dbPath", m_db);
        QVERIFY(QMetaObject::invokeMethod(board, "refresh"));
        QCOMPARE(board->property("errorString").toString(), QString());
        // The planted duplicate serials are on the home list, each row a button to its asset.
        QCOMPARE(board->property("attention").toList().size(), 3);
        view->rootObject()->setProperty("page", page);
        const char *names[] = {"attention", "figures", "bilan", "admin"};
        UiCheck::Options options;
        options.pngPath
            = m_shots + QStringLiteral("/supervisor-%1-%2.png").arg(QLatin1String(names[page]), variant.tag());
        options.requireControls = true;
        UICHECK_VERIFY(UiCheck::checkAtSize(*view, variant.size, options));
    }

    void bilanExports()
    {
        auto view = UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Main.qml")));
        QVERIFY(view);
        QObject *board = view->rootObject()->property("board").value<QObject *>();
        board->setProperty("dbPath", m_db);
        QMetaObject::invokeMethod(board, "refresh");
        for (const char *format : {"pdf", "csv", "json"}) {
            const QString path = m_dir.filePath(QStringLiteral("bilan.") + QLatin1String(format));
            QString error;
            QVERIFY(QMetaObject::invokeMethod(board, "exportBilan", Q_RETURN_ARG(QString, error),
                                              Q_ARG(QString, QLatin1String(format)), Q_ARG(QString, path)));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
        }
    }
};

QTEST_MAIN(TestSupervisorScreens)
#include "tst_supervisorscreens.moc"
