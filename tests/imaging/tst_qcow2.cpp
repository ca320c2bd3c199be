// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Unit tests of the qcow2 header and L2 entry parsers on crafted bytes.
#include "imaging/qcow2.h"

#include <QTest>

#include <cstring>
#include <vector>

using namespace Etabli;
using namespace Etabli::Imaging;

namespace {

void put32(std::vector<uint8_t> &b, size_t at, uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        b[at + size_t(i)] = uint8_t(v >> (24 - 8 * i));
}

void put64(std::vector<uint8_t> &b, size_t at, uint64_t v)
{
    put32(b, at, uint32_t(v >> 32));
    put32(b, at + 4, uint32_t(v));
}

// A valid v3 header: 1 MiB disk, 64 KiB clusters, L1 at 0x30000 with one entry.
std::vector<uint8_t> validHeader()
{
    std::vector<uint8_t> b(112, 0);
    std::memcpy(b.data(), "QFI\xfb", 4);
    put32(b, 4, 3);
    put32(b, 20, 16);
    put64(b, 24, 1 << 20);
    put32(b, 36, 1);
    put64(b, 40, 0x30000);
    put64(b, 48, 0x10000);
    put32(b, 56, 1);
    put32(b, 96, 4);
    put32(b, 100, 112);
    return b;
}

} // namespace

class TestQcow2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void header_data()
    {
        QTest::addColumn<int>("field"); // byte offset to change, -1 none
        QTest::addColumn<quint64>("value");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("code"); // -1 ok, else ErrorCode
        QTest::addColumn<QString>("detail");
        const int ok = -1;
        QTest::newRow("valid v3") << -1 << quint64(0) << 8 << ok << QString();
        QTest::newRow("version 2") << 4 << quint64(2) << 4 << ok << QString();
        QTest::newRow("bad magic") << 0 << quint64(0x51464900) << 4 << int(ErrorCode::Unsupported)
                                   << QStringLiteral("qcow2_magic");
        QTest::newRow("version 1") << 4 << quint64(1) << 4 << int(ErrorCode::Unsupported)
                                   << QStringLiteral("qcow2_version");
        QTest::newRow("backing file") << 8 << quint64(0x200) << 8 << int(ErrorCode::Unsupported)
                                      << QStringLiteral("qcow2_backing_file");
        QTest::newRow("encrypted AES") << 32 << quint64(1) << 4 << int(ErrorCode::Unsupported)
                                       << QStringLiteral("qcow2_encrypted");
        QTest::newRow("encrypted LUKS") << 32 << quint64(2) << 4 << int(ErrorCode::Unsupported)
                                        << QStringLiteral("qcow2_encrypted");
        QTest::newRow("dirty") << 72 << quint64(1) << 8 << int(ErrorCode::Unsupported) << QStringLiteral("qcow2_dirty");
        QTest::newRow("marked corrupt") << 72 << quint64(2) << 8 << int(ErrorCode::Unsupported)
                                        << QStringLiteral("qcow2_marked_corrupt");
        QTest::newRow("external data file")
            << 72 << quint64(4) << 8 << int(ErrorCode::Unsupported) << QStringLiteral("qcow2_external_data");
        QTest::newRow("extended L2") << 72 << quint64(16) << 8 << int(ErrorCode::Unsupported)
                                     << QStringLiteral("qcow2_extended_l2");
        QTest::newRow("unknown incompatible bit")
            << 72 << quint64(1) << 1 << int(ErrorCode::Unsupported) << QStringLiteral("qcow2_unknown_feature");
        QTest::newRow("zstd compression")
            << 104 << quint64(1) << 1 << int(ErrorCode::Unsupported) << QStringLiteral("qcow2_compression_type");
        QTest::newRow("cluster bits 8") << 20 << quint64(8) << 4 << int(ErrorCode::Corrupt)
                                        << QStringLiteral("qcow2_corrupt");
        QTest::newRow("cluster bits 22") << 20 << quint64(22) << 4 << int(ErrorCode::Corrupt)
                                         << QStringLiteral("qcow2_corrupt");
        QTest::newRow("L1 too small") << 36 << quint64(0) << 4 << int(ErrorCode::Corrupt)
                                      << QStringLiteral("qcow2_corrupt");
        QTest::newRow("L1 past end of file")
            << 40 << quint64(0x7fff0000) << 8 << int(ErrorCode::Corrupt) << QStringLiteral("qcow2_corrupt");
        QTest::newRow("L1 unaligned") << 40 << quint64(0x30200) << 8 << int(ErrorCode::Corrupt)
                                      << QStringLiteral("qcow2_corrupt");
        QTest::newRow("header length too small")
            << 100 << quint64(72) << 4 << int(ErrorCode::Corrupt) << QStringLiteral("qcow2_corrupt");
    }
    void header()
    {
        QFETCH(int, field);
        QFETCH(quint64, value);
        QFETCH(int, width);
        QFETCH(int, code);
        QFETCH(QString, detail);
        std::vector<uint8_t> b = validHeader();
        if (field >= 0) {
            if (width == 8)
                put64(b, size_t(field), value);
            else if (width == 4)
                put32(b, size_t(field), uint32_t(value));
            else if (field == 72)
                b[72] = 0x80; // bit 63 of the incompatible features
            else
                b[size_t(field)] = uint8_t(value);
        }
        auto h = parseQcow2Header(b.data(), b.size(), 0x40000);
        if (code < 0) {
            QVERIFY2(h.ok(), qPrintable(h.ok() ? QString() : h.error().message));
            QCOMPARE(h->clusterSize(), uint64_t(65536));
            QCOMPARE(h->size, uint64_t(1 << 20));
        } else {
            QVERIFY(!h.ok());
            QCOMPARE(int(h.error().code), code);
            QCOMPARE(h.error().detail, detail);
            QVERIFY(!h.error().message.isEmpty());
        }
    }

    void truncatedHeader()
    {
        const std::vector<uint8_t> b = validHeader();
        for (size_t n : {size_t(0), size_t(4), size_t(71), size_t(100)}) {
            auto h = parseQcow2Header(b.data(), n, 0x40000);
            QVERIFY2(!h.ok(), qPrintable(QString::number(n)));
        }
    }

    void l2Entry_data()
    {
        QTest::addColumn<quint64>("entry");
        QTest::addColumn<int>("kind"); // -1 error
        QTest::addColumn<quint64>("offset");
        QTest::addColumn<uint>("csize");
        QTest::newRow("unallocated") << quint64(0) << int(ClusterKind::Unallocated) << quint64(0) << 0u;
        QTest::newRow("zero flag") << quint64(1) << int(ClusterKind::Zero) << quint64(0) << 0u;
        QTest::newRow("zero flag with offset") << (quint64(0x50000) | 1) << int(ClusterKind::Zero) << quint64(0) << 0u;
        QTest::newRow("data copied") << (quint64(0x50000) | (1ULL << 63)) << int(ClusterKind::Data) << quint64(0x50000)
                                     << 0u;
        QTest::newRow("data unaligned") << quint64(0x50200) << -1 << quint64(0) << 0u;
        QTest::newRow("data past end") << quint64(0x100000) << -1 << quint64(0) << 0u;
        QTest::newRow("reserved bit 1") << (quint64(0x50000) | 2) << -1 << quint64(0) << 0u;
        // 64 KiB clusters: 54 offset bits, then the count of extra sectors.
        QTest::newRow("compressed 1 sector")
            << ((1ULL << 62) | 0x20010ULL) << int(ClusterKind::Compressed) << quint64(0x20010) << 496u;
        QTest::newRow("compressed 3 sectors")
            << ((1ULL << 62) | (2ULL << 54) | 0x20000ULL) << int(ClusterKind::Compressed) << quint64(0x20000) << 1536u;
        QTest::newRow("compressed clamped at EOF")
            << ((1ULL << 62) | (9ULL << 54) | 0x5fe00ULL) << int(ClusterKind::Compressed) << quint64(0x5fe00) << 512u;
        QTest::newRow("compressed past EOF") << ((1ULL << 62) | 0x70000ULL) << -1 << quint64(0) << 0u;
        QTest::newRow("compressed and copied") << ((3ULL << 62) | 0x20000ULL) << -1 << quint64(0) << 0u;
    }
    void l2Entry()
    {
        QFETCH(quint64, entry);
        QFETCH(int, kind);
        QFETCH(quint64, offset);
        QFETCH(uint, csize);
        const std::vector<uint8_t> b = validHeader();
        auto h = parseQcow2Header(b.data(), b.size(), 0x60000);
        QVERIFY(h.ok());
        auto r = decodeL2Entry(entry, *h, 0x60000);
        if (kind < 0) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Corrupt);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(int(r->kind), kind);
        QCOMPARE(r->hostOffset, uint64_t(offset));
        QCOMPARE(r->compressedSize, uint32_t(csize));
    }

    void openSharedL2Refused()
    {
        // Two L1 entries pointing at one L2 table would let a tiny file claim a huge map.
        std::vector<uint8_t> file(0x50000, 0);
        std::vector<uint8_t> h = validHeader();
        put64(h, 24, uint64_t(1) << 30); // 1 GiB: needs 2 L1 entries of 512 MiB
        put32(h, 36, 2);
        std::memcpy(file.data(), h.data(), h.size());
        put64(file, 0x30000, 0x40000 | (1ULL << 63));
        put64(file, 0x30008, 0x40000 | (1ULL << 63));
        auto image = Qcow2Image::open(
            [&](uint64_t off, void *buf, size_t len) {
                if (off + len > file.size())
                    return false;
                std::memcpy(buf, file.data() + off, len);
                return true;
            },
            file.size());
        QVERIFY(!image.ok());
        QCOMPARE(image.error().code, ErrorCode::Corrupt);
    }
};

QTEST_GUILESS_MAIN(TestQcow2)
#include "tst_qcow2.moc"
