#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, at boot (etabli-bench-selftest.service): what the station sees of the PC,
# then how long the boot took, both on the console for packaging/live/test-qemu.sh.
echo ETABLI-PROBE-BEGIN
/usr/bin/etabli probe --json
echo "ETABLI-PROBE-END rc=$?"
systemctl is-system-running --wait >/dev/null 2>&1
echo ETABLI-ANALYZE-BEGIN
systemd-analyze time 2>&1 | head -3
echo "cmdline: $(cat /proc/cmdline)"
systemd-analyze critical-chain --no-pager etabli-bench.service 2>&1 | sed -n '3,30p'
echo "blame:"
systemd-analyze blame --no-pager 2>&1 | head -15
echo ETABLI-ANALYZE-END
