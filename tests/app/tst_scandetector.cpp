// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// ScanDetector with simulated key timings (a scanner's burst, a person typing, a fast
// typist, wrong-layout scanners), then ScanField.qml in a real offscreen window fed
// with QTest key events: a burst is a scan, slow keys are manual entry.
#include "app/ui/scandetector.h"
#include "inventory/assettag.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickView>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Etabli_UiPlugin)

using Etabli::Ui::ScanDetector;
namespace AssetTag = Etabli::Inventory::AssetTag;

namespace {

// What a QWERTY-configured scanner prints on a French AZERTY host, key by key
// (written from the two layouts' pictures, not from the detector's table).
QString asQwertyOnAzerty(const QString &code)
{
    QString out;
    for (QChar c : code) {
        switch (c.unicode()) {
        case u'1':
            out += u'&';
            break;
        case u'2':
            out += QChar(0x00E9);
            break; // é
        case u'3':
            out += u'"';
            break;
        case u'4':
            out += u'\'';
            break;
        case u'5':
            out += u'(';
            break;
        case u'6':
            out += u'-';
            break;
        case u'7':
            out += QChar(0x00E8);
            break; // è
        case u'8':
            out += u'_';
            break;
        case u'9':
            out += QChar(0x00E7);
            break; // ç
        case u'0':
            out += QChar(0x00E0);
            break; // à
        case u'-':
            out += u')';
            break;
        case u'A':
            out += u'Q';
            break;
        case u'Q':
            out += u'A';
            break;
        case u'Z':
            out += u'W';
            break;
        case u'W':
            out += u'Z';
            break;
        case u'M':
            out += u'?';
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString asAzertyOnQwerty(const QString &code)
{
    static const QString shiftedDigits = QStringLiteral(")!@#$%^&*(");
    QString out;
    for (QChar c : code) {
        if (c.isDigit())
            out += shiftedDigits.at(c.unicode() - u'0');
        else if (c == u'-')
            out += u'6';
        else if (c == u'A')
            out += u'Q';
        else if (c == u'Q')
            out += u'A';
        else if (c == u'Z')
            out += u'W';
        else if (c == u'W')
            out += u'Z';
        else if (c == u'M')
            out += u':';
        else
            out += c;
    }
    return out;
}

struct Key {
    int key;
    QString text;
    qint64 at;
};

// Characters `gapMs` apart from `start`, then Enter `enterGapMs` later.
QList<Key> line(const QString &chars, qint64 start, int gapMs, int enterGapMs = -1)
{
    QList<Key> keys;
    qint64 t = start;
    for (QChar c : chars) {
        keys.append({c.isLetter() ? int(Qt::Key_A) + (c.toUpper().unicode() - u'A') : 0, QString(c), t});
        t += gapMs;
    }
    if (enterGapMs >= 0)
        keys.append({Qt::Key_Return, QStringLiteral("\r"), t - gapMs + enterGapMs});
    return keys;
}

/// Key presses and releases with their text, `delayMs` apart (QTest::keyClicks is for widgets).
void typeText(QWindow *window, const QString &text, int delayMs = 0)
{
    for (QChar c : text) {
        const int key = c.isLetter() && c.unicode() < 128 ? int(Qt::Key_A) + (c.toUpper().unicode() - u'A')
            : c.isDigit()                                 ? int(Qt::Key_0) + (c.unicode() - u'0')
                                                          : int(Qt::Key_unknown);
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, QString(c));
        QGuiApplication::sendEvent(window, &press);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, QString(c));
        QGuiApplication::sendEvent(window, &release);
        if (delayMs > 0)
            QTest::qWait(delayMs);
    }
}

} // namespace

class TestScanDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void classifiesByTiming_data();
    void classifiesByTiming();
    void ungarbleKnowsBothLayouts_data();
    void ungarbleKnowsBothLayouts();
    void scanField();
};

void TestScanDetector::classifiesByTiming_data()
{
    QTest::addColumn<QList<Key>>("keys");
    QTest::addColumn<QString>("kind"); // scanned | typed | garbled | none
    QTest::addColumn<QString>("result");

    const QString tag = AssetTag::make(QStringLiteral("BCL"), 123);
    const QString voucher = AssetTag::make(QStringLiteral("BON"), 42);

    QTest::newRow("scanner 8 ms") << line(tag, 1000, 8, 8) << "scanned" << tag;
    QTest::newRow("scanner 2 ms") << line(voucher, 0, 2, 2) << "scanned" << voucher;
    {
        // Jitter up to 30 ms, as a USB scanner under load.
        QList<Key> keys;
        qint64 t = 500;
        int i = 0;
        for (QChar c : tag) {
            keys.append({0, QString(c), t});
            t += (i++ % 3 == 0) ? 30 : 4;
        }
        keys.append({Qt::Key_Return, QString(), t});
        QTest::newRow("scanner with jitter") << keys << "scanned" << tag;
    }
    {
        // Scanners press Shift for capitals: keys with no text must not break the burst.
        QList<Key> keys;
        qint64 t = 0;
        for (QChar c : tag) {
            keys.append({Qt::Key_Shift, QString(), t});
            keys.append({0, QString(c), t + 1});
            t += 6;
        }
        keys.append({Qt::Key_Return, QString(), t});
        QTest::newRow("scanner with Shift keys") << keys << "scanned" << tag;
    }
    QTest::newRow("person 150 ms") << line(tag, 0, 150, 300) << "typed" << tag;
    QTest::newRow("fast typist 60 ms") << line(tag, 0, 60, 70) << "typed" << tag;
    QTest::newRow("burst, Enter late") << line(tag, 0, 5, 400) << "typed" << tag;
    QTest::newRow("double tap is not a scan") << line(QStringLiteral("AB"), 0, 5, 5) << "typed"
                                              << "AB";
    {
        // A person typed two letters, then scanned: the scan is the burst only.
        QList<Key> keys = line(QStringLiteral("xy"), 0, 200);
        keys += line(tag, 2000, 7, 7);
        QTest::newRow("typing then scan") << keys << "scanned" << tag;
    }
    {
        QList<Key> keys = line(QStringLiteral("BCL-000132"), 0, 180);
        keys.append({Qt::Key_Backspace, QString(), 2000});
        keys.append({Qt::Key_Backspace, QString(), 2200});
        keys += line(tag.right(4), 2500, 180, 200);
        QTest::newRow("typed with corrections") << keys << "typed" << tag;
    }
    QTest::newRow("QWERTY scanner on AZERTY") << line(asQwertyOnAzerty(tag), 0, 6, 6) << "garbled" << tag;
    QTest::newRow("AZERTY scanner on QWERTY") << line(asAzertyOnQwerty(tag), 0, 6, 6) << "garbled" << tag;
    QTest::newRow("garbled voucher") << line(asQwertyOnAzerty(voucher), 0, 6, 6) << "garbled" << voucher;
    QTest::newRow("Enter alone") << QList<Key>{{Qt::Key_Return, QString(), 10}} << "none" << QString();
}

void TestScanDetector::classifiesByTiming()
{
    QFETCH(QList<Key>, keys);
    QFETCH(QString, kind);
    QFETCH(QString, result);

    ScanDetector d;
    QSignalSpy scanned(&d, &ScanDetector::scanned);
    QSignalSpy typed(&d, &ScanDetector::typed);
    QSignalSpy garbled(&d, &ScanDetector::garbledScan);
    for (const Key &k : std::as_const(keys))
        d.feedKeyAt(k.key, k.text, k.at);

    QCOMPARE(scanned.size(), kind == QLatin1String("scanned") ? 1 : 0);
    QCOMPARE(typed.size(), kind == QLatin1String("typed") ? 1 : 0);
    QCOMPARE(garbled.size(), kind == QLatin1String("garbled") ? 1 : 0);
    if (kind == QLatin1String("scanned"))
        QCOMPARE(scanned.at(0).at(0).toString(), result);
    if (kind == QLatin1String("typed"))
        QCOMPARE(typed.at(0).at(0).toString(), result);
    if (kind == QLatin1String("garbled")) {
        QCOMPARE(garbled.at(0).at(1).toString(), result);
        QVERIFY(!garbled.at(0).at(3).toString().isEmpty());
    }
    QVERIFY(d.pending().isEmpty());
}

void TestScanDetector::ungarbleKnowsBothLayouts_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("layout");
    QTest::addColumn<QString>("meant");
    QTest::addColumn<bool>("validTag");

    for (qint64 n : {0, 123, 456789, 999999}) {
        for (const QString &prefix : {QStringLiteral("BCL"), QStringLiteral("AZQW"), QStringLiteral("M2")}) {
            const QString tag = AssetTag::make(prefix, n);
            QTest::addRow("qwerty-on-azerty %s", qPrintable(tag))
                << asQwertyOnAzerty(tag) << "qwerty_on_azerty" << tag << true;
            QTest::addRow("azerty-on-qwerty %s", qPrintable(tag))
                << asAzertyOnQwerty(tag) << "azerty_on_qwerty" << tag << true;
        }
    }
    const QString tag = AssetTag::make(QStringLiteral("BCL"), 123);
    QTest::newRow("a clean tag") << tag << "none" << QString() << false;
    QTest::newRow("letters only") << QStringLiteral("HELLO") << "none" << QString() << false;
    QTest::newRow("lower-case garble") << asQwertyOnAzerty(tag).toLower() << "qwerty_on_azerty" << tag << true;
    QTest::newRow("not a layout at all") << QStringLiteral("BCL{}[]") << "none" << QString() << false;
}

void TestScanDetector::ungarbleKnowsBothLayouts()
{
    QFETCH(QString, raw);
    QFETCH(QString, layout);
    QFETCH(QString, meant);
    QFETCH(bool, validTag);
    const ScanDetector::Garble g = ScanDetector::ungarble(raw);
    QCOMPARE(ScanDetector::layoutName(g.layout), layout);
    if (layout != QLatin1String("none")) {
        QCOMPARE(g.meant, meant);
        QCOMPARE(g.validTag, validTag);
    }
}

void TestScanDetector::scanField()
{
    QQuickView view;
    view.engine()->addImportPath(QStringLiteral("qrc:/"));
    view.setSource(QUrl(QStringLiteral("qrc:/Etabli/Ui/ScanField.qml")));
    QCOMPARE(view.status(), QQuickView::Ready);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QQuickItem *field = view.rootObject();
    field->forceActiveFocus();
    QTRY_VERIFY(field->hasActiveFocus());

    QSignalSpy scanned(field, SIGNAL(scanned(QString)));
    QSignalSpy typed(field, SIGNAL(typed(QString)));
    QSignalSpy garbled(field, SIGNAL(garbledScan(QString, QString, QString)));

    const QString tag = AssetTag::make(QStringLiteral("BCL"), 77);
    // A burst: QTest sends the keys back to back, as a scanner does.
    typeText(&view, tag);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned.at(0).at(0).toString(), tag);
    QCOMPARE(field->property("text").toString(), QString());

    // A person: 90 ms between keys.
    typeText(&view, tag, 90);
    QTest::qWait(90);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(typed.size(), 1);
    QCOMPARE(typed.at(0).at(0).toString(), tag);
    QCOMPARE(scanned.size(), 1);

    // A QWERTY scanner on this AZERTY station: named, not taken for a code.
    typeText(&view, asQwertyOnAzerty(tag));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(garbled.size(), 1);
    QCOMPARE(garbled.at(0).at(1).toString(), tag);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(field->property("text").toString(), QString());
}

QTEST_MAIN(TestScanDetector)
#include "tst_scandetector.moc"
