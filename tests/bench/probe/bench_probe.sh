#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Decoding time of our SMBIOS and EDID parsers (through `etabli probe smbios|edid`)
# next to the reference decoders (dmidecode --from-dump, edid-decode), one process per
# file over the whole fixture corpus, ROUNDS times. Prints seconds and the ratio.
# Usage: tests/bench/probe/bench_probe.sh [build/probe/app/etabli] [ROUNDS]
set -eu
here=$(cd "$(dirname "$0")/../../.." && pwd)
etabli=${1:-$here/build/probe/app/etabli}
rounds=${2:-5}
fixtures=$here/tests/fixtures/probe
dmidecode=$(command -v dmidecode || echo /usr/sbin/dmidecode)

timeit() { # command... ; prints elapsed seconds for ROUNDS passes
    start=$(date +%s.%N)
    i=0
    while [ $i -lt "$rounds" ]; do "$@"; i=$((i + 1)); done
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
ours_smbios() { for f in "$fixtures"/smbios/*.bin; do "$etabli" --json probe smbios "$f" >/dev/null; done; }
ref_smbios() { for f in "$fixtures"/smbios/*.bin; do "$dmidecode" --from-dump "$f" >/dev/null; done; }
ours_edid() { for f in "$fixtures"/edid/*; do "$etabli" --json probe edid "$f" >/dev/null 2>&1 || true; done; }
ref_edid() { for f in "$fixtures"/edid/*; do edid-decode "$f" >/dev/null 2>&1 || true; done; }
startup() { for f in "$fixtures"/edid/*; do "$etabli" help >/dev/null; done; }
ours_machine() { for d in "$fixtures"/machines/*/; do "$etabli" --json probe --root "$d" --usb sysfs >/dev/null; done; }

n_smbios=$(ls "$fixtures"/smbios/*.bin | wc -l)
n_edid=$(ls "$fixtures"/edid | wc -l)
a=$(timeit ours_smbios); b=$(timeit ref_smbios)
printf 'SMBIOS %s dumps x %s: etabli %.2f s, dmidecode %.2f s, ratio %.2f\n' "$n_smbios" "$rounds" "$a" "$b" "$(echo "$a / $b" | bc -l)"
a=$(timeit ours_edid); b=$(timeit ref_edid)
printf 'EDID %s blobs x %s: etabli %.2f s, edid-decode %.2f s, ratio %.2f\n' "$n_edid" "$rounds" "$a" "$b" "$(echo "$a / $b" | bc -l)"
a=$(timeit startup)
printf 'baseline: %s bare `etabli help` starts x %s: %.2f s (the process start that dominates the ratios above)\n' "$n_edid" "$rounds" "$a"
a=$(timeit ours_machine)
printf 'whole-machine probe of 5 fixtures x %s: %.2f s (%.0f ms per machine, process start included)\n' "$rounds" "$a" "$(echo "$a * 1000 / (5 * $rounds)" | bc -l)"
