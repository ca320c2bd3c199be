// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "hwtest/diag/testresult.h"

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace Etabli::AppCore {
class InventoryService;
}

namespace Etabli::Station {

/// The station's run-time settings (which test screen, monitor model, asset and
/// inventory) and the one place a finished test is recorded, like `etabli test
/// --asset`. One instance per process, used from the UI thread only; main() fills it
/// before the QML is loaded, QML reads it as the `Station` singleton.
///
/// Results are recorded through an AppCore::InventoryService, so the UI thread never
/// waits on SQLite. finished() comes only once the inventory took every result; a
/// refusal sets errorString (and emits recordFailed) and keeps the results, so the
/// screen stays and the worker can retry() or quit() knowingly.
class Station : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString screen READ screen CONSTANT)
    Q_PROPERTY(QString monitorModel READ monitorModel CONSTANT)
    Q_PROPERTY(QString asset READ asset CONSTANT)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    /// A result is on its way to the inventory.
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
public:
    static Station *instance();
    static Station *create(QQmlEngine *, QJSEngine *);

    /// Sets what the station shows and where it records. Results already sent to the
    /// previous inventory are written before it is closed (this may wait on SQLite, so
    /// call it at start-up, not while a worker is on a screen).
    void configure(const QString &screen, const QString &monitorModel, const QString &asset, const QString &dbPath);
    QString screen() const { return m_screen; }
    QString monitorModel() const { return m_monitorModel; }
    QString asset() const { return m_asset; }
    QString errorString() const { return m_errorString; }
    bool busy() const { return !m_requests.isEmpty(); }

    /// Keeps `results` as lastResults() and sends them to the asset's inventory (when
    /// an asset was given); finished() follows once all of them are recorded, at once
    /// without an asset. Returns false (errorString set, recordFailed emitted) when the
    /// asset tag is malformed; a refusal by the inventory comes later, the same way.
    bool record(const QList<HwTest::TestResult> &results);
    /// Sends the results the inventory refused (or could not take) again.
    Q_INVOKABLE void retry();
    /// toJson() of what record() got last, for the tests and the log.
    QJsonArray lastResults() const { return m_last; }

    /// Ends the station (main quits the event loop).
    Q_INVOKABLE void quit();

Q_SIGNALS:
    /// Every result of the last record() is in the inventory (or there was no asset).
    void finished();
    /// The inventory refused a result; `errorString` says why, the results are kept.
    void recordFailed(const QString &errorString);
    void busyChanged();
    void quitRequested();
    void errorStringChanged();

private:
    explicit Station(QObject *parent = nullptr);
    ~Station() override;
    void setErrorString(const QString &error);
    void send(const QList<HwTest::TestResult> &results);
    void onRecorded(quint64 id);
    void onRefused(quint64 id, const QString &errorString);

    std::unique_ptr<AppCore::InventoryService> m_service;
    QHash<quint64, HwTest::TestResult> m_requests; ///< sent, not answered yet
    QList<HwTest::TestResult> m_refused; ///< answered with a refusal, for retry()
    bool m_drainOnQuit = false;
    QString m_screen;
    QString m_monitorModel;
    QString m_asset;
    QString m_dbPath;
    QString m_errorString;
    QJsonArray m_last;
};

} // namespace Etabli::Station
