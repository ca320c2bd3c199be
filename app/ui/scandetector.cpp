// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/ui/scandetector.h"

#include "inventory/assettag.h"

#include <QHash>
#include <QRegularExpression>

namespace Etabli::Ui {

namespace {

// What each character becomes when the layout is undone. Letters not listed and digits
// are typed the same on both layouts (apart from the listed swaps).
const QHash<QChar, QChar> &qwertyOnAzertyMap()
{
    // A QWERTY scanner sends the digit row unshifted: an AZERTY host prints its symbols.
    // QWERTY's hyphen key is AZERTY's ')'; A/Q and Z/W trade places; QWERTY's M key is
    // AZERTY's ',' (shifted: '?').
    static const QHash<QChar, QChar> map = {
        {u'&', u'1'}, {QChar(0x00C9), u'2'}, {u'"', u'3'}, {u'\'', u'4'},         {u'(', u'5'},
        {u'-', u'6'}, {QChar(0x00C8), u'7'}, {u'_', u'8'}, {QChar(0x00C7), u'9'}, {QChar(0x00C0), u'0'},
        {u')', u'-'}, {u'A', u'Q'},          {u'Q', u'A'}, {u'Z', u'W'},          {u'W', u'Z'},
        {u',', u'M'}, {u'?', u'M'},
    };
    return map;
}

const QHash<QChar, QChar> &azertyOnQwertyMap()
{
    // An AZERTY scanner shifts the digit row for digits: a QWERTY host prints !@#$%^&*();
    // AZERTY's hyphen is the unshifted 6 key; AZERTY's M key is QWERTY's ';' (shifted ':').
    static const QHash<QChar, QChar> map = {
        {u'!', u'1'}, {u'@', u'2'}, {u'#', u'3'}, {u'$', u'4'}, {u'%', u'5'}, {u'^', u'6'},
        {u'&', u'7'}, {u'*', u'8'}, {u'(', u'9'}, {u')', u'0'}, {u'6', u'-'}, {u'A', u'Q'},
        {u'Q', u'A'}, {u'Z', u'W'}, {u'W', u'Z'}, {u';', u'M'}, {u':', u'M'},
    };
    return map;
}

bool isPlainCode(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Z0-9-]+$"));
    return re.match(s).hasMatch();
}

// A symbol that no code of ours contains: the sign that a layout is wrong (letter
// swaps alone cannot be told from a real code).
bool hasForeignSymbol(const QString &s)
{
    for (QChar c : s)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-')
            return true;
    return false;
}

QString applyMap(const QString &upper, const QHash<QChar, QChar> &map)
{
    QString out;
    out.reserve(upper.size());
    for (QChar c : upper)
        out.append(map.value(c, c));
    return out;
}

} // namespace

ScanDetector::ScanDetector(QObject *parent)
    : QObject(parent)
{
    m_clock.start();
}

void ScanDetector::setMaxGapMs(int ms)
{
    if (ms == m_maxGapMs || ms <= 0)
        return;
    m_maxGapMs = ms;
    Q_EMIT settingsChanged();
}

void ScanDetector::setMinLength(int n)
{
    if (n == m_minLength || n <= 0)
        return;
    m_minLength = n;
    Q_EMIT settingsChanged();
}

bool ScanDetector::feedKey(int key, const QString &text)
{
    return feedKeyAt(key, text, m_clock.elapsed());
}

bool ScanDetector::feedKeyAt(int key, const QString &text, qint64 timestampMs)
{
    if (key == Qt::Key_Return || key == Qt::Key_Enter) {
        finishLine(timestampMs);
        return true;
    }
    if (key == Qt::Key_Escape) {
        reset();
        return false;
    }
    if (key == Qt::Key_Backspace) {
        // An edit by hand: whatever follows is a new run.
        if (!m_buffer.isEmpty())
            m_buffer.chop(1);
        m_burstStart = m_buffer.size();
        m_lastKeyMs = timestampMs;
        Q_EMIT pendingChanged();
        return false;
    }
    // Shift, Ctrl, arrows: no character, and a scanner's Shift must not break its burst.
    if (text.isEmpty() || !text.at(0).isPrint())
        return false;
    if (m_lastKeyMs < 0 || timestampMs - m_lastKeyMs > m_maxGapMs)
        m_burstStart = m_buffer.size();
    m_buffer.append(text);
    m_lastKeyMs = timestampMs;
    Q_EMIT pendingChanged();
    return false;
}

void ScanDetector::finishLine(qint64 timestampMs)
{
    const QString line = m_buffer;
    const QString burst = m_buffer.mid(m_burstStart).trimmed();
    const bool enterInBurst = m_lastKeyMs >= 0 && timestampMs - m_lastKeyMs <= m_maxGapMs;
    reset();
    if (enterInBurst && burst.size() >= m_minLength) {
        const Garble g = ungarble(burst);
        if (g.layout != Layout::None) {
            const QString message = g.layout == Layout::QwertyOnAzerty
                ? tr("The scanner is set to an English keyboard. Set it to French (AZERTY), then scan again.")
                : tr("The scanner is set to a French keyboard. Set it to English (QWERTY), then scan again.");
            Q_EMIT garbledScan(burst, g.meant, g.layout, message);
            return;
        }
        Q_EMIT scanned(burst);
        return;
    }
    if (!line.trimmed().isEmpty())
        Q_EMIT typed(line.trimmed());
}

void ScanDetector::reset()
{
    const bool had = !m_buffer.isEmpty();
    m_buffer.clear();
    m_burstStart = 0;
    m_lastKeyMs = -1;
    if (had)
        Q_EMIT pendingChanged();
}

ScanDetector::Garble ScanDetector::ungarble(const QString &raw)
{
    const QString upper = raw.trimmed().toUpper();
    Garble none;
    if (!hasForeignSymbol(upper))
        return none;
    Garble best;
    for (Layout layout : {Layout::QwertyOnAzerty, Layout::AzertyOnQwerty}) {
        const QString meant
            = applyMap(upper, layout == Layout::QwertyOnAzerty ? qwertyOnAzertyMap() : azertyOnQwertyMap());
        if (!isPlainCode(meant))
            continue;
        const bool validTag = Inventory::AssetTag::parse(meant).ok();
        if (validTag)
            return Garble{layout, meant, true};
        if (best.layout == Layout::None)
            best = Garble{layout, meant, false};
    }
    return best;
}

QString ScanDetector::layoutName(Layout layout)
{
    switch (layout) {
    case Layout::QwertyOnAzerty:
        return QStringLiteral("qwerty_on_azerty");
    case Layout::AzertyOnQwerty:
        return QStringLiteral("azerty_on_qwerty");
    case Layout::None:
        break;
    }
    return QStringLiteral("none");
}

} // namespace Etabli::Ui
