#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
# Boots the bench live system headless in QEMU (TCG unless ACCEL=kvm) with one 8 GiB disk to
# test: waits for "station started" on the serial console, then for the station's line
# "first frame … bench screen Login" (the login screen is drawn), then for a picture
# on the display (screendumps through the monitor until the picture is not blank: more than
# MIN_COLOURS distinct colours; the last one is build/live/qemu/screen.png), and checks that the
# `etabli probe --json` printed at boot lists the QEMU disk (serial ETABLI-QEMU-DISK). Prints
# the boot times, the guest's own `systemd-analyze` figures and the ISO size.
#   bash packaging/live/test-qemu.sh [--uefi] [--netboot | --direct] [ISO]
#     (default)   BIOS (SeaBIOS), GRUB from the ISO, the ISO as a CD
#     --uefi      UEFI firmware (OVMF, package ovmf), GRUB's EFI image from the ISO
#     --netboot   no CD: QEMU loads the netboot tree's vmlinuz/initrd.img (-kernel/-initrd/
#                 -append, the command line of netboot.ipxe), live-boot fetches
#                 filesystem.squashfs over HTTP from a python3 http.server on the host
#                 (fetch=http://10.0.2.2:PORT/filesystem.squashfs, QEMU user networking)
#     --direct    the netboot tree's kernel and initrd with the ISO's command line, the ISO
#                 still the medium (no GRUB; kernel messages on the serial line)
# Environment: ACCEL (tcg), MACHINE (pc: i440FX + IDE; q35: ICH9 + AHCI), SMP (1; more: MTTCG), MEM (2048), TIMEOUT (1500 s), MIN_COLOURS (16),
# NICE (0: QEMU at normal priority, it is a measurement), APPEND_DROP / APPEND_EXTRA (--direct,
# --netboot), WORK (the run's folder, build/live/qemu: give each run its own to run several at once),
# STICK=1 (a USB stick too, an xHCI usb-storage device with an MBR FAT partition labelled ETABLI
# and an etabli.conf saying station=bench-stick: the boot must mount it as the inventory's
# storage and take the station's name from it, etabli-bench-config's lookup of the stick).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
mode=bios
uefi=0
iso=
while (($#)); do
  case $1 in
    --uefi) uefi=1; shift ;;
    --netboot) mode=netboot; shift ;;
    --direct) mode=direct; shift ;;
    -h | --help) sed -n '4,22p' "$0"; exit 0 ;;
    -*) echo "usage: test-qemu.sh [--uefi] [--netboot | --direct] [ISO]" >&2; exit 2 ;;
    *) iso=$1; shift ;;
  esac
done
[ "${DIRECT:-0}" = 1 ] && mode=direct   # the former switch
iso=$(realpath "${iso:-$root/build/live/etabli-bench.iso}")
nb=$(dirname "$iso")/netboot
work=${WORK:-$root/build/live/qemu}
accel=${ACCEL:-tcg}
# MACHINE=q35: an ICH9 PC (AHCI SATA, as the donated office PCs have) instead of the i440FX
# (IDE): SeaBIOS and GRUB then read the CD by DMA through AHCI, not by IDE PIO.
machine=${MACHINE:-pc}
# CPU=max: TCG's CPU with every feature it emulates (RDRAND among them, as on the office PCs
# of 2012 on) instead of the default qemu64.
cpu=${CPU:-qemu64}
timeout=${TIMEOUT:-1500}
min_colours=${MIN_COLOURS:-16}
label=$mode
if ((uefi)); then label=uefi; fi
rm -rf "$work"; mkdir -p "$work"
command -v qemu-system-x86_64 >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-system-x86 >/dev/null
truncate -s 8G "$work/disk.img"
stick=()
if [ "${STICK:-0}" = 1 ]; then
  # 64 MiB, one FAT16 partition from 1 MiB, made in the file: no loop device.
  truncate -s 64M "$work/stick.img"
  python3 - "$work/stick.img" <<'PY'
import struct, sys
with open(sys.argv[1], "r+b") as f:  # one MBR entry: FAT16 (0x0e, LBA), sectors 2048 to the end
    f.seek(446); f.write(struct.pack("<B3sB3sII", 0, b"\0\0\0", 0x0E, b"\0\0\0", 2048, 64 * 2048 - 2048))
    f.seek(510); f.write(b"\x55\xaa")
PY
  mkfs.vfat -F 16 -n ETABLI --offset=2048 "$work/stick.img" $(((64 * 1024 - 1024))) >/dev/null
  printf 'station=bench-stick\r\nlang=fr\r\n' >"$work/etabli.conf"
  mcopy -i "$work/stick.img@@1M" "$work/etabli.conf" ::etabli.conf
  stick=(-device qemu-xhci,id=xhci -drive file="$work/stick.img",format=raw,if=none,id=stick
    -device usb-storage,bus=xhci.0,drive=stick,removable=on)
fi

say() { echo "test-qemu: $*"; }
fail() { say "FAIL ($label): $*"; timeline; exit 1; }
timeline() {
# The boot's timeline: when the serial console showed each stage (wall clock from QEMU's start,
# to the 0.5 s of the size log): GRUB, the kernel (its first message, only without quiet), the
# initramfs's /init, systemd, the display, the station, its first frame.
  [ -s "$work/serial-sizes.log" ] || return 0
  python3 - "$work/serial.log" "$work/serial-sizes.log" <<'PY' | sed 's/^/test-qemu: timeline: /' || true
import re, sys
data = open(sys.argv[1], "rb").read()
sizes = [tuple(map(float, l.split())) for l in open(sys.argv[2]) if len(l.split()) == 2]
marks = [(rb"GNU GRUB", "GRUB menu"), (rb"Linux version", "kernel: first message"),
         (rb"Run /init", "kernel: runs the initramfs"), (rb"live-boot", "initramfs: live-boot"),
         (rb"squashfs: version|loop0: detected", "initramfs: squashfs mounted"),
         (rb"systemd\[1\]: |Welcome to Debian", "systemd (the real root)"),
         (rb"etabli-bench: station ", "etabli-bench-config done"),
         (rb"etabli-bench: display|etabli-bench: no DRM", "display ready"),
         (rb"station started", "station started"), (rb"first frame after", "station: first frame")]
for pattern, what in marks:
    m = re.search(pattern, data)
    if not m:
        continue
    t = next((t for t, size in sizes if size > m.start()), None)
    line = data[data.rfind(b"\n", 0, m.start()) + 1:data.find(b"\n", m.start())].decode(errors="replace").strip()
    print(f"{t if t is not None else float('nan'):7.1f} s  {what}: {line[:100]}")
PY
}

[ -e "$iso" ] || [ "$mode" = netboot ] || fail "no ISO $iso (run packaging/live/build.sh)"

firmware=()
if ((uefi)); then
  [ -e /usr/share/OVMF/OVMF_CODE_4M.fd ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ovmf >/dev/null
  # The firmware read-only, its variables in a copy of their own (pflash, as on a real PC).
  cp /usr/share/OVMF/OVMF_VARS_4M.fd "$work/ovmf-vars.fd"
  firmware=(-drive if=pflash,format=raw,unit=0,readonly=on,file=/usr/share/OVMF/OVMF_CODE_4M.fd
    -drive if=pflash,format=raw,unit=1,file="$work/ovmf-vars.fd")
fi

http_pid=
boot=(-cdrom "$iso" -boot d)
net=(-nic none)
case $mode in
  direct)
    # The ISO's command line from grub.cfg, kernel messages on the serial line.
    args=$(sed -n 's|^ *linux /live/vmlinuz ||p' "$here/grub.cfg" | head -1 | sed 's/ quiet//; s/loglevel=3/loglevel=6/')
    boot=(-cdrom "$iso" -kernel "$nb/vmlinuz" -initrd "$nb/initrd.img" -append "$args")
    ;;
  netboot)
    [ -e "$nb/filesystem.squashfs" ] || fail "no netboot tree in $nb (run packaging/live/build.sh)"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    python3 -m http.server --bind 127.0.0.1 --directory "$nb" "$port" >"$work/http.log" 2>&1 &
    http_pid=$!
    for _ in $(seq 1 50); do curl -fsI "http://127.0.0.1:$port/vmlinuz" >/dev/null 2>&1 && break; sleep 0.1; done
    # netboot.ipxe's command line, with the host's server as QEMU's user network sees it
    # (10.0.2.2 is the host's 127.0.0.1); the console on the serial line for the test.
    args=$(sed -n 's|^kernel \${base}/vmlinuz ||p' "$here/netboot.ipxe" | head -1)
    args=${args//\$\{base\}/http://10.0.2.2:$port}
    # ethdevice-timeout: live-boot waits 15 s for the link and DHCP, too short for an emulated
    # e1000 when QEMU gets a fraction of a core.
    args="$args ethdevice-timeout=${NET_TIMEOUT:-120} console=tty1 console=ttyS0,115200"
    say "netboot: http://127.0.0.1:$port/ serves $nb; -append \"$args\""
    boot=(-kernel "$nb/vmlinuz" -initrd "$nb/initrd.img" -append "$args")
    net=(-netdev user,id=n0 -device e1000,netdev=n0)
    ;;
esac
# APPEND_DROP="word …" / APPEND_EXTRA="…": change the kernel command line of --direct and
# --netboot (e.g. APPEND_DROP=mitigations=off to measure what that word is worth).
if [ "$mode" != bios ]; then
  for w in ${APPEND_DROP:-}; do args=$(echo " $args " | sed "s| $w | |; s|^ *||; s| *\$||"); done
  [ -n "${APPEND_EXTRA:-}" ] && args="$args $APPEND_EXTRA"
  boot[${#boot[@]} - 1]=$args
  say "kernel command line: $args"
elif [ -n "${APPEND_DROP:-}${APPEND_EXTRA:-}" ]; then
  fail "APPEND_DROP/APPEND_EXTRA need --direct or --netboot (the ISO's GRUB has its own)"
fi
# The kernel and initrd given by QEMU need its own loader: -kernel does not work through OVMF's
# pflash with -machine pc in every QEMU; say so rather than guess.
if ((uefi)) && [ "$mode" != bios ]; then fail "--uefi boots the ISO through its EFI GRUB; use it without --netboot/--direct"; fi

# Several vCPUs under TCG: one host thread each (MTTCG), said explicitly.
accel_opt=$accel
[ "$accel" = tcg ] && [ "${SMP:-1}" -gt 1 ] && accel_opt=tcg,thread=multi
say "qemu: -machine $machine -cpu $cpu -accel $accel_opt -smp ${SMP:-1} ($label), nice ${NICE:-0}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
start=$(date +%s.%N)
# At normal priority by default (NICE=0): this is the boot-time measurement. In a session of
# its own (setsid): with the kernel's autogroup scheduling (sched_autogroup_enabled) CPU time is
# shared between sessions first, so QEMU gets a session's share, not a part of this script's.
nice -n "${NICE:-0}" setsid qemu-system-x86_64 -accel "$accel_opt" -m "${MEM:-2048}" -smp "${SMP:-1}" -machine "$machine" -cpu "$cpu" \
  "${firmware[@]}" "${boot[@]}" "${net[@]}" "${stick[@]}" \
  -drive file="$work/disk.img",format=raw,if=none,id=d0 -device ide-hd,drive=d0,serial=ETABLI-QEMU-DISK \
  -vga std -display none -serial file:"$work/serial.log" \
  -monitor unix:"$work/monitor.sock",server,nowait -no-reboot &
qemu=$!
# When each byte of the serial console arrived (wall clock from QEMU's start), for the timeline
# of the boot printed at the end: the size of serial.log every 0.5 s.
(while kill -0 $qemu 2>/dev/null; do
  echo "$(echo "$(date +%s.%N) - $start" | bc) $(stat -c %s "$work/serial.log" 2>/dev/null || echo 0)"
  sleep 0.5
done >"$work/serial-sizes.log") &
sizes_pid=$!
monitor() { python3 - "$work/monitor.sock" "$1" <<'PY'
import socket, sys, time
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.settimeout(5)
time.sleep(0.3); s.recv(65536)
s.sendall((sys.argv[2] + "\n").encode()); time.sleep(1.0)
try: s.recv(65536)
except Exception: pass
PY
}
# screen FILE.ppm: the display as PNG beside it; prints its number of distinct colours.
screen() {
  rm -f "$1"
  monitor "screendump $1"
  for _ in 1 2 3 4 5; do [ -s "$1" ] && break; sleep 0.5; done
  [ -s "$1" ] || { echo 0; return; }
  python3 - "$1" "${1%.ppm}.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
# P6 header: magic, width, height, maxval, then RGB bytes
fields, pos = [], 0
while len(fields) < 4:
    while data[pos:pos + 1].isspace(): pos += 1
    if data[pos:pos + 1] == b"#":
        pos = data.index(b"\n", pos); continue
    end = pos
    while not data[end:end + 1].isspace(): end += 1
    fields.append(data[pos:end]); pos = end
pos += 1
w, h = int(fields[1]), int(fields[2])
pixels = data[pos:pos + w * h * 3]
colours = len({pixels[i:i + 3] for i in range(0, len(pixels), 3)})
rows = b"".join(b"\0" + pixels[y * w * 3:(y + 1) * w * 3] for y in range(h))
def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")
open(sys.argv[2], "wb").write(png)
print(colours)
PY
}
cleanup() {
  kill $qemu 2>/dev/null || true
  kill "$sizes_pid" 2>/dev/null || true
  [ -n "$http_pid" ] && kill "$http_pid" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 1' INT TERM

elapsed() { echo "$(date +%s.%N) - $start" | bc; }
# QEMU's own CPU seconds (user + system) so far: under TCG the guest runs only when QEMU gets
# the CPU, so on a shared machine this is closer to what an idle core would take than the
# wall-clock time (both are printed).
cpu_s() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$qemu/stat" 2>/dev/null || echo "?"; }
started= started_cpu=
while :; do
  kill -0 $qemu 2>/dev/null || { tail -30 "$work/serial.log"; fail "QEMU exited"; }
  if [ -z "$started" ] && grep -aq "etabli-bench: station started" "$work/serial.log" 2>/dev/null; then
    started=$(elapsed); started_cpu=$(cpu_s)
    say "station started after ${started} s ($accel, $label; QEMU used ${started_cpu} s of CPU)"
    break
  fi
  (($(echo "$(elapsed) > $timeout" | bc))) && { tail -40 "$work/serial.log"; fail "timeout, no station"; }
  sleep 0.5
done
# The login screen: the station prints "etabli-station: first frame after N ms: bench screen
# Login" on stderr (the console) when its first frame is on the display; the test needs that
# screen to be the bench's login screen, and measures the boot to it.
login= login_cpu= first_line=
while :; do
  kill -0 $qemu 2>/dev/null || { tail -30 "$work/serial.log"; fail "QEMU exited"; }
  first_line=$(grep -a -m1 -o "etabli-station: first frame after [0-9]* ms: bench screen [A-Za-z?]*" "$work/serial.log" 2>/dev/null || true)
  if [ -n "$first_line" ]; then login=$(elapsed); login_cpu=$(cpu_s); break; fi
  (($(echo "$(elapsed) > $timeout" | bc))) && { tail -40 "$work/serial.log"; fail "timeout, the station drew no frame"; }
  sleep 0.2
done
say "serial: $first_line"
[ "${first_line##* }" = Login ] || fail "the station's first screen is ${first_line##* }, not the bench login screen"
say "login screen after ${login} s ($accel, $label; QEMU used ${login_cpu} s of CPU)"
# The first screen: screendumps until the display shows more than MIN_COLOURS colours (a blank,
# black or text-console screen has a handful; the station's screens, text antialiased, hundreds).
shown= shown_cpu= colours=0
while :; do
  colours=$(screen "$work/screen.ppm")
  if ((colours > min_colours)); then shown=$(elapsed); shown_cpu=$(cpu_s); break; fi
  (($(echo "$(elapsed) - $started > ${SHOT_TIMEOUT:-120}" | bc))) && break
  sleep 1
done
cp "$work/screen.png" "$work/screen-first.png" 2>/dev/null || true
[ -n "$shown" ] || fail "the display stayed blank ($colours colours, screenshot $work/screen.png)"
say "first screen after ${shown} s (QEMU CPU ${shown_cpu} s): $colours distinct colours (> $min_colours), $work/screen-first.png"

while ! grep -aq "ETABLI-PROBE-END" "$work/serial.log" 2>/dev/null; do
  kill -0 $qemu 2>/dev/null || fail "QEMU exited before the probe"
  (($(echo "$(elapsed) > $timeout" | bc))) && { tail -40 "$work/serial.log"; fail "timeout, no probe"; }
  sleep 1
done
# The journal's console lines carry a "[  12.3] sh[390]: " prefix: strip it.
sed -n '/ETABLI-PROBE-BEGIN/,/ETABLI-PROBE-END/p' "$work/serial.log" | tr -d '\r' | sed '1d;$d' \
  | sed -E 's/^\[ *[0-9.]+\] [^ ]+\[[0-9]+\]: //' >"$work/probe.json"
python3 - "$work/probe.json" <<'PY' || fail "probe"
import json, sys
text = open(sys.argv[1], errors="replace").read()
probe = json.loads(text[text.index("{"):text.rindex("}") + 1])
disks = probe.get("disks", [])
print("test-qemu: probe disks:", json.dumps([{k: d.get(k) for k in ("name", "model", "serial", "size_bytes", "size") if k in d} for d in disks]))
assert any("ETABLI-QEMU-DISK" in json.dumps(d) for d in disks), "the QEMU disk is not in etabli probe --json"
PY
# The guest's own account of its boot (etabli-bench-selftest prints it once the boot is over).
for _ in $(seq 1 "${ANALYZE_WAIT:-90}"); do grep -aq "ETABLI-ANALYZE-END" "$work/serial.log" && break; sleep 1; done
sed -n '/ETABLI-ANALYZE-BEGIN/,/ETABLI-ANALYZE-END/p' "$work/serial.log" | tr -d '\r' | sed '1d;$d' \
  | sed -E 's/^\[ *[0-9.]+\] [^ ]+\[[0-9]+\]: //' >"$work/analyze.txt"
[ -s "$work/analyze.txt" ] && sed 's/^/test-qemu: guest: /' "$work/analyze.txt" | head -40
# Without a server on the command line, none of these may have started at boot.
grep -q "^not at boot: inactive inactive inactive inactive inactive *$" "$work/analyze.txt" \
  || fail "systemd-resolved, udev settle, the sync timer, systemd-networkd or logind started at boot: $(grep '^not at boot' "$work/analyze.txt")"
# A last screenshot, some seconds on (the one to look at).
sleep "${SHOT_DELAY:-3}"
colours=$(screen "$work/screen.ppm")
((colours > min_colours)) || fail "the display went blank ($colours colours)"
say "screenshot: $work/screen.png ($colours colours)"
grep -a "etabli-bench:" "$work/serial.log" | tr -d '\r' | sed 's/^/test-qemu: serial: /'
if [ "${STICK:-0}" = 1 ]; then
  grep -aqE "etabli-bench: station bench-stick, inventory on /dev/sd[a-z]1," "$work/serial.log" \
    || fail "the USB stick labelled ETABLI was not mounted or its etabli.conf not read"
  say "stick: mounted, station name from its etabli.conf"
fi
monitor quit || true
timeline
iso_size=
[ -e "$iso" ] && iso_size="ISO size $(stat -c %s "$iso") bytes ($(du -h "$iso" | cut -f1)); "
say "${iso_size}boot ($label, $accel_opt, smp ${SMP:-1}): station started ${started} s, login screen ${login} s, screenshot > $min_colours colours ${shown} s after QEMU's start (QEMU CPU time ${started_cpu} s, ${login_cpu} s and ${shown_cpu} s; load average $(cut -d' ' -f1-3 /proc/loadavg))"
say PASS
