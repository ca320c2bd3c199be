// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/desk/deskcare.h"

#include "app/core/desk.h"
#include "app/core/identity.h"
#include "inventory/assettag.h"
#include "inventory/store.h"
#include "labels/deskpdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>

namespace Etabli::Desk {

namespace Core = AppCore::Desk;
using Tone = DeskSession::Tone;

DeskCare::DeskCare(QObject *parent)
    : QObject(parent)
    , m_date(QDate::currentDate())
    , m_message(tr("Scan the voucher or the PC."))
    , m_pictogram(QStringLiteral("barcode"))
{}

DeskCare::~DeskCare() = default;

void DeskCare::setDbPath(const QString &path)
{
    if (path == m_dbPath)
        return;
    m_dbPath = path;
    m_store.reset();
    Q_EMIT changed();
}

void DeskCare::setWorker(const QString &worker)
{
    if (worker == m_worker)
        return;
    m_worker = worker;
    Q_EMIT changed();
}

void DeskCare::setDate(const QDate &date)
{
    if (!date.isValid() || date == m_date)
        return;
    m_date = date;
    Q_EMIT changed();
}

void DeskCare::moveDate(int days)
{
    const QDate d = m_date.addDays(days);
    if (d <= QDate::currentDate())
        setDate(d);
}

QString DeskCare::words(const QDate &date) const
{
    // "2 mars 2027": the month in words, never 02/03/2027 (read either way round).
    return QLocale().toString(date, QStringLiteral("d MMMM yyyy"));
}

QString DeskCare::dateText() const
{
    return words(m_date);
}

Inventory::Store *DeskCare::store()
{
    if (!m_store && !m_dbPath.isEmpty()) {
        auto s = Inventory::Store::open(
            m_dbPath,
            AppCore::makeIdentity(AppCore::stationFromEnvironment(),
                                  m_worker.isEmpty() ? AppCore::workerFromEnvironment() : m_worker));
        if (s)
            m_store = std::move(*s);
    }
    return m_store.get();
}

void DeskCare::answer(Tone tone, const QString &pictogram, const QString &message)
{
    m_tone = tone;
    m_pictogram = pictogram;
    m_message = message;
    Q_EMIT changed();
    DeskSession::playTone(tone);
    Q_EMIT spoken(message);
}

void DeskCare::garbled(const QString &message)
{
    answer(Tone::Fail, QStringLiteral("fail"), message.isEmpty() ? tr("The scanner has the wrong keyboard.") : message);
}

QString DeskCare::nameOf(const QString &reference)
{
    Inventory::Store *s = store();
    if (!s)
        return reference;
    auto b = Core::beneficiary(*s, reference);
    if (!b)
        return reference;
    if (!b->erasedAt.isEmpty())
        return reference;
    return !b->pupilName.isEmpty() ? b->pupilName : !b->parentName.isEmpty() ? b->parentName : reference;
}

bool DeskCare::findFamily(const QString &code)
{
    Inventory::Store *s = store();
    if (!s) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("The desk's inventory cannot be opened."));
        return false;
    }
    QString reference;
    if (auto v = Core::voucher(*s, code))
        reference = v->who.reference;
    else if (auto tag = Inventory::AssetTag::parse(code)) {
        auto a = s->asset(*tag);
        if (a && a->state == Inventory::AssetState::HandedOver)
            reference = a->reservedFor;
    }
    if (reference.isEmpty() && Core::beneficiary(*s, code.trimmed()))
        reference = code.trimmed();
    if (reference.isEmpty()) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Family not found. Scan the voucher or the PC."));
        return false;
    }
    m_family = reference;
    m_familyName = nameOf(reference);
    answer(Tone::Pass, QStringLiteral("family"), tr("Family found: %1.").arg(m_familyName));
    return true;
}

QVariantMap DeskCare::grant()
{
    QVariantMap out;
    Inventory::Store *s = store();
    if (!s || m_family.isEmpty())
        return out;
    for (const Core::Grant &g : Core::grants(*s)) {
        if (g.beneficiary != m_family)
            continue;
        out.insert(QStringLiteral("requested"), !g.requestedAt.isEmpty());
        out.insert(QStringLiteral("requestedAt"),
                   g.requestedAt.isEmpty() ? QString() : words(QDate::fromString(g.requestedAt, Qt::ISODate)));
        out.insert(QStringLiteral("paid"), !g.paidAt.isEmpty());
        out.insert(QStringLiteral("paidAt"),
                   g.paidAt.isEmpty() ? QString() : words(QDate::fromString(g.paidAt, Qt::ISODate)));
        out.insert(QStringLiteral("proof"), g.proofReceived);
    }
    const QList<Core::HandoverResult> h = Core::handovers(*s, m_family);
    if (!h.isEmpty())
        out.insert(QStringLiteral("deadline"), words(h.last().grantDeadline));
    return out;
}

bool DeskCare::requestGrant(bool proofReceived)
{
    Inventory::Store *s = store();
    if (!s || m_family.isEmpty()) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Scan the voucher or the PC first."));
        return false;
    }
    auto r = Core::requestGrant(*s, m_family, m_date, proofReceived);
    if (!r) {
        const QString d = r.error().detail;
        if (d == QLatin1String("too_late")) {
            const QList<Core::HandoverResult> h = Core::handovers(*s, m_family);
            const QDate deadline = h.isEmpty() ? QDate() : h.last().grantDeadline;
            answer(Tone::Fail, QStringLiteral("calendar"), tr("Too late. The last day was %1.").arg(words(deadline)));
        } else if (d == QLatin1String("already_requested")) {
            answer(Tone::Fail, QStringLiteral("fail"), tr("Already asked. One grant for each pupil."));
        } else if (d == QLatin1String("no_handover")) {
            answer(Tone::Fail, QStringLiteral("fail"), tr("No PC given yet. No grant."));
        } else {
            answer(Tone::Fail, QStringLiteral("fail"), tr("Not recorded. Ask for help."));
        }
        return false;
    }
    if (proofReceived)
        answer(Tone::Pass, QStringLiteral("euro"), tr("Grant asked. The proof is here."));
    else
        answer(Tone::Warn, QStringLiteral("euro"), tr("Grant asked. Bring the internet bill."));
    return true;
}

bool DeskCare::grantPaid()
{
    Inventory::Store *s = store();
    if (!s || m_family.isEmpty()) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Scan the voucher or the PC first."));
        return false;
    }
    auto r = Core::grantPaid(*s, m_family, m_date);
    if (!r) {
        const QString d = r.error().detail;
        answer(Tone::Fail, QStringLiteral("fail"),
               d == QLatin1String("not_requested")      ? tr("The grant was not asked yet.")
                   : d == QLatin1String("already_paid") ? tr("The grant is already paid.")
                                                        : tr("Not recorded. Ask for help."));
        return false;
    }
    answer(Tone::Pass, QStringLiteral("euro"), tr("Grant paid."));
    return true;
}

bool DeskCare::enrol()
{
    Inventory::Store *s = store();
    if (!s || m_family.isEmpty()) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Scan the voucher or the PC first."));
        return false;
    }
    auto r = Core::enrolTraining(*s, m_family, s->setting(QStringLiteral("desk.training_site"), QString()));
    if (!r) {
        answer(Tone::Fail, QStringLiteral("fail"),
               r.error().detail == QLatin1String("already_enrolled") ? tr("Already on the list.")
                                                                     : tr("Not recorded. Ask for help."));
        return false;
    }
    answer(Tone::Pass, QStringLiteral("training"), tr("You are on the list for the parents' lessons."));
    return true;
}

QVariantList DeskCare::trainees()
{
    QVariantList out;
    Inventory::Store *s = store();
    if (!s)
        return out;
    for (const Core::Trainee &t : Core::training(*s)) {
        QVariantList sessions;
        for (int i = 1; i <= Core::kTrainingSessions; ++i)
            sessions.append(t.sessions.contains(i));
        out.append(QVariantMap{{QStringLiteral("reference"), t.beneficiary},
                               {QStringLiteral("name"), nameOf(t.beneficiary)},
                               {QStringLiteral("site"), t.site},
                               {QStringLiteral("sessions"), sessions},
                               {QStringLiteral("hours"), 2 * int(t.sessions.size())},
                               {QStringLiteral("completed"), t.completed()}});
    }
    return out;
}

bool DeskCare::attend(const QString &reference, int session)
{
    Inventory::Store *s = store();
    if (!s)
        return false;
    QString site;
    for (const Core::Trainee &t : Core::training(*s))
        if (t.beneficiary == reference) {
            if (t.sessions.contains(session)) {
                answer(Tone::Warn, QStringLiteral("warning"), tr("Already marked for lesson %1.").arg(session));
                return false;
            }
            site = t.site;
        }
    auto r = Core::attendTraining(*s, reference, session, QDate::currentDate(), site);
    if (!r) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Not recorded. Ask for help."));
        return false;
    }
    answer(Tone::Pass, QStringLiteral("training"), tr("%1 came to lesson %2.").arg(nameOf(reference)).arg(session));
    return true;
}

// --- returns -------------------------------------------------------------------------------

QStringList DeskCare::reasons() const
{
    return Core::returnReasons();
}

QString DeskCare::reasonText(const QString &reason) const
{
    if (reason == QLatin1String("no_power"))
        return tr("No power");
    if (reason == QLatin1String("no_boot"))
        return tr("Does not start");
    if (reason == QLatin1String("screen"))
        return tr("Screen");
    if (reason == QLatin1String("keyboard"))
        return tr("Keyboard");
    if (reason == QLatin1String("mouse"))
        return tr("Mouse");
    if (reason == QLatin1String("speakers"))
        return tr("Sound");
    if (reason == QLatin1String("slow"))
        return tr("Slow");
    if (reason == QLatin1String("broken"))
        return tr("Broken");
    return tr("Other");
}

QString DeskCare::reasonPictogram(const QString &reason) const
{
    static const QHash<QString, QString> pictograms{
        {QStringLiteral("no_power"), QStringLiteral("plug")}, {QStringLiteral("no_boot"), QStringLiteral("power")},
        {QStringLiteral("screen"), QStringLiteral("screen")}, {QStringLiteral("keyboard"), QStringLiteral("keyboard")},
        {QStringLiteral("mouse"), QStringLiteral("mouse")},   {QStringLiteral("speakers"), QStringLiteral("speaker")},
        {QStringLiteral("slow"), QStringLiteral("snail")},    {QStringLiteral("broken"), QStringLiteral("broken")},
        {QStringLiteral("other"), QStringLiteral("question")}};
    return pictograms.value(reason, QStringLiteral("question"));
}

void DeskCare::returnScan(const QString &code)
{
    Inventory::Store *s = store();
    if (!s) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("The desk's inventory cannot be opened."));
        return;
    }
    if (m_returnStage == ReturnStage::Swap) {
        swapScan(code);
        return;
    }
    if (m_returnStage == ReturnStage::Done)
        reset();
    auto tag = Inventory::AssetTag::parse(code);
    if (!tag) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Label misread. Scan it again."));
        return;
    }
    auto a = s->asset(*tag);
    if (!a) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Unknown label. Put it aside."));
        return;
    }
    if (a->state != Inventory::AssetState::HandedOver) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("This one was not given to a family."));
        return;
    }
    m_returnTag = *tag;
    m_returnKind = Inventory::toString(a->kind);
    m_returnFamily = a->reservedFor;
    m_family = a->reservedFor;
    m_familyName = nameOf(a->reservedFor);
    m_returnStage = ReturnStage::Reason;
    answer(Tone::Pass, QStringLiteral("repair"), tr("Found. What is wrong? Touch a picture."));
}

void DeskCare::pickReason(const QString &reason)
{
    if (m_returnStage == ReturnStage::Scan || m_returnStage == ReturnStage::Done || !reasons().contains(reason))
        return;
    m_reason = reason;
    answer(Tone::Pass, reasonPictogram(reason), reasonText(reason) + QLatin1Char('.'));
}

void DeskCare::swapScan(const QString &code)
{
    Inventory::Store *s = store();
    if (!s || m_returnTag.isEmpty())
        return;
    m_returnStage = ReturnStage::Swap;
    // Checked as at a handover; the replacement replaces the returned one, so the
    // one-PC rule does not count the PC that comes back.
    const Core::ScanAnswer a = Core::checkScan(*s, m_returnFamily, {}, code);
    if (a.outcome == Core::ScanOutcome::Refused && a.error.detail != QLatin1String("second_pc")) {
        const QString d = a.error.detail;
        answer(Tone::Fail, QStringLiteral("fail"),
               d == QLatin1String("unknown_tag")               ? tr("Unknown label. Put it aside.")
                   : d == QLatin1String("not_ready")           ? tr("This one is not ready. Put it aside.")
                   : d == QLatin1String("reserved_for_other")  ? tr("This one is for another family.")
                   : d == QLatin1String("already_handed_over") ? tr("This one was already given.")
                   : d == QLatin1String("scanner_layout")      ? tr("The scanner has the wrong keyboard.")
                                                               : tr("Label misread. Scan it again."));
        Q_EMIT changed();
        return;
    }
    if (a.kind != m_returnKind) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Not the same kind. Scan the same kind of device."));
        return;
    }
    m_swapTag = a.tag;
    answer(Tone::Pass, QStringLiteral("move"), tr("Replacement found. Touch Print."));
}

void DeskCare::startSwap()
{
    if (m_returnStage != ReturnStage::Reason && m_returnStage != ReturnStage::Swap)
        return;
    m_returnStage = ReturnStage::Swap;
    answer(Tone::Neutral, QStringLiteral("barcode"), tr("Scan the replacement."));
}

QString DeskCare::slipDir() const
{
    if (!m_slipDir.isEmpty())
        return m_slipDir;
    return QFileInfo(m_dbPath).absolutePath() + QStringLiteral("/slips");
}

void DeskCare::setSlipDir(const QString &dir)
{
    if (dir == m_slipDir)
        return;
    m_slipDir = dir;
    Q_EMIT changed();
}

bool DeskCare::recordReturn()
{
    Inventory::Store *s = store();
    if (!s || m_returnTag.isEmpty())
        return false;
    if (m_reason.isEmpty()) {
        answer(Tone::Fail, QStringLiteral("question"), tr("Touch a picture first: what is wrong?"));
        return false;
    }
    auto r = Core::returnAsset(*s, m_returnTag, m_reason, m_swapTag, m_worker);
    if (!r) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Not recorded. Ask for help."));
        return false;
    }
    // The slip names the family's reference: kept like the desk store, for staff only.
    QDir().mkpath(slipDir());
    QFile::setPermissions(slipDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_slipPath = slipDir() + QStringLiteral("/return-%1-%2.pdf").arg(r->tag, r->date.toString(Qt::ISODate));
    const Labels::DeskPdf::ReturnSlip slip{r->tag, m_returnKind, r->reason, r->beneficiary, r->swapTag, r->date};
    bool printed = false;
    if (auto w = Labels::DeskPdf::writeReturnSlip(m_slipPath, slip); !w) {
        m_slipPath.clear();
    } else {
        QFile::setPermissions(m_slipPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString printer = s->setting(QStringLiteral("desk.printer"), QString());
        const QString lp = QStandardPaths::findExecutable(QStringLiteral("lp"));
        if (!printer.isEmpty() && !lp.isEmpty())
            printed = QProcess::execute(lp, {QStringLiteral("-d"), printer, m_slipPath}) == 0;
    }
    m_returnStage = ReturnStage::Done;
    QString sentence = m_swapTag.isEmpty() ? tr("Recorded. It goes back to the workshop.")
                                           : tr("Recorded. The family takes the replacement.");
    if (printed)
        sentence += QLatin1Char(' ') + tr("Take the slip from the printer.");
    answer(m_slipPath.isEmpty() ? Tone::Warn : Tone::Pass, QStringLiteral("done"), sentence);
    return true;
}

void DeskCare::reset()
{
    m_family.clear();
    m_familyName.clear();
    m_returnStage = ReturnStage::Scan;
    m_returnTag.clear();
    m_returnKind.clear();
    m_returnFamily.clear();
    m_reason.clear();
    m_swapTag.clear();
    m_slipPath.clear();
    m_date = QDate::currentDate();
    m_tone = Tone::Neutral;
    m_pictogram = QStringLiteral("barcode");
    m_message = tr("Scan the voucher or the PC.");
    Q_EMIT changed();
}

} // namespace Etabli::Desk
