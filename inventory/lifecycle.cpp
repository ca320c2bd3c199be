// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/lifecycle.h"

#include <QCoreApplication>

namespace Etabli::Inventory {

namespace {

bool holds(Guard guard, const AssetFacts &f, const QString &beneficiary)
{
    switch (guard) {
    case Guard::HsRecorded:
        return f.hsRecorded || !f.failedTests.isEmpty();
    case Guard::RequiredTestsPassed: {
        const QStringList required = requiredTests(f.kind);
        for (const QString &t : required)
            if (!f.passedTests.contains(t) || f.failedTests.contains(t))
                return false;
        return true;
    }
    case Guard::ErasureVerified:
        return !needsImage(f.kind) || f.erasureVerified;
    case Guard::ImageVerified:
        return !needsImage(f.kind) || f.imageVerified;
    case Guard::LabelPrinted:
        return f.labelPrinted;
    case Guard::NoImageNeeded:
        return !needsImage(f.kind);
    case Guard::BeneficiaryGiven:
        return !beneficiary.isEmpty();
    case Guard::ReservedForBeneficiary:
        return !f.reservedFor.isEmpty() && f.reservedFor == beneficiary;
    case Guard::DataCleared:
        return !needsImage(f.kind) || f.erasureVerified || f.diskDestroyed;
    }
    return false;
}

QString unmetMessage(Guard guard, const AssetFacts &f)
{
    switch (guard) {
    case Guard::HsRecorded:
        return QCoreApplication::translate("Lifecycle", "record the broken (HS) part or the failed test first");
    case Guard::RequiredTestsPassed: {
        QStringList missing;
        for (const QString &t : requiredTests(f.kind))
            if (!f.passedTests.contains(t) || f.failedTests.contains(t))
                missing << t;
        return QCoreApplication::translate("Lifecycle", "required tests not passed: %1")
            .arg(missing.join(QStringLiteral(", ")));
    }
    case Guard::ErasureVerified:
        return QCoreApplication::translate("Lifecycle", "the disk has no verified erasure");
    case Guard::ImageVerified:
        return QCoreApplication::translate("Lifecycle", "the master image was not written and verified");
    case Guard::LabelPrinted:
        return QCoreApplication::translate("Lifecycle", "no label was printed for this asset");
    case Guard::NoImageNeeded:
        return QCoreApplication::translate("Lifecycle", "a PC must be erased and imaged (IMAGED) before READY");
    case Guard::BeneficiaryGiven:
        return QCoreApplication::translate("Lifecycle", "name the beneficiary (--beneficiary)");
    case Guard::ReservedForBeneficiary:
        return f.reservedFor.isEmpty()
            ? QCoreApplication::translate("Lifecycle", "the asset is not reserved for anyone")
            : QCoreApplication::translate("Lifecycle", "the asset is reserved for another beneficiary (%1)")
                  .arg(f.reservedFor);
    case Guard::DataCleared:
        return QCoreApplication::translate("Lifecycle",
                                           "the donor's data must be erased (or the disk destroyed) before recycling");
    }
    return {};
}

using S = AssetState;
using G = Guard;

} // namespace

QString guardName(Guard guard)
{
    switch (guard) {
    case G::HsRecorded:
        return QStringLiteral("hs_recorded");
    case G::RequiredTestsPassed:
        return QStringLiteral("required_tests_passed");
    case G::ErasureVerified:
        return QStringLiteral("erasure_verified");
    case G::ImageVerified:
        return QStringLiteral("image_verified");
    case G::LabelPrinted:
        return QStringLiteral("label_printed");
    case G::NoImageNeeded:
        return QStringLiteral("no_image_needed");
    case G::BeneficiaryGiven:
        return QStringLiteral("beneficiary_given");
    case G::ReservedForBeneficiary:
        return QStringLiteral("reserved_for_beneficiary");
    case G::DataCleared:
        return QStringLiteral("data_cleared");
    }
    return {};
}

bool isAssetStateGuard(Guard guard)
{
    return guard == G::BeneficiaryGiven || guard == G::ReservedForBeneficiary;
}

namespace Lifecycle {

const QList<Transition> &transitions()
{
    // The table of DESIGN.md's data flow. Guards are checked in order; the first unmet
    // one is reported.
    static const QList<Transition> table{
        {S::Received, S::Testing, {}},
        {S::Received, S::Parts, {}},
        {S::Received, S::Recycled, {G::DataCleared}},
        {S::Testing, S::InRepair, {G::HsRecorded}},
        {S::Testing, S::Imaged, {G::RequiredTestsPassed, G::ErasureVerified, G::ImageVerified}},
        {S::Testing, S::Ready, {G::NoImageNeeded, G::RequiredTestsPassed, G::LabelPrinted}},
        {S::Testing, S::Parts, {}},
        {S::Testing, S::Recycled, {G::DataCleared}},
        {S::InRepair, S::Testing, {}},
        {S::InRepair, S::Parts, {}},
        {S::InRepair, S::Recycled, {G::DataCleared}},
        {S::Imaged, S::Ready, {G::RequiredTestsPassed, G::ErasureVerified, G::ImageVerified, G::LabelPrinted}},
        {S::Imaged, S::Testing, {}},
        {S::Ready, S::Reserved, {G::BeneficiaryGiven}},
        {S::Ready, S::Testing, {}},
        {S::Reserved, S::HandedOver, {G::BeneficiaryGiven, G::ReservedForBeneficiary}},
        {S::Reserved, S::Ready, {}},
        {S::HandedOver, S::Returned, {}},
        {S::Returned, S::Testing, {}},
        {S::Returned, S::Parts, {}},
        {S::Returned, S::Recycled, {G::DataCleared}},
        {S::Parts, S::Recycled, {G::DataCleared}},
    };
    return table;
}

bool isAllowed(AssetState from, AssetState to)
{
    for (const auto &t : transitions())
        if (t.from == from && t.to == to)
            return true;
    return false;
}

bool isFinal(AssetState state)
{
    for (const auto &t : transitions())
        if (t.from == state)
            return false;
    return true;
}

Result<void> check(AssetState from, AssetState to, const AssetFacts &facts, const QString &beneficiary,
                   GuardScope scope)
{
    for (const auto &t : transitions()) {
        if (t.from != from || t.to != to)
            continue;
        for (Guard g : t.guards)
            if ((scope == GuardScope::All || isAssetStateGuard(g)) && !holds(g, facts, beneficiary))
                return makeError(ErrorCode::TransitionRefused,
                                 QCoreApplication::translate("Lifecycle", "%1 → %2 refused: %3")
                                     .arg(toString(from), toString(to), unmetMessage(g, facts)),
                                 guardName(g));
        return {};
    }
    const QString why = isFinal(from)
        ? QCoreApplication::translate("Lifecycle", "%1 is final").arg(toString(from))
        : QCoreApplication::translate("Lifecycle", "%1 cannot go to %2").arg(toString(from), toString(to));
    return makeError(
        ErrorCode::TransitionRefused,
        QCoreApplication::translate("Lifecycle", "%1 → %2 refused: %3").arg(toString(from), toString(to), why),
        QStringLiteral("forbidden_transition"));
}

} // namespace Lifecycle
} // namespace Etabli::Inventory
