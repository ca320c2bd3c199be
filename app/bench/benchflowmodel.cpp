// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/bench/benchflowmodel.h"

#include <QCoreApplication>

namespace Etabli::Bench {

using AppCore::BenchStep;

BenchFlowModel::BenchFlowModel(QObject *parent)
    : QAbstractListModel(parent)
{}

int BenchFlowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_position.total();
}

QVariant BenchFlowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_position.total())
        return {};
    const AppCore::FlowStepState &s = m_position.steps.at(index.row());
    switch (role) {
    case StepRole:
        return AppCore::toString(s.step);
    case Qt::DisplayRole:
    case TitleRole:
        return title(s.step);
    case StatusRole:
        return AppCore::toString(s.status);
    case NumberRole:
        return index.row() + 1;
    case CurrentRole:
        return index.row() == m_position.current;
    }
    return {};
}

QHash<int, QByteArray> BenchFlowModel::roleNames() const
{
    return {{StepRole, "step"},
            {TitleRole, "title"},
            {StatusRole, "status"},
            {NumberRole, "number"},
            {CurrentRole, "current"}};
}

void BenchFlowModel::setPosition(const AppCore::FlowPosition &position)
{
    beginResetModel();
    m_position = position;
    endResetModel();
    Q_EMIT positionChanged();
}

void BenchFlowModel::clear()
{
    setPosition({});
}

QString BenchFlowModel::currentStep() const
{
    const auto s = m_position.currentStep();
    return s ? AppCore::toString(*s) : QString();
}

QString BenchFlowModel::currentTitle() const
{
    const auto s = m_position.currentStep();
    return s ? title(*s) : QString();
}

QString BenchFlowModel::title(BenchStep step)
{
    const auto t = [](const char *text) { return QCoreApplication::translate("Etabli::Bench::BenchFlowModel", text); };
    switch (step) {
    case BenchStep::Identify:
        return t("What is in the PC");
    case BenchStep::Ram:
        return t("Memory");
    case BenchStep::Disk:
        return t("Disk");
    case BenchStep::Screen:
        return t("Screen");
    case BenchStep::Audio:
        return t("Sound");
    case BenchStep::Input:
        return t("Keyboard and mouse");
    case BenchStep::Hs:
        return t("Broken parts");
    case BenchStep::Parts:
        return t("Parts changed");
    case BenchStep::Cleaning:
        return t("Cleaning");
    case BenchStep::EraseImage:
        return t("Erase and install");
    case BenchStep::Label:
        return t("Label");
    case BenchStep::Packing:
        return t("Packing");
    case BenchStep::Done:
        return t("Finished");
    }
    return {};
}

} // namespace Etabli::Bench
