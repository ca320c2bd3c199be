// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::Desk {

/// The desk screen's handover, scan first (issue 14): scan the voucher, then each label
/// of the kit; every scan is checked at once by AppCore::Desk::checkScan and answered with
/// a tone (colour), a pictogram and one short sentence (`spoken` carries it to the voice);
/// hard blocks change nothing, warnings wait for one touch; `finish` records the handover
/// with the signature's strokes or the witness, through AppCore::Desk::handOver; then the
/// family may join the parents' training (`enrolTraining`). Every answer also plays its
/// tone (Etabli::Ui::FeedbackSound: pass, warn, fail). QML only
/// binds. UI thread only: the desk store is small and local, each call is a few queries.
class DeskSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString dbPath READ dbPath WRITE setDbPath NOTIFY changed)
    Q_PROPERTY(Stage stage READ stage NOTIFY changed)
    Q_PROPERTY(Tone tone READ tone NOTIFY changed)
    Q_PROPERTY(QString message READ message NOTIFY changed)
    Q_PROPERTY(QString pictogram READ pictogram NOTIFY changed)
    Q_PROPERTY(QString family READ family NOTIFY changed)
    Q_PROPERTY(QString voucher READ voucher NOTIFY changed)
    Q_PROPERTY(QVariantList items READ items NOTIFY changed)
    Q_PROPERTY(QStringList warnings READ warnings NOTIFY changed)
    Q_PROPERTY(QString receipt READ receipt NOTIFY changed)
    /// Done: the family joined the parents' training (offered at the end of the handover).
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY changed)
    /// Where the training takes place (setting `desk.training_site`; empty: not said).
    Q_PROPERTY(QString trainingSite READ trainingSite WRITE setTrainingSite NOTIFY changed)
public:
    enum class Stage { Voucher, Kit, Done };
    Q_ENUM(Stage)
    enum class Tone { Neutral, Pass, Warn, Fail };
    Q_ENUM(Tone)
    /// The short sound of an answer's tone (none for Neutral); the desk's other screens too.
    static void playTone(Tone tone);

    explicit DeskSession(QObject *parent = nullptr);
    ~DeskSession() override;

    QString dbPath() const { return m_dbPath; }
    void setDbPath(const QString &path);
    Stage stage() const { return m_stage; }
    Tone tone() const { return m_tone; }
    QString message() const { return m_message; }
    QString pictogram() const { return m_pictogram; }
    QString family() const { return m_family; }
    QString voucher() const { return m_voucher; }
    QVariantList items() const;
    QStringList warnings() const { return m_pending; }
    QString receipt() const { return m_receipt; }
    bool enrolled() const { return m_enrolled; }
    QString trainingSite() const { return m_trainingSite; }
    void setTrainingSite(const QString &site);

    /// A code from the scanner or the manual field: the voucher first, then the kit.
    Q_INVOKABLE void scan(const QString &code);
    /// A scan the ScanDetector found garbled by a wrong keyboard layout: a hard block.
    Q_INVOKABLE void garbled(const QString &message);
    /// Staff confirm a warning (no_speakers, other_lot) with one touch.
    Q_INVOKABLE void confirm(const QString &warning);
    /// The short sentence of a warning, for its button.
    Q_INVOKABLE QString warningText(const QString &warning) const;
    /// Records the handover: `strokes` [[[x, y, t], …], …] from the pad, or `witness`.
    Q_INVOKABLE bool finish(const QString &witness, const QVariantList &strokes, qreal width, qreal height);
    /// Done: enrols the family in the parents' training (AppCore::Desk::enrolTraining).
    Q_INVOKABLE bool enrolTraining();
    /// Back to the start (next family).
    Q_INVOKABLE void reset();

Q_SIGNALS:
    void changed();
    /// The sentence to say aloud (the Speaker of Etabli.Ui when it is there).
    void spoken(const QString &sentence);

private:
    Inventory::Store *store();
    void answer(Tone tone, const QString &pictogram, const QString &message);
    void refreshWarnings();

    QString m_dbPath;
    std::unique_ptr<Inventory::Store> m_store;
    Stage m_stage = Stage::Voucher;
    Tone m_tone = Tone::Neutral;
    QString m_message, m_pictogram, m_family, m_voucher, m_beneficiary, m_receipt;
    QStringList m_tags, m_kinds, m_pending, m_confirmed;
    bool m_enrolled = false;
    QString m_trainingSite;
};

} // namespace Etabli::Desk
