// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/domain.h"
#include "inventory/event.h"
#include "inventory/eventtypes.h"
#include "inventory/lifecycle.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

/// The one set of event rules, for stations (`Store`) and the server (`ServerStore`)
/// alike: what each event type must carry (`validate`) and what it changes (`apply`).
/// Pure data and functions, no I/O: any thread. A store gathers `Before` from its own
/// tables, calls `apply`, and writes `After` (and the rows only it keeps: test results,
/// HS records…); so a station and the server can never disagree on what is valid.
namespace Etabli::Inventory::EventRules {

enum class JsonType { String, Integer, Number, Boolean, Object, Array };

/// One payload key. Strings are trimmed and capped at `maxLength` characters; integers
/// are whole JSON numbers from 0 to `maxInteger`; numbers finite and not negative.
struct FieldRule {
    QLatin1String key;
    JsonType type = JsonType::String;
    bool required = false;
    int maxLength = 512;
    qint64 maxInteger = 0;
};

/// One event type: its name, whether it is about one asset (then `asset_tag` is a valid
/// tag, else empty), whether it carries family data (never sent to a bench), which server
/// token roles may push it, and its payload keys (any other key is refused).
struct TypeRule {
    QLatin1String type;
    bool aboutAsset = false;
    bool familyData = false;
    QStringList pushRoles; ///< token roles of the server (station, desk, supervisor)
    QList<FieldRule> fields;
};

/// Every event type, in the order of inventory/README.md.
const QList<TypeRule> &types();
/// The rule of `type`, or nullptr when the type is unknown.
const TypeRule *rule(const QString &type);
QStringList typeNames();
/// Whether events of `type` carry family data (never sent to, pulled by or kept on a bench).
bool isFamilyData(const QString &type);
/// The types that carry family data, for the server's pull filter.
QStringList familyDataTypes();

/// The largest integer an event may carry: 2^53 − 1, the last one a JSON number holds exactly.
inline constexpr qint64 kMaxInteger = 9007199254740991LL;
/// The cap of an inline picture (a worker's photo, the city's logo): base64 of ≤ 192 KiB.
inline constexpr int kMaxPhoto = 262144;

/// Checks an event's shape, without any state: known type, asset tag, payload keys known,
/// required keys present, JSON types, length caps, whole integers in range, and the
/// closed lists (kind, state, verdict, HS part and reason, role, kit item tags). The
/// error is InvalidArgument with detail `bad_payload`, `unknown_field` or `bad_tag`, and
/// its message names the key.
Result<void> validate(const Event &e);

/// Whether a server token of `role` may push an event of `type` (one rule for
/// `POST /api/v1/events` and the server's own endpoints).
bool mayPush(const QString &type, const QString &role);

/// The payload a bench may see: free-text notes of desk moves (into or out of RESERVED,
/// HANDED_OVER, RETURNED) are left out, since a desk note may name a family, and so are
/// keys outside the table (events stored before unknown keys were refused).
QJsonObject stationPayload(const Event &e);

/// One asset as the rules see it.
struct AssetSnapshot {
    bool exists = false;
    AssetKind kind = AssetKind::Pc;
    AssetState state = AssetState::Received;
    QString reservedFor;
    int cycle = 1;
    QString lot;
    QString make, model, serial;
    friend bool operator==(const AssetSnapshot &, const AssetSnapshot &) = default;
};

/// What a store knows before an event, for the keys `lookups(e)` names.
struct Before {
    AssetSnapshot asset; ///< the event's asset (exists false when it has none or it is unknown)
    bool referenceTaken = false; ///< donor.added name, lot.added / kit.created reference already stored
    bool lotKnown = true; ///< asset.added: the lot it names exists (or it names none)
    QString unknownItem; ///< kit.created: the first item tag not stored, empty when all are
    /// Set for a station's own change: every lifecycle guard is checked. Absent (the
    /// server, a station replaying the server's order) only the guards the asset state
    /// decides are, since test results are the originating bench's business.
    std::optional<AssetFacts> facts;
};

/// What the store must look up for `e`.
struct Lookups {
    enum class Reference { None, Donor, Lot, Kit };
    Reference reference = Reference::None;
    QString referenceKey; ///< the donor name, lot or kit reference
    QString lot; ///< asset.added: the lot to find
    QStringList items; ///< kit.created: the item tags to find (normalised)
};
Lookups lookups(const Event &e);

/// Whether a row exists: `sql` is one of the statements `lookUp` asks (stations and server
/// share the schema of these tables), `binds` its values.
using RowExists = std::function<Result<bool>(const QString &sql, const QVariantList &binds)>;
/// Fills `b`'s reference, lot and kit-item facts for `e` by asking `exists`: the one way
/// both stores gather what `apply` needs besides the asset itself.
Result<void> lookUp(const Event &e, const RowExists &exists, Before &b);

struct Handover {
    QString beneficiary;
    QString warrantyUntil; ///< ISO date: the handover day + 3 years
};

/// The change an event makes, for the store to write.
struct After {
    AssetSnapshot asset; ///< the asset after the event (unchanged for records)
    std::optional<Handover> handover; ///< asset.moved to HANDED_OVER
    std::optional<QString> returnedBy; ///< asset.moved to RETURNED: whose loan ended
};

/// The one pure function: the change `e` makes from `before`, or a typed refusal.
/// Refusals (the event is well formed but does not apply here) are Conflict
/// (`stale_state`, `duplicate_tag`, `duplicate_reference`), NotFound (`unknown_tag`: the
/// event's own asset, which every store refuses outright; `unknown_lot`, `unknown_item`) or TransitionRefused
/// (`forbidden_transition` or the unmet guard); a malformed event is refused as `validate` says. Messages are the same
/// on every side.
Result<After> apply(const Before &before, const Event &e);
/// apply() of an event `validate` has accepted already (the server validates a push before
/// its writer's turn: validating again there was 6 % of its CPU).
Result<After> applyValidated(const Before &before, const Event &e);

} // namespace Etabli::Inventory::EventRules
