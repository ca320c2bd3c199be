// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// One blocking JSON request to the central server with a bearer token, shared by the
// supervisor's and the desk's reads (30 s at most; the caller runs it off the UI thread).
#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace Etabli::AppCore {

/// `method` is GET, POST (with `body` as JSON) or DELETE; `path` is appended to the server's
/// own path. A 2xx answer gives its JSON body; no answer gives ErrorCode::Io; any other status
/// its ErrorCode (400, 401, 403, 404, 409) with the server's "message".
Result<QJsonDocument> serverRequest(const QUrl &server, const QString &token, const QByteArray &method,
                                    const QString &path, const QUrlQuery &query = {}, const QJsonObject &body = {});

} // namespace Etabli::AppCore
