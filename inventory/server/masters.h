// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/server/api.h"

#include <QString>

namespace Etabli::Server {

class ServerStore;

/// `GET|HEAD /api/v1/masters/NAME.qcow2` and `…/NAME.qcow2.manifest.json`: the masters of
/// one directory (`etabli-server --masters DIR`), for benches with a station token.
///
/// Promises: only regular files directly in DIR (after symbolic links are resolved) whose
/// name ends in `.qcow2` or `.qcow2.manifest.json` are served, anything else is 404; a
/// strong ETag from the file's identity (device, inode, size, mtime in ns); `Range: bytes=`
/// (one range: 206 with `Content-Range`, 416 for a bad or unsatisfiable one), `If-Range`
/// and `If-None-Match` (304). The answer carries an open descriptor (`ApiResponse::file`)
/// that the HTTP front end streams in chunks, so a 20 GiB master never sits in memory and
/// the bytes sent are those of the file the ETag describes, even if it is replaced meanwhile.
/// Stateless: one object may serve every worker thread at once.
class Masters
{
public:
    explicit Masters(QString dir);

    static bool handles(const QString &path);
    /// `store` is the calling worker's (token check).
    ApiResponse handle(const ApiRequest &request, const ServerStore &store) const;
    QString dir() const { return m_dir; }

private:
    QString m_dir; ///< canonical path
};

} // namespace Etabli::Server
