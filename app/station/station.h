// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/testresult.h"

#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace Etabli::Station {

/// The station's run-time settings (which test screen, monitor model, asset and
/// inventory) and the one place a finished test is recorded, like `etabli test
/// --asset`. One instance per process, used from the UI thread only; main() fills it
/// before the QML is loaded, QML reads it as the `Station` singleton.
class Station : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString screen READ screen CONSTANT)
    Q_PROPERTY(QString monitorModel READ monitorModel CONSTANT)
    Q_PROPERTY(QString asset READ asset CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
public:
    static Station *instance();
    static Station *create(QQmlEngine *, QJSEngine *);

    void configure(const QString &screen, const QString &monitorModel, const QString &asset, const QString &dbPath);
    QString screen() const { return m_screen; }
    QString monitorModel() const { return m_monitorModel; }
    QString asset() const { return m_asset; }
    QString errorString() const { return m_errorString; }

    /// Records `results` on the asset (when one was given) and keeps them as
    /// lastResults(); emits finished(). Returns false (and sets errorString) when the
    /// inventory refused them.
    bool record(const QList<HwTest::TestResult> &results);
    /// toJson() of what record() got last, for the tests and the log.
    QJsonArray lastResults() const { return m_last; }

    /// Ends the station (main quits the event loop).
    Q_INVOKABLE void quit();

Q_SIGNALS:
    void finished();
    void quitRequested();
    void errorStringChanged();

private:
    explicit Station(QObject *parent = nullptr);
    QString m_screen;
    QString m_monitorModel;
    QString m_asset;
    QString m_dbPath;
    QString m_errorString;
    QJsonArray m_last;
};

} // namespace Etabli::Station
