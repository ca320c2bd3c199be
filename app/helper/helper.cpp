// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/helper/helper.h"

#include "app/core/erasure.h"
#include "app/core/imagingrun.h"
#include "hwtest/diag/diagjob.h"
#include "hwtest/diag/surfacescan.h"
#include "imaging/seal.h"
#include "imaging/source.h"
#include "imaging/target.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QPointer>
#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Etabli::Helper {

using namespace Etabli::AppCore;
namespace Protocol = Etabli::AppCore::HelperProtocol;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::Helper::Helper", text);
}

Error invalid(const QString &message, const char *detail)
{
    return makeError(ErrorCode::InvalidArgument, message, QString::fromLatin1(detail));
}

QStringList strings(const QJsonValue &v)
{
    QStringList list;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &e : a)
        list << e.toString();
    return list;
}

/// Paths come from an unprivileged caller: absolute, clean, no NUL.
Result<void> checkPath(const QString &path, const char *what)
{
    if (path.isEmpty() || !QFileInfo(path).isAbsolute() || path.contains(QChar(0)))
        return invalid(tr("%1 must be an absolute path: «%2»").arg(QString::fromLatin1(what), path.left(256)),
                       "bad_path");
    return {};
}

/// The device node a target path names, symbolic links followed once, here: a link the
/// caller swaps after the checks (e.g. in /dev/shm) then no longer changes what is opened.
QString resolved(const QString &path)
{
    const QString canonical = QFileInfo(path).canonicalFilePath();
    return canonical.isEmpty() ? path : canonical;
}

/// masters (issue 19): the RemoteOptions of a write from the network. The CA must be a
/// regular file anyone may read (a certificate is public: root's rights never read a private
/// file for the caller); the cache a regular file or a block device, never one of the targets.
Result<void> remoteOptions(const QJsonObject &args, const QStringList &targets, Imaging::RemoteOptions &remote)
{
    remote.token = args.value(QLatin1String("token")).toString();
    const QString ca = args.value(QLatin1String("ca")).toString();
    const QString cache = args.value(QLatin1String("cache")).toString();
    struct stat st {
    };
    if (!ca.isEmpty()) {
        if (::stat(QFile::encodeName(ca).constData(), &st) != 0 || !S_ISREG(st.st_mode) || !(st.st_mode & S_IROTH)
            || st.st_size > (1 << 20))
            return invalid(tr("the CA %1 must be a certificate file (PEM) that anyone may read").arg(ca.left(256)),
                           "bad_ca");
        remote.caFile = ca;
    }
    if (!cache.isEmpty()) {
        if (::stat(QFile::encodeName(cache).constData(), &st) != 0 || !(S_ISREG(st.st_mode) || S_ISBLK(st.st_mode)))
            return invalid(tr("the cache %1 must be a file or a disk").arg(cache.left(256)), "bad_cache");
        for (const QString &t : targets) {
            struct stat ts {
            };
            if (::stat(QFile::encodeName(t).constData(), &ts) == 0
                && ((S_ISBLK(st.st_mode) && S_ISBLK(ts.st_mode) && st.st_rdev == ts.st_rdev)
                    || (st.st_dev == ts.st_dev && st.st_ino == ts.st_ino)))
                return invalid(tr("the cache %1 is the disk being written").arg(cache.left(256)), "cache_is_target");
        }
        remote.cachePath = resolved(cache);
    }
    // (A multicast://…?master=URL address is split by Source::open, as for the CLI.)
    return {};
}

QJsonObject errorObject(const Error &e)
{
    return QJsonObject{{QStringLiteral("code"), Protocol::codeName(e.code)},
                       {QStringLiteral("exit_code"), exitCodeFor(e.code)},
                       {QStringLiteral("detail"), e.detail},
                       {QStringLiteral("message"), e.message}};
}

} // namespace

// One line per verb: adding `wipe` is one entry here, one in HelperProtocol::verbs()
// and its handler.
const Helper::VerbHandler Helper::handlers[] = {
    {"write", &Helper::write, true},
    {"scan", &Helper::scan, true},
    {"wipe", &Helper::wipe, true},
    {"cancel", &Helper::cancel, false},
};

Helper::Helper(QObject *parent)
    : QObject(parent)
{}

Helper::~Helper()
{
    if (m_scanCancel)
        m_scanCancel->store(true);
    if (m_scanThread.joinable())
        m_scanThread.join();
}

void Helper::start()
{
    ::fcntl(STDIN_FILENO, F_SETFL, ::fcntl(STDIN_FILENO, F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Helper::readInput);
    send(Protocol::readyLine());
}

void Helper::send(const QByteArray &line)
{
    const char *p = line.constData();
    qsizetype left = line.size();
    while (left > 0) {
        const ssize_t n = ::write(STDOUT_FILENO, p, size_t(left));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN) {
            // Under the systemd unit stdin and stdout are one socket, made non-blocking
            // for reading: wait until the client drains it (a gone client ends in EPIPE).
            pollfd pfd{STDOUT_FILENO, POLLOUT, 0};
            if (::poll(&pfd, 1, 30000) > 0)
                continue;
            return;
        }
        if (n <= 0)
            return; // the client went away: the job goes on, its disk stays consistent
        p += n;
        left -= n;
    }
}

void Helper::readInput()
{
    char chunk[16384];
    while (true) {
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return; // EAGAIN: wait for the next notification
        if (n == 0) {
            m_notifier->setEnabled(false);
            m_eof = true;
            if (!m_discarding && !m_buffer.isEmpty())
                handleLine(std::exchange(m_buffer, {})); // a last line without its newline
            quitIfIdle();
            return;
        }
        m_buffer.append(chunk, n);
        while (true) {
            const qsizetype nl = m_buffer.indexOf('\n');
            if (m_discarding) {
                if (nl < 0) {
                    m_buffer.clear();
                    break;
                }
                m_buffer.remove(0, nl + 1);
                m_discarding = false;
                continue;
            }
            if (nl < 0) {
                if (m_buffer.size() >= Protocol::maxLineBytes) {
                    // Refused unread, and never kept in memory whole.
                    send(Protocol::errorLine(
                        {},
                        invalid(tr("the request line is longer than %1 bytes").arg(Protocol::maxLineBytes),
                                "line_too_long")));
                    m_buffer.clear();
                    m_discarding = true;
                }
                break;
            }
            const QByteArray line = m_buffer.left(nl);
            m_buffer.remove(0, nl + 1);
            handleLine(line);
        }
    }
}

void Helper::handleLine(const QByteArray &raw)
{
    QByteArray line = raw;
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.trimmed().isEmpty())
        return;
    QString id;
    auto request = Protocol::parseRequest(line, &id);
    if (!request) {
        send(Protocol::errorLine(id, request.error()));
        return;
    }
    for (const VerbHandler &h : handlers) {
        if (request->verb != QLatin1String(h.verb))
            continue;
        if (h.isJob && !m_jobId.isEmpty()) {
            send(Protocol::errorLine(request->id,
                                     makeError(ErrorCode::Conflict, tr("another job (%1) is running").arg(m_jobId),
                                               QStringLiteral("busy"))));
            return;
        }
        (this->*h.run)(*request);
        return;
    }
    send(Protocol::errorLine(
        request->id, makeError(ErrorCode::Internal, tr("no handler for this verb"), QStringLiteral("unknown_verb"))));
}

void Helper::write(const Protocol::Request &r)
{
    ImagingRequest q;
    q.master = r.args.value(QLatin1String("master")).toString();
    q.manifestPath = r.args.value(QLatin1String("manifest")).toString();
    q.targets = strings(r.args.value(QLatin1String("targets")));
    q.serials = strings(r.args.value(QLatin1String("serials")));
    auto fail = [&](const Error &e) { send(Protocol::errorLine(r.id, e)); };
    // masters (issue 19): a master on the network (https:// or multicast://), the station's
    // token, CA and cache given by the caller, each checked before anything.
    if (auto ok = Protocol::checkRemoteWrite(r.args); !ok)
        return fail(ok.error());
    const bool remote = Protocol::isRemoteWrite(r.args);
    if (!remote)
        if (auto ok = checkPath(q.master, "master"); !ok)
            return fail(ok.error());
    if (!q.manifestPath.isEmpty())
        if (auto ok = checkPath(q.manifestPath, "manifest"); !ok)
            return fail(ok.error());
    if (q.targets.isEmpty() || q.targets.size() > 16)
        return fail(invalid(tr("give 1 to 16 targets"), "bad_targets"));
    if (q.serials.size() != q.targets.size())
        return fail(invalid(tr("give one serial per target, in the same order"), "serials_count"));
    for (QString &t : q.targets) {
        if (auto ok = checkPath(t, "target"); !ok)
            return fail(ok.error());
        t = resolved(t);
    }
    if (r.args.contains(QLatin1String("fill"))) {
        auto fill = Imaging::parseFill(r.args.value(QLatin1String("fill")).toString());
        if (!fill)
            return fail(fill.error());
        q.fill = *fill;
    }
    q.verify = r.args.value(QLatin1String("verify")).toBool();
    q.threads = r.args.value(QLatin1String("threads")).toInt();
    // What the caller cannot choose: the trusted key and journal come from root's
    // environment (pkexec clears the caller's), a signed manifest is required, and only
    // block devices with a confirmed serial are written.
    q.allowUnsigned = false;
    q.publicKeyPath.clear();
    q.blockDevicesOnly = true;
    q.serialsRequired = true;
    q.sealDir = Imaging::MasterSeal::defaultDir();
    // A device or FIFO as master would block or never end.
    if (!remote)
        if (auto file = Imaging::requireMasterFile(q.master); !file)
            return fail(file.error());
    if (remote)
        if (auto ok = remoteOptions(r.args, q.targets, q.remote); !ok)
            return fail(ok.error());
    auto plan = planImaging(q);
    if (!plan)
        return fail(plan.error());
    // Every target is checked before anything starts (the job checks again as it opens them).
    for (qsizetype i = 0; i < q.targets.size(); ++i) {
        Imaging::SafetyOptions safety;
        safety.requiredSize = plan->size;
        safety.masterPath = remote ? q.remote.cachePath : q.master;
        safety.confirmSerial = q.serials[i];
        safety.blockDeviceOnly = true;
        safety.serialRequired = true;
        if (auto safe = Imaging::checkTargetSafety(q.targets[i], safety); !safe)
            return fail(safe.error());
    }
    m_jobId = r.id;
    auto *run = new ImagingRun(this);
    m_imaging = run;
    auto *ticker = new QTimer(run);
    auto tick = [this, run, id = r.id] {
        const auto list = run->progress();
        for (size_t i = 0; i < list.size(); ++i) {
            const Imaging::TargetProgress &t = list[i];
            send(Protocol::progressLine(
                id,
                {{QStringLiteral("target"), int(i)},
                 {QStringLiteral("name"), t.name},
                 {QStringLiteral("phase"), Imaging::toString(t.phase)},
                 {QStringLiteral("bytes"),
                  double(t.phase == Imaging::TargetProgress::Phase::Verifying ? t.verifiedBytes : t.bytesDone)},
                 {QStringLiteral("total"), double(t.bytesTotal)},
                 {QStringLiteral("mib_s"), t.mibPerSecond},
                 {QStringLiteral("eta_s"), t.etaSeconds}}));
        }
    };
    connect(ticker, &QTimer::timeout, run, tick);
    connect(run, &ImagingRun::finished, this, [this, run, tick, id = r.id](bool ok) {
        // The last progress before the result: a short job (a small master, a fast network)
        // still shows its bytes once.
        tick();
        const ImagingOutcome &outcome = run->outcome();
        if (outcome.targets.empty()) {
            send(Protocol::errorLine(id,
                                     outcome.result.ok() ? makeError(ErrorCode::Internal, tr("nothing written"))
                                                         : outcome.result.error()));
        } else {
            QJsonArray targets;
            for (const Imaging::TargetProgress &t : outcome.targets) {
                QJsonObject o{{QStringLiteral("target"), t.name},
                              {QStringLiteral("ok"), targetSucceeded(run->plan(), t)},
                              {QStringLiteral("model"), t.model},
                              {QStringLiteral("serial"), t.serial},
                              {QStringLiteral("target_kind"), targetKind(t)},
                              {QStringLiteral("bytes"), double(t.bytesDone)},
                              {QStringLiteral("resumed_bytes"), double(t.resumedBytes)},
                              {QStringLiteral("verified"), t.verified},
                              {QStringLiteral("seconds"), t.seconds},
                              {QStringLiteral("mib_s"), t.mibPerSecond},
                              // What the station records as imaging.recorded (it owns the inventory).
                              {QStringLiteral("record"),
                               imagingRecordPayload(run->plan(), t, outcome.startedAt, outcome.endedAt)}};
                if (!t.error.isEmpty())
                    o.insert(QStringLiteral("error"), t.error);
                // A zero fill verified over the whole disk is also its erasure: what the
                // station records as erasure.recorded.
                const QJsonObject certificate = run->certificates().value(targets.size());
                if (!certificate.isEmpty())
                    o.insert(QStringLiteral("erasure_record"),
                             imagingErasurePayload(t, certificate, outcome.startedAt, outcome.endedAt));
                targets.append(o);
            }
            QJsonObject result{{QStringLiteral("ok"), ok},
                               {QStringLiteral("master_check"), outcome.masterCheck},
                               {QStringLiteral("manifest_signed"), run->plan().manifestSigned},
                               {QStringLiteral("targets"), targets}};
            if (!outcome.result.ok())
                result.insert(QStringLiteral("error"), errorObject(outcome.result.error()));
            send(Protocol::resultLine(id, result));
        }
        run->deleteLater();
        m_imaging = nullptr;
        jobDone();
    });
    ticker->start(500);
    run->start(*plan);
}

void Helper::scan(const Protocol::Request &r)
{
    QString target = r.args.value(QLatin1String("target")).toString();
    if (auto ok = checkPath(target, "target"); !ok)
        return send(Protocol::errorLine(r.id, ok.error()));
    target = resolved(target);
    Imaging::SafetyOptions safety;
    safety.confirmSerial = r.args.value(QLatin1String("serial")).toString();
    safety.blockDeviceOnly = true;
    safety.serialRequired = true;
    if (auto safe = Imaging::checkTargetSafety(target, safety); !safe)
        return send(Protocol::errorLine(r.id, safe.error()));
    auto source = HwTest::FileBlockSource::open(target);
    if (!source)
        return send(Protocol::errorLine(r.id, source.error()));
    if (m_scanThread.joinable())
        m_scanThread.join();
    m_jobId = r.id;
    m_scanCancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<Helper> self(this);
    m_scanThread = std::thread([self, id = r.id, target, cancel = m_scanCancel,
                                src = std::shared_ptr<HwTest::FileBlockSource>(std::move(source.value()))] {
        auto post = [self](QByteArray line) {
            QMetaObject::invokeMethod(qApp, [self, line] {
                if (self)
                    self->send(line);
            });
        };
        HwTest::ProgressSink sink(cancel.get(), [post, id](double fraction, qint64 eta) {
            post(Protocol::progressLine(
                id, {{QStringLiteral("fraction"), fraction}, {QStringLiteral("eta_s"), double(eta)}}));
        });
        const HwTest::SurfaceScanOptions options;
        const HwTest::SurfaceScanReport report = HwTest::scanSurface(*src, options, &sink);
        const QJsonObject verdict = HwTest::evaluateSurface(report, options, target).toJson();
        const QByteArray line = report.cancelled
            ? Protocol::errorLine(
                id, makeError(ErrorCode::Cancelled, tr("the surface scan was cancelled"), QStringLiteral("cancelled")))
            : Protocol::resultLine(id,
                                   {{QStringLiteral("ok"), true},
                                    {QStringLiteral("bytes"), double(report.bytesScanned)},
                                    {QStringLiteral("bad_sectors"), double(report.badSectors.size())},
                                    {QStringLiteral("test"), verdict}});
        QMetaObject::invokeMethod(qApp, [self, line] {
            if (!self)
                return;
            self->send(line);
            self->jobDone();
        });
    });
}

// The same safety as `write`: an absolute path, a block device only, its serial confirmed,
// checked here before AppCore::eraseDisk checks again (mounted, system disk…). The station
// records the erasure (it owns the inventory): `record` is the erasure.recorded payload.
void Helper::wipe(const Protocol::Request &r)
{
    QString target = r.args.value(QLatin1String("target")).toString();
    if (auto ok = checkPath(target, "target"); !ok)
        return send(Protocol::errorLine(r.id, ok.error()));
    target = resolved(target);
    ErasureRequest q;
    q.device = target;
    q.confirmSerial = r.args.value(QLatin1String("serial")).toString();
    if (q.confirmSerial.isEmpty())
        return send(Protocol::errorLine(r.id, invalid(tr("the disk's serial must be confirmed"), "serial_required")));
    q.method = ErasureMethod::Auto;
    if (r.args.contains(QLatin1String("method"))) {
        auto m = parseErasureMethod(r.args.value(QLatin1String("method")).toString());
        if (!m)
            return send(Protocol::errorLine(r.id, m.error()));
        q.method = *m;
    }
    if (r.args.contains(QLatin1String("pattern"))) {
        auto p = Imaging::parseErasePattern(r.args.value(QLatin1String("pattern")).toString());
        if (!p)
            return send(Protocol::errorLine(r.id, p.error()));
        q.pattern = *p;
    }
    if (r.args.contains(QLatin1String("verify"))) {
        auto v = Imaging::parseVerifyMode(r.args.value(QLatin1String("verify")).toString());
        if (!v)
            return send(Protocol::errorLine(r.id, v.error()));
        q.verify = *v;
    }
    q.restoreHiddenAreas = r.args.value(QLatin1String("restore_hidden")).toBool();
    q.softwareVersion = QCoreApplication::applicationVersion();
    Imaging::SafetyOptions safety;
    safety.confirmSerial = q.confirmSerial;
    safety.blockDeviceOnly = true;
    safety.serialRequired = true;
    if (auto safe = Imaging::checkTargetSafety(target, safety); !safe)
        return send(Protocol::errorLine(r.id, safe.error()));
    if (m_scanThread.joinable())
        m_scanThread.join();
    m_jobId = r.id;
    m_scanCancel = std::make_shared<std::atomic<bool>>(false);
    QPointer<Helper> self(this);
    m_scanThread = std::thread([self, id = r.id, q, cancel = m_scanCancel]() mutable {
        auto post = [self](QByteArray line) {
            QMetaObject::invokeMethod(qApp, [self, line] {
                if (self)
                    self->send(line);
            });
        };
        auto last = std::chrono::steady_clock::now();
        q.progress = [&](const QString &phase, const Imaging::EraseProgress &p) {
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(500))
                return;
            last = now;
            post(Protocol::progressLine(id,
                                        {{QStringLiteral("phase"), phase},
                                         {QStringLiteral("bytes"), double(p.bytesDone)},
                                         {QStringLiteral("total"), double(p.bytesTotal)}}));
        };
        q.notice = [&](const QString &line) { post(Protocol::progressLine(id, {{QStringLiteral("notice"), line}})); };
        q.cancel = cancel.get();
        ErasureOutcome outcome;
        const auto erased = eraseDisk(q, nullptr, &outcome);
        QByteArray line;
        if (!erased && outcome.certificate.isEmpty()) {
            line = Protocol::errorLine(id, erased.error());
        } else {
            const QJsonObject &c = outcome.certificate;
            const QJsonObject erasure = c.value(QStringLiteral("erasure")).toObject();
            QJsonObject result{
                {QStringLiteral("ok"), erased.ok()},
                {QStringLiteral("method"), outcome.method},
                {QStringLiteral("technique"), outcome.technique},
                {QStringLiteral("reason"), outcome.reason},
                {QStringLiteral("verified"), outcome.verified},
                {QStringLiteral("bytes"), double(outcome.clear.bytes)},
                {QStringLiteral("certificate_id"), c.value(QStringLiteral("id")).toString()},
                {QStringLiteral("certificate"), c},
                // What the station records as erasure.recorded (it owns the inventory).
                {QStringLiteral("record"),
                 QJsonObject{{QStringLiteral("method"), outcome.method},
                             {QStringLiteral("device_model"),
                              c.value(QStringLiteral("disk")).toObject().value(QStringLiteral("model"))},
                             {QStringLiteral("device_serial"),
                              c.value(QStringLiteral("disk")).toObject().value(QStringLiteral("serial"))},
                             {QStringLiteral("bytes"), double(outcome.clear.bytes)},
                             {QStringLiteral("verified"), outcome.verified},
                             {QStringLiteral("started_at"), erasure.value(QStringLiteral("started_at"))},
                             {QStringLiteral("ended_at"), erasure.value(QStringLiteral("ended_at"))},
                             {QStringLiteral("certificate"), c},
                             {QStringLiteral("technique"), outcome.technique},
                             {QStringLiteral("pattern"), erasure.value(QStringLiteral("pattern"))},
                             {QStringLiteral("verification"), toString(q.verify)},
                             {QStringLiteral("certificate_id"), c.value(QStringLiteral("id")).toString()},
                             {QStringLiteral("check_status"), QStringLiteral("to_be_checked")}}}};
            if (!erased)
                result.insert(QStringLiteral("error"), errorObject(erased.error()));
            line = Protocol::resultLine(id, result);
        }
        QMetaObject::invokeMethod(qApp, [self, line] {
            if (!self)
                return;
            self->send(line);
            self->jobDone();
        });
    });
}

void Helper::cancel(const Protocol::Request &r)
{
    if (m_imaging)
        m_imaging->cancel();
    if (m_scanCancel)
        m_scanCancel->store(true);
    send(Protocol::resultLine(r.id,
                              {{QStringLiteral("ok"), true},
                               {QStringLiteral("cancelled"), m_jobId.isEmpty() ? QJsonValue() : QJsonValue(m_jobId)}}));
}

void Helper::jobDone()
{
    m_jobId.clear();
    quitIfIdle();
}

void Helper::quitIfIdle()
{
    if (m_eof && m_jobId.isEmpty())
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
}

} // namespace Etabli::Helper
