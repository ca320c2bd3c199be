// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// The imaging engine's public headers, for callers that want all of it.
#include "imaging/builder.h"
#include "imaging/manifest.h"
#include "imaging/qcow2.h"
#include "imaging/source.h"
#include "imaging/target.h"
#include "imaging/writer.h"
