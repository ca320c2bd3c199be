// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Test doubles of imaging targets, linked only by tests (Etabli::TestSupport).

#include "imaging/target.h"

#include <atomic>
#include <memory>

namespace Etabli::TestSupport {

/// A target around another one that fails with EIO once a write reaches `failAt` (like a
/// disk pulled out of its dock), and every call after that. Same threads as the inner one.
class FaultyTarget final : public Imaging::TargetDevice
{
public:
    FaultyTarget(std::unique_ptr<Imaging::TargetDevice> inner, int64_t failAt)
        : m_inner(std::move(inner))
        , m_failAt(failAt)
    {}
    QString name() const override { return m_inner->name(); }
    QString identity() const override { return m_inner->identity(); }
    int64_t size() const override { return m_inner->size(); }
    Result<void> resize(int64_t size) override { return m_inner->resize(size); }
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override;
    Result<bool> discard(int64_t offset, int64_t length) override;
    Result<bool> zeroOut(int64_t offset, int64_t length) override;
    Result<void> sync() override;
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override;

private:
    Result<void> eio() const;
    std::unique_ptr<Imaging::TargetDevice> m_inner;
    int64_t m_failAt = 0;
    std::atomic<bool> m_failed{false};
};

/// A target around another one that takes `msPerMiB` milliseconds for every MiB written,
/// zeroed or discarded (like a slow USB stick), so that a test can interrupt a write in
/// the middle. Everything else, identity included, is the inner target's.
class SlowTarget final : public Imaging::TargetDevice
{
public:
    SlowTarget(std::unique_ptr<Imaging::TargetDevice> inner, int msPerMiB)
        : m_inner(std::move(inner))
        , m_msPerMiB(msPerMiB)
    {}
    QString name() const override { return m_inner->name(); }
    QString model() const override { return m_inner->model(); }
    QString serial() const override { return m_inner->serial(); }
    bool isBlockDevice() const override { return m_inner->isBlockDevice(); }
    QString identity() const override { return m_inner->identity(); }
    int64_t size() const override { return m_inner->size(); }
    Result<void> resize(int64_t size) override { return m_inner->resize(size); }
    Result<void> write(int64_t offset, const uint8_t *data, size_t length) override;
    Result<bool> discard(int64_t offset, int64_t length) override;
    Result<bool> zeroOut(int64_t offset, int64_t length) override;
    Result<void> sync() override { return m_inner->sync(); }
    Result<void> read(int64_t offset, uint8_t *data, size_t length) override
    {
        return m_inner->read(offset, data, length);
    }

private:
    void wait(int64_t bytes) const;
    std::unique_ptr<Imaging::TargetDevice> m_inner;
    int m_msPerMiB = 0;
};

} // namespace Etabli::TestSupport
