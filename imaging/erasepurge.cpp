// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "imaging/erasepurge.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <linux/nvme_ioctl.h>
#include <scsi/sg.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace Etabli::Imaging {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Imaging::Purge", text);
}

uint16_t word(const QByteArray &d, int w)
{
    return uint16_t(uint8_t(d[2 * w]) | (uint8_t(d[2 * w + 1]) << 8));
}

QString ataString(const QByteArray &d, int first, int last)
{
    QByteArray s;
    for (int w = first; w <= last; ++w) {
        const uint16_t v = word(d, w);
        s.append(char(v >> 8));
        s.append(char(v & 0xff));
    }
    return QString::fromLatin1(s).trimmed();
}

QString asciiField(const QByteArray &d, int from, int length)
{
    return QString::fromLatin1(d.mid(from, length)).trimmed();
}

uint32_t le32(const QByteArray &d, int at)
{
    return uint32_t(uint8_t(d[at])) | uint32_t(uint8_t(d[at + 1])) << 8 | uint32_t(uint8_t(d[at + 2])) << 16
        | uint32_t(uint8_t(d[at + 3])) << 24;
}

uint64_t le64(const QByteArray &d, int at)
{
    return uint64_t(le32(d, at)) | uint64_t(le32(d, at + 4)) << 32;
}

bool checksumOk(const QByteArray &d)
{
    uint8_t sum = 0;
    for (char c : d)
        sum = uint8_t(sum + uint8_t(c));
    return sum == 0;
}

int eraseMinutes(uint16_t w)
{
    // ACS-3: bit 15 set = extended format (bits 14:0), else bits 7:0; units of 2 minutes.
    const int units = (w & 0x8000) ? (w & 0x7fff) : (w & 0xff);
    return units * 2;
}

Error corrupt(const QString &what)
{
    return makeError(ErrorCode::Corrupt, what, QStringLiteral("drive_response"));
}

constexpr uint8_t kIdentify = 0xEC, kReadNativeMaxExt = 0x27, kSetMaxExt = 0x37, kDco = 0xB1, kSanitize = 0xB4;
constexpr uint8_t kSecuritySetPassword = 0xF1, kSecurityErasePrepare = 0xF3, kSecurityEraseUnit = 0xF4;
constexpr uint16_t kSanitizeStatus = 0x0000, kSanitizeCrypto = 0x0011, kSanitizeBlock = 0x0012,
                   kSanitizeOverwrite = 0x0014;
constexpr uint8_t kNvmeIdentify = 0x06, kNvmeGetLog = 0x02, kNvmeFormat = 0x80, kNvmeSanitize = 0x84;
/// The temporary user password of a Security Erase; the erase clears it again.
const QByteArray kPassword = QByteArrayLiteral("etabli-erase");

QByteArray securityBlock(bool enhanced)
{
    QByteArray b(512, '\0');
    b[0] = char(enhanced ? 0x02 : 0x00); // bit 0: user password, bit 1: enhanced
    std::memcpy(b.data() + 2, kPassword.constData(), size_t(kPassword.size()));
    return b;
}

} // namespace

// ---- ATA bytes --------------------------------------------------------------------------

QByteArray ataPassThrough16(const AtaCommand &c)
{
    QByteArray cdb(16, '\0');
    int protocol = 3;
    uint8_t flags = 0x20; // CK_COND: return the registers
    switch (c.protocol) {
    case AtaCommand::Protocol::NonData:
        protocol = 3;
        break;
    case AtaCommand::Protocol::PioIn:
        protocol = 4;
        flags |= 0x08 | 0x04 | 0x02; // T_DIR from device, BYTE_BLOCK, T_LENGTH in COUNT
        break;
    case AtaCommand::Protocol::PioOut:
        protocol = 5;
        flags |= 0x04 | 0x02;
        break;
    }
    cdb[0] = char(0x85);
    cdb[1] = char((protocol << 1) | (c.extended ? 1 : 0));
    cdb[2] = char(flags);
    cdb[3] = char(c.extended ? c.features >> 8 : 0);
    cdb[4] = char(c.features & 0xff);
    cdb[5] = char(c.extended ? c.count >> 8 : 0);
    cdb[6] = char(c.count & 0xff);
    cdb[7] = char(c.extended ? (c.lba >> 24) & 0xff : 0);
    cdb[8] = char(c.lba & 0xff);
    cdb[9] = char(c.extended ? (c.lba >> 32) & 0xff : 0);
    cdb[10] = char((c.lba >> 8) & 0xff);
    cdb[11] = char(c.extended ? (c.lba >> 40) & 0xff : 0);
    cdb[12] = char((c.lba >> 16) & 0xff);
    cdb[13] = char(c.extended ? c.device : (c.device | ((c.lba >> 24) & 0x0f)));
    cdb[14] = char(c.command);
    return cdb;
}

std::optional<AtaRegisters> parseAtaStatusReturn(const QByteArray &sense)
{
    if (sense.size() < 8 || (uint8_t(sense[0]) & 0x7f) < 0x72)
        return std::nullopt; // fixed-format sense: no descriptor
    const int end = std::min<int>(int(sense.size()), 8 + uint8_t(sense[7]));
    for (int at = 8; at + 1 < end; at += 2 + uint8_t(sense[at + 1])) {
        if (uint8_t(sense[at]) != 0x09 || at + 14 > end)
            continue;
        auto b = [&](int i) { return uint64_t(uint8_t(sense[at + i])); };
        AtaRegisters r;
        const bool ext = b(2) & 1;
        r.error = uint8_t(b(3));
        r.count = uint16_t((ext ? b(4) << 8 : 0) | b(5));
        r.lba = b(7) | b(9) << 8 | b(11) << 16 | (ext ? (b(6) << 24 | b(8) << 32 | b(10) << 40) : 0);
        r.device = uint8_t(b(12));
        r.status = uint8_t(b(13));
        return r;
    }
    return std::nullopt;
}

Result<AtaIdentify> parseAtaIdentify(const QByteArray &d)
{
    if (d.size() != 512)
        return corrupt(tr("IDENTIFY DEVICE returned %1 bytes, not 512").arg(d.size()));
    AtaIdentify id;
    id.checksumPresent = (word(d, 255) & 0xff) == 0xA5;
    id.checksumValid = !id.checksumPresent || checksumOk(d);
    if (!id.checksumValid)
        return corrupt(tr("IDENTIFY DEVICE data has a wrong checksum"));
    id.serial = ataString(d, 10, 19);
    id.firmware = ataString(d, 23, 26);
    id.model = ataString(d, 27, 46);
    id.lba48 = word(d, 83) & (1 << 10);
    id.sectors = id.lba48 ? (uint64_t(word(d, 100)) | uint64_t(word(d, 101)) << 16 | uint64_t(word(d, 102)) << 32
                             | uint64_t(word(d, 103)) << 48)
                          : (uint64_t(word(d, 60)) | uint64_t(word(d, 61)) << 16);
    const uint16_t w106 = word(d, 106);
    if ((w106 & 0xc000) == 0x4000 && (w106 & (1 << 12)))
        id.logicalSectorBytes = 2 * (uint32_t(word(d, 117)) | uint32_t(word(d, 118)) << 16);
    id.rotationRate = word(d, 217);
    id.trim = word(d, 169) & 1;
    id.hpaSupported = word(d, 82) & (1 << 10);
    id.dcoSupported = word(d, 83) & (1 << 11);
    const uint16_t w128 = word(d, 128);
    id.security.supported = w128 & 0x01;
    id.security.enabled = w128 & 0x02;
    id.security.locked = w128 & 0x04;
    id.security.frozen = w128 & 0x08;
    id.security.countExpired = w128 & 0x10;
    id.security.enhancedSupported = w128 & 0x20;
    id.security.normalEraseMinutes = eraseMinutes(word(d, 89));
    id.security.enhancedEraseMinutes = eraseMinutes(word(d, 90));
    const uint16_t w59 = word(d, 59);
    id.sanitize.supported = w59 & (1 << 12);
    id.sanitize.crypto = id.sanitize.supported && (w59 & (1 << 13));
    id.sanitize.overwrite = id.sanitize.supported && (w59 & (1 << 14));
    id.sanitize.blockErase = id.sanitize.supported && (w59 & (1 << 15));
    id.sanitize.antifreeze = id.sanitize.supported && (w59 & (1 << 10));
    return id;
}

Result<uint64_t> parseDcoIdentifyMaxLba(const QByteArray &d)
{
    if (d.size() != 512)
        return corrupt(tr("DEVICE CONFIGURATION IDENTIFY returned %1 bytes, not 512").arg(d.size()));
    if ((word(d, 255) & 0xff) == 0xA5 && !checksumOk(d))
        return corrupt(tr("DEVICE CONFIGURATION IDENTIFY data has a wrong checksum"));
    return uint64_t(word(d, 3)) | uint64_t(word(d, 4)) << 16 | uint64_t(word(d, 5)) << 32 | uint64_t(word(d, 6)) << 48;
}

AtaSanitizeStatus parseAtaSanitizeStatus(const AtaRegisters &r)
{
    AtaSanitizeStatus s;
    if (r.failed()) {
        s.failed = true;
        s.failureReason = int(r.lba & 0xff);
        return s;
    }
    s.completedWithoutError = r.count & 0x8000;
    s.inProgress = r.count & 0x4000;
    s.frozen = r.count & 0x2000;
    s.antifreeze = r.count & 0x1000;
    s.progress = double(r.lba & 0xffff) / 65536.0;
    return s;
}

// ---- NVMe bytes -------------------------------------------------------------------------

Result<NvmeIdentifyController> parseNvmeIdentifyController(const QByteArray &d)
{
    if (d.size() != 4096)
        return corrupt(tr("Identify Controller returned %1 bytes, not 4096").arg(d.size()));
    NvmeIdentifyController c;
    c.serial = asciiField(d, 4, 20);
    c.model = asciiField(d, 24, 40);
    c.firmware = asciiField(d, 64, 8);
    const uint16_t oacs = uint16_t(uint8_t(d[256]) | uint8_t(d[257]) << 8);
    c.formatSupported = oacs & 0x02;
    const uint8_t fna = uint8_t(d[524]);
    c.formatAllNamespaces = fna & 0x01;
    c.secureEraseAllNamespaces = fna & 0x02;
    c.cryptoEraseSupported = fna & 0x04;
    const uint32_t sanicap = le32(d, 328);
    c.sanitizeCrypto = sanicap & 0x01;
    c.sanitizeBlock = sanicap & 0x02;
    c.sanitizeOverwrite = sanicap & 0x04;
    c.noDeallocateInhibited = sanicap & (1u << 29);
    return c;
}

Result<NvmeIdentifyNamespace> parseNvmeIdentifyNamespace(const QByteArray &d)
{
    if (d.size() != 4096)
        return corrupt(tr("Identify Namespace returned %1 bytes, not 4096").arg(d.size()));
    NvmeIdentifyNamespace n;
    n.sizeBlocks = le64(d, 0);
    const uint8_t flbas = uint8_t(d[26]);
    n.lbaFormat = (flbas & 0x0f) | ((flbas >> 5) & 0x03) << 4;
    if (n.lbaFormat < 64) {
        const int lbads = uint8_t(d[128 + 4 * n.lbaFormat + 2]);
        if (lbads >= 9 && lbads < 32)
            n.blockBytes = 1u << lbads;
    }
    return n;
}

Result<NvmeSanitizeLog> parseNvmeSanitizeLog(const QByteArray &d)
{
    if (d.size() < 8)
        return corrupt(tr("the Sanitize Status log is %1 bytes long").arg(d.size()));
    NvmeSanitizeLog l;
    l.progress = double(uint16_t(uint8_t(d[0]) | uint8_t(d[1]) << 8)) / 65536.0;
    const uint16_t sstat = uint16_t(uint8_t(d[2]) | uint8_t(d[3]) << 8);
    switch (sstat & 0x7) {
    case 0:
        l.state = NvmeSanitizeLog::State::Never;
        break;
    case 1:
        l.state = NvmeSanitizeLog::State::Succeeded;
        break;
    case 2:
        l.state = NvmeSanitizeLog::State::InProgress;
        break;
    case 3:
        l.state = NvmeSanitizeLog::State::Failed;
        break;
    case 4:
        l.state = NvmeSanitizeLog::State::SucceededNoDeallocate;
        break;
    default:
        l.state = NvmeSanitizeLog::State::Unknown;
    }
    l.overwritePasses = (sstat >> 3) & 0x1f;
    l.globalDataErased = sstat & 0x100;
    return l;
}

// ---- real transports --------------------------------------------------------------------

namespace {

class SgAtaTransport final : public PassThrough
{
public:
    explicit SgAtaTransport(int fd)
        : m_fd(fd)
    {}
    ~SgAtaTransport() override { ::close(m_fd); }
    Kind kind() const override { return Kind::Ata; }
    Result<AtaRegisters> ata(const AtaCommand &command, QByteArray *data) override
    {
        QByteArray cdb = ataPassThrough16(command);
        unsigned char sense[64] = {};
        sg_io_hdr_t io{};
        io.interface_id = 'S';
        io.cmd_len = 16;
        io.cmdp = reinterpret_cast<unsigned char *>(cdb.data());
        io.mx_sb_len = sizeof sense;
        io.sbp = sense;
        io.timeout = unsigned(command.timeoutSeconds) * 1000u;
        if (command.protocol == AtaCommand::Protocol::PioIn) {
            data->resize(qsizetype(command.count) * 512);
            data->fill('\0');
            io.dxfer_direction = SG_DXFER_FROM_DEV;
        } else if (command.protocol == AtaCommand::Protocol::PioOut) {
            io.dxfer_direction = SG_DXFER_TO_DEV;
        } else {
            io.dxfer_direction = SG_DXFER_NONE;
        }
        if (data && command.protocol != AtaCommand::Protocol::NonData) {
            io.dxferp = data->data();
            io.dxfer_len = unsigned(data->size());
        }
        if (::ioctl(m_fd, SG_IO, &io) != 0)
            return makeError(ErrorCode::Io, tr("SG_IO failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno))),
                             QStringLiteral("sg_io"));
        if (io.host_status || (io.driver_status & 0x0f && io.sb_len_wr == 0))
            return makeError(ErrorCode::Io, tr("the disk controller did not deliver the ATA command"),
                             QStringLiteral("sg_io_host"));
        auto regs = parseAtaStatusReturn(QByteArray(reinterpret_cast<const char *>(sense), io.sb_len_wr));
        if (!regs) {
            if (io.status == 0)
                return AtaRegisters{0x50, 0, 0, command.count, command.lba}; // no registers, no error
            return makeError(ErrorCode::Unsupported, tr("the disk's bridge does not pass ATA commands through"),
                             QStringLiteral("no_ata_passthrough"));
        }
        return *regs;
    }

private:
    int m_fd;
};

class NvmeTransport final : public PassThrough
{
public:
    explicit NvmeTransport(int fd)
        : m_fd(fd)
    {}
    ~NvmeTransport() override { ::close(m_fd); }
    Kind kind() const override { return Kind::Nvme; }
    Result<uint32_t> nvmeAdmin(const NvmeAdminCommand &c, QByteArray *data) override
    {
        nvme_admin_cmd cmd{};
        cmd.opcode = c.opcode;
        cmd.nsid = c.nsid;
        cmd.cdw10 = c.cdw10;
        cmd.cdw11 = c.cdw11;
        cmd.cdw12 = c.cdw12;
        cmd.timeout_ms = unsigned(c.timeoutSeconds) * 1000u;
        if (c.dataLength && data) {
            data->resize(qsizetype(c.dataLength));
            data->fill('\0');
            cmd.addr = reinterpret_cast<uintptr_t>(data->data());
            cmd.data_len = c.dataLength;
        }
        const int rc = ::ioctl(m_fd, NVME_IOCTL_ADMIN_CMD, &cmd);
        if (rc < 0)
            return makeError(ErrorCode::Io,
                             tr("the NVMe admin command failed: %1").arg(QString::fromLocal8Bit(std::strerror(errno))),
                             QStringLiteral("nvme_ioctl"));
        if (rc > 0)
            return makeError(ErrorCode::Refused,
                             tr("the NVMe drive refused the command (status %1)").arg(rc, 4, 16, QLatin1Char('0')),
                             QStringLiteral("nvme_status_%1").arg(rc, 4, 16, QLatin1Char('0')));
        return cmd.result;
    }

private:
    int m_fd;
};

} // namespace

Result<std::unique_ptr<PassThrough>> openPassThrough(const QString &device)
{
    struct stat st {
    };
    const QByteArray native = QFile::encodeName(device);
    if (::stat(native.constData(), &st) != 0 || !S_ISBLK(st.st_mode))
        return makeError(ErrorCode::Unsupported, tr("%1 is not a block device").arg(device),
                         QStringLiteral("transport_kind"));
    const QString name = QFileInfo(device).canonicalFilePath().section(u'/', -1);
    const bool nvme = name.startsWith(QLatin1String("nvme"));
    if (!nvme && !name.startsWith(QLatin1String("sd")))
        return makeError(ErrorCode::Unsupported, tr("%1 takes no ATA or NVMe commands").arg(device),
                         QStringLiteral("transport_kind"));
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::Io,
                         tr("cannot open %1: %2").arg(device, QString::fromLocal8Bit(std::strerror(errno))));
    if (nvme)
        return std::unique_ptr<PassThrough>(new NvmeTransport(fd));
    return std::unique_ptr<PassThrough>(new SgAtaTransport(fd));
}

// ---- probe ------------------------------------------------------------------------------

QString toString(PurgeTechnique t)
{
    switch (t) {
    case PurgeTechnique::None:
        return QStringLiteral("none");
    case PurgeTechnique::AtaSanitizeCrypto:
        return QStringLiteral("ata-sanitize-crypto-scramble");
    case PurgeTechnique::AtaSanitizeBlock:
        return QStringLiteral("ata-sanitize-block-erase");
    case PurgeTechnique::AtaSanitizeOverwrite:
        return QStringLiteral("ata-sanitize-overwrite");
    case PurgeTechnique::AtaSanitizeResume:
        return QStringLiteral("ata-sanitize-resumed");
    case PurgeTechnique::AtaSecurityEraseEnhanced:
        return QStringLiteral("ata-security-erase-enhanced");
    case PurgeTechnique::AtaSecurityErase:
        return QStringLiteral("ata-security-erase");
    case PurgeTechnique::NvmeSanitizeCrypto:
        return QStringLiteral("nvme-sanitize-crypto-erase");
    case PurgeTechnique::NvmeSanitizeBlock:
        return QStringLiteral("nvme-sanitize-block-erase");
    case PurgeTechnique::NvmeSanitizeOverwrite:
        return QStringLiteral("nvme-sanitize-overwrite");
    case PurgeTechnique::NvmeSanitizeResume:
        return QStringLiteral("nvme-sanitize-resumed");
    case PurgeTechnique::NvmeFormatCrypto:
        return QStringLiteral("nvme-format-crypto-erase");
    case PurgeTechnique::NvmeFormatUserData:
        return QStringLiteral("nvme-format-user-data-erase");
    }
    return {};
}

namespace {

AtaCommand ataCmd(uint8_t command, AtaCommand::Protocol protocol, bool extended, uint16_t features = 0,
                  uint16_t count = 0, uint64_t lba = 0)
{
    AtaCommand c;
    c.command = command;
    c.protocol = protocol;
    c.extended = extended;
    c.features = features;
    c.count = count;
    c.lba = lba;
    return c;
}

Result<AtaSanitizeStatus> ataSanitizeStatus(PassThrough &t)
{
    auto r = t.ata(ataCmd(kSanitize, AtaCommand::Protocol::NonData, true, kSanitizeStatus), nullptr);
    if (!r)
        return r.error();
    return parseAtaSanitizeStatus(*r);
}

Result<NvmeSanitizeLog> nvmeSanitizeLog(PassThrough &t)
{
    NvmeAdminCommand c;
    c.opcode = kNvmeGetLog;
    c.nsid = 0xffffffff;
    c.dataLength = 512;
    c.cdw10 = 0x81u | ((512u / 4u - 1u) << 16);
    QByteArray data;
    if (auto r = t.nvmeAdmin(c, &data); !r)
        return r.error();
    return parseNvmeSanitizeLog(data);
}

QString frozenFixText()
{
    return tr("With the PC on, unplug the drive's power cable and plug it back in (or suspend the PC and wake it"
              " up), then start the erasure again.");
}

} // namespace

Result<DriveReport> probeDrive(PassThrough &t)
{
    DriveReport d;
    if (t.kind() == PassThrough::Kind::Ata) {
        QByteArray data;
        auto r = t.ata(ataCmd(kIdentify, AtaCommand::Protocol::PioIn, false, 0, 1), &data);
        if (!r)
            return r.error();
        if (r->failed())
            return makeError(ErrorCode::Unsupported, tr("the drive refused IDENTIFY DEVICE"),
                             QStringLiteral("identify_refused"));
        auto id = parseAtaIdentify(data);
        if (!id)
            return id.error();
        d.bus = QStringLiteral("sata");
        d.media = id->ssd() ? QStringLiteral("ssd") : QStringLiteral("hdd");
        d.model = id->model;
        d.serial = id->serial;
        d.sectorBytes = id->logicalSectorBytes;
        d.bytes = int64_t(id->sectors) * d.sectorBytes;
        d.nativeBytes = d.bytes;
        if (id->hpaSupported && id->lba48) {
            auto n = t.ata(ataCmd(kReadNativeMaxExt, AtaCommand::Protocol::NonData, true), nullptr);
            if (n && !n->failed()) {
                d.nativeMaxLba = n->lba;
                d.nativeBytes = int64_t(n->lba + 1) * d.sectorBytes;
                d.hpaBytes = std::max<int64_t>(0, d.nativeBytes - d.bytes);
            }
        }
        if (id->dcoSupported) {
            QByteArray dco;
            auto n = t.ata(ataCmd(kDco, AtaCommand::Protocol::PioIn, false, 0xC2, 1), &dco);
            if (n && !n->failed())
                if (auto max = parseDcoIdentifyMaxLba(dco); max) {
                    d.dcoMaxLba = *max;
                    const int64_t factory = int64_t(*max + 1) * d.sectorBytes;
                    d.dcoBytes = std::max<int64_t>(0, factory - d.nativeBytes);
                }
        }
        if (d.hpaBytes > 0)
            d.notes << tr("hidden area (HPA): %1 bytes after the visible end of the disk").arg(d.hpaBytes);
        if (d.dcoBytes > 0)
            d.notes << tr("the drive was made smaller (DCO): %1 bytes are hidden").arg(d.dcoBytes);
        if (id->sanitize.supported) {
            auto s = ataSanitizeStatus(t);
            if (s) {
                d.ataSanitize = *s;
                d.sanitizeInProgress = s->inProgress;
                d.sanitizeFailed = s->failed;
                if (s->inProgress)
                    d.notes << tr("a sanitize started earlier is still running (%1 %): waiting for it")
                                   .arg(s->progress * 100, 0, 'f', 0);
                if (s->failed)
                    d.notes << tr("the last sanitize of this drive failed: it must be sanitized again");
            }
        }
        d.securityFrozen = id->security.supported && id->security.frozen;
        if (d.securityFrozen || (d.ataSanitize && d.ataSanitize->frozen)) {
            d.frozenFix = frozenFixText();
            d.notes << tr("the drive is frozen: its firmware erase is locked until it is powered off and on. %1")
                           .arg(d.frozenFix);
        }
        d.ata = *id;
        return d;
    }
    NvmeAdminCommand c;
    c.opcode = kNvmeIdentify;
    c.cdw10 = 1; // CNS 01h: controller
    c.dataLength = 4096;
    QByteArray data;
    if (auto r = t.nvmeAdmin(c, &data); !r)
        return r.error();
    auto id = parseNvmeIdentifyController(data);
    if (!id)
        return id.error();
    d.bus = QStringLiteral("nvme");
    d.media = QStringLiteral("ssd");
    d.model = id->model;
    d.serial = id->serial;
    c.cdw10 = 0; // CNS 00h: namespace 1
    c.nsid = 1;
    QByteArray ns;
    if (auto r = t.nvmeAdmin(c, &ns); r)
        if (auto n = parseNvmeIdentifyNamespace(ns); n) {
            d.nvmeNamespace = *n;
            d.sectorBytes = n->blockBytes;
            d.bytes = int64_t(n->sizeBlocks) * n->blockBytes;
            d.nativeBytes = d.bytes;
        }
    if (id->sanitizeCrypto || id->sanitizeBlock || id->sanitizeOverwrite) {
        if (auto l = nvmeSanitizeLog(t); l) {
            d.nvmeSanitize = *l;
            d.sanitizeInProgress = l->state == NvmeSanitizeLog::State::InProgress;
            d.sanitizeFailed = l->state == NvmeSanitizeLog::State::Failed;
            if (d.sanitizeInProgress)
                d.notes << tr("a sanitize started earlier is still running (%1 %): waiting for it")
                               .arg(l->progress * 100, 0, 'f', 0);
            if (d.sanitizeFailed)
                d.notes << tr("the last sanitize of this drive failed: it must be sanitized again");
        }
    }
    d.nvme = *id;
    return d;
}

PurgeChoice choosePurge(const DriveReport &d, bool purgeAsked)
{
    Q_UNUSED(purgeAsked);
    if (!d.known())
        return {PurgeTechnique::None,
                tr("the drive takes no firmware erase commands here (file, loop device or a"
                   " USB bridge without ATA pass-through): overwriting it (Clear)")};
    if (d.sanitizeInProgress)
        return {d.ata ? PurgeTechnique::AtaSanitizeResume : PurgeTechnique::NvmeSanitizeResume,
                tr("a sanitize interrupted by a power cut is still running in the drive: waiting for it to finish")};
    const QString again = d.sanitizeFailed ? tr(" (the last sanitize failed: starting it again)") : QString();
    if (d.nvme) {
        const auto &n = *d.nvme;
        if (n.sanitizeCrypto)
            return {PurgeTechnique::NvmeSanitizeCrypto,
                    tr("NVMe Sanitize with crypto erase: the drive destroys the key of all its data, spare"
                       " blocks included")
                        + again};
        if (n.sanitizeBlock)
            return {PurgeTechnique::NvmeSanitizeBlock,
                    tr("NVMe Sanitize with block erase: the drive erases every flash block, spare blocks included")
                        + again};
        if (n.formatSupported && n.cryptoEraseSupported)
            return {PurgeTechnique::NvmeFormatCrypto, tr("NVMe Format with cryptographic erase (no Sanitize offered)")};
        if (n.sanitizeOverwrite)
            return {PurgeTechnique::NvmeSanitizeOverwrite, tr("NVMe Sanitize with overwrite") + again};
        if (n.formatSupported)
            return {PurgeTechnique::NvmeFormatUserData,
                    tr("NVMe Format with user data erase (the only firmware erase the drive offers)")};
        return {PurgeTechnique::None, tr("the NVMe drive offers neither Sanitize nor Format: overwriting it (Clear)")};
    }
    const AtaIdentify &a = *d.ata;
    const bool ssd = a.ssd();
    const bool sanitizeFrozen = d.ataSanitize && d.ataSanitize->frozen;
    if (a.sanitize.supported && !sanitizeFrozen) {
        if (a.sanitize.crypto)
            return {PurgeTechnique::AtaSanitizeCrypto,
                    tr("ATA SANITIZE crypto scramble: the drive changes the key of all its data") + again};
        if (ssd && a.sanitize.blockErase)
            return {PurgeTechnique::AtaSanitizeBlock,
                    tr("ATA SANITIZE block erase: every flash block erased, spare blocks included") + again};
        if (a.sanitize.overwrite)
            return {PurgeTechnique::AtaSanitizeOverwrite,
                    tr("ATA SANITIZE overwrite: the drive overwrites every sector, remapped ones included") + again};
        if (a.sanitize.blockErase)
            return {PurgeTechnique::AtaSanitizeBlock, tr("ATA SANITIZE block erase") + again};
    }
    QString why;
    if (a.security.supported) {
        if (a.security.frozen)
            why = tr("ATA Security Erase is frozen by the PC's firmware. %1 Meanwhile: overwriting it (Clear)")
                      .arg(frozenFixText());
        else if (a.security.locked)
            why = tr("the drive is locked by a password someone else set: overwriting what can be reached (Clear);"
                     " a locked drive should be destroyed");
        else if (a.security.countExpired)
            why = tr("the drive refuses more password attempts until it is powered off and on: overwriting it (Clear)");
        else if (a.security.enhancedSupported)
            return {PurgeTechnique::AtaSecurityEraseEnhanced,
                    tr("ATA Security Erase, enhanced: the drive erases every sector, remapped ones included"
                       " (no SANITIZE offered)")};
        else
            return {PurgeTechnique::AtaSecurityErase,
                    tr("ATA Security Erase (normal; no SANITIZE or enhanced erase"
                       " offered)")};
    } else {
        why = tr("the drive offers no SANITIZE and no Security Erase: overwriting it (Clear)");
    }
    if (sanitizeFrozen)
        why = tr("the drive's SANITIZE is frozen. %1 Meanwhile: overwriting it (Clear)").arg(frozenFixText());
    return {PurgeTechnique::None, why};
}

// ---- run --------------------------------------------------------------------------------

namespace {

Result<PurgeDone> waitAtaSanitize(PassThrough &t, const QString &command, const std::function<bool(double)> &progress,
                                  int pollMs, std::chrono::steady_clock::time_point start)
{
    for (;;) {
        auto s = ataSanitizeStatus(t);
        if (!s)
            return s.error();
        if (s->failed)
            return makeError(ErrorCode::Io,
                             tr("%1 failed (reason %2): the drive cannot be purged; destroy it or try again")
                                 .arg(command)
                                 .arg(s->failureReason),
                             QStringLiteral("sanitize_failed"));
        if (!s->inProgress) {
            if (!s->completedWithoutError)
                return makeError(ErrorCode::Io, tr("%1 ended without reporting success").arg(command),
                                 QStringLiteral("sanitize_failed"));
            return PurgeDone{command, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
        }
        if (progress && !progress(s->progress))
            return makeError(ErrorCode::Cancelled,
                             tr("stopped waiting; the drive goes on sanitizing by itself and will finish after a"
                                " restart"),
                             QStringLiteral("cancelled"));
        std::this_thread::sleep_for(std::chrono::milliseconds(pollMs));
    }
}

Result<PurgeDone> waitNvmeSanitize(PassThrough &t, const QString &command, const std::function<bool(double)> &progress,
                                   int pollMs, std::chrono::steady_clock::time_point start)
{
    for (;;) {
        auto l = nvmeSanitizeLog(t);
        if (!l)
            return l.error();
        switch (l->state) {
        case NvmeSanitizeLog::State::Succeeded:
        case NvmeSanitizeLog::State::SucceededNoDeallocate:
            return PurgeDone{command, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
        case NvmeSanitizeLog::State::Failed:
            return makeError(ErrorCode::Io,
                             tr("%1 failed: the drive cannot be purged; destroy it or try again").arg(command),
                             QStringLiteral("sanitize_failed"));
        case NvmeSanitizeLog::State::InProgress:
            break;
        default:
            return makeError(ErrorCode::Io, tr("%1: the drive reports no sanitize").arg(command),
                             QStringLiteral("sanitize_failed"));
        }
        if (progress && !progress(l->progress))
            return makeError(ErrorCode::Cancelled,
                             tr("stopped waiting; the drive goes on sanitizing by itself and will finish after a"
                                " restart"),
                             QStringLiteral("cancelled"));
        std::this_thread::sleep_for(std::chrono::milliseconds(pollMs));
    }
}

Result<void> ataOk(const Result<AtaRegisters> &r, const QString &command)
{
    if (!r)
        return r.error();
    if (r->failed())
        return makeError(
            ErrorCode::Refused,
            tr("the drive refused %1 (error register %2)").arg(command).arg(r->error, 2, 16, QLatin1Char('0')),
            QStringLiteral("command_refused"));
    return {};
}

} // namespace

Result<PurgeDone> runPurge(PassThrough &t, const DriveReport &d, PurgeTechnique technique,
                           const std::function<bool(double)> &progress, int pollMs)
{
    const auto start = std::chrono::steady_clock::now();
    auto sanitize = [&](uint16_t feature, uint64_t lba, uint16_t count, const QString &name) -> Result<PurgeDone> {
        AtaCommand c = ataCmd(kSanitize, AtaCommand::Protocol::NonData, true, feature, count, lba);
        if (auto ok = ataOk(t.ata(c, nullptr), name); !ok)
            return ok.error();
        return waitAtaSanitize(t, name, progress, pollMs, start);
    };
    auto nvmeSanitize = [&](uint32_t sanact, const QString &name) -> Result<PurgeDone> {
        NvmeAdminCommand c;
        c.opcode = kNvmeSanitize;
        c.cdw10 = sanact | (sanact == 3 ? (1u << 4) : 0u); // overwrite: one pass
        c.cdw11 = 0; // overwrite pattern
        if (auto r = t.nvmeAdmin(c, nullptr); !r)
            return r.error();
        return waitNvmeSanitize(t, name, progress, pollMs, start);
    };
    auto nvmeFormat = [&](uint32_t ses, const QString &name) -> Result<PurgeDone> {
        NvmeAdminCommand c;
        c.opcode = kNvmeFormat;
        c.nsid = d.nvme && d.nvme->formatAllNamespaces ? 0xffffffffu : 1u;
        const int lbaf = d.nvmeNamespace ? d.nvmeNamespace->lbaFormat : 0;
        c.cdw10 = uint32_t(lbaf & 0x0f) | (ses << 9) | (uint32_t((lbaf >> 4) & 0x3) << 12);
        c.timeoutSeconds = 3600;
        if (auto r = t.nvmeAdmin(c, nullptr); !r)
            return r.error();
        if (progress)
            progress(1.0);
        return PurgeDone{name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    };
    switch (technique) {
    case PurgeTechnique::None:
        return makeError(ErrorCode::InvalidArgument, tr("no purge technique chosen"));
    case PurgeTechnique::AtaSanitizeCrypto:
        return sanitize(kSanitizeCrypto, 0x43727970, 0, QStringLiteral("ATA SANITIZE CRYPTO SCRAMBLE EXT"));
    case PurgeTechnique::AtaSanitizeBlock:
        return sanitize(kSanitizeBlock, 0x426B4572, 0, QStringLiteral("ATA SANITIZE BLOCK ERASE EXT"));
    case PurgeTechnique::AtaSanitizeOverwrite:
        // One pass (OVERWRITE COUNT 1; 0 would mean 16) of the pattern 0.
        return sanitize(kSanitizeOverwrite, uint64_t(0x4F57) << 32, 1, QStringLiteral("ATA SANITIZE OVERWRITE EXT"));
    case PurgeTechnique::AtaSanitizeResume:
        return waitAtaSanitize(t, QStringLiteral("ATA SANITIZE (resumed after a power cut)"), progress, pollMs, start);
    case PurgeTechnique::NvmeSanitizeCrypto:
        return nvmeSanitize(4, QStringLiteral("NVMe SANITIZE crypto erase"));
    case PurgeTechnique::NvmeSanitizeBlock:
        return nvmeSanitize(2, QStringLiteral("NVMe SANITIZE block erase"));
    case PurgeTechnique::NvmeSanitizeOverwrite:
        return nvmeSanitize(3, QStringLiteral("NVMe SANITIZE overwrite"));
    case PurgeTechnique::NvmeSanitizeResume:
        return waitNvmeSanitize(t, QStringLiteral("NVMe SANITIZE (resumed after a power cut)"), progress, pollMs,
                                start);
    case PurgeTechnique::NvmeFormatCrypto:
        return nvmeFormat(2, QStringLiteral("NVMe FORMAT NVM, SES=2 (cryptographic erase)"));
    case PurgeTechnique::NvmeFormatUserData:
        return nvmeFormat(1, QStringLiteral("NVMe FORMAT NVM, SES=1 (user data erase)"));
    case PurgeTechnique::AtaSecurityEraseEnhanced:
    case PurgeTechnique::AtaSecurityErase: {
        const bool enhanced = technique == PurgeTechnique::AtaSecurityEraseEnhanced;
        const QString name = enhanced ? QStringLiteral("ATA SECURITY ERASE UNIT (enhanced)")
                                      : QStringLiteral("ATA SECURITY ERASE UNIT");
        QByteArray password = securityBlock(false);
        if (auto ok = ataOk(t.ata(ataCmd(kSecuritySetPassword, AtaCommand::Protocol::PioOut, false, 0, 1), &password),
                            QStringLiteral("SECURITY SET PASSWORD"));
            !ok)
            return ok.error();
        if (auto ok = ataOk(t.ata(ataCmd(kSecurityErasePrepare, AtaCommand::Protocol::NonData, false), nullptr),
                            QStringLiteral("SECURITY ERASE PREPARE"));
            !ok)
            return ok.error();
        AtaCommand erase = ataCmd(kSecurityEraseUnit, AtaCommand::Protocol::PioOut, false, 0, 1);
        const int minutes
            = d.ata ? (enhanced ? d.ata->security.enhancedEraseMinutes : d.ata->security.normalEraseMinutes) : 0;
        // 0 = not given, 510 = "more than 508 minutes": allow 12 hours.
        erase.timeoutSeconds = (minutes == 0 || minutes >= 510) ? 12 * 3600 : minutes * 60 * 2 + 600;
        QByteArray block = securityBlock(enhanced);
        if (auto ok = ataOk(t.ata(erase, &block), name); !ok)
            return ok.error();
        if (progress)
            progress(1.0);
        return PurgeDone{name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
    }
    }
    return makeError(ErrorCode::Internal, tr("unknown purge technique"));
}

Result<void> restoreNativeSize(PassThrough &t, const DriveReport &d)
{
    if (!d.ata)
        return {};
    if (d.dcoBytes > 0) {
        if (auto ok = ataOk(t.ata(ataCmd(kDco, AtaCommand::Protocol::NonData, false, 0xC0), nullptr),
                            QStringLiteral("DEVICE CONFIGURATION RESTORE"));
            !ok)
            return ok;
    }
    if (d.hpaBytes > 0 || d.dcoBytes > 0) {
        uint64_t max = d.dcoBytes > 0 ? d.dcoMaxLba : d.nativeMaxLba;
        if (auto n = t.ata(ataCmd(kReadNativeMaxExt, AtaCommand::Protocol::NonData, true), nullptr); n && !n->failed())
            max = n->lba; // after a DCO restore the native max is the factory one
        // COUNT bit 0 clear: the new size survives a power cycle.
        if (auto ok = ataOk(t.ata(ataCmd(kSetMaxExt, AtaCommand::Protocol::NonData, true, 0, 0, max), nullptr),
                            QStringLiteral("SET MAX ADDRESS EXT"));
            !ok)
            return ok;
    }
    return {};
}

} // namespace Etabli::Imaging
