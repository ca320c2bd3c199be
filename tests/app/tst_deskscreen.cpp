// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The desk screen (Etabli.Desk) offscreen on a real desk store: scanner bursts of key
// events reach the ScanField, the session answers each scan (pass, fail, warning), a
// warning is confirmed with one touch, a witnessed handover is recorded; screenshots of
// each step are saved, and the controls meet the bench's size rules (12 mm, 20 mm for
// the main action) with an accessible name.
#include "app/core/desk.h"
#include "app/desk/desksession.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "inventory/assettag.h"
#include "inventory/store.h"
#include "tests/support/recordingspeaker.h"
#include "tests/support/uicheck.h"

#include <QDir>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_DeskPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

QString tag(int n)
{
    return AssetTag::make(QStringLiteral("BCL"), n);
}

Event remote(const QString &type, const QString &t, const QJsonObject &payload)
{
    static int n = 0;
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = QStringLiteral("bench-1");
    e.worker = QStringLiteral("w");
    e.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + ++n);
    e.type = type;
    e.assetTag = t;
    e.payload = payload;
    return e;
}

/// A scanner's burst: every key back to back, then Enter.
void burst(QWindow *w, const QString &text)
{
    for (QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QGuiApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QGuiApplication::sendEvent(w, &release);
    }
    QTest::keyClick(w, Qt::Key_Return);
}

void collect(QQuickItem *item, QList<QQuickItem *> &out)
{
    out << item;
    const QList<QQuickItem *> children = item->childItems();
    for (QQuickItem *c : children)
        collect(c, out);
}

QQuickItem *find(QQuickItem *root, const QString &name)
{
    QList<QQuickItem *> all;
    collect(root, all);
    for (QQuickItem *i : std::as_const(all))
        if (i->objectName() == name)
            return i;
    return nullptr;
}

} // namespace

class TestDeskScreen : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void handoverByScans();
    void accessibility_data();
    void accessibility();

private:
    Test::RecordingSpeaker m_speaker;
    QTemporaryDir m_dir;
    QString m_db, m_voucher, m_shots;
};

void TestDeskScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Ui::Theme::loadFonts();
    Ui::Speech::instance()->setSpeaker(&m_speaker); // no real voice in a test
    m_shots = QDir::tempPath() + QStringLiteral("/etabli-desk-screens");
    QDir().mkpath(m_shots);
    m_db = m_dir.filePath(QStringLiteral("desk.sqlite"));
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
    QVERIFY(store);
    Store &s = **store;
    QVERIFY(s.setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")));
    QVERIFY(
        s.applyRemote(remote(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QStringLiteral("L1")}})));
    const QList<QPair<int, const char *>> assets{{1, "pc"}, {2, "screen"}, {3, "keyboard"}, {4, "mouse"}, {5, "pc"}};
    for (const auto &[n, kind] : assets) {
        QVERIFY(s.applyRemote(remote(QStringLiteral("asset.added"), tag(n),
                                     {{QStringLiteral("tag"), tag(n)},
                                      {QStringLiteral("kind"), QLatin1String(kind)},
                                      {QStringLiteral("lot"), QStringLiteral("L1")}})));
        for (const auto &[from, to] : {std::pair{"RECEIVED", "TESTING"}, std::pair{"TESTING", "READY"}})
            QVERIFY(s.applyRemote(
                remote(QStringLiteral("asset.moved"), tag(n),
                       {{QStringLiteral("from"), QLatin1String(from)}, {QStringLiteral("to"), QLatin1String(to)}})));
    }
    QVERIFY(s.recordGeneral(QStringLiteral("beneficiary.added"),
                            {{QStringLiteral("reference"), QStringLiteral("P-1")},
                             {QStringLiteral("school"), QStringLiteral("Jaurès")},
                             {QStringLiteral("pupil_name"), QStringLiteral("Léa Martin")},
                             {QStringLiteral("parent_name"), QStringLiteral("Sophie Martin")}}));
    auto v = AppCore::Desk::issueVouchers(s, {QStringLiteral("Jaurès"), {}, 15, {}});
    QVERIFY(v && v->size() == 1);
    m_voucher = v->first().id;
}

void TestDeskScreen::handoverByScans()
{
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setInitialProperties({{QStringLiteral("dbPath"), m_db}, {QStringLiteral("worker"), QStringLiteral("Nadia")}});
    view.setSource(QUrl(QStringLiteral("qrc:/Etabli/Desk/DeskMain.qml")));
    QCOMPARE(view.status(), QQuickView::Ready);
    view.resize(1280, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *session = view.rootObject()->property("session").value<Desk::DeskSession *>();
    QVERIFY(session);
    QQuickItem *field = find(view.rootObject(), QStringLiteral("scanField"));
    QVERIFY(field);
    field->forceActiveFocus();
    QTRY_VERIFY(field->hasActiveFocus());
    const auto shot = [&](const char *name) {
        QVERIFY(view.grabWindow().save(m_shots + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png")));
    };
    shot("1-start");

    burst(&view, m_voucher);
    QCOMPARE(session->stage(), Desk::DeskSession::Stage::Kit);
    QCOMPARE(session->family(), QStringLiteral("Léa Martin"));
    QCOMPARE(session->tone(), Desk::DeskSession::Tone::Pass);
    for (int n = 1; n <= 4; ++n) {
        burst(&view, tag(n));
        QCOMPARE(session->tone(), Desk::DeskSession::Tone::Pass);
    }
    QCOMPARE(session->items().size(), 4);
    shot("2-kit");
    // A second PC: a hard block, nothing added.
    burst(&view, tag(5));
    QCOMPARE(session->tone(), Desk::DeskSession::Tone::Fail);
    QCOMPARE(session->items().size(), 4);
    QCOMPARE(m_speaker.last(), session->message()); // said aloud too
    shot("3-refused");
    // No speakers: one touch confirms.
    QCOMPARE(session->warnings(), QStringList{QStringLiteral("no_speakers")});
    QTest::qWait(50);
    QQuickItem *handOver = find(view.rootObject(), QStringLiteral("handOverButton"));
    QVERIFY(handOver);

    // The size rules at 96 ppi: every button at least 12 mm, the main action 20 mm, named.
    QList<QQuickItem *> all;
    collect(view.rootObject(), all);
    int buttons = 0;
    for (QQuickItem *i : std::as_const(all)) {
        if (!i->isVisible() || !i->inherits("QQuickAbstractButton"))
            continue;
        ++buttons;
        const qreal min = Ui::Theme::instance()->mm(i->property("main").toBool() ? 20 : 12) - 0.5;
        QVERIFY2(i->width() >= min && i->height() >= min, qPrintable(i->property("text").toString()));
        QVERIFY(!i->property("text").toString().isEmpty());
    }
    QVERIFY(buttons >= 4);

    session->confirm(QStringLiteral("no_speakers"));
    QVERIFY(session->warnings().isEmpty());
    QQuickItem *witness = find(view.rootObject(), QStringLiteral("witnessButton"));
    QVERIFY(witness);
    witness->setProperty("checked", true);
    shot("4-confirmed");
    QMetaObject::invokeMethod(handOver, "clicked");
    QCOMPARE(session->stage(), Desk::DeskSession::Stage::Done);
    QVERIFY(session->receipt().contains(QString::number(QDate::currentDate().addYears(3).year())));
    shot("5-done");

    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    for (int n = 1; n <= 4; ++n)
        QCOMPARE(toString((*store)->asset(tag(n))->state), QStringLiteral("HANDED_OVER"));
    QCOMPARE(toString((*store)->asset(tag(5))->state), QStringLiteral("READY"));
    qInfo("screenshots in %s", qPrintable(m_shots));
}

void TestDeskScreen::accessibility_data()
{
    QTest::addColumn<Test::UiCheck::Variant>("variant");
    for (const Test::UiCheck::Variant &v : Test::UiCheck::standardVariants())
        QTest::newRow(qPrintable(v.tag())) << v;
}

/// The bench's checks on the desk's first screen, in the eight variants (sizes, palettes,
/// text at 100 % and 200 %): controls ≥ 12 mm (20 mm main), gaps, contrast, nothing cut,
/// an accessible name and role. PNGs under $TMPDIR/etabli-desk-screens.
void TestDeskScreen::accessibility()
{
    QFETCH(Test::UiCheck::Variant, variant);
    const QStringList failures = Test::UiCheck::checkScreen(
        QUrl(QStringLiteral("qrc:/Etabli/Desk/DeskMain.qml")),
        {{QStringLiteral("dbPath"), m_db}, {QStringLiteral("worker"), QStringLiteral("Nadia")}}, variant, m_shots,
        QStringLiteral("desk"));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestDeskScreen)
#include "tst_deskscreen.moc"
