// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

namespace Etabli::Desk {

/// `etabli-station --role desk [--db PATH] [--panel-ppi N] [--theme normal|high-contrast]
/// [--text-scale F] [--lang fr|en] [--windowed] [--demo] [--screen home|handover|grant|training|return]`: the desk's
/// screens in one window (full screen unless --windowed). Called from app/station/main.cpp before anything else.
int runDeskRole(int argc, char **argv);

/// Whether the command line asks for the desk role (`--role desk` or `--role=desk`).
bool isDeskRole(int argc, char **argv);

} // namespace Etabli::Desk
