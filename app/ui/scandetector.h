// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace Etabli::Ui {

/// Tells a barcode scanner (a keyboard wedge) from a person typing. A scanner sends a
/// fast burst of keys ending with Enter; a person types slower. Each key is fed with the
/// time it arrived; on Enter the trailing burst (every gap at most `maxGapMs`, at least
/// `minLength` characters) is a scan, anything else is manual entry of the whole line.
///
/// A scanner set to the wrong keyboard layout types garbage: QWERTY codes on a French
/// AZERTY host give `&é"'(-è_çà` for the digits, `)` for the hyphen and swap A/Q, Z/W;
/// an AZERTY scanner on a QWERTY host gives `!@#$%^&*()` and `6` for the hyphen. The
/// detector recognises both when undoing the swap yields a valid asset tag (check
/// character included, inventory/assettag.h) or at least a plain code, and reports the
/// scan as garbled with the layout named, never as a code: the desk refuses it and asks
/// for the scanner to be set up (issue 14).
///
/// UI thread only (it is a plain QObject fed by ScanField.qml's key handler).
class ScanDetector : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// Longest gap between two keys of a scan (ms). Scanners send 2–15 ms apart; the
    /// fastest typists stay above 50 ms between keys.
    Q_PROPERTY(int maxGapMs READ maxGapMs WRITE setMaxGapMs NOTIFY settingsChanged)
    /// Fewest characters in a scan (shorter bursts are a key held or a double tap).
    Q_PROPERTY(int minLength READ minLength WRITE setMinLength NOTIFY settingsChanged)
    /// The characters received since the last Enter (for the field to show them).
    Q_PROPERTY(QString pending READ pending NOTIFY pendingChanged)
public:
    enum class Layout {
        None, ///< not garbled
        QwertyOnAzerty, ///< scanner set to QWERTY, station keyboard French AZERTY
        AzertyOnQwerty, ///< scanner set to AZERTY, station keyboard QWERTY
    };
    Q_ENUM(Layout)

    /// What a garbled scan most probably meant.
    struct Garble {
        Layout layout = Layout::None;
        QString meant; ///< the code with the layout undone (upper case)
        bool validTag = false; ///< `meant` is an asset tag whose check character matches
    };

    explicit ScanDetector(QObject *parent = nullptr);

    int maxGapMs() const { return m_maxGapMs; }
    void setMaxGapMs(int ms);
    int minLength() const { return m_minLength; }
    void setMinLength(int n);
    QString pending() const { return m_buffer; }

    /// One key as it arrived, stamped with the detector's monotonic clock.
    /// `text` is the character(s) the key produced (empty for Shift, arrows…).
    /// Returns true when the key was Enter and ended a line (scan or manual).
    Q_INVOKABLE bool feedKey(int key, const QString &text);
    /// The same with an explicit time in ms (tests simulate a scanner's timings).
    bool feedKeyAt(int key, const QString &text, qint64 timestampMs);
    /// Forgets the line so far (the field was cleared or lost focus).
    Q_INVOKABLE void reset();

    /// Undoes a wrong-layout scan; `layout` None when `raw` is not explained by one.
    static Garble ungarble(const QString &raw);
    /// Short name of a layout for logs and scripts: "qwerty_on_azerty", "azerty_on_qwerty".
    static QString layoutName(Layout layout);

Q_SIGNALS:
    /// A fast burst ending with Enter; `code` is trimmed.
    void scanned(const QString &code);
    /// A fast burst that a wrong scanner layout explains: `meant` is what the label
    /// most probably says, `message` a sentence naming the problem for the worker.
    void garbledScan(const QString &raw, const QString &meant, Etabli::Ui::ScanDetector::Layout layout,
                     const QString &message);
    /// Typed by hand (slow keys) and ended with Enter.
    void typed(const QString &text);
    void pendingChanged();
    void settingsChanged();

private:
    void finishLine(qint64 timestampMs);

    int m_maxGapMs = 35;
    int m_minLength = 4;
    QString m_buffer; // everything since the last Enter
    int m_burstStart = 0; // index in m_buffer where the current fast run begins
    qint64 m_lastKeyMs = -1;
    QElapsedTimer m_clock;
};

} // namespace Etabli::Ui
