#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Installs build/debs/*.deb into a clean Debian 12 root made by mmdebstrap and checks them:
# `etabli help`, `etabli-server --version`, etabli-helper and its polkit action, the service user, no database before the admin
# asks, a server started from the unit's ExecStart line (as _etabli, with server.conf) answering
# /healthz, then `apt-get purge` leaving no file outside /var/lib/etabli and /etc/etabli.
# Run as root after packaging/build-debs.sh (not in CI: it downloads a Debian root, ≈ 5 min).
#   bash packaging/test-debs.sh [DEBS_DIR]
# KEEP_ROOT=1 keeps the root in build/debs-test/root for a look.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
debs=$(cd "${1:-$root/build/debs}" && pwd)
work=$root/build/debs-test
chroot_dir=$work/root
mounted=()

say() { echo "test-debs: $*"; }
fail() { echo "test-debs: FAIL: $*" >&2; exit 1; }
cleanup() {
  local m
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
  # Never delete through a mount that is still there (/dev is bound into the root).
  if grep -q " $chroot_dir/" /proc/mounts; then
    echo "test-debs: mounts left under $chroot_dir: not deleting it" >&2
  elif [ "${KEEP_ROOT:-0}" != 1 ]; then
    rm -rf "$chroot_dir"
  fi
}
trap cleanup EXIT

[ "$(id -u)" -eq 0 ] || fail "run as root (mmdebstrap and chroot)"
ls "$debs"/etabli_*.deb "$debs"/etabli-server_*.deb >/dev/null 2>&1 || fail "no packages in $debs (run packaging/build-debs.sh)"
# Each tool checked on its own: a machine may have mmdebstrap without systemd-nspawn.
need=()
command -v mmdebstrap >/dev/null || need+=(mmdebstrap)
command -v systemd-nspawn >/dev/null || need+=(systemd-container)
((${#need[@]} == 0)) || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null

# The host's Debian mirror (deb822 or one-line sources).
mirror=$(sed -n 's/^URIs: *\([^ ]*\/debian\)$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
mirror=${mirror:-http://deb.debian.org/debian}
security=${mirror%/debian}/debian-security

grep -q " $work/" /proc/mounts && fail "mounts left under $work (a previous run?)"
rm -rf "$work"; mkdir -p "$work"
# The clean root is made once and kept as a tarball (build/debs-test-base.tar, FRESH=1 remakes it);
# every run unpacks a new copy of it.
base=$root/build/debs-test-base.tar
if [ ! -s "$base" ] || [ "${FRESH:-0}" = 1 ]; then
  say "mmdebstrap bookworm (apt variant + systemd) from $mirror"
  # systemd-sysv: the root can be booted by systemd-nspawn to start the real unit.
  nice -n 10 mmdebstrap --quiet --format=tar --variant=apt --include=ca-certificates,systemd-sysv,dbus bookworm "$base.part" \
    "deb $mirror bookworm main" "deb $mirror bookworm-updates main" "deb $security bookworm-security main"
  mv "$base.part" "$base"
fi
mkdir -p "$chroot_dir"
tar -C "$chroot_dir" -xf "$base"

mount_api() {
  for m in proc sys dev dev/pts; do
    case $m in
      proc) mount -t proc proc "$chroot_dir/proc" ;;
      sys) mount -t sysfs sys "$chroot_dir/sys" ;;
      *) mount --bind "/$m" "$chroot_dir/$m" ;;
    esac
    mounted+=("$chroot_dir/$m")
  done
}
umount_api() {
  for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}"; done
  mounted=()
}
# boot_ct CMD...: boots the root under systemd-nspawn (no host systemd needed with
# --register=no), runs CMD with $leader set to the container's PID 1, then powers it off.
boot_ct() {
  umount_api
  systemd-nspawn -q --register=no --keep-unit -D "$chroot_dir" -b >>"$work/nspawn.log" 2>&1 &
  local nspawn_pid=$!
  leader=
  for _ in $(seq 1 100); do
    leader=$(pgrep -P $nspawn_pid -x systemd || true)
    [ -n "$leader" ] && nsenter -t "$leader" -a systemctl is-system-running --wait >/dev/null 2>&1 && break
    sleep 0.3
  done
  local rc=0
  "$@" || rc=$?
  nsenter -t "$leader" -a systemctl poweroff >/dev/null 2>&1 || kill $nspawn_pid 2>/dev/null || true
  wait $nspawn_pid 2>/dev/null || true
  mount_api
  return $rc
}
mount_api
in_root() { chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root "$@"; }

# Everything on the root's file system, except what apt and dpkg keep about themselves.
snapshot() {
  in_root find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp \
    -o -path /var/cache -o -path /var/log -o -path /var/lib/apt -o -path /var/lib/dpkg \) -prune -o -print | sort
}
# A first boot leaves what any boot leaves (machine-id, systemd state): before the snapshot.
[ "${NSPAWN:-1}" = 1 ] && boot_ct true
snapshot >"$work/before.txt"
in_root dpkg-query -W -f='${Package}\n' | sort >"$work/packages-before.txt"

mkdir -p "$chroot_dir/tmp/debs"
cp "$debs"/*.deb "$chroot_dir/tmp/debs/"
say "apt-get install ./*.deb ($(cd "$debs" && ls *.deb | tr '\n' ' '))"
# mmdebstrap leaves no package lists behind.
in_root apt-get update -qq >"$work/update.log" 2>&1 || { cat "$work/update.log"; fail "apt-get update"; }
in_root sh -c 'cd /tmp/debs && DEBIAN_FRONTEND=noninteractive apt-get install -y -q ./*.deb' >"$work/install.log" 2>&1 \
  || { tail -30 "$work/install.log"; fail "apt-get install ./*.deb"; }
say "installed: $(in_root dpkg-query -W -f='${Package} ${Version}, ' etabli etabli-station etabli-helper etabli-server)"

in_root etabli help >"$work/help.txt" 2>&1 || fail "etabli help (exit $?)"
say "etabli help: $(wc -l <"$work/help.txt") lines, first: $(head -1 "$work/help.txt")"
v=$(in_root etabli-server --version) || fail "etabli-server --version"
say "etabli-server --version: $v"
[[ $v == "etabli-server "* ]] || fail "unexpected version line «$v»"
in_root getent passwd _etabli >/dev/null || fail "postinst did not create the _etabli user"
say "user: $(in_root getent passwd _etabli)"
[ ! -e "$chroot_dir/var/lib/etabli/central.sqlite" ] || fail "a database exists before the admin asked for one"
[ "$(stat -c %a "$chroot_dir/etc/etabli/server.conf")" = 600 ] || fail "server.conf is not 0600"
in_root test -e /lib/udev/rules.d/60-etabli-label-printers.rules || fail "udev rules missing"
in_root test -e /usr/share/applications/org.etabli.Station.desktop || fail "desktop entry missing"

# etabli-helper: the root helper where its polkit action points, the action and the bench rule.
helper=/usr/libexec/etabli/etabli-helper
policy=/usr/share/polkit-1/actions/org.etabli.helper.policy
[ "$(in_root dpkg-query -W -f='${Status}' etabli-helper)" = "install ok installed" ] || fail "etabli-helper not installed"
in_root test -x $helper || fail "$helper missing"
in_root test -e $policy || fail "polkit policy $policy missing"
in_root test -e /usr/share/polkit-1/rules.d/50-etabli-helper.rules || fail "polkit rule missing"
in_root test -e /lib/systemd/system/etabli-helper.socket || fail "etabli-helper.socket missing"
in_root systemctl is-enabled etabli-helper.socket >/dev/null 2>&1 && fail "etabli-helper.socket is enabled outside the live system"
exec_path=$(python3 - "$chroot_dir$policy" <<'PY2'
import sys, xml.etree.ElementTree as ET
action = ET.parse(sys.argv[1]).getroot().find("action[@id='org.etabli.helper']")
assert action is not None, "no action org.etabli.helper"
print(action.find("annotate[@key='org.freedesktop.policykit.exec.path']").text)
PY2
) || fail "polkit policy unreadable"
[ "$exec_path" = $helper ] || fail "the polkit action points at $exec_path, not $helper"
# Stdin closed at once: the helper says it is ready, then exits 0 (nothing to do).
ready=$(in_root sh -c "$helper </dev/null") || fail "etabli-helper exited $?"
[[ $ready == *'"type":"ready"'* ]] || fail "etabli-helper did not say ready: $ready"
say "etabli-helper: $(dpkg-deb -f "$debs"/etabli-helper_*.deb Version), $helper says $ready; polkit action org.etabli.helper -> $exec_path"

# The server from its unit's ExecStart line, with server.conf, as the unit's user, on a free port.
unit=/lib/systemd/system/etabli-server.service
in_root test -e $unit || fail "$unit missing"
exec_start=$(sed -n 's/^ExecStart=//p' "$chroot_dir$unit")
user=$(sed -n 's/^User=//p' "$chroot_dir$unit")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
say "ExecStart=$exec_start (User=$user, port $port)"
# StateDirectory= would make /var/lib/etabli for the user: do as systemd does.
in_root install -d -m 0750 -o "$user" -g "$user" /var/lib/etabli
# As systemd does: server.conf read as root (it is 0600), then the command as the unit's user.
cat >"$chroot_dir/tmp/run-unit.sh" <<RUN
set -a; . /etc/etabli/server.conf; set +a
ETABLI_LISTEN=127.0.0.1:$port
cd /var/lib/etabli
eval "exec setpriv --reuid=$user --regid=$user --init-groups --no-new-privs $exec_start"
RUN
chroot "$chroot_dir" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 bash /tmp/run-unit.sh >"$work/server.log" 2>&1 &
server_pid=$!
answer=
for _ in $(seq 1 50); do
  if answer=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null); then break; fi
  kill -0 $server_pid 2>/dev/null || { cat "$work/server.log"; fail "the server exited"; }
  sleep 0.2
done
kill $server_pid 2>/dev/null || true
wait $server_pid 2>/dev/null || true
[ -n "$answer" ] || { cat "$work/server.log"; fail "no answer on /healthz"; }
say "GET /healthz: $answer"
say "server log: $(tr '\n' ' ' <"$work/server.log")"
[ "$(in_root stat -c %U /var/lib/etabli/central.sqlite)" = "$user" ] || fail "the database is not the service user's"

# The unit itself, hardening included, under systemd in a container (where nspawn can boot one:
# it needs no host systemd with --register=no). NSPAWN=0 skips it.
if [ "${NSPAWN:-1}" = 1 ]; then
  say "systemd-nspawn --boot: systemctl start etabli-server"
  rm -f "$chroot_dir/var/lib/etabli/central.sqlite"*
  sed -i "s/^ETABLI_LISTEN=.*/ETABLI_LISTEN=127.0.0.1:$port/" "$chroot_dir/etc/etabli/server.conf"
  unit_ok=0
  unit_test() {
    in_ct() { nsenter -t "$leader" -a "$@"; }
    if [ -n "$leader" ] && in_ct systemctl start etabli-server; then
      for _ in $(seq 1 50); do
        if answer=$(curl -fsS --max-time 2 "http://127.0.0.1:$port/healthz" 2>/dev/null); then unit_ok=1; break; fi
        sleep 0.2
      done
    fi
    in_ct systemctl status --no-pager etabli-server >"$work/unit-status.txt" 2>&1 || true
    in_ct journalctl --no-pager -u etabli-server >"$work/unit-journal.txt" 2>&1 || true
    in_ct systemctl stop etabli-server || true
    # polkitd (pulled by pkexec, which etabli-helper recommends) knows the helper's action.
    in_ct pkaction --verbose --action-id org.etabli.helper >"$work/pkaction.txt" 2>&1 || true
  }
  boot_ct unit_test
  if ((unit_ok)); then
    say "systemctl start etabli-server, GET /healthz: $answer"
    say "journal: $(grep -a 'etabli-server\[' "$work/unit-journal.txt" | tail -2 | tr '\n' ' ')"
  else
    cat "$work/unit-status.txt" "$work/unit-journal.txt"
    fail "etabli-server.service did not answer on /healthz"
  fi
  grep -q 'implicit active: *auth_admin_keep' "$work/pkaction.txt" \
    || { cat "$work/pkaction.txt"; fail "polkitd does not know the action org.etabli.helper"; }
  say "pkaction org.etabli.helper: $(grep -E 'description|implicit active' "$work/pkaction.txt" | tr -s ' ' | tr '\n' ';')"
  sed -i "s/^ETABLI_LISTEN=.*/ETABLI_LISTEN=127.0.0.1:8420/" "$chroot_dir/etc/etabli/server.conf"
fi

say "apt-get purge --autoremove"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q --autoremove etabli etabli-station etabli-helper etabli-server' \
  >"$work/purge.log" 2>&1 || { tail -20 "$work/purge.log"; fail "apt-get purge"; }
# apt keeps the dependencies a package of the base root recommends (APT::AutoRemove::
# RecommendsImportant: polkitd, dbus-user-session…): they came with ours, they go too.
in_root dpkg-query -W -f='${Package}\n' | sort >"$work/packages-after.txt"
comm -13 "$work/packages-before.txt" "$work/packages-after.txt" >"$work/packages-kept.txt"
if [ -s "$work/packages-kept.txt" ]; then
  say "kept by apt's autoremove (recommended by the base), purged too: $(tr '\n' ' ' <"$work/packages-kept.txt")"
  in_root sh -c "DEBIAN_FRONTEND=noninteractive apt-get purge -y -q $(tr '\n' ' ' <"$work/packages-kept.txt")" \
    >>"$work/purge.log" 2>&1 || { tail -20 "$work/purge.log"; fail "apt-get purge of the kept dependencies"; }
fi
rm -rf "$chroot_dir/tmp/debs" "$chroot_dir/tmp/run-unit.sh"
snapshot >"$work/after.txt"
# The _etabli user stays (Debian does not remove system users: files may still carry its uid);
# adduser's backups of the account files (/etc/passwd- …) are the trace of that.
comm -13 "$work/before.txt" "$work/after.txt" \
  | grep -vE '^/(var/lib/etabli|etc/etabli)(/|$)' \
  | grep -vxE '/etc/(passwd|group|shadow|gshadow)-' >"$work/left.txt" || true
# xml-core (pulled by polkitd, recommended through pkexec) leaves an empty /etc/xml when purged.
if grep -qx /etc/xml "$work/left.txt" && [ -z "$(ls -A "$chroot_dir/etc/xml")" ]; then
  say "left by xml-core's purge (not ours): the empty folder /etc/xml"
  sed -i '\|^/etc/xml$|d' "$work/left.txt"
fi
if [ -s "$work/left.txt" ]; then
  head -50 "$work/left.txt"
  fail "$(wc -l <"$work/left.txt") path(s) left outside /var/lib/etabli and /etc/etabli"
fi
say "packages after purge: $(wc -l <"$work/packages-before.txt") before, $(in_root dpkg-query -W -f='${Package}\n' | wc -l) after"
say "purge left (new paths): $(comm -13 "$work/before.txt" "$work/after.txt" | tr '\n' ' ')"
say "PASS"
