// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// The labels module in one include: templates, barcodes, rendering, outputs, printers
// and the reprint queue. See labels/README.md.
#include "labels/barcode.h"
#include "labels/brotherql.h"
#include "labels/labeloutput.h"
#include "labels/labelprintjob.h"
#include "labels/labelrenderer.h"
#include "labels/labeltemplate.h"
#include "labels/pictogram.h"
#include "labels/printer.h"
#include "labels/printqueue.h"
