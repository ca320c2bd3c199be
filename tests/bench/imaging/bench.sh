#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Imaging benchmark: `etabli image write/build` side by side with qemu-img, pigz|dd and
# bmaptool on one synthetic disk (gen_disk.py), to /dev/null, to a file with fsync and to
# a loop device, and to 1, 2 and 3 targets at once. Prints a markdown table (MiB/s of the
# virtual disk size, ratios against the references). Needs root for the loop device.
#
#   ETABLI=build/imaging/app/etabli SIZE_MIB=2048 tests/bench/imaging/bench.sh
#
# Environment: ETABLI (the etabli binary), SIZE_MIB (default 2048), BENCH_DIR (default
# /var/tmp/etabli-bench, needs ~4×SIZE of free space and 3×SIZE in /dev/shm), KEEP=1 keeps
# the files, CONTENT=system|words (gen_disk.py --content; default system).
#
# Fairness: before each run the page cache is dropped, then the master (or .gz/.raw) is read
# back in and the tool's own binary is started once, like a bench that has the station app
# running and wrote the same master before. The master is signed once by `etabli image
# sign`, which leaves its seal (imaging/README.md): the write runs check each range by
# CRC-32 against it; one row shows the first write of an unsealed master (--no-seal,
# every range checked by SHA-256).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ETABLI=$(readlink -f "${ETABLI:-build/imaging/app/etabli}")
SIZE_MIB=${SIZE_MIB:-2048}
DIR=${BENCH_DIR:-/var/tmp/etabli-bench}
mkdir -p "$DIR"
cd "$DIR"
export ETABLI_JOURNAL_DIR="$DIR/journal"
export ETABLI_SEAL_DIR="$DIR/seals"
CONTENT=${CONTENT:-system}
results=()

# seconds and peak RSS of a shell command line
timed() {
    /usr/bin/time -f "%e %M %U %S" -o "$DIR/.time" bash -c "$1" >/dev/null 2>"$DIR/.err" || {
        echo "FAILED: $1" >&2
        cat "$DIR/.err" >&2
        echo "nan 0 0 0"
        return 0
    }
    cat "$DIR/.time" | tail -1
}

# measure NAME COMMAND [CGROUP]: records MiB/s of the virtual size
declare -A rate
measure() {
    local name=$1 cmd=$2 cgroup=${3:-}
    sync
    echo 3 >/proc/sys/vm/drop_caches 2>/dev/null || true
    # the masters are read hot, like a bench that wrote the same master before
    cat master.qcow2 disk.raw.gz >/dev/null
    case "$cmd" in
    *disk.raw\ *) cat disk.raw >/dev/null ;;
    esac
    # and every tool's binary is loaded once, as on a station where the app is running
    "$ETABLI" help >/dev/null 2>&1 || true
    pigz --version >/dev/null 2>&1 || true
    qemu-img --version >/dev/null 2>&1 || true
    bmaptool --version >/dev/null 2>&1 || true
    [ -z "$cgroup" ] || cmd="echo \$\$ > $cgroup/tasks; $cmd"
    read -r secs rss usr sys <<<"$(timed "$cmd")"
    local mibs
    mibs=$(awk -v s="$secs" -v m="$SIZE_MIB" 'BEGIN { if (s > 0) printf "%.0f", m / s; else print "nan" }')
    rate[$name]=$mibs
    results+=("| $name | $secs | $mibs | $(awk -v u="$usr" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') | $((rss / 1024)) |")
    echo "$name: ${secs}s ${mibs} MiB/s rss ${rss}k" >&2
}

ratio() { awk -v a="${rate[$1]}" -v b="${rate[$2]}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

echo "== generating ${SIZE_MIB} MiB synthetic disk" >&2
[ -f disk.raw ] || python3 "$here/gen_disk.py" disk.raw "$SIZE_MIB" --content "$CONTENT" | tee disk.txt
[ -f disk.raw.gz ] || pigz -k -f disk.raw
[ -f disk.bmap ] || bmaptool create -o disk.bmap disk.raw
rm -f master.qcow2* built.qcow2*

echo "== build" >&2
read -r qsecs _ qusr qsys <<<"$(timed "qemu-img convert -c -O qcow2 disk.raw master.qcow2")"
read -r esecs erss eusr esys <<<"$(timed "$ETABLI image build disk.raw -o built.qcow2 --no-manifest")"
qsize=$(stat -c %s master.qcow2)
esize=$(stat -c %s built.qcow2)
qemu-img check built.qcow2 >/dev/null
qemu-img compare -f raw -F qcow2 disk.raw built.qcow2 >/dev/null
"$ETABLI" image keygen bench 2>/dev/null || true
"$ETABLI" image sign master.qcow2 --key bench.key --version bench >/dev/null
export ETABLI_MASTER_PUBKEY="$DIR/bench.pub"

echo "== CPU only, to /dev/null" >&2
measure "etabli write → /dev/null" "$ETABLI image write master.qcow2 /dev/null --quiet --no-journal --fill zeros"
measure "etabli write --no-seal → /dev/null (unsealed master)" "$ETABLI image write master.qcow2 /dev/null --quiet --no-journal --fill zeros --no-seal"
measure "pigz -dc → /dev/null" "pigz -dc disk.raw.gz >/dev/null"

echo "== to a file, fsync" >&2
rm -f out*.img
measure "etabli write --fill skip → file" "$ETABLI image write master.qcow2 out.img --quiet --no-journal --fill skip"
rm -f out*.img
measure "qemu-img convert -O raw → file" "qemu-img convert -O raw master.qcow2 out.img && sync out.img"
rm -f out*.img
measure "etabli write --fill zeros → file" "$ETABLI image write master.qcow2 out.img --quiet --no-journal --fill zeros"
rm -f out*.img
measure "pigz -dc | dd oflag=direct → file" "pigz -dc disk.raw.gz | dd of=out.img bs=4M iflag=fullblock oflag=direct status=none && sync out.img"
rm -f out*.img
measure "dd raw oflag=direct → file (ceiling)" "dd if=disk.raw of=out.img bs=4M oflag=direct status=none && sync out.img"
rm -f out*.img
measure "bmaptool copy gz+bmap → file" "bmaptool -q copy --bmap disk.bmap disk.raw.gz out.img"
rm -f out*.img
measure "bmaptool copy raw+bmap → file" "bmaptool -q copy --bmap disk.bmap disk.raw out.img"
rm -f out*.img
measure "etabli write --fill zeros --verify → file" "$ETABLI image write master.qcow2 out.img --quiet --no-journal --fill zeros --verify"

echo "== several targets: files on the one disk (--fill zeros, fsync)" >&2
for n in 1 2 3; do
    rm -f out*.img
    targets=$(seq -f "out%g.img" 1 "$n" | tr '\n' ' ')
    measure "etabli write → $n file(s) on the one disk" "$ETABLI image write master.qcow2 $targets --quiet --no-journal --fill zeros"
done
rm -f out*.img

# This machine has one disk: three targets on it share its bandwidth. Three independent
# disks (docks on their own ports) are emulated by three RAM-backed loop devices, each
# throttled to the write speed of a SATA SSD at its best (blkio cgroup, 500 MiB/s), and
# then unthrottled, where the kernel's copies into RAM share the 2 cores with decoding.
ram_loops=()
cgroup=/sys/fs/cgroup/blkio/etabli-bench
if [ "$(id -u)" = 0 ] && [ -d /sys/fs/cgroup/blkio ] && mkdir -p "$cgroup" 2>/dev/null; then
    echo "== several targets: independent disks (RAM-backed loop devices)" >&2
    for i in 1 2 3; do
        dd if=/dev/zero of="/dev/shm/etabli-bench-$i.img" bs=4M count=$((SIZE_MIB / 4)) status=none
        ram_loops+=("$(losetup -f --show "/dev/shm/etabli-bench-$i.img")")
        echo "$(cat "/sys/block/$(basename "${ram_loops[-1]}")/dev") $((500 << 20))" >"$cgroup/blkio.throttle.write_bps_device"
    done
    for n in 1 2 3; do
        measure "etabli write → $n disk(s) of 500 MiB/s" "$ETABLI image write master.qcow2 ${ram_loops[*]:0:$n} --quiet --no-journal --fill zeros" "$cgroup"
    done
    for n in 1 2 3; do
        measure "etabli write → $n RAM disk(s), unthrottled" "$ETABLI image write master.qcow2 ${ram_loops[*]:0:$n} --quiet --no-journal --fill zeros"
    done
    for l in "${ram_loops[@]}"; do losetup -d "$l"; done
    rmdir "$cgroup" 2>/dev/null || true
    rm -f /dev/shm/etabli-bench-*.img
else
    echo "== several targets on independent disks: skipped (needs root and the blkio cgroup)" >&2
fi

if [ "$(id -u)" = 0 ]; then
    echo "== loop device" >&2
    truncate -s "${SIZE_MIB}M" loop.bin
    loop=$(losetup -f --show loop.bin)
    trap 'losetup -d "$loop" 2>/dev/null || true' EXIT
    measure "etabli write --fill zeros → loop" "$ETABLI image write master.qcow2 $loop --quiet --no-journal --fill zeros"
    measure "qemu-img convert -n -O raw → loop" "qemu-img convert -n -O raw -t none master.qcow2 $loop"
    measure "pigz -dc | dd oflag=direct → loop" "pigz -dc disk.raw.gz | dd of=$loop bs=4M iflag=fullblock oflag=direct status=none"
    measure "bmaptool copy gz+bmap → loop" "bmaptool -q copy --bmap disk.bmap disk.raw.gz $loop"
    measure "etabli write --fill skip → loop" "$ETABLI image write master.qcow2 $loop --quiet --no-journal --fill skip"
fi

echo
echo "Synthetic disk: $(cat disk.txt 2>/dev/null || echo "${SIZE_MIB} MiB"); $(nproc) cores; MiB/s of the virtual size; $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| run | seconds | MiB/s | CPU seconds | peak RSS MiB |"
echo "|---|---|---|---|---|"
printf '%s\n' "${results[@]}"
echo
echo "| goal | measured |"
echo "|---|---|"
echo "| sparse to a file: etabli skip / qemu-img convert (≥ 3) | $(ratio "etabli write --fill skip → file" "qemu-img convert -O raw → file") |"
echo "| every byte to a file: etabli zeros / pigz-dc-dd (≥ 4) | $(ratio "etabli write --fill zeros → file" "pigz -dc | dd oflag=direct → file") |"
echo "| every byte to a file: etabli zeros / dd raw ceiling (≥ 0.7) | $(ratio "etabli write --fill zeros → file" "dd raw oflag=direct → file (ceiling)") |"
echo "| etabli zeros / bmaptool gz+bmap | $(ratio "etabli write --fill zeros → file" "bmaptool copy gz+bmap → file") |"
echo "| etabli zeros / bmaptool raw+bmap | $(ratio "etabli write --fill zeros → file" "bmaptool copy raw+bmap → file") |"
echo "| CPU only: etabli → /dev/null / pigz -dc (≥ 8) | $(ratio "etabli write → /dev/null" "pigz -dc → /dev/null") |"
echo "| CPU only, unsealed master (every range SHA-256) / pigz -dc | $(ratio "etabli write --no-seal → /dev/null (unsealed master)" "pigz -dc → /dev/null") |"
three() { awk -v a="${rate["etabli write → 1 $1"]:-0}" -v b="${rate["etabli write → 3 $2"]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
echo "| 3 targets time / 1 target time, independent disks of 500 MiB/s (≤ 1.5) | $(three "disk(s) of 500 MiB/s" "disk(s) of 500 MiB/s") |"
echo "| 3 targets time / 1 target time, unthrottled RAM disks (CPU shared with the kernel's copies) | $(three "RAM disk(s), unthrottled" "RAM disk(s), unthrottled") |"
echo "| 3 targets time / 1 target time, files on the one disk (its bandwidth shared) | $(three "file(s) on the one disk" "file(s) on the one disk") |"
echo "| build: qemu-img convert -c time / etabli build time (≥ 1.8) | $(awk -v q="$qsecs" -v e="$esecs" 'BEGIN { printf "%.2f (%.1f s vs %.1f s)", q / e, q, e }') |"
echo "| build: CPU seconds qemu-img / etabli | $(awk -v q="$qusr" -v qs="$qsys" -v e="$eusr" -v es="$esys" 'BEGIN { printf "%.2f (%.1f vs %.1f)", (q + qs) / (e + es), q + qs, e + es }') |"
echo "| build: size etabli / qemu-img (within 2 %) | $(awk -v e="$esize" -v q="$qsize" 'BEGIN { printf "%.3f (%d vs %d bytes)", e / q, e, q }') |"
echo "| loop: etabli zeros / pigz-dc-dd | $(ratio "etabli write --fill zeros → loop" "pigz -dc | dd oflag=direct → loop") |"
echo "| loop: etabli zeros / qemu-img convert | $(ratio "etabli write --fill zeros → loop" "qemu-img convert -n -O raw → loop") |"
[ "${KEEP:-0}" = 1 ] || rm -f out*.img loop.bin
