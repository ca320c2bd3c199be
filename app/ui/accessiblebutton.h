// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

namespace Etabli::Ui {

/// Makes every QtQuick.Templates button (BigButton, HoldButton…) report its real state
/// to assistive technologies: Qt 6.4's QAccessibleQuickItem never sets `disabled`, so a
/// greyed button read as enabled (issue 12). The interface reads the button's
/// `accessibleName`, `accessibleDescription`, enabled, focus, pressed and checked
/// state, and offers the press action. Installs (again, last, so it is asked before Qt
/// Quick's own factory) a QAccessible factory; idempotent. UI thread only.
void installAccessibleButtons();

} // namespace Etabli::Ui
