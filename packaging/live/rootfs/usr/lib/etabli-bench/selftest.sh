#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, at boot (etabli-bench-selftest.service): what the station sees of the PC,
# then how long the boot took, both on the console for packaging/live/test-qemu.sh.
# Not beside the station's start-up (one CPU under TCG, boot time): the probe waits until the
# station has drawn its first frame (its line in the journal), at most 3 minutes.
# etabli.boottrace on the kernel command line (with the kernel's own boot-time tracing, e.g.
# trace_event=syscalls,sched:sched_process_exec,module:module_load trace_buf_size=64M
# trace_options=nooverwrite): first, PID 1's traced events around every pause of more than
# 0.1 s in its life, and the whole system's pauses of more than 0.5 s, from the kernel's ring
# buffer (packaging/live/README.md, "Sixth round").
if grep -qw etabli.boottrace /proc/cmdline; then
  mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
  echo ETABLI-BOOTTRACE-BEGIN
  LC_ALL=C awk 'function ts(f) { sub(":", "", f); return f + 0 }
    /^#/ { next }
    { t = ts($4) }
    t - all > 0.5 && all > 0 { printf "all-gap %.3f s\n  %s\n  %s\n", t - all, allprev, $0 }
    { all = t; allprev = $0 }
    $1 ~ /-1$/ && /sched_process_exec/ { print "pid1-exec " $0; if (/filename=\/sbin\/init /) init = t }
    $1 ~ /-1$/ && init && !mounted && /sys_mount\(/ { mounted = 1
      printf "pid1-loaded %.3f s from the exec of /sbin/init to systemd'"'"'s first mount(2)\n", t - init }
    $1 ~ /-1$/ { if (t - last > 0.1 || n < 2) printf "pid1-gap %.3f s\n  %s\n  %s\n", t - last, prev, $0
      last = t; prev = $0; n++ }' /sys/kernel/tracing/trace | head -600
  echo ETABLI-BOOTTRACE-END
fi
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
