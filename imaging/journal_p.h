// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal to the writer: the resume journal of one target.

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace Etabli::Imaging {

/// Completed ranges of one target, appended after each flush so that a crash loses at
/// most the ranges written since. Text lines: a JSON header, then "index crc".
class Journal
{
public:
    ~Journal() { close(); }

    /// Opens the journal of `target`; returns the ranges it lists when its header matches.
    std::map<int64_t, uint32_t> open(const QString &dir, const QString &target, const QJsonObject &header);
    /// Appends and syncs `entries` (one call per writing lane at a time), then clears them.
    void append(std::vector<std::pair<int64_t, uint32_t>> &entries);
    /// Deletes the journal: the target is complete.
    void remove();
    QString path() const { return m_path; }

private:
    void close();
    QString m_path;
    int m_fd = -1;
    std::mutex m_mutex;
};

} // namespace Etabli::Imaging
