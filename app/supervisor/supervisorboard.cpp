// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/supervisor/supervisorboard.h"

#include "app/core/supervisordata.h"
#include "inventory/eventtypes.h"
#include "inventory/report/report.h"
#include "inventory/store.h"
#include "labels/bilanpdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>

namespace Etabli::Supervisor {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("Etabli::Supervisor::SupervisorBoard", text, disambiguation, n);
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

/// The words a supervisor reads for one event of an asset's or a worker's history.
QString eventWords(const QJsonObject &e)
{
    const QString type = e.value(QStringLiteral("type")).toString();
    const QJsonObject p = e.value(QStringLiteral("payload")).toObject();
    const auto text = [&p](const char *key) { return p.value(QLatin1String(key)).toVariant().toString(); };
    const QString tag = e.value(QStringLiteral("asset_tag")).toString();
    QString words;
    if (type == QLatin1String("asset.added"))
        words = tr("Received in lot %1").arg(text("lot"));
    else if (type == QLatin1String("asset.moved"))
        words = tr("Moved to %1").arg(text("to"));
    else if (type == QLatin1String("asset.updated"))
        words = tr("Details updated");
    else if (type == QLatin1String("test.recorded"))
        words = tr("Test %1: %2")
                    .arg(text("kind"),
                         text("verdict") == QLatin1String("PASS")       ? tr("passed")
                             : text("verdict") == QLatin1String("WARN") ? tr("passed with a warning")
                                                                        : tr("failed"));
    else if (type == QLatin1String("hs.recorded"))
        words = tr("Broken part: %1 (%2)").arg(text("part"), text("reason"));
    else if (type == QLatin1String("erasure.recorded"))
        words = tr("Disk erased (%1)").arg(text("method"));
    else if (type == QLatin1String("erasure.checked"))
        words = tr("Erasure checked by a second person");
    else if (type == QLatin1String("imaging.recorded"))
        words = tr("System written: %1 %2").arg(text("master_name"), text("master_version"));
    else if (type == QLatin1String("label.printed"))
        words = tr("Label printed");
    else if (type == QLatin1String("flow.step"))
        words = tr("Bench step %1: %2").arg(text("step"), text("status"));
    else if (type == QLatin1String("handover.recorded"))
        words = tr("Handed over");
    else if (type == QLatin1String("return.recorded"))
        words = tr("Returned: %1").arg(text("reason"));
    else if (type == QLatin1String("worker.updated") || type == QLatin1String("worker.added"))
        words = tr("Worker card changed: %1").arg(text("badge"));
    else if (type == QLatin1String("workshop.configured"))
        words = tr("Workshop settings changed: %1").arg(p.keys().join(QStringLiteral(", ")));
    else
        words = type;
    return tag.isEmpty() || e.value(QStringLiteral("detail_of_asset")).toBool() ? words
                                                                                : tag + QStringLiteral(" — ") + words;
}

QVariantMap historyRow(const QJsonObject &e, bool ofAsset)
{
    QJsonObject copy = e;
    copy.insert(QStringLiteral("detail_of_asset"), ofAsset);
    const QDateTime when = QDateTime::fromString(e.value(QStringLiteral("time")).toString(), Qt::ISODate);
    return {{QStringLiteral("when"), when.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
            {QStringLiteral("words"), eventWords(copy)},
            {QStringLiteral("type"), e.value(QStringLiteral("type")).toString()},
            {QStringLiteral("who"), e.value(QStringLiteral("worker")).toString()},
            {QStringLiteral("tag"), e.value(QStringLiteral("asset_tag")).toString()}};
}

/// The asset's detail for the screen: its facts, its history in words and the sections.
QVariantMap assetView(const QJsonObject &d, const QDateTime &now)
{
    const QJsonObject a = d.value(QStringLiteral("asset")).toObject();
    QVariantList history, tests, erasures, hs;
    for (const QJsonValue &v : d.value(QStringLiteral("history")).toArray()) {
        const QVariantMap row = historyRow(v.toObject(), true);
        history.append(row);
        const QString type = row.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("test.recorded"))
            tests.append(row);
        else if (type.startsWith(QLatin1String("erasure.")))
            erasures.append(row);
        else if (type == QLatin1String("hs.recorded"))
            hs.append(row);
    }
    const QDateTime since = QDateTime::fromString(d.value(QStringLiteral("since")).toString(), Qt::ISODate);
    const qint64 days = since.isValid() ? since.daysTo(now) : 0;
    const QString state = a.value(QStringLiteral("state")).toString();
    return {{QStringLiteral("title"),
             tr("%1 — %2 %3")
                 .arg(a.value(QStringLiteral("tag")).toString(), a.value(QStringLiteral("make")).toString(),
                      a.value(QStringLiteral("model")).toString())
                 .trimmed()},
            {QStringLiteral("state"), state},
            {QStringLiteral("where"),
             tr("In %1 for %n day(s), since %2", nullptr, int(days))
                 .arg(state, since.toLocalTime().toString(QStringLiteral("yyyy-MM-dd")))},
            {QStringLiteral("facts"),
             QVariantList{tr("Serial number: %1").arg(a.value(QStringLiteral("serial")).toString()),
                          tr("Lot: %1").arg(a.value(QStringLiteral("lot")).toString())}},
            {QStringLiteral("history"), history},
            {QStringLiteral("tests"), tests},
            {QStringLiteral("erasures"), erasures},
            {QStringLiteral("hs"), hs}};
}

QVariantMap workerView(const QJsonObject &d, QDate from, QDate to)
{
    const QJsonObject card = d.value(QStringLiteral("card")).toObject();
    QVariantList events, counts;
    const QJsonArray rows = d.value(QStringLiteral("events")).toArray();
    for (const QJsonValue &v : rows)
        events.append(historyRow(v.toObject(), false));
    const QJsonObject c = d.value(QStringLiteral("counts")).toObject();
    for (auto it = c.begin(); it != c.end(); ++it)
        counts.append(QVariantMap{
            {QStringLiteral("key"),
             eventWords(QJsonObject{{QStringLiteral("type"), it.key()}, {QStringLiteral("detail_of_asset"), true}})
                 .section(QLatin1Char(':'), 0, 0)},
            {QStringLiteral("value"), it.value().toInt()}});
    const QString name = card.value(QStringLiteral("display_name")).toString();
    return {{QStringLiteral("title"),
             name.isEmpty() ? d.value(QStringLiteral("badge")).toString()
                            : tr("%1 — badge %2").arg(name, d.value(QStringLiteral("badge")).toString())},
            {QStringLiteral("where"),
             tr("%n thing(s) done from %1 to %2", nullptr, int(rows.size()))
                 .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))},
            {QStringLiteral("facts"),
             QVariantList{tr("Role: %1").arg(card.value(QStringLiteral("role")).toString()),
                          card.value(QStringLiteral("active")).toBool(true) ? tr("Active") : tr("Has left")}},
            {QStringLiteral("counts"), counts},
            {QStringLiteral("history"), events}};
}

} // namespace

/// What one job read (on the worker thread), applied on the GUI thread.
struct SupervisorBoard::Snapshot {
    QString error, message;
    QJsonArray attention, workers, tokens;
    QJsonObject figures, bilan, workshop, detail, attentionByKind;
    int attentionCount = 0, attentionOffset = 0;
    bool tokensAvailable = false;
};

SupervisorBoard::SupervisorBoard(QObject *parent)
    : QObject(parent)
    , m_from(QDate(QDate::currentDate().year(), 1, 1))
    , m_to(QDate::currentDate())
{}

SupervisorBoard::~SupervisorBoard()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->wait();
        delete m_job;
    }
}

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

void SupervisorBoard::setLot(const QString &lot)
{
    if (lot.trimmed() != m_lot) {
        m_lot = lot.trimmed();
        Q_EMIT periodChanged();
    }
}

void SupervisorBoard::setPeriod(const QString &preset)
{
    const QDate today = QDate::currentDate();
    if (preset == QLatin1String("month")) {
        m_from = QDate(today.year(), today.month(), 1);
        m_to = today;
    } else if (preset == QLatin1String("year")) {
        m_from = QDate(today.year(), 1, 1);
        m_to = today;
    } else if (preset == QLatin1String("previous_year")) {
        m_from = QDate(today.year() - 1, 1, 1);
        m_to = QDate(today.year() - 1, 12, 31);
    } else {
        return;
    }
    Q_EMIT periodChanged();
    refresh();
}

void SupervisorBoard::refresh()
{
    start({});
}

void SupervisorBoard::showAttentionKind(const QString &kind)
{
    m_attentionKind = Inventory::Report::attentionKinds().contains(kind) ? kind : QString();
    m_attentionOffset = 0;
    refresh();
}

void SupervisorBoard::moveAttention(int delta)
{
    const int offset = m_attentionOffset + delta * kAttentionRows;
    if (offset < 0 || offset >= m_attentionCount)
        return;
    m_attentionOffset = offset;
    refresh();
}

void SupervisorBoard::openAsset(const QString &tag)
{
    m_detailKind = QStringLiteral("asset");
    m_detailId = tag.trimmed();
    m_detail.clear();
    Q_EMIT detailChanged();
    refresh();
}

void SupervisorBoard::openStation(const QString &name)
{
    m_detailKind = QStringLiteral("station");
    m_detailId = name.trimmed();
    m_detail.clear();
    Q_EMIT detailChanged();
    refresh();
}

void SupervisorBoard::openWorker(const QString &badge)
{
    m_detailKind = QStringLiteral("worker");
    m_detailId = badge.trimmed();
    m_detail.clear();
    Q_EMIT detailChanged();
    refresh();
}

void SupervisorBoard::closeDetail()
{
    m_detailKind.clear();
    m_detailId.clear();
    m_detail.clear();
    Q_EMIT detailChanged();
}

void SupervisorBoard::updateWorker(const QString &badge, const QVariantMap &fields)
{
    // The same payload as `etabli admin worker add|update`: the preferences and the guidance
    // level are the card's `accessibility{}`.
    bool known = false;
    for (const QVariant &w : std::as_const(m_workers))
        known = known || w.toMap().value(QStringLiteral("badge")).toString() == badge;
    QJsonObject payload{{QStringLiteral("badge"), badge.trimmed()}};
    for (const char *key : {"display_name", "role"})
        if (fields.contains(QLatin1String(key)))
            payload.insert(QLatin1String(key), fields.value(QLatin1String(key)).toString().trimmed());
    if (known && fields.contains(QStringLiteral("active")))
        payload.insert(QStringLiteral("active"), fields.value(QStringLiteral("active")).toBool());
    QJsonObject accessibility = QJsonObject::fromVariantMap(fields.value(QStringLiteral("preferences")).toMap());
    if (fields.contains(QStringLiteral("guidance")))
        accessibility.insert(QStringLiteral("guidance"), fields.value(QStringLiteral("guidance")).toInt());
    if (!accessibility.isEmpty())
        payload.insert(QStringLiteral("accessibility"), accessibility);
    const QString photo = fields.value(QStringLiteral("photo")).toString();
    const Inventory::Identity who{m_station, m_worker};
    const QString type
        = known ? QString(Inventory::EventType::WorkerUpdated) : QString(Inventory::EventType::WorkerAdded);
    start([payload, photo, who, type](const AppCore::Supervisor::Source &s) -> QString {
        QJsonObject p = payload;
        if (!photo.isEmpty()) {
            QFile f(QUrl(photo).isLocalFile() ? QUrl(photo).toLocalFile() : photo);
            if (!f.open(QIODevice::ReadOnly))
                return tr("Cannot read the photo %1").arg(f.fileName());
            p.insert(QStringLiteral("photo"), QString::fromLatin1(f.readAll().toBase64()));
        }
        auto r = AppCore::Supervisor::administer(s, type, p, who);
        return r ? QString() : r.error().message;
    });
}

void SupervisorBoard::configure(const QString &key, const QVariant &value)
{
    const QJsonObject payload{{key, QJsonValue::fromVariant(value)}};
    const Inventory::Identity who{m_station, m_worker};
    start([payload, who](const AppCore::Supervisor::Source &s) -> QString {
        auto r = AppCore::Supervisor::administer(s, QString(Inventory::EventType::WorkshopConfigured), payload, who);
        return r ? QString() : r.error().message;
    });
}

void SupervisorBoard::editStep(int index, int delta)
{
    auto edited = AppCore::Supervisor::editBenchSteps(m_steps, index, delta);
    if (!edited) {
        m_message = edited.error().message;
        Q_EMIT refreshed();
        return;
    }
    configure(QStringLiteral("bench_steps"), edited->toVariantList());
}

void SupervisorBoard::issueToken(const QString &name, const QString &role)
{
    start([name, role](const AppCore::Supervisor::Source &s) -> QString {
        auto secret = AppCore::Supervisor::issueToken(s, name.trimmed(), role);
        if (!secret)
            return secret.error().message;
        return tr("New key for %1 (shown once, copy it now): %2").arg(name.trimmed(), *secret);
    });
}

void SupervisorBoard::revokeToken(const QString &name)
{
    start([name](const AppCore::Supervisor::Source &s) -> QString {
        auto r = AppCore::Supervisor::revokeToken(s, name);
        return r ? tr("Key %1 revoked").arg(name) : r.error().message;
    });
}

bool SupervisorBoard::waitIdle(int ms)
{
    QElapsedTimer t;
    t.start();
    while ((m_job || !m_pending.isEmpty() || m_again) && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    return !m_job;
}

void SupervisorBoard::start(Action action)
{
    if (m_job) { // one job at a time: this one runs after
        if (action)
            m_pending << action;
        else
            m_again = true;
        return;
    }
    const QString server = m_serverUrl, token = m_token, db = m_dbPath, lot = m_lot;
    const QString kind = m_detailKind, id = m_detailId, attentionKind = m_attentionKind;
    const int attentionOffset = m_attentionOffset;
    const QDate from = m_from, to = m_to;
    auto result = std::make_shared<Snapshot>();
    m_job = QThread::create([=] {
        Snapshot &out = *result;
        AppCore::Supervisor::Source s;
        std::unique_ptr<Inventory::Store> store;
        if (!server.isEmpty()) {
            s.server = QUrl(server);
            s.token = token;
        } else if (!db.isEmpty()) {
            auto opened = Inventory::Store::open(db, {QStringLiteral("office"), QStringLiteral("supervisor")});
            if (!opened) {
                out.error = opened.error().message;
                return;
            }
            store = std::move(*opened);
            s.store = store.get();
        }
        if (action) {
            const QString said = action(s);
            out.message = said;
        }
        const auto note = [&out](const Error &e) {
            if (out.error.isEmpty())
                out.error = e.message;
        };
        Inventory::Report::AttentionQuery page{attentionKind, attentionOffset, kAttentionRows};
        auto rows = AppCore::Supervisor::attentionPage(s, QDateTime::currentDateTimeUtc(), page);
        if (rows && rows->value(QStringLiteral("attention")).toArray().isEmpty() && page.offset > 0) {
            page.offset = 0; // fewer rows than when the page was chosen: back to the first
            rows = AppCore::Supervisor::attentionPage(s, QDateTime::currentDateTimeUtc(), page);
        }
        if (!rows)
            return note(rows.error()); // the server is not there: say it once
        out.attention = rows->value(QStringLiteral("attention")).toArray();
        out.attentionCount = rows->value(QStringLiteral("count")).toInt();
        out.attentionByKind = rows->value(QStringLiteral("by_kind")).toObject();
        out.attentionOffset = int(page.offset);
        if (auto f = AppCore::Supervisor::figures(s, from, to, lot); f)
            out.figures = *f;
        else
            note(f.error());
        if (auto b = AppCore::Supervisor::bilan(s, from, to); b)
            out.bilan = *b;
        else
            note(b.error());
        if (auto w = AppCore::Supervisor::workers(s); w)
            out.workers = *w;
        else
            note(w.error());
        if (auto ws = AppCore::Supervisor::workshop(s); ws)
            out.workshop = *ws;
        else
            note(ws.error());
        if (s.remote()) {
            if (auto t = AppCore::Supervisor::tokens(s); t) {
                out.tokens = *t;
                out.tokensAvailable = true;
            }
        }
        if (kind == QLatin1String("asset")) {
            if (auto d = AppCore::Supervisor::assetDetail(s, id); d)
                out.detail = *d;
            else
                note(d.error());
        } else if (kind == QLatin1String("worker") || kind == QLatin1String("station")) {
            if (auto d = kind == QLatin1String("worker") ? AppCore::Supervisor::workerDetail(s, id, from, to)
                                                         : AppCore::Supervisor::stationDetail(s, id, from, to);
                d)
                out.detail = *d;
            else
                note(d.error());
        }
    });
    connect(m_job, &QThread::finished, this, [this, result, kind, id] {
        m_job->deleteLater();
        m_job = nullptr;
        Snapshot got = *result;
        if (kind != m_detailKind || id != m_detailId)
            got.detail = {}; // another detail was opened meanwhile: its own read follows
        apply(got);
        Q_EMIT busyChanged();
        if (!m_pending.isEmpty())
            start(m_pending.takeFirst());
        else if (std::exchange(m_again, false))
            start({});
    });
    m_job->start();
    Q_EMIT busyChanged();
}

void SupervisorBoard::apply(const Snapshot &s)
{
    m_error = s.error;
    m_message = s.message;
    m_attention.clear();
    for (const QJsonValue &v : s.attention) {
        QVariantMap row = v.toObject().toVariantMap();
        const QJsonObject link = v.toObject().value(QStringLiteral("link")).toObject();
        row.insert(QStringLiteral("title"), kindText(row.value(QStringLiteral("kind")).toString()));
        row.insert(QStringLiteral("id"), link.value(QStringLiteral("id")).toString());
        row.insert(QStringLiteral("linkType"), link.value(QStringLiteral("type")).toString());
        m_attention.append(row);
    }
    m_attentionCount = s.attentionCount;
    m_attentionOffset = s.attentionOffset;
    m_attentionTotal = 0;
    m_attentionKinds.clear();
    for (const QString &kind : Inventory::Report::attentionKinds()) {
        const int n = s.attentionByKind.value(kind).toInt();
        m_attentionTotal += n;
        if (n > 0)
            m_attentionKinds.append(QVariantMap{{QStringLiteral("kind"), kind},
                                                {QStringLiteral("title"), kindText(kind)},
                                                {QStringLiteral("count"), n}});
    }
    m_figures = s.figures.toVariantMap();
    const QJsonObject refurbished = s.figures.value(QStringLiteral("refurbished")).toObject();
    m_perMonth = pairs(refurbished.value(QStringLiteral("per_month")).toObject());
    m_perWorker = pairs(refurbished.value(QStringLiteral("by_worker")).toObject());
    m_hs = pairs(s.figures.value(QStringLiteral("hs")).toObject().value(QStringLiteral("by_part")).toObject());
    m_bilanRows.clear();
    if (!s.bilan.isEmpty()) {
        m_bilan = s.bilan;
        const QJsonObject &b = s.bilan;
        const auto add = [this](const QString &label, const QJsonValue &v) {
            m_bilanRows.append(QVariantMap{{QStringLiteral("key"), label}, {QStringLiteral("value"), v.toDouble()}});
        };
        add(tr("PCs received"), b.value(QStringLiteral("pcs_received")));
        add(tr("PCs ready to lend"), b.value(QStringLiteral("pcs_refurbished")));
        const QJsonObject hs = b.value(QStringLiteral("hs")).toObject();
        add(tr("Broken screens"), hs.value(QStringLiteral("screen")));
        add(tr("Broken keyboards"), hs.value(QStringLiteral("keyboard")));
        add(tr("Broken mice"), hs.value(QStringLiteral("mouse")));
        const QJsonObject handed = b.value(QStringLiteral("handed_over")).toObject();
        add(tr("Kits for families"), handed.value(QStringLiteral("families")));
        add(tr("Kits for teachers"), handed.value(QStringLiteral("teachers")));
        add(tr("Kits for associations"), handed.value(QStringLiteral("associations")));
        add(tr("Returns under warranty"), b.value(QStringLiteral("returns")));
        add(tr("Grants asked"), b.value(QStringLiteral("grants_requested")));
        add(tr("Grants paid"), b.value(QStringLiteral("grants_paid")));
        add(tr("Families in the training"), b.value(QStringLiteral("training_enrolled")));
        add(tr("Families who came 6 times"), b.value(QStringLiteral("training_completed")));
        add(tr("Kilograms kept out of waste"), b.value(QStringLiteral("reuse_kg")));
    }
    m_workers.clear();
    for (const QJsonValue &v : s.workers) {
        QVariantMap w = v.toObject().toVariantMap();
        w.insert(
            QStringLiteral("guidance"),
            v.toObject().value(QStringLiteral("accessibility")).toObject().value(QStringLiteral("guidance")).toInt(2));
        w.insert(QStringLiteral("active"), v.toObject().value(QStringLiteral("active")).toBool(true));
        QVariantMap preferences = v.toObject().value(QStringLiteral("accessibility")).toObject().toVariantMap();
        preferences.remove(QStringLiteral("guidance"));
        w.insert(QStringLiteral("preferences"), preferences);
        w.remove(QStringLiteral("photo")); // base64: the screen shows whether there is one
        w.insert(QStringLiteral("hasPhoto"), !v.toObject().value(QStringLiteral("photo")).toString().isEmpty());
        m_workers.append(w);
    }
    m_workshop = s.workshop.toVariantMap();
    m_workshop.remove(QStringLiteral("logo"));
    m_logo = s.workshop.value(QStringLiteral("logo")).toString();
    m_steps = AppCore::Supervisor::benchStepsForEditing(s.workshop);
    m_tokens.clear();
    for (const QJsonValue &v : s.tokens)
        m_tokens.append(v.toObject().toVariantMap());
    m_tokensAvailable = s.tokensAvailable;
    if (m_detailKind == QLatin1String("asset") && !s.detail.isEmpty())
        m_detail = assetView(s.detail, QDateTime::currentDateTimeUtc());
    else if (!m_detailKind.isEmpty() && !s.detail.isEmpty())
        m_detail = workerView(s.detail, m_from, m_to);
    Q_EMIT refreshed();
    Q_EMIT detailChanged();
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
