#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 Établi contributors
"""Benchmark of etabli-server (not a CI pass/fail; see inventory/README.md).

1. N simulated stations push M events each, concurrently, in batches: events stored
   per second and p50/p99 latency of one push.
2. Side by side, the raw insert rate of the same backend: the same rows into the same
   events table by one client with plain SQL, in transactions of one push's size (--batch).
   Measured the same way every run: first RAW_WARMUP_BATCHES transactions not timed (warm
   cache, WAL, backend), then the rows in RAW_REPS consecutive slices, each timed; the
   reference (raw_rate) is the median of the slices' rates (all of them in raw_rates).
   SQLite: Python's sqlite3, WAL and synchronous=FULL as the server, one prepared
   single-row INSERT stepped per row (executemany). PostgreSQL: psql on the Unix socket,
   one multi-row INSERT ... VALUES per transaction (synchronous_commit on). One fsync /
   WAL flush per transaction, as a station pushing alone would cost.
3. Read endpoints (the dashboard's GET /api/v1/figures unless --query is given, any
   number of times) on a store of A assets and E events made directly in SQL (not
   through the API): median and p99 of --calls calls each (default 100).

  python3 tests/bench/server/bench_server.py --server build/dev/inventory/server/etabli-server \
      [--backend sqlite|postgresql|both] [--stations 50] [--events 2000] [--batch 50] \
      [--assets 1000000] [--dashboard-events 10000000] [--query /api/v1/figures --query /api/v1/…] \
      [--calls 100] [--skip-dashboard | --skip-push] [--workdir /var/tmp] \
      [--client processes|threads] [--server-args "--workers 64"]

With ETABLI_WRITER_PROFILE=1 in the environment the server prints where its writer's time
goes (ms and statements per group, by phase; proj_log / proj_fold split the projections,
and "pages spilled" counts SQLite's cache spills) and the result keeps the last such line as
writer_profile.

The push latency is measured in the client, on the server's behalf: bodies are encoded
before the clock and each station is its own process (see push_load for the method and
--client threads for the former one).
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import sqlite3
import statistics
import subprocess
import tempfile
import threading
import time
import uuid

PG_BIN = "/usr/lib/postgresql/15/bin/"


def check_char(body):
    def value(c):
        return ord(c) - 48 if c.isdigit() else ord(c) - 55
    p = 36
    for c in body:
        s = (p + value(c)) % 36 or 36
        p = (2 * s) % 37
    v = (37 - p) % 36
    return chr(48 + v) if v < 10 else chr(55 + v)


def make_tag(prefix, n):
    digits = "%06d" % n
    return "%s-%s-%s" % (prefix, digits, check_char(prefix + digits))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="etabli-bench-pg-")
        self.port = free_port()
        as_pg = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        self.as_pg = as_pg
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        subprocess.run(as_pg + [PG_BIN + "initdb", "-A", "trust", "-U", "etabli", "-D", self.dir + "/data"],
                       check=True, stdout=subprocess.DEVNULL)
        subprocess.run(as_pg + [PG_BIN + "pg_ctl", "-D", self.dir + "/data", "-l", self.dir + "/log", "-w", "-o",
                                "-k %s -p %d -c listen_addresses='' -c max_wal_size=4GB" % (self.dir, self.port),
                                "start"], check=True, stdout=subprocess.DEVNULL)

    def create(self, name):
        subprocess.run(self.as_pg + [PG_BIN + "createdb", "-h", self.dir, "-p", str(self.port), "-U", "etabli", name],
                       check=True)
        return "postgresql://etabli@localhost:%d/%s?host=%s" % (self.port, name, self.dir)

    def psql(self, name, sql_file=None, command=None):
        args = ["psql", "-q", "-h", self.dir, "-p", str(self.port), "-U", "etabli", "-d", name, "-v",
                "ON_ERROR_STOP=1"]
        args += ["-f", sql_file] if sql_file else ["-c", command]
        return subprocess.run(args, check=True, capture_output=True, text=True).stdout

    def cpu_seconds(self):
        """CPU time used so far by the postmaster's children (backends, WAL writer, checkpointer)."""
        with open(self.dir + "/data/postmaster.pid") as f:
            master = int(f.readline())
        total = 0.0
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as f:
                        fields = f.read().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(fields[1]) == master:
                    total += cpu_seconds(int(entry))
        return total

    def stop(self):
        subprocess.run(self.as_pg + [PG_BIN + "pg_ctl", "-D", self.dir + "/data", "-m", "immediate", "-w", "stop"],
                       stdout=subprocess.DEVNULL)
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    def __init__(self, binary, db, extra=()):
        self.port = free_port()
        self.proc = subprocess.Popen([binary, "--db", db, "--listen", "127.0.0.1:%d" % self.port] + list(extra),
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        seen = ""
        while "listening" not in seen:
            line = self.proc.stdout.readline()
            if not line:
                self.stop()
                raise RuntimeError("server did not start: " + seen)
            seen += line
        # The server's later output is drained (a full pipe would stall it); with
        # ETABLI_WRITER_PROFILE=1 its writer profile lines are kept (serverstore_writer.cpp).
        self.profile = []

        def drain():
            for line in self.proc.stdout:
                if line.startswith("writer profile"):
                    self.profile.append(line.strip())
        threading.Thread(target=drain, daemon=True).start()

    def cpu_seconds(self):
        return cpu_seconds(self.proc.pid)

    def stop(self):
        self.proc.kill()
        self.proc.wait()


def cpu_seconds(pid):
    """User + system CPU time a process has used so far (all its threads), from /proc."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def token(binary, db, role, name):
    out = subprocess.run([binary, "--db", db, "token", "create", "--role", role, "--name", name],
                         check=True, capture_output=True, text=True).stdout
    return out.strip().splitlines()[-1]


def station_events(station, count):
    """One asset added, then tests recorded on it: the everyday traffic of a bench."""
    tag = make_tag("B%02d" % station, 1)
    events = []
    for i in range(count):
        e = {"uuid": str(uuid.uuid4()), "station": "bench-%02d" % station, "worker": "w",
             "time": "2026-11-25T10:%02d:%02d.%03dZ" % (i // 3600 % 60, i // 60 % 60, i % 1000),
             "type": "test.recorded", "asset_tag": tag,
             "payload": {"kind": "ram", "verdict": "PASS", "measurements": {"mib": 8192, "errors": 0}}}
        if i == 0:
            e["type"] = "asset.added"
            e["payload"] = {"tag": tag, "kind": "pc", "make": "Dell", "model": "OptiPlex 7010"}
        events.append(e)
    return events


def push_load(port, tok, stations, per_station, batch, client="processes"):
    """The push load: `stations` clients, each on its own persistent connection, pushing
    its batches back to back (the next batch once the last is answered).

    What a latency is: from the first byte of the request written to the whole answer
    read, measured in the client. To measure the server and not the client:
    - every body is JSON-encoded before the clock starts (a station encodes while it works,
      not while it waits on the server);
    - `processes` (default): one process per station (forked, no GIL shared), started
      together on a barrier; a station's clock is its own, the wall time runs from the
      barrier to the last answer (CLOCK_MONOTONIC, one clock for every process);
    - `threads`: the former method, one Python thread per station, bodies encoded inside
      the loop (before each request's clock), all under one GIL: a thread whose answer has
      arrived may wait for the GIL, so its latency includes other threads' work.
    """
    all_events = [station_events(s, per_station) for s in range(stations)]
    if client == "threads":
        return push_load_threads(port, tok, all_events, batch)
    import multiprocessing
    ctx = multiprocessing.get_context("fork")
    headers = {"Authorization": "Bearer " + tok, "Content-Type": "application/json"}
    bodies = [[json.dumps({"events": ev[i:i + batch]}).encode() for i in range(0, len(ev), batch)]
              for ev in all_events]
    del all_events
    go = ctx.Event()
    ready = ctx.Barrier(stations + 1)

    def station(mine, out):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.connect()
            ready.wait()
            go.wait()
            lat = []
            for body in mine:
                t = time.perf_counter()
                conn.request("POST", "/api/v1/events", body, headers)
                r = conn.getresponse()
                data = r.read()
                lat.append(time.perf_counter() - t)
                if r.status != 200:
                    out.send(("error", (r.status, data[:200])))
                    return
            out.send(("ok", (lat, time.perf_counter())))
        except Exception as e:  # reported, not swallowed
            out.send(("error", repr(e)))
        finally:
            out.close()

    pipes, procs = [], []
    for mine in bodies:
        parent, child = ctx.Pipe(duplex=False)
        p = ctx.Process(target=station, args=(mine, child))
        p.start()
        child.close()
        pipes.append(parent)
        procs.append(p)
    ready.wait()
    t0 = time.perf_counter()
    go.set()
    latencies, errors, end = [], [], t0
    for parent in pipes:
        kind, value = parent.recv()
        if kind == "ok":
            latencies.extend(value[0])
            end = max(end, value[1])
        else:
            errors.append(value)
    for p in procs:
        p.join()
    if errors:
        raise RuntimeError("push failed: %r" % errors[:3])
    return summary(latencies, stations * per_station, end - t0, client)


def summary(latencies, n, wall, client):
    latencies.sort()
    return {"events": n, "seconds": wall, "rate": n / wall, "client": client,
            "p50_ms": 1000 * latencies[len(latencies) // 2],
            "p90_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.90))],
            "p99_ms": 1000 * latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
            "max_ms": 1000 * latencies[-1]}


def push_load_threads(port, tok, all_events, batch):
    latencies = []
    lock = threading.Lock()
    errors = []

    def run(events):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        mine = []
        for i in range(0, len(events), batch):
            body = json.dumps({"events": events[i:i + batch]})
            t = time.perf_counter()
            conn.request("POST", "/api/v1/events", body,
                         {"Authorization": "Bearer " + tok, "Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
            mine.append(time.perf_counter() - t)
            if r.status != 200:
                errors.append((r.status, data[:200]))
                return
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=run, args=(ev,)) for ev in all_events]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    if errors:
        raise RuntimeError("push failed: %r" % errors[:3])
    return summary(latencies, len(all_events) * len(all_events[0]), wall, "threads")


def raw_rows(stations, per_station, first_station=0):
    for s in range(first_station, first_station + stations):
        for e in station_events(s, per_station):
            yield (e["uuid"], e["station"], e["worker"], e["time"], 0, e["type"], e["asset_tag"],
                   json.dumps(e["payload"], separators=(",", ":")), "applied", "", e["time"], "bench")


INSERT = ("INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload, status, note,"
          " received_at, pushed_by) VALUES")

# push (issue 17): how the raw reference is measured, the same way on every run and backend.
RAW_REPS = 5          # timed repetitions; the reference is their median
RAW_WARMUP_BATCHES = 20  # transactions inserted first, not timed (page cache, WAL, backend warm)


def raw_slices(stations, per_station, batch):
    """The raw inserts' rows: a warm-up slice (RAW_WARMUP_BATCHES transactions of rows of
    stations no push uses), then the push load's own rows cut into RAW_REPS consecutive
    slices of whole transactions; each slice is one timed repetition."""
    rows = list(raw_rows(stations, per_station))
    warm = list(raw_rows(1, RAW_WARMUP_BATCHES * batch, first_station=stations))
    per = -(-len(rows) // batch // RAW_REPS) * batch
    return warm, [rows[i:i + per] for i in range(0, len(rows), per)]


def raw_result(rates):
    return {"raw_rate": statistics.median(rates), "raw_rates": [round(r) for r in rates]}


def raw_sqlite(path, stations, per_station, batch):
    """One client (Python's sqlite3), the server's pragmas (WAL, synchronous=FULL), one
    prepared single-row INSERT stepped for each row (executemany), `batch` rows a
    transaction, one fsync each: what a station's push is, without the server."""
    warm, reps = raw_slices(stations, per_station, batch)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")

    def insert(rows):
        t0 = time.perf_counter()
        for i in range(0, len(rows), batch):
            db.execute("BEGIN")
            db.executemany(INSERT + "(?,?,?,?,?,?,?,?,?,?,?,?)", rows[i:i + batch])
            db.execute("COMMIT")
        return len(rows) / (time.perf_counter() - t0)
    insert(warm)
    rates = [insert(rows) for rows in reps]
    db.close()
    return raw_result(rates)


def raw_postgres(pg, name, stations, per_station, batch, workdir):
    """One client (psql on the Unix socket, synchronous_commit on), `batch` rows a
    transaction as one multi-row INSERT ... VALUES (BEGIN, INSERT, COMMIT: three round
    trips and one WAL flush a batch), the SQL written to a file before the clock; each
    repetition is one psql run over its file."""
    def lit(v):
        return str(v) if isinstance(v, int) else "'" + str(v).replace("'", "''") + "'"
    warm, reps = raw_slices(stations, per_station, batch)

    def sql_file(rows, n):
        path = os.path.join(workdir, "raw-%d.sql" % n)
        with open(path, "w") as f:
            for i in range(0, len(rows), batch):
                f.write("BEGIN;\n" + INSERT + "\n")
                f.write(",\n".join("(" + ",".join(lit(v) for v in r) + ")" for r in rows[i:i + batch]))
                f.write(";\nCOMMIT;\n")
        return path
    pg.psql(name, sql_file=sql_file(warm, 0))
    rates = []
    for n, rows in enumerate(reps, 1):
        path = sql_file(rows, n)
        t0 = time.perf_counter()
        pg.psql(name, sql_file=path)
        rates.append(len(rows) / (time.perf_counter() - t0))
    return raw_result(rates)


# The generated log (engineer "proj"): asset a's ten events, k = 0…9, an hour apart, on day a % 365
# of 2026: added (lots LOT-1…1000 of 40 donors, a third weighed), TESTING, a SMART test (1 in 3,000
# FAIL), an HS part (1 in 10; else a RAM test), an erasure (1 in 2,000 not verified), its check
# (missing 1 in 5,000), IMAGED, READY, its label (missing 1 in 30), HANDED_OVER (3 in 4). So
# the bilan, the figures and the attention list have their real work to do (a few thousand rows).
EVENT_TYPE = ("CASE k WHEN 0 THEN 'asset.added' WHEN 1 THEN 'asset.moved' WHEN 2 THEN 'test.recorded'"
              " WHEN 3 THEN CASE WHEN a % 10 = 0 THEN 'hs.recorded' ELSE 'test.recorded' END"
              " WHEN 4 THEN 'erasure.recorded'"
              " WHEN 5 THEN CASE WHEN a % 5000 = 0 THEN 'test.recorded' ELSE 'erasure.checked' END"
              " WHEN 6 THEN 'asset.moved' WHEN 7 THEN 'asset.moved'"
              " WHEN 8 THEN CASE WHEN a % 30 = 0 THEN 'test.recorded' ELSE 'label.printed' END"
              " ELSE CASE WHEN a % 4 = 0 THEN 'test.recorded' ELSE 'asset.moved' END END")


def event_payload(obj, true, false, pct):
    """The payload of EVENT_TYPE's events, with this dialect's JSON object function."""
    ram = obj + "('kind', 'ram', 'verdict', 'PASS')"
    return ("CASE k WHEN 0 THEN " + obj + "('kind', 'pc', 'lot', 'LOT-' || (1 + a {p} 1000), 'model', 'OptiPlex '"
            " || (a {p} 7), 'serial', 'SN' || a, 'weight_kg', CASE WHEN a {p} 3 = 0 THEN 7.0 ELSE 0 END)"
            " WHEN 1 THEN " + obj + "('to', 'TESTING')"
            " WHEN 2 THEN " + obj + "('kind', 'smart', 'verdict', CASE WHEN a {p} 3000 = 0 THEN 'FAIL' ELSE 'PASS' END)"
            " WHEN 3 THEN CASE WHEN a {p} 10 = 0 THEN " + obj + "('part', CASE a {p} 40 WHEN 0 THEN 'screen'"
            " WHEN 10 THEN 'keyboard' WHEN 20 THEN 'mouse' ELSE 'disk' END, 'reason', 'broken') ELSE " + ram + " END"
            " WHEN 4 THEN " + obj + "('certificate_id', 'C' || a, 'verified', CASE WHEN a {p} 2000 = 0 THEN "
            + false + " ELSE " + true + " END)"
            " WHEN 5 THEN CASE WHEN a {p} 5000 = 0 THEN " + ram + " ELSE " + obj + "('certificate_id', 'C' || a) END"
            " WHEN 6 THEN " + obj + "('to', 'IMAGED') WHEN 7 THEN " + obj + "('to', 'READY')"
            " WHEN 8 THEN CASE WHEN a {p} 30 = 0 THEN " + ram + " ELSE " + obj + "('template', 'asset') END"
            " ELSE CASE WHEN a {p} 4 = 0 THEN " + ram + " ELSE " + obj + "('to', 'HANDED_OVER') END END").format(p=pct)


EVENT_PAYLOAD_SQLITE = event_payload("json_object", "json('true')", "json('false')", "%")
EVENT_PAYLOAD_PG = "(" + event_payload("json_build_object", "true", "false", "%") + ")::text"


def fill_dashboard(backend, pg, name, path, assets, events):
    """A big store made directly in SQL (same tables the server made)."""
    states = "ARRAY['RECEIVED','TESTING','IN_REPAIR','IMAGED','READY','RESERVED','HANDED_OVER','PARTS']"
    if backend == "postgresql":
        pg.psql(name, command="INSERT INTO lots SELECT 'LOT-' || g, 'Donor ' || (g % 40), 1000, '2026-01-01'"
                              " FROM generate_series(1, 1000) g")
        pg.psql(name, command="INSERT INTO assets SELECT 'T-' || g, 'pc', (%s)[1 + g %% 8], 'LOT-' || (1 + g %% 1000),"
                              " 'Dell', 'OptiPlex', 'SN' || g, '', 1, '2026.1', '2026-01-01', '2026-01-01'"
                              " FROM generate_series(1, %d) g" % (states, assets))
        pg.psql(name, command="INSERT INTO hs_parts(asset_tag, part, reason, recorded_at) SELECT 'T-' || g,"
                              " (ARRAY['screen','keyboard','mouse','disk'])[1 + g %% 4], 'other', '2026-01-01'"
                              " FROM generate_series(1, %d, 10) g" % assets)
        # Indexes of the log built once after the rows (same end state, minutes less at 10 M);
        # event times spread over 2026, one day per asset modulo 365.
        pg.psql(name, command="ALTER TABLE events DROP CONSTRAINT events_uuid_key; DROP INDEX events_asset")
        pg.psql(name, command="INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload,"
                              " status, note, received_at, pushed_by) SELECT 'L' || lpad(to_hex(g), 31, '0'), 'bench',"
                              " 'w', '2025-12-31T00:00:00.000Z', 1767139200000, 'lot.added', NULL,"
                              " json_build_object('reference', 'LOT-' || g, 'donor', 'Donor ' || (g % 40))::text,"
                              " 'applied', '', '2025-12-31T00:00:00.000Z', 'bench' FROM generate_series(1, 1000) g")
        pg.psql(name, command="INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload,"
                              " status, note, received_at, pushed_by) SELECT lpad(to_hex(g), 32, '0'), 'bench', 'w',"
                              " to_char(d, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),"
                              " (extract(epoch FROM d) * 1000)::bigint, " + EVENT_TYPE + ", 'T-' || a, "
                              + EVENT_PAYLOAD_PG + ","
                              " CASE WHEN g %% 500000 = 0 THEN 'overridden' ELSE 'applied' END, '',"
                              " to_char(d, 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'), 'bench'"
                              " FROM generate_series(0, %d) g, LATERAL (SELECT g / 10 + 1 AS a, g %% 10 AS k) x,"
                              " LATERAL (SELECT timestamp '2026-01-01' + (a %% 365) * interval '1 day'"
                              " + (a %% 36000) * interval '1 second' + k * interval '1 hour' AS d) t" % (events - 1))
        pg.psql(name, command="SET maintenance_work_mem = '512MB'; ALTER TABLE events ADD CONSTRAINT events_uuid_key"
                              " UNIQUE (uuid); CREATE INDEX events_asset ON events(asset_tag)")
        pg.psql(name, command="INSERT INTO event_counts SELECT type, status, count(*) FROM events GROUP BY 1, 2")
        pg.psql(name, command="ANALYZE")
        return
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")  # preparing the store, not measured
    db.execute("PRAGMA cache_size=-1000000")
    db.execute("BEGIN")
    db.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)"
               " INSERT INTO lots SELECT 'LOT-' || n, 'Donor ' || (n % 40), 1000, '2026-01-01' FROM g")
    db.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)"
               " INSERT INTO assets SELECT 'T-' || n, 'pc', CASE n % 8 WHEN 0 THEN 'RECEIVED' WHEN 1 THEN 'TESTING'"
               " WHEN 2 THEN 'IN_REPAIR' WHEN 3 THEN 'IMAGED' WHEN 4 THEN 'READY' WHEN 5 THEN 'RESERVED'"
               " WHEN 6 THEN 'HANDED_OVER' ELSE 'PARTS' END, 'LOT-' || (1 + n % 1000), 'Dell', 'OptiPlex',"
               " 'SN' || n, '', 1, '2026.1', '2026-01-01', '2026-01-01' FROM g", (assets,))
    db.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 10 FROM g WHERE n < ?)"
               " INSERT INTO hs_parts(asset_tag, part, reason, recorded_at) SELECT 'T-' || n,"
               " CASE n % 4 WHEN 0 THEN 'screen' WHEN 1 THEN 'keyboard' WHEN 2 THEN 'mouse' ELSE 'disk' END,"
               " 'other', '2026-01-01' FROM g", (assets,))
    db.execute("DROP INDEX events_asset")
    db.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)"
               " INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload, status, note,"
               " received_at, pushed_by) SELECT printf('L%031x', n), 'bench', 'w', '2025-12-31T00:00:00.000Z',"
               " 1767139200000, 'lot.added', NULL, json_object('reference', 'LOT-' || n, 'donor', 'Donor ' || (n % 40)),"
               " 'applied', '', '2025-12-31T00:00:00.000Z', 'bench' FROM g")
    db.execute("WITH RECURSIVE g(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM g WHERE n < ?),"
               " x(g, a, k) AS (SELECT n, n / 10 + 1, n % 10 FROM g),"
               " t(g, a, k, d) AS (SELECT g, a, k, strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (a % 365) ||"
               " ' days', '+' || (a % 36000 + 3600 * k) || ' seconds') FROM x)"
               " INSERT INTO events(uuid, station, worker, time, time_ms, type, asset_tag, payload, status, note,"
               " received_at, pushed_by) SELECT printf('%032x', g), 'bench', 'w', d,"
               " CAST(strftime('%s', d) AS INTEGER) * 1000, " + EVENT_TYPE + ", 'T-' || a, " + EVENT_PAYLOAD_SQLITE + ","
               " CASE WHEN g % 500000 = 0 THEN 'overridden' ELSE 'applied' END, '', d, 'bench' FROM t",
               (events - 1,))
    db.execute("CREATE INDEX events_asset ON events(asset_tag)")
    db.execute("INSERT INTO event_counts SELECT type, status, count(*) FROM events GROUP BY 1, 2")
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def time_query(port, tok, path, runs=100):
    """Median and p99 of `runs` GET calls of `path`, each on a new connection (one warm-up call first)."""
    times = []
    for i in range(runs + 1):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        t = time.perf_counter()
        conn.request("GET", path, headers={"Authorization": "Bearer " + tok})
        r = conn.getresponse()
        body = r.read()
        if i:
            times.append(time.perf_counter() - t)
        conn.close()
        if r.status != 200:
            raise RuntimeError("GET %s: %d %s" % (path, r.status, body[:300]))
    times.sort()
    return {"median_ms": 1000 * statistics.median(times),
            "p99_ms": 1000 * times[min(len(times) - 1, int(len(times) * 0.99))], "calls": runs,
            "bytes": len(body)}, body


def bench(backend, args, workdir):
    pg = PgCluster() if backend == "postgresql" else None
    try:
        def database(name):
            return pg.create(name) if pg else "sqlite:" + os.path.join(workdir, name + ".sqlite")
        out = {"backend": backend}
        if not args.skip_push:
            # 1. push load through the server
            db = database("load")
            tok = token(args.server, db, "station", "bench")
            server = Server(args.server, db, args.server_args.split())
            try:
                cpu0 = (server.cpu_seconds(), pg.cpu_seconds() if pg else 0.0)
                out.update(push_load(server.port, tok, args.stations, args.events, args.batch, args.client))
                # CPU per 1,000 events: what a push costs whatever the machine's load.
                out["server_cpu_ms_per_1k"] = 1e6 * (server.cpu_seconds() - cpu0[0]) / out["events"]
                if pg:
                    out["postgres_cpu_ms_per_1k"] = 1e6 * (pg.cpu_seconds() - cpu0[1]) / out["events"]
            finally:
                server.stop()
            if server.profile:
                out["writer_profile"] = server.profile[-1]
            out["load_after_push"] = os.getloadavg()[0]
            # 2. raw inserts, same rows, same table, one client
            raw_db = database("raw")
            subprocess.run([args.server, "--db", raw_db, "token", "list"], check=True, stdout=subprocess.DEVNULL)
            if pg:
                raw = raw_postgres(pg, "raw", args.stations, args.events, args.batch, workdir)
            else:
                raw = raw_sqlite(raw_db[len("sqlite:"):], args.stations, args.events, args.batch)
            out.update(raw)
            out.update({"ratio": out["rate"] / raw["raw_rate"], "load_after_raw": os.getloadavg()[0]})
        # 3. read endpoints on a big store
        if args.skip_dashboard:
            return out
        kept = args.keep_store if backend == "sqlite" else None
        big = "sqlite:" + os.path.abspath(kept) if kept else database("big")
        if kept and os.path.exists(kept):
            out["store_reused"] = kept  # made by an earlier run with --keep-store: same sizes asked
        else:
            token(args.server, big, "supervisor", "boss")  # makes the tables the fill writes
            t0 = time.perf_counter()
            fill_dashboard(backend, pg, "big", big[len("sqlite:"):] if not pg else None, args.assets,
                           args.dashboard_events)
            out["fill_s"] = time.perf_counter() - t0
            # The supervisor's projections of the log made above (serverstore_projections.cpp).
            t0 = time.perf_counter()
            subprocess.run([args.server, "--db", big, "rebuild"], check=True, stdout=subprocess.DEVNULL)
            out["rebuild_s"] = time.perf_counter() - t0
        big_tok = token(args.server, big, "supervisor", "boss-%d" % os.getpid())
        server = Server(args.server, big)
        try:
            out["queries"] = {}
            for path in args.query or ["/api/v1/figures"]:
                cpu0 = (server.cpu_seconds(), pg.cpu_seconds() if pg else 0.0)
                timed, body = time_query(server.port, big_tok, path, args.calls)
                # CPU per call (server, and PostgreSQL's backends): what a read costs whatever the load.
                timed["server_cpu_ms"] = 1000 * (server.cpu_seconds() - cpu0[0]) / (args.calls + 1)
                if pg:
                    timed["postgres_cpu_ms"] = 1000 * (pg.cpu_seconds() - cpu0[1]) / (args.calls + 1)
                out["queries"][path] = timed
                if path == "/api/v1/figures":
                    out["dashboard_events"] = json.loads(body).get("events")
            out["load_after_queries"] = os.getloadavg()[0]
        finally:
            server.stop()
        return out
    finally:
        if pg:
            pg.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--server", required=True)
    ap.add_argument("--backend", default="both", choices=["sqlite", "postgresql", "both"])
    ap.add_argument("--stations", type=int, default=50)
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=50)
    ap.add_argument("--assets", type=int, default=1000000)
    ap.add_argument("--dashboard-events", type=int, default=10000000)
    ap.add_argument("--client", default="processes", choices=["processes", "threads"],
                    help="push load: one process per station, bodies encoded before the clock (default), or the"
                         " former one thread per station under one GIL (see push_load)")
    ap.add_argument("--server-args", default="", help="extra etabli-server options for the push load (e.g. --workers 64)")
    ap.add_argument("--skip-dashboard", action="store_true", help="only the push load and the raw inserts")
    ap.add_argument("--skip-push", action="store_true", help="only the read endpoints on the big store")
    ap.add_argument("--query", action="append", metavar="PATH",
                    help="a GET endpoint to time on the big store (with a supervisor token), any number of times;"
                         " default /api/v1/figures")
    ap.add_argument("--calls", type=int, default=100, help="calls per query (median and p99 of them)")
    ap.add_argument("--keep-store", metavar="FILE",
                    help="SQLite only: the big store of the read queries, made at FILE when missing and kept;"
                         " reused as it is when present (no fill nor rebuild: the same --assets and"
                         " --dashboard-events as when it was made)")
    ap.add_argument("--workdir", default="/var/tmp", help="where the SQLite stores and the SQL files go")
    args = ap.parse_args()
    if args.skip_push and args.skip_dashboard:
        ap.error("--skip-push and --skip-dashboard leave nothing to measure")
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    print("start %s UTC, load average %.2f %.2f %.2f" % ((time.strftime("%Y-%m-%d %H:%M", time.gmtime()),)
                                                         + os.getloadavg()), flush=True)
    with tempfile.TemporaryDirectory(prefix="etabli-bench-", dir=args.workdir) as workdir:
        os.chmod(workdir, 0o755)
        results = []
        for b in backends:
            results.append(bench(b, args, workdir))
            print("%s: %s" % (b, json.dumps(results[-1])), flush=True)  # in case a later backend fails
    if not args.skip_push:
        print("| backend | stations x events | client | stored/s | p50 push | p99 push | raw insert/s | ratio | load |")
        print("|---|---|---|---|---|---|---|---|---|")
        for r in results:
            print("| %s | %d x %d (batch %d) | %s | %.0f | %.1f ms | %.1f ms | %.0f | %.2f | %.1f |" % (
                r["backend"], args.stations, args.events, args.batch, r["client"], r["rate"], r["p50_ms"],
                r["p99_ms"], r["raw_rate"], r["ratio"], r["load_after_push"]))
    if not args.skip_dashboard:
        print("| backend | GET on %d assets / %d events | median | p99 (of %d calls) | CPU a call | load |"
              % (args.assets, args.dashboard_events, args.calls))
        print("|---|---|---|---|---|---|")
        for r in results:
            for path, q in r["queries"].items():
                print("| %s | %s | %.1f ms | %.1f ms | %.1f ms | %.1f |" % (
                    r["backend"], path, q["median_ms"], q["p99_ms"], q["server_cpu_ms"] + q.get("postgres_cpu_ms", 0),
                    r["load_after_queries"]))
    print("end %s UTC, load average %.2f %.2f %.2f" % ((time.strftime("%Y-%m-%d %H:%M", time.gmtime()),)
                                                       + os.getloadavg()))


if __name__ == "__main__":
    main()
