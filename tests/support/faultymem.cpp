// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "tests/support/faultymem.h"

#include "hwtest/diag/ramtest_p.h"

namespace Etabli::TestSupport {

namespace {

// Every access goes through the injected faults.
struct FaultyMem {
    const QList<RamFault> *faults = nullptr;
    quint64 *base = nullptr;

    quint64 *resolve(const quint64 *p) const
    {
        for (const RamFault &f : *faults) {
            if (f.kind == RamFault::Kind::AddressAlias && p == base + f.word)
                return base + f.otherWord;
        }
        return const_cast<quint64 *>(p);
    }
    quint64 load(const quint64 *p) const
    {
        const quint64 *cell = resolve(p);
        quint64 v = *cell;
        for (const RamFault &f : *faults) {
            const quint64 m = 1ULL << f.bit;
            if (f.kind == RamFault::Kind::StuckAt0 && cell == base + f.word)
                v &= ~m;
            else if (f.kind == RamFault::Kind::StuckAt1 && cell == base + f.word)
                v |= m;
            else if (f.kind == RamFault::Kind::DataLineStuck0)
                v &= ~m;
        }
        return v;
    }
    void store(quint64 *p, quint64 v) const
    {
        quint64 *cell = resolve(p);
        const quint64 old = *cell;
        for (const RamFault &f : *faults) {
            const quint64 m = 1ULL << f.bit;
            const bool here = cell == base + f.word;
            switch (f.kind) {
            case RamFault::Kind::StuckAt0:
                if (here)
                    v &= ~m;
                break;
            case RamFault::Kind::StuckAt1:
                if (here)
                    v |= m;
                break;
            case RamFault::Kind::TransitionUp:
                if (here && !(old & m) && (v & m))
                    v &= ~m;
                break;
            case RamFault::Kind::TransitionDown:
                if (here && (old & m) && !(v & m))
                    v |= m;
                break;
            case RamFault::Kind::DataLineStuck0:
                v &= ~m;
                break;
            case RamFault::Kind::Bridging:
                if (v & m)
                    v |= 1ULL << f.otherBit;
                break;
            case RamFault::Kind::AddressAlias:
            case RamFault::Kind::Coupling:
                break;
            }
        }
        *cell = v;
        for (const RamFault &f : *faults) {
            if (f.kind == RamFault::Kind::Coupling && cell == base + f.word && ((old ^ v) >> f.bit) & 1)
                base[f.otherWord] ^= 1ULL << f.otherBit;
        }
    }
    void copy(quint64 *dst, const quint64 *src, size_t n) const
    {
        for (size_t i = 0; i < n; ++i)
            store(dst + i, load(src + i));
    }
};

} // namespace

QString toString(RamFault::Kind kind)
{
    switch (kind) {
    case RamFault::Kind::StuckAt0:
        return QStringLiteral("stuck-at-0");
    case RamFault::Kind::StuckAt1:
        return QStringLiteral("stuck-at-1");
    case RamFault::Kind::TransitionUp:
        return QStringLiteral("transition-up");
    case RamFault::Kind::TransitionDown:
        return QStringLiteral("transition-down");
    case RamFault::Kind::AddressAlias:
        return QStringLiteral("address-alias");
    case RamFault::Kind::Coupling:
        return QStringLiteral("coupling");
    case RamFault::Kind::DataLineStuck0:
        return QStringLiteral("data-line-stuck-0");
    case RamFault::Kind::Bridging:
        return QStringLiteral("bridging");
    }
    return {};
}

Result<RamFault> parseRamFault(const QString &spec)
{
    const QStringList f = spec.split(u':');
    RamFault fault;
    bool found = false;
    for (int k = int(RamFault::Kind::StuckAt0); k <= int(RamFault::Kind::Bridging); ++k) {
        if (toString(RamFault::Kind(k)) == f.value(0)) {
            fault.kind = RamFault::Kind(k);
            found = true;
        }
    }
    bool ok1 = true, ok2 = true, ok3 = true, ok4 = true;
    fault.word = f.value(1, QStringLiteral("0")).toLongLong(&ok1);
    fault.bit = f.value(2, QStringLiteral("0")).toInt(&ok2);
    fault.otherWord = f.value(3, QStringLiteral("0")).toLongLong(&ok3);
    fault.otherBit = f.value(4, QStringLiteral("0")).toInt(&ok4);
    if (!found || !ok1 || !ok2 || !ok3 || !ok4 || fault.bit < 0 || fault.bit > 63 || fault.otherBit < 0
        || fault.otherBit > 63 || fault.word < 0 || fault.otherWord < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("bad fault «%1» (KIND:WORD:BIT[:WORD2:BIT2])").arg(spec));
    return fault;
}

HwTest::RamTestReport runRamTestWithFaults(const HwTest::RamTestOptions &options, const QList<RamFault> &faults,
                                           HwTest::ProgressSink *sink)
{
    return HwTest::Detail::runRamTestWith(options, sink, [&faults](quint64 *base) { return FaultyMem{&faults, base}; });
}

} // namespace Etabli::TestSupport
