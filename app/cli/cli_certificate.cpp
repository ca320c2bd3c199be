// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// certificate verify | bundle | station-key | endorse | install-endorsement: erasure certificates.
#include "app/cli/cli.h"

#include "app/core/erasure.h"
#include "imaging/erasecertificate.h"
#include "imaging/manifest.h"
#include "inventory/eventtypes.h"
#include "inventory/store.h"
#include "inventory/sync/syncclient.h"
#include "labels/erasurecertificatepdf.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSaveFile>
#include <QSslConfiguration>
#include <QTranslator>

namespace Etabli::Cli {

using namespace Etabli::Imaging;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

QString defaultCheckUrl()
{
    return qEnvironmentVariable("ETABLI_CERTIFICATE_CHECK_URL");
}

void addCheckUrlOption(QCommandLineParser &p)
{
    p.addOption({QStringLiteral("check-url"),
                 tr("Address printed on each page to check a certificate (default $ETABLI_CERTIFICATE_CHECK_URL)"),
                 QStringLiteral("URL")});
}

QString checkUrl(const QCommandLineParser &p)
{
    return p.isSet(QStringLiteral("check-url")) ? p.value(QStringLiteral("check-url")) : defaultCheckUrl();
}

/// The donor's PDF is in French, the workshop's language, whatever --lang says.
Result<void> writeFrenchPdf(const QString &path, const QList<QJsonObject> &certificates, const QString &url)
{
    QTranslator french;
    const bool installed
        = french.load(QStringLiteral(":/i18n/etabli_fr.qm")) && QCoreApplication::installTranslator(&french);
    auto r = Labels::writeErasureCertificatesPdf(path, certificates, url);
    if (installed)
        QCoreApplication::removeTranslator(&french);
    return r;
}

QString defaultWorkshopKey()
{
    const QString env = qEnvironmentVariable("ETABLI_WORKSHOP_PUBKEY");
    return env.isEmpty() ? QStringLiteral("/etc/etabli/workshop.pub") : env;
}

Result<void> saveJson(const QString &path, const QJsonObject &o)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    f.write(QJsonDocument(o).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return makeError(ErrorCode::Io, tr("cannot write %1: %2").arg(path, f.errorString()));
    return {};
}

Result<QByteArray> readSmallFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, tr("cannot read %1: %2").arg(path, f.errorString()),
                         QStringLiteral("file_missing"));
    return f.read(4 << 20);
}

int verify(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addPositionalArgument(QStringLiteral("file"), {});
    p.addOption({QStringLiteral("require-endorsed"), tr("Fail unless the workshop endorsed the station's key")});
    p.addOption({QStringLiteral("workshop-key"),
                 tr("The workshop's public key (default $ETABLI_WORKSHOP_PUBKEY or"
                    " /etc/etabli/workshop.pub)"),
                 QStringLiteral("PUB")});
    if (!parseArgs(p, ctx))
        return 2;
    if (p.positionalArguments().size() != 2)
        return ctx.usage(tr("usage: etabli certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]"));
    auto bytes = readSmallFile(p.positionalArguments().at(1));
    if (!bytes)
        return ctx.fail(bytes.error());
    QByteArray workshopKey;
    const QString keyPath
        = p.isSet(QStringLiteral("workshop-key")) ? p.value(QStringLiteral("workshop-key")) : defaultWorkshopKey();
    if (QFile::exists(keyPath)) {
        auto k = KeyPair::loadPublicKey(keyPath);
        if (!k)
            return ctx.fail(k.error());
        workshopKey = *k;
    } else if (p.isSet(QStringLiteral("workshop-key"))) {
        return ctx.fail(makeError(ErrorCode::NotFound, tr("no workshop key at %1").arg(keyPath)));
    }
    auto check = verifyCertificate(*bytes, workshopKey);
    if (!check)
        return ctx.fail(check.error());
    if (ctx.json)
        ctx.printJson(check->toJson());
    else {
        ctx.out << tr("certificate %1: signature valid (station key %2)").arg(check->id, check->stationKey) << Qt::endl;
        ctx.out << (check->endorsed ? tr("endorsed by the workshop key %1").arg(check->workshopKey)
                                    : tr("not endorsed: %1").arg(check->reason))
                << Qt::endl;
    }
    if (p.isSet(QStringLiteral("require-endorsed")) && !check->endorsed) {
        ctx.err << tr("refused: %1").arg(check->reason) << Qt::endl;
        return exitCodeFor(ErrorCode::Refused);
    }
    return 0;
}

int stationKey(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addOption({QStringLiteral("station-key-dir"), tr("Folder of the station's signing key"), QStringLiteral("DIR")});
    if (!parseArgs(p, ctx))
        return 2;
    const QString dir = p.isSet(QStringLiteral("station-key-dir")) ? p.value(QStringLiteral("station-key-dir"))
                                                                   : StationKey::defaultDir();
    auto key = StationKey::loadOrCreate(dir);
    if (!key)
        return ctx.fail(key.error());
    const QString pub = QString::fromLatin1(key->keys.publicKey.toBase64());
    if (ctx.json)
        ctx.printJson(QJsonObject{{QStringLiteral("public_key"), pub},
                                  {QStringLiteral("public_key_file"), QString(dir + QStringLiteral("/station.pub"))},
                                  {QStringLiteral("endorsed"), bool(!key->endorsement.isEmpty())}});
    else
        ctx.out << pub << Qt::endl;
    return 0;
}

int endorse(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addPositionalArgument(QStringLiteral("station-pub"), {});
    p.addOption({QStringLiteral("key"), tr("The workshop's certification secret key"), QStringLiteral("FILE")});
    p.addOption(
        {{QStringLiteral("o"), QStringLiteral("output")}, tr("Endorsement file to write"), QStringLiteral("FILE")});
    if (!parseArgs(p, ctx))
        return 2;
    if (p.positionalArguments().size() != 2 || !p.isSet(QStringLiteral("key")) || !p.isSet(QStringLiteral("output")))
        return ctx.usage(tr("usage: etabli certificate endorse STATION.pub --key WORKSHOP.key -o ENDORSEMENT.json"));
    auto pub = KeyPair::loadPublicKey(p.positionalArguments().at(1));
    if (!pub)
        return ctx.fail(pub.error());
    auto secret = KeyPair::loadSecretKey(p.value(QStringLiteral("key")));
    if (!secret)
        return ctx.fail(secret.error());
    auto e = endorseStationKey(*pub, ctx.station, *secret);
    if (!e)
        return ctx.fail(e.error());
    if (auto s = saveJson(p.value(QStringLiteral("output")), *e); !s)
        return ctx.fail(s.error());
    if (ctx.json)
        ctx.printJson(*e);
    else
        ctx.out << tr("endorsement written to %1").arg(p.value(QStringLiteral("output"))) << Qt::endl;
    return 0;
}

int installEndorsement(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addPositionalArgument(QStringLiteral("file"), {});
    p.addOption({QStringLiteral("station-key-dir"), tr("Folder of the station's signing key"), QStringLiteral("DIR")});
    if (!parseArgs(p, ctx))
        return 2;
    if (p.positionalArguments().size() != 2)
        return ctx.usage(tr("usage: etabli certificate install-endorsement ENDORSEMENT.json"));
    auto bytes = readSmallFile(p.positionalArguments().at(1));
    if (!bytes)
        return ctx.fail(bytes.error());
    auto key = StationKey::loadOrCreate(p.isSet(QStringLiteral("station-key-dir"))
                                            ? p.value(QStringLiteral("station-key-dir"))
                                            : StationKey::defaultDir());
    if (!key)
        return ctx.fail(key.error());
    if (auto r = key->installEndorsement(QJsonDocument::fromJson(*bytes).object()); !r)
        return ctx.fail(r.error());
    ctx.out << tr("endorsement installed") << Qt::endl;
    return 0;
}

int bundle(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addOption({QStringLiteral("lot"), tr("Lot reference"), QStringLiteral("L")});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, tr("Folder to write"), QStringLiteral("DIR")});
    addCheckUrlOption(p);
    if (!parseArgs(p, ctx))
        return 2;
    if (!p.isSet(QStringLiteral("lot")) || !p.isSet(QStringLiteral("output")))
        return ctx.usage(tr("usage: etabli certificate bundle --lot L -o DIR"));
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    const QString lotRef = p.value(QStringLiteral("lot"));
    auto lot = store->lot(lotRef);
    if (!lot)
        return ctx.fail(lot.error());
    const QString dir = p.value(QStringLiteral("output"));
    if (!QDir().mkpath(dir))
        return ctx.fail(makeError(ErrorCode::Io, tr("cannot create %1").arg(dir)));
    QJsonArray rows;
    QList<QJsonObject> certificates;
    int certified = 0, verified = 0, assets = 0;
    for (const Inventory::Asset &a : store->assets()) {
        if (a.lot != lotRef)
            continue;
        ++assets;
        // The last erasure of the asset's current cycle is the one that counts.
        QJsonObject last;
        for (const Inventory::Event &e : store->eventsForAsset(a.tag))
            if (e.type == Etabli::Inventory::EventType::ErasureRecorded && e.status == QLatin1String("applied")
                && e.payload.value(QStringLiteral("certificate")).isObject())
                last = e.payload.value(QStringLiteral("certificate")).toObject();
        QJsonObject row{{QStringLiteral("asset_tag"), a.tag}, {QStringLiteral("certified"), !last.isEmpty()}};
        if (!last.isEmpty()) {
            const QString id = last.value(QStringLiteral("id")).toString();
            if (auto s = saveJson(dir + QStringLiteral("/") + id + QStringLiteral(".json"), last); !s)
                return ctx.fail(s.error());
            const QJsonObject disk = last.value(QStringLiteral("disk")).toObject();
            const QJsonObject ver = last.value(QStringLiteral("verification")).toObject();
            const bool passed = ver.value(QStringLiteral("result")).toString() == QLatin1String("passed");
            row.insert(QStringLiteral("certificate_id"), id);
            row.insert(QStringLiteral("disk_model"), disk.value(QStringLiteral("model")));
            row.insert(QStringLiteral("disk_serial"), disk.value(QStringLiteral("serial")));
            row.insert(QStringLiteral("method"),
                       last.value(QStringLiteral("erasure")).toObject().value(QStringLiteral("method")));
            row.insert(QStringLiteral("verification"), ver.value(QStringLiteral("mode")));
            row.insert(QStringLiteral("result"), ver.value(QStringLiteral("result")));
            ++certified;
            verified += passed ? 1 : 0;
            certificates << last;
        }
        rows.append(row);
    }
    const QJsonObject summary{{QStringLiteral("lot"), lotRef},        {QStringLiteral("donor"), lot->donor},
                              {QStringLiteral("assets"), assets},     {QStringLiteral("certified"), certified},
                              {QStringLiteral("verified"), verified}, {QStringLiteral("certificates"), rows}};
    if (auto s = saveJson(dir + QStringLiteral("/summary.json"), summary); !s)
        return ctx.fail(s.error());
    if (!certificates.isEmpty())
        if (auto pdf = writeFrenchPdf(dir + QStringLiteral("/certificates.pdf"), certificates, checkUrl(p)); !pdf)
            return ctx.fail(pdf.error());
    if (ctx.json)
        ctx.printJson(summary);
    else
        ctx.out << tr("lot %1: %2 certificates (%3 verified) of %4 assets written to %5")
                       .arg(lotRef)
                       .arg(certified)
                       .arg(verified)
                       .arg(assets)
                       .arg(dir)
                << Qt::endl;
    return 0;
}

int pdf(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addPositionalArgument(QStringLiteral("files"), {});
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, tr("PDF file to write"), QStringLiteral("FILE")});
    addCheckUrlOption(p);
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList files = p.positionalArguments().mid(1);
    if (files.isEmpty() || !p.isSet(QStringLiteral("output")))
        return ctx.usage(tr("usage: etabli certificate pdf FILE.json... -o OUT.pdf [--check-url URL]"));
    QList<QJsonObject> certificates;
    for (const QString &f : files) {
        auto bytes = readSmallFile(f);
        if (!bytes)
            return ctx.fail(bytes.error());
        // Only what verifies is printed: a PDF must never lend a forged file credibility.
        if (auto check = verifyCertificate(*bytes); !check)
            return ctx.fail(
                makeError(check.error().code, f + QStringLiteral(": ") + check.error().message, check.error().detail));
        certificates << QJsonDocument::fromJson(*bytes).object();
    }
    if (auto r = writeFrenchPdf(p.value(QStringLiteral("output")), certificates, checkUrl(p)); !r)
        return ctx.fail(r.error());
    ctx.out << tr("%1 certificate(s) written to %2").arg(certificates.size()).arg(p.value(QStringLiteral("output")))
            << Qt::endl;
    return 0;
}

QJsonObject erasureJson(const AppCore::ErasureRecord &e)
{
    return QJsonObject{{QStringLiteral("certificate_id"), e.certificateId},
                       {QStringLiteral("asset_tag"), e.assetTag},
                       {QStringLiteral("worker"), e.worker},
                       {QStringLiteral("method"), e.method},
                       {QStringLiteral("pattern"), e.pattern},
                       {QStringLiteral("verified"), e.verified},
                       {QStringLiteral("ended_at"), e.endedAt},
                       {QStringLiteral("check_status"), e.checkStatus},
                       {QStringLiteral("checked_by"), e.checkedBy}};
}

// The second-person check (issue 15): a different badge confirms an erasure, optionally
// after re-reading 100 seeded random sectors of the disk in front of them.
int check(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addPositionalArgument(QStringLiteral("id"), {});
    p.addOption({QStringLiteral("checker"), tr("Badge of the worker who checks (not the one who erased)"),
                 QStringLiteral("BADGE")});
    p.addOption(
        {QStringLiteral("reread"), tr("Re-read 100 random sectors of this disk first"), QStringLiteral("DEVICE")});
    p.addOption({QStringLiteral("sectors"), tr("How many sectors to re-read (default 100)"), QStringLiteral("N")});
    p.addOption({QStringLiteral("seed"), tr("Seed of the re-read sectors (default: fresh)"), QStringLiteral("N")});
    if (!parseArgs(p, ctx))
        return 2;
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2 || !p.isSet(QStringLiteral("checker")))
        return ctx.usage(tr("usage: etabli certificate check CERT_ID|TAG --checker BADGE [--reread DEVICE]"));
    AppCore::ErasureCheckRequest request;
    request.certificateOrTag = pos[1];
    request.checker = p.value(QStringLiteral("checker"));
    request.rereadDevice = p.value(QStringLiteral("reread"));
    if (p.isSet(QStringLiteral("sectors"))) {
        bool ok = false;
        request.rereadSectors = p.value(QStringLiteral("sectors")).toInt(&ok);
        if (!ok || request.rereadSectors < 1 || request.rereadSectors > 100000)
            return ctx.usage(tr("--sectors must be a whole number from 1 to 100000"));
    }
    if (p.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        request.seed = p.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok || request.seed == 0)
            return ctx.usage(tr("--seed must be a positive whole number"));
    }
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    AppCore::ErasureCheckOutcome outcome;
    auto checked = AppCore::checkErasure(request, *store, &outcome);
    QJsonObject o = erasureJson(outcome.erasure);
    o.insert(QStringLiteral("checker"), request.checker.trimmed());
    o.insert(QStringLiteral("ok"), checked.ok());
    if (!request.rereadDevice.isEmpty()) {
        o.insert(QStringLiteral("reread_sectors"), outcome.rereadSectors);
        o.insert(QStringLiteral("reread_seed"), QString::number(outcome.seed));
        if (outcome.badOffset >= 0)
            o.insert(QStringLiteral("bad_offset"), double(outcome.badOffset));
    }
    if (!checked) {
        if (ctx.json && !outcome.erasure.certificateId.isEmpty())
            ctx.printJson(o);
        return ctx.fail(checked.error());
    }
    o.insert(QStringLiteral("check_status"), QStringLiteral("checked"));
    o.insert(QStringLiteral("checked_by"), request.checker.trimmed());
    o.insert(QStringLiteral("event"), checked->eventUuid);
    if (ctx.json) {
        ctx.printJson(o);
    } else {
        if (!request.rereadDevice.isEmpty())
            ctx.out << tr("%1 sectors of %2 re-read (seed %3): all zeros")
                           .arg(outcome.rereadSectors)
                           .arg(request.rereadDevice, QString::number(outcome.seed))
                    << Qt::endl;
        ctx.out << tr("erasure %1 of %2 checked by %3 (erased by %4)")
                       .arg(outcome.erasure.certificateId, outcome.erasure.assetTag, request.checker.trimmed(),
                            outcome.erasure.worker)
                << Qt::endl;
    }
    return 0;
}

/// `GET /api/v1/erasures/unchecked` of the central server (a supervisor token): every
/// station's erasures still to be checked, in the same rows as the local list.
Result<QJsonArray> serverUnchecked(const QUrl &server, const QString &token, const QString &caFile)
{
    if (auto url = Sync::SyncClient::checkServerUrl(server); !url)
        return url.error();
    QUrl url = server;
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QStringLiteral("/api/v1/erasures/unchecked"));
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    request.setTransferTimeout(30000);
    if (!caFile.isEmpty()) {
        const QList<QSslCertificate> ca = QSslCertificate::fromPath(caFile);
        if (ca.isEmpty())
            return makeError(ErrorCode::NotFound, tr("no PEM certificate in %1").arg(caFile));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(ca);
        request.setSslConfiguration(ssl);
    }
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(request);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
    const QString message = o.value(QStringLiteral("message")).toString();
    if (status == 0)
        return makeError(ErrorCode::Network, tr("cannot reach %1: %2").arg(server.toString(), reply->errorString()));
    if (status == 401 || status == 403)
        return makeError(ErrorCode::Unauthorized, tr("the server refused the token: %1").arg(message));
    if (status != 200 || !o.value(QStringLiteral("erasures")).isArray())
        return makeError(ErrorCode::Network, tr("the server answered %1: %2").arg(status).arg(message));
    return o.value(QStringLiteral("erasures")).toArray();
}

// The supervisor's attention list: erasures nobody else has checked yet.
int unchecked(Context &ctx)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("verb"), {});
    p.addOption(
        {QStringLiteral("server"), tr("Ask the central server (every station's erasures)"), QStringLiteral("URL")});
    p.addOption({QStringLiteral("token"), tr("A supervisor token of that server"), QStringLiteral("TOKEN")});
    p.addOption({QStringLiteral("ca"), tr("Extra trusted CA certificate (PEM) for a self-signed server"),
                 QStringLiteral("FILE")});
    if (!parseArgs(p, ctx))
        return 2;
    if (p.positionalArguments().size() != 1 || p.isSet(QStringLiteral("server")) != p.isSet(QStringLiteral("token")))
        return ctx.usage(tr("usage: etabli certificate unchecked [--server URL --token T [--ca FILE]] [--json]"));
    if (p.isSet(QStringLiteral("server"))) {
        auto rows = serverUnchecked(QUrl(p.value(QStringLiteral("server"))), p.value(QStringLiteral("token")),
                                    p.value(QStringLiteral("ca")));
        if (!rows)
            return ctx.fail(rows.error());
        if (ctx.json) {
            ctx.printJson(*rows);
            return 0;
        }
        for (const QJsonValue &v : std::as_const(*rows)) {
            const QJsonObject e = v.toObject();
            ctx.out << QStringLiteral("%1  %2  %3  %4  %5  %6")
                           .arg(e.value(QStringLiteral("asset_tag")).toString(),
                                e.value(QStringLiteral("certificate_id")).toString(),
                                e.value(QStringLiteral("station")).toString(),
                                e.value(QStringLiteral("worker")).toString(),
                                e.value(QStringLiteral("method")).toString(),
                                e.value(QStringLiteral("ended_at")).toString())
                    << Qt::endl;
        }
        ctx.out << tr("%1 erasure(s) to be checked by a second person").arg(rows->size()) << Qt::endl;
        return 0;
    }
    Inventory::Store *store = ctx.store();
    if (!store)
        return ctx.lastExitCode();
    const QList<AppCore::ErasureRecord> list = AppCore::uncheckedErasures(*store);
    if (ctx.json) {
        QJsonArray out;
        for (const AppCore::ErasureRecord &e : list)
            out.append(erasureJson(e));
        ctx.printJson(out);
        return 0;
    }
    for (const AppCore::ErasureRecord &e : list)
        ctx.out << QStringLiteral("%1  %2  %3  %4  %5").arg(e.assetTag, e.certificateId, e.worker, e.method, e.endedAt)
                << Qt::endl;
    ctx.out << tr("%1 erasure(s) to be checked by a second person").arg(list.size()) << Qt::endl;
    return 0;
}

int certificate(Context &ctx)
{
    const QString verb = ctx.args.value(0);
    if (verb == QLatin1String("verify"))
        return verify(ctx);
    if (verb == QLatin1String("bundle"))
        return bundle(ctx);
    if (verb == QLatin1String("pdf"))
        return pdf(ctx);
    if (verb == QLatin1String("station-key"))
        return stationKey(ctx);
    if (verb == QLatin1String("endorse"))
        return endorse(ctx);
    if (verb == QLatin1String("install-endorsement"))
        return installEndorsement(ctx);
    if (verb == QLatin1String("check"))
        return check(ctx);
    if (verb == QLatin1String("unchecked"))
        return unchecked(ctx);
    return ctx.usage(tr("unknown certificate verb «%1»").arg(verb));
}

} // namespace

void registerCertificateCommands(Registry &registry)
{
    registry.add({QStringLiteral("certificate"),
                  QCoreApplication::translate(
                      "Cli",
                      "  certificate verify FILE.json [--require-endorsed] [--workshop-key PUB]\n"
                      "  certificate bundle --lot L -o DIR [--check-url URL] | pdf FILE.json... -o OUT.pdf\n"
                      "  certificate station-key | endorse STATION.pub --key WORKSHOP.key -o FILE |"
                      " install-endorsement FILE\n"
                      "  certificate check CERT_ID|TAG --checker BADGE [--reread DEVICE]\n"
                      "  certificate unchecked [--server URL --token T]"),
                  certificate});
}

} // namespace Etabli::Cli
