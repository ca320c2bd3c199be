#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Bench live system, at boot: where the station keeps its inventory, and its server and token.
#  1. A FAT partition labelled ETABLI on a USB stick (the boot stick or another one) is mounted
#     at /var/lib/etabli-bench: the inventory (results) and etabli.conf live there, so nothing
#     is lost when the PC is switched off. No other partition is ever mounted: the disk under
#     test stays untouched.
#  2. etabli.conf there (KEY=value lines: server=, token=, station=, lang=), then the kernel
#     command line (etabli.server=, etabli.token=, etabli.station=, etabli.lang=) which wins,
#     as ShredOS takes its options.
# Writes /run/etabli-bench/env (0600, read by the units' EnvironmentFile=).
set -u
state=/var/lib/etabli-bench
mkdir -p "$state" /run/etabli-bench
server= token= station= lang=fr storage=ram

# The stick: only the partitions of USB disks are probed (etabli.anystick: every partition).
# Not `blkid -L`, which probes every block device (the CD, the disk under test, loop0: 5.8 s of
# this unit under TCG, on the station's critical path), nor udev's /dev/disk/by-label (no wait
# for udev): the kernel's own list in /sys/class/block. ETABLI_SYS: another /sys (a test).
sys=${ETABLI_SYS:-/sys}
anystick=0
grep -qw etabli.anystick /proc/cmdline && anystick=1
parts=
for p in "$sys"/class/block/*; do
  [ -e "$p/partition" ] || continue
  case $(readlink -f "$p") in */usb*) ;; *) [ "$anystick" = 1 ] || continue ;; esac
  parts="$parts /dev/${p##*/}"
done
dev=
[ -z "$parts" ] || dev=$(blkid -c /dev/null -o device -t LABEL=ETABLI $parts 2>/dev/null | head -n 1)
if [ -n "$dev" ]; then
  parent=$(lsblk -ndo PKNAME "$dev" 2>/dev/null)
  tran=$(lsblk -ndo TRAN "/dev/$parent" 2>/dev/null)
  if [ "$tran" = usb ] || [ "$anystick" = 1 ]; then
    if mount -t vfat -o rw,nosuid,nodev,noexec,uid=bench,gid=bench,umask=077,flush "$dev" "$state"; then
      storage="$dev"
    fi
  else
    echo "etabli-bench: $dev is labelled ETABLI but not on a USB stick: not mounted" >&2
  fi
fi
if [ -r "$state/etabli.conf" ]; then
  while IFS='=' read -r k v; do
    v=$(printf '%s' "$v" | tr -d '\r')
    case $k in
      server) server=$v ;; token) token=$v ;; station) station=$v ;; lang) lang=$v ;;
    esac
  done <"$state/etabli.conf"
fi
for arg in $(cat /proc/cmdline); do
  case $arg in
    etabli.server=*) server=${arg#*=} ;;
    etabli.token=*) token=${arg#*=} ;;
    etabli.station=*) station=${arg#*=} ;;
    etabli.lang=*) lang=${arg#*=} ;;
  esac
done
[ -n "$station" ] || station=bench-$(cat /sys/class/dmi/id/product_serial 2>/dev/null | tr -cd 'A-Za-z0-9' | cut -c1-16)
[ "$station" = bench- ] && station=bench-$(hostname)
chown bench:bench "$state" 2>/dev/null || true
umask 077
cat >/run/etabli-bench/env <<ENV
ETABLI_DB=$state/inventory.sqlite
ETABLI_STATION=$station
ETABLI_LANG=$lang
ETABLI_SERVER=$server
ETABLI_TOKEN=$token
ENV
echo "etabli-bench: station $station, inventory on $storage, server ${server:-(none)}"
# The network (DHCP), the sync and the DNS resolver it pulls in only when there is somewhere
# to sync to: none of them is started at boot (packaging/live/README.md, "Boot time").
if [ -n "$server" ] && [ -n "$token" ]; then
  systemctl start --no-block systemd-networkd.service etabli-bench-sync.timer
fi
