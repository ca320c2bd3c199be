// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "inventory/store.h"

#include <QDate>
#include <QObject>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace Etabli::Supervisor {

/// The supervisor's screens bind to this (issue 13): the attention list, the figures of a
/// period and lot, the bilan and the administration lists, read through
/// AppCore::Supervisor over the central server (serverUrl + token) or the local store
/// (dbPath). QML only binds; refresh() and exportBilan() are the actions. GUI thread;
/// the reads block while they run (a few hundred ms on a workshop's year).
class SupervisorBoard : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString serverUrl MEMBER m_serverUrl NOTIFY sourceChanged)
    Q_PROPERTY(QString token MEMBER m_token NOTIFY sourceChanged)
    Q_PROPERTY(QString dbPath MEMBER m_dbPath NOTIFY sourceChanged)
    Q_PROPERTY(QString from READ from WRITE setFrom NOTIFY periodChanged)
    Q_PROPERTY(QString to READ to WRITE setTo NOTIFY periodChanged)
    Q_PROPERTY(QString lot MEMBER m_lot NOTIFY periodChanged)
    Q_PROPERTY(QVariantList attention READ attention NOTIFY refreshed)
    Q_PROPERTY(QVariantMap figures READ figures NOTIFY refreshed)
    Q_PROPERTY(QVariantList refurbishedPerMonth READ refurbishedPerMonth NOTIFY refreshed)
    Q_PROPERTY(QVariantList hsByPart READ hsByPart NOTIFY refreshed)
    Q_PROPERTY(QVariantList bilanRows READ bilanRows NOTIFY refreshed)
    Q_PROPERTY(QVariantList workers READ workers NOTIFY refreshed)
    Q_PROPERTY(QString errorString READ errorString NOTIFY refreshed)
    Q_PROPERTY(QString selected MEMBER m_selected NOTIFY selectedChanged)

public:
    explicit SupervisorBoard(QObject *parent = nullptr);
    ~SupervisorBoard() override;

    QString from() const { return m_from.toString(Qt::ISODate); }
    QString to() const { return m_to.toString(Qt::ISODate); }
    void setFrom(const QString &d);
    void setTo(const QString &d);
    QVariantList attention() const { return m_attention; }
    QVariantMap figures() const { return m_figures; }
    QVariantList refurbishedPerMonth() const { return m_perMonth; }
    QVariantList hsByPart() const { return m_hs; }
    QVariantList bilanRows() const { return m_bilanRows; }
    QVariantList workers() const { return m_workers; }
    QString errorString() const { return m_error; }

    /// Reads everything again for the period and lot.
    Q_INVOKABLE void refresh();
    /// Writes the bilan of the period as pdf, csv or json to `file` (a bare name: in the
    /// documents folder); returns the error, empty when written.
    Q_INVOKABLE QString exportBilan(const QString &format, const QString &file);

Q_SIGNALS:
    void sourceChanged();
    void periodChanged();
    void refreshed();
    void selectedChanged();

private:
    QString m_serverUrl, m_token, m_dbPath, m_lot, m_error, m_selected;
    QDate m_from, m_to;
    QVariantList m_attention, m_perMonth, m_hs, m_bilanRows, m_workers;
    QVariantMap m_figures;
    QJsonObject m_bilan;
    QString m_logo;
    std::unique_ptr<Inventory::Store> m_store;
};

} // namespace Etabli::Supervisor
