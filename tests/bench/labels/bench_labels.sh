#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Label throughput, side by side with the reference Data Matrix encoder (dmtxwrite,
# dmtx-utils) and with the reference decoders the tests use (zbarimg, dmtxread).
# Not a CTest test. Usage:
#   tests/bench/labels/bench_labels.sh [BUILD_DIR] [N]
# BUILD_DIR defaults to build/labels; N (labels per series) to 48.
set -euo pipefail
BUILD=${1:-build/labels}
N=${2:-48}
ETABLI=$(realpath "$BUILD/app/etabli")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export QT_QPA_PLATFORM=offscreen ETABLI_DB="$WORK/inv.sqlite"
"$ETABLI" config set tag.prefix BCL >/dev/null
for _ in $(seq "$N"); do "$ETABLI" asset add --kind pc --make Dell --model OptiPlex >/dev/null; done
mapfile -t TAGS < <("$ETABLI" asset list | awk '{print $1}')

now() { date +%s.%N; }
ms() { echo "scale=2; ($2 - $1) * 1000 / $3" | bc; }

t0=$(now)
for t in "${TAGS[@]}"; do "$ETABLI" label render "$t" --template brother-62x29 -o "$WORK/$t.png" 2>/dev/null >/dev/null; done
t1=$(now); ours_png=$(ms "$t0" "$t1" "$N")

t0=$(now)
for t in "${TAGS[@]}"; do "$ETABLI" label render "$t" --template brother-62x29 -o "$WORK/$t.pdf" 2>/dev/null >/dev/null; done
t1=$(now); ours_pdf=$(ms "$t0" "$t1" "$N")

t0=$(now)
for ((i = 0; i < N; i += 24)); do
  "$ETABLI" label render "${TAGS[@]:i:24}" --template a4-70x37 -o "$WORK/sheet$i.pdf" 2>/dev/null >/dev/null
done
t1=$(now); ours_sheet=$(ms "$t0" "$t1" "$N")

t0=$(now)
for t in "${TAGS[@]}"; do printf '%s' "$t" | dmtxwrite -d 9 -m 1 -o "$WORK/$t.dmtx.png"; done
t1=$(now); ref_dm=$(ms "$t0" "$t1" "$N")

t0=$(now)
for t in "${TAGS[@]}"; do zbarimg --quiet --raw "$WORK/$t.png" >/dev/null; done
t1=$(now); zbar=$(ms "$t0" "$t1" "$N")

t0=$(now)
for t in "${TAGS[@]}"; do dmtxread --stop-after=1 "$WORK/$t.png" >/dev/null; done
t1=$(now); dmtx=$(ms "$t0" "$t1" "$N")

echo "labels per series: $N (one etabli process per label, start-up included; machine: $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
printf '%-58s %8s ms/label\n' "etabli label render brother-62x29 -> PNG (2 symbols, text)" "$ours_png"
printf '%-58s %8s ms/label\n' "etabli label render brother-62x29 -> PDF" "$ours_pdf"
printf '%-58s %8s ms/label\n' "etabli label render a4-70x37 (24 per call) -> PDF" "$ours_sheet"
printf '%-58s %8s ms/label\n' "reference: dmtxwrite, one bare Data Matrix PNG" "$ref_dm"
printf '%-58s %8s ms/label\n' "reference decode: zbarimg on our PNG" "$zbar"
printf '%-58s %8s ms/label\n' "reference decode: dmtxread on our PNG" "$dmtx"
echo "ratio ours PNG / dmtxwrite: $(echo "scale=2; $ours_png / $ref_dm" | bc)"
echo "ratio ours sheet PDF / dmtxwrite: $(echo "scale=2; $ours_sheet / $ref_dm" | bc)"
