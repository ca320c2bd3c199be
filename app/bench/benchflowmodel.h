// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/core/benchflow.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace Etabli::Bench {

/// The steps of the asset on the bench, for QML: one row per step that applies, in the
/// workshop's order, with its status, and « Étape 3 sur 9 » from `number` and `total`. It only
/// shows an AppCore::FlowPosition; the position itself is read from and written to the
/// inventory by Bench. UI thread only.
class BenchFlowModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the Bench owns the flow")
    Q_PROPERTY(int number READ number NOTIFY positionChanged)
    Q_PROPERTY(int total READ total NOTIFY positionChanged)
    Q_PROPERTY(QString currentStep READ currentStep NOTIFY positionChanged)
    Q_PROPERTY(QString currentTitle READ currentTitle NOTIFY positionChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY positionChanged)
public:
    enum Roles { StepRole = Qt::UserRole + 1, TitleRole, StatusRole, NumberRole, CurrentRole };

    explicit BenchFlowModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setPosition(const AppCore::FlowPosition &position);
    const AppCore::FlowPosition &position() const { return m_position; }
    void clear();

    int number() const { return m_position.total() ? m_position.number() : 0; }
    int total() const { return m_position.total(); }
    QString currentStep() const;
    QString currentTitle() const;
    bool finished() const { return m_position.total() > 0 && m_position.finished(); }

    /// The worker's name of a step (« Mémoire », « Disque »…).
    static QString title(AppCore::BenchStep step);

Q_SIGNALS:
    void positionChanged();

private:
    AppCore::FlowPosition m_position;
};

} // namespace Etabli::Bench
