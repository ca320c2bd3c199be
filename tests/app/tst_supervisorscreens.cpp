// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The supervisor's screens (issue 13) offscreen over a real local store (the generated demo
// workshop of `--role supervisor --demo`): every screen (attention, asset detail, worker
// detail, figures with their filters, bilan, each administration page) in the 8 variants
// (1366x768 & 1920x1080, normal & high contrast, text 100 % & 200 %), saved as a PNG and
// failing on the bench's screen checks (tests/support/uicheck). Then what the screens do:
// the reads off the GUI thread (busy, the error in words and retry when the server does not
// answer), the period and lot filters, the detail reads, and each administration change as
// one event named after the supervisor.
#include "app/core/supervisordata.h"
#include "app/supervisor/demostore.h"
#include "app/ui/theme.h"
#include "inventory/store.h"
#include "tests/server/testserver.h"
#include "tests/support/uicheck.h"

#include <QApplication>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QQmlContext>
#include <QQmlExpression>
#include <QQuickItem>
#include <QQuickView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_SupervisorPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli;
namespace UiCheck = Etabli::Test::UiCheck;
using TestServer::http;
using TestServer::Reply;
using TestServer::ServerProcess;

namespace {

/// A screen: the tab, the detail to open and the administration section.
struct Screen {
    const char *name;
    int tab;
    const char *detail; // "", "asset" or "worker"
    const char *adminSection;
};
const Screen kScreens[] = {
    {"attention", 0, "", ""},
    {"asset", 0, "asset", ""},
    {"worker", 0, "worker", ""},
    {"figures", 1, "", ""},
    {"bilan", 2, "", ""},
    {"admin-workers", 3, "", "workers"},
    {"admin-steps", 3, "", "steps"},
    {"admin-settings", 3, "", "settings"},
    {"admin-keys", 3, "", "keys"},
    {"admin-worker-edit", 3, "", "edit"},
    {"figures-dates", 1, "", ""},
    {"admin-worker-help", 3, "", "help"},
};

QQuickItem *findPage(QQuickItem *root, const char *qmlType)
{
    const QList<QQuickItem *> children = root->childItems();
    for (QQuickItem *c : children) {
        if (QString::fromLatin1(c->metaObject()->className()).startsWith(QLatin1String(qmlType)))
            return c;
        if (QQuickItem *found = findPage(c, qmlType))
            return found;
    }
    return nullptr;
}

QList<Inventory::Event> eventsOfType(const QString &db, const QString &type)
{
    auto store = Inventory::Store::open(db, {QStringLiteral("office"), QStringLiteral("reader")});
    QList<Inventory::Event> out;
    if (!store)
        return out;
    for (const Inventory::Event &e : (*store)->events(0))
        if (e.type == type)
            out << e;
    return out;
}

} // namespace

class TestSupervisorScreens : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_db, m_shots, m_firstTag;

    std::unique_ptr<QQuickView> open(const QSize &size, const QString &db, QString *error)
    {
        auto view = UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Main.qml")), {}, size, error);
        if (!view)
            return view;
        QObject *board = view->rootObject()->property("board").value<QObject *>();
        board->setProperty("dbPath", db);
        board->setProperty("worker", QStringLiteral("sup1"));
        QMetaObject::invokeMethod(board, "refresh");
        bool idle = false;
        QMetaObject::invokeMethod(board, "waitIdle", Q_RETURN_ARG(bool, idle), Q_ARG(int, 30000));
        return view;
    }
    static QObject *boardOf(QQuickView &view) { return view.rootObject()->property("board").value<QObject *>(); }
    static void waitIdle(QObject *board)
    {
        bool idle = false;
        QMetaObject::invokeMethod(board, "waitIdle", Q_RETURN_ARG(bool, idle), Q_ARG(int, 30000));
        QVERIFY(idle);
    }

private Q_SLOTS:
    void initTestCase()
    {
        Ui::Theme::loadFonts();
        m_db = m_dir.filePath(QStringLiteral("office.sqlite"));
        m_shots = QDir(QStringLiteral(SCREENSHOT_DIR)).absolutePath();
        QDir().mkpath(m_shots);
        auto written = Supervisor::writeDemoStore(m_db);
        QVERIFY2(written, written ? "" : qPrintable(written.error().message));
        QCOMPARE(*written, 8);
        // A second run on the same file is refused and changes nothing.
        QVERIFY(!Supervisor::writeDemoStore(m_db));
        auto store = Inventory::Store::open(m_db, {QStringLiteral("office"), QStringLiteral("reader")});
        QVERIFY(store);
        for (const Inventory::Event &e : (*store)->events(0))
            if (e.type == QLatin1String("asset.added") && m_firstTag.isEmpty())
                m_firstTag = e.assetTag;
        QVERIFY(!m_firstTag.isEmpty());
    }

    void screens_data()
    {
        QTest::addColumn<int>("screen");
        QTest::addColumn<UiCheck::Variant>("variant");
        const QList<UiCheck::Variant> all = UiCheck::standardVariants();
        for (int i = 0; i < int(std::size(kScreens)); ++i)
            for (const UiCheck::Variant &v : all)
                QTest::addRow("%s-%s", kScreens[i].name, qPrintable(v.tag())) << i << v;
    }
    void screens()
    {
        QFETCH(int, screen);
        QFETCH(UiCheck::Variant, variant);
        const Screen &sc = kScreens[screen];
        UiCheck::ThemeScope theme(variant);
        QString error;
        auto view = open(variant.size, m_db, &error);
        QVERIFY2(view, qPrintable(error));
        QObject *board = boardOf(*view);
        QCOMPARE(board->property("errorString").toString(), QString());
        // The planted cases are on the home list, each row a button to its asset: three
        // duplicate serials and the erasure waiting for its second-person check.
        QStringList kinds;
        for (const QVariant &row : board->property("attention").toList())
            kinds << row.toMap().value(QStringLiteral("kind")).toString();
        kinds.sort();
        QCOMPARE(kinds.join(QLatin1Char(' ')),
                 QStringLiteral("duplicate_serial duplicate_serial duplicate_serial erasure_unchecked"));
        view->rootObject()->setProperty("page", sc.tab);
        if (qstrcmp(sc.detail, "asset") == 0) {
            QMetaObject::invokeMethod(board, "openAsset", Q_ARG(QString, m_firstTag));
            waitIdle(board);
            QVERIFY(!board->property("detail").toMap().value(QStringLiteral("history")).toList().isEmpty());
        } else if (qstrcmp(sc.detail, "worker") == 0) {
            QMetaObject::invokeMethod(board, "openWorker", Q_ARG(QString, QStringLiteral("B-12")));
            waitIdle(board);
            QVERIFY(!board->property("detail").toMap().value(QStringLiteral("history")).toList().isEmpty());
        }
        if (qstrlen(sc.adminSection) > 0) {
            QQuickItem *admin = findPage(view->rootObject(), "AdminPage");
            QVERIFY(admin);
            if (qstrcmp(sc.adminSection, "edit") == 0 || qstrcmp(sc.adminSection, "help") == 0) {
                admin->setProperty("section", QStringLiteral("workers"));
                const QVariantMap first = board->property("workers").toList().value(0).toMap();
                QVERIFY(!first.isEmpty());
                admin->setProperty("editing", first);
                if (qstrcmp(sc.adminSection, "help") == 0) {
                    QObject *editor = admin->findChild<QObject *>(QStringLiteral("editor"));
                    QVERIFY(editor);
                    editor->setProperty("part", QStringLiteral("help"));
                }
            } else {
                admin->setProperty("section", QLatin1String(sc.adminSection));
            }
        }
        if (qstrcmp(sc.name, "figures-dates") == 0) {
            QQuickItem *figures = findPage(view->rootObject(), "FiguresPage");
            QVERIFY(figures);
            QQuickItem *bar = findPage(figures, "PeriodBar");
            QVERIFY(bar);
            bar->setProperty("typing", true);
        }
        if (qstrncmp(sc.name, "figures", 7) == 0) {
            // The chart keeps its room at every size and text scale (4 cm at least) and shows
            // the 3 PCs of lot L2 that reached READY this month, also in its table.
            QQuickItem *figures = findPage(view->rootObject(), "FiguresPage");
            QQuickItem *chart = figures ? findPage(figures, "DeclarativeChart") : nullptr;
            QVERIFY(chart);
            QTRY_VERIFY(chart->height() >= Ui::Theme::instance()->mm(40) - 1);
            QVERIFY(chart->width() >= Ui::Theme::instance()->mm(60));
            // Its value axis runs from 0 to the largest value (3), in whole numbers.
            QQmlExpression range(
                qmlContext(chart), chart,
                QStringLiteral("[chart.axisY(bars).min, chart.axisY(bars).max, chart.axisY(bars).labelFormat]"));
            const QVariantList axis = range.evaluate().toList();
            QVERIFY2(!range.hasError(), qPrintable(range.error().toString()));
            QCOMPARE(axis.value(0).toDouble(), 0.0);
            QCOMPARE(axis.value(1).toDouble(), 3.0);
            QCOMPARE(axis.value(2).toString(), QStringLiteral("%d"));
            const QVariantList months = board->property("refurbishedPerMonth").toList();
            QCOMPARE(months.size(), 1);
            QCOMPARE(months[0].toMap().value(QStringLiteral("value")).toInt(), 3);
        }
        UiCheck::Options options;
        options.pngPath = m_shots + QStringLiteral("/supervisor-%1-%2.png").arg(QLatin1String(sc.name), variant.tag());
        options.requireControls = true;
        UICHECK_VERIFY(UiCheck::checkAtSize(*view, variant.size, options));
    }

    // A server that does not answer: the read ends (off the GUI thread), the error is said
    // in words with a retry button, and the screens still pass their checks.
    void serverDown()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close(); // nobody listens there now
        UiCheck::Variant variant;
        UiCheck::ThemeScope theme(variant);
        auto view = UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Main.qml")), {}, variant.size);
        QVERIFY(view);
        QObject *board = boardOf(*view);
        board->setProperty("serverUrl", QStringLiteral("http://127.0.0.1:%1").arg(port));
        board->setProperty("token", QStringLiteral("x"));
        QMetaObject::invokeMethod(board, "refresh");
        QVERIFY(board->property("busy").toBool()); // the read runs elsewhere: the GUI is free
        waitIdle(board);
        QVERIFY(!board->property("busy").toBool());
        const QString error = board->property("errorString").toString();
        QVERIFY2(error.contains(QLatin1String("127.0.0.1")), qPrintable(error));
        QQuickItem *retry = view->rootObject()->findChild<QQuickItem *>(QStringLiteral("retry"));
        QVERIFY(retry);
        QVERIFY(retry->isVisible());
        UiCheck::Options options;
        options.pngPath = m_shots + QStringLiteral("/supervisor-server-down-%1.png").arg(variant.tag());
        UICHECK_VERIFY(UiCheck::checkAtSize(*view, variant.size, options));
        // Retry reads again (still no server: the same words, and busy ends again).
        QMetaObject::invokeMethod(retry, "clicked");
        waitIdle(board);
        QVERIFY(!board->property("errorString").toString().isEmpty());
    }

    void periodAndLot()
    {
        QString error;
        auto view = open({1366, 768}, m_db, &error);
        QVERIFY2(view, qPrintable(error));
        QObject *board = boardOf(*view);
        const QDate today = QDate::currentDate();
        QMetaObject::invokeMethod(board, "setPeriod", Q_ARG(QString, QStringLiteral("previous_year")));
        waitIdle(board);
        QCOMPARE(board->property("from").toString(), QDate(today.year() - 1, 1, 1).toString(Qt::ISODate));
        QCOMPARE(board->property("to").toString(), QDate(today.year() - 1, 12, 31).toString(Qt::ISODate));
        // Nothing was received last year.
        QCOMPARE(board->property("figures")
                     .toMap()
                     .value(QStringLiteral("period"))
                     .toMap()
                     .value(QStringLiteral("from"))
                     .toString(),
                 QDate(today.year() - 1, 1, 1).toString(Qt::ISODate));
        QMetaObject::invokeMethod(board, "setPeriod", Q_ARG(QString, QStringLiteral("month")));
        waitIdle(board);
        QCOMPARE(board->property("from").toString(), QDate(today.year(), today.month(), 1).toString(Qt::ISODate));
        // The lot filter reaches the figures: L2 holds 3 of the 8 PCs.
        const auto received = [board] {
            int n = 0;
            const QVariantMap states = board->property("figures").toMap().value(QStringLiteral("state_counts")).toMap();
            for (const QVariant &v : states)
                n += v.toInt();
            return n;
        };
        QCOMPARE(received(), 8);
        board->setProperty("lot", QStringLiteral("L2"));
        QMetaObject::invokeMethod(board, "refresh");
        waitIdle(board);
        QCOMPARE(received(), 3);
        // A bad date changes nothing.
        board->setProperty("from", QStringLiteral("2026-13-45"));
        QCOMPARE(board->property("from").toString(), QDate(today.year(), today.month(), 1).toString(Qt::ISODate));
    }

    void details()
    {
        QString error;
        auto view = open({1366, 768}, m_db, &error);
        QVERIFY2(view, qPrintable(error));
        QObject *board = boardOf(*view);
        // The kinds with their counts; one kind chosen shows its rows alone (issue 17).
        QCOMPARE(board->property("attentionTotal").toInt(), 4);
        QStringList kinds;
        for (const QVariant &k : board->property("attentionKinds").toList())
            kinds << k.toMap().value(QStringLiteral("kind")).toString() + QLatin1Char('=')
                    + k.toMap().value(QStringLiteral("count")).toString();
        QCOMPARE(kinds.join(QLatin1Char(' ')), QStringLiteral("erasure_unchecked=1 duplicate_serial=3"));
        QMetaObject::invokeMethod(board, "showAttentionKind", Q_ARG(QString, QStringLiteral("duplicate_serial")));
        waitIdle(board);
        QCOMPARE(board->property("attentionKind").toString(), QStringLiteral("duplicate_serial"));
        QCOMPARE(board->property("attentionCount").toInt(), 3);
        QCOMPARE(board->property("attentionTotal").toInt(), 4);
        QCOMPARE(board->property("attention").toList().size(), 3);
        for (const QVariant &r : board->property("attention").toList())
            QCOMPARE(r.toMap().value(QStringLiteral("kind")).toString(), QStringLiteral("duplicate_serial"));
        UiCheck::Options options;
        options.pngPath = m_shots + QStringLiteral("/supervisor-attention-kind.png");
        options.requireControls = true;
        UICHECK_VERIFY(UiCheck::checkAtSize(*view, {1366, 768}, options));
        QMetaObject::invokeMethod(board, "showAttentionKind", Q_ARG(QString, QString()));
        waitIdle(board);
        QCOMPARE(board->property("attention").toList().size(), 4);
        // Clicking an attention row opens its asset.
        QQuickItem *attention = findPage(view->rootObject(), "AttentionPage");
        QVERIFY(attention);
        QVariantMap row;
        for (const QVariant &r : board->property("attention").toList())
            if (r.toMap().value(QStringLiteral("kind")) == QStringLiteral("duplicate_serial") && row.isEmpty())
                row = r.toMap();
        QMetaObject::invokeMethod(board, "openAsset", Q_ARG(QString, row.value(QStringLiteral("id")).toString()));
        waitIdle(board);
        QCOMPARE(board->property("detailKind").toString(), QStringLiteral("asset"));
        const QVariantMap asset = board->property("detail").toMap();
        QCOMPARE(asset.value(QStringLiteral("state")).toString(),
                 QStringLiteral("TESTING")); // a duplicate serial, still in test
        QCOMPARE(asset.value(QStringLiteral("tests")).toList().size(), 1);
        QStringList words;
        for (const QVariant &h : asset.value(QStringLiteral("history")).toList())
            words << h.toMap().value(QStringLiteral("words")).toString();
        QVERIFY2(words.contains(QStringLiteral("Received in lot L1")), qPrintable(words.join(QLatin1Char('|'))));
        QVERIFY2(words.contains(QStringLiteral("Test ram: passed")), qPrintable(words.join(QLatin1Char('|'))));
        // A worker: what they did in the period (Ana recorded 4 of the 8 PCs).
        QMetaObject::invokeMethod(board, "openWorker", Q_ARG(QString, QStringLiteral("B-12")));
        waitIdle(board);
        auto direct = AppCore::Supervisor::workerDetail({QUrl(), QString(), nullptr}, QStringLiteral("B-12"),
                                                        QDate::currentDate(), QDate::currentDate());
        QVERIFY(!direct); // no source: a clear error, not a crash
        const QVariantMap worker = board->property("detail").toMap();
        int added = 0;
        for (const QVariant &h : worker.value(QStringLiteral("history")).toList())
            added += h.toMap().value(QStringLiteral("type")).toString() == QLatin1String("asset.added");
        QCOMPARE(added, 4);
        QVERIFY(worker.value(QStringLiteral("title")).toString().contains(QLatin1String("Ana")));
        // A station (from a "not synced" row): what it recorded, 8 PCs received.
        QMetaObject::invokeMethod(board, "openStation", Q_ARG(QString, QStringLiteral("bench-1")));
        waitIdle(board);
        QCOMPARE(board->property("detailKind").toString(), QStringLiteral("station"));
        int received = 0;
        for (const QVariant &h : board->property("detail").toMap().value(QStringLiteral("history")).toList())
            received += h.toMap().value(QStringLiteral("type")).toString() == QLatin1String("asset.added");
        QCOMPARE(received, 8);
        QMetaObject::invokeMethod(board, "closeDetail");
        QCOMPARE(board->property("detailKind").toString(), QString());
        // An asset that does not exist: said in words, no detail.
        QMetaObject::invokeMethod(board, "openAsset", Q_ARG(QString, QStringLiteral("NOPE")));
        waitIdle(board);
        QVERIFY(!board->property("errorString").toString().isEmpty());
        QVERIFY(board->property("detail").toMap().isEmpty());
    }

    void administration()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("admin.sqlite"));
        QVERIFY(Supervisor::writeDemoStore(db));
        QString error;
        auto view = open({1366, 768}, db, &error);
        QVERIFY2(view, qPrintable(error));
        QObject *board = boardOf(*view);
        // A worker changed on screen: one worker.updated made by the supervisor logged in.
        QMetaObject::invokeMethod(board, "updateWorker", Q_ARG(QString, QStringLiteral("B-13")),
                                  Q_ARG(QVariantMap,
                                        (QVariantMap{{QStringLiteral("display_name"), QStringLiteral("Bruno L.")},
                                                     {QStringLiteral("role"), QStringLiteral("desk")},
                                                     {QStringLiteral("guidance"), 1},
                                                     {QStringLiteral("active"), false}})));
        waitIdle(board);
        QCOMPARE(board->property("message").toString(), QString());
        auto updated = eventsOfType(db, QStringLiteral("worker.updated"));
        QCOMPARE(updated.size(), 1);
        QCOMPARE(updated[0].worker, QStringLiteral("sup1"));
        QCOMPARE(updated[0].payload.value(QStringLiteral("role")).toString(), QStringLiteral("desk"));
        QCOMPARE(updated[0]
                     .payload.value(QStringLiteral("accessibility"))
                     .toObject()
                     .value(QStringLiteral("guidance"))
                     .toInt(),
                 1);
        QCOMPARE(updated[0].payload.value(QStringLiteral("active")).toBool(true), false);
        bool seen = false;
        for (const QVariant &w : board->property("workers").toList())
            if (w.toMap().value(QStringLiteral("badge")) == QStringLiteral("B-13")) {
                seen = true;
                QCOMPARE(w.toMap().value(QStringLiteral("active")).toBool(), false);
                QCOMPARE(w.toMap().value(QStringLiteral("guidance")).toInt(), 1);
            }
        QVERIFY(seen);
        // A new badge is a worker.added.
        QMetaObject::invokeMethod(board, "updateWorker", Q_ARG(QString, QStringLiteral("B-20")),
                                  Q_ARG(QVariantMap,
                                        (QVariantMap{{QStringLiteral("display_name"), QStringLiteral("Dora")},
                                                     {QStringLiteral("role"), QStringLiteral("worker")}})));
        waitIdle(board);
        QCOMPARE(eventsOfType(db, QStringLiteral("worker.added")).size(), 4);
        // Bad input is said and changes nothing (a role the rules refuse).
        QMetaObject::invokeMethod(board, "updateWorker", Q_ARG(QString, QStringLiteral("B-12")),
                                  Q_ARG(QVariantMap, (QVariantMap{{QStringLiteral("role"), QStringLiteral("king")}})));
        waitIdle(board);
        QVERIFY(!board->property("message").toString().isEmpty());
        QCOMPARE(eventsOfType(db, QStringLiteral("worker.updated")).size(), 1);

        // Bench steps: the second step moved up, then switched off.
        const QVariantList before = board->property("benchSteps").toList();
        QVERIFY(before.size() >= 3);
        QCOMPARE(before.last().toMap().value(QStringLiteral("step")).toString(), QStringLiteral("done"));
        QMetaObject::invokeMethod(board, "editStep", Q_ARG(int, 1), Q_ARG(int, -1));
        waitIdle(board);
        const QVariantList moved = board->property("benchSteps").toList();
        QCOMPARE(moved[0].toMap().value(QStringLiteral("step")), before[1].toMap().value(QStringLiteral("step")));
        QCOMPARE(moved[1].toMap().value(QStringLiteral("step")), before[0].toMap().value(QStringLiteral("step")));
        QMetaObject::invokeMethod(board, "editStep", Q_ARG(int, 0), Q_ARG(int, 0));
        waitIdle(board);
        QCOMPARE(board->property("benchSteps").toList()[0].toMap().value(QStringLiteral("on")).toBool(), false);
        // `done` never moves.
        QMetaObject::invokeMethod(board, "editStep", Q_ARG(int, int(before.size()) - 1), Q_ARG(int, -1));
        waitIdle(board);
        QVERIFY(!board->property("message").toString().isEmpty());
        const auto configured = eventsOfType(db, QStringLiteral("workshop.configured"));
        QCOMPARE(configured.size(), 3); // the demo's settings, then the two step edits
        QCOMPARE(configured.last().worker, QStringLiteral("sup1"));
        QVERIFY(configured.last().payload.contains(QStringLiteral("bench_steps")));

        // Minimum PC, master and label: the workshop shows them back.
        QMetaObject::invokeMethod(board, "configure", Q_ARG(QString, QStringLiteral("min_spec")),
                                  Q_ARG(QVariant, QVariant(QVariantMap{{QStringLiteral("ram_gb"), 8}})));
        QMetaObject::invokeMethod(board, "configure", Q_ARG(QString, QStringLiteral("master_version")),
                                  Q_ARG(QVariant, QStringLiteral("2026.12")));
        waitIdle(board);
        const QVariantMap ws = board->property("workshop").toMap();
        QCOMPARE(ws.value(QStringLiteral("min_spec")).toMap().value(QStringLiteral("ram_gb")).toInt(), 8);
        QCOMPARE(ws.value(QStringLiteral("master_version")).toString(), QStringLiteral("2026.12"));
        // Keys live on the server: over a local store the screen says so.
        QCOMPARE(board->property("tokensAvailable").toBool(), false);
    }

    void benchStepEdits_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("delta");
        QTest::addColumn<bool>("ok");
        QTest::newRow("first up") << 0 << -1 << false;
        QTest::newRow("first down") << 0 << 1 << true;
        QTest::newRow("second up") << 1 << -1 << true;
        QTest::newRow("before done down") << 11 << 1 << false;
        QTest::newRow("done off") << 12 << 0 << false;
        QTest::newRow("toggle") << 3 << 0 << true;
        QTest::newRow("jump") << 3 << 2 << false;
        QTest::newRow("outside") << 40 << 0 << false;
    }
    void benchStepEdits()
    {
        QFETCH(int, index);
        QFETCH(int, delta);
        QFETCH(bool, ok);
        const QJsonArray steps = AppCore::Supervisor::benchStepsForEditing({});
        QCOMPARE(steps.size(), 13);
        QCOMPARE(steps.last().toObject().value(QStringLiteral("step")).toString(), QStringLiteral("done"));
        auto edited = AppCore::Supervisor::editBenchSteps(steps, index, delta);
        QCOMPARE(bool(edited), ok);
        if (ok && delta != 0) {
            QCOMPARE(edited->at(index + delta), steps.at(index));
            QCOMPARE(edited->at(index), steps.at(index + delta));
        } else if (ok) {
            QCOMPARE(edited->at(index).toObject().value(QStringLiteral("on")).toBool(), false);
        }
        // A configured order keeps its order; the steps it left out follow, off.
        const QJsonArray configured = AppCore::Supervisor::benchStepsForEditing(
            {{QStringLiteral("bench_steps"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("step"), QStringLiteral("disk")}, {QStringLiteral("on"), true}},
                  QJsonObject{{QStringLiteral("step"), QStringLiteral("nonsense")}},
                  QJsonObject{{QStringLiteral("step"), QStringLiteral("ram")}, {QStringLiteral("on"), false}}}}});
        QCOMPARE(configured.size(), 13);
        QCOMPARE(configured[0].toObject().value(QStringLiteral("step")).toString(), QStringLiteral("disk"));
        QCOMPARE(configured[1].toObject().value(QStringLiteral("on")).toBool(), false);
        QCOMPARE(configured[2].toObject().value(QStringLiteral("on")).toBool(), false);
    }

    // The detail screens' reads are also `etabli admin asset TAG` and `admin activity
    // worker|station ID` (JSON), over the same use-cases.
    void cliDetails()
    {
        const auto etabli = [this](const QStringList &args, int *code) {
            QProcess p;
            p.start(QStringLiteral(ETABLI_CLI), QStringList{QStringLiteral("--db"), m_db} + args);
            p.waitForFinished(30000);
            *code = p.exitCode();
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        int code = -1;
        const QJsonObject asset = etabli({QStringLiteral("admin"), QStringLiteral("asset"), m_firstTag}, &code);
        QCOMPARE(code, 0);
        QCOMPARE(asset.value(QStringLiteral("asset")).toObject().value(QStringLiteral("tag")).toString(), m_firstTag);
        QVERIFY(asset.value(QStringLiteral("history")).toArray().size() >= 4);
        const QJsonObject worker
            = etabli({QStringLiteral("admin"), QStringLiteral("activity"), QStringLiteral("worker"),
                      QStringLiteral("B-12"), QStringLiteral("--from"), QDate::currentDate().toString(Qt::ISODate)},
                     &code);
        QCOMPARE(code, 0);
        QCOMPARE(worker.value(QStringLiteral("counts")).toObject().value(QStringLiteral("asset.added")).toInt(), 4);
        const QJsonObject station = etabli(
            {QStringLiteral("admin"), QStringLiteral("activity"), QStringLiteral("station"), QStringLiteral("bench-1")},
            &code);
        QCOMPARE(code, 0);
        QCOMPARE(station.value(QStringLiteral("counts")).toObject().value(QStringLiteral("asset.added")).toInt(), 8);
        // A tag that is not one (wrong check character) and a bad date: bad input (2).
        etabli({QStringLiteral("admin"), QStringLiteral("asset"), QStringLiteral("ETB-999999-X")}, &code);
        QCOMPARE(code, 2);
        etabli({QStringLiteral("admin"), QStringLiteral("activity"), QStringLiteral("worker"), QStringLiteral("B-12"),
                QStringLiteral("--from"), QStringLiteral("2026-02-30")},
               &code);
        QCOMPARE(code, 2);
    }

    // The same screens over a real etabli-server (SQLite): the demo's events pushed with a
    // station token, then the board reads everything off the GUI thread, opens an asset
    // (its history pulled from the event log page by page) and makes and revokes a key.
    void overServer()
    {
        QTemporaryDir dir;
        ServerProcess server;
        server.db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("central.sqlite"));
        const QString super
            = ServerProcess::createToken(server.db, QStringLiteral("supervisor"), QStringLiteral("sup"));
        const QString bench
            = ServerProcess::createToken(server.db, QStringLiteral("station"), QStringLiteral("bench-1"));
        QVERIFY(!super.isEmpty() && !bench.isEmpty());
        QVERIFY2(server.start(), qPrintable(server.output));
        {
            auto store = Inventory::Store::open(m_db, {QStringLiteral("office"), QStringLiteral("reader")});
            QVERIFY(store);
            QJsonArray settings, events; // the workshop's settings are the supervisor's to push
            for (const Inventory::Event &e : (*store)->events(0)) {
                QJsonObject o = Inventory::toJson(e);
                o.remove(QStringLiteral("seq"));
                o.remove(QStringLiteral("status"));
                (e.type == QLatin1String("workshop.configured") ? settings : events).append(o);
            }
            for (const auto &[token, batch] : {std::pair{super, settings}, std::pair{bench, events}}) {
                const Reply pushed = http(server.url(), "POST", QStringLiteral("/api/v1/events"), token,
                                          QJsonDocument(QJsonObject{{QStringLiteral("events"), batch}}).toJson());
                QVERIFY2(pushed.status == 200, pushed.body.constData());
            }
            // A station token cannot read the supervisor's attention list.
            QCOMPARE(http(server.url(), "GET", QStringLiteral("/api/v1/attention"), bench).status, 403);
        }
        UiCheck::Variant variant;
        UiCheck::ThemeScope theme(variant);
        auto view = UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Supervisor/Main.qml")), {}, variant.size);
        QVERIFY(view);
        QObject *board = boardOf(*view);
        board->setProperty("serverUrl", server.url());
        board->setProperty("token", super);
        board->setProperty("worker", QStringLiteral("sup1"));
        QMetaObject::invokeMethod(board, "refresh");
        waitIdle(board);
        QCOMPARE(board->property("errorString").toString(), QString());
        QVERIFY(board->property("attention").toList().size() >= 3);
        QCOMPARE(board->property("tokensAvailable").toBool(), true);
        QMetaObject::invokeMethod(board, "openAsset", Q_ARG(QString, m_firstTag));
        waitIdle(board);
        QCOMPARE(board->property("errorString").toString(), QString());
        QVERIFY(board->property("detail").toMap().value(QStringLiteral("history")).toList().size() >= 4);
        QMetaObject::invokeMethod(board, "closeDetail");
        // Keys: make one for a bench (the secret is said once), then revoke it.
        QMetaObject::invokeMethod(board, "issueToken", Q_ARG(QString, QStringLiteral("bench-9")),
                                  Q_ARG(QString, QStringLiteral("station")));
        waitIdle(board);
        QVERIFY2(board->property("message").toString().contains(QLatin1String("bench-9")),
                 qPrintable(board->property("message").toString()));
        const auto keyOf = [board](const QString &name) {
            for (const QVariant &t : board->property("tokens").toList())
                if (t.toMap().value(QStringLiteral("name")).toString() == name)
                    return t.toMap();
            return QVariantMap();
        };
        QVERIFY(!keyOf(QStringLiteral("bench-9")).isEmpty());
        QVERIFY(!keyOf(QStringLiteral("bench-9")).value(QStringLiteral("revoked_at")).isValid()
                || keyOf(QStringLiteral("bench-9")).value(QStringLiteral("revoked_at")).isNull());
        QMetaObject::invokeMethod(board, "revokeToken", Q_ARG(QString, QStringLiteral("bench-9")));
        waitIdle(board);
        QVERIFY(!keyOf(QStringLiteral("bench-9")).value(QStringLiteral("revoked_at")).toString().isEmpty());
        // An administration change over the server: one worker.updated named after sup1.
        QMetaObject::invokeMethod(board, "updateWorker", Q_ARG(QString, QStringLiteral("B-12")),
                                  Q_ARG(QVariantMap, (QVariantMap{{QStringLiteral("guidance"), 3}})));
        waitIdle(board);
        QCOMPARE(board->property("message").toString(), QString());
        const Reply pulled = http(server.url(), "GET", QStringLiteral("/api/v1/events?since=0&limit=5000"), super);
        int updates = 0;
        for (const QJsonValue &v : pulled.json().value(QStringLiteral("events")).toArray())
            if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1String("worker.updated")) {
                ++updates;
                QCOMPARE(v.toObject().value(QStringLiteral("worker")).toString(), QStringLiteral("sup1"));
            }
        QCOMPARE(updates, 1);
        UiCheck::Options options;
        view->rootObject()->setProperty("page", 3);
        QQuickItem *admin = findPage(view->rootObject(), "AdminPage");
        QVERIFY(admin);
        admin->setProperty("section", QStringLiteral("keys"));
        options.pngPath = m_shots + QStringLiteral("/supervisor-admin-keys-server-%1.png").arg(variant.tag());
        UICHECK_VERIFY(UiCheck::checkAtSize(*view, variant.size, options));
    }

    void bilanExports()
    {
        QString error;
        auto view = open({1366, 768}, m_db, &error);
        QVERIFY(view);
        QObject *board = boardOf(*view);
        for (const char *format : {"pdf", "csv", "json"}) {
            const QString path = m_dir.filePath(QStringLiteral("bilan.") + QLatin1String(format));
            QString failure;
            QVERIFY(QMetaObject::invokeMethod(board, "exportBilan", Q_RETURN_ARG(QString, failure),
                                              Q_ARG(QString, QLatin1String(format)), Q_ARG(QString, path)));
            QVERIFY2(failure.isEmpty(), qPrintable(failure));
            QVERIFY(QFileInfo(path).size() > 0);
        }
    }
};

QTEST_MAIN(TestSupervisorScreens)
#include "tst_supervisorscreens.moc"
