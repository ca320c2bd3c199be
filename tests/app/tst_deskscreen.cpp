// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// The desk screen (Etabli.Desk) offscreen on a real desk store: scanner bursts of key
// events reach the ScanField, the session answers each scan (pass, fail, warning), a
// warning is confirmed with one touch, a witnessed handover is recorded; screenshots of
// each step are saved, and the controls meet the bench's size rules (12 mm, 20 mm for
// the main action) with an accessible name. deskui: EVERY desk screen (home, the handover
// at each stage, grant, training, return, swap) in the eight variants through
// tests/support/uicheck; the grant, training and return screens driven by touch on a real
// desk store (app/desk/deskdemo.h); the tone of every answer (recording fake).
#include "app/core/desk.h"
#include "app/desk/deskcare.h"
#include "app/desk/deskdemo.h"
#include "app/desk/desksession.h"
#include "app/ui/feedbacksound.h"
#include "app/ui/speech.h"
#include "app/ui/theme.h"
#include "inventory/assettag.h"
#include "inventory/store.h"
#include "tests/support/recordingspeaker.h"
#include "tests/support/recordingtoneplayer.h"
#include "tests/support/uicheck.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUuid>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Etabli_DeskPlugin)
Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

QString tag(int n)
{
    return AssetTag::make(QStringLiteral("BCL"), n);
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
    void everyScreen_data();
    void everyScreen();
    void tonesOfTheHandover();
    void enrolAtTheHandover();
    void grantByTouch();
    void trainingByTouch();
    void returnWithSwap();

private:
    QString freshDb();
    /// Opens DeskMain on a fresh copy of the demo desk at `page`, shown at `size`.
    std::unique_ptr<QQuickView> open(const QString &page, const QSize &size = {1366, 768});
    /// Brings a fresh view to one state of everyScreen's list; empty when it got there.
    QString drive(QQuickView &view, const QString &state);

    Test::RecordingSpeaker m_speaker;
    Test::RecordingTonePlayer m_tones;
    QTemporaryDir m_dir;
    QString m_db, m_voucher, m_shots, m_template;
    Desk::DemoDesk m_demo;
};

void TestDeskScreen::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Ui::Theme::loadFonts();
    Ui::Speech::instance()->setSpeaker(&m_speaker); // no real voice in a test
    Ui::FeedbackSound::instance()->setPlayer(&m_tones); // nor a real loudspeaker
    m_shots = QDir::tempPath() + QStringLiteral("/etabli-desk-screens");
    QDir().mkpath(m_shots);
    // deskui: one demo desk made once (made-up families, READY kits, one kit given), copied
    // for every test that changes it.
    m_template = m_dir.filePath(QStringLiteral("template.sqlite"));
    auto demo = Desk::makeDemoDesk(m_template);
    QVERIFY2(demo, demo ? "" : qPrintable(demo.error().message));
    m_demo = *demo;
    m_db = freshDb();
    m_voucher = m_demo.voucher;
    QCOMPARE(m_demo.readyTags.first(), tag(1));
}

QString TestDeskScreen::freshDb()
{
    static int n = 0;
    const QString path = m_dir.filePath(QStringLiteral("desk-%1.sqlite").arg(++n));
    for (const QString suffix : {QString(), QStringLiteral("-wal")})
        if (QFileInfo::exists(m_template + suffix))
            QFile::copy(m_template + suffix, path + suffix);
    return path;
}

void TestDeskScreen::handoverByScans()
{
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setResizeMode(QQuickView::SizeRootObjectToView);
    view.setInitialProperties({{QStringLiteral("dbPath"), m_db},
                               {QStringLiteral("worker"), QStringLiteral("Nadia")},
                               {QStringLiteral("page"), QStringLiteral("handover")}});
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

// --- deskui: every screen -------------------------------------------------------------------

std::unique_ptr<QQuickView> TestDeskScreen::open(const QString &page, const QSize &size)
{
    QString error;
    auto view = Test::UiCheck::loadView(QUrl(QStringLiteral("qrc:/Etabli/Desk/DeskMain.qml")),
                                        {{QStringLiteral("dbPath"), freshDb()},
                                         {QStringLiteral("worker"), QStringLiteral("Nadia")},
                                         {QStringLiteral("page"), page}},
                                        size, &error);
    if (!view)
        qWarning("%s", qPrintable(error));
    return view;
}

namespace {

const QStringList kStates{QStringLiteral("home"),
                          QStringLiteral("handover-voucher"),
                          QStringLiteral("handover-found"),
                          QStringLiteral("handover-pc"),
                          QStringLiteral("handover-warning"),
                          QStringLiteral("handover-refused"),
                          QStringLiteral("handover-signature"),
                          QStringLiteral("handover-witness"),
                          QStringLiteral("handover-done"),
                          QStringLiteral("grant"),
                          QStringLiteral("grant-asked"),
                          QStringLiteral("grant-late"),
                          QStringLiteral("training"),
                          QStringLiteral("return"),
                          QStringLiteral("return-reason"),
                          QStringLiteral("swap"),
                          QStringLiteral("return-done")};

/// A finger drawing a small zigzag on `item`.
void sign(QQuickWindow *w, QQuickItem *item)
{
    QQuickTest::qWaitForPolish(w);
    const QPointF o = item->mapToScene(QPointF(item->width() * 0.2, item->height() * 0.5));
    QTest::mousePress(w, Qt::LeftButton, {}, o.toPoint());
    for (int i = 1; i <= 8; ++i)
        QTest::mouseMove(w, (o + QPointF(i * item->width() * 0.07, (i % 2 ? -1 : 1) * item->height() * 0.2)).toPoint());
    QTest::mouseRelease(w, Qt::LeftButton, {}, (o + QPointF(item->width() * 0.6, 0)).toPoint());
}

} // namespace

QString TestDeskScreen::drive(QQuickView &view, const QString &state)
{
    auto *session = view.rootObject()->property("session").value<Desk::DeskSession *>();
    auto *care = view.rootObject()->property("care").value<Desk::DeskCare *>();
    if (!session || !care)
        return QStringLiteral("no session");
    using Stage = Desk::DeskSession::Stage;
    using Tone = Desk::DeskSession::Tone;
    const auto expect = [](bool ok, const char *what) { return ok ? QString() : QString::fromLatin1(what); };
    if (state.startsWith(QLatin1String("handover-")) && state != QLatin1String("handover-voucher")) {
        session->scan(m_demo.voucher);
        if (session->stage() != Stage::Kit)
            return QStringLiteral("voucher not found");
        if (state == QLatin1String("handover-found"))
            return {};
        session->scan(tag(1));
        if (state == QLatin1String("handover-pc"))
            return expect(session->tone() == Tone::Pass && session->items().size() == 1, "PC not added");
        for (int n = 2; n <= 4; ++n)
            session->scan(tag(n));
        if (state == QLatin1String("handover-warning"))
            return expect(session->warnings() == QStringList{QStringLiteral("no_speakers")}, "no warning");
        if (state == QLatin1String("handover-refused")) {
            session->scan(tag(5));
            return expect(session->tone() == Tone::Fail && session->items().size() == 4, "second PC not refused");
        }
        session->confirm(QStringLiteral("no_speakers"));
        if (state == QLatin1String("handover-signature")) {
            QQuickItem *pad = find(view.rootObject(), QStringLiteral("signaturePad"));
            if (!pad)
                return QStringLiteral("no pad");
            sign(&view, pad);
            return expect(!pad->property("empty").toBool(), "the finger drew nothing");
        }
        QQuickItem *witness = find(view.rootObject(), QStringLiteral("witnessButton"));
        if (!witness)
            return QStringLiteral("no witness button");
        witness->setProperty("checked", true);
        if (state == QLatin1String("handover-witness"))
            return {};
        if (!session->finish(QStringLiteral("Nadia"), {}, 0, 0))
            return session->message();
        return expect(session->stage() == Stage::Done, "not done");
    }
    if (state.startsWith(QLatin1String("grant-"))) {
        if (!care->findFamily(m_demo.givenVoucher))
            return care->message();
        if (state == QLatin1String("grant-asked"))
            return expect(care->requestGrant(false), "grant not asked");
        care->setDate(QDate::currentDate().addMonths(4));
        return expect(!care->requestGrant(true) && care->tone() == Tone::Fail, "late grant not refused");
    }
    if (state == QLatin1String("grant"))
        return expect(care->findFamily(m_demo.givenVoucher), "family not found");
    if (state == QLatin1String("return-reason") || state == QLatin1String("swap")
        || state == QLatin1String("return-done")) {
        care->returnScan(m_demo.givenTags.first());
        care->pickReason(QStringLiteral("no_boot"));
        if (care->returnStage() != Desk::DeskCare::ReturnStage::Reason)
            return care->message();
        if (state == QLatin1String("return-reason"))
            return {};
        if (state == QLatin1String("swap")) {
            care->startSwap();
            care->swapScan(tag(5));
            return expect(care->swapTag() == tag(5), "replacement refused");
        }
        care->setSlipDir(m_dir.filePath(QStringLiteral("slips")));
        return expect(care->recordReturn(), "return not recorded");
    }
    return {};
}

void TestDeskScreen::everyScreen_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<Test::UiCheck::Variant>("variant");
    QTest::addColumn<bool>("french");
    for (const QString &state : kStates)
        for (const Test::UiCheck::Variant &v : Test::UiCheck::standardVariants())
            QTest::newRow(qPrintable(state + QLatin1Char(' ') + v.tag())) << state << v << false;
    // French, the workshop's language (longer words), on the tightest variant.
    Test::UiCheck::Variant tight;
    tight.textScale = 2;
    for (const QString &state : kStates)
        QTest::newRow(qPrintable(state + QStringLiteral(" fr ") + tight.tag())) << state << tight << true;
}

/// Every desk screen in the eight variants: controls >= 12 mm (20 mm main), 3 mm gaps,
/// contrast, nothing cut or elided, every control named with a role. PNGs under
/// $TMPDIR/etabli-desk-screens/<state>-<variant>.png.
void TestDeskScreen::everyScreen()
{
    QFETCH(QString, state);
    QFETCH(Test::UiCheck::Variant, variant);
    QFETCH(bool, french);
    QTranslator translator;
    const QLocale before;
    if (french) {
        QVERIFY(translator.load(QStringLiteral(":/i18n/etabli_fr.qm")));
        QVERIFY(QCoreApplication::installTranslator(&translator));
        QLocale::setDefault(QLocale(QLocale::French, QLocale::France));
    }
    const auto restore = qScopeGuard([&] {
        if (french) {
            QCoreApplication::removeTranslator(&translator);
            QLocale::setDefault(before);
        }
    });
    const Test::UiCheck::ThemeScope theme(variant);
    const QString page = state.section(QLatin1Char('-'), 0, 0) == QLatin1String("swap")
        ? QStringLiteral("return")
        : state.section(QLatin1Char('-'), 0, 0);
    auto view = open(page, variant.size);
    QVERIFY(view);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    const QString error = drive(*view, state);
    QVERIFY2(error.isEmpty(), qPrintable(state + QStringLiteral(": ") + error));
    Test::UiCheck::Options o;
    o.pngPath = m_shots + QLatin1Char('/') + state + (french ? QStringLiteral("-fr-") : QStringLiteral("-"))
        + variant.tag() + QStringLiteral(".png");
    const QStringList failures = Test::UiCheck::checkAtSize(*view, variant.size, o);
    QVERIFY2(failures.isEmpty(), qPrintable(state + QStringLiteral(":\n") + failures.join(QLatin1Char('\n'))));
}

/// Every answer of the handover plays its tone: pass, warn, fail.
void TestDeskScreen::tonesOfTheHandover()
{
    using K = Ui::FeedbackSound::Kind;
    auto view = open(QStringLiteral("handover"));
    QVERIFY(view);
    auto *session = view->rootObject()->property("session").value<Desk::DeskSession *>();
    m_tones.clear();
    session->scan(QStringLiteral("BON-999999-X")); // not a voucher
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Fail));
    session->scan(m_demo.voucher);
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Pass));
    session->scan(tag(1));
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Pass));
    session->scan(tag(7)); // a screen of lot L2: staff confirm
    QCOMPARE(session->tone(), Desk::DeskSession::Tone::Warn);
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Warn));
    session->scan(tag(5)); // a second PC
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Fail));
    session->garbled({});
    QCOMPARE(m_tones.last(), int(Ui::FeedbackSound::Fail));
    // One tone for each answer, nothing more.
    QCOMPARE(m_tones.played(),
             (QList<K>{Ui::FeedbackSound::Fail, Ui::FeedbackSound::Pass, Ui::FeedbackSound::Pass,
                       Ui::FeedbackSound::Warn, Ui::FeedbackSound::Fail, Ui::FeedbackSound::Fail}));
    // The grant, training and return screens answer with tones too.
    auto *care = view->rootObject()->property("care").value<Desk::DeskCare *>();
    m_tones.clear();
    QVERIFY(care->findFamily(m_demo.givenVoucher));
    QVERIFY(care->requestGrant(false)); // no proof yet: a warning
    QVERIFY(!care->requestGrant(true)); // twice: refused
    care->returnScan(tag(1)); // READY, never given: refused
    QCOMPARE(
        m_tones.played(),
        (QList<K>{Ui::FeedbackSound::Pass, Ui::FeedbackSound::Warn, Ui::FeedbackSound::Fail, Ui::FeedbackSound::Fail}));
}

/// The parents' lessons are offered once the kit is handed over: one touch enrols.
void TestDeskScreen::enrolAtTheHandover()
{
    auto view = open(QStringLiteral("handover"));
    QVERIFY(view);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    QCOMPARE(drive(*view, QStringLiteral("handover-done")), QString());
    QQuickItem *enrol = find(view->rootObject(), QStringLiteral("enrolButton"));
    QVERIFY(enrol && enrol->isVisible() && enrol->isEnabled());
    QVERIFY(QQuickTest::qWaitForPolish(view.get()));
    QTest::mouseClick(view.get(), Qt::LeftButton, {},
                      enrol->mapToScene(QPointF(enrol->width() / 2, enrol->height() / 2)).toPoint());
    auto *session = view->rootObject()->property("session").value<Desk::DeskSession *>();
    QVERIFY(session->enrolled());
    QVERIFY(!enrol->isEnabled());
    const QString db = view->rootObject()->property("dbPath").toString();
    auto store = Store::open(db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    QVERIFY(store);
    bool found = false;
    for (const auto &t : AppCore::Desk::training(**store)) {
        found = found || (t.beneficiary == QLatin1String("P-1") && t.site == QStringLiteral("Médiathèque"));
    }
    QVERIFY(found);
}

/// The grant by touch: yes/no proof buttons, paid, and a late request refused with the
/// last day in words.
void TestDeskScreen::grantByTouch()
{
    auto view = open(QStringLiteral("grant"));
    QVERIFY(view);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    auto *care = view->rootObject()->property("care").value<Desk::DeskCare *>();
    const auto touch = [&](const char *name) {
        QQuickItem *b = find(view->rootObject(), QLatin1String(name));
        if (!b || !b->isVisible())
            return false;
        QQuickTest::qWaitForPolish(view.get()); // the Column has placed what just appeared
        QTest::mouseClick(view.get(), Qt::LeftButton, {},
                          b->mapToScene(QPointF(b->width() / 2, b->height() / 2)).toPoint());
        return true;
    };
    QVERIFY(!touch("proofYes")); // no family yet: no buttons
    QVERIFY(care->findFamily(m_demo.givenTags.at(1))); // a label of the kit finds the family
    QCOMPARE(care->familyName(), QStringLiteral("Yanis Benali"));
    // Late: refused, nothing recorded, the last day said in words.
    care->setDate(QDate::currentDate().addMonths(3).addDays(1));
    QVERIFY(touch("proofYes"));
    QCOMPARE(care->tone(), Desk::DeskSession::Tone::Fail);
    const QString lastDay = QLocale().toString(QDate::currentDate().addMonths(3), QStringLiteral("d MMMM yyyy"));
    QVERIFY2(care->message().contains(lastDay), qPrintable(care->message()));
    QVERIFY(!care->grant().value(QStringLiteral("requested")).toBool());
    // On time, the day before: recorded with the proof.
    care->setDate(QDate::currentDate());
    QVERIFY(touch("dayBefore"));
    QCOMPARE(care->date(), QDate::currentDate().addDays(-1));
    QVERIFY(touch("dayAfter"));
    QVERIFY(touch("dayAfter")); // never after today
    QCOMPARE(care->date(), QDate::currentDate());
    QVERIFY(touch("proofYes"));
    QCOMPARE(care->tone(), Desk::DeskSession::Tone::Pass);
    QVERIFY(care->grant().value(QStringLiteral("requested")).toBool());
    QVERIFY(care->grant().value(QStringLiteral("proof")).toBool());
    QVERIFY(touch("grantPaid"));
    QVERIFY(care->grant().value(QStringLiteral("paid")).toBool());
    QVERIFY(!care->grantPaid()); // twice: refused
}

/// Lessons by touch: one button per lesson, "12 hours done" for who came to all six.
void TestDeskScreen::trainingByTouch()
{
    auto view = open(QStringLiteral("training"));
    QVERIFY(view);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    auto *care = view->rootObject()->property("care").value<Desk::DeskCare *>();
    QTRY_VERIFY(find(view->rootObject(), QStringLiteral("hours-P-4")));
    QCOMPARE(find(view->rootObject(), QStringLiteral("hours-P-4"))->property("text").toString(), tr("12 hours done"));
    QCOMPARE(find(view->rootObject(), QStringLiteral("hours-P-3"))->property("text").toString(),
             QStringLiteral("6 of 12 hours"));
    for (int lesson = 4; lesson <= 6; ++lesson) {
        QQuickItem *b = find(view->rootObject(), QStringLiteral("lesson-P-3-%1").arg(lesson));
        QVERIFY(b);
        QVERIFY(!b->property("checked").toBool());
        QQuickTest::qWaitForPolish(view.get());
        QTest::mouseClick(view.get(), Qt::LeftButton, {},
                          b->mapToScene(QPointF(b->width() / 2, b->height() / 2)).toPoint());
        QCOMPARE(care->tone(), Desk::DeskSession::Tone::Pass);
    }
    QTRY_COMPARE(find(view->rootObject(), QStringLiteral("hours-P-3"))->property("text").toString(),
                 QStringLiteral("12 hours done"));
    // A lesson already marked is not counted twice.
    QVERIFY(!care->attend(QStringLiteral("P-3"), 2));
    QCOMPARE(care->tone(), Desk::DeskSession::Tone::Warn);
    // A new family joins by scanning its voucher.
    QVERIFY(care->findFamily(m_demo.givenVoucher));
    QVERIFY(care->enrol());
    QTRY_VERIFY(find(view->rootObject(), QStringLiteral("hours-P-2")));
    QVERIFY(!care->enrol()); // twice: refused
}

/// A return by scan and pictures, with a swap in the same visit: RETURNED, the
/// replacement HANDED_OVER to the same family, the slip written.
void TestDeskScreen::returnWithSwap()
{
    auto view = open(QStringLiteral("return"));
    QVERIFY(view);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view.get()));
    auto *care = view->rootObject()->property("care").value<Desk::DeskCare *>();
    care->setSlipDir(m_dir.filePath(QStringLiteral("slips-swap")));
    QQuickItem *field = find(view->rootObject(), QStringLiteral("returnScanField"));
    QVERIFY(field);
    field->forceActiveFocus();
    QTRY_VERIFY(field->hasActiveFocus());
    burst(view.get(), tag(5)); // READY, not given: refused, nothing changes
    QCOMPARE(care->tone(), Desk::DeskSession::Tone::Fail);
    QCOMPARE(care->returnStage(), Desk::DeskCare::ReturnStage::Scan);
    burst(view.get(), m_demo.givenTags.first());
    QCOMPARE(care->returnStage(), Desk::DeskCare::ReturnStage::Reason);
    QCOMPARE(care->familyName(), QStringLiteral("Yanis Benali"));
    QQuickItem *reason = find(view->rootObject(), QStringLiteral("reason-slow"));
    QVERIFY(reason && reason->isVisible());
    QVERIFY(QQuickTest::qWaitForPolish(view.get()));
    QTest::mouseClick(view.get(), Qt::LeftButton, {},
                      reason->mapToScene(QPointF(reason->width() / 2, reason->height() / 2)).toPoint());
    QCOMPARE(care->reason(), QStringLiteral("slow"));
    QVERIFY(reason->property("checked").toBool());
    care->startSwap();
    field->forceActiveFocus();
    burst(view.get(), tag(2)); // a screen for a PC: refused
    QCOMPARE(care->tone(), Desk::DeskSession::Tone::Fail);
    QVERIFY(care->swapTag().isEmpty());
    burst(view.get(), tag(5));
    QCOMPARE(care->swapTag(), tag(5));
    QVERIFY(care->recordReturn());
    QCOMPARE(care->returnStage(), Desk::DeskCare::ReturnStage::Done);
    QVERIFY(QFileInfo(care->slipPath()).size() > 1000);
    QCOMPARE(QFileInfo(care->slipPath()).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    const QString db = view->rootObject()->property("dbPath").toString();
    auto store = Store::open(db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    QVERIFY(store);
    QCOMPARE(toString((*store)->asset(m_demo.givenTags.first())->state), QStringLiteral("RETURNED"));
    QCOMPARE(toString((*store)->asset(tag(5))->state), QStringLiteral("HANDED_OVER"));
    QCOMPARE((*store)->asset(tag(5))->reservedFor, QStringLiteral("P-2"));
}

QTEST_MAIN(TestDeskScreen)
#include "tst_deskscreen.moc"
