// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/httpsource.h"

#include "imaging/httpclient_p.h"
#include "imaging/multicast.h"
#include "imaging/pipeline_p.h"
#include "imaging/qcow2.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <libdeflate.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

namespace Etabli::Imaging {

namespace {

using Clock = std::chrono::steady_clock;

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Imaging::HttpSource", text);
}

struct DecompressorDeleter {
    void operator()(libdeflate_decompressor *d) const { libdeflate_free_decompressor(d); }
};

libdeflate_decompressor *decompressor()
{
    thread_local std::unique_ptr<libdeflate_decompressor, DecompressorDeleter> d(libdeflate_alloc_decompressor());
    return d.get();
}

void appendExtent(std::vector<Extent> &extents, uint32_t offset, uint32_t length)
{
    if (!extents.empty() && extents.back().offset + extents.back().length == offset)
        extents.back().length += length;
    else
        extents.push_back({offset, length});
}

/// The server's own words from a JSON error body, when it sent one.
QString serverMessage(const std::vector<uint8_t> &body)
{
    const QJsonObject o
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(body.data()), qsizetype(body.size())))
              .object();
    return o.value(QStringLiteral("message")).toString();
}

/// 401, 403, 404…: what no retry can change.
std::optional<Error> refusal(int status, const std::vector<uint8_t> &body, const QString &what)
{
    const QString said = serverMessage(body);
    const QString tail = said.isEmpty() ? QString() : QStringLiteral(" (") + said + QLatin1Char(')');
    switch (status) {
    case 401:
        return makeError(
            ErrorCode::Unauthorized,
            tr("the server refused the token for %1: wrong, revoked or missing token (--token)%2").arg(what, tail),
            QStringLiteral("unauthorized"));
    case 403:
        return makeError(ErrorCode::Refused, tr("the server does not let this token read %1%2").arg(what, tail),
                         QStringLiteral("forbidden"));
    case 404:
        return makeError(ErrorCode::NotFound, tr("no such master on the server: %1%2").arg(what, tail),
                         QStringLiteral("not_found"));
    default:
        return std::nullopt;
    }
}

struct Span {
    uint64_t host = 0;
    std::vector<uint8_t> bytes;
};

/// The host offset of a Span that holds a range's guest bytes taken from the cache.
constexpr uint64_t kFromCache = UINT64_MAX;

} // namespace

bool isRemoteMaster(const QString &path)
{
    return path.startsWith(QLatin1String("http://")) || path.startsWith(QLatin1String("https://"))
        || isMulticastMaster(path);
}

QString remoteMasterUrl(const QString &path)
{
    QString group, url;
    uint16_t port = 0;
    if (isMulticastMaster(path) && parseMulticastMaster(path, &group, &port, &url))
        return url;
    return path;
}

struct HttpSource::Private {
    QString text;
    HttpUrl url;
    RemoteOptions options;
    std::shared_ptr<TlsContext> tls;
    int timeoutMs = 10000;
    QByteArray etag;
    uint64_t fileSize = 0;
    std::unique_ptr<Qcow2Image> image;
    std::atomic<int64_t> fetched{0};

    std::mutex mutex; // guards everything below
    std::condition_variable cv;
    bool started = false, stop = false;
    uint32_t rangeSize = 1 << 20;
    std::vector<int64_t> jobs; ///< range indexes to fetch, in order
    std::unordered_map<int64_t, size_t> jobOf;
    std::vector<char> consumed;
    size_t next = 0, low = 0;
    size_t window = 8;
    std::map<int64_t, std::vector<Span>> ready;
    std::optional<Error> error;
    Clock::time_point lastProgress = Clock::now();
    std::vector<std::thread> workers;
    std::mutex spareMutex;
    std::unique_ptr<HttpConnection> spare; ///< metadata and ranges outside the plan

    // Multicast (RemoteOptions::multicastGroup): clusters taken from the group as they pass
    // for the ranges in the window; a range the stream passed, or that waited too long, is
    // completed by unicast.
    struct Partial {
        std::vector<Span> spans;
        std::vector<std::vector<char>> have; ///< per span, one flag per byte
        int64_t needed = 0, got = 0;
        Clock::time_point since = Clock::now();
        bool passed = false; ///< the stream went past it with bytes missing
        bool nacked = false; ///< its holes were NACKed to the sender
        int nacks = 0; ///< NACK rounds so far (at most two)
        Clock::time_point nackedAt;
    };
    struct SpanRef {
        uint64_t start = 0, end = 0;
        size_t job = 0, span = 0;
    };
    bool multicast = false;
    bool gro = false; ///< UDP_GRO is on for mcSocket
    int64_t groPackets = 0; ///< messages that were several datagrams coalesced
    int mcSocket = -1;
    uint64_t session = 0;
    std::thread receiver;
    std::vector<SpanRef> spanIndex; ///< every job's spans, by start
    std::vector<int64_t> neededOf; ///< per job: cluster bytes (spans minus their gaps)
    std::vector<char> delivered; ///< per job: handed to ready (multicast data no longer taken)
    std::map<size_t, Partial> partial;
    Clock::time_point lastDatagram = Clock::now();
    size_t lastJob = 0; ///< the job the latest datagram belonged to (where the stream is)
    int64_t multicastBytes = 0, repairedBytes = 0;
    int64_t wholeBytes = 0; ///< of repairedBytes: whole ranges the stream passed before this bench took them
    // Feedback to the sender (multicast.h): reports, NACKs, leaving when too slow.
    sockaddr_in sender{};
    bool haveSender = false, senderAtFloor = false, dropped = false;
    double senderMbit = 0;
    int64_t nackRepairedBytes = 0, nacksSent = 0;
    uint64_t firstSeq = UINT64_MAX, lastSeq = 0;
    int64_t datagrams = 0;
    int lossyAtFloor = 0;
    uint32_t lastLoss = 0;
    Clock::time_point nextReport = Clock::now();
    // Next-cycle catch-up: what the stream passed before this bench took it waits for the
    // sender's next cycle (the datagram header carries the cycle number), unicast only after
    // kCatchUpCycles cycles without it, out of the group, or when the sender went silent.
    static constexpr uint32_t kCatchUpCycles = 2;
    uint32_t cycle = 0, cycles = 0; ///< the sender's cycle number; cycle changes seen
    int64_t catchUpBytes = 0; ///< taken from the group in a later cycle than the first one seen
    uint32_t firstCycles = UINT32_MAX;
    // Receive-buffer drops (SO_RXQ_OVFL): datagrams that reached this bench but that it was
    // too busy to take, told apart from loss on the link.
    uint32_t overflow = 0, lastOverflow = 0;
    bool haveOverflow = false;
    int64_t bufferDrops = 0;
    uint32_t rowBestLoss = 0; ///< ‰, the least lossy receiver of the row (the sender's status)
    bool rowKnown = false;
    double linkLossAvg = 0, rowBestAvg = 0; ///< ‰, means over the run so far (per report interval)
    int64_t lossIntervals = 0;
    /// Loss of this bench alone (clearly above the best of the row): its holes go by unicast,
    /// not NACK, since a re-multicast for one bench costs every bench of the row.
    bool privateLossLocked() const { return rowKnown && linkLossAvg > 2 * rowBestAvg + 3; }

    /// A report to the sender, with up to kMulticastMaxNacks NACKed ranges. Under the mutex.
    void reportLocked(uint32_t lossPermille, bool leaving, const std::vector<std::pair<uint64_t, uint32_t>> &nacks = {})
    {
        if (!haveSender)
            return;
        // Still missing data: flag 2 and, after the NACK entries, the first guest cluster needed.
        uint64_t needFrom = UINT64_MAX;
        if (!leaving && started && !dropped) {
            for (size_t j = low; j < jobs.size(); ++j)
                if (!delivered[j]) {
                    needFrom = uint64_t(jobs[j]) * rangeSize / image->header().clusterSize();
                    break;
                }
        }
        size_t k = 0;
        do {
            std::vector<uint8_t> out(kMulticastReport);
            std::memcpy(out.data(), "ETBR\x01", 5);
            out[5] = uint8_t((leaving ? 1 : 0) | (needFrom != UINT64_MAX ? 2 : 0));
            put(out.data() + 8, session, 8);
            put(out.data() + 16, lossPermille, 4);
            const size_t count = std::min<size_t>(kMulticastMaxNacks, nacks.size() - k);
            put(out.data() + 20, count, 4);
            for (size_t e = 0; e < count; ++e, ++k) {
                uint8_t entry[kMulticastNackEntry];
                put(entry, nacks[k].first, 8);
                put(entry + 8, nacks[k].second, 4);
                out.insert(out.end(), entry, entry + kMulticastNackEntry);
            }
            if (needFrom != UINT64_MAX) {
                uint8_t trailer[8];
                put(trailer, needFrom, 8);
                out.insert(out.end(), trailer, trailer + 8);
            }
            (void)::sendto(mcSocket, out.data(), out.size(), 0, reinterpret_cast<const sockaddr *>(&sender),
                           sizeof sender);
        } while (k < nacks.size());
    }

    static void put(uint8_t *p, uint64_t v, int bytes)
    {
        for (int i = bytes - 1; i >= 0; --i) {
            p[i] = uint8_t(v);
            v >>= 8;
        }
    }

    /// The holes of `part` as file ranges (holes closer than 16 KiB merged).
    static std::vector<std::pair<uint64_t, uint32_t>> holesOf(const Partial &part)
    {
        std::vector<std::pair<uint64_t, uint32_t>> holes;
        for (size_t k = 0; k < part.spans.size(); ++k) {
            const std::vector<char> &have = part.have[k];
            size_t at = 0;
            while (at < have.size()) {
                if (have[at]) {
                    ++at;
                    continue;
                }
                size_t end = at;
                for (size_t gap = 0; end < have.size() && gap < 16384; ++end)
                    gap = have[end] ? gap + 1 : 0;
                while (end > at && have[end - 1])
                    --end;
                holes.emplace_back(part.spans[k].host + at, uint32_t(end - at));
                at = end;
            }
        }
        return holes;
    }

    /// Every 250 ms: the loss seen since the last report, to the sender; leaves the group
    /// when losing more than 10 % for a second while the sender is at its floor rate.
    void periodicLocked()
    {
        const auto now = Clock::now();
        if (now < nextReport)
            return;
        nextReport = now + std::chrono::milliseconds(250);
        uint32_t loss = 0;
        if (datagrams > 0 && lastSeq >= firstSeq) {
            const double expected = double(lastSeq - firstSeq + 1);
            loss = uint32_t(std::clamp(1000.0 * (expected - double(datagrams)) / expected, 0.0, 1000.0));
        }
        // Of the loss, what the receive buffer dropped (the bench could not keep up): the rate
        // goes down for it, but it is no reason to leave the group (unicast would not be
        // faster for a busy bench, and it loads the server's link).
        uint32_t linkLoss = loss;
        if (haveOverflow && datagrams > 0 && lastSeq >= firstSeq) {
            const uint32_t drops = overflow - lastOverflow;
            bufferDrops += drops;
            const double expected = double(lastSeq - firstSeq + 1);
            const uint32_t bufferLoss = uint32_t(std::clamp(1000.0 * double(drops) / expected, 0.0, 1000.0));
            linkLoss = loss > bufferLoss ? loss - bufferLoss : 0;
        }
        lastOverflow = overflow;
        if (datagrams > 0) {
            ++lossIntervals;
            linkLossAvg += (double(linkLoss) - linkLossAvg) / double(lossIntervals);
            rowBestAvg += (double(rowBestLoss) - rowBestAvg) / double(lossIntervals);
        }
        firstSeq = UINT64_MAX;
        lastSeq = 0;
        datagrams = 0;
        lastLoss = loss;
        // Leaving: more than 10 % lost on the link for a second at the floor rate, and clearly
        // worse than the best of the row (when the whole row loses, the row stays).
        const bool worseThanRow = !rowKnown || linkLoss > 2 * rowBestLoss + 50;
        lossyAtFloor = senderAtFloor && linkLoss > 100 && worseThanRow ? lossyAtFloor + 1 : 0;
        if (lossyAtFloor >= 4) {
            reportLocked(loss, true);
            dropped = true;
            ip_mreq leave{};
            ::inet_pton(AF_INET, options.multicastGroup.toLatin1().constData(), &leave.imr_multiaddr);
            ::setsockopt(mcSocket, IPPROTO_IP, IP_DROP_MEMBERSHIP, &leave, sizeof leave);
            qWarning("imaging: multicast: %.1f %% lost at the sender's floor rate (%.0f Mbit/s): left the group, "
                     "the rest by unicast",
                     double(loss) / 10, senderMbit);
            cv.notify_all();
            return;
        }
        reportLocked(loss, false);
    }

    // The local cache (RemoteOptions::cachePath): never trusted, each range hashed against
    // the manifest's digest before it stands in for a fetch.
    std::unique_ptr<Source> cache;
    std::atomic<int64_t> cached{0};
    std::atomic<int64_t> cacheMisses{0};

    /// Range `index` from the cache when its bytes there are the manifest's; false otherwise
    /// (missing, shorter, unreadable or different: then it is fetched).
    bool fromCache(int64_t index, std::vector<Span> &out)
    {
        if (!cache || int64_t(rangeSize) != options.cacheRangeSize || index < 0
            || size_t(index) >= options.cacheDigests.size())
            return false;
        const int64_t offset = index * int64_t(rangeSize);
        const int64_t n = std::min<int64_t>(rangeSize, int64_t(image->header().size) - offset);
        if (n <= 0 || offset + n > cache->virtualSize()) {
            ++cacheMisses;
            return false;
        }
        Span span;
        span.host = kFromCache;
        span.bytes.resize(rangeSize);
        std::vector<Extent> extents;
        const int64_t length = std::min<int64_t>(rangeSize, cache->virtualSize() - offset);
        auto r = cache->read(offset, length, span.bytes.data(), extents);
        if (!r || *r < n) {
            ++cacheMisses;
            return false;
        }
        if (extents.empty())
            std::memset(span.bytes.data(), 0, size_t(n));
        if (sha256(span.bytes.data(), size_t(n)) != options.cacheDigests[size_t(index)]) {
            ++cacheMisses;
            return false;
        }
        span.bytes.resize(size_t(n));
        out.push_back(std::move(span));
        cached += n;
        return true;
    }

    std::unique_ptr<HttpConnection> connection()
    {
        return std::make_unique<HttpConnection>(url, tls, options.token.toUtf8(), timeoutMs);
    }

    bool allocated(int64_t index) const
    {
        const uint64_t cs = image->header().clusterSize();
        const uint64_t size = image->header().size;
        const uint64_t first = uint64_t(index) * rangeSize / cs;
        const uint64_t last = std::min<uint64_t>((uint64_t(index) + 1) * rangeSize, size);
        for (uint64_t c = first; c * cs < last; ++c) {
            const ClusterKind k = image->cluster(c).kind;
            if (k == ClusterKind::Data || k == ClusterKind::Compressed)
                return true;
        }
        return false;
    }

    /// Host byte spans [start, end) that range `index` needs, merged when close.
    std::vector<std::pair<uint64_t, uint64_t>> spansFor(int64_t index) const
    {
        const uint64_t cs = image->header().clusterSize();
        const uint64_t size = image->header().size;
        std::vector<std::pair<uint64_t, uint64_t>> raw;
        const uint64_t first = uint64_t(index) * rangeSize / cs;
        const uint64_t end = std::min<uint64_t>((uint64_t(index) + 1) * rangeSize, size);
        for (uint64_t c = first; c * cs < end; ++c) {
            const ClusterRef r = image->cluster(c);
            if (r.kind == ClusterKind::Data)
                raw.emplace_back(r.hostOffset, std::min<uint64_t>(r.hostOffset + cs, fileSize));
            else if (r.kind == ClusterKind::Compressed)
                raw.emplace_back(r.hostOffset, std::min<uint64_t>(r.hostOffset + r.compressedSize, fileSize));
        }
        std::sort(raw.begin(), raw.end());
        std::vector<std::pair<uint64_t, uint64_t>> merged;
        for (const auto &s : raw) {
            if (!merged.empty() && s.first <= merged.back().second + 65536)
                merged.back().second = std::max(merged.back().second, s.second);
            else
                merged.push_back(s);
        }
        return merged;
    }

    /// The bytes of the clusters of range `index` in the file (their union).
    int64_t clusterBytes(int64_t index) const
    {
        const uint64_t cs = image->header().clusterSize();
        const uint64_t size = image->header().size;
        std::vector<std::pair<uint64_t, uint64_t>> raw;
        const uint64_t first = uint64_t(index) * rangeSize / cs;
        const uint64_t end = std::min<uint64_t>((uint64_t(index) + 1) * rangeSize, size);
        for (uint64_t c = first; c * cs < end; ++c) {
            const ClusterRef r = image->cluster(c);
            if (r.kind == ClusterKind::Data)
                raw.emplace_back(r.hostOffset, std::min<uint64_t>(r.hostOffset + cs, fileSize));
            else if (r.kind == ClusterKind::Compressed)
                raw.emplace_back(r.hostOffset, std::min<uint64_t>(r.hostOffset + r.compressedSize, fileSize));
        }
        std::sort(raw.begin(), raw.end());
        int64_t total = 0;
        uint64_t reach = 0;
        for (const auto &[a, b] : raw) {
            const uint64_t from = std::max(a, reach);
            if (b > from)
                total += int64_t(b - from);
            reach = std::max(reach, b);
        }
        return total;
    }

    /// Takes the group's datagrams into the ranges of the window (the receiving thread).
    void receive()
    {
        // Up to 32 datagrams per system call, handled under one lock: at 1 Gbit/s that is
        // 85 000 datagrams a second on a CPU shared with the writer. With UDP GRO (the
        // socket option, set at open) each message may be many datagrams of one size coalesced
        // by the kernel (cmsg UDP_GRO: the size), cut here: one wake-up and one socket
        // buffer per packet of the sender's GSO instead of per datagram.
        constexpr int kBatch = 32;
        const size_t kSize = gro ? size_t(65536) : size_t(kMulticastHeader + kMulticastPayload + 64);
        std::vector<uint8_t> buffers(kBatch * kSize);
        std::vector<mmsghdr> messages(kBatch);
        std::vector<iovec> vectors(kBatch);
        std::vector<sockaddr_in> froms(kBatch);
        constexpr size_t kControl = CMSG_SPACE(sizeof(uint32_t)) + CMSG_SPACE(sizeof(int));
        std::vector<uint8_t> controls(kBatch * kControl);
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (stop || error)
                    return;
                periodicLocked();
                if (dropped)
                    return;
            }
            pollfd p{mcSocket, POLLIN, 0};
            if (::poll(&p, 1, 100) != 1)
                continue;
            for (int k = 0; k < kBatch; ++k) {
                vectors[size_t(k)] = {buffers.data() + size_t(k) * kSize, kSize};
                messages[size_t(k)] = {};
                messages[size_t(k)].msg_hdr.msg_iov = &vectors[size_t(k)];
                messages[size_t(k)].msg_hdr.msg_iovlen = 1;
                messages[size_t(k)].msg_hdr.msg_name = &froms[size_t(k)];
                messages[size_t(k)].msg_hdr.msg_namelen = sizeof(sockaddr_in);
                messages[size_t(k)].msg_hdr.msg_control = controls.data() + size_t(k) * kControl;
                messages[size_t(k)].msg_hdr.msg_controllen = kControl;
            }
            const int got = ::recvmmsg(mcSocket, messages.data(), kBatch, MSG_DONTWAIT, nullptr);
            if (got <= 0)
                continue;
            std::lock_guard lock(mutex);
            // The receive buffer's drop count so far (SO_RXQ_OVFL), on the latest datagram.
            for (cmsghdr *c = CMSG_FIRSTHDR(&messages[size_t(got - 1)].msg_hdr); c;
                 c = CMSG_NXTHDR(&messages[size_t(got - 1)].msg_hdr, c))
                if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_RXQ_OVFL) {
                    std::memcpy(&overflow, CMSG_DATA(c), sizeof overflow);
                    if (!haveOverflow)
                        lastOverflow = overflow;
                    haveOverflow = true;
                }
            for (int k = 0; k < got; ++k) {
                msghdr &m = messages[size_t(k)].msg_hdr;
                size_t segment = 0;
                for (cmsghdr *c = CMSG_FIRSTHDR(&m); c && gro; c = CMSG_NXTHDR(&m, c))
                    if (c->cmsg_level == SOL_UDP && c->cmsg_type == UDP_GRO) {
                        int size = 0;
                        std::memcpy(&size, CMSG_DATA(c), sizeof size);
                        segment = size > 0 ? size_t(size) : 0;
                    }
                const uint8_t *data = buffers.data() + size_t(k) * kSize;
                const size_t length = messages[size_t(k)].msg_len;
                if (segment == 0 || segment >= length) {
                    takeLocked(data, ssize_t(length), froms[size_t(k)]);
                    continue;
                }
                ++groPackets;
                for (size_t at = 0; at < length; at += segment)
                    takeLocked(data + at, ssize_t(std::min(segment, length - at)), froms[size_t(k)]);
            }
        }
    }

    static uint64_t be64(const uint8_t *p)
    {
        uint64_t v = 0;
        for (int i = 0; i < 8; ++i)
            v = (v << 8) | p[i];
        return v;
    }

    /// One datagram from the group (the receiving thread, under the mutex).
    void takeLocked(const uint8_t *packet, ssize_t n, const sockaddr_in &from)
    {
        if (n >= kMulticastStatus && std::memcmp(packet, "ETBS\x01", 5) == 0 && be64(packet + 8) == session) {
            sender = from;
            haveSender = true;
            senderAtFloor = packet[5] & 1;
            senderMbit = double((uint32_t(packet[16]) << 24) | (uint32_t(packet[17]) << 16)
                                | (uint32_t(packet[18]) << 8) | packet[19])
                / 1000;
            if (n >= kMulticastStatus + 4) {
                rowBestLoss = uint32_t(be64(packet + 20) & 0xffffffffu);
                rowKnown = true;
            }
            return;
        }
        if (n <= kMulticastHeader || std::memcmp(packet, "ETBM\x01", 5) != 0 || be64(packet + 8) != session)
            return; // another master, another program, or damaged
        const uint64_t offset = be64(packet + 24);
        const uint64_t sequence = be64(packet + 16);
        const size_t length = size_t(n - kMulticastHeader);
        lastDatagram = Clock::now();
        sender = from;
        haveSender = true;
        const uint32_t number = (uint32_t(packet[5]) << 16) | (uint32_t(packet[6]) << 8) | packet[7];
        if (number != cycle) {
            // A new cycle: what the last one passed by may come now.
            cycle = number;
            ++cycles;
            if (firstCycles == UINT32_MAX)
                firstCycles = cycles;
            lastJob = 0;
            for (auto &[pos, part] : partial)
                part.passed = false;
            cv.notify_all();
        }
        firstSeq = std::min(firstSeq, sequence);
        lastSeq = std::max(lastSeq, sequence);
        ++datagrams;
        auto it = std::upper_bound(spanIndex.begin(), spanIndex.end(), offset,
                                   [](uint64_t v, const SpanRef &s) { return v < s.start; });
        if (it == spanIndex.begin())
            return;
        --it;
        if (offset + length > it->end)
            return;
        const size_t job = it->job;
        if (job != lastJob) {
            lastJob = job;
            // Ranges the stream left behind with bytes missing: NACKed, then unicast.
            for (auto &[pos, part] : partial)
                if (pos < job && part.got < part.needed)
                    part.passed = true;
            cv.notify_all(); // workers waiting for a range the stream has now passed
        }
        if (job < low || job >= low + window || delivered[job])
            return;
        auto found = partial.find(job);
        if (found == partial.end()) {
            Partial fresh;
            for (const auto &[start, end] : spansFor(jobs[job])) {
                Span span;
                span.host = start;
                span.bytes.resize(end - start);
                fresh.spans.push_back(std::move(span));
                fresh.have.emplace_back(end - start, 0);
            }
            fresh.needed = neededOf[job];
            found = partial.emplace(job, std::move(fresh)).first;
        }
        Partial &part = found->second;
        const size_t at = size_t(offset - it->start);
        std::memcpy(part.spans[it->span].bytes.data() + at, packet + kMulticastHeader, length);
        char *flags = part.have[it->span].data() + at;
        int64_t fresh = 0;
        if (!std::memchr(flags, 1, length)) { // the usual case: all new
            std::memset(flags, 1, length);
            fresh = int64_t(length);
        } else {
            for (size_t k = 0; k < length; ++k)
                if (!flags[k]) {
                    flags[k] = 1;
                    ++fresh;
                }
        }
        part.got += fresh;
        multicastBytes += fresh;
        if (cycles > firstCycles)
            catchUpBytes += fresh;
        if (part.nacked)
            nackRepairedBytes += fresh;
        if (part.got >= part.needed)
            cv.notify_all();
    }

    /// Multicast: waits for job `pos` from the group; what it misses comes by unicast.
    Result<std::vector<Span>> fromGroup(HttpConnection &conn, size_t pos)
    {
        Partial part;
        {
            std::unique_lock lock(mutex);
            const auto taken = Clock::now();
            const uint32_t cyclesAtTake = std::max<uint32_t>(cycles, 1);
            for (;;) {
                auto it = partial.find(pos);
                const bool complete = it != partial.end() && it->second.got >= it->second.needed;
                // The stream went past it (while it was outside the window, or with bytes
                // lost): unicast now rather than a whole cycle later.
                const bool passed = (it != partial.end() && it->second.passed) || lastJob > pos + 1;
                const auto now = Clock::now();
                const bool silent = now - lastDatagram > std::chrono::seconds(1);
                const bool late = now - taken > std::chrono::seconds(5);
                if (stop)
                    return makeError(ErrorCode::Cancelled, tr("cancelled"), QStringLiteral("cancelled"));
                // Bytes lost on the way: NACKed (twice at most, 600 ms apart), the sender
                // re-multicasts them; what is still missing after that comes by unicast.
                constexpr auto kRepairWait = std::chrono::milliseconds(600);
                if (!complete && (passed || late) && !silent && !dropped && haveSender && it != partial.end()
                    && it->second.got > 0 && it->second.nacks < 2 && !privateLossLocked()
                    && (it->second.nacks == 0 || now - it->second.nackedAt >= kRepairWait)) {
                    it->second.nacked = true;
                    ++it->second.nacks;
                    it->second.nackedAt = now;
                    reportLocked(lastLoss, false, holesOf(it->second));
                    ++nacksSent;
                    cv.wait_for(lock, std::chrono::milliseconds(50));
                    continue;
                }
                const bool waitingForRepair = it != partial.end()
                    && ((it->second.nacked && now - it->second.nackedAt < kRepairWait)
                        || (it->second.nacks == 1 && it->second.got > 0));
                // Missed (passed before this bench took it, or joined midway): the next cycle
                // brings it, unless the bench left the group or cycles went by without it.
                // A range mostly received keeps the unicast repair of its last holes.
                const bool catchUp = !dropped && !silent && haveSender && cycles - cyclesAtTake < kCatchUpCycles;
                const bool mostly = it != partial.end() && it->second.got * 2 >= it->second.needed;
                if (complete || dropped || silent || ((passed || late) && !waitingForRepair && (mostly || !catchUp))
                    || low + window <= pos) {
                    if (it != partial.end()) {
                        part = std::move(it->second);
                        partial.erase(it);
                    }
                    delivered[pos] = 1;
                    break;
                }
                cv.wait_for(lock, std::chrono::milliseconds(100));
            }
        }
        if (part.spans.empty()) {
            auto spans = fetchRange(conn, jobs[pos]);
            if (spans) {
                std::lock_guard lock(mutex);
                for (const Span &s : *spans) {
                    repairedBytes += int64_t(s.bytes.size());
                    wholeBytes += int64_t(s.bytes.size());
                }
            }
            return spans;
        }
        for (size_t k = 0; k < part.spans.size(); ++k) {
            const std::vector<char> &have = part.have[k];
            // memchr, not std::find: a byte loop over every flag of the range was 3 % of a
            // multicast bench's CPU.
            if (have.empty() || !std::memchr(have.data(), 0, have.size()))
                continue;
            // Only the holes, each one range request (holes closer than 16 KiB merged).
            Span &span = part.spans[k];
            size_t at = 0;
            while (at < have.size()) {
                if (have[at]) {
                    ++at;
                    continue;
                }
                size_t end = at;
                for (size_t gap = 0; end < have.size() && gap < 16384; ++end)
                    gap = have[end] ? gap + 1 : 0;
                while (end > at && have[end - 1])
                    --end;
                std::vector<uint8_t> bytes;
                if (auto r = fetch(conn, span.host + at, span.host + end, bytes); !r)
                    return r.error();
                std::memcpy(span.bytes.data() + at, bytes.data(), bytes.size());
                {
                    std::lock_guard lock(mutex);
                    repairedBytes += int64_t(bytes.size());
                }
                at = end;
            }
        }
        return std::move(part.spans);
    }

    /// GET bytes [start, end) of the master on `conn`, retried on transport failures.
    Result<void> fetch(HttpConnection &conn, uint64_t start, uint64_t end, std::vector<uint8_t> &out)
    {
        auto backoff = std::chrono::milliseconds(200);
        const auto began = Clock::now();
        QString lastWhy;
        const QByteArray range
            = "Range: bytes=" + QByteArray::number(qulonglong(start)) + '-' + QByteArray::number(qulonglong(end - 1));
        for (;;) {
            auto answer = conn.request("GET", {}, {range}, out, int64_t(end - start) + (1 << 20));
            if (answer) {
                if (auto refused = refusal(answer->status, out, text))
                    return *refused;
                const QByteArray tag = answer->header("etag");
                if (!etag.isEmpty() && tag != etag)
                    return makeError(ErrorCode::Corrupt,
                                     tr("the master changed on the server (ETag %1, was %2): another master is "
                                        "served under this name; stopped before writing any of it, run again")
                                         .arg(QString::fromLatin1(tag), QString::fromLatin1(etag)),
                                     QStringLiteral("master_changed"));
                if (answer->status == 206) {
                    const QByteArray expected = "bytes " + QByteArray::number(qulonglong(start)) + '-'
                        + QByteArray::number(qulonglong(end - 1)) + '/' + QByteArray::number(qulonglong(fileSize));
                    if (answer->header("content-range") != expected || out.size() != end - start)
                        return makeError(ErrorCode::Corrupt,
                                         tr("the server answered bytes %1 instead of %2")
                                             .arg(QString::fromLatin1(answer->header("content-range")),
                                                  QString::fromLatin1(expected)),
                                         QStringLiteral("bad_range"));
                    fetched += int64_t(out.size());
                    return {};
                }
                if (answer->status == 416 || answer->status == 200)
                    return makeError(ErrorCode::Corrupt,
                                     tr("the server cannot serve bytes %1-%2 of %3 (answer %4)")
                                         .arg(start)
                                         .arg(end - 1)
                                         .arg(text)
                                         .arg(answer->status),
                                     QStringLiteral("bad_range"));
                lastWhy = tr("answer %1").arg(answer->status); // 5xx: busy, try again
                conn.close();
            } else if (answer.error().detail != QLatin1String("transport")) {
                return answer.error();
            } else {
                lastWhy = answer.error().message;
            }
            Clock::time_point since;
            {
                std::lock_guard lock(mutex);
                if (stop)
                    return makeError(ErrorCode::Cancelled, tr("cancelled"), QStringLiteral("cancelled"));
                since = std::max(lastProgress, began);
            }
            const double quiet = std::chrono::duration<double>(Clock::now() - since).count();
            if (quiet > options.stallSeconds)
                return makeError(ErrorCode::Network,
                                 tr("no data from the server for %1 s, giving up (last: %2); run the same command "
                                    "again to resume")
                                     .arg(qRound(quiet))
                                     .arg(lastWhy),
                                 QStringLiteral("stalled"));
            qWarning("imaging: %s; retrying in %lld ms", qUtf8Printable(lastWhy), qlonglong(backoff.count()));
            std::unique_lock lock(mutex);
            cv.wait_for(lock, backoff, [this] { return stop; });
            backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
        }
    }

    Result<std::vector<Span>> fetchRange(HttpConnection &conn, int64_t index)
    {
        std::vector<Span> spans;
        for (const auto &[start, end] : spansFor(index)) {
            Span s;
            s.host = start;
            if (auto r = fetch(conn, start, end, s.bytes); !r)
                return r.error();
            spans.push_back(std::move(s));
        }
        return spans;
    }

    void work()
    {
        auto conn = connection();
        for (;;) {
            int64_t index = 0;
            size_t pos = 0;
            {
                std::unique_lock lock(mutex);
                cv.wait(lock, [this] { return stop || error || next >= jobs.size() || next - low < window; });
                if (stop || error || next >= jobs.size())
                    return;
                pos = next++;
                index = jobs[pos];
            }
            std::vector<Span> hit;
            const bool inCache = fromCache(index, hit);
            if (inCache && multicast) {
                std::lock_guard lock(mutex);
                delivered[pos] = 1; // the group's datagrams for it are no longer taken
                partial.erase(pos);
            }
            auto spans = inCache ? Result<std::vector<Span>>(std::move(hit))
                : multicast      ? fromGroup(*conn, pos)
                                 : fetchRange(*conn, index);
            std::lock_guard lock(mutex);
            if (!spans) {
                if (!error)
                    error = spans.error();
            } else {
                ready[index] = std::move(*spans);
                lastProgress = Clock::now();
            }
            cv.notify_all();
            if (!spans)
                return;
        }
    }

    void startLocked(uint32_t size, const std::function<bool(int64_t)> &wanted)
    {
        started = true;
        rangeSize = size;
        const int64_t count = int64_t((image->header().size + rangeSize - 1) / rangeSize);
        for (int64_t i = 0; i < count; ++i)
            if ((!wanted || wanted(i)) && allocated(i)) {
                jobOf[i] = jobs.size();
                jobs.push_back(i);
            }
        consumed.assign(jobs.size(), 0);
        window = size_t(std::max<int64_t>(4, options.readAhead / rangeSize));
        lastProgress = Clock::now();
        if (multicast) {
            window = std::max<size_t>(window, 32);
            delivered.assign(jobs.size(), 0);
            neededOf.assign(jobs.size(), 0);
            for (size_t j = 0; j < jobs.size(); ++j) {
                const auto spans = spansFor(jobs[j]);
                for (size_t k = 0; k < spans.size(); ++k)
                    spanIndex.push_back({spans[k].first, spans[k].second, j, k});
                neededOf[j] = clusterBytes(jobs[j]);
            }
            std::sort(spanIndex.begin(), spanIndex.end(),
                      [](const SpanRef &a, const SpanRef &b) { return a.start < b.start; });
            receiver = std::thread([this] { receive(); });
        }
        for (int k = 0; k < std::max(1, options.connections); ++k)
            workers.emplace_back([this] { work(); });
    }

    Result<void> decode(int64_t index, int64_t n, const std::vector<Span> &spans, uint8_t *buffer,
                        std::vector<Extent> &extents) const
    {
        const uint64_t cs = image->header().clusterSize();
        const uint64_t offset = uint64_t(index) * rangeSize;
        const uint64_t first = offset / cs, last = (offset + uint64_t(n) + cs - 1) / cs;
        thread_local std::vector<uint8_t> lastCluster;
        auto find = [&spans](uint64_t host, uint64_t length) -> const uint8_t * {
            for (const Span &s : spans)
                if (host >= s.host && host + length <= s.host + s.bytes.size())
                    return s.bytes.data() + (host - s.host);
            return nullptr;
        };
        for (uint64_t c = first; c < last; ++c) {
            const ClusterRef ref = image->cluster(c);
            const uint32_t rel = uint32_t((c - first) * cs);
            const uint32_t inRange = uint32_t(std::min<uint64_t>(cs, uint64_t(n) - rel));
            uint8_t *out = buffer + rel;
            if (ref.kind == ClusterKind::Unallocated || ref.kind == ClusterKind::Zero) {
                std::memset(out, 0, inRange);
                continue;
            }
            if (ref.kind == ClusterKind::Data) {
                const uint64_t have = std::min<uint64_t>(inRange, fileSize - ref.hostOffset);
                const uint8_t *p = find(ref.hostOffset, have);
                if (!p)
                    return makeError(ErrorCode::Internal, tr("range %1 was not fetched whole").arg(index));
                std::memcpy(out, p, have);
                std::memset(out + have, 0, inRange - have);
                appendExtent(extents, rel, inRange);
                continue;
            }
            const uint64_t packed = std::min<uint64_t>(ref.compressedSize, fileSize - ref.hostOffset);
            const uint8_t *p = find(ref.hostOffset, packed);
            if (!p)
                return makeError(ErrorCode::Internal, tr("range %1 was not fetched whole").arg(index));
            uint8_t *dst = out;
            if (inRange < cs) {
                lastCluster.resize(cs);
                dst = lastCluster.data();
            }
            auto ok = inflateCluster(p, packed, dst, cs, decompressor());
            if (!ok)
                return makeError(ok.error().code,
                                 ok.error().message + tr(" (guest offset %1)").arg(offset + rel) + QStringLiteral("; ")
                                     + tr("damaged in transit or on the server: nothing after it was written"),
                                 ok.error().detail);
            if (dst != out)
                std::memcpy(out, dst, inRange);
            appendExtent(extents, rel, inRange);
        }
        return {};
    }
};

HttpSource::HttpSource()
    : d(std::make_unique<Private>())
{}

HttpSource::~HttpSource()
{
    {
        std::lock_guard lock(d->mutex);
        d->stop = true;
    }
    d->cv.notify_all();
    for (std::thread &t : d->workers)
        t.join();
    if (d->receiver.joinable())
        d->receiver.join();
    if (d->mcSocket >= 0) {
        ::close(d->mcSocket);
        qWarning("imaging: multicast: %.1f MiB from the group, %.1f MiB fetched by unicast (%.1f MiB whole ranges "
                 "passed before this bench took them, %.1f MiB holes); %.1f MiB re-multicast after %lld NACKs%s",
                 double(d->multicastBytes) / 1048576.0, double(d->repairedBytes) / 1048576.0,
                 double(d->wholeBytes) / 1048576.0, double(d->repairedBytes - d->wholeBytes) / 1048576.0,
                 double(d->nackRepairedBytes) / 1048576.0, qlonglong(d->nacksSent),
                 d->dropped ? "; left the group (too slow for the floor rate)" : "");
        qWarning("imaging: multicast catch-up: %.1f MiB taken in a later cycle, %u cycles seen, %lld datagrams dropped "
                 "by the receive buffer",
                 double(d->catchUpBytes) / 1048576.0, d->cycles, qlonglong(d->bufferDrops));
        qWarning("imaging: multicast offload: UDP GRO %s, %lld packets of several datagrams", d->gro ? "on" : "off",
                 qlonglong(d->groPackets));
    }
    if (d->cache)
        qWarning("imaging: cache: %.1f MiB of disk from %s, %lld ranges differed; %.1f MiB fetched",
                 double(d->cached) / 1048576.0, qUtf8Printable(d->options.cachePath), qlonglong(d->cacheMisses),
                 double(d->fetched) / 1048576.0);
}

Result<std::unique_ptr<HttpSource>> HttpSource::open(const QString &text, const RemoteOptions &options)
{
    auto url = HttpUrl::parse(text);
    if (!url)
        return url.error();
    std::unique_ptr<HttpSource> source(new HttpSource);
    Private &d = *source->d;
    d.text = text;
    d.url = *url;
    d.options = options;
    d.timeoutMs = int(std::clamp(options.stallSeconds / 3.0, 1.0, 10.0) * 1000);
    if (d.url.tls) {
        auto tls = TlsContext::make(options.caFile);
        if (!tls)
            return tls.error();
        d.tls = *tls;
    }
    d.spare = d.connection();
    // The first MiB: the header, the master's size and ETag.
    constexpr uint64_t kBlock = 1 << 20;
    std::vector<uint8_t> firstBlock;
    {
        std::vector<uint8_t> body;
        auto backoff = std::chrono::milliseconds(200);
        const auto began = Clock::now();
        for (;;) {
            auto answer = d.spare->request("GET", {}, {"Range: bytes=0-" + QByteArray::number(qulonglong(kBlock - 1))},
                                           body, int64_t(kBlock) + (1 << 20));
            if (answer) {
                if (auto refused = refusal(answer->status, body, text))
                    return *refused;
                if (answer->status != 206) {
                    if (answer->status >= 500
                        && std::chrono::duration<double>(Clock::now() - began).count() < options.stallSeconds) {
                        std::this_thread::sleep_for(backoff);
                        backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
                        continue;
                    }
                    return makeError(ErrorCode::Network,
                                     tr("%1 answered %2 to a range request: not an Établi masters server?")
                                         .arg(text)
                                         .arg(answer->status),
                                     QStringLiteral("bad_answer"));
                }
                const QByteArray cr = answer->header("content-range");
                bool ok = false;
                d.fileSize = cr.mid(cr.lastIndexOf('/') + 1).toULongLong(&ok);
                d.etag = answer->header("etag");
                if (!ok || !cr.startsWith("bytes 0-"))
                    return makeError(ErrorCode::Network, tr("%1: no usable Content-Range").arg(text),
                                     QStringLiteral("bad_answer"));
                firstBlock = std::move(body);
                break;
            }
            if (answer.error().detail != QLatin1String("transport")
                || std::chrono::duration<double>(Clock::now() - began).count() > options.stallSeconds)
                return answer.error();
            std::this_thread::sleep_for(backoff);
            backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
        }
    }
    if (firstBlock.size() < 4 || std::memcmp(firstBlock.data(), "QFI\xfb", 4) != 0)
        return makeError(ErrorCode::Unsupported,
                         tr("%1 is not a qcow2 master (only qcow2 masters are read over the network)").arg(text),
                         QStringLiteral("qcow2_magic"));
    // Header and tables, through 1 MiB blocks kept for the time of the open.
    std::map<uint64_t, std::vector<uint8_t>> blocks;
    blocks[0] = std::move(firstBlock);
    std::optional<Error> failure;
    Private *dp = &d;
    auto readAt = [dp, &blocks, &failure](uint64_t offset, void *buffer, size_t length) {
        auto *out = static_cast<uint8_t *>(buffer);
        while (length > 0) {
            const uint64_t block = offset / kBlock * kBlock;
            auto it = blocks.find(block);
            if (it == blocks.end()) {
                if (block >= dp->fileSize)
                    return false;
                std::vector<uint8_t> bytes;
                if (auto r = dp->fetch(*dp->spare, block, std::min(block + kBlock, dp->fileSize), bytes); !r) {
                    failure = r.error();
                    return false;
                }
                it = blocks.emplace(block, std::move(bytes)).first;
            }
            const uint64_t at = offset - block;
            if (at >= it->second.size())
                return false;
            const size_t n = size_t(std::min<uint64_t>(length, it->second.size() - at));
            std::memcpy(out, it->second.data() + at, n);
            out += n;
            offset += n;
            length -= n;
        }
        return true;
    };
    auto image = Qcow2Image::open(readAt, d.fileSize);
    if (failure)
        return *failure;
    if (!image)
        return image.error();
    d.image = std::move(*image);
    d.fetched = 0; // metadata is not cluster data
    if (!options.cachePath.isEmpty()) {
        if (isRemoteMaster(options.cachePath))
            return makeError(ErrorCode::InvalidArgument,
                             tr("the cache must be a local file or disk, not %1").arg(options.cachePath),
                             QStringLiteral("bad_cache"));
        if (options.cacheDigests.empty())
            return makeError(ErrorCode::InvalidArgument,
                             tr("a cache is used only with the master's manifest (each range is checked against it)"),
                             QStringLiteral("bad_cache"));
        auto cache = Source::open(options.cachePath);
        if (!cache)
            return makeError(cache.error().code,
                             tr("cannot use the cache %1: %2").arg(options.cachePath, cache.error().message),
                             QStringLiteral("bad_cache"));
        if ((*cache)->isSequential() || (*cache)->virtualSize() < 0)
            return makeError(
                ErrorCode::InvalidArgument,
                tr("the cache %1 must be a qcow2 or raw file or disk (read at random)").arg(options.cachePath),
                QStringLiteral("bad_cache"));
        d.cache = std::move(*cache);
    }
    if (!options.multicastGroup.isEmpty()) {
        d.mcSocket = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        const int one = 1, buffer = 16 << 20;
        ::setsockopt(d.mcSocket, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        ::setsockopt(d.mcSocket, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof one); // receive-buffer drops
        // UDP GRO: datagrams of the sender's GSO packets delivered together (receive()).
        // ETABLI_NO_UDP_OFFLOAD=1 turns it off, as on the sender (to measure).
        d.gro = qEnvironmentVariableIntValue("ETABLI_NO_UDP_OFFLOAD") == 0
            && ::setsockopt(d.mcSocket, SOL_UDP, UDP_GRO, &one, sizeof one) == 0;
        // As root (a bench's live system) past net.core.rmem_max: a receiver that the CPU
        // leaves behind for a moment then loses nothing.
        if (::setsockopt(d.mcSocket, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer) != 0)
            ::setsockopt(d.mcSocket, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
        sockaddr_in any{};
        any.sin_family = AF_INET;
        any.sin_port = htons(options.multicastPort);
        ip_mreq join{};
        ::inet_pton(AF_INET, options.multicastGroup.toLatin1().constData(), &join.imr_multiaddr);
        any.sin_addr = join.imr_multiaddr;
        if (::bind(d.mcSocket, reinterpret_cast<sockaddr *>(&any), sizeof any) != 0
            || ::setsockopt(d.mcSocket, IPPROTO_IP, IP_ADD_MEMBERSHIP, &join, sizeof join) != 0)
            return makeError(ErrorCode::Network,
                             tr("cannot join the multicast group %1:%2: %3")
                                 .arg(options.multicastGroup)
                                 .arg(options.multicastPort)
                                 .arg(QString::fromLocal8Bit(strerror(errno))),
                             QStringLiteral("multicast_join"));
        d.session = multicastSession(d.etag);
        d.multicast = true;
    }
    return source;
}

int64_t HttpSource::virtualSize() const
{
    return int64_t(d->image->header().size);
}

uint32_t HttpSource::clusterSize() const
{
    return uint32_t(d->image->header().clusterSize());
}

bool HttpSource::knownZero(int64_t offset, int64_t length) const
{
    const uint64_t cs = clusterSize();
    const uint64_t first = uint64_t(offset) / cs, last = (uint64_t(offset + length) + cs - 1) / cs;
    for (uint64_t c = first; c < last; ++c) {
        const ClusterKind k = d->image->cluster(c).kind;
        if (k == ClusterKind::Data || k == ClusterKind::Compressed)
            return false;
    }
    return true;
}

void HttpSource::prepare(uint32_t rangeSize, std::function<bool(int64_t)> wanted)
{
    std::lock_guard lock(d->mutex);
    if (!d->started)
        d->startLocked(rangeSize, wanted);
}

Result<int64_t> HttpSource::read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents)
{
    extents.clear();
    const int64_t size = virtualSize();
    const int64_t n = std::max<int64_t>(0, std::min(length, size - offset));
    std::vector<Span> spans;
    int64_t index = 0;
    {
        std::unique_lock lock(d->mutex);
        if (!d->started)
            d->startLocked(uint32_t(length), {});
        index = offset / d->rangeSize;
        if (offset % d->rangeSize || (length != d->rangeSize && offset + length < size))
            return makeError(ErrorCode::Internal, tr("unaligned read at %1").arg(offset));
        if (n == 0 || !d->allocated(index))
            return n;
        const auto job = d->jobOf.find(index);
        if (job != d->jobOf.end()) {
            d->cv.wait(lock, [&] { return d->ready.count(index) || d->error || d->stop; });
            auto it = d->ready.find(index);
            if (it == d->ready.end())
                return d->error ? *d->error : makeError(ErrorCode::Cancelled, tr("cancelled"));
            spans = std::move(it->second);
            d->ready.erase(it);
            d->consumed[job->second] = 1;
            while (d->low < d->consumed.size() && d->consumed[d->low])
                ++d->low;
            d->cv.notify_all();
        }
    }
    if (spans.empty()) {
        // Outside the plan (the writer reads a range it said it would skip): fetch it now.
        std::lock_guard spare(d->spareMutex);
        auto fetched = d->fetchRange(*d->spare, index);
        if (!fetched)
            return fetched.error();
        spans = std::move(*fetched);
    }
    if (spans.size() == 1 && spans.front().host == kFromCache) {
        std::memcpy(buffer, spans.front().bytes.data(), size_t(n));
        findDataExtents(buffer, uint32_t(n), 0, extents);
        return n;
    }
    if (auto r = d->decode(index, n, spans, buffer, extents); !r)
        return r.error();
    return n;
}

QString HttpSource::identity() const
{
    return d->text + QLatin1Char('|') + QString::fromLatin1(d->etag);
}

QByteArray HttpSource::etag() const
{
    return d->etag;
}

int64_t HttpSource::fetchedBytes() const
{
    return d->fetched;
}

int64_t HttpSource::cachedBytes() const
{
    return d->cached;
}

Result<QByteArray> fetchRemoteDocument(const QString &text, const RemoteOptions &options, int64_t maxBytes)
{
    auto url = HttpUrl::parse(text);
    if (!url)
        return url.error();
    std::shared_ptr<TlsContext> tls;
    if (url->tls) {
        auto t = TlsContext::make(options.caFile);
        if (!t)
            return t.error();
        tls = *t;
    }
    HttpConnection conn(*url, tls, options.token.toUtf8(),
                        int(std::clamp(options.stallSeconds / 3.0, 1.0, 10.0) * 1000));
    std::vector<uint8_t> body;
    auto backoff = std::chrono::milliseconds(200);
    const auto began = Clock::now();
    for (;;) {
        auto answer = conn.request("GET", {}, {}, body, maxBytes);
        if (answer) {
            if (auto refused = refusal(answer->status, body, text))
                return *refused;
            if (answer->status != 200)
                return makeError(ErrorCode::Network, tr("%1 answered %2").arg(text).arg(answer->status),
                                 QStringLiteral("bad_answer"));
            return QByteArray(reinterpret_cast<const char *>(body.data()), qsizetype(body.size()));
        }
        if (answer.error().detail != QLatin1String("transport")
            || std::chrono::duration<double>(Clock::now() - began).count() > options.stallSeconds)
            return answer.error();
        std::this_thread::sleep_for(backoff);
        backoff = std::min(backoff * 2, std::chrono::milliseconds(5000));
    }
}

} // namespace Etabli::Imaging
