// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"
#include "inventory/event.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Etabli::Inventory {
class Store;
}

/// The distribution desk's use-cases (issue 14), shared by `etabli desk …` and the desk
/// screen: vouchers, the scan-checked handover of a kit, grants, parents' training,
/// returns under warranty, retention, export, erasure and the personal-data audit.
///
/// They run on a desk's own store (setting `sync.desk`; refused elsewhere with detail
/// `not_a_desk`), which keeps the family data and queues every record as events for
/// `etabli sync --desk`: the desk works offline by construction. Every check runs before
/// anything is written, so a refusal changes nothing. Every read and change of personal
/// data is written to the audit (`audit()`), naming the store identity's worker.
/// Plain functions: the thread that owns the Store.
namespace Etabli::AppCore::Desk {

/// Who a beneficiary is (schema kDeskRecords).
struct Beneficiary {
    QString reference; ///< the pupil id (families) or the given reference
    QString schoolId, school, className;
    QString pupilName, parentName, contact;
    QString kind; ///< family | teacher | association
    QString agreementUntil; ///< associations: the maintenance agreement's end (ISO date)
    QString erasedAt; ///< set once the personal data was erased
};

/// Everyone known, by reference (`school` non-empty: that school only). Audited.
QList<Beneficiary> beneficiaries(Inventory::Store &store, const QString &school = {});
Result<Beneficiary> beneficiary(Inventory::Store &store, const QString &reference);

/// An association's agreement lasts 4 years from `from`.
QString associationAgreementUntil(const QDate &from);

// --- vouchers ------------------------------------------------------------------------

struct Voucher {
    QString id; ///< `BON-NNNNNN-C`: an asset-tag-shaped id, so its check character catches misreads
    Beneficiary who;
    QString appointment; ///< ISO date-time of the appointment
    QString place;
};

struct VoucherPlan {
    QString school;
    QDateTime firstAppointment; ///< local time of the first appointment
    int minutesEach = 15; ///< one family every … minutes
    QString place;
};

/// One voucher per family of `plan.school` (`voucher.issued` for those who have none
/// yet; the ones already issued are returned again, for a reprint). NotFound when the
/// school has no family.
Result<QList<Voucher>> issueVouchers(Inventory::Store &store, const VoucherPlan &plan);
Result<Voucher> voucher(Inventory::Store &store, const QString &id);

// --- handover -------------------------------------------------------------------------

/// What a scan at the desk is answered with (the screen's colour, sound and sentence).
enum class ScanOutcome {
    Accepted, ///< joins the kit
    NeedsConfirmation, ///< joins the kit once staff confirm (`warning`)
    Refused, ///< hard block; nothing changes
};

struct ScanAnswer {
    ScanOutcome outcome = ScanOutcome::Refused;
    QString tag; ///< normalised
    QString kind; ///< pc, screen, keyboard…
    QString warning; ///< NeedsConfirmation: `other_lot`
    Error error; ///< Refused: typed error (detail: unknown_tag, check_character, scanner_layout,
                 ///< tag_format, not_ready, reserved_for_other, already_handed_over, second_pc,
                 ///< already_scanned)
};

/// Checks one scanned or typed label against the voucher's beneficiary and the tags
/// already scanned. Reads only.
ScanAnswer checkScan(Inventory::Store &store, const QString &beneficiary, const QStringList &scanned,
                     const QString &raw);

/// Warnings a whole kit raises that staff confirm: `no_speakers` (no speakers in the
/// kit), `other_lot` (a screen of another lot than the PC's).
QStringList kitWarnings(Inventory::Store &store, const QStringList &tags);

struct HandoverRequest {
    QString voucher;
    QStringList tags; ///< as scanned or typed
    QString witness; ///< the staff member who witnessed, when the person cannot sign
    QJsonObject signature; ///< {"strokes": [[[x, y, t_ms], …], …], "width": w, "height": h}
    QStringList confirmed; ///< warnings staff confirmed
};

struct HandoverResult {
    Inventory::Event record; ///< the handover.recorded event
    Beneficiary who;
    QString voucher;
    QStringList tags;
    QDate date;
    QDate warrantyEnd; ///< handover + 3 years
    QDate grantDeadline; ///< handover + 3 months
    QString signatureSha256; ///< SHA-256 of the record the signature (or witness) confirms
    bool queued = true; ///< not yet on the server (pushed by `etabli sync --desk`)
};

/// The canonical record a signature signs (sorted keys, tags sorted): beneficiary,
/// voucher, tags, date, warranty_end, grant_deadline.
QByteArray handoverRecord(const QString &beneficiary, const QString &voucher, QStringList tags, const QDate &date);

/// Every check, then (only when all pass) each tag READY → RESERVED → HANDED_OVER for
/// the voucher's beneficiary and one `handover.recorded` with the signature's strokes and
/// SHA-256 or the witness. Refusals: a scan refusal (as checkScan), `unknown_voucher`,
/// `voucher_used`, `no_pc`, `no_signature` (neither or both of witness and signature),
/// `bad_signature`, `needs_confirmation` (a kit warning not confirmed; the message names it).
Result<HandoverResult> handOver(Inventory::Store &store, const HandoverRequest &request);

/// The handovers of a beneficiary, newest first.
QList<HandoverResult> handovers(Inventory::Store &store, const QString &beneficiary);

// --- after the handover -----------------------------------------------------------------

/// A grant request: refused (`too_late`, with the deadline) after handover + 3 months,
/// `already_requested` the second time, `no_handover` before any handover.
Result<Inventory::Event> requestGrant(Inventory::Store &store, const QString &beneficiary, const QDate &date,
                                      bool proofReceived);
/// Paid: `not_requested` before a request, `already_paid` the second time.
Result<Inventory::Event> grantPaid(Inventory::Store &store, const QString &beneficiary, const QDate &date,
                                   double amountEur = 60);

struct Grant {
    QString beneficiary, requestedAt, paidAt, deadline;
    bool proofReceived = false;
    double amountEur = 0;
};
QList<Grant> grants(Inventory::Store &store);

/// Parents' training: 12 hours in six 2-hour sessions.
inline constexpr int kTrainingSessions = 6;
Result<Inventory::Event> enrolTraining(Inventory::Store &store, const QString &beneficiary, const QString &site);
Result<Inventory::Event> attendTraining(Inventory::Store &store, const QString &beneficiary, int session,
                                        const QDate &date, const QString &site);
struct Trainee {
    QString beneficiary, site;
    QList<int> sessions; ///< attended, ascending
    bool completed() const { return sessions.size() >= kTrainingSessions; }
};
QList<Trainee> training(Inventory::Store &store);

/// Reasons a returned asset came back (the screen shows them as pictures).
QStringList returnReasons();

struct ReturnResult {
    QString tag, beneficiary, reason, swapTag;
    QDate date;
    std::optional<HandoverResult> swap; ///< the replacement handed over in the same visit
};
/// Takes `tag` back under warranty: HANDED_OVER → RETURNED (the workshop's queue) and
/// `return.recorded`; with `swapTag`, the replacement (checked as at a handover) goes to
/// the same beneficiary in the same visit, witnessed by `witness` (the staff member).
Result<ReturnResult> returnAsset(Inventory::Store &store, const QString &tag, const QString &reason,
                                 const QString &swapTag = {}, const QString &witness = {}, const QString &note = {});

// --- personal data ----------------------------------------------------------------------

/// Days after the loan ends before a family's data is purged (setting
/// `desk.retention_days`, default 365).
int retentionDays(const Inventory::Store &store);
/// Days after the import (or the last voucher or appointment) before the data of a family
/// that never received anything is purged (setting `desk.unserved_retention_days`, default 365).
int unservedRetentionDays(const Inventory::Store &store);
/// Who is due to be purged on `today`: loans ended (warranty end, or an association's
/// agreement end) more than retentionDays() ago, and families with no handover whose last
/// import, voucher or appointment is more than unservedRetentionDays() ago (none while a PC
/// is reserved for them); not yet erased.
QStringList purgeDue(Inventory::Store &store, const QDate &today);
/// Erases a family's personal data (`beneficiary.erased`): names, contact and signature
/// strokes go; the reference, the tags and the loan's dates stay. `reason` e.g. request, retention.
Result<Inventory::Event> erase(Inventory::Store &store, const QString &reference, const QString &reason);
/// Everything the desk holds about a family, as JSON (the right of access). Audited.
Result<QJsonObject> exportFamily(Inventory::Store &store, const QString &reference);

struct AuditEntry {
    QString time, worker, station, action, beneficiary, detail;
};
/// Writes one audit line (the use-cases above do it themselves).
void audit(Inventory::Store &store, const QString &action, const QString &beneficiary, const QString &detail = {});
QList<AuditEntry> auditLog(Inventory::Store &store, const QString &beneficiary = {});

// --- on the central server (desk_server.cpp, engineer "deskserver"), a desk or supervisor token

/// A family's records as the server holds them (GET /api/v1/desk/beneficiaries/REF).
Result<QJsonObject> serverFamily(const QUrl &server, const QString &token, const QString &reference);
/// The server's personal-data audit (GET /api/v1/desk/audit): `worker` is the token's
/// name, `station` its role.
Result<QList<AuditEntry>> serverAuditLog(const QUrl &server, const QString &token, const QString &beneficiary = {});

} // namespace Etabli::AppCore::Desk
