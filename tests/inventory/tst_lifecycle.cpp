// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/lifecycle.h"

#include <QTest>

using namespace Etabli;
using namespace Etabli::Inventory;

Q_DECLARE_METATYPE(Etabli::Inventory::AssetState)
Q_DECLARE_METATYPE(Etabli::Inventory::AssetKind)

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allowed_data();
    void allowed();
    void eachGuardIsEnforced_data();
    void eachGuardIsEnforced();
    void forbidden_data();
    void forbidden();
    void recycledIsFinal();
};

namespace {

/// Facts under which every guard of every transition holds for `kind`.
AssetFacts satisfied(AssetKind kind)
{
    AssetFacts f;
    f.kind = kind;
    f.passedTests = requiredTests(kind);
    f.hsRecorded = true;
    f.erasureVerified = true;
    f.imageVerified = true;
    f.labelPrinted = true;
    f.reservedFor = QStringLiteral("FAM-1");
    return f;
}

/// Breaks `guard` in `f`; returns false when the guard cannot fail for this kind.
bool breakGuard(Guard guard, AssetFacts &f, QString &beneficiary)
{
    switch (guard) {
    case Guard::HsRecorded:
        f.hsRecorded = false;
        f.failedTests.clear();
        return true;
    case Guard::RequiredTestsPassed:
        if (f.passedTests.isEmpty())
            return false;
        f.failedTests << f.passedTests.takeFirst();
        return true;
    case Guard::ErasureVerified:
        f.erasureVerified = false;
        return needsImage(f.kind);
    case Guard::ImageVerified:
        f.imageVerified = false;
        return needsImage(f.kind);
    case Guard::LabelPrinted:
        f.labelPrinted = false;
        return true;
    case Guard::NoImageNeeded:
        return false; // a property of the kind, covered by the PC rows
    case Guard::BeneficiaryGiven:
        beneficiary.clear();
        return true;
    case Guard::ReservedForBeneficiary:
        beneficiary = QStringLiteral("FAM-2");
        return true;
    case Guard::DataCleared:
        f.erasureVerified = false;
        f.diskDestroyed = false;
        return needsImage(f.kind);
    }
    return false;
}

QString rowName(const Transition &t, AssetKind kind)
{
    return toString(t.from) + QStringLiteral("→") + toString(t.to) + QStringLiteral(" ") + toString(kind);
}

} // namespace

void TestLifecycle::allowed_data()
{
    QTest::addColumn<AssetState>("from");
    QTest::addColumn<AssetState>("to");
    QTest::addColumn<AssetKind>("kind");
    for (const Transition &t : Lifecycle::transitions())
        for (AssetKind kind : {AssetKind::Pc, AssetKind::Screen}) {
            if (t.guards.contains(Guard::NoImageNeeded) && needsImage(kind))
                continue;
            QTest::newRow(qPrintable(rowName(t, kind))) << t.from << t.to << kind;
        }
}

void TestLifecycle::allowed()
{
    QFETCH(AssetState, from);
    QFETCH(AssetState, to);
    QFETCH(AssetKind, kind);
    QVERIFY(Lifecycle::isAllowed(from, to));
    auto r = Lifecycle::check(from, to, satisfied(kind), QStringLiteral("FAM-1"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
}

void TestLifecycle::eachGuardIsEnforced_data()
{
    QTest::addColumn<AssetState>("from");
    QTest::addColumn<AssetState>("to");
    QTest::addColumn<AssetKind>("kind");
    QTest::addColumn<int>("guard");
    int rows = 0;
    for (const Transition &t : Lifecycle::transitions())
        for (AssetKind kind : {AssetKind::Pc, AssetKind::Screen}) {
            if (t.guards.contains(Guard::NoImageNeeded) && needsImage(kind))
                continue; // covered by the explicit row below
            for (Guard g : t.guards) {
                AssetFacts f = satisfied(kind);
                QString b = QStringLiteral("FAM-1");
                if (!breakGuard(g, f, b))
                    continue;
                QTest::newRow(qPrintable(rowName(t, kind) + QStringLiteral(" without ") + guardName(g)))
                    << t.from << t.to << kind << int(g);
                ++rows;
            }
        }
    // A PC cannot skip imaging.
    QTest::newRow("TESTING→READY pc without no_image_needed")
        << AssetState::Testing << AssetState::Ready << AssetKind::Pc << int(Guard::NoImageNeeded);
    QVERIFY(rows > 20);
}

void TestLifecycle::eachGuardIsEnforced()
{
    QFETCH(AssetState, from);
    QFETCH(AssetState, to);
    QFETCH(AssetKind, kind);
    QFETCH(int, guard);
    AssetFacts f = satisfied(kind);
    QString beneficiary = QStringLiteral("FAM-1");
    breakGuard(Guard(guard), f, beneficiary);
    auto r = Lifecycle::check(from, to, f, beneficiary);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::TransitionRefused);
    QCOMPARE(r.error().detail, guardName(Guard(guard)));
    QVERIFY(!r.error().message.isEmpty());
}

void TestLifecycle::forbidden_data()
{
    QTest::addColumn<AssetState>("from");
    QTest::addColumn<AssetState>("to");
    int rows = 0;
    for (AssetState from : allAssetStates())
        for (AssetState to : allAssetStates()) {
            bool listed = false;
            for (const Transition &t : Lifecycle::transitions())
                listed = listed || (t.from == from && t.to == to);
            if (listed)
                continue;
            QTest::newRow(qPrintable(toString(from) + QStringLiteral("→") + toString(to))) << from << to;
            ++rows;
        }
    QCOMPARE(rows, 100 - Lifecycle::transitions().size());
}

void TestLifecycle::forbidden()
{
    QFETCH(AssetState, from);
    QFETCH(AssetState, to);
    QVERIFY(!Lifecycle::isAllowed(from, to));
    for (AssetKind kind : allAssetKinds()) {
        auto r = Lifecycle::check(from, to, satisfied(kind), QStringLiteral("FAM-1"));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::TransitionRefused);
        QCOMPARE(r.error().detail, QStringLiteral("forbidden_transition"));
    }
}

void TestLifecycle::recycledIsFinal()
{
    QVERIFY(Lifecycle::isFinal(AssetState::Recycled));
    for (AssetState s : allAssetStates())
        if (s != AssetState::Recycled)
            QVERIFY2(!Lifecycle::isFinal(s), qPrintable(toString(s)));
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
