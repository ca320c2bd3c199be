#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, at boot (etabli-bench-selftest.service): what the station sees of the PC,
# then how long the boot took, both on the console for packaging/live/test-qemu.sh.
# Not beside the station's start-up (one CPU under TCG, boot time): the probe waits until the
# station has drawn its first frame (its line in the journal), at most 3 minutes.
for _ in $(seq 1 90); do
  journalctl -q -b -o cat -u etabli-bench.service 2>/dev/null | grep -q "first frame after" && break
  sleep 2
done
echo ETABLI-PROBE-BEGIN
/usr/bin/etabli probe --json
echo "ETABLI-PROBE-END rc=$?"
systemctl is-system-running --wait >/dev/null 2>&1
echo ETABLI-ANALYZE-BEGIN
systemd-analyze time 2>&1 | head -3
echo "cmdline: $(cat /proc/cmdline)"
# Not started at boot (without a server): the resolver, udev settle, the sync timer, the
# network (DHCP), logind.
echo "not at boot: $(systemctl is-active systemd-resolved.service systemd-udev-settle.service etabli-bench-sync.timer systemd-networkd.service systemd-logind.service | tr '\n' ' ')"
# What mitigations=off changes on this CPU (packaging/live/README.md, "Boot time").
echo "cpu: $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1); vulnerabilities: $(cd /sys/devices/system/cpu/vulnerabilities 2>/dev/null && grep -H . * | tr '\n' ';')"
systemd-analyze critical-chain --no-pager etabli-bench.service 2>&1 | sed -n '3,30p'
echo "blame:"
systemd-analyze blame --no-pager 2>&1 | head -15
echo ETABLI-ANALYZE-END
