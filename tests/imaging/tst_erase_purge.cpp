// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Purge paths against recorded drive answers, through a transport that replays them: the
// parsers on real IDENTIFY DEVICE data, the bytes of the commands we send, the choice of
// `auto`, and the runs (sanitize success, failure, resumed after a power cut; Security Erase;
// NVMe Sanitize and Format; HPA/DCO restored).
#include "imaging/erasepurge.h"

#include <QFile>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Imaging;

Q_DECLARE_METATYPE(Etabli::Imaging::PurgeTechnique)

namespace {

QByteArray fixture(const QString &name)
{
    QFile f(QStringLiteral(ETABLI_FIXTURES "/imaging/erase/ata/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return f.readAll();
}

void setWord(QByteArray &d, int w, uint16_t v)
{
    d[2 * w] = char(v & 0xff);
    d[2 * w + 1] = char(v >> 8);
}

uint16_t getWord(const QByteArray &d, int w)
{
    return uint16_t(uint8_t(d[2 * w]) | uint8_t(d[2 * w + 1]) << 8);
}

/// Word 255: A5h signature and the byte that makes the sum zero.
void fixChecksum(QByteArray &d)
{
    d[510] = char(0xA5);
    uint8_t sum = 0;
    for (int i = 0; i < 511; ++i)
        sum = uint8_t(sum + uint8_t(d[i]));
    d[511] = char(uint8_t(-sum));
}

/// The Intel SSD's real answer, unfrozen, with SANITIZE bits set in word 59 (synthesized:
/// none of the captured drives is recent enough to offer SANITIZE).
QByteArray sanitizeSsd(uint16_t bits, bool ssd = true)
{
    QByteArray d = fixture(QStringLiteral("intel-ssdsa2cw120g3.identify"));
    setWord(d, 59, uint16_t((getWord(d, 59) & 0x0fff) | (1 << 12) | bits));
    setWord(d, 128, uint16_t(getWord(d, 128) & ~0x0008)); // not frozen
    if (!ssd)
        setWord(d, 217, 7200);
    fixChecksum(d);
    return d;
}

AtaRegisters ok(uint16_t count = 0, uint64_t lba = 0)
{
    AtaRegisters r;
    r.status = 0x50;
    r.count = count;
    r.lba = lba;
    return r;
}

AtaRegisters aborted(uint64_t lba = 0)
{
    AtaRegisters r;
    r.status = 0x51;
    r.error = 0x04;
    r.lba = lba;
    return r;
}

/// Replays recorded answers and keeps what it was sent. A test double: tests only.
class RecordedTransport final : public PassThrough
{
public:
    Kind m_kind = Kind::Ata;
    // ATA
    QByteArray identify, dcoIdentify;
    std::optional<uint64_t> nativeMax;
    QList<AtaRegisters> sanitizeStatus; ///< one per SANITIZE STATUS EXT; the last repeats
    QList<uint8_t> refused; ///< commands answered with ABRT
    QList<AtaCommand> sent;
    QList<QByteArray> sentData;
    // NVMe
    QByteArray idController, idNamespace;
    QList<QByteArray> sanitizeLogs; ///< one per Get Log Page 81h; the last repeats
    QList<NvmeAdminCommand> nvmeSent;
    int nvmeStatusForSanitize = 0;

    Kind kind() const override { return m_kind; }

    Result<AtaRegisters> ata(const AtaCommand &c, QByteArray *data) override
    {
        sent.append(c);
        sentData.append(data && c.protocol == AtaCommand::Protocol::PioOut ? *data : QByteArray());
        if (refused.contains(c.command))
            return aborted();
        switch (c.command) {
        case 0xEC:
            *data = identify;
            return ok();
        case 0x27:
            return nativeMax ? ok(0, *nativeMax) : aborted();
        case 0xB1:
            if (c.features == 0xC2) {
                if (dcoIdentify.isEmpty())
                    return aborted();
                *data = dcoIdentify;
            }
            return ok();
        case 0xB4:
            if (c.features == 0x0000) {
                if (sanitizeStatus.isEmpty())
                    return ok(0x8000);
                return sanitizeStatus.size() > 1 ? sanitizeStatus.takeFirst() : sanitizeStatus.first();
            }
            return ok();
        default:
            return ok();
        }
    }

    Result<uint32_t> nvmeAdmin(const NvmeAdminCommand &c, QByteArray *data) override
    {
        nvmeSent.append(c);
        if (c.opcode == 0x06) {
            *data = (c.cdw10 & 0xff) == 1 ? idController : idNamespace;
            return 0u;
        }
        if (c.opcode == 0x02 && (c.cdw10 & 0xff) == 0x81) {
            *data = sanitizeLogs.size() > 1 ? sanitizeLogs.takeFirst() : sanitizeLogs.value(0, QByteArray(512, '\0'));
            return 0u;
        }
        if (c.opcode == 0x84 && nvmeStatusForSanitize)
            return Error{ErrorCode::Refused, QStringLiteral("status"),
                         QStringLiteral("nvme_status_%1").arg(nvmeStatusForSanitize)};
        return 0u;
    }

    int count(uint8_t command, int features = -1) const
    {
        int n = 0;
        for (const AtaCommand &c : sent)
            n += c.command == command && (features < 0 || c.features == features);
        return n;
    }
};

/// An NVMe Identify Controller answer built from the specification's byte offsets.
QByteArray nvmeController(uint32_t sanicap, uint8_t fna, uint16_t oacs)
{
    QByteArray d(4096, '\0');
    auto put = [&](int at, const QByteArray &s, int len) {
        QByteArray f = s.leftJustified(len, ' ', true);
        std::memcpy(d.data() + at, f.constData(), size_t(len));
    };
    put(4, "S4EWNX0R123456", 20);
    put(24, "Samsung SSD 970 EVO Plus 500GB", 40);
    put(64, "2B2QEXM7", 8);
    d[256] = char(oacs & 0xff);
    d[257] = char(oacs >> 8);
    for (int i = 0; i < 4; ++i)
        d[328 + i] = char((sanicap >> (8 * i)) & 0xff);
    d[524] = char(fna);
    return d;
}

QByteArray nvmeNamespace(uint64_t blocks, int lbaf, int lbads)
{
    QByteArray d(4096, '\0');
    for (int i = 0; i < 8; ++i)
        d[i] = char((blocks >> (8 * i)) & 0xff);
    d[26] = char(lbaf);
    d[128 + 4 * lbaf + 2] = char(lbads);
    return d;
}

QByteArray sanitizeLog(int state, double progress = 0)
{
    QByteArray d(512, '\0');
    const auto sprog = uint16_t(progress * 65535);
    d[0] = char(sprog & 0xff);
    d[1] = char(sprog >> 8);
    d[2] = char(state);
    return d;
}

} // namespace

class TstErasePurge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identifyOfRealDrives_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("ssd");
        QTest::addColumn<bool>("security");
        QTest::addColumn<bool>("frozen");
        QTest::addColumn<bool>("enhanced");
        QTest::addColumn<qulonglong>("sectors");
        QTest::newRow("Intel SSD, frozen")
            << "intel-ssdsa2cw120g3.identify"
            << "INTEL SSDSA2CW120G3" << true << true << true << true << qulonglong(234441648);
        QTest::newRow("Samsung HDD, enhanced")
            << "samsung-hd501lj.identify"
            << "SAMSUNG HD501LJ" << false << true << false << true << qulonglong(976773168);
        QTest::newRow("WD HDD, normal erase")
            << "wdc-wd5000aaks.identify"
            << "WDC WD5000AAKS-00TMA0" << false << true << false << false << qulonglong(976773168);
        QTest::newRow("Fujitsu laptop HDD, frozen")
            << "fujitsu-mhy2120bh.identify"
            << "FUJITSU MHY2120BH" << false << true << true << false << qulonglong(234441648);
        QTest::newRow("Maxtor, no security")
            << "maxtor-96147h8.identify"
            << "Maxtor 96147H8" << false << false << false << false << qulonglong(120060864);
    }
    void identifyOfRealDrives()
    {
        QFETCH(QString, file);
        QFETCH(QString, model);
        QFETCH(bool, ssd);
        QFETCH(bool, security);
        QFETCH(bool, frozen);
        QFETCH(bool, enhanced);
        QFETCH(qulonglong, sectors);
        auto id = parseAtaIdentify(fixture(file));
        QVERIFY2(id, id ? "" : qPrintable(id.error().message));
        QCOMPARE(id->model, model);
        QVERIFY(!id->serial.isEmpty());
        QCOMPARE(id->ssd(), ssd);
        QCOMPARE(id->security.supported, security);
        QCOMPARE(id->security.frozen, frozen);
        QCOMPARE(id->security.enhancedSupported, enhanced);
        QCOMPARE(qulonglong(id->sectors), sectors);
        QVERIFY(!id->sanitize.supported);
    }

    void identifyChecksumAndSize()
    {
        QByteArray d = fixture(QStringLiteral("samsung-hd501lj.identify"));
        d[100] = char(d[100] ^ 0x01);
        auto id = parseAtaIdentify(d);
        QVERIFY(!id);
        QCOMPARE(id.error().code, ErrorCode::Corrupt);
        QVERIFY(!parseAtaIdentify(d.left(200)));
        auto s = parseAtaIdentify(sanitizeSsd(1 << 13 | 1 << 15));
        QVERIFY(s);
        QVERIFY(s->sanitize.supported && s->sanitize.crypto && s->sanitize.blockErase && !s->sanitize.overwrite);
    }

    void passThroughBytes_data()
    {
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<int>("command");
        QTest::addColumn<int>("protocol");
        QTest::addColumn<bool>("extended");
        QTest::addColumn<int>("features");
        QTest::addColumn<int>("count");
        QTest::addColumn<qulonglong>("lba");
        // As hdparm and sg_sat_identify build them (CK_COND set to get the registers).
        QTest::newRow("IDENTIFY DEVICE") << QByteArray::fromHex("85082e00000001000000000000 40ec00") << 0xEC
                                         << int(AtaCommand::Protocol::PioIn) << false << 0 << 1 << qulonglong(0);
        QTest::newRow("SANITIZE CRYPTO SCRAMBLE EXT")
            << QByteArray::fromHex("85072000110000437000790072 40b400") << 0xB4 << int(AtaCommand::Protocol::NonData)
            << true << 0x0011 << 0 << qulonglong(0x43727970);
        QTest::newRow("SANITIZE OVERWRITE EXT")
            << QByteArray::fromHex("85072000140001000057004f00 40b400") << 0xB4 << int(AtaCommand::Protocol::NonData)
            << true << 0x0014 << 1 << (qulonglong(0x4F57) << 32);
        QTest::newRow("SECURITY ERASE UNIT") << QByteArray::fromHex("850a2600000001000000000000 40f400") << 0xF4
                                             << int(AtaCommand::Protocol::PioOut) << false << 0 << 1 << qulonglong(0);
        QTest::newRow("SET MAX ADDRESS EXT")
            << QByteArray::fromHex("8507200000000056bc349a1278 403700") << 0x37 << int(AtaCommand::Protocol::NonData)
            << true << 0 << 0 << qulonglong(0x123456789ABCULL);
    }
    void passThroughBytes()
    {
        QFETCH(QByteArray, expected);
        QFETCH(int, command);
        QFETCH(int, protocol);
        QFETCH(bool, extended);
        QFETCH(int, features);
        QFETCH(int, count);
        QFETCH(qulonglong, lba);
        AtaCommand c;
        c.command = uint8_t(command);
        c.protocol = AtaCommand::Protocol(protocol);
        c.extended = extended;
        c.features = uint16_t(features);
        c.count = uint16_t(count);
        c.lba = lba;
        QCOMPARE(ataPassThrough16(c).toHex(' '), expected.toHex(' '));
    }

    void statusReturnDescriptor()
    {
        // Sense: descriptor format, RECOVERED ERROR, ASC/ASCQ 00/1D "ATA pass through
        // information available", then the ATA Status Return descriptor.
        const QByteArray sense = QByteArray::fromHex("7201001d0000000e"
                                                     "090c01"
                                                     "04"
                                                     "80"
                                                     "00"
                                                     "00"
                                                     "12"
                                                     "00"
                                                     "34"
                                                     "00"
                                                     "56"
                                                     "40"
                                                     "51");
        auto r = parseAtaStatusReturn(sense);
        QVERIFY(r);
        QCOMPARE(r->error, uint8_t(0x04));
        QCOMPARE(r->status, uint8_t(0x51));
        QVERIFY(r->failed());
        QCOMPARE(r->count, uint16_t(0x8000));
        QCOMPARE(qulonglong(r->lba), qulonglong(0x563412));
        QVERIFY(!parseAtaStatusReturn(QByteArray::fromHex("700001000000000a")));
        // SANITIZE STATUS: in progress at 50 %, frozen, completed.
        const AtaSanitizeStatus running = parseAtaSanitizeStatus(ok(0x4000, 0x8000));
        QVERIFY(running.inProgress && !running.completedWithoutError);
        QCOMPARE(running.progress, 0.5);
        QVERIFY(parseAtaSanitizeStatus(ok(0x2000)).frozen);
        QVERIFY(parseAtaSanitizeStatus(ok(0x8000)).completedWithoutError);
        const AtaSanitizeStatus failed = parseAtaSanitizeStatus(aborted(0x01));
        QVERIFY(failed.failed);
        QCOMPARE(failed.failureReason, 1);
    }

    void chooseAta_data()
    {
        QTest::addColumn<QByteArray>("identify");
        QTest::addColumn<QList<int>>("status"); ///< SANITIZE STATUS count fields (-1: ABRT)
        QTest::addColumn<PurgeTechnique>("technique");
        QTest::addColumn<QString>("reasonHas");
        QTest::addColumn<bool>("frozen");
        QTest::newRow("supported: SSD sanitize crypto")
            << sanitizeSsd(1 << 13 | 1 << 15) << QList<int>{0x8000} << PurgeTechnique::AtaSanitizeCrypto
            << "crypto scramble" << false;
        QTest::newRow("supported: SSD sanitize block erase")
            << sanitizeSsd(1 << 15 | 1 << 14) << QList<int>{0x8000} << PurgeTechnique::AtaSanitizeBlock << "block erase"
            << false;
        QTest::newRow("supported: HDD sanitize overwrite")
            << sanitizeSsd(1 << 14 | 1 << 15, false) << QList<int>{0x8000} << PurgeTechnique::AtaSanitizeOverwrite
            << "overwrite" << false;
        QTest::newRow("supported: HDD Security Erase enhanced (real)")
            << fixture(QStringLiteral("samsung-hd501lj.identify")) << QList<int>{}
            << PurgeTechnique::AtaSecurityEraseEnhanced << "enhanced" << false;
        QTest::newRow("supported: HDD Security Erase normal (real)")
            << fixture(QStringLiteral("wdc-wd5000aaks.identify")) << QList<int>{} << PurgeTechnique::AtaSecurityErase
            << "normal" << false;
        QTest::newRow("frozen: SSD (real)") << fixture(QStringLiteral("intel-ssdsa2cw120g3.identify")) << QList<int>{}
                                            << PurgeTechnique::None << "unplug" << true;
        QTest::newRow("frozen: laptop HDD (real)") << fixture(QStringLiteral("fujitsu-mhy2120bh.identify"))
                                                   << QList<int>{} << PurgeTechnique::None << "suspend" << true;
        QTest::newRow("unsupported: no security (real)") << fixture(QStringLiteral("maxtor-96147h8.identify"))
                                                         << QList<int>{} << PurgeTechnique::None << "Clear" << false;
        // SANITIZE frozen by the firmware: the next best, Security Erase, still works on this drive.
        QTest::newRow("sanitize frozen") << sanitizeSsd(1 << 13) << QList<int>{0x2000}
                                         << PurgeTechnique::AtaSecurityEraseEnhanced << "enhanced" << true;
        QTest::newRow("sanitize in progress after a power cut")
            << sanitizeSsd(1 << 13) << QList<int>{0x4000} << PurgeTechnique::AtaSanitizeResume << "power cut" << false;
        QTest::newRow("last sanitize failed")
            << sanitizeSsd(1 << 13) << QList<int>{-1} << PurgeTechnique::AtaSanitizeCrypto << "failed" << false;
    }
    void chooseAta()
    {
        QFETCH(QByteArray, identify);
        QFETCH(QList<int>, status);
        QFETCH(PurgeTechnique, technique);
        QFETCH(QString, reasonHas);
        QFETCH(bool, frozen);
        RecordedTransport t;
        t.identify = identify;
        for (int s : status)
            t.sanitizeStatus.append(s < 0 ? aborted(1) : ok(uint16_t(s)));
        auto d = probeDrive(t);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->bus, QStringLiteral("sata"));
        const PurgeChoice c = choosePurge(*d);
        QCOMPARE(toString(c.technique), toString(technique));
        QVERIFY2(c.reason.contains(reasonHas, Qt::CaseInsensitive), qPrintable(c.reason));
        QCOMPARE(!d->frozenFix.isEmpty(), frozen);
        if (frozen)
            QVERIFY(d->notes.join(u' ').contains(QStringLiteral("unplug")));
        // Probing never writes: only IDENTIFY, READ NATIVE MAX, DCO IDENTIFY, SANITIZE STATUS.
        for (const AtaCommand &sc : t.sent)
            QVERIFY2(sc.command == 0xEC || sc.command == 0x27 || (sc.command == 0xB1 && sc.features == 0xC2)
                         || (sc.command == 0xB4 && sc.features == 0),
                     qPrintable(QString::number(sc.command, 16)));
    }

    void hiddenAreas_data()
    {
        QTest::addColumn<qlonglong>("hpaSectors");
        QTest::addColumn<qlonglong>("dcoSectors");
        QTest::newRow("none") << 0LL << 0LL;
        QTest::newRow("HPA present") << 2048LL << 0LL;
        QTest::newRow("DCO present") << 0LL << 4096LL;
        QTest::newRow("HPA and DCO") << 1024LL << 8192LL;
    }
    void hiddenAreas()
    {
        QFETCH(qlonglong, hpaSectors);
        QFETCH(qlonglong, dcoSectors);
        RecordedTransport t;
        t.identify = fixture(QStringLiteral("fujitsu-mhy2120bh.identify")); // HPA and DCO feature sets
        const uint64_t visible = 234441648;
        t.nativeMax = visible + uint64_t(hpaSectors) - 1;
        QByteArray dco(512, '\0');
        const uint64_t dcoMax = visible + uint64_t(hpaSectors + dcoSectors) - 1;
        for (int w = 0; w < 4; ++w)
            setWord(dco, 3 + w, uint16_t(dcoMax >> (16 * w)));
        fixChecksum(dco);
        t.dcoIdentify = dco;
        auto d = probeDrive(t);
        QVERIFY(d);
        QCOMPARE(qlonglong(d->bytes), qlonglong(visible * 512));
        QCOMPARE(qlonglong(d->hpaBytes), hpaSectors * 512);
        QCOMPARE(qlonglong(d->dcoBytes), dcoSectors * 512);
        QCOMPARE(qlonglong(d->nativeBytes), qlonglong((visible + uint64_t(hpaSectors)) * 512));
        QCOMPARE(d->notes.join(u' ').contains(QStringLiteral("HPA")), hpaSectors > 0);
        QCOMPARE(d->notes.join(u' ').contains(QStringLiteral("DCO")), dcoSectors > 0);
        t.sent.clear();
        QVERIFY(restoreNativeSize(t, *d));
        QCOMPARE(t.count(0xB1, 0xC0), dcoSectors > 0 ? 1 : 0); // DEVICE CONFIGURATION RESTORE
        QCOMPARE(t.count(0x37), (hpaSectors + dcoSectors) > 0 ? 1 : 0); // SET MAX ADDRESS EXT
        if (hpaSectors + dcoSectors > 0) {
            const AtaCommand &setMax = t.sent.last();
            QCOMPARE(setMax.command, uint8_t(0x37));
            QCOMPARE(qulonglong(setMax.lba), qulonglong(*t.nativeMax));
            QCOMPARE(setMax.count & 1, 0); // non-volatile
        }
    }

    void runAtaSanitize_data()
    {
        QTest::addColumn<PurgeTechnique>("technique");
        QTest::addColumn<QList<int>>("status");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("commandsSent");
        QTest::newRow("crypto scramble, success")
            << PurgeTechnique::AtaSanitizeCrypto << QList<int>{0x4000, 0x4000, 0x8000} << true << 1;
        QTest::newRow("sanitize failing") << PurgeTechnique::AtaSanitizeBlock << QList<int>{0x4000, -1} << false << 1;
        QTest::newRow("resumed after a power cut: nothing sent again")
            << PurgeTechnique::AtaSanitizeResume << QList<int>{0x4000, 0x8000} << true << 0;
        QTest::newRow("ends without success")
            << PurgeTechnique::AtaSanitizeOverwrite << QList<int>{0x0000} << false << 1;
    }
    void runAtaSanitize()
    {
        QFETCH(PurgeTechnique, technique);
        QFETCH(QList<int>, status);
        QFETCH(bool, succeeds);
        QFETCH(int, commandsSent);
        RecordedTransport t;
        t.identify = sanitizeSsd(1 << 13 | 1 << 14 | 1 << 15);
        auto d = probeDrive(t);
        QVERIFY(d);
        for (int s : status)
            t.sanitizeStatus.append(s < 0 ? aborted(1) : ok(uint16_t(s), 0x4000));
        t.sent.clear();
        QList<double> seen;
        auto r = runPurge(
            t, *d, technique,
            [&](double f) {
                seen.append(f);
                return true;
            },
            1);
        QCOMPARE(r.ok(), succeeds);
        if (!succeeds)
            QCOMPARE(r.error().detail, QStringLiteral("sanitize_failed"));
        int sanitizeCommands = 0;
        for (const AtaCommand &c : t.sent)
            sanitizeCommands += c.command == 0xB4 && c.features != 0;
        QCOMPARE(sanitizeCommands, commandsSent);
        if (technique == PurgeTechnique::AtaSanitizeCrypto)
            QCOMPARE(qulonglong(t.sent.first().lba), qulonglong(0x43727970));
        if (status.first() == 0x4000)
            QVERIFY(!seen.isEmpty());
    }

    void runAtaSecurityErase_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<PurgeTechnique>("technique");
        QTest::addColumn<bool>("enhanced");
        QTest::newRow("enhanced") << "samsung-hd501lj.identify" << PurgeTechnique::AtaSecurityEraseEnhanced << true;
        QTest::newRow("normal") << "wdc-wd5000aaks.identify" << PurgeTechnique::AtaSecurityErase << false;
    }
    void runAtaSecurityErase()
    {
        QFETCH(QString, file);
        QFETCH(PurgeTechnique, technique);
        QFETCH(bool, enhanced);
        RecordedTransport t;
        t.identify = fixture(file);
        auto d = probeDrive(t);
        QVERIFY(d);
        t.sent.clear();
        t.sentData.clear();
        QVERIFY(runPurge(t, *d, technique));
        QCOMPARE(t.sent.size(), 3);
        QCOMPARE(t.sent[0].command, uint8_t(0xF1)); // SET PASSWORD
        QCOMPARE(t.sent[1].command, uint8_t(0xF3)); // ERASE PREPARE, right before
        QCOMPARE(t.sent[2].command, uint8_t(0xF4)); // ERASE UNIT
        QCOMPARE(t.sentData[0].mid(2, 12), t.sentData[2].mid(2, 12)); // same password
        QCOMPARE(bool(t.sentData[2][0] & 0x02), enhanced);
        // The drive's own estimate (words 89/90, 2-minute units) sets the timeout, doubled.
        const int minutes = enhanced ? d->ata->security.enhancedEraseMinutes : d->ata->security.normalEraseMinutes;
        QCOMPARE(t.sent[2].timeoutSeconds, minutes * 120 + 600);
        // Refused (e.g. frozen after all): no erase command follows.
        RecordedTransport frozen;
        frozen.identify = fixture(file);
        frozen.refused = {0xF1};
        auto fd = probeDrive(frozen);
        auto fr = runPurge(frozen, *fd, technique);
        QVERIFY(!fr);
        QCOMPARE(fr.error().detail, QStringLiteral("command_refused"));
        QCOMPARE(frozen.count(0xF4), 0);
    }

    void nvme_data()
    {
        QTest::addColumn<uint32_t>("sanicap");
        QTest::addColumn<int>("fna");
        QTest::addColumn<int>("oacs");
        QTest::addColumn<QList<int>>("logStates");
        QTest::addColumn<PurgeTechnique>("technique");
        QTest::addColumn<bool>("succeeds");
        QTest::newRow("supported: sanitize crypto")
            << 0x7u << 0x4 << 0x2 << QList<int>{0, 2, 1} << PurgeTechnique::NvmeSanitizeCrypto << true;
        QTest::newRow("supported: sanitize block")
            << 0x2u << 0 << 0x2 << QList<int>{0, 2, 1} << PurgeTechnique::NvmeSanitizeBlock << true;
        QTest::newRow("supported: format crypto only")
            << 0x0u << 0x4 << 0x2 << QList<int>{} << PurgeTechnique::NvmeFormatCrypto << true;
        QTest::newRow("supported: format user data only")
            << 0x0u << 0 << 0x2 << QList<int>{} << PurgeTechnique::NvmeFormatUserData << true;
        QTest::newRow("unsupported: nothing") << 0x0u << 0 << 0 << QList<int>{} << PurgeTechnique::None << false;
        QTest::newRow("sanitize failing")
            << 0x1u << 0 << 0x2 << QList<int>{0, 2, 3} << PurgeTechnique::NvmeSanitizeCrypto << false;
        QTest::newRow("sanitize in progress after a power cut")
            << 0x1u << 0 << 0x2 << QList<int>{2, 2, 4} << PurgeTechnique::NvmeSanitizeResume << true;
        QTest::newRow("last sanitize failed: started again")
            << 0x1u << 0 << 0x2 << QList<int>{3, 2, 1} << PurgeTechnique::NvmeSanitizeCrypto << true;
    }
    void nvme()
    {
        QFETCH(uint32_t, sanicap);
        QFETCH(int, fna);
        QFETCH(int, oacs);
        QFETCH(QList<int>, logStates);
        QFETCH(PurgeTechnique, technique);
        QFETCH(bool, succeeds);
        RecordedTransport t;
        t.m_kind = PassThrough::Kind::Nvme;
        t.idController = nvmeController(sanicap, uint8_t(fna), uint16_t(oacs));
        t.idNamespace = nvmeNamespace(976773168, 1, 9);
        for (int s : logStates)
            t.sanitizeLogs.append(sanitizeLog(s, 0.25));
        auto d = probeDrive(t);
        QVERIFY2(d, d ? "" : qPrintable(d.error().message));
        QCOMPARE(d->bus, QStringLiteral("nvme"));
        QCOMPARE(d->model, QStringLiteral("Samsung SSD 970 EVO Plus 500GB"));
        QCOMPARE(qlonglong(d->bytes), qlonglong(976773168) * 512);
        const PurgeChoice c = choosePurge(*d);
        QCOMPARE(toString(c.technique), toString(technique));
        if (technique == PurgeTechnique::None)
            return;
        t.nvmeSent.clear();
        auto r = runPurge(t, *d, c.technique, {}, 1);
        QCOMPARE(r.ok(), succeeds);
        const NvmeAdminCommand &first = t.nvmeSent.first();
        switch (technique) {
        case PurgeTechnique::NvmeSanitizeCrypto:
            QCOMPARE(first.opcode, uint8_t(0x84));
            QCOMPARE(first.cdw10 & 0x7, 4u);
            break;
        case PurgeTechnique::NvmeSanitizeBlock:
            QCOMPARE(first.opcode, uint8_t(0x84));
            QCOMPARE(first.cdw10 & 0x7, 2u);
            break;
        case PurgeTechnique::NvmeFormatCrypto:
        case PurgeTechnique::NvmeFormatUserData:
            QCOMPARE(first.opcode, uint8_t(0x80));
            QCOMPARE(first.cdw10 & 0xf, 1u); // the LBA format in use is kept
            QCOMPARE((first.cdw10 >> 9) & 0x7, technique == PurgeTechnique::NvmeFormatCrypto ? 2u : 1u);
            break;
        case PurgeTechnique::NvmeSanitizeResume:
            QCOMPARE(first.opcode, uint8_t(0x02)); // only the log is read: nothing started again
            for (const NvmeAdminCommand &sc : t.nvmeSent)
                QVERIFY(sc.opcode != 0x84);
            break;
        default:
            break;
        }
    }

    void sanitizeLogParser()
    {
        QByteArray d = sanitizeLog(2, 0.5);
        d[2] = char(0x02 | (3 << 3));
        d[3] = 0x01;
        auto l = parseNvmeSanitizeLog(d);
        QVERIFY(l);
        QVERIFY(l->state == NvmeSanitizeLog::State::InProgress);
        QCOMPARE(l->overwritePasses, 3);
        QVERIFY(l->globalDataErased);
        QVERIFY(qAbs(l->progress - 0.5) < 0.001);
        QVERIFY(!parseNvmeSanitizeLog(QByteArray(4, '\0')));
        QVERIFY(!parseNvmeIdentifyController(QByteArray(512, '\0')));
    }

    void fileHasNoTransport()
    {
        auto t = openPassThrough(QStringLiteral(ETABLI_FIXTURES "/imaging/erase/ata/SOURCES.md"));
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::Unsupported);
        const PurgeChoice c = choosePurge(DriveReport{});
        QVERIFY(c.technique == PurgeTechnique::None);
        QVERIFY(c.reason.contains(QStringLiteral("Clear")));
    }
};

QTEST_GUILESS_MAIN(TstErasePurge)
#include "tst_erase_purge.moc"
