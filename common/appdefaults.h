// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QTranslator>

/// Defaults shared by the programs (`etabli`, `etabli-station`), so they agree on where
/// the inventory lives and which language to speak. Call from the main thread.
namespace Etabli {

/// The inventory used when neither --db nor $ETABLI_DB names one.
inline QString defaultInventoryPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(dir).filePath(QStringLiteral("etabli/inventory.sqlite"));
}

/// French is the workshop's language, English the second: `requested` (--lang), then
/// $ETABLI_LANG, then the locale. Loads the French catalogue compiled into the program.
inline void installLanguage(QCoreApplication &app, const QString &requested)
{
    QString wanted = requested;
    if (wanted.isEmpty())
        wanted = qEnvironmentVariable("ETABLI_LANG");
    if (wanted.isEmpty())
        wanted = QLocale().name().left(2);
    if (wanted != QLatin1String("fr"))
        return;
    auto *translator = new QTranslator(&app);
    if (translator->load(QStringLiteral(":/i18n/etabli_fr.qm")))
        QCoreApplication::installTranslator(translator);
    else
        delete translator;
}

} // namespace Etabli
