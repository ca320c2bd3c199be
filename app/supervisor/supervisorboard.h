// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QDate>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>

class QThread;

namespace Etabli::AppCore::Supervisor {
struct Source;
}

namespace Etabli::Supervisor {

/// The supervisor's screens bind to this (issue 13): the attention list, the figures of a
/// period and lot, the bilan, the asset and worker details and the administration, read
/// through AppCore::Supervisor over the central server (serverUrl + token) or the local
/// store (dbPath). QML only binds; the Q_INVOKABLEs are the actions.
///
/// Every read and write runs on a worker thread (one job at a time, a QThread each; the
/// local store is opened in that thread): `busy` is true meanwhile, and when the server
/// cannot be reached `errorString` says so in words (the screen offers retry()).
/// Every change goes through AppCore::Supervisor::administer (the same as `etabli admin …`)
/// as an event made by `worker` (the supervisor logged in).
class SupervisorBoard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString serverUrl MEMBER m_serverUrl NOTIFY sourceChanged)
    Q_PROPERTY(QString token MEMBER m_token NOTIFY sourceChanged)
    Q_PROPERTY(QString dbPath MEMBER m_dbPath NOTIFY sourceChanged)
    Q_PROPERTY(QString worker MEMBER m_worker NOTIFY sourceChanged)
    Q_PROPERTY(QString station MEMBER m_station NOTIFY sourceChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY periodChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY periodChanged)
    Q_PROPERTY(QString lot READ lot WRITE setLot NOTIFY periodChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QVariantList attention READ attention NOTIFY refreshed)
    /// Rows of the chosen kind in all (attention holds at most kAttentionRows of them, from attentionOffset).
    Q_PROPERTY(int attentionCount READ attentionCount NOTIFY refreshed)
    /// Rows of every kind in all.
    Q_PROPERTY(int attentionTotal READ attentionTotal NOTIFY refreshed)
    /// The kinds with rows: {kind, title, count} each, in the list's order.
    Q_PROPERTY(QVariantList attentionKinds READ attentionKinds NOTIFY refreshed)
    /// The kind shown ("": every kind).
    Q_PROPERTY(QString attentionKind READ attentionKind NOTIFY refreshed)
    Q_PROPERTY(int attentionOffset READ attentionOffset NOTIFY refreshed)
    Q_PROPERTY(int attentionRows READ attentionRows CONSTANT)
    Q_PROPERTY(QVariantMap figures READ figures NOTIFY refreshed)
    Q_PROPERTY(QVariantList refurbishedPerMonth READ refurbishedPerMonth NOTIFY refreshed)
    Q_PROPERTY(QVariantList hsByPart READ hsByPart NOTIFY refreshed)
    Q_PROPERTY(QVariantList perWorker READ perWorker NOTIFY refreshed)
    Q_PROPERTY(QVariantList bilanRows READ bilanRows NOTIFY refreshed)
    Q_PROPERTY(QVariantList workers READ workers NOTIFY refreshed)
    Q_PROPERTY(QVariantMap workshop READ workshop NOTIFY refreshed)
    Q_PROPERTY(QVariantList benchSteps READ benchSteps NOTIFY refreshed)
    Q_PROPERTY(QVariantList tokens READ tokens NOTIFY refreshed)
    Q_PROPERTY(bool tokensAvailable READ tokensAvailable NOTIFY refreshed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY refreshed)
    Q_PROPERTY(QString message READ message NOTIFY refreshed)
    Q_PROPERTY(QString detailKind READ detailKind NOTIFY detailChanged)
    Q_PROPERTY(QString detailId READ detailId NOTIFY detailChanged)
    Q_PROPERTY(QVariantMap detail READ detail NOTIFY detailChanged)
    Q_PROPERTY(QString selected READ selected NOTIFY detailChanged)

public:
    explicit SupervisorBoard(QObject *parent = nullptr);
    ~SupervisorBoard() override;

    QString from() const { return m_from.toString(Qt::ISODate); }
    QString to() const { return m_to.toString(Qt::ISODate); }
    QString lot() const { return m_lot; }
    void setFrom(const QString &d);
    void setTo(const QString &d);
    void setLot(const QString &lot);
    bool busy() const { return m_job != nullptr; }
    QVariantList attention() const { return m_attention; }
    int attentionCount() const { return m_attentionCount; }
    int attentionTotal() const { return m_attentionTotal; }
    QVariantList attentionKinds() const { return m_attentionKinds; }
    QString attentionKind() const { return m_attentionKind; }
    int attentionOffset() const { return m_attentionOffset; }
    /// The most attention rows read at once (at a region's scale the list is thousands).
    static constexpr int kAttentionRows = 500;
    int attentionRows() const { return kAttentionRows; }
    QVariantMap figures() const { return m_figures; }
    QVariantList refurbishedPerMonth() const { return m_perMonth; }
    QVariantList hsByPart() const { return m_hs; }
    QVariantList perWorker() const { return m_perWorker; }
    QVariantList bilanRows() const { return m_bilanRows; }
    QVariantList workers() const { return m_workers; }
    QVariantMap workshop() const { return m_workshop; }
    QVariantList benchSteps() const { return m_steps.toVariantList(); }
    QVariantList tokens() const { return m_tokens; }
    bool tokensAvailable() const { return m_tokensAvailable; }
    QString errorString() const { return m_error; }
    QString message() const { return m_message; }
    QString detailKind() const { return m_detailKind; }
    QString detailId() const { return m_detailId; }
    QVariantMap detail() const { return m_detail; }
    QString selected() const
    {
        return m_detailKind.isEmpty() ? QString() : m_detailKind + QLatin1Char(' ') + m_detailId;
    }

    /// Reads everything again for the period and lot (and the open detail), off the GUI thread.
    Q_INVOKABLE void refresh();
    /// The same read again after an error.
    Q_INVOKABLE void retry() { refresh(); }
    /// Shows the attention rows of one kind ("": every kind) from the first, and reads.
    Q_INVOKABLE void showAttentionKind(const QString &kind);
    /// The next (+1) or previous (-1) kAttentionRows rows of the attention list, and reads.
    Q_INVOKABLE void moveAttention(int delta);
    /// Sets the period to `month` (this month), `year` (this year) or `previous_year`, and reads.
    Q_INVOKABLE void setPeriod(const QString &preset);
    /// Opens the detail screen of an asset (tag) or a worker (badge; what they did in the period).
    Q_INVOKABLE void openAsset(const QString &tag);
    Q_INVOKABLE void openWorker(const QString &badge);
    /// A station's detail (what it recorded in the period), from a "not synced" row.
    Q_INVOKABLE void openStation(const QString &name);
    Q_INVOKABLE void closeDetail();
    /// Administration (each one event named after `worker`, then a read).
    /// `fields`: display_name, role, guidance (1..3), active (bool), preferences (object), photo (file path).
    Q_INVOKABLE void updateWorker(const QString &badge, const QVariantMap &fields);
    /// One workshop setting (min_spec, master_name, master_version, label_template, …).
    Q_INVOKABLE void configure(const QString &key, const QVariant &value);
    /// Moves the bench step at `index` up (-1) or down (+1), or switches it (0).
    Q_INVOKABLE void editStep(int index, int delta);
    /// Tokens of the stations (server only); the new secret is shown once in `message`.
    Q_INVOKABLE void issueToken(const QString &name, const QString &role);
    Q_INVOKABLE void revokeToken(const QString &name);
    /// Writes the bilan of the period as pdf, csv or json to `file` (a bare name: in the
    /// documents folder); returns the error, empty when written.
    Q_INVOKABLE QString exportBilan(const QString &format, const QString &file);
    /// Shows `message` (a word for the supervisor, e.g. bad input on the screen).
    Q_INVOKABLE void say(const QString &message)
    {
        m_message = message;
        Q_EMIT refreshed();
    }
    /// Blocks (spinning the event loop) until no job runs; for tests and the CLI demo.
    Q_INVOKABLE bool waitIdle(int ms = 30000);

Q_SIGNALS:
    void sourceChanged();
    void periodChanged();
    void refreshed();
    void busyChanged();
    void detailChanged();

private:
    struct Snapshot;
    using Action = std::function<QString(const AppCore::Supervisor::Source &)>;
    /// Runs `action` (may be empty) then every read on a worker thread; applies the result here.
    void start(Action action);
    void apply(const Snapshot &s);

    QString m_serverUrl, m_token, m_dbPath, m_lot, m_error, m_message;
    QString m_worker = QStringLiteral("supervisor"), m_station = QStringLiteral("office");
    QDate m_from, m_to;
    QVariantList m_attention, m_perMonth, m_hs, m_perWorker, m_bilanRows, m_workers, m_tokens;
    QVariantMap m_figures, m_workshop, m_detail;
    QJsonObject m_bilan;
    QJsonArray m_steps;
    QString m_logo, m_detailKind, m_detailId, m_attentionKind;
    QVariantList m_attentionKinds;
    int m_attentionCount = 0, m_attentionTotal = 0, m_attentionOffset = 0;
    bool m_tokensAvailable = false;
    QThread *m_job = nullptr;
    bool m_again = false;
    QList<Action> m_pending;
};

} // namespace Etabli::Supervisor
