// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QString>

namespace Etabli::Inventory {

/// Files that hold family data or tokens (a station's store with `sync.token`, the
/// central database) are readable by their owner only, whatever the umask. Plain
/// functions, callable from any thread.
namespace PrivateFile {

/// Creates `dir` and its missing parents with mode 0700 (folders that already exist are
/// left as they are: /var/lib, a home directory…).
Result<void> makeDir(const QString &dir);

/// Creates `path` empty with mode 0600 (O_EXCL: fails with ErrorCode::Conflict if it
/// exists). SQLite then gives its -wal and -shm files the same mode.
Result<void> create(const QString &path);

/// Takes group and other permissions away from `path` and its SQLite companions
/// (`-wal`, `-shm`, `-journal`) when they exist, for files made by older versions.
void restrict(const QString &path);

} // namespace PrivateFile

} // namespace Etabli::Inventory
