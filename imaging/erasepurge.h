// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Firmware erasure (NIST SP 800-88 Purge): the commands go to the drive directly, through a
// PassThrough (SG_IO ATA PASS-THROUGH(16) for SATA, NVMe admin ioctls), and every answer is
// read by a pure parser tested on saved responses. References: ACS-3 (T13/2161-D) for
// IDENTIFY DEVICE, SANITIZE, SECURITY, READ NATIVE MAX, DCO; SAT-3 for the pass-through CDB
// and the ATA Status Return descriptor; NVM Express Base 2.0 for Identify, Sanitize,
// Format NVM and the Sanitize Status log page.

#include "common/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace Etabli::Imaging {

// ---- ATA --------------------------------------------------------------------------------

struct AtaCommand {
    enum class Protocol { NonData, PioIn, PioOut };
    uint8_t command = 0;
    uint16_t features = 0;
    uint16_t count = 0;
    uint64_t lba = 0; ///< 48 bits
    uint8_t device = 0x40; ///< LBA mode
    Protocol protocol = Protocol::NonData;
    bool extended = false; ///< a 48-bit (EXT) command
    int timeoutSeconds = 30;
};

/// The registers the device returned (SAT ATA Status Return descriptor).
struct AtaRegisters {
    uint8_t status = 0, error = 0, device = 0;
    uint16_t count = 0;
    uint64_t lba = 0;
    bool failed() const { return status & 0x01; } ///< ERR
};

/// The 16-byte ATA PASS-THROUGH(16) CDB for `cmd` (CK_COND set: the registers come back).
QByteArray ataPassThrough16(const AtaCommand &cmd);
/// The registers from SCSI sense data (descriptor format, descriptor type 09h); nullopt when absent.
std::optional<AtaRegisters> parseAtaStatusReturn(const QByteArray &sense);

/// What IDENTIFY DEVICE (ECh) says that erasure needs (ACS-3 §7.12.7 words).
struct AtaIdentify {
    QString model, serial, firmware; ///< words 27-46, 10-19, 23-26 (byte-swapped ASCII)
    bool lba48 = false; ///< word 83 bit 10
    uint64_t sectors = 0; ///< words 100-103 (48-bit) or 60-61
    uint32_t logicalSectorBytes = 512; ///< words 106, 117-118
    uint16_t rotationRate = 0; ///< word 217: 1 = non-rotating (SSD)
    bool trim = false; ///< word 169 bit 0
    bool hpaSupported = false; ///< word 82 bit 10
    bool dcoSupported = false; ///< word 83 bit 11
    struct Security {
        bool supported = false, enabled = false, locked = false, frozen = false, countExpired = false;
        bool enhancedSupported = false; ///< word 128 bits 0-5
        int normalEraseMinutes = 0, enhancedEraseMinutes = 0; ///< words 89, 90 (0 = not given)
    } security;
    struct Sanitize {
        bool supported = false, crypto = false, overwrite = false, blockErase = false, antifreeze = false;
    } sanitize; ///< word 59 bits 12, 13, 14, 15, 10
    bool checksumValid = true; ///< word 255 (A5h signature): false when the sum is wrong
    bool checksumPresent = false;
    bool ssd() const { return rotationRate == 1; }
};
/// Fails (Corrupt) on a buffer that is not 512 bytes or whose checksum is wrong.
Result<AtaIdentify> parseAtaIdentify(const QByteArray &data);

/// DEVICE CONFIGURATION IDENTIFY (B1h/C2h): the largest LBA the drive could be set to.
Result<uint64_t> parseDcoIdentifyMaxLba(const QByteArray &data);

/// SANITIZE STATUS EXT (B4h/0000h) output: COUNT bits 15 (completed without error), 14 (in
/// progress), 13 (frozen), 12 (antifreeze); LBA 15:0 progress in 1/65536; on error the
/// LBA 7:0 reason (01h unsuccessful, 02h unsupported value).
struct AtaSanitizeStatus {
    bool completedWithoutError = false, inProgress = false, frozen = false, antifreeze = false;
    bool failed = false; ///< ERR set: the last sanitize failed (the drive is in failure mode)
    int failureReason = 0;
    double progress = 0;
};
AtaSanitizeStatus parseAtaSanitizeStatus(const AtaRegisters &r);

// ---- NVMe -------------------------------------------------------------------------------

struct NvmeAdminCommand {
    uint8_t opcode = 0;
    uint32_t nsid = 0;
    uint32_t cdw10 = 0, cdw11 = 0, cdw12 = 0;
    uint32_t dataLength = 0; ///< bytes read from the controller (Identify, Get Log Page)
    int timeoutSeconds = 30;
};

/// Identify Controller (CNS 01h), the fields erasure needs.
struct NvmeIdentifyController {
    QString model, serial, firmware; ///< bytes 24-63, 4-23, 64-71
    bool formatSupported = false; ///< OACS bit 1
    bool formatAllNamespaces = false, secureEraseAllNamespaces = false, cryptoEraseSupported = false; ///< FNA bits 0-2
    bool sanitizeCrypto = false, sanitizeBlock = false, sanitizeOverwrite = false; ///< SANICAP bits 0-2
    bool noDeallocateInhibited = false; ///< SANICAP bit 29
};
Result<NvmeIdentifyController> parseNvmeIdentifyController(const QByteArray &data);

/// Identify Namespace (CNS 00h): size and the LBA format in use (kept by a Format).
struct NvmeIdentifyNamespace {
    uint64_t sizeBlocks = 0; ///< NSZE
    int lbaFormat = 0; ///< FLBAS bits 3:0 (and 6:5)
    uint32_t blockBytes = 512;
};
Result<NvmeIdentifyNamespace> parseNvmeIdentifyNamespace(const QByteArray &data);

/// Sanitize Status log page (81h).
struct NvmeSanitizeLog {
    enum class State { Never, Succeeded, InProgress, Failed, SucceededNoDeallocate, Unknown };
    State state = State::Never; ///< SSTAT bits 2:0
    double progress = 0; ///< SPROG / 65536
    int overwritePasses = 0; ///< SSTAT bits 7:3
    bool globalDataErased = false; ///< SSTAT bit 8
};
Result<NvmeSanitizeLog> parseNvmeSanitizeLog(const QByteArray &data);

// ---- transport, probe, choice, run ------------------------------------------------------

/// The way commands reach a drive. The real ones (SG_IO, NVMe ioctl) come from
/// openPassThrough(); tests give recorded answers through their own implementation.
/// One thread at a time.
class PassThrough
{
public:
    enum class Kind { Ata, Nvme };
    virtual ~PassThrough() = default;
    virtual Kind kind() const = 0;
    /// PioIn: `data` receives count × 512 bytes; PioOut: `data` is sent. Fails when the
    /// command could not be delivered; a device that refused it returns registers with ERR.
    virtual Result<AtaRegisters> ata(const AtaCommand &command, QByteArray *data)
    {
        Q_UNUSED(command);
        Q_UNUSED(data);
        return unsupported();
    }
    /// Returns the completion's result dword; an NVMe error status is an Error whose
    /// detail is "nvme_status_XXXX".
    virtual Result<uint32_t> nvmeAdmin(const NvmeAdminCommand &command, QByteArray *data)
    {
        Q_UNUSED(command);
        Q_UNUSED(data);
        return Error{ErrorCode::Unsupported, QStringLiteral("not an NVMe device"), QStringLiteral("transport_kind")};
    }

private:
    static Error unsupported()
    {
        return {ErrorCode::Unsupported, QStringLiteral("not an ATA device"), QStringLiteral("transport_kind")};
    }
};

/// SG_IO for /dev/sdX (SATA directly or behind a SAT bridge), the NVMe admin ioctl for
/// /dev/nvmeXnY. Unsupported for loop devices, files and anything else.
Result<std::unique_ptr<PassThrough>> openPassThrough(const QString &device);

enum class PurgeTechnique {
    None,
    AtaSanitizeCrypto,
    AtaSanitizeBlock,
    AtaSanitizeOverwrite,
    AtaSanitizeResume, ///< a sanitize interrupted by a power cut: the drive goes on, we wait
    AtaSecurityEraseEnhanced,
    AtaSecurityErase,
    NvmeSanitizeCrypto,
    NvmeSanitizeBlock,
    NvmeSanitizeOverwrite,
    NvmeSanitizeResume,
    NvmeFormatCrypto,
    NvmeFormatUserData,
};
QString toString(PurgeTechnique technique);

/// Everything probeDrive() learnt, for the choice, the worker and the certificate.
struct DriveReport {
    QString bus; ///< "sata" or "nvme"; empty when unknown (loop, file, USB without SAT)
    QString media; ///< "hdd", "ssd"
    QString model, serial;
    int64_t bytes = 0; ///< as the drive reports it now
    int64_t nativeBytes = 0; ///< with HPA/DCO removed
    int64_t hpaBytes = 0, dcoBytes = 0;
    uint64_t nativeMaxLba = 0, dcoMaxLba = 0;
    uint32_t sectorBytes = 512;
    std::optional<AtaIdentify> ata;
    std::optional<AtaSanitizeStatus> ataSanitize;
    std::optional<NvmeIdentifyController> nvme;
    std::optional<NvmeIdentifyNamespace> nvmeNamespace;
    std::optional<NvmeSanitizeLog> nvmeSanitize;
    bool securityFrozen = false;
    bool sanitizeInProgress = false; ///< a sanitize started before (power cut) is still running
    bool sanitizeFailed = false; ///< the last sanitize failed: the drive waits for a new one
    QString frozenFix; ///< what a worker can do about a frozen drive
    QStringList notes; ///< lines for the worker (frozen, hidden areas, resumed sanitize)
    bool known() const { return !bus.isEmpty(); }
};
Result<DriveReport> probeDrive(PassThrough &transport);

struct PurgeChoice {
    PurgeTechnique technique = PurgeTechnique::None;
    QString reason; ///< in the worker's language: why this one, or why none
};
/// The strongest technique the drive offers for its media: sanitize (crypto, then block
/// erase; overwrite for disks), then ATA Security Erase (enhanced first) or NVMe Format
/// (crypto erase first). A frozen security state, a locked drive or an expired password
/// counter rule Security Erase out (the reason says what a worker can do). A sanitize still
/// running after a power cut is resumed (waited for), one that failed is started again.
PurgeChoice choosePurge(const DriveReport &drive, bool purgeAsked = false);

struct PurgeDone {
    QString command; ///< e.g. "ATA SANITIZE CRYPTO SCRAMBLE EXT", for the certificate
    double seconds = 0;
};
/// Sends the technique's commands and waits for the drive to finish (polling sanitize
/// status every `pollMs`). `progress(fraction)` returns false to stop waiting (the drive
/// goes on by itself: a sanitize cannot be cancelled). Blocks.
Result<PurgeDone> runPurge(PassThrough &transport, const DriveReport &drive, PurgeTechnique technique,
                           const std::function<bool(double)> &progress = {}, int pollMs = 2000);

/// Removes a DCO (DEVICE CONFIGURATION RESTORE) then an HPA (SET MAX ADDRESS EXT to the
/// native max), so that the overwrite covers the whole disk. Only after the worker confirmed.
Result<void> restoreNativeSize(PassThrough &transport, const DriveReport &drive);

} // namespace Etabli::Imaging
