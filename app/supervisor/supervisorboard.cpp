// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/supervisor/supervisorboard.h"

#include "app/core/supervisordata.h"
#include "inventory/report/report.h"
#include "labels/bilanpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace Etabli::Supervisor {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Supervisor::SupervisorBoard", text);
}

/// The words a supervisor reads for each attention kind.
QString kindText(const QString &kind)
{
    if (kind == QLatin1String("stuck"))
        return tr("Stuck too long in one step");
    if (kind == QLatin1String("no_verified_erasure"))
        return tr("Disk not erased and checked");
    if (kind == QLatin1String("erasure_unchecked"))
        return tr("Erasure waits for a second person");
    if (kind == QLatin1String("ready_but_disk_failed"))
        return tr("Ready, but its disk test failed");
    if (kind == QLatin1String("duplicate_serial"))
        return tr("Same serial number twice");
    if (kind == QLatin1String("label_not_printed"))
        return tr("Label not printed");
    if (kind == QLatin1String("station_not_synced"))
        return tr("Bench not synced for a day");
    if (kind == QLatin1String("set_aside"))
        return tr("Change set aside by the server");
    if (kind == QLatin1String("return_waiting"))
        return tr("Return under warranty waits");
    if (kind == QLatin1String("handed_over_twice"))
        return tr("Handed over twice");
    return kind;
}

QVariantList pairs(const QJsonObject &o)
{
    QVariantList out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.append(QVariantMap{{QStringLiteral("key"), it.key()}, {QStringLiteral("value"), it.value().toDouble()}});
    return out;
}

} // namespace

SupervisorBoard::SupervisorBoard(QObject *parent)
    : QObject(parent)
    , m_from(QDate(QDate::currentDate().year(), 1, 1))
    , m_to(QDate::currentDate())
{}

SupervisorBoard::~SupervisorBoard() = default;

void SupervisorBoard::setFrom(const QString &d)
{
    const QDate date = QDate::fromString(d, Qt::ISODate);
    if (date.isValid() && date != m_from) {
        m_from = date;
        Q_EMIT periodChanged();
    }
}

void SupervisorBoard::setTo(const QString &d)
{
    const QDate date = QDate::fromString(d, Qt::ISODate);
    if (date.isValid() && date != m_to) {
        m_to = date;
        Q_EMIT periodChanged();
    }
}

void SupervisorBoard::refresh()
{
    AppCore::Supervisor::Source s;
    m_error.clear();
    if (!m_serverUrl.isEmpty()) {
        s.server = QUrl(m_serverUrl);
        s.token = m_token;
    } else {
        if (!m_store && !m_dbPath.isEmpty()) {
            auto opened = Inventory::Store::open(m_dbPath, {QStringLiteral("office"), QStringLiteral("supervisor")});
            if (opened)
                m_store = std::move(*opened);
            else
                m_error = opened.error().message;
        }
        s.store = m_store.get();
    }
    const auto note = [this](const Error &e) {
        if (m_error.isEmpty())
            m_error = e.message;
    };
    m_attention.clear();
    if (auto rows = AppCore::Supervisor::attention(s, QDateTime::currentDateTimeUtc()); rows) {
        for (const QJsonValue &v : std::as_const(*rows)) {
            QVariantMap row = v.toObject().toVariantMap();
            const QJsonObject link = v.toObject().value(QStringLiteral("link")).toObject();
            row.insert(QStringLiteral("title"), kindText(row.value(QStringLiteral("kind")).toString()));
            row.insert(QStringLiteral("id"), link.value(QStringLiteral("id")).toString());
            row.insert(QStringLiteral("linkType"), link.value(QStringLiteral("type")).toString());
            m_attention.append(row);
        }
    } else {
        note(rows.error());
    }
    m_perMonth.clear();
    m_hs.clear();
    if (auto f = AppCore::Supervisor::figures(s, m_from, m_to, m_lot); f) {
        m_figures = f->toVariantMap();
        m_perMonth
            = pairs(f->value(QStringLiteral("refurbished")).toObject().value(QStringLiteral("per_month")).toObject());
        m_hs = pairs(f->value(QStringLiteral("hs")).toObject().value(QStringLiteral("by_part")).toObject());
    } else {
        note(f.error());
    }
    m_bilanRows.clear();
    if (auto b = AppCore::Supervisor::bilan(s, m_from, m_to); b) {
        m_bilan = *b;
        const auto add = [this](const QString &label, const QJsonValue &v) {
            m_bilanRows.append(QVariantMap{{QStringLiteral("key"), label}, {QStringLiteral("value"), v.toDouble()}});
        };
        add(tr("PCs received"), b->value(QStringLiteral("pcs_received")));
        add(tr("PCs ready to lend"), b->value(QStringLiteral("pcs_refurbished")));
        const QJsonObject hs = b->value(QStringLiteral("hs")).toObject();
        add(tr("Broken screens"), hs.value(QStringLiteral("screen")));
        add(tr("Broken keyboards"), hs.value(QStringLiteral("keyboard")));
        add(tr("Broken mice"), hs.value(QStringLiteral("mouse")));
        const QJsonObject handed = b->value(QStringLiteral("handed_over")).toObject();
        add(tr("Kits for families"), handed.value(QStringLiteral("families")));
        add(tr("Kits for teachers"), handed.value(QStringLiteral("teachers")));
        add(tr("Kits for associations"), handed.value(QStringLiteral("associations")));
        add(tr("Returns under warranty"), b->value(QStringLiteral("returns")));
        add(tr("Grants asked"), b->value(QStringLiteral("grants_requested")));
        add(tr("Grants paid"), b->value(QStringLiteral("grants_paid")));
        add(tr("Families in the training"), b->value(QStringLiteral("training_enrolled")));
        add(tr("Families who came 6 times"), b->value(QStringLiteral("training_completed")));
        add(tr("Kilograms kept out of waste"), b->value(QStringLiteral("reuse_kg")));
    } else {
        note(b.error());
    }
    m_workers.clear();
    if (auto w = AppCore::Supervisor::workers(s); w)
        for (const QJsonValue &v : std::as_const(*w))
            m_workers.append(v.toObject().toVariantMap());
    if (auto ws = AppCore::Supervisor::workshop(s); ws)
        m_logo = ws->value(QStringLiteral("logo")).toString();
    Q_EMIT refreshed();
}

QString SupervisorBoard::exportBilan(const QString &format, const QString &file)
{
    // A bare file name goes to the user's documents folder.
    const QString path = QDir::isAbsolutePath(file)
        ? file
        : QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(file);
    if (m_bilan.isEmpty())
        return tr("Nothing to export yet");
    if (format == QLatin1String("pdf")) {
        auto w = Labels::writeBilanPdf(path, m_bilan, m_logo);
        return w ? QString() : w.error().message;
    }
    const QByteArray bytes = format == QLatin1String("json") ? QJsonDocument(m_bilan).toJson()
                                                             : Inventory::Report::bilanCsv(m_bilan).toUtf8();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return f.errorString();
    return {};
}

} // namespace Etabli::Supervisor
