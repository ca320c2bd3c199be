// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "tests/support/faultyblocksource.h"

#include <cerrno>

namespace Etabli::TestSupport {

FaultyBlockSource::FaultyBlockSource(HwTest::BlockSource *inner, QSet<qint64> badSectors)
    : m_inner(inner)
    , m_bad(std::move(badSectors))
{}

qint64 FaultyBlockSource::readAt(qint64 offset, void *buffer, qint64 length)
{
    ++m_calls;
    const int ss = sectorSize();
    for (qint64 s = offset / ss; s < (offset + length + ss - 1) / ss; ++s) {
        if (m_bad.contains(s))
            return -EIO;
    }
    return m_inner->readAt(offset, buffer, length);
}

} // namespace Etabli::TestSupport
