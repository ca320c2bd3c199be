#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The station demo on embedded defaults: a fresh local SQLite inventory in a temporary
# folder (or $ETABLI_DEMO_DIR), a donor lot, and one PC taken through the bench on the demo
# hardware fixture (a ThinkPad T480 captured from a real machine): probe, tests, master
# image written and verified with erasure, label printed, READY, handed over.
set -euo pipefail
build=${1:-build/dev}
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${ETABLI_DEMO_DIR:-$(mktemp -d -t etabli-demo.XXXXXX)}
mkdir -p "$dir"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
  export XDG_RUNTIME_DIR="$dir/runtime"
  mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi
# The demo's resume journals and master seals stay in its folder, not in the user's data.
export ETABLI_JOURNAL_DIR="$dir/imaging-journal" ETABLI_SEAL_DIR="$dir/master-seals"
machine="$root/tests/fixtures/probe/machines/thinkpad-t480"
etabli() { "$build/app/etabli" --db "$dir/inventory.sqlite" --station bench-1 --worker demo "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "Établi demo: inventory in $dir/inventory.sqlite"
etabli config set tag.prefix BCL
etabli lot add LOT-2026-001 --donor "Banque Exemple" --new-donor --expected 4 --notes "Lot de démonstration"
pc=$(etabli asset add --kind pc --lot LOT-2026-001 --json | sed -n 's/.*"tag": "\([^"]*\)".*/\1/p')
etabli asset add --kind pc --lot LOT-2026-001 --make HP --model "EliteDesk 800 G1" --serial CZC4071BX3
etabli asset add --kind screen --lot LOT-2026-001 --make Acer --model V193 --serial ETLBW0D0079
etabli asset add --kind keyboard --lot LOT-2026-001 --make Logitech --model K120
etabli asset move "$pc" TESTING

step "$pc on the bench: what is in it (demo hardware: ${machine#"$root"/})"
etabli probe --root "$machine" --asset "$pc"
etabli probe check --root "$machine" || true

step "Diagnostics, recorded on $pc"
etabli test ram --size 64M --passes 1 --asset "$pc"
etabli test disk --from-json "$root/tests/fixtures/diag/smartctl-wd20efrx-pass.json" --asset "$pc"
echo "-- a move whose guard is unmet is refused, and says why:"
etabli asset move "$pc" IMAGED || true

step "Master: built from a raw disk, signed, written to the disk with its empty space zeroed (erase + image in one pass), verified"
head -c 24M /dev/urandom >"$dir/source.raw"
truncate -s 96M "$dir/source.raw"
etabli image keygen "$dir/workshop"
etabli image build "$dir/source.raw" -o "$dir/ecole-2026.qcow2" --key "$dir/workshop.key" --name ecole --version 2026.1
# The PC's disk: a loop device over a file when this machine allows it (a real block device,
# so the verified zero-fill counts as the disk's erasure); otherwise a plain file, which is
# never an erasure, so the file is wiped first with `etabli wipe` (Clear, full read-back).
truncate -s 128M "$dir/disk-of-$pc.img"
disk="$dir/disk-of-$pc.img"
if [ "$(id -u)" -eq 0 ] && loop=$(losetup -f --show "$disk" 2>/dev/null); then
  trap 'losetup -d "$loop" 2>/dev/null || true' EXIT
  disk=$loop
  echo "-- the PC's disk is $disk (a loop device over $dir/disk-of-$pc.img)"
else
  echo "-- no loop device here: the disk is a file, erased with etabli wipe first"
  etabli wipe "$disk" --method clear --verify full --asset "$pc" --certificate "$dir/erasure-$pc.json" \
    --station-key-dir "$dir/station-key"
fi
etabli image write "$dir/ecole-2026.qcow2" "$disk" --verify --fill zeros --pubkey "$dir/workshop.pub" --asset "$pc"
etabli asset move "$pc" IMAGED

step "Label: rendered to PNG, printed on a demo Brother QL on 127.0.0.1"
etabli label render "$pc" --template brother-62x29 -o "$dir/label-$pc.png"
coproc PRINTER { python3 "$root/packaging/demo-printer.py" "$dir/brother-job.bin"; }
# bash forgets PRINTER_PID as soon as the printer exits: keep it now.
printer_pid=$PRINTER_PID
read -r port <&"${PRINTER[0]}"
etabli label print "$pc" --template brother-62x29 --printer "brother-ql://127.0.0.1:$port"
wait "$printer_pid" || true
etabli asset move "$pc" READY

step "Distribution desk: reserved for a family, handed over"
etabli asset move "$pc" RESERVED --beneficiary FAM-0001
etabli asset move "$pc" HANDED_OVER --beneficiary FAM-0001

step "Lot"
etabli lot show LOT-2026-001
step "Assets"
etabli asset list
step "$pc"
etabli asset show "$pc"
step "Event log"
etabli events
step "Files: $dir"
ls -1 "$dir"
