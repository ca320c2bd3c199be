// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "tests/support/faketargets.h"

#include <chrono>
#include <cstring>
#include <thread>

namespace Etabli::TestSupport {

Result<void> FaultyTarget::eio() const
{
    return makeError(ErrorCode::Io,
                     QStringLiteral("target %1: write failed at offset %2: %3")
                         .arg(name())
                         .arg(m_failAt)
                         .arg(QString::fromLocal8Bit(strerror(EIO))),
                     QStringLiteral("target_io"));
}

Result<void> FaultyTarget::write(int64_t offset, const uint8_t *data, size_t length)
{
    if (m_failed || offset + int64_t(length) > m_failAt) {
        m_failed = true;
        return eio();
    }
    return m_inner->write(offset, data, length);
}

Result<bool> FaultyTarget::discard(int64_t offset, int64_t length)
{
    if (m_failed || offset + length > m_failAt) {
        m_failed = true;
        return eio().error();
    }
    return m_inner->discard(offset, length);
}

Result<bool> FaultyTarget::zeroOut(int64_t offset, int64_t length)
{
    if (m_failed || offset + length > m_failAt) {
        m_failed = true;
        return eio().error();
    }
    return m_inner->zeroOut(offset, length);
}

Result<void> FaultyTarget::sync()
{
    return m_failed ? eio() : m_inner->sync();
}

Result<void> FaultyTarget::read(int64_t offset, uint8_t *data, size_t length)
{
    return m_failed ? eio() : m_inner->read(offset, data, length);
}

void SlowTarget::wait(int64_t bytes) const
{
    std::this_thread::sleep_for(std::chrono::microseconds(bytes * m_msPerMiB * 1000 / (1 << 20)));
}

Result<void> SlowTarget::write(int64_t offset, const uint8_t *data, size_t length)
{
    wait(int64_t(length));
    return m_inner->write(offset, data, length);
}

Result<bool> SlowTarget::discard(int64_t offset, int64_t length)
{
    wait(length);
    return m_inner->discard(offset, length);
}

Result<bool> SlowTarget::zeroOut(int64_t offset, int64_t length)
{
    wait(length);
    return m_inner->zeroOut(offset, length);
}

} // namespace Etabli::TestSupport
