// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/desk/desksession.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::Desk {

/// The desk's screens after the handover (issue 14): the internet grant, the parents'
/// training and the returns under warranty, over the use-cases of app/core/desk.h (the same
/// ones `etabli desk grant|training|return` run). Like DeskSession, every action is answered
/// with a tone (colour and sound), a pictogram and one short sentence (`spoken`); refusals
/// change nothing. QML only binds. UI thread only.
class DeskCare : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString dbPath READ dbPath WRITE setDbPath NOTIFY changed)
    /// The staff member at the desk (the witness of a swap).
    Q_PROPERTY(QString worker READ worker WRITE setWorker NOTIFY changed)
    /// The date a grant request or payment is recorded with (default today).
    Q_PROPERTY(QDate date READ date WRITE setDate NOTIFY changed)
    Q_PROPERTY(QString dateText READ dateText NOTIFY changed)
    Q_PROPERTY(Etabli::Desk::DeskSession::Tone tone READ tone NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString pictogram READ pictogram NOTIFY changed)
    /// The family found by findFamily (reference and the name shown).
    Q_PROPERTY(QString family READ family NOTIFY changed)
    Q_PROPERTY(QString familyName READ familyName NOTIFY changed)
    /// The family's grant: {requested, requestedAt, paid, paidAt, deadline, proof}.
    Q_PROPERTY(QVariantMap grant READ grant NOTIFY changed)
    /// Everyone enrolled: [{reference, name, site, sessions: [bool × 6], hours, completed}].
    Q_PROPERTY(QVariantList trainees READ trainees NOTIFY changed)
    Q_PROPERTY(ReturnStage returnStage READ returnStage NOTIFY changed)
    Q_PROPERTY(QString returnTag READ returnTag NOTIFY changed)
    Q_PROPERTY(QString returnKind READ returnKind NOTIFY changed)
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(QString swapTag READ swapTag NOTIFY changed)
    /// Where the return slip (A4 PDF) was written; empty before.
    Q_PROPERTY(QString slipPath READ slipPath NOTIFY changed)
    /// Where return slips go (default: `slips/` beside the desk store).
    Q_PROPERTY(QString slipDir READ slipDir WRITE setSlipDir NOTIFY changed)
    Q_PROPERTY(QStringList reasons READ reasons CONSTANT)
public:
    enum class ReturnStage { Scan, Reason, Swap, Done };
    Q_ENUM(ReturnStage)

    explicit DeskCare(QObject *parent = nullptr);
    ~DeskCare() override;

    QString dbPath() const { return m_dbPath; }
    void setDbPath(const QString &path);
    QString worker() const { return m_worker; }
    void setWorker(const QString &worker);
    QDate date() const { return m_date; }
    void setDate(const QDate &date);
    QString dateText() const;
    DeskSession::Tone tone() const { return m_tone; }
    QString message() const { return m_message; }
    QString pictogram() const { return m_pictogram; }
    QString family() const { return m_family; }
    QString familyName() const { return m_familyName; }
    QVariantMap grant();
    QVariantList trainees();
    ReturnStage returnStage() const { return m_returnStage; }
    QString returnTag() const { return m_returnTag; }
    QString returnKind() const { return m_returnKind; }
    QString reason() const { return m_reason; }
    QString swapTag() const { return m_swapTag; }
    QString slipPath() const { return m_slipPath; }
    QString slipDir() const;
    void setSlipDir(const QString &dir);
    QStringList reasons() const;

    /// The date one day earlier or later (`days` = -1 / +1), never after today.
    Q_INVOKABLE void moveDate(int days);
    /// A voucher, a label of the family's kit or a reference: the family it belongs to.
    Q_INVOKABLE bool findFamily(const QString &code);
    /// Grant asked on `date`, with or without the proof of an internet subscription.
    Q_INVOKABLE bool requestGrant(bool proofReceived);
    Q_INVOKABLE bool grantPaid();
    /// Enrols the found family in the parents' training.
    Q_INVOKABLE bool enrol();
    /// Records that `reference` came to session 1…6 (today).
    Q_INVOKABLE bool attend(const QString &reference, int session);

    /// Return: the label of the PC or device that comes back.
    Q_INVOKABLE void returnScan(const QString &code);
    Q_INVOKABLE void pickReason(const QString &reason);
    Q_INVOKABLE QString reasonText(const QString &reason) const;
    Q_INVOKABLE QString reasonPictogram(const QString &reason) const;
    /// Swap: the replacement's label, checked as at a handover (same kind, READY, free).
    Q_INVOKABLE void swapScan(const QString &code);
    /// "Give a replacement": the next scan is the replacement.
    Q_INVOKABLE void startSwap();
    /// Records the return (and the swap), writes the return slip and prints it when the
    /// setting `desk.printer` names a CUPS printer.
    Q_INVOKABLE bool recordReturn();
    /// A scan the ScanDetector found garbled by a wrong keyboard layout.
    Q_INVOKABLE void garbled(const QString &message);
    /// Clears the family, the return and the answer (leaving a screen).
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void changed();
    void spoken(const QString &sentence);

private:
    Inventory::Store *store();
    void answer(DeskSession::Tone tone, const QString &pictogram, const QString &message);
    QString nameOf(const QString &reference);
    QString words(const QDate &date) const;

    QString m_dbPath, m_worker, m_slipDir;
    std::unique_ptr<Inventory::Store> m_store;
    QDate m_date;
    DeskSession::Tone m_tone = DeskSession::Tone::Neutral;
    QString m_message, m_pictogram, m_family, m_familyName;
    ReturnStage m_returnStage = ReturnStage::Scan;
    QString m_returnTag, m_returnKind, m_returnFamily, m_reason, m_swapTag, m_slipPath;
};

} // namespace Etabli::Desk
