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
#include <fcntl.h>
#include <netinet/in.h>
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
                            const std::function<void(int, int64_t)> &onCycle)
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
    const unsigned char ttl = uint8_t(options.ttl);
    ::setsockopt(sock, IPPROTO_IP, IP_MULTICAST_TTL, &ttl, sizeof ttl);
    const int buffer = 4 << 20;
    ::setsockopt(sock, SOL_SOCKET, SO_SNDBUF, &buffer, sizeof buffer);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(options.port);
    if (::inet_pton(AF_INET, options.group.toLatin1().constData(), &to.sin_addr) != 1)
        return makeError(ErrorCode::InvalidArgument, tr("not an IPv4 group: %1").arg(options.group));

    const Qcow2Header &h = (*image)->header();
    const uint64_t cs = h.clusterSize();
    const double bytesPerSecond = std::max(1.0, options.rateMbit) * 1e6 / 8;
    using Clock = std::chrono::steady_clock;
    uint64_t seq = 0;
    // One read per cluster, datagrams sent 64 at a time (sendmmsg): the sender's CPU is
    // in the system calls, not in the data.
    constexpr int kBatch = 64;
    std::vector<uint8_t> packets(size_t(kBatch) * (kMulticastHeader + kMulticastPayload));
    std::vector<mmsghdr> messages(kBatch);
    std::vector<iovec> vectors(kBatch);
    std::vector<uint8_t> cluster(cs + kMulticastPayload);
    int queued = 0;
    int64_t sent = 0;
    Clock::time_point start = Clock::now();
    auto flush = [&]() -> Result<void> {
        int done = 0;
        while (done < queued) {
            const int n = ::sendmmsg(sock, messages.data() + done, unsigned(queued - done), 0);
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
        // Paced: never ahead of the rate (the receivers' links and buffers set it).
        const auto due = start + std::chrono::duration<double>(double(sent) / bytesPerSecond);
        if (due > Clock::now())
            std::this_thread::sleep_until(due);
        return {};
    };
    for (int cycle = 1; options.cycles <= 0 || cycle <= options.cycles; ++cycle) {
        start = Clock::now();
        sent = 0;
        for (uint64_t c = 0; c < h.clusterCount() && !stop; ++c) {
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
                uint8_t *packet = packets.data() + size_t(queued) * (kMulticastHeader + kMulticastPayload);
                std::memcpy(packet, "ETBM\x01\0\0\0", 8);
                put64(packet + 8, session);
                put64(packet + 16, seq++);
                put64(packet + 24, r.hostOffset + at);
                std::memcpy(packet + kMulticastHeader, cluster.data() + at, n);
                vectors[size_t(queued)] = {packet, kMulticastHeader + n};
                mmsghdr &m = messages[size_t(queued)];
                m = {};
                m.msg_hdr.msg_name = &to;
                m.msg_hdr.msg_namelen = sizeof to;
                m.msg_hdr.msg_iov = &vectors[size_t(queued)];
                m.msg_hdr.msg_iovlen = 1;
                sent += int64_t(n);
                if (++queued == kBatch)
                    if (auto f = flush(); !f)
                        return f;
            }
        }
        if (auto f = flush(); !f)
            return f;
        if (stop)
            break;
        if (onCycle)
            onCycle(cycle, sent);
    }
    return {};
}

} // namespace Etabli::Imaging
