// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/server/api.h"
#include "inventory/server/serverstore.h"

#include <QJsonObject>

#include <optional>

/// The supervisor's endpoints (issue 13), hooked into the one route table of api.cpp:
///   GET /api/v1/reports/bilan?from=YYYY-MM-DD&to=YYYY-MM-DD[&format=json|csv]
///   GET /api/v1/attention
///   GET /api/v1/admin/workshop, GET /api/v1/admin/workers
/// and the period figures GET /api/v1/figures adds when given from, to or lot.
/// Administration changes are events the supervisor pushes (worker.added/updated,
/// workshop.configured) through POST /api/v1/events; tokens through /api/v1/tokens.
namespace Etabli::Server::SupervisorApi {

ApiResponse bilan(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
ApiResponse attention(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
ApiResponse workshop(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
ApiResponse workers(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
/// Adds the period figures to `figures` when the request names from, to or lot; an answer
/// (400) when they are malformed.
std::optional<ApiResponse> addPeriodFigures(const ApiRequest &r, ServerStore &store, QJsonObject &figures);

} // namespace Etabli::Server::SupervisorApi
