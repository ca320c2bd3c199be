#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, before the station opens /dev/fb0 (etabli-bench.service's ExecStartPre):
# wait until the framebuffer is a GPU driver's (DRM: "i915drmfb", "amdgpudrmfb",
# "bochs-drmdrmfb"…), not the firmware's ("EFI VGA", "VESA VGA", simpledrm) that the driver
# replaces when udev loads it; or, on a GPU without a DRM driver, until udev has handled every
# device (its queue is empty). At most 60 s. This replaces systemd-udev-settle, which waits for
# every device's rules to end (20 s under TCG) where only the display's driver matters.
n=0
while [ "$n" -lt 600 ]; do
  for f in /sys/class/graphics/fb*/name; do
    [ -r "$f" ] || continue
    name=$(cat "$f" 2>/dev/null)
    case $name in
      simpledrm*) ;;
      *drmfb) echo "etabli-bench: display $name after $((n / 10)).$((n % 10)) s"; exit 0 ;;
    esac
  done
  if [ "$n" -ge 20 ] && udevadm settle --timeout=0 2>/dev/null; then
    echo "etabli-bench: no DRM framebuffer, udev done: the firmware's ($(cat /sys/class/graphics/fb0/name 2>/dev/null || echo none))"
    exit 0
  fi
  sleep 0.1
  n=$((n + 1))
done
echo "etabli-bench: no DRM framebuffer after 60 s" >&2
exit 0
