#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Clear + full verification of one loop device, three ways, one run each (not in CI):
#   A. etabli wipe DEV --method clear --verify full             (write + O_DIRECT read-back)
#   B. dd if=/dev/zero of=DEV bs=4M oflag=direct; cmp -n SIZE DEV /dev/zero
#   B'. the same with conv=fsync (the flush etabli does before reading back)
#   C. nwipe --method=zero --verify=last --nogui --autonuke DEV  (when nwipe is installed)
# and prints the ratio time(B) / time(A) (goal >= 1.0: etabli at least as fast as dd + cmp).
#
# Usage (root, for losetup):
#   ETABLI=build/dev/app/etabli SIZE_MIB=1024 tests/bench/erasure/bench_wipe.sh
# Environment: ETABLI (default build/dev/app/etabli), SIZE_MIB (1024), DIR (backing file's
# folder, default /var/tmp/etabli-bench-erasure: a real disk; /dev/shm measures the CPU only).
set -euo pipefail

ETABLI=${ETABLI:-build/dev/app/etabli}
SIZE_MIB=${SIZE_MIB:-1024}
DIR=${DIR:-/var/tmp/etabli-bench-erasure}
[ "$(id -u)" -eq 0 ] || { echo "bench_wipe: needs root (losetup)" >&2; exit 1; }
[ -x "$ETABLI" ] || { echo "bench_wipe: build $ETABLI first" >&2; exit 1; }

mkdir -p "$DIR"
IMG="$DIR/disk.img"
rm -f "$IMG"
# Real blocks (not a sparse file), so every run writes to the disk.
dd if=/dev/urandom of="$IMG" bs=4M count=$((SIZE_MIB / 4)) status=none
DEV=$(losetup -f --show "$IMG")
KEYS=$(mktemp -d)
cleanup() { losetup -d "$DEV" 2>/dev/null || true; rm -rf "$KEYS" "$IMG"; }
trap cleanup EXIT
SIZE=$((SIZE_MIB * 1048576))

now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l; }

echo "device $DEV, $SIZE_MIB MiB backed by $IMG; load: $(cut -d' ' -f1-3 /proc/loadavg)"

sync; echo 3 >/proc/sys/vm/drop_caches
t0=$(now)
ETABLI_STATION_KEY_DIR="$KEYS" "$ETABLI" --json wipe "$DEV" --method clear --verify full \
  --certificate "$KEYS/cert.json" >"$KEYS/wipe.json" 2>/dev/null
t1=$(now)
A=$(secs "$t0" "$t1")
python3 - "$KEYS/wipe.json" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["erasure"]
print(f"A etabli wipe: verified={r['verified']} write {r['write_mib_s']:.0f} MiB/s, verify {r['verify_mib_s']:.0f} MiB/s")
EOF

dd if=/dev/urandom of="$DEV" bs=4M count=$((SIZE_MIB / 4)) oflag=direct status=none # old data again
sync; echo 3 >/proc/sys/vm/drop_caches
t0=$(now)
dd if=/dev/zero of="$DEV" bs=4M count=$((SIZE_MIB / 4)) oflag=direct status=none
tm=$(now)
cmp -n "$SIZE" "$DEV" /dev/zero
t1=$(now)
B=$(secs "$t0" "$t1")

printf 'A etabli wipe --method clear --verify full : %6.2f s  (%4.0f MiB/s over write + read)\n' "$A" "$(echo "$SIZE_MIB * 2 / $A" | bc -l)"
printf 'B dd oflag=direct + cmp                     : %6.2f s  (%4.0f MiB/s; dd %.2f s, cmp %.2f s)\n' "$B" \
  "$(echo "$SIZE_MIB * 2 / $B" | bc -l)" "$(secs "$t0" "$tm")" "$(secs "$tm" "$t1")"
printf 'ratio B / A = %.2fx (goal >= 1.0)\n' "$(echo "$B / $A" | bc -l)"

# B with the flush etabli does (fsync before reading back): dd alone leaves the loop's
# backing file dirty in the page cache, so B measures less work than A.
dd if=/dev/urandom of="$DEV" bs=4M count=$((SIZE_MIB / 4)) oflag=direct status=none
sync; echo 3 >/proc/sys/vm/drop_caches
t0=$(now)
dd if=/dev/zero of="$DEV" bs=4M count=$((SIZE_MIB / 4)) oflag=direct conv=fsync status=none
cmp -n "$SIZE" "$DEV" /dev/zero
t1=$(now)
B2=$(secs "$t0" "$t1")
printf "B' dd oflag=direct conv=fsync + cmp        : %6.2f s  ratio B' / A = %.2fx\n" "$B2" "$(echo "$B2 / $A" | bc -l)"

if command -v nwipe >/dev/null; then
  dd if=/dev/urandom of="$DEV" bs=4M count=$((SIZE_MIB / 4)) oflag=direct status=none
  sync; echo 3 >/proc/sys/vm/drop_caches
  t0=$(now)
  if nwipe --method=zero --verify=last --nogui --autonuke --nowait --noblank "$DEV" >"$KEYS/nwipe.log" 2>&1; then
    t1=$(now)
    C=$(secs "$t0" "$t1")
    printf 'C nwipe --method=zero --verify=last         : %6.2f s  ratio C / A = %.2fx\n' "$C" "$(echo "$C / $A" | bc -l)"
  else
    echo "C nwipe failed here:"; tail -5 "$KEYS/nwipe.log"
  fi
else
  echo "C nwipe not installed (apt-get install nwipe)"
fi
