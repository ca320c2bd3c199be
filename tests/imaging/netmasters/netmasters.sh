#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
#
# Masters over a real (virtual) workshop network: a server and four benches, each in its
# own network namespace, on a bridge in a fifth ("switch") namespace, with tc rate limits.
# No address outside these namespaces is used and the root namespace is not touched.
#
# usage: netmasters.sh ETABLI ETABLI_SERVER [SIZE_MIB]     (root; CTest: netmasters)
#
# Cases: four benches at once equal `qemu-img convert -O raw`; a link cut mid-run
# (`ip link set down`, then up) resumes in the same run; kill -9 then a second run resumes
# from the journal fetching only the rest (bytes counted on the bench's interface); a
# corrupting proxy is caught by the manifest with nothing written past the damaged range,
# then the run resumes through the real server; a proxy that cuts answers short gives a
# clear error after --stall-timeout; a wrong token changes nothing. Multicast: four
# benches with 1 % loss on one (its holes repaired by multicast NACK, then unicast); a bench
# joining midway (the start by unicast); 1 % loss before the switch (duplicate NACKs
# suppressed); one bench at 20 Mbit/s leaves the group for unicast while the others keep
# at least the floor rate; an older copy as --cache (bytes counted). Fails (never skips)
# when namespaces cannot be made.
set -euo pipefail

ETABLI=$(readlink -f "${1:?usage: netmasters.sh ETABLI ETABLI_SERVER [SIZE_MIB]}")
SERVER=$(readlink -f "${2:?usage: netmasters.sh ETABLI ETABLI_SERVER [SIZE_MIB]}")
SIZE_MIB=${3:-64}
HERE=$(cd "$(dirname "$0")" && pwd)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
[ "$(id -u)" -eq 0 ] || fail "needs root (network namespaces)"
for tool in ip tc nft openssl qemu-img python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (packaging/setup-debian.sh)"
done

P=etm$$ # namespace prefix, unique per run
W=$(mktemp -d /tmp/netmasters.XXXXXX)
PIDS=()
NAMESPACES=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  # A background `in_ns` is a subshell: killing it leaves its `ip netns exec` child (the
  # server, a proxy) running. Whatever still runs in our namespaces goes with them.
  for ns in "${NAMESPACES[@]}"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$ns" 2>/dev/null || true
  done
  rm -rf "$W"
}
trap cleanup EXIT INT TERM

ns() { echo "${P}$1"; }
in_ns() {
  local n=$1
  shift
  ip netns exec "$(ns "$n")" "$@"
}

# --- the network: switch (bridge), server, four benches -------------------------------
for n in sw srv b1 b2 b3 b4; do
  ip netns add "$(ns $n)" || fail "ip netns add does not work here"
  NAMESPACES+=("$(ns $n)")
  in_ns $n ip link set lo up
done
in_ns sw ip link add br0 type bridge mcast_snooping 0
in_ns sw ip link set br0 up
i=0
for n in srv b1 b2 b3 b4; do
  i=$((i + 1))
  ip link add eth0 netns "$(ns $n)" type veth peer name "p$n" netns "$(ns sw)"
  in_ns sw ip link set "p$n" master br0 up
  if [ $n = srv ]; then addr=10.19.0.1; else addr=10.19.0.1$i; fi
  in_ns $n ip addr add $addr/24 dev eth0
  in_ns $n ip link set eth0 up
  in_ns $n ip route add 224.0.0.0/4 dev eth0
done
# Links: the server 1 Gbit/s; benches 1 and 2 slowed to 40 Mbit/s (the cut and kill
# cases need a run that lasts), 3 and 4 at 200 Mbit/s. Shaped on both directions.
shape() { # NS IFACE RATE
  ip netns exec "$1" tc qdisc add dev "$2" root tbf rate "$3" burst 64kb latency 100ms
}
shape "$(ns srv)" eth0 1gbit
shape "$(ns sw)" psrv 1gbit
for b in b1 b2; do shape "$(ns $b)" eth0 40mbit; shape "$(ns sw)" "p$b" 40mbit; done
for b in b3 b4; do shape "$(ns $b)" eth0 200mbit; shape "$(ns sw)" "p$b" 200mbit; done
# The server's link as a NIC without UDP segmentation offload (most are): the sender's GSO
# packets (imaging/multicast.cpp) are cut into datagrams at its device, so that the bridge,
# the loss rules and the benches see separate datagrams, as on a real wire.
in_ns srv ip link set dev eth0 gso_max_segs 1
reached=0 # "connection refused" from the server's namespace: the bridge forwards
for _ in $(seq 50); do
  said=$(in_ns b1 bash -c "exec 3<>/dev/tcp/10.19.0.1/9" 2>&1 || true)
  [[ $said == *refused* ]] && { reached=1; break; }
  sleep 0.1
done
[ $reached = 1 ] || fail "bench 1 cannot reach the server"

# --- the master, its key, the server's certificate ------------------------------------
mkdir -p "$W/masters"
python3 - "$W/disk.raw" "$SIZE_MIB" <<'EOF'
import os, random, sys
path, mib = sys.argv[1], int(sys.argv[2])
rng = random.Random(19)
words = b"atelier ecole ordinateur famille clavier souris ecran "
with open(path, "wb") as f:
    f.truncate(mib << 20)
    for i in range(mib):
        f.seek(i << 20)
        kind = i % 4
        if kind == 0:
            f.write(rng.randbytes(1 << 20))          # incompressible
        elif kind == 1:
            f.write((words * 20000)[: 1 << 20])      # text
        elif kind == 3:
            f.write(rng.randbytes(300000))           # partly used
        # kind 2: nothing (unallocated)
EOF
"$ETABLI" image keygen "$W/ws" >/dev/null
"$ETABLI" image build "$W/disk.raw" -o "$W/masters/ecole.qcow2" --key "$W/ws.key" --name ecole --version 2026 >/dev/null
qemu-img convert -O raw "$W/masters/ecole.qcow2" "$W/reference.raw"
cmp -s "$W/disk.raw" "$W/reference.raw" || fail "qemu-img does not read our master back"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$W/key.pem" -out "$W/cert.pem" -days 2 \
  -subj /CN=10.19.0.1 -addext subjectAltName=IP:10.19.0.1 2>/dev/null
DB="sqlite:$W/server.sqlite"
TOKEN=$("$SERVER" --db "$DB" token create --role station --name bench | tail -1)
in_ns srv "$SERVER" --db "$DB" --listen 10.19.0.1:8443 --tls-cert "$W/cert.pem" --tls-key "$W/key.pem" \
  --masters "$W/masters" >"$W/server.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do grep -q "listening on" "$W/server.log" && break; sleep 0.1; done
grep -q "listening on" "$W/server.log" || fail "the server did not start: $(cat "$W/server.log")"
URL=https://10.19.0.1:8443/api/v1/masters/ecole.qcow2

# One bench's write: its own HOME, store and journal; output in $W/BENCH.{out,err}.
write() { # BENCH URL TARGET [extra args]
  local b=$1 url=$2 target=$3
  shift 3
  mkdir -p "$W/$b"
  ip netns exec "$(ns "$b")" env HOME="$W/$b" ETABLI_DB="$W/$b/station.sqlite" ETABLI_JOURNAL_DIR="$W/$b/journal" \
    "$ETABLI" image write "$url" "$target" --token "$TOKEN" --ca "$W/cert.pem" --pubkey "$W/ws.pub" \
    --verify --json "$@" >"$W/$b.out" 2>"$W/$b.err"
}
# The same in the background; WRITER is its process id (ip netns exec and env exec etabli).
write_bg() {
  local b=$1 url=$2 target=$3
  shift 3
  mkdir -p "$W/$b"
  ip netns exec "$(ns "$b")" env HOME="$W/$b" ETABLI_DB="$W/$b/station.sqlite" ETABLI_JOURNAL_DIR="$W/$b/journal" \
    "$ETABLI" image write "$url" "$target" --token "$TOKEN" --ca "$W/cert.pem" --pubkey "$W/ws.pub" \
    --verify --json "$@" >"$W/$b.out" 2>"$W/$b.err" &
  WRITER=$!
  PIDS+=("$WRITER")
}
rx() { in_ns "$1" cat /sys/class/net/eth0/statistics/rx_bytes; }
same() { cmp -s "$1" "$W/reference.raw"; }
started() { # FILE: wait until some data was written
  for _ in $(seq 200); do
    [ -f "$1" ] && [ "$(du -k "$1" | cut -f1)" -gt 2048 ] && return 0
    sleep 0.05
  done
  return 1
}
pass() { echo "PASS: $*"; }

# --- 1. four benches at once ------------------------------------------------------------
T0=$(date +%s.%N)
declare -A WRITERS
for b in b1 b2 b3 b4; do
  write_bg $b "$URL" "$W/$b/disk.raw"
  WRITERS[$b]=$WRITER
done
for b in b1 b2 b3 b4; do
  wait "${WRITERS[$b]}" || fail "bench $b failed: $(cat "$W/$b.err")"
  same "$W/$b/disk.raw" || fail "bench $b differs from qemu-img convert: $(cat "$W/$b.err")"
done
pass "four benches written and verified at once, equal to qemu-img convert -O raw ($(awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s)"
rm -f "$W"/b?/disk.raw

# --- 2. a link cut mid-run, then back: the same run resumes -----------------------------
# --stall-timeout 12: a connection silent for 4 s is dropped and opened again.
write_bg b1 "$URL" "$W/b1/cut.raw" --stall-timeout 12
started "$W/b1/cut.raw" || fail "bench 1 did not start writing"
in_ns sw ip link set pb1 down
sleep 5
in_ns sw ip link set pb1 up
wait "$WRITER" || fail "the run did not survive a 5 s link cut: $(cat "$W/b1.err")"
same "$W/b1/cut.raw" || fail "after the link cut the disk differs"
grep -q "retrying" "$W/b1.err" || fail "the cut was not seen (no retry): $(cat "$W/b1.err")"
pass "link down 5 s mid-run, then up: resumed and verified ($(grep -c retrying "$W/b1.err") retries)"

# --- 3. kill -9, then a second run resumes from the journal ---------------------------------
before=$(rx b2)
write_bg b2 "$URL" "$W/b2/killed.raw"
# Killed once the journal holds 24 ranges (about a third of the master).
for _ in $(seq 300); do
  [ "$(cat "$W"/b2/journal/*.journal 2>/dev/null | wc -l)" -gt 24 ] && break
  sleep 0.05
done
kill -9 "$WRITER"
wait "$WRITER" 2>/dev/null && fail "the killed run ended well?"
first=$(($(rx b2) - before))
before=$(rx b2)
write b2 "$URL" "$W/b2/killed.raw" || fail "the resumed run failed: $(cat "$W/b2.err")"
second=$(($(rx b2) - before))
same "$W/b2/killed.raw" || fail "the resumed disk differs"
resumed=$(grep -oE '"resumed_bytes": ?[0-9.e+]+' "$W/b2.out" | tail -1 | sed 's/.*: *//' | awk '{ printf "%d", $1 }')
[ "$resumed" -gt 0 ] || fail "nothing was resumed: $(cat "$W/b2.out")"
master=$(stat -c %s "$W/masters/ecole.qcow2")
# The second run fetched only what the journal did not hold (what the first had fetched
# ahead of its writer is fetched again, by necessity): well under a whole master.
[ "$second" -lt $((master * 9 / 10)) ] ||
  fail "received $first then $second bytes for a $master-byte master: fetched again"
pass "kill -9 then resume: $((resumed >> 20)) MiB from the journal, received $((first >> 10)) + $((second >> 10)) KiB for a $((master >> 10)) KiB master"

# --- 4. a corrupting proxy: caught by the manifest, nothing written past it -----------------
in_ns srv python3 "$HERE/badproxy.py" flip 10.19.0.1 9443 10.19.0.1 8443 "$W/cert.pem" "$W/key.pem" "$W/cert.pem" \
  >"$W/proxy.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do grep -q "proxy ready" "$W/proxy.log" && break; sleep 0.1; done
rc=0
write b3 "https://10.19.0.1:9443/api/v1/masters/ecole.qcow2" "$W/b3/flipped.raw" || rc=$?
[ $rc -eq 5 ] || fail "a flipped byte gave exit $rc, not 5: $(cat "$W/b3.err")"
grep -q flipped "$W/proxy.log" || fail "the proxy flipped nothing"
grep -qiE "manifest|damaged" "$W/b3.err" || fail "unclear message: $(cat "$W/b3.err")"
offset=$(grep -oE "offset [0-9]+" "$W/b3.err" | head -1 | cut -d' ' -f2)
[ -n "$offset" ] || fail "the message names no offset: $(cat "$W/b3.err")"
python3 - "$W/b3/flipped.raw" "$offset" <<'EOF' || fail "bytes were written past the damaged range"
import sys
path, offset = sys.argv[1], int(sys.argv[2])
start = offset - offset % (1 << 20)
with open(path, "rb") as f:
    f.seek(start)
    while chunk := f.read(1 << 20):
        if chunk.count(0) != len(chunk):
            sys.exit(1)
EOF
write b3 "$URL" "$W/b3/flipped.raw" || fail "resuming through the real server failed: $(cat "$W/b3.err")"
same "$W/b3/flipped.raw" || fail "after the corrupted run, the resumed disk differs"
pass "corrupting proxy caught at offset $offset (exit 5), nothing written past it, resumed through the server"

# --- 5. answers cut short: a clear error after the stall timeout ----------------------------
in_ns srv python3 "$HERE/badproxy.py" truncate 10.19.0.1 9444 10.19.0.1 8443 "$W/cert.pem" "$W/key.pem" \
  "$W/cert.pem" >"$W/proxy2.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 50); do grep -q "proxy ready" "$W/proxy2.log" && break; sleep 0.1; done
rc=0
write b4 "https://10.19.0.1:9444/api/v1/masters/ecole.qcow2" "$W/b4/cut.raw" --stall-timeout 3 || rc=$?
[ $rc -eq 6 ] || fail "truncated answers gave exit $rc, not 6: $(cat "$W/b4.err")"
grep -q "truncated" "$W/b4.err" || fail "unclear message: $(cat "$W/b4.err")"
pass "truncated answers: exit 6, «$(grep -m1 -o 'truncated[^;]*' "$W/b4.err")»"

# --- 6. a wrong token changes nothing ------------------------------------------------------
rc=0
in_ns b4 env HOME="$W/b4" ETABLI_DB="$W/b4/station.sqlite" ETABLI_JOURNAL_DIR="$W/b4/journal" \
  "$ETABLI" image write "$URL" "$W/b4/token.raw" --token etb_wrong --ca "$W/cert.pem" --pubkey "$W/ws.pub" \
  >"$W/b4.out" 2>"$W/b4.err" || rc=$?
[ $rc -eq 6 ] || fail "a wrong token gave exit $rc, not 6: $(cat "$W/b4.err")"
grep -q "token" "$W/b4.err" || fail "unclear message: $(cat "$W/b4.err")"
[ ! -e "$W/b4/token.raw" ] || fail "a wrong token created the target"
# No CA: the server's certificate is not trusted.
rc=0
in_ns b4 env HOME="$W/b4" ETABLI_DB="$W/b4/station.sqlite" \
  "$ETABLI" image write "$URL" "$W/b4/ca.raw" --token "$TOKEN" --pubkey "$W/ws.pub" >"$W/b4.out" 2>"$W/b4.err" || rc=$?
[ $rc -eq 4 ] || fail "an untrusted certificate gave exit $rc, not 4: $(cat "$W/b4.err")"
[ ! -e "$W/b4/ca.raw" ] || fail "an untrusted server created the target"
pass "wrong token (exit 6) and untrusted certificate (exit 4): nothing written"

# --- 7. multicast: one sender, four benches, 1 % loss on one; all end verified ------------
# 1 %, as issue 19 names the case. b4's holes are then about 0.2 MiB and the summaries round to
# 0.1 MiB, so «by unicast rather than by re-multicast» is judged as at least as much (0.1
# against 0.1 MiB happened at load 14).
for b in b1 b2; do
  in_ns $b tc qdisc change dev eth0 root tbf rate 200mbit burst 64kb latency 100ms
  in_ns sw tc qdisc change dev "p$b" root tbf rate 200mbit burst 64kb latency 100ms
done
in_ns b4 nft add table inet loss
in_ns b4 nft 'add chain inet loss in { type filter hook input priority 0; }'
in_ns b4 nft add rule inet loss in udp dport 5019 numgen random mod 100 \< 1 drop
# Started without a subshell: $! is the sender itself (ip netns exec execs it), to stop it.
ip netns exec "$(ns srv)" "$ETABLI" image serve-multicast "$W/masters/ecole.qcow2" --group 239.19.0.1:5019 \
  --rate-mbit 150 --min-receivers 4 >"$W/sender.log" 2>&1 &
SENDER=$!
PIDS+=("$SENDER")
MC="multicast://239.19.0.1:5019?master=$URL"
declare -A MCW
for b in b1 b2 b3 b4; do
  write_bg $b "$MC" "$W/$b/multicast.raw"
  MCW[$b]=$WRITER
done
for b in b1 b2 b3 b4; do
  wait "${MCW[$b]}" || fail "multicast bench $b failed: $(cat "$W/$b.err")"
  same "$W/$b/multicast.raw" || fail "multicast bench $b differs from qemu-img convert"
done
summary() { grep -o "multicast: .*" "$W/$1.err" | tail -1; }
group() { summary "$1" | awk '{ print $2 }'; }
repaired() { summary "$1" | awk '{ print $7 }'; }
whole() { summary "$1" | sed -E 's/.*\(([0-9.]+) MiB whole ranges.*/\1/'; }
for b in b1 b2 b3 b4; do
  awk -v g="$(group $b)" 'BEGIN { exit !(g > 1) }' || fail "bench $b took nothing from the group: $(summary $b)"
done
awk -v r="$(repaired b4)" 'BEGIN { exit !(r > 0) }' || fail "the lossy bench repaired nothing by unicast: $(summary b4)"
# Its loss is its own (the row's best bench loses nothing): its holes go by unicast, not by a
# re-multicast that every bench would receive; shared loss is NACKed (case 8b).
holes() { summary "$1" | sed -E 's/.* ([0-9.]+) MiB holes.*/\1/'; }
nacked() { summary "$1" | sed -E 's/.* ([0-9.]+) MiB re-multicast after ([0-9]+) NACKs.*/\1/'; }
nacks() { summary "$1" | sed -E 's/.* re-multicast after ([0-9]+) NACKs.*/\1/'; }
awk -v n="$(nacked b4)" -v h="$(holes b4)" 'BEGIN { exit !(h > 0 && h >= n) }' ||
  fail "the lossy bench's own loss was not repaired mostly by unicast: $(summary b4)"
grep -q "4 receivers reporting: the stream starts" "$W/sender.log" ||
  fail "--min-receivers 4: the sender did not wait for the four benches: $(cat "$W/sender.log")"
for b in b1 b2 b3 b4; do
  awk -v w="$(whole $b)" 'BEGIN { exit !(w == 0) }' ||
    fail "bench $b missed whole ranges although the stream waited for it: $(summary $b)"
done
pass "multicast to four benches, 1 % loss on b4: all verified; b1 «$(summary b1)», b4 «$(summary b4)»"
echo "MEASURE: b4 (1 % loss): $(nacks b4) NACKs, $(nacked b4) MiB re-multicast, $(holes b4) MiB of holes by unicast"
kill "$SENDER" && wait "$SENDER" 2>/dev/null || true
in_ns b4 nft delete table inet loss

# --- 8. a bench that joins midway: the start in the next cycle, (almost) nothing by unicast --
# A slow sender (a cycle lasts about 5 s) and a bench that joins 2 s into the first cycle.
# --cycles 1: the catch-up cycle exists only because the bench reports what it still needs.
ip netns exec "$(ns srv)" "$ETABLI" image serve-multicast "$W/masters/ecole.qcow2" --group 239.19.0.1:5020 \
  --rate-mbit 40 --cycles 1 >"$W/sender8.log" 2>&1 &
SENDER=$!
PIDS+=("$SENDER")
sleep 2
write b2 "multicast://239.19.0.1:5020?master=$URL" "$W/b2/late.raw" || fail "the late bench failed: $(cat "$W/b2.err")"
same "$W/b2/late.raw" || fail "the late bench differs from qemu-img convert"
catchup() { grep -o "multicast catch-up: [0-9.]*" "$W/$1.err" | tail -1 | awk '{ print $3 }'; }
awk -v g="$(group b2)" -v r="$(repaired b2)" -v c="$(catchup b2)" 'BEGIN { exit !(g > 1 && c > 1 && r < 0.5) }' ||
  fail "the late bench did not take the start from the next cycle with ~0 unicast: $(summary b2); $(grep "catch-up" "$W/b2.err")"
grep -q "catch-up cycle 2" "$W/sender8.log" || fail "the sender ran no catch-up cycle past --cycles 1: $(cat "$W/sender8.log")"
pass "a bench joining 2 s into the cycle: the start from the next cycle, verified; «$(summary b2)»; $(grep -o "catch-up: .*" "$W/b2.err")"
echo "MEASURE: midway join: $(repaired b2) MiB by unicast, $(catchup b2) MiB from the catch-up cycle"
wait "$SENDER" 2>/dev/null || true

# --- 8b. loss before the switch: all four miss the same datagrams, one re-send serves all ---
# The bridge's prerouting hook sees each datagram once, before it is flooded to the four ports
# (its forward hook sees each port's copy: the loss there was not shared; CI's run of it found
# 1 duplicate NACK of 196, the first run here with prerouting 128 of 234).
in_ns sw nft add table bridge loss
in_ns sw nft 'add chain bridge loss drops { type filter hook prerouting priority 0; }'
in_ns sw nft add rule bridge loss drops iifname psrv udp dport 5022 numgen random mod 100 \< 1 drop
# --min-receivers 4: all four take the same pass (a bench joining later would take the start
# from another cycle, with other holes, and its NACKs would not be duplicates).
ip netns exec "$(ns srv)" "$ETABLI" image serve-multicast "$W/masters/ecole.qcow2" --group 239.19.0.1:5022 \
  --rate-mbit 150 --min-receivers 4 >"$W/sender8b.log" 2>&1 &
SENDER=$!
PIDS+=("$SENDER")
for b in b1 b2 b3 b4; do
  write_bg $b "multicast://239.19.0.1:5022?master=$URL" "$W/$b/shared.raw"
  MCW[$b]=$WRITER
done
for b in b1 b2 b3 b4; do
  wait "${MCW[$b]}" || fail "bench $b failed with shared loss: $(cat "$W/$b.err")"
  same "$W/$b/shared.raw" || fail "bench $b differs from qemu-img convert (shared loss)"
  nacks_mib=$(awk -v t="${nacks_mib:-0}" -v n="$(nacked $b)" 'BEGIN { print t + n }')
  holes_mib=$(awk -v t="${holes_mib:-0}" -v h="$(holes $b)" 'BEGIN { print t + h }')
  echo "MEASURE: shared loss, bench $b: $(summary $b)"
done
sleep 2.5 # the sender's next status line
status=$(grep -o "[0-9]* NACKs, [0-9]* suppressed, [0-9.]* MiB re-sent" "$W/sender8b.log" | tail -1)
suppressed=$(echo "$status" | awk '{ print $3 }')
resent=$(echo "$status" | awk '{ print $5 }')
awk -v r="${resent:-0}" 'BEGIN { exit !(r > 0) }' || fail "the sender re-sent nothing for the row's NACKs: $(tail -3 "$W/sender8b.log")"
[ "${suppressed:-0}" -gt 0 ] || fail "no duplicate NACK was suppressed: $(tail -3 "$W/sender8b.log")"
# Shared loss is repaired by multicast NACK: one re-send serves the row. Judged: the sender
# re-sent what was NACKed and suppressed duplicate NACKs (above), and at least one bench of the
# row took bytes from the re-sends. How many of the four do depends on timing: a re-send for
# one bench fills the same holes of the others before they NACK them (counted as "from the
# group" there), and a bench that handles a re-send late repairs by unicast as designed. The
# figures are printed below as MEASURE lines.
served=0
for b in b1 b2 b3 b4; do
  awk -v n="$(nacked $b)" 'BEGIN { exit !(n >= 0.1) }' && served=$((served + 1))
done
[ "$served" -ge 1 ] ||
  fail "the row's shared loss was not repaired by re-sends: no bench took bytes from re-multicasts ($nacks_mib MiB in all, $holes_mib MiB by unicast; sender «$status»)"
echo "MEASURE: shared loss: $served of 4 benches repaired from re-sends; the row: $nacks_mib MiB from re-multicasts, $holes_mib MiB of holes by unicast; sender «$status»"
pass "1 % loss before the switch: all four verified, duplicate NACKs suppressed, $served of 4 repaired from the sender's re-sends («$status»)"
for b in b1 b2 b3 b4; do echo "MEASURE: shared loss, $b: $(nacks $b) NACKs, $(nacked $b) MiB re-multicast, $(holes $b) MiB of holes by unicast"; done
kill "$SENDER" && wait "$SENDER" 2>/dev/null || true
in_ns sw nft delete table bridge loss

# --- 9. one slow bench: the row is not slowed below the floor, it leaves for unicast ---------
# IGMP snooping on (with a querier), so that a bench that left no longer gets the stream.
in_ns sw ip link set br0 type bridge mcast_snooping 1 mcast_querier 1
for b in b1 b2 b3 b4; do in_ns sw ip link set "p$b" type bridge_slave fastleave on; done
in_ns b1 tc qdisc change dev eth0 root tbf rate 20mbit burst 64kb latency 100ms
in_ns sw tc qdisc change dev pb1 root tbf rate 20mbit burst 64kb latency 100ms
sleep 1
ip netns exec "$(ns srv)" "$ETABLI" image serve-multicast "$W/masters/ecole.qcow2" --group 239.19.0.1:5021 \
  --rate-mbit 150 --floor-mbit 60 >"$W/sender9.log" 2>&1 &
SENDER=$!
PIDS+=("$SENDER")
MC9="multicast://239.19.0.1:5021?master=$URL"
T9=$(date +%s.%N)
declare -A ENDED
# The slow bench first (its start-up over 20 Mbit/s takes a few seconds), the row once it
# has joined and pulled the sender down.
write_bg b1 "$MC9" "$W/b1/row.raw"
MCW[b1]=$WRITER
for _ in $(seq 100); do grep -qE "^rate 60 " "$W/sender9.log" && break; sleep 0.1; done
for b in b2 b3 b4; do
  write_bg $b "$MC9" "$W/$b/row.raw"
  MCW[$b]=$WRITER
done
for b in b2 b3 b4 b1; do
  wait "${MCW[$b]}" || fail "bench $b failed beside a slow bench: $(cat "$W/$b.err")"
  ENDED[$b]=$(awk -v a="$T9" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  same "$W/$b/row.raw" || fail "bench $b differs from qemu-img convert (slow-bench case)"
done
grep -q "left the group" "$W/b1.err" || fail "the slow bench did not leave the group: $(summary b1)"
grep -qE "left the group, too slow at 60 Mbit/s \(floor 60\)" "$W/sender9.log" ||
  fail "the sender did not follow the slow bench down to the floor before it left: $(cat "$W/sender9.log")"
master=$(stat -c %s "$W/masters/ecole.qcow2")
# At the floor (60 Mbit/s) the whole master takes this long; the others' writing time (what
# etabli reports, without its start-up) must not be longer, whereas the slow bench at 20 Mbit/s
# needs 3 times that.
limit=$(awk -v m="$master" 'BEGIN { printf "%.1f", m * 8 / 60e6 + 2 }')
writing() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.1f" % d[0]["seconds"])' "$W/$1.out"; }
# The row keeps the group: each of the three stays in it, and at least two take most of the
# master from it (on a loaded CI machine one starved bench may miss whole ranges and fetch
# them by unicast, which the writing-time limit below still bounds).
mostly=0
for b in b2 b3 b4; do
  grep -q "left the group" "$W/$b.err" && fail "bench $b left the group too: $(summary $b)"
  if awk -v g="$(group $b)" -v m="$master" 'BEGIN { exit !(g * 1048576 > m / 2) }'; then
    mostly=$((mostly + 1))
  else
    echo "MEASURE: bench $b took less than half of the master from the group: $(summary $b)"
  fi
  awk -v t="$(writing $b)" -v l="$limit" 'BEGIN { exit !(t <= l) }' ||
    fail "bench $b wrote for $(writing $b) s beside a slow bench, more than the floor rate allows ($limit s)"
done
[ "$mostly" -ge 2 ] || fail "only $mostly of the three other benches took most of the master from the group"
pass "a bench at 20 Mbit/s left the group and finished by unicast (${ENDED[b1]} s, writing $(writing b1) s); the others ended at ${ENDED[b2]}, ${ENDED[b3]}, ${ENDED[b4]} s, writing $(writing b2), $(writing b3), $(writing b4) s (the floor allows $limit s); all verified"
echo "MEASURE: slow bench: $(grep -o 'imaging: multicast: [0-9.]* % lost.*' "$W/b1.err" | head -1)"
echo "MEASURE: sender rates (every 2 s): $(grep -oE "^rate [0-9]+" "$W/sender9.log" | tr "\n" " "); last: $(grep -o "rate .*" "$W/sender9.log" | tail -1)"
kill "$SENDER" && wait "$SENDER" 2>/dev/null || true
in_ns b1 tc qdisc change dev eth0 root tbf rate 200mbit burst 64kb latency 100ms
in_ns sw tc qdisc change dev pb1 root tbf rate 200mbit burst 64kb latency 100ms

# --- 10. a cache: an older version on a second disk; only what differs travels ---------------
python3 - "$W/reference.raw" "$W/b3/older.raw" <<'EOF2'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
for mib in (0, 4, 8):  # three ranges of incompressible data changed in the newer master
    data[(mib << 20) + 100] ^= 0x5A
open(sys.argv[2], "wb").write(data)
EOF2
before=$(rx b3)
write b3 "$URL" "$W/b3/cached.raw" --cache "$W/b3/older.raw" || fail "the cached run failed: $(cat "$W/b3.err")"
received=$(($(rx b3) - before))
same "$W/b3/cached.raw" || fail "the cached run's disk differs from qemu-img convert"
grep -q "cache: " "$W/b3.err" || fail "the cache was not used: $(cat "$W/b3.err")"
[ "$received" -lt $((master / 4)) ] || fail "with a cache, $received bytes were received for a $master-byte master"
pass "an older copy as --cache: verified, $((received >> 10)) KiB received for a $((master >> 10)) KiB master; «$(grep -o 'cache: .*' "$W/b3.err" | tail -1)»"

echo "netmasters: all cases passed"
