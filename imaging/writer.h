// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/manifest.h"
#include "imaging/source.h"
#include "imaging/target.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace Etabli::Imaging {

class Source;

struct WriteOptions {
    Fill fill = Fill::Zeros;
    bool verify = false;
    int threads = 0; ///< decoding threads; 0 = one per core
    int window = 0; ///< ranges in flight (memory = window × range size); 0 = automatic
    std::optional<Manifest> manifest; ///< when set, every range is checked against it
    QString journalDir; ///< where resume journals live; empty = no journal, no resume
    QString masterIdentity; ///< ties a journal to one master (manifest digest, or path+size+mtime)
    /// With a manifest and a master file: where MasterSeal records live. A seal from an
    /// earlier full check lets each range's CRC-32 stand in for its SHA-256; a run that
    /// checked every range by SHA-256 leaves one. Empty: every range is SHA-256 checked.
    QString sealDir;
    QString masterPath;
    RemoteOptions remote; ///< token, CA and patience for an http(s):// master
};

/// Progress and outcome of one target, a snapshot.
struct TargetProgress {
    enum class Phase { Waiting, Writing, Syncing, Verifying, Done, Failed };
    QString name, model, serial;
    bool blockDevice = false; ///< a disk (block device), not a regular file or /dev/null
    Phase phase = Phase::Waiting;
    int64_t bytesDone = 0;
    int64_t bytesTotal = -1; ///< -1 while a stream's size is unknown
    int64_t resumedBytes = 0; ///< already written by an interrupted run (journal)
    int64_t verifiedBytes = 0;
    double seconds = 0; ///< writing time, flush included
    double mibPerSecond = 0;
    double etaSeconds = -1;
    bool verified = false;
    QString error; ///< why the target was dropped or failed verification
    ErrorCode errorCode = ErrorCode::Io; ///< its kind (Corrupt when verification failed)
};
QString toString(TargetProgress::Phase phase);

/// Writes one master to several targets at once. The master is read and inflated once,
/// on every core; each target has its own writer thread (O_DIRECT, in order) and all share
/// a bounded window of ranges, so memory does not grow with a slow target or with the
/// number of targets. A target that fails is dropped with its error while the others
/// finish. With a journal directory, completed ranges are journalled after each flush and
/// an interrupted run resumes where it stopped. run() blocks; progress() and cancel() may
/// be called from any thread while it runs.
class ImageWriter
{
public:
    ImageWriter(std::unique_ptr<Source> source, WriteOptions options);
    ~ImageWriter();

    void addTarget(std::unique_ptr<TargetDevice> target);
    /// Fails when the master is damaged, does not match its manifest, or every target
    /// failed; per-target outcomes are in progress().
    Result<void> run();
    std::vector<TargetProgress> progress() const;
    void cancel();
    /// How the master was checked against its manifest: "sha256", "seal" (CRC-32 against
    /// an earlier full check) or "none" (no manifest). Valid once run() returned.
    QString masterCheck() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Etabli::Imaging
