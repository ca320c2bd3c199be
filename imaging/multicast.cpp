// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/multicast.h"

#include "imaging/qcow2.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>
#include <QUrlQuery>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <map>
#include <netinet/in.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <thread>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Imaging::Multicast", text);
}

void put64(uint8_t *p, uint64_t v)
{
    for (int i = 7; i >= 0; --i) {
        p[i] = uint8_t(v);
        v >>= 8;
    }
}

void put32(uint8_t *p, uint32_t v)
{
    for (int i = 3; i >= 0; --i) {
        p[i] = uint8_t(v);
        v >>= 8;
    }
}

uint64_t get64(const uint8_t *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | p[i];
    return v;
}

uint32_t get32(const uint8_t *p)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i)
        v = (v << 8) | p[i];
    return v;
}

} // namespace

uint64_t multicastSession(const QByteArray &etag)
{
    uint64_t h = 1469598103934665603ULL;
    for (const char c : etag) {
        h ^= uint8_t(c);
        h *= 1099511628211ULL;
    }
    return h;
}

QByteArray masterEtag(const QString &path)
{
    struct stat st {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return {};
    return '"' + QByteArray::number(qulonglong(st.st_dev), 16) + '-' + QByteArray::number(qulonglong(st.st_ino), 16)
        + '-' + QByteArray::number(qlonglong(st.st_size), 16) + '-'
        + QByteArray::number(qlonglong(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec, 16) + '"';
}

bool isMulticastMaster(const QString &address)
{
    return address.startsWith(QLatin1String("multicast://"));
}

Result<void> parseMulticastMaster(const QString &address, QString *group, uint16_t *port, QString *masterUrl)
{
    const qsizetype q = address.indexOf(QLatin1Char('?'));
    const QString hostPort = address.mid(12, q < 0 ? -1 : q - 12);
    const QUrlQuery query(q < 0 ? QString() : address.mid(q + 1));
    const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint p = hostPort.mid(colon + 1).toUInt(&ok);
    in_addr a{};
    const QString g = hostPort.left(colon);
    const QString master = query.queryItemValue(QStringLiteral("master"), QUrl::FullyDecoded);
    if (colon <= 0 || !ok || p == 0 || p > 65535 || ::inet_pton(AF_INET, g.toLatin1().constData(), &a) != 1
        || (ntohl(a.s_addr) >> 28) != 0xe || master.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument,
            tr("a multicast master is multicast://GROUP:PORT?master=https://SERVER/api/v1/masters/NAME.qcow2"
               " with an IPv4 multicast group (224.0.0.0/4), got «%1»")
                .arg(address),
            QStringLiteral("bad_url"));
    *group = g;
    *port = uint16_t(p);
    *masterUrl = master;
    return {};
}

Result<void> serveMulticast(const QString &path, const MulticastSendOptions &options, const std::atomic<bool> &stop,
                            const std::function<void(int, int64_t)> &onCycle,
                            const std::function<void(const QString &)> &onStatus)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::NotFound,
                         tr("cannot open the master %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno))));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closeFile{fd};
    struct stat st {
    };
    ::fstat(fd, &st);
    auto read = [fd](uint64_t offset, void *buffer, size_t length) {
        return ::pread(fd, buffer, length, off_t(offset)) == ssize_t(length);
    };
    auto image = Qcow2Image::open(read, uint64_t(st.st_size));
    if (!image)
        return image.error();
    const uint64_t session = multicastSession(masterEtag(path));
    const int sock = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0)
        return makeError(ErrorCode::Io,
                         tr("cannot open a UDP socket: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    Closer closeSock{sock};
    // UDP GSO (UDP_SEGMENT): up to kGsoSegments datagrams of one size go down the stack as one
    // packet, cut into datagrams only at the device (or the NIC): one pass through the
    // sender's stack, the bridge and each bench's socket per 44 datagrams instead of per
    // datagram. The datagrams on the wire are the same. ETABLI_NO_UDP_OFFLOAD=1 turns it off
    // (to measure; kernels before 4.18 refuse the option and the sender goes without).
    constexpr int kStride = kMulticastHeader + kMulticastPayload;
    constexpr int kGsoSegments = 44; // 44 × 1432 bytes: below the 64 KiB of one UDP packet
    bool gso = qEnvironmentVariableIntValue("ETABLI_NO_UDP_OFFLOAD") == 0;
    if (gso) {
        const int segment = kStride;
        gso = ::setsockopt(sock, SOL_UDP, UDP_SEGMENT, &segment, sizeof segment) == 0;
    }
    const unsigned char ttl = uint8_t(options.ttl);
    ::setsockopt(sock, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl);
    const int buffer = 4 << 20;
    if (::setsockopt(sock, SOL_SOCKET, SO_SNDBUFFORCE, &buffer, sizeof buffer) != 0)
        ::setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    if (::setsockopt(sock, SOL_SOCKET, SO_RCVBUFFORCE, &buffer, sizeof buffer) != 0)
        ::setsockopt(sock, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(options.port);
    if (::inet_pton(AF_INET, options.group.toLatin1().constData(), &to.sin_addr) != 1)
        return makeError(ErrorCode::InvalidArgument, tr("not an IPv4 group: %1").arg(options.group));

    if (onStatus)
        onStatus(gso ? tr("UDP segmentation offload (GSO): on, %1 datagrams per packet").arg(kGsoSegments)
                     : tr("UDP segmentation offload (GSO): off"));
    const Qcow2Header &h = (*image)->header();
    const uint64_t cs = h.clusterSize();
    using Clock = std::chrono::steady_clock;
    const double maxRate = std::max(1.0, options.rateMbit) * 1e6 / 8;
    const double floorRate = std::min(
        maxRate, (options.floorMbit > 0 ? options.floorMbit : std::max(1.0, options.rateMbit) / 4) * 1e6 / 8);
    double rate = maxRate;
    uint64_t seq = 0;
    // One read per cluster, datagrams sent 88 at a time (sendmmsg; with GSO, two packets of
    // 44 datagrams): the sender's CPU is in the system calls, not in the data.
    constexpr int kBatch = 2 * kGsoSegments;
    std::vector<uint8_t> packets(size_t(kBatch) * kStride);
    std::vector<mmsghdr> messages(kBatch);
    std::vector<iovec> vectors(kBatch);
    std::vector<size_t> lengths(kBatch); ///< each queued datagram's length (header included)
    std::vector<uint8_t> cluster(cs + kMulticastPayload);
    int queued = 0;
    int64_t batchBytes = 0, sent = 0;
    Clock::time_point due = Clock::now();

    // Receivers, by address: their last report.
    struct Receiver {
        Clock::time_point seen;
        uint32_t loss = 0; ///< ‰
        bool fresh = false;
        bool left = false;
        bool needs = false; ///< still misses data (a catch-up cycle is wanted)
        uint64_t needFrom = 0; ///< the first guest cluster it still needs
        Clock::time_point needSeen;
    };
    std::map<uint64_t, Receiver> receivers;
    std::deque<std::pair<uint64_t, uint32_t>> repairs; ///< NACKed file ranges, to re-send
    std::map<uint64_t, Clock::time_point> repairedAt; ///< range start → when it was re-sent
    int64_t nacks = 0, suppressed = 0, repairBytes = 0, departures = 0;
    uint32_t bestLoss = 0; ///< ‰, the least lossy receiver still in the group (told in the status)
    uint32_t cycleNumber = 1; ///< in every datagram's header: receivers see a new cycle begin
    Clock::time_point nextControl = Clock::now(), nextLog = Clock::now() + std::chrono::seconds(2);

    auto sendStatus = [&]() {
        uint8_t status[kMulticastStatus + 4] = {};
        std::memcpy(status, "ETBS\x01", 5);
        status[5] = rate <= floorRate * 1.001 ? 1 : 0;
        put64(status + 8, session);
        put32(status + 16, uint32_t(rate * 8 / 1000));
        put32(status + 20, uint32_t(floorRate * 8 / 1000));
        put32(status + 24, bestLoss);
        (void)::sendto(sock, status, sizeof status, 0, reinterpret_cast<const sockaddr *>(&to), sizeof to);
    };
    // Reports and NACKs; every 250 ms the rate follows the slowest receiver still reporting.
    auto control = [&]() {
        uint8_t in[kMulticastReport + kMulticastMaxNacks * kMulticastNackEntry + 64];
        for (;;) {
            sockaddr_in from{};
            socklen_t len = sizeof from;
            const ssize_t n = ::recvfrom(sock, in, sizeof in, MSG_DONTWAIT, reinterpret_cast<sockaddr *>(&from), &len);
            if (n < 0)
                break;
            if (n < kMulticastReport || std::memcmp(in, "ETBR\x01", 5) != 0 || get64(in + 8) != session)
                continue;
            const uint64_t key = (uint64_t(ntohl(from.sin_addr.s_addr)) << 16) | ntohs(from.sin_port);
            Receiver &r = receivers[key];
            r.seen = Clock::now();
            r.loss = get32(in + 16);
            r.fresh = true;
            if (in[5] & 2) {
                r.needs = true;
                r.needSeen = Clock::now();
            } else {
                r.needs = false;
            }
            if (in[5] & 1) {
                if (!r.left) {
                    ++departures;
                    if (onStatus)
                        onStatus(tr("%1 left the group, too slow at %2 Mbit/s (floor %3); it goes on by unicast")
                                     .arg(QString::fromLatin1(inet_ntoa(from.sin_addr)))
                                     .arg(rate * 8 / 1e6, 0, 'f', 0)
                                     .arg(floorRate * 8 / 1e6, 0, 'f', 0));
                }
                r.left = true;
            }
            const uint32_t count
                = std::min<uint32_t>(get32(in + 20), uint32_t((n - kMulticastReport) / kMulticastNackEntry));
            if ((in[5] & 2) && n >= ssize_t(kMulticastReport + count * kMulticastNackEntry + 8))
                r.needFrom = get64(in + kMulticastReport + count * kMulticastNackEntry);
            for (uint32_t k = 0; k < count; ++k) {
                const uint8_t *e = in + kMulticastReport + k * kMulticastNackEntry;
                const uint64_t offset = get64(e);
                const uint32_t length = std::min<uint32_t>(get32(e + 8), 4 << 20);
                ++nacks;
                auto was = repairedAt.find(offset);
                if (offset >= uint64_t(st.st_size) || length == 0 || repairs.size() >= 65536
                    || (was != repairedAt.end() && Clock::now() - was->second < std::chrono::milliseconds(300))) {
                    ++suppressed;
                    continue;
                }
                repairedAt[offset] = Clock::now() + std::chrono::hours(1); // queued: suppressed until sent
                repairs.emplace_back(offset, uint32_t(std::min<uint64_t>(length, uint64_t(st.st_size) - offset)));
            }
        }
        const auto now = Clock::now();
        if (now < nextControl)
            return;
        nextControl = now + std::chrono::milliseconds(250);
        uint32_t worst = 0, best = UINT32_MAX;
        int active = 0;
        for (auto it = receivers.begin(); it != receivers.end();) {
            if (now - it->second.seen > std::chrono::seconds(5)) {
                it = receivers.erase(it);
                continue;
            }
            if (!it->second.left && it->second.fresh) {
                ++active;
                worst = std::max(worst, it->second.loss);
                best = std::min(best, it->second.loss);
            }
            it->second.fresh = false;
            ++it;
        }
        bestLoss = active > 0 ? best : 0;
        if (receivers.empty())
            rate = maxRate; // nobody reports (older receivers, or all done): the configured rate
        else if (active > 0) {
            if (worst > 50)
                rate = std::max(floorRate, rate * 0.7);
            else if (worst < 20)
                rate = std::min(maxRate, rate * 1.15);
        }
        for (auto it = repairedAt.begin(); it != repairedAt.end();)
            it = now - it->second > std::chrono::seconds(2) && it->second < now ? repairedAt.erase(it) : std::next(it);
        sendStatus();
        if (onStatus && now >= nextLog) {
            nextLog = now + std::chrono::seconds(2);
            onStatus(tr("rate %1 Mbit/s (floor %2), %3 receivers reporting, worst loss %4 %, %5 left; %6 NACKs, "
                        "%7 suppressed, %8 MiB re-sent")
                         .arg(rate * 8 / 1e6, 0, 'f', 0)
                         .arg(floorRate * 8 / 1e6, 0, 'f', 0)
                         .arg(active)
                         .arg(double(worst) / 10, 0, 'f', 1)
                         .arg(departures)
                         .arg(nacks)
                         .arg(suppressed)
                         .arg(double(repairBytes) / 1048576.0, 0, 'f', 1));
        }
    };
    // The queued datagrams as messages: without GSO one each; with GSO, runs of full-size
    // datagrams (contiguous in `packets`), each closed by a shorter one or at kGsoSegments.
    auto build = [&]() {
        int count = 0;
        for (int k = 0; k < queued;) {
            int end = k + 1;
            size_t bytes = lengths[size_t(k)];
            if (gso)
                while (end < queued && end - k < kGsoSegments && lengths[size_t(end - 1)] == size_t(kStride)) {
                    bytes += lengths[size_t(end)];
                    ++end;
                }
            vectors[size_t(count)] = {packets.data() + size_t(k) * kStride, bytes};
            mmsghdr &m = messages[size_t(count)];
            m = {};
            m.msg_hdr.msg_name = &to;
            m.msg_hdr.msg_namelen = sizeof to;
            m.msg_hdr.msg_iov = &vectors[size_t(count)];
            m.msg_hdr.msg_iovlen = 1;
            ++count;
            k = end;
        }
        return count;
    };
    auto flush = [&]() -> Result<void> {
        int done = 0;
        int total = build();
        while (done < total) {
            const int n = ::sendmmsg(sock, messages.data() + done, unsigned(total - done), 0);
            if (n < 0 && gso && errno == EIO && done == 0) {
                // The device cannot take segmentation offload after all: one datagram each.
                const int off = 0;
                ::setsockopt(sock, SOL_UDP, UDP_SEGMENT, &off, sizeof off);
                gso = false;
                total = build();
                continue;
            }
            if (n < 0) {
                if (errno != ENOBUFS && errno != EAGAIN && errno != EINTR)
                    return makeError(ErrorCode::Network,
                                     tr("cannot send to %1:%2: %3")
                                         .arg(options.group)
                                         .arg(options.port)
                                         .arg(QString::fromLocal8Bit(strerror(errno))));
                std::this_thread::sleep_for(std::chrono::microseconds(200));
                continue;
            }
            done += n;
        }
        queued = 0;
        control();
        // Paced: never ahead of the rate (the slowest willing receiver sets it).
        due += std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(double(batchBytes) / rate));
        batchBytes = 0;
        const auto now = Clock::now();
        if (due < now - std::chrono::milliseconds(20))
            due = now - std::chrono::milliseconds(20); // no burst to catch up after a stall
        if (due > now)
            std::this_thread::sleep_until(due);
        return {};
    };
    auto queue = [&](uint64_t offset, const uint8_t *data, size_t n) -> Result<void> {
        uint8_t *packet = packets.data() + size_t(queued) * (kMulticastHeader + kMulticastPayload);
        std::memcpy(packet, "ETBM\x01", 5);
        packet[5] = uint8_t(cycleNumber >> 16);
        packet[6] = uint8_t(cycleNumber >> 8);
        packet[7] = uint8_t(cycleNumber);
        put64(packet + 8, session);
        put64(packet + 16, seq++);
        put64(packet + 24, offset);
        std::memcpy(packet + kMulticastHeader, data, n);
        lengths[size_t(queued)] = kMulticastHeader + n;
        batchBytes += int64_t(n);
        if (++queued == kBatch)
            return flush();
        return {};
    };
    // What receivers NACKed goes out before the stream goes on.
    std::vector<uint8_t> repairBuffer;
    auto sendRepairs = [&]() -> Result<void> {
        while (!repairs.empty() && !stop) {
            const auto [offset, length] = repairs.front();
            repairs.pop_front();
            repairBuffer.resize(length);
            if (::pread(fd, repairBuffer.data(), length, off_t(offset)) != ssize_t(length))
                return makeError(ErrorCode::Io, tr("cannot read the master %1").arg(path));
            for (uint32_t at = 0; at < length; at += kMulticastPayload) {
                const size_t n = std::min<size_t>(kMulticastPayload, length - at);
                if (auto q = queue(offset + at, repairBuffer.data() + at, n); !q)
                    return q;
            }
            repairBytes += length;
            repairedAt[offset] = Clock::now();
        }
        return {};
    };
    // Receivers still in the group that miss data: the next cycle is for them, from the first
    // cluster one of them needs (every receiver takes the stream in guest order).
    auto needing = [&](uint64_t *from) {
        const auto now = Clock::now();
        bool any = false;
        *from = UINT64_MAX;
        for (const auto &[key, r] : receivers)
            if (!r.left && r.needs && now - r.needSeen < std::chrono::seconds(2)) {
                any = true;
                *from = std::min(*from, r.needFrom);
            }
        if (!any)
            *from = 0;
        return any;
    };
    // --min-receivers: the status goes out every 250 ms, so that receivers find the sender and
    // report; the stream starts when enough of them do (as udp-sender --min-receivers).
    if (options.minReceivers > 0) {
        const auto until = Clock::now() + std::chrono::seconds(60);
        for (;;) {
            control();
            int reporting = 0;
            for (const auto &[key, r] : receivers)
                reporting += r.left ? 0 : 1;
            if (reporting >= options.minReceivers || stop || Clock::now() >= until)
                break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        if (onStatus)
            onStatus(tr("%1 receivers reporting: the stream starts").arg(receivers.size()));
        due = Clock::now();
    }
    uint64_t startCluster = 0;
    int extraCycles = 0;
    for (int cycle = 1;; ++cycle) {
        sent = 0;
        cycleNumber = uint32_t(cycle);
        for (uint64_t c = std::min<uint64_t>(startCluster, h.clusterCount()); c < h.clusterCount() && !stop; ++c) {
            if (auto r = sendRepairs(); !r)
                return r;
            const ClusterRef r = (*image)->cluster(c);
            uint64_t length = 0;
            if (r.kind == ClusterKind::Data)
                length = std::min<uint64_t>(cs, uint64_t(st.st_size) - r.hostOffset);
            else if (r.kind == ClusterKind::Compressed)
                length = std::min<uint64_t>(r.compressedSize, uint64_t(st.st_size) - r.hostOffset);
            if (length == 0)
                continue;
            if (::pread(fd, cluster.data(), size_t(length), off_t(r.hostOffset)) != ssize_t(length))
                return makeError(ErrorCode::Io, tr("cannot read the master %1").arg(path));
            for (uint64_t at = 0; at < length; at += kMulticastPayload) {
                const size_t n = size_t(std::min<uint64_t>(kMulticastPayload, length - at));
                if (auto q = queue(r.hostOffset + at, cluster.data() + at, n); !q)
                    return q;
                sent += int64_t(n);
            }
        }
        // The last NACKs of the cycle: a short quiet time for them to come in.
        for (int k = 0; k < 4 && !stop; ++k) {
            if (auto f = flush(); !f)
                return f;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            control();
            if (auto r = sendRepairs(); !r)
                return r;
        }
        if (auto f = flush(); !f)
            return f;
        if (stop)
            break;
        if (onCycle)
            onCycle(cycle, sent);
        // The next cycle: a catch-up for receivers still missing data (only from the first
        // cluster one of them needs), past --cycles too, at most kMaxCatchUp times in a row.
        control();
        uint64_t from = 0;
        const bool wanted = needing(&from);
        if (options.cycles > 0 && cycle >= options.cycles) {
            constexpr int kMaxCatchUp = 16;
            if (!wanted || ++extraCycles > kMaxCatchUp)
                break;
            if (onStatus)
                onStatus(tr("catch-up cycle %1 from cluster %2: receivers still miss data").arg(cycle + 1).arg(from));
        }
        startCluster = wanted ? from : 0;
    }
    return {};
}

} // namespace Etabli::Imaging
