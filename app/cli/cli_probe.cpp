// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/cli/cli.h"

namespace Etabli::Cli {

void registerProbeCommands(Registry &registry)
{
    Q_UNUSED(registry);
}

} // namespace Etabli::Cli
