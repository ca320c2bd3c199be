// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "imaging/source.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace Etabli::Imaging {

/// True for an http://, https:// or multicast:// master address.
bool isRemoteMaster(const QString &path);
/// The http(s) URL of a remote master (for multicast://…?master=URL, that URL).
QString remoteMasterUrl(const QString &path);

/// A qcow2 master read from `etabli-server --masters` through range requests.
///
/// Promises: open() reads the header and the L1/L2 tables (in 1 MiB blocks) and refuses a
/// master that is not qcow2, a wrong or missing token (Unauthorized / Refused), a missing
/// master (NotFound) and an untrusted certificate; then only the allocated clusters are
/// fetched, in guest order, by `connections` keep-alive connections that keep up to
/// `readAhead` bytes of ranges ahead of the writer (a range the writer will skip — already
/// journalled — is never fetched). Every answer must carry the ETag seen at open: another
/// master on the server stops the run (Corrupt, `master_changed`) before its bytes reach a
/// target. A cut connection is retried with backoff (0.2 s doubling to 5 s) until no range
/// completed for `stallSeconds`; then Network, `stalled`. Random access, thread-safe reads.
class HttpSource final : public Source
{
public:
    static Result<std::unique_ptr<HttpSource>> open(const QString &url, const RemoteOptions &options);
    ~HttpSource() override;

    Format format() const override { return Format::Qcow2; }
    int64_t virtualSize() const override;
    uint32_t clusterSize() const override;
    bool knownZero(int64_t offset, int64_t length) const override;
    void prepare(uint32_t rangeSize, std::function<bool(int64_t index)> wanted) override;
    Result<int64_t> read(int64_t offset, int64_t length, uint8_t *buffer, std::vector<Extent> &extents) override;
    QString identity() const override;

    QByteArray etag() const;
    /// Bytes received for clusters (not headers or metadata), for tests and benchmarks.
    int64_t fetchedBytes() const;
    /// Bytes of disk taken from RemoteOptions::cachePath (ranges whose digest matched).
    int64_t cachedBytes() const;

private:
    HttpSource();
    struct Private;
    std::unique_ptr<Private> d;
};

/// GETs a small document (a manifest) next to a remote master: `url` as given.
Result<QByteArray> fetchRemoteDocument(const QString &url, const RemoteOptions &options, int64_t maxBytes = 64 << 20);

} // namespace Etabli::Imaging
