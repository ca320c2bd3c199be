// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// desk (issue 14, engineer "deskserver"): the desk's endpoints of the API, routed from
// api.cpp's table, desk and supervisor tokens only (a station token gets 403):
//   GET /api/v1/desk/beneficiaries/REF  a family's records: who, vouchers, handovers,
//                                       grant, training, returns (404 unknown)
//   GET /api/v1/desk/audit[?beneficiary=REF]  the server's personal-data audit
// Every view of personal data through the API writes an audit line (who, role, what, when).

#include "inventory/server/api.h"

#include <QJsonArray>

namespace Etabli::Server {

class ServerStore;
struct TokenInfo;

namespace DeskApi {

ApiResponse beneficiary(const ApiRequest &r, ServerStore &store, const TokenInfo &token, const QString &reference);
ApiResponse beneficiaries(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
ApiResponse audit(const ApiRequest &r, ServerStore &store, const TokenInfo &token);
/// A pull by a desk or supervisor token that carried family data: one audit line.
void auditPull(ServerStore &store, const TokenInfo &token, const QJsonArray &events);

} // namespace DeskApi

} // namespace Etabli::Server
