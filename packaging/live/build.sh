#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# The bench live system: a hybrid ISO (BIOS + UEFI, CD or USB stick) and a netboot tree
# (vmlinuz, initrd.img, filesystem.squashfs) from Debian 12 packages and build/debs/*.deb.
# It boots straight into etabli-station full screen (Qt linuxfb, no compositor, no
# desktop, no shell), French locale and AZERTY keyboard; see packaging/live/README.md.
#   bash packaging/live/build.sh [-o etabli-bench.iso] [--debs DIR] [--base-only | --iso-only]
# --iso-only: only the ISO again from build/live/iso-tree/ with the current grub.cfg (a change of
# the kernel command line; a minute instead of the whole build).
# --no-etabli: a trial image without the Établi packages (to profile the kernel, the initramfs
# and systemd before the packages are built; the station unit then fails and restarts).
# --from-build DIR: a trial image with the Établi files taken from a CMake build folder (e.g.
# build/dev: etabli, etabli-station, etabli-helper built) instead of the packages, laid out as
# packaging/debian/*.install does, their libraries' packages (ldd, dpkg -S) and the station's
# Depends installed with apt-get, binaries stripped. For when build-debs.sh cannot run (time).
# ZSTD_LEVEL=3 for a quick trial build (default 15). Run as root. Output: the ISO (default build/live/etabli-bench.iso) and build/live/netboot/.
# The Debian root of the packages below is cached in build/live/base-*/ (keyed by the
# package list): a second build only redoes the Établi part, the squashfs and the ISO.
set -euo pipefail
# A build: at nice 15 on the shared machine (HELPERS.md), whoever starts it.
[ "$(nice)" -ge 15 ] || exec nice -n $((15 - $(nice))) bash "$0" "$@"

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# LIVE_OUT: another output folder (a trial beside the real build); the caches stay in build/live.
cache=$root/build/live
out=${LIVE_OUT:-$cache}
iso=$out/etabli-bench.iso
debs=$root/build/debs
base_only=0
iso_only=0
no_etabli=0
from_build=
while (($#)); do
  case $1 in
    -o) iso=$(realpath -m "$2"); shift 2 ;;
    --debs) debs=$(realpath "$2"); shift 2 ;;
    --base-only) base_only=1; shift ;;
    --iso-only) iso_only=1; shift ;;
    --no-etabli) no_etabli=1; shift ;;
    --from-build) from_build=$(realpath "$2"); shift 2 ;;
    *) echo "usage: build.sh [-o FILE.iso] [--debs DIR] [--base-only | --iso-only]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "live: run as root" >&2; exit 1; }
say() { echo "live: $(date -u +%T) $*"; }
make_iso() {
  cp "$here/grub.cfg" "$out/iso-tree/boot/grub/grub.cfg"
  say "hybrid ISO (grub-mkrescue: BIOS and UEFI)"
  grub-mkrescue -o "$iso" "$out/iso-tree" -- -volid ETABLI_BENCH >"$out/grub-mkrescue.log" 2>&1 \
    || { cat "$out/grub-mkrescue.log"; exit 1; }
}
if ((iso_only)); then
  [ -e "$out/iso-tree/live/filesystem.squashfs" ] || { echo "live: no $out/iso-tree (run a whole build)" >&2; exit 1; }
  make_iso
  say "ISO $(du -h "$iso" | cut -f1) $iso"
  exit 0
fi

# Kept small: kernel and live-boot, udev for input devices, the fonts Qt needs, the QML modules
# (so the Établi packages add little), smartmontools for the disk tests. No X, no Wayland, no
# udisks, no getty, no shell login.
packages=(
  linux-image-amd64 live-boot systemd-sysv udev kmod util-linux
  locales keyboard-configuration xkb-data fonts-dejavu-core
  libinput10 libqt6gui6 libqt6sql6-sqlite
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtmultimedia
  smartmontools pciutils usbutils ca-certificates
)
need=(mmdebstrap squashfs-tools xorriso grub-pc-bin grub-efi-amd64-bin mtools dosfstools zstd)
missing=()
for p in "${need[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
((${#missing[@]})) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian}/debian-security

mkdir -p "$out" "$cache"
key=$(printf '%s\n' "${packages[@]}" "$mirror" | sha256sum | cut -c1-12)
base=$cache/base-$key
if [ ! -d "$base" ]; then
  say "mmdebstrap bookworm (${#packages[@]} packages) -> $base"
  rm -rf "$cache"/base-* "$cache"/initrd-*.img
  mmdebstrap --quiet --variant=minbase --include="$(IFS=,; echo "${packages[*]}")" \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
    bookworm "$base.part" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
  mv "$base.part" "$base"
else
  say "reusing $base"
fi
((base_only)) && { say "base only: done"; exit 0; }

((no_etabli)) || [ -n "$from_build" ] || ls "$debs"/etabli_*.deb "$debs"/etabli-station_*.deb >/dev/null 2>&1 \
  || { echo "live: no Établi packages in $debs (run packaging/build-debs.sh)" >&2; exit 1; }

rootfs=$out/rootfs
mounted=()
cleanup() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
}
trap cleanup EXIT
grep -q " $rootfs/" /proc/mounts && { echo "live: mounts left under $rootfs" >&2; exit 1; }
rm -rf "$rootfs"; mkdir -p "$rootfs"
cp -a "$base/." "$rootfs/"
mount -t proc proc "$rootfs/proc"; mounted+=("$rootfs/proc")
mount -t sysfs sys "$rootfs/sys"; mounted+=("$rootfs/sys")
mount --bind /dev "$rootfs/dev"; mounted+=("$rootfs/dev")
in_root() { chroot "$rootfs" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root DEBIAN_FRONTEND=noninteractive "$@"; }

mkdir -p "$rootfs/tmp/debs"
extra=()
if ((no_etabli)); then
  say "trial without the Établi packages (--no-etabli)"
elif [ -n "$from_build" ]; then
  say "trial: the Établi files from the CMake build $from_build, not the packages (--from-build)"
  bins=("$from_build/app/etabli" "$from_build/app/station/etabli-station" "$from_build/app/helper/etabli-helper")
  for b in "${bins[@]}"; do [ -x "$b" ] || { echo "live: no $b (build etabli etabli-station etabli-helper)" >&2; exit 1; }; done
  install -D -m 0755 "$from_build/app/etabli" "$rootfs/usr/bin/etabli"
  install -D -m 0755 "$from_build/app/station/etabli-station" "$rootfs/usr/bin/etabli-station"
  install -D -m 0755 "$from_build/app/helper/etabli-helper" "$rootfs/usr/libexec/etabli/etabli-helper"
  strip --strip-unneeded "$rootfs/usr/bin/etabli" "$rootfs/usr/bin/etabli-station" "$rootfs/usr/libexec/etabli/etabli-helper"
  install -D -m 0644 "$root/packaging/etabli-station.desktop" "$rootfs/usr/share/applications/org.etabli.Station.desktop"
  install -D -m 0644 "$root/packaging/polkit/org.etabli.helper.policy" "$rootfs/usr/share/polkit-1/actions/org.etabli.helper.policy"
  install -D -m 0644 "$root/packaging/polkit/50-etabli-helper.rules" "$rootfs/usr/share/polkit-1/rules.d/50-etabli-helper.rules"
  install -D -m 0644 "$root/packaging/udev/60-etabli-label-printers.rules" "$rootfs/lib/udev/rules.d/60-etabli-label-printers.rules"
  install -D -m 0644 "$root/packaging/systemd/etabli-helper.socket" "$rootfs/lib/systemd/system/etabli-helper.socket"
  install -D -m 0644 "$root/packaging/systemd/etabli-helper@.service" "$rootfs/lib/systemd/system/etabli-helper@.service"
  # What the packages' Depends would bring: the libraries' packages (as dpkg-shlibdeps finds
  # them, through the host's dpkg) and the station's explicit ones (debian/control).
  # (each library under the names dpkg may know it by: ldd's, the real file, with and without /usr)
  extra=($(ldd "${bins[@]}" | awk '/=> \//{print $3}' | sort -u | while read -r l; do
    r=$(realpath "$l"); printf '%s\n' "$l" "$r" "${r#/usr}" "/usr${l#/usr}"; done | sort -u \
    | (xargs -r dpkg -S 2>/dev/null || true) | cut -d: -f1 | sort -u))
  extra+=($(sed -n '/^Package: etabli-station$/,/^Description/p' "$root/packaging/debian/control" \
    | grep -o '\b\(libqt6[a-z0-9-]*\|qml6-module-[a-z0-9-]*\)' | sort -u))
  say "their dependencies: ${extra[*]}"
else
  say "installing the Établi packages: $(cd "$debs" && ls etabli*.deb | tr '\n' ' ')"
  cp "$debs"/etabli_*.deb "$debs"/etabli-station_*.deb "$rootfs/tmp/debs/"
  ls "$debs"/etabli-helper_*.deb >/dev/null 2>&1 && cp "$debs"/etabli-helper_*.deb "$rootfs/tmp/debs/"
fi
cp /etc/resolv.conf "$rootfs/etc/resolv.conf"
in_root apt-get update -qq >"$out/install.log" 2>&1 || { cat "$out/install.log"; exit 1; }
# systemd-resolved with networkd: DHCP and DNS for the sync, nothing more.
# zstd: the initramfs is remade below zstd-compressed (gzip without it: slower to unpack).
# socat: the station speaks to etabli-helper.socket through it.
in_root sh -c 'apt-get install -y -q --no-install-recommends $(ls /tmp/debs/*.deb 2>/dev/null) systemd-resolved zstd socat "$@"' sh "${extra[@]}" >>"$out/install.log" 2>&1 \
  || { tail -20 "$out/install.log"; exit 1; }
rm -rf "$rootfs/tmp/debs"

say "configuring: French, AZERTY, kiosk, no login"
cp -a "$here/rootfs/." "$rootfs/"
echo "fr_FR.UTF-8 UTF-8" >"$rootfs/etc/locale.gen"
in_root locale-gen >/dev/null
printf 'LANG=fr_FR.UTF-8\n' >"$rootfs/etc/default/locale"
printf 'XKBMODEL="pc105"\nXKBLAYOUT="fr"\nXKBVARIANT="latin9"\nXKBOPTIONS=""\nBACKSPACE="guess"\n' \
  >"$rootfs/etc/default/keyboard"
echo etabli-bench >"$rootfs/etc/hostname"
printf '127.0.0.1\tlocalhost\n127.0.1.1\tetabli-bench\n' >"$rootfs/etc/hosts"
ln -sf /usr/share/zoneinfo/Europe/Paris "$rootfs/etc/localtime"
ln -sf /run/systemd/resolve/stub-resolv.conf "$rootfs/etc/resolv.conf"
# The worker's account: no password, no shell; input devices, framebuffer, label printers.
# etabli-bench: the group etabli-helper.socket (and its polkit rule) lets in.
in_root groupadd --system etabli-bench
in_root useradd --system --create-home --home-dir /home/bench --shell /usr/sbin/nologin \
  --groups video,input,lp,etabli-bench bench
in_root passwd -l root >/dev/null
# Nothing to log in with: no getty on the screen or the serial line.
for u in getty@.service serial-getty@.service autovt@.service console-getty.service; do
  in_root systemctl mask "$u" >/dev/null 2>&1
done
mkdir -p "$rootfs/etc/network"   # live-boot writes an (unused) interfaces file there
# systemd-networkd (DHCP) is not started at boot either (7.8 s of the only vCPU beside the
# station under TCG, 2026-12-02): only the sync needs the network, and config.sh starts it with
# the sync timer when a server and token are set. (Netboot: the initramfs has the address.)
in_root systemctl disable systemd-networkd.service systemd-networkd.socket systemd-network-generator.service >/dev/null 2>&1 || true
# systemd-resolved (DNS, only the sync needs it) is not started at boot: Debian's unit is ordered
# before sysinit.target, so it sat in the station's path (21 s under TCG). etabli-bench-sync
# pulls it in (Wants=) at the first sync; its package enabled it, disable it here.
in_root systemctl disable systemd-resolved.service >/dev/null 2>&1 || true
# etabli-bench-sync.timer is not enabled: config.sh starts it when a server and token are set.
in_root systemctl enable etabli-bench-config.service etabli-bench.service etabli-bench-selftest.service >/dev/null
[ -e "$rootfs/lib/systemd/system/etabli-helper.socket" ] && in_root systemctl enable etabli-helper.socket >/dev/null 2>&1
in_root systemctl set-default multi-user.target >/dev/null

# Boot time (packaging/live/README.md, "Boot time"): nothing starts that the bench does not
# use. smartd would poll the disk under test, fstrim and e2scrub would look for file systems
# on it; apt and dpkg timers have nothing to do on a read-only live system.
# No systemd-udev-settle: the station waits only for the GPU's framebuffer (wait-display.sh),
# not for every device's udev rules.
say "boot time: masking what a bench does not run"
# (smartd.service is smartmontools.service's alias: gone with the unit's enablement.)
in_root systemctl disable smartmontools.service >/dev/null 2>&1 || true
for u in smartmontools.service smartd.service e2scrub_reap.service e2scrub_all.timer fstrim.timer \
  apt-daily.timer apt-daily-upgrade.timer dpkg-db-backup.timer systemd-pstore.service \
  systemd-networkd-wait-online.service remote-fs.target \
  dev-hugepages.mount dev-mqueue.mount sys-kernel-debug.mount sys-kernel-tracing.mount \
  sys-kernel-config.mount sys-fs-fuse-connections.mount proc-sys-fs-binfmt_misc.automount \
  systemd-binfmt.service kmod-static-nodes.service modprobe@.service systemd-firstboot.service \
  systemd-journal-flush.service systemd-machine-id-commit.service systemd-random-seed.service \
  systemd-repart.service systemd-pcrphase.service systemd-pcrphase-sysinit.service \
  systemd-update-utmp.service systemd-update-utmp-runlevel.service systemd-sysusers.service \
  systemd-remount-fs.service systemd-logind.service systemd-user-sessions.service \
  systemd-ask-password-wall.path systemd-ask-password-console.path systemd-tmpfiles-clean.timer \
  getty.target; do
  in_root systemctl mask "$u" >/dev/null 2>&1 || { echo "live: cannot mask $u" >&2; exit 1; }
done
# Userspace's share of the boot (2026-12-02, 2nd round): beside the station on the only vCPU
# ran what a kiosk with no login, no shell and a read-only RAM root never uses. Masked above:
# the hugepages, mqueue, debug, tracing, configfs, fusectl and binfmt mounts; the modprobe@
# units (configfs, drm, fuse, loop… udev loads the drivers the hardware needs, loop and the
# file systems are in already); kmod-static-nodes; firstboot, machine-id-commit, random-seed
# (nothing persists), repart, the TPM pcrphase units; utmp (no logins); remount-fs (no
# fstab); the journal's flush to /var (it is volatile); systemd-logind and user sessions (no
# seat, no login: the station is a system service on tty1, the helper's socket is guarded by
# its group, there is no polkitd in the image); getty.target; the password agents; tmpfiles'
# daily clean. systemd-sysusers: its users and groups are made now, at build time (below).
# D-Bus is no longer started at boot (only logind pulled it in): its socket stays, for
# whoever asks.
in_root systemd-sysusers >/dev/null
rm -f "$rootfs/lib/systemd/system/multi-user.target.wants/dbus.service"
# Nothing in the station's path that the README says is out of it (a check of this build).
for u in systemd-resolved.service systemd-udev-settle.service systemd-networkd-wait-online.service; do
  [ "$(readlink "$rootfs/etc/systemd/system/$u")" = /dev/null ] && continue   # masked
  if ls "$rootfs"/etc/systemd/system/*.wants/"$u" >/dev/null 2>&1; then
    echo "live: $u is still enabled" >&2; exit 1
  fi
done
# The journal stays in RAM (the whole root is in RAM anyway): no flush to /var/log at boot.
mkdir -p "$rootfs/etc/systemd/journald.conf.d"
printf '[Journal]\nStorage=volatile\nRuntimeMaxUse=32M\n' >"$rootfs/etc/systemd/journald.conf.d/etabli-bench.conf"

# A smaller root: less to copy to RAM (toram) and to unpack. The station draws in software
# (linuxfb, QT_QUICK_BACKEND=software): Mesa's drivers and the LLVM they load are never used.
say "slimming the root: Mesa drivers, other languages, locale sources, kernel modules no bench uses"
du -smx "$rootfs" | cut -f1 >"$out/rootfs-mb-before-slim"
ml=$(ls -d "$rootfs"/lib/modules/* | sort -V | tail -1)
kver=$(basename "$ml")
rm -rf "$rootfs"/usr/lib/x86_64-linux-gnu/dri "$rootfs"/usr/lib/x86_64-linux-gnu/libLLVM-*.so* \
  "$rootfs"/usr/lib/x86_64-linux-gnu/libz3.so* "$rootfs"/usr/share/i18n
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 -type d ! -name 'fr*' ! -name 'en*' -exec rm -rf {} +
# Perl beyond perl-base (a package's dependency; nothing runs it on a bench): 50 MiB.
rm -rf "$rootfs"/usr/lib/x86_64-linux-gnu/perl/5.* "$rootfs"/usr/share/perl/5.* "$rootfs"/usr/lib/x86_64-linux-gnu/libperl.so*
# Qt Multimedia's FFmpeg plugin and the codec libraries only it links (~96 MiB): the station's
# tones go through the gstreamer backend (QT_MEDIA_BACKEND=gstreamer in etabli-bench.service);
# prune-libs.py removes a library only when nothing left in the root links it. Intel's media
# SDK runtime (dlopened by libmfx, which goes) with it.
python3 "$here/prune-libs.py" "$rootfs" usr/lib/x86_64-linux-gnu/qt6/plugins/multimedia/libffmpegmediaplugin.so \
  $(cd "$rootfs" && ls usr/lib/x86_64-linux-gnu/libmfxhw64.so* 2>/dev/null) | tail -1
rm -rf "$rootfs"/usr/lib/x86_64-linux-gnu/mfx
# Kernel modules: no Wi-Fi, Bluetooth, TV/radio cards, InfiniBand, CAN, industrial I/O or
# staging drivers, no network or cluster file systems (the disk under test is never
# mounted; the stick is FAT or ISO 9660). Wired network, USB, storage, input, sound and GPU stay,
# but amdgpu (19 MiB): it needs firmware the image does not hold (firmware-amd-graphics is
# non-free) and without it gives up; such a PC shows the bench on the firmware's framebuffer.
for d in drivers/net/wireless net/wireless net/mac80211 net/bluetooth drivers/bluetooth \
  drivers/media/dvb-frontends drivers/media/dvb-core drivers/media/tuners drivers/media/pci \
  drivers/media/radio drivers/media/rc drivers/media/i2c drivers/media/platform drivers/media/spi \
  drivers/media/firewire drivers/media/mmc drivers/staging/media \
  drivers/gpu/drm/amd \
  drivers/infiniband net/rds net/sunrpc net/ceph net/9p net/can drivers/net/can drivers/isdn \
  drivers/iio drivers/comedi drivers/staging drivers/target drivers/net/ethernet/mellanox \
  drivers/net/ethernet/chelsio drivers/net/ethernet/qlogic drivers/net/ethernet/sfc \
  drivers/net/ethernet/netronome drivers/net/ethernet/cavium drivers/net/ethernet/huawei \
  drivers/net/ethernet/brocade drivers/scsi/lpfc drivers/scsi/qla2xxx drivers/scsi/qla4xxx \
  drivers/scsi/bfa drivers/scsi/bnx2fc drivers/scsi/bnx2i drivers/scsi/be2iscsi drivers/scsi/csiostor \
  drivers/scsi/fcoe drivers/scsi/libfc drivers/scsi/cxgbi drivers/scsi/fnic drivers/scsi/snic \
  fs/btrfs fs/xfs fs/nfs fs/nfsd fs/nfs_common fs/lockd fs/ceph fs/cifs fs/smb fs/ocfs2 fs/gfs2 fs/dlm \
  fs/jfs fs/reiserfs fs/nilfs2 fs/f2fs fs/ubifs fs/orangefs fs/afs fs/coda fs/9p fs/erofs fs/ntfs3 fs/hfsplus fs/hfs; do
  rm -rf "${ml:?}/kernel/$d"
done
in_root depmod -a "$kver"
du -smx "$rootfs" | cut -f1 >"$out/rootfs-mb-after-slim"
say "root: $(cat "$out/rootfs-mb-before-slim") MiB before, $(cat "$out/rootfs-mb-after-slim") MiB after slimming"

# The initramfs again, smaller and zstd-compressed: the base's holds every module initramfs-tools'
# MODULES=most takes (153 MB unpacked, gzip) though live-boot only needs storage, USB, the
# wired network (fetch=) and squashfs/overlay/ISO 9660/FAT; the hook drops the rest.
say "initramfs: zstd, without GPU, Wi-Fi, server storage and network file system modules"
mkdir -p "$rootfs/etc/initramfs-tools/conf.d" "$rootfs/etc/initramfs-tools/hooks"
printf 'COMPRESS=zstd\nCOMPRESSLEVEL=19\n' >"$rootfs/etc/initramfs-tools/conf.d/etabli-bench.conf"
install -m 0755 "$here/initramfs-slim.hook" "$rootfs/etc/initramfs-tools/hooks/zz-etabli-slim"
# The initramfs does not depend on the Établi packages: it is cached (5 min of zstd -19), keyed
# by what goes into it: the base (its package list), zstd, the kernel modules left, the hook,
# the modprobe and initramfs settings. (Packages installed after the base, Établi's and their
# libraries, have no initramfs hooks.)
ikey=$({ basename "$base"; in_root dpkg-query -W -f '${Version}\n' zstd; echo "$kver"; (cd "$ml" && find . -type f | sort)
  cat "$here/initramfs-slim.hook" "$rootfs"/etc/modprobe.d/*.conf "$rootfs"/etc/initramfs-tools/conf.d/*; } | sha256sum | cut -c1-12)
if [ -s "$cache/initrd-$ikey.img" ]; then
  say "initramfs: reusing $cache/initrd-$ikey.img"
  cp "$cache/initrd-$ikey.img" "$rootfs/boot/initrd.img-$kver"
else
  in_root update-initramfs -u -k "$kver" >"$out/initramfs.log" 2>&1 || { cat "$out/initramfs.log"; exit 1; }
  cp "$rootfs/boot/initrd.img-$kver" "$cache/initrd-$ikey.img.part" && mv "$cache/initrd-$ikey.img.part" "$cache/initrd-$ikey.img"
fi
rm -f "$rootfs"/boot/initrd.img-*.dpkg-bak "$rootfs"/boot/initrd.img-*.old-dkms
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*.log \
  "$rootfs"/var/cache/debconf/*-old "$rootfs"/var/lib/dpkg/*-old
cleanup; mounted=()

# zstd 15: level 19 unpacks as quickly and is a little smaller, but on 2026-12-02 it made
# mksquashfs take > 15 min at nice 15 on the shared machine (tried, stopped; not measured at boot).
# Blocks of 128 KiB, not 256: the dynamic loader's first reads of systemd's libraries each
# unpack a whole block; 256K was the slowest of 64/128/256K in both rounds of 2026-12-03
# (station started 28.1 and 33.3 s against 25.0 and 26.6 s), for 4 % less squashfs
# (packaging/live/README.md, "Sixth round").
say "squashfs (zstd: quicker to unpack than xz at boot, above all under TCG)"
stage=$out/iso-tree
rm -rf "$stage" "$out/netboot"; mkdir -p "$stage/live" "$stage/boot/grub" "$out/netboot"
kernel=$(ls "$rootfs"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$rootfs"/boot/initrd.img-* | grep -v "\.dpkg-bak$" | sort -V | tail -1)
cp "$kernel" "$stage/live/vmlinuz"
cp "$initrd" "$stage/live/initrd.img"
# The kernel and initrd boot from the ISO's /live: not twice in the squashfs.
rm -f "$rootfs"/boot/vmlinuz-* "$rootfs"/boot/initrd.img-* "$rootfs"/vmlinuz* "$rootfs"/initrd.img*
mksquashfs "$rootfs" "$stage/live/filesystem.squashfs" -comp zstd -Xcompression-level "${ZSTD_LEVEL:-15}" -b 128K -noappend -no-progress \
  -processors "${JOBS:-2}"
make_iso
ln "$stage/live/vmlinuz" "$stage/live/initrd.img" "$stage/live/filesystem.squashfs" "$out/netboot/"
cp "$here/netboot.ipxe" "$out/netboot/"
say "ISO $(du -h "$iso" | cut -f1) $iso; netboot tree $out/netboot ($(du -sh "$out/netboot" | cut -f1))"
