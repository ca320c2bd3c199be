// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/assettag.h"

#include <QTest>

using namespace Etabli;
using namespace Etabli::Inventory;

class TestAssetTag : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void makeAndParse_data();
    void makeAndParse();
    void everySubstitutionIsRejected_data();
    void everySubstitutionIsRejected();
    void everyAdjacentSwapIsRejected_data();
    void everyAdjacentSwapIsRejected();
    void badInput_data();
    void badInput();
};

namespace {

const QString kAlphabet = QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

void sampleTags()
{
    QTest::addColumn<QString>("tag");
    const QList<std::pair<QString, qint64>> samples{
        {QStringLiteral("BCL"), 123}, {QStringLiteral("BCL"), 1},        {QStringLiteral("ETB"), 999999},
        {QStringLiteral("X"), 42},    {QStringLiteral("LYON2"), 100200}, {QStringLiteral("ABCDEFGH"), 777777},
        {QStringLiteral("Z9"), 0},    {QStringLiteral("MTP"), 31415},
    };
    for (const auto &[prefix, number] : samples) {
        const QString tag = AssetTag::make(prefix, number);
        QTest::newRow(qPrintable(tag)) << tag;
    }
}

} // namespace

void TestAssetTag::makeAndParse_data()
{
    sampleTags();
}

void TestAssetTag::makeAndParse()
{
    QFETCH(QString, tag);
    auto parsed = AssetTag::parse(tag);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
    QCOMPARE(*parsed, tag);
    // What a scanner or a person may add: spaces, lower case.
    auto relaxed = AssetTag::parse(QStringLiteral("  ") + tag.toLower() + QStringLiteral("\n"));
    QVERIFY(relaxed.ok());
    QCOMPARE(*relaxed, tag);
}

void TestAssetTag::everySubstitutionIsRejected_data()
{
    sampleTags();
}

void TestAssetTag::everySubstitutionIsRejected()
{
    QFETCH(QString, tag);
    int tried = 0;
    for (int i = 0; i < tag.size(); ++i) {
        if (tag[i] == u'-')
            continue;
        for (QChar c : kAlphabet) {
            if (c == tag[i])
                continue;
            QString wrong = tag;
            wrong[i] = c;
            ++tried;
            auto r = AssetTag::parse(wrong);
            QVERIFY2(!r.ok(), qPrintable(QStringLiteral("%1 accepted (from %2)").arg(wrong, tag)));
        }
    }
    QVERIFY(tried >= 35 * 8);
}

void TestAssetTag::everyAdjacentSwapIsRejected_data()
{
    sampleTags();
}

void TestAssetTag::everyAdjacentSwapIsRejected()
{
    QFETCH(QString, tag);
    int tried = 0;
    for (int i = 0; i + 1 < tag.size(); ++i) {
        if (tag[i] == tag[i + 1])
            continue; // swapping equal characters changes nothing
        QString swapped = tag;
        std::swap(swapped[i], swapped[i + 1]);
        ++tried;
        auto r = AssetTag::parse(swapped);
        QVERIFY2(!r.ok(), qPrintable(QStringLiteral("%1 accepted (from %2)").arg(swapped, tag)));
    }
    QVERIFY(tried > 0);
}

void TestAssetTag::badInput_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("detail");
    const QString good = AssetTag::make(QStringLiteral("BCL"), 123);
    QString wrongCheck = good;
    wrongCheck[wrongCheck.size() - 1] = good.back() == u'A' ? u'B' : u'A';
    QTest::newRow("wrong check character") << wrongCheck << QStringLiteral("check_character");
    QTest::newRow("empty") << QString() << QStringLiteral("tag_format");
    QTest::newRow("no check character") << QStringLiteral("BCL-000123") << QStringLiteral("tag_format");
    QTest::newRow("garbled scan") << QStringLiteral("BC L-00#123-Q") << QStringLiteral("tag_format");
    QTest::newRow("prefix too long") << QStringLiteral("ABCDEFGHI-000001-A") << QStringLiteral("tag_format");
    // A QWERTY scanner on an AZERTY keyboard types the digit row's unshifted symbols.
    QTest::newRow("azerty scanner") << QStringLiteral("BCL-àààé\"'-Q") << QStringLiteral("scanner_layout");
}

void TestAssetTag::badInput()
{
    QFETCH(QString, input);
    QFETCH(QString, detail);
    auto r = AssetTag::parse(input);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().detail, detail);
    QVERIFY(!r.error().message.isEmpty());
}

QTEST_GUILESS_MAIN(TestAssetTag)
#include "tst_assettag.moc"
