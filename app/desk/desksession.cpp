// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/desk/desksession.h"

#include "app/core/desk.h"
#include "app/core/identity.h"
#include "app/ui/feedbacksound.h"
#include "inventory/store.h"

#include <QJsonArray>
#include <QLocale>

namespace Etabli::Desk {

namespace Core = AppCore::Desk;

DeskSession::DeskSession(QObject *parent)
    : QObject(parent)
{
    m_message = tr("Scan the voucher.");
    m_pictogram = QStringLiteral("info");
}

DeskSession::~DeskSession() = default;

void DeskSession::setDbPath(const QString &path)
{
    if (path == m_dbPath)
        return;
    m_dbPath = path;
    m_store.reset();
    Q_EMIT changed();
}

Inventory::Store *DeskSession::store()
{
    if (!m_store && !m_dbPath.isEmpty()) {
        auto s = Inventory::Store::open(
            m_dbPath, AppCore::makeIdentity(AppCore::stationFromEnvironment(), AppCore::workerFromEnvironment()));
        if (s)
            m_store = std::move(*s);
    }
    return m_store.get();
}

QVariantList DeskSession::items() const
{
    QVariantList out;
    for (int i = 0; i < m_tags.size(); ++i)
        out.append(QVariantMap{{QStringLiteral("tag"), m_tags.at(i)}, {QStringLiteral("kind"), m_kinds.at(i)}});
    return out;
}

void DeskSession::answer(Tone tone, const QString &pictogram, const QString &message)
{
    m_tone = tone;
    m_pictogram = pictogram;
    m_message = message;
    Q_EMIT changed();
    playTone(tone); // the tone first (it is short), then the sentence
    Q_EMIT spoken(message);
}

void DeskSession::playTone(Tone tone)
{
    if (tone == Tone::Pass)
        Ui::FeedbackSound::instance()->play(Ui::FeedbackSound::Pass);
    else if (tone == Tone::Warn)
        Ui::FeedbackSound::instance()->play(Ui::FeedbackSound::Warn);
    else if (tone == Tone::Fail)
        Ui::FeedbackSound::instance()->play(Ui::FeedbackSound::Fail);
}

void DeskSession::setTrainingSite(const QString &site)
{
    if (site == m_trainingSite)
        return;
    m_trainingSite = site;
    Q_EMIT changed();
}

bool DeskSession::enrolTraining()
{
    Inventory::Store *s = store();
    if (!s || m_stage != Stage::Done || m_enrolled)
        return false;
    const QString site
        = m_trainingSite.isEmpty() ? s->setting(QStringLiteral("desk.training_site"), QString()) : m_trainingSite;
    auto r = Core::enrolTraining(*s, m_beneficiary, site);
    if (!r && r.error().detail != QLatin1String("already_enrolled")) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("Not recorded. Ask for help."));
        return false;
    }
    m_enrolled = true;
    answer(Tone::Pass, QStringLiteral("training"), tr("You are on the list for the parents' lessons."));
    return true;
}

void DeskSession::garbled(const QString &message)
{
    answer(Tone::Fail, QStringLiteral("fail"), message.isEmpty() ? tr("The scanner has the wrong keyboard.") : message);
}

void DeskSession::scan(const QString &code)
{
    Inventory::Store *s = store();
    if (!s) {
        answer(Tone::Fail, QStringLiteral("fail"), tr("The desk's inventory cannot be opened."));
        return;
    }
    if (m_stage == Stage::Done)
        reset();
    if (m_stage == Stage::Voucher) {
        auto v = Core::voucher(*s, code);
        if (!v) {
            answer(Tone::Fail, QStringLiteral("fail"), tr("This is not a voucher. Scan the voucher."));
            return;
        }
        m_voucher = v->id;
        m_beneficiary = v->who.reference;
        m_family = v->who.pupilName.isEmpty() ? v->who.parentName : v->who.pupilName;
        m_stage = Stage::Kit;
        answer(Tone::Pass, QStringLiteral("pass"), tr("Voucher found: %1. Scan the PC.").arg(m_family));
        return;
    }
    const Core::ScanAnswer a = Core::checkScan(*s, m_beneficiary, m_tags, code);
    if (a.outcome == Core::ScanOutcome::Refused) {
        const QString d = a.error.detail;
        QString sentence = tr("This label is not right. Ask for help.");
        if (d == QLatin1String("unknown_tag"))
            sentence = tr("Unknown label. Put it aside.");
        else if (d == QLatin1String("check_character") || d == QLatin1String("tag_format"))
            sentence = tr("Label misread. Scan it again.");
        else if (d == QLatin1String("scanner_layout"))
            sentence = tr("The scanner has the wrong keyboard.");
        else if (d == QLatin1String("not_ready"))
            sentence = tr("This one is not ready. Put it aside.");
        else if (d == QLatin1String("reserved_for_other"))
            sentence = tr("This one is for another family.");
        else if (d == QLatin1String("already_handed_over"))
            sentence = tr("This one was already given.");
        else if (d == QLatin1String("second_pc"))
            sentence = tr("One PC for each pupil only.");
        else if (d == QLatin1String("already_scanned"))
            sentence = tr("Already scanned.");
        answer(Tone::Fail, QStringLiteral("fail"), sentence);
        return;
    }
    m_tags << a.tag;
    m_kinds << a.kind;
    refreshWarnings();
    static const QHash<QString, QString> pictograms{{QStringLiteral("pc"), QStringLiteral("screen")},
                                                    {QStringLiteral("screen"), QStringLiteral("screen")},
                                                    {QStringLiteral("keyboard"), QStringLiteral("keyboard")},
                                                    {QStringLiteral("mouse"), QStringLiteral("mouse")},
                                                    {QStringLiteral("speakers"), QStringLiteral("speaker")}};
    static const QHash<QString, const char *> names{{QStringLiteral("pc"), QT_TR_NOOP("PC added.")},
                                                    {QStringLiteral("screen"), QT_TR_NOOP("Screen added.")},
                                                    {QStringLiteral("keyboard"), QT_TR_NOOP("Keyboard added.")},
                                                    {QStringLiteral("mouse"), QT_TR_NOOP("Mouse added.")},
                                                    {QStringLiteral("speakers"), QT_TR_NOOP("Speakers added.")}};
    const QString said = names.contains(a.kind) ? tr(names.value(a.kind)) : tr("Added.");
    if (a.outcome == Core::ScanOutcome::NeedsConfirmation)
        answer(Tone::Warn, QStringLiteral("warning"), said + QStringLiteral(" ") + warningText(a.warning));
    else
        answer(Tone::Pass, pictograms.value(a.kind, QStringLiteral("pass")), said);
}

void DeskSession::refreshWarnings()
{
    Inventory::Store *s = store();
    m_pending.clear();
    if (!s)
        return;
    for (const QString &w : Core::kitWarnings(*s, m_tags))
        if (!m_confirmed.contains(w))
            m_pending << w;
}

QString DeskSession::warningText(const QString &warning) const
{
    if (warning == QLatin1String("no_speakers"))
        return tr("No speakers in the kit.");
    if (warning == QLatin1String("other_lot"))
        return tr("This screen comes from another lot.");
    return warning;
}

void DeskSession::confirm(const QString &warning)
{
    if (!m_confirmed.contains(warning))
        m_confirmed << warning;
    refreshWarnings();
    answer(Tone::Pass, QStringLiteral("pass"), tr("Confirmed."));
}

bool DeskSession::finish(const QString &witness, const QVariantList &strokes, qreal width, qreal height)
{
    Inventory::Store *s = store();
    if (!s || m_stage != Stage::Kit)
        return false;
    Core::HandoverRequest request;
    request.voucher = m_voucher;
    request.tags = m_tags;
    request.confirmed = m_confirmed;
    request.witness = witness;
    if (witness.trimmed().isEmpty()) {
        QJsonArray list;
        for (const QVariant &stroke : strokes)
            list.append(QJsonArray::fromVariantList(stroke.toList()));
        request.signature
            = {{QStringLiteral("strokes"), list}, {QStringLiteral("width"), width}, {QStringLiteral("height"), height}};
    }
    auto r = Core::handOver(*s, request);
    if (!r) {
        const QString d = r.error().detail;
        answer(Tone::Fail, QStringLiteral("fail"),
               d == QLatin1String("bad_signature") || d == QLatin1String("no_signature")
                   ? tr("Sign on the screen, or name the staff witness.")
                   : d == QLatin1String("no_pc")              ? tr("Scan the PC first.")
                   : d == QLatin1String("needs_confirmation") ? tr("Confirm the warnings first.")
                                                              : tr("Not recorded. Ask for help."));
        return false;
    }
    const QLocale locale;
    m_receipt = tr("Warranty until %1. Ask for the internet grant before %2.")
                    .arg(locale.toString(r->warrantyEnd, QLocale::LongFormat),
                         locale.toString(r->grantDeadline, QLocale::LongFormat));
    m_stage = Stage::Done;
    answer(Tone::Pass, QStringLiteral("done"), tr("Done. The kit is handed over."));
    return true;
}

void DeskSession::reset()
{
    m_stage = Stage::Voucher;
    m_tags.clear();
    m_kinds.clear();
    m_pending.clear();
    m_confirmed.clear();
    m_voucher.clear();
    m_beneficiary.clear();
    m_family.clear();
    m_receipt.clear();
    m_enrolled = false;
    answer(Tone::Neutral, QStringLiteral("info"), tr("Scan the voucher."));
}

} // namespace Etabli::Desk
