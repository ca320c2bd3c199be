#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Diagnostics benchmarks, side by side with the reference tools in one run:
#   RAM:  one default pass of `etabli test ram` vs one `memtester` loop (time ratio),
#         and the memory traffic it sustains vs the bandwidth `stressapptest` reports;
#   disk: surface scan throughput vs `dd iflag=direct bs=4M of=/dev/null`, same file
#         (and the same loop device when run as root).
# Usage: tests/bench/diag/bench_diag.sh [BUILD_DIR] [RAM_SIZE_MiB] [DISK_FILE_MiB]
# Not registered in CTest. Prints one line per figure.
set -euo pipefail
BUILD=${1:-build/diag}
RAM=${2:-64}
DISK=${3:-1024}
ETABLI=$BUILD/app/etabli
[ -x "$ETABLI" ] || { echo "no $ETABLI: build the etabli target first" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"; [ -n "${LOOP:-}" ] && losetup -d "$LOOP" 2>/dev/null || true' EXIT
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(d['measurements']['$1'])"; }
now() { date +%s.%N; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "## RAM, ${RAM} MiB"
t0=$(now); "$ETABLI" --json test ram --size "${RAM}M" --passes 1 > "$TMP/ram.json"; t1=$(now)
ours=$(echo "$t1 - $t0" | bc -l)
traffic=$(json traffic_mib_s < "$TMP/ram.json")
threads=$(json threads < "$TMP/ram.json")
t0=$(now); memtester "${RAM}M" 1 > "$TMP/memtester.log" 2>&1; t1=$(now)
mt=$(echo "$t1 - $t0" | bc -l)
sat=$(stressapptest -M "$RAM" -s 10 -m "$threads" 2>&1 | sed -n 's/.*Memory Copy: .* at \([0-9.]*\)MB\/s.*/\1/p')
printf 'etabli test ram --size %sM: %.3f s (%s threads, traffic %s MiB/s)\n' "$RAM" "$ours" "$threads" "$traffic"
printf 'memtester %sM 1: %.3f s\n' "$RAM" "$mt"
printf 'speed-up vs memtester: %.1fx (goal >= 20x)\n' "$(echo "$mt / $ours" | bc -l)"
printf 'stressapptest -M %s -s 10 -m %s Memory Copy: %s MB/s\n' "$RAM" "$threads" "$sat"
printf 'traffic / stressapptest bandwidth: %.0f %% (goal >= 50 %%)\n' "$(echo "$traffic * 1.048576 / $sat * 100" | bc -l)"

echo "## Disk surface scan, ${DISK} MiB"
dd if=/dev/urandom of="$TMP/disk.img" bs=1M count="$DISK" status=none
sync
scan() { "$ETABLI" --json test disk --surface "$1" | json mib_s; }
ddrate() { dd if="$1" iflag=direct bs=4M of=/dev/null 2>&1 | sed -n 's/.* s, \([0-9.,]*\) \([MG]\)B\/s/\1 \2/p' \
  | awk '{gsub(",",".",$1); v=$1; if ($2=="G") v*=1000; printf "%.1f", v/1.048576}'; }
for target in "$TMP/disk.img" LOOP; do
  if [ "$target" = LOOP ]; then
    [ "$(id -u)" = 0 ] || { echo "loop device: skipped (needs root)"; break; }
    LOOP=$(losetup -f --show -r "$TMP/disk.img"); target=$LOOP
  fi
  # alternate the two tools twice and keep each one's best run (the machine is shared)
  o1=$(scan "$target"); r1=$(ddrate "$target"); r2=$(ddrate "$target"); o2=$(scan "$target")
  ours=$(printf '%s\n%s\n' "$o1" "$o2" | sort -g | tail -1); ref=$(printf '%s\n%s\n' "$r1" "$r2" | sort -g | tail -1)
  printf '%s: etabli %s MiB/s, dd %s MiB/s, ratio %.2f\n' "$target" "$ours" "$ref" "$(echo "$ours / $ref" | bc -l)"
done
