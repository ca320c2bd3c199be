// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// A disk with unreadable sectors for the surface scan, linked only by tests
// (Etabli::TestSupport).

#include "hwtest/diag/surfacescan.h"

#include <QSet>

namespace Etabli::TestSupport {

/// Wraps another source and fails reads touching `badSectors` with EIO, like a disk
/// with unreadable sectors (device-mapper error targets are unavailable here). Does not
/// own `inner`. One thread at a time, as every BlockSource.
class FaultyBlockSource final : public HwTest::BlockSource
{
public:
    FaultyBlockSource(HwTest::BlockSource *inner, QSet<qint64> badSectors);
    qint64 size() const override { return m_inner->size(); }
    int sectorSize() const override { return m_inner->sectorSize(); }
    qint64 readAt(qint64 offset, void *buffer, qint64 length) override;
    QString name() const override { return m_inner->name(); }
    int readCalls() const { return m_calls; }

private:
    HwTest::BlockSource *m_inner;
    QSet<qint64> m_bad;
    int m_calls = 0;
};

} // namespace Etabli::TestSupport
