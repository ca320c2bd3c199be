#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Boots the bench ISO headless in QEMU (TCG unless ACCEL=kvm) with one 8 GiB disk to test:
# waits for "station started" on the serial console, takes a screenshot of the display through
# the monitor (build/live/qemu/screen.png), and checks that the `etabli probe --json` printed at
# boot lists the QEMU disk (serial ETABLI-QEMU-DISK). Prints the boot time and the ISO size.
#   bash packaging/live/test-qemu.sh [ISO]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
iso=$(realpath "${1:-$root/build/live/etabli-bench.iso}")
work=$root/build/live/qemu
accel=${ACCEL:-tcg}
timeout=${TIMEOUT:-900}
rm -rf "$work"; mkdir -p "$work"
command -v qemu-system-x86_64 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-system-x86 >/dev/null
truncate -s 8G "$work/disk.img"

say() { echo "test-qemu: $*"; }
start=$(date +%s.%N)
# DIRECT=1: the kernel and initrd of the netboot tree given to QEMU (no GRUB), kernel messages
# on the serial line, the ISO still the medium live-boot finds; otherwise GRUB from the ISO.
boot=(-boot d)
if [ "${DIRECT:-0}" = 1 ]; then
  nb=$(dirname "$iso")/netboot
  args=$(sed -n 's|^ *linux /live/vmlinuz ||p' "$here/grub.cfg" | head -1 | sed 's/ quiet//; s/loglevel=3/loglevel=6/')
  boot=(-kernel "$nb/vmlinuz" -initrd "$nb/initrd.img" -append "$args")
fi
nice -n 10 qemu-system-x86_64 -accel "$accel" -m 2048 -smp "${SMP:-1}" -machine pc \
  -cdrom "$iso" "${boot[@]}" \
  -drive file="$work/disk.img",format=raw,if=none,id=d0 -device ide-hd,drive=d0,serial=ETABLI-QEMU-DISK \
  -vga std -display none -serial file:"$work/serial.log" \
  -monitor unix:"$work/monitor.sock",server,nowait -no-reboot &
qemu=$!
monitor() { python3 - "$work/monitor.sock" "$1" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
time.sleep(0.3); s.recv(65536)
s.sendall((sys.argv[2] + "\n").encode()); time.sleep(1.5)
try: s.recv(65536)
except Exception: pass
PY
}
trap 'kill $qemu 2>/dev/null || true' EXIT
trap 'exit 1' INT TERM

elapsed() { echo "$(date +%s.%N) - $start" | bc; }
started=
while :; do
  kill -0 $qemu 2>/dev/null || { tail -30 "$work/serial.log"; say "FAIL: QEMU exited"; exit 1; }
  if [ -z "$started" ] && grep -aq "etabli-bench: station started" "$work/serial.log" 2>/dev/null; then
    started=$(elapsed); say "station started after ${started} s ($accel)"
  fi
  if [ -n "$started" ] && grep -aq "ETABLI-PROBE-END" "$work/serial.log" 2>/dev/null; then break; fi
  (($(echo "$(elapsed) > $timeout" | bc))) && { tail -40 "$work/serial.log"; say "FAIL: timeout"; exit 1; }
  sleep 1
done
sleep "${SHOT_DELAY:-10}"
monitor "screendump $work/screen.ppm"
convert "$work/screen.ppm" "$work/screen.png" 2>/dev/null || cp "$work/screen.ppm" "$work/screen.png"
say "screenshot: $work/screen.png"
# The journal's console lines carry a "[  12.3] sh[390]: " prefix: strip it.
sed -n '/ETABLI-PROBE-BEGIN/,/ETABLI-PROBE-END/p' "$work/serial.log" | tr -d '\r' | sed '1d;$d' \
  | sed -E 's/^\[ *[0-9.]+\] [^ ]+\[[0-9]+\]: //' >"$work/probe.json"
python3 - "$work/probe.json" <<'PY'
import json, sys
text = open(sys.argv[1], errors="replace").read()
probe = json.loads(text[text.index("{"):text.rindex("}") + 1])
disks = probe.get("disks", [])
print("test-qemu: probe disks:", json.dumps([{k: d.get(k) for k in ("name", "model", "serial", "size_bytes", "size") if k in d} for d in disks]))
assert any("ETABLI-QEMU-DISK" in json.dumps(d) for d in disks), "the QEMU disk is not in etabli probe --json"
PY
grep -a "etabli-bench:" "$work/serial.log" | tr -d '\r' | sed 's/^/test-qemu: serial: /'
monitor quit || true
say "ISO size $(stat -c %s "$iso") bytes ($(du -h "$iso" | cut -f1)); boot to station ${started} s under $accel"
say PASS
