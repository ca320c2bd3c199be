#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, before the station opens /dev/fb0 (etabli-bench.service's ExecStartPre):
# wait until the framebuffer is a GPU driver's (DRM: "i915drmfb", "amdgpudrmfb",
# "bochs-drmdrmfb"…), not the firmware's ("EFI VGA", "VESA VGA", simpledrm) that the driver
# replaces when udev loads it; or, on a GPU without a DRM driver, until udev has handled every
# device (its queue is empty). At most 60 s. This replaces systemd-udev-settle, which waits for
# every device's rules to end (20 s under TCG) where only the display's driver matters.
# Cheap to poll (2026-12-02, fourth round): a fork costs under TCG, and the old loop forked `cat`
# and `sleep` ten times a second, and `udevadm settle` too after 2 s, on the vCPU udev needs to
# load the driver: the names are read with the shell's `read`, every 0.25 s, the settle check
# once a second from 2 s on; the time said is the kernel's clock (/proc/uptime).
read -r t0 _ </proc/uptime
t0=${t0%.*}
elapsed() { read -r t _ </proc/uptime; echo $((${t%.*} - t0)); }
n=0
while [ "$n" -lt 240 ]; do
  for f in /sys/class/graphics/fb*/name; do
    [ -r "$f" ] || continue
    read -r name <"$f" 2>/dev/null || name=
    case $name in
      simpledrm*) ;;
      *drmfb) echo "etabli-bench: display $name after $(elapsed) s"; exit 0 ;;
    esac
  done
  if [ "$n" -ge 8 ] && [ $((n % 4)) -eq 0 ] && udevadm settle --timeout=0 2>/dev/null; then
    read -r fb0 <"/sys/class/graphics/fb0/name" 2>/dev/null || fb0=none
    echo "etabli-bench: no DRM framebuffer, udev done after $(elapsed) s: the firmware's ($fb0)"
    exit 0
  fi
  sleep 0.25
  n=$((n + 1))
done
echo "etabli-bench: no DRM framebuffer after $(elapsed) s" >&2
exit 0
