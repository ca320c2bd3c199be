// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/pipeline_p.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <libdeflate.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <cstring>
#include <sys/mman.h>

namespace Etabli::Imaging {

Digest sha256(const void *data, size_t length)
{
    Digest d{};
    unsigned int n = 0;
    EVP_Digest(data, length, d.data(), &n, EVP_sha256(), nullptr);
    return d;
}

QString toHex(const Digest &digest)
{
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest.data()), 32).toHex());
}

uint32_t crc32Of(const void *data, size_t length)
{
    return libdeflate_crc32(0, data, length);
}

QString fileFor(const QString &dir, const QString &path, const QString &suffix)
{
    const QByteArray key = QFileInfo(path).absoluteFilePath().toUtf8();
    return dir + u'/' + toHex(sha256(key.constData(), size_t(key.size()))).left(24) + suffix;
}

AlignedBuffer::AlignedBuffer(size_t size)
    : m_size(size)
{
    if (size)
        m_data = static_cast<uint8_t *>(std::aligned_alloc(4096, (size + 4095) / 4096 * 4096));
}

AlignedBuffer::~AlignedBuffer()
{
    std::free(m_data);
}

AlignedBuffer::AlignedBuffer(AlignedBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{}

AlignedBuffer &AlignedBuffer::operator=(AlignedBuffer &&other) noexcept
{
    std::swap(m_data, other.m_data);
    std::swap(m_size, other.m_size);
    return *this;
}

const uint8_t *zeroBuffer(size_t size)
{
    // One read-only anonymous mapping: every page is the kernel's shared zero page, so it
    // costs no memory whatever its size, and O_DIRECT writes can use it.
    static constexpr size_t kSize = size_t(64) << 20; // the largest range a manifest may declare
    static const uint8_t *zeros = [] {
        void *p = ::mmap(nullptr, kSize, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return p == MAP_FAILED ? nullptr : static_cast<const uint8_t *>(p);
    }();
    Q_ASSERT(size <= kSize && zeros);
    Q_UNUSED(size);
    return zeros;
}

int defaultThreads()
{
    return std::max(1u, std::thread::hardware_concurrency());
}

Pipeline::Pipeline(int64_t count, uint32_t rangeSize, int workers, int window, int consumers, Produce produce)
    : m_cursor(size_t(consumers), 0)
    , m_produce(std::move(produce))
    , m_count(count)
    , m_rangeSize(rangeSize)
    , m_workers(std::max(1, workers))
{
    m_slots.resize(size_t(std::max(window, 2)));
    for (Slot &s : m_slots)
        s.buffer = AlignedBuffer(rangeSize);
}

Pipeline::~Pipeline()
{
    abort(makeError(ErrorCode::Cancelled, QCoreApplication::translate("Imaging", "stopped")));
    join();
}

void Pipeline::shareBuffers(int slots, std::function<bool(int64_t)> isZero)
{
    std::lock_guard lock(m_mutex);
    for (Slot &s : m_slots)
        m_pool.push_back(std::move(s.buffer));
    m_slots.clear();
    m_slots.resize(size_t(std::max<int>(slots, int(m_pool.size()))));
    m_isZero = std::move(isZero);
}

void Pipeline::reclaimLocked()
{
    if (!m_isZero)
        return;
    int64_t low = -1;
    for (int64_t c : m_cursor)
        if (c >= 0 && (low < 0 || c < low))
            low = c;
    if (low < 0)
        return; // every consumer dropped: nothing waits for buffers any more
    for (; m_reclaimed < low; ++m_reclaimed) {
        Slot &s = m_slots[size_t(m_reclaimed % int64_t(m_slots.size()))];
        if (s.index == m_reclaimed && s.state == Slot::State::Ready && s.buffer.data())
            m_pool.push_back(std::move(s.buffer));
    }
}

void Pipeline::start()
{
    for (int i = 0; i < m_workers; ++i)
        m_threads.emplace_back([this] { work(); });
}

void Pipeline::join()
{
    for (std::thread &t : m_threads)
        if (t.joinable())
            t.join();
    m_threads.clear();
}

bool Pipeline::slotFreeLocked(int64_t index) const
{
    const Slot &s = m_slots[size_t(index % int64_t(m_slots.size()))];
    if (s.state == Slot::State::Producing)
        return false;
    if (s.index < 0)
        return true;
    for (int64_t c : m_cursor)
        if (c >= 0 && c <= s.index)
            return false;
    return true;
}

void Pipeline::work()
{
    for (;;) {
        Slot *slot = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_error || (m_count >= 0 && m_next >= m_count) || slotFreeLocked(m_next); });
            if (m_error || (m_count >= 0 && m_next >= m_count))
                return;
            slot = &m_slots[size_t(m_next % int64_t(m_slots.size()))];
            slot->index = m_next++;
            slot->state = Slot::State::Producing;
            slot->skipped = false;
            slot->extents.clear();
            if (m_isZero) {
                // Only a range that may hold data takes one of the shared buffers.
                if (m_isZero(slot->index)) {
                    if (slot->buffer.data())
                        m_pool.push_back(std::move(slot->buffer));
                } else if (!slot->buffer.data()) {
                    m_cv.wait(lock, [&] { return m_error || !m_pool.empty(); });
                    if (m_error)
                        return;
                    slot->buffer = std::move(m_pool.back());
                    m_pool.pop_back();
                }
            }
        }
        auto produced = m_produce(*slot);
        {
            std::lock_guard lock(m_mutex);
            if (!produced) {
                if (!m_error)
                    m_error = produced.error();
            } else {
                slot->length = uint32_t(*produced);
                if (*produced < int64_t(m_rangeSize)) {
                    // End of a stream: this range is the last one (or past the end if empty).
                    const int64_t end = *produced > 0 ? slot->index + 1 : slot->index;
                    if (m_count < 0 || end < m_count)
                        m_count = end;
                }
            }
            slot->state = Slot::State::Ready;
        }
        m_cv.notify_all();
    }
}

Slot *Pipeline::acquire(int consumer)
{
    std::unique_lock lock(m_mutex);
    Slot *result = nullptr;
    m_cv.wait(lock, [&] {
        if (m_error)
            return true;
        const int64_t i = m_cursor[size_t(consumer)];
        if (i < 0 || (m_count >= 0 && i >= m_count))
            return true;
        Slot &s = m_slots[size_t(i % int64_t(m_slots.size()))];
        if (s.index == i && s.state == Slot::State::Ready) {
            result = &s;
            return true;
        }
        return false;
    });
    if (m_error)
        return nullptr;
    if (result && m_count >= 0 && result->index >= m_count)
        return nullptr;
    return result;
}

void Pipeline::release(int consumer)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_cursor[size_t(consumer)] >= 0)
            ++m_cursor[size_t(consumer)];
        reclaimLocked();
    }
    m_cv.notify_all();
}

void Pipeline::drop(int consumer)
{
    {
        std::lock_guard lock(m_mutex);
        m_cursor[size_t(consumer)] = -1;
        reclaimLocked();
        bool anyLive = false;
        for (int64_t c : m_cursor)
            anyLive = anyLive || c >= 0;
        if (!anyLive && !m_error)
            m_error = makeError(ErrorCode::Io, QCoreApplication::translate("Imaging", "every target failed"),
                                QStringLiteral("all_targets_failed"));
    }
    m_cv.notify_all();
}

void Pipeline::abort(Error error)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = std::move(error);
    }
    m_cv.notify_all();
}

std::optional<Error> Pipeline::error() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

int64_t Pipeline::count() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

} // namespace Etabli::Imaging
