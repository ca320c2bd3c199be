// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Internal to the API: the one answer shape of api.cpp, for the handlers kept in other
// files (api_erasure.cpp).

#include "common/result.h"
#include "inventory/server/api.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Etabli::Server::ApiReply {

ApiResponse json(int status, const QJsonValue &value);
/// {"code", "message", "detail"} at the top level and inside "error" (README, "Errors in JSON").
ApiResponse error(int status, const QString &code, const QString &message, const QString &detail = {});
/// The HTTP status of an Error (400 bad input, 404, 409, 401…).
ApiResponse fromError(const Error &e);
/// A JSON object body with no key outside `allowed`.
Result<QJsonObject> objectBody(const QByteArray &body, const QStringList &allowed);

} // namespace Etabli::Server::ApiReply
