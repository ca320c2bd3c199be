// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/schema.h"

namespace Etabli::Inventory::Schema {

namespace {

// Version 1: the first released store (tests/fixtures/inventory/store-v1.sqlite).
const char *const kV1[] = {
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE donors (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, contact TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE lots (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,"
    " donor_id INTEGER REFERENCES donors(id), expected_count INTEGER NOT NULL DEFAULT 0,"
    " received_at TEXT NOT NULL, notes TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE assets (id INTEGER PRIMARY KEY, tag TEXT NOT NULL UNIQUE, kind TEXT NOT NULL,"
    " make TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '', serial TEXT NOT NULL DEFAULT '',"
    " specs TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL, lot_id INTEGER REFERENCES lots(id),"
    " created_at TEXT NOT NULL, updated_at TEXT NOT NULL)",
    "CREATE INDEX assets_state ON assets(state)",
    "CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, uuid TEXT NOT NULL UNIQUE,"
    " station TEXT NOT NULL, worker TEXT NOT NULL, time TEXT NOT NULL, type TEXT NOT NULL,"
    " asset_tag TEXT, payload TEXT NOT NULL)",
};

// Version 2: the whole domain model, lifecycle bookkeeping, sync flags and an
// append-only event log enforced by triggers.
const char *const kV2[] = {
    "ALTER TABLE assets ADD COLUMN reserved_for TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE assets ADD COLUMN cycle INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE assets ADD COLUMN revision INTEGER NOT NULL DEFAULT 0",
    "UPDATE assets SET revision = (SELECT count(*) FROM events e WHERE e.asset_tag = assets.tag)",
    "ALTER TABLE events ADD COLUMN time_ms INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN status TEXT NOT NULL DEFAULT 'applied'",
    "ALTER TABLE events ADD COLUMN note TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0",
    "UPDATE events SET time_ms = CAST((julianday(time) - 2440587.5) * 86400000 AS INTEGER)",
    "CREATE INDEX events_asset ON events(asset_tag, time_ms)",
    "CREATE INDEX events_unpushed ON events(pushed) WHERE pushed = 0",
    "CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
    " BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END",
    "CREATE TRIGGER events_no_update BEFORE UPDATE OF uuid, station, worker, time, type, asset_tag, payload"
    " ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END",
    "CREATE TABLE components (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " kind TEXT NOT NULL, make TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '',"
    " serial TEXT NOT NULL DEFAULT '', size_bytes INTEGER NOT NULL DEFAULT 0, details TEXT NOT NULL DEFAULT '{}')",
    "CREATE INDEX components_asset ON components(asset_id)",
    "CREATE TABLE test_results (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " event_uuid TEXT NOT NULL, cycle INTEGER NOT NULL, kind TEXT NOT NULL, verdict TEXT NOT NULL,"
    " rule TEXT NOT NULL DEFAULT '', measurements TEXT NOT NULL DEFAULT '{}', station TEXT NOT NULL,"
    " worker TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL)",
    "CREATE INDEX test_results_asset ON test_results(asset_id, cycle, kind)",
    "CREATE TABLE hs_records (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " event_uuid TEXT NOT NULL, cycle INTEGER NOT NULL, part TEXT NOT NULL, reason TEXT NOT NULL,"
    " disposal TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', recorded_at TEXT NOT NULL)",
    "CREATE TABLE erasures (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " event_uuid TEXT NOT NULL, cycle INTEGER NOT NULL, method TEXT NOT NULL, device_model TEXT NOT NULL DEFAULT '',"
    " device_serial TEXT NOT NULL DEFAULT '', bytes INTEGER NOT NULL DEFAULT 0, verified INTEGER NOT NULL,"
    " started_at TEXT NOT NULL, ended_at TEXT NOT NULL, certificate TEXT NOT NULL DEFAULT '{}')",
    "CREATE TABLE imaging_runs (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " event_uuid TEXT NOT NULL, cycle INTEGER NOT NULL, master_name TEXT NOT NULL, master_version TEXT NOT NULL,"
    " target_model TEXT NOT NULL DEFAULT '', target_serial TEXT NOT NULL DEFAULT '', bytes INTEGER NOT NULL DEFAULT 0,"
    " seconds REAL NOT NULL DEFAULT 0, mib_s REAL NOT NULL DEFAULT 0, fill TEXT NOT NULL DEFAULT '',"
    " verified INTEGER NOT NULL, recorded_at TEXT NOT NULL)",
    "CREATE TABLE label_prints (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " event_uuid TEXT NOT NULL, template TEXT NOT NULL, printer TEXT NOT NULL, printed_at TEXT NOT NULL)",
    "CREATE TABLE beneficiaries (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,"
    " school_id TEXT NOT NULL DEFAULT '', school TEXT NOT NULL DEFAULT '', class TEXT NOT NULL DEFAULT '',"
    " family_name TEXT NOT NULL DEFAULT '', contact TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE kits (id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE,"
    " pc_asset_id INTEGER NOT NULL REFERENCES assets(id), created_at TEXT NOT NULL)",
    "CREATE TABLE kit_items (kit_id INTEGER NOT NULL REFERENCES kits(id),"
    " asset_id INTEGER NOT NULL REFERENCES assets(id), PRIMARY KEY (kit_id, asset_id))",
    "CREATE TABLE handovers (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " beneficiary TEXT NOT NULL, event_uuid TEXT NOT NULL, handed_over_at TEXT NOT NULL,"
    " warranty_until TEXT NOT NULL, station TEXT NOT NULL, worker TEXT NOT NULL)",
    "CREATE TABLE returns (id INTEGER PRIMARY KEY, asset_id INTEGER NOT NULL REFERENCES assets(id),"
    " beneficiary TEXT NOT NULL, event_uuid TEXT NOT NULL, returned_at TEXT NOT NULL,"
    " reason TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE stations (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, location TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE workers (id INTEGER PRIMARY KEY, badge TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,"
    " role TEXT NOT NULL, accessibility TEXT NOT NULL DEFAULT '{}')",
};

// Version 3: the central server's order of each event (sync), 0/NULL until pulled back.
const char *const kV3[] = {
    "ALTER TABLE events ADD COLUMN server_seq INTEGER",
    "CREATE INDEX events_server_seq ON events(server_seq)",
};

// Version 4: what an imaging run wrote to (`block` a disk, `file` a regular file): a file is
// never a disk's erasure (issue 18 point 1). Runs recorded before it have ''.
const char *const kV4[] = {
    "ALTER TABLE imaging_runs ADD COLUMN target_kind TEXT NOT NULL DEFAULT ''",
};

// Version 5: the second-person check of an erasure (issue 15). Each erasure keeps its
// certificate id, who did it and whether a different worker checked it; erasures recorded
// before are filled from their events (to_be_checked unless the payload said otherwise).
const char *const kV5[] = {
    "ALTER TABLE erasures ADD COLUMN certificate_id TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE erasures ADD COLUMN worker TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE erasures ADD COLUMN check_status TEXT NOT NULL DEFAULT 'to_be_checked'",
    "ALTER TABLE erasures ADD COLUMN checked_by TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE erasures ADD COLUMN checked_at TEXT NOT NULL DEFAULT ''",
    "UPDATE erasures SET"
    " certificate_id = coalesce((SELECT json_extract(e.payload, '$.certificate_id') FROM events e"
    " WHERE e.uuid = erasures.event_uuid), json_extract(certificate, '$.id'), ''),"
    " worker = coalesce((SELECT e.worker FROM events e WHERE e.uuid = erasures.event_uuid), '')",
    "CREATE INDEX erasures_certificate ON erasures(certificate_id)",
    "CREATE INDEX erasures_unchecked ON erasures(check_status) WHERE check_status = 'to_be_checked'",
};

// Version 6 (flow, issue 12): the bench's login cards. A worker has a photo (the tile a
// worker touches to log in) and may have left (`active` 0: no tile, no badge login). The
// preferences (text_scale, voice, guidance, high_contrast) stay in `accessibility`.
QStringList workerCardMigration()
{
    return {QStringLiteral("ALTER TABLE workers ADD COLUMN photo TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE workers ADD COLUMN active INTEGER NOT NULL DEFAULT 1")};
}

// desk (issue 14): the distribution desk's records. Version 7. Only a desk's store (and the server) ever holds rows in
// them: family-data events never reach a bench. The pupil's and parent's names and the beneficiary's kind; vouchers,
// the signed handover records, grants, parents' training, returns under warranty, and the personal-data audit (views
// and changes, who and when).
const char *const kDeskRecords[] = {
    "ALTER TABLE beneficiaries ADD COLUMN pupil_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE beneficiaries ADD COLUMN parent_name TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE beneficiaries ADD COLUMN kind TEXT NOT NULL DEFAULT 'family'",
    "ALTER TABLE beneficiaries ADD COLUMN agreement_until TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE beneficiaries ADD COLUMN erased_at TEXT NOT NULL DEFAULT ''",
    "CREATE TABLE desk_vouchers (voucher TEXT PRIMARY KEY, beneficiary TEXT NOT NULL,"
    " appointment TEXT NOT NULL DEFAULT '', place TEXT NOT NULL DEFAULT '', issued_at TEXT NOT NULL,"
    " event_uuid TEXT NOT NULL)",
    "CREATE INDEX desk_vouchers_beneficiary ON desk_vouchers(beneficiary)",
    "CREATE TABLE desk_handovers (event_uuid TEXT PRIMARY KEY, beneficiary TEXT NOT NULL,"
    " voucher TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]', signature_sha256 TEXT NOT NULL DEFAULT '',"
    " signature TEXT NOT NULL DEFAULT '{}', witness TEXT NOT NULL DEFAULT '', confirmed TEXT NOT NULL DEFAULT '[]',"
    " warranty_end TEXT NOT NULL DEFAULT '', grant_deadline TEXT NOT NULL DEFAULT '', recorded_at TEXT NOT NULL,"
    " worker TEXT NOT NULL DEFAULT '')",
    "CREATE INDEX desk_handovers_beneficiary ON desk_handovers(beneficiary)",
    "CREATE TABLE desk_grants (beneficiary TEXT PRIMARY KEY, requested_at TEXT NOT NULL DEFAULT '',"
    " proof_received INTEGER NOT NULL DEFAULT 0, paid_at TEXT NOT NULL DEFAULT '',"
    " amount_eur REAL NOT NULL DEFAULT 0)",
    "CREATE TABLE desk_training (beneficiary TEXT PRIMARY KEY, site TEXT NOT NULL DEFAULT '',"
    " enrolled_at TEXT NOT NULL)",
    "CREATE TABLE desk_training_sessions (beneficiary TEXT NOT NULL, session INTEGER NOT NULL,"
    " date TEXT NOT NULL DEFAULT '', site TEXT NOT NULL DEFAULT '', PRIMARY KEY (beneficiary, session))",
    "CREATE TABLE desk_returns (event_uuid TEXT PRIMARY KEY, tag TEXT NOT NULL, reason TEXT NOT NULL,"
    " beneficiary TEXT NOT NULL DEFAULT '', swap_tag TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',"
    " returned_at TEXT NOT NULL)",
    "CREATE TABLE desk_audit (id INTEGER PRIMARY KEY, time TEXT NOT NULL, worker TEXT NOT NULL,"
    " station TEXT NOT NULL, action TEXT NOT NULL, beneficiary TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '')",
};

template<std::size_t N>
QStringList toList(const char *const (&statements)[N])
{
    QStringList out;
    for (const char *s : statements)
        out << QString::fromUtf8(s);
    return out;
}

} // namespace

int latestVersion()
{
    return 7;
}

QStringList migration(int version)
{
    switch (version) {
    case 1:
        return toList(kV1);
    case 2:
        return toList(kV2);
    case 3:
        return toList(kV3);
    case 4:
        return toList(kV4);
    case 5:
        return toList(kV5);
    case 6:
        return workerCardMigration();
    case 7: // desk (issue 14)
        return toList(kDeskRecords);
    }
    return {};
}

} // namespace Etabli::Inventory::Schema
