#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The station demo on embedded defaults: the bench app (etabli-station --demo) on the demo
# hardware fixture (a ThinkPad T480 captured from a real machine), with a fresh local SQLite
# inventory in a temporary folder (or $ETABLI_DEMO_DIR): badge login, the PC's label, probe,
# memory and disk tests, screen, sound, keyboard and mouse, broken parts, cleaning, erase and
# install the signed master on the PC's disk (a loop device, through etabli-helper), label
# printed on a stand-in printer, READY. With a display it opens the window and you do the
# steps; without one it walks the flow alone, offscreen, and saves a picture of each screen.
# Then the distribution desk hands the PC over (CLI).
set -euo pipefail
build=${1:-build/dev}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${ETABLI_DEMO_DIR:-$(mktemp -d -t etabli-demo.XXXXXX)}
mkdir -p "$dir"
# A window when there is a display (and nobody asked for another platform); else offscreen.
window=0
if [ -z "${QT_QPA_PLATFORM:-}" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  window=1
fi
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  export XDG_RUNTIME_DIR="$dir/runtime"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi
export ETABLI_STATION=bench-1
db="$dir/inventory.sqlite"
etabli() { "$build/app/etabli" --db "$db" --station bench-1 --worker demo "$@"; }
step() { printf '\n== %s\n' "$*"; }

if [ "$(id -u)" -ne 0 ]; then
  echo "-- note: without root there is no loop device for the PC's disk; the erase step will say so" >&2
fi
if [ "$window" -eq 1 ]; then
  step "Établi bench on the demo machine: a window opens (inventory $db)"
  "$build/app/station/etabli-station" --demo --db "$db" || true
else
  step "Établi bench on the demo machine, offscreen: the flow walks itself (inventory $db)"
  "$build/app/station/etabli-station" --demo --db "$db" --screenshots "$dir/screenshots"
  echo "-- screenshots of every screen: $dir/screenshots"
  ls -1 "$dir/screenshots"
fi

pc=$(etabli config get demo.pc)
step "$pc after the bench"
etabli asset show "$pc"
if etabli asset show "$pc" --json | grep -q '"state": "READY"'; then
  step "Distribution desk: reserved for a family, handed over"
  etabli asset move "$pc" RESERVED --beneficiary FAM-0001
  etabli asset move "$pc" HANDED_OVER --beneficiary FAM-0001
fi

step "Lot"
etabli lot show LOT-2026-001
step "Assets"
etabli asset list
step "Event log"
etabli events
step "Files: $dir"
ls -1 "$dir"
