// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-server --db DB --listen ADDR:PORT [--tls-cert F --tls-key F] [--workers N] [--idle-timeout S]
//               [--max-connections-per-client N] [--certification-key FILE.key] [--masters DIR]
// etabli-server --db DB token create --role ROLE --name NAME | token list | token revoke ID|NAME
// etabli-server --db DB rebuild   (recounts the dashboard projections from the log)
// etabli-server --db DB backup FILE | restore FILE
#include "common/appdefaults.h"
#include "inventory/server/api.h"
#include "inventory/server/api_erasure.h"
#include "inventory/server/httpadaptor.h"
#include "inventory/server/masters.h"
#include "inventory/server/serverstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <sys/resource.h>

using namespace Etabli;
using namespace Etabli::Server;

namespace {

int fail(const Error &error)
{
    QTextStream(stderr) << "etabli-server: " << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

int usage(const QString &message)
{
    QTextStream(stderr) << "etabli-server: " << message << Qt::endl
                        << QCoreApplication::translate(
                               "etabli-server",
                               "usage: etabli-server --db DB --listen ADDR:PORT [--tls-cert FILE --tls-key FILE]\n"
                               "         [--workers N] [--idle-timeout SECONDS] [--max-connections-per-client N]\n"
                               "       etabli-server --db DB token create --role station|supervisor|desk|ent"
                               " --name NAME\n"
                               "       etabli-server --db DB token list [--json]\n"
                               "       etabli-server --db DB token revoke ID|NAME\n"
                               "       etabli-server --db DB rebuild | backup FILE | restore FILE")
                        << Qt::endl;
    return 2;
}

int tokenCommand(ServerStore &store, const QStringList &args, const QCommandLineParser &parser)
{
    QTextStream out(stdout);
    const QString verb = args.value(1);
    if (verb == QLatin1String("create")) {
        if (!parser.isSet(QStringLiteral("role")) || !parser.isSet(QStringLiteral("name")))
            return usage(QCoreApplication::translate("etabli-server", "token create needs --role and --name"));
        auto secret = store.createToken(parser.value(QStringLiteral("name")), parser.value(QStringLiteral("role")));
        if (!secret)
            return fail(secret.error());
        out << QCoreApplication::translate("etabli-server", "token for %1 (%2): keep it now, it is shown only once")
                   .arg(parser.value(QStringLiteral("name")), parser.value(QStringLiteral("role")))
            << Qt::endl
            << *secret << Qt::endl;
        return 0;
    }
    if (verb == QLatin1String("list")) {
        QJsonArray list;
        for (const TokenInfo &t : store.tokens()) {
            if (parser.isSet(QStringLiteral("json")))
                list.append(QJsonObject{{QStringLiteral("id"), t.id},
                                        {QStringLiteral("name"), t.name},
                                        {QStringLiteral("role"), t.role},
                                        {QStringLiteral("created_at"), t.createdAt},
                                        {QStringLiteral("revoked_at"), t.revokedAt}});
            else
                out << t.id << '\t' << t.role << '\t' << t.name << '\t' << t.createdAt << '\t'
                    << (t.revokedAt.isEmpty()
                            ? QCoreApplication::translate("etabli-server", "valid")
                            : QCoreApplication::translate("etabli-server", "revoked %1").arg(t.revokedAt))
                    << Qt::endl;
        }
        if (parser.isSet(QStringLiteral("json")))
            out << QJsonDocument(list).toJson();
        return 0;
    }
    if (verb == QLatin1String("revoke")) {
        if (args.size() != 3)
            return usage(QCoreApplication::translate("etabli-server", "token revoke needs one ID or NAME"));
        if (auto r = store.revokeToken(args.value(2)); !r)
            return fail(r.error());
        out << QCoreApplication::translate("etabli-server", "revoked %1").arg(args.value(2)) << Qt::endl;
        return 0;
    }
    return usage(QCoreApplication::translate("etabli-server", "unknown token command «%1»").arg(verb));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("etabli-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ETABLI_VERSION));
    // Before any text is made: --lang, then $ETABLI_LANG, then the locale (API errors too).
    const QStringList argList = app.arguments();
    const qsizetype langAt = argList.indexOf(QStringLiteral("--lang"));
    Etabli::installLanguage(app, langAt > 0 ? argList.value(langAt + 1) : QString());
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("db"),
         QCoreApplication::translate("etabli-server", "sqlite:PATH or postgresql://USER@HOST:PORT/DB"),
         QStringLiteral("DB")},
        {QStringLiteral("listen"),
         QCoreApplication::translate("etabli-server", "address and port, e.g. 127.0.0.1:8420"),
         QStringLiteral("ADDR:PORT")},
        {QStringLiteral("tls-cert"), QCoreApplication::translate("etabli-server", "PEM certificate"),
         QStringLiteral("FILE")},
        {QStringLiteral("tls-key"), QCoreApplication::translate("etabli-server", "PEM private key"),
         QStringLiteral("FILE")},
        {QStringLiteral("role"), QCoreApplication::translate("etabli-server", "token role"), QStringLiteral("ROLE")},
        {QStringLiteral("name"), QCoreApplication::translate("etabli-server", "token name"), QStringLiteral("NAME")},
        {QStringLiteral("json"), QCoreApplication::translate("etabli-server", "JSON output")},
        {QStringLiteral("lang"), QCoreApplication::translate("etabli-server", "fr or en"), QStringLiteral("LANG")},
        {QStringLiteral("workers"),
         QCoreApplication::translate("etabli-server", "requests handled at once (default: four per core, at least 16)"),
         QStringLiteral("N")},
        {QStringLiteral("idle-timeout"),
         QCoreApplication::translate("etabli-server", "close a connection idle this long (default 60 seconds)"),
         QStringLiteral("SECONDS")},
        {QStringLiteral("masters"),
         QCoreApplication::translate("etabli-server",
                                     "serve the masters of DIR at /api/v1/masters/NAME.qcow2 (station tokens)"),
         QStringLiteral("DIR")},
        {QStringLiteral("max-connections-per-client"),
         QCoreApplication::translate("etabli-server", "connections one client address may hold (default 100)"),
         QStringLiteral("N")},
        // erasures (engineer "erasure"): the workshop's key that endorses station keys
        {QStringLiteral("certification-key"),
         QCoreApplication::translate("etabli-server",
                                     "the workshop's certification key, made (0600) if missing; endorses station keys"
                                     " (default $ETABLI_CERTIFICATION_KEY)"),
         QStringLiteral("FILE.key")},
    });
    parser.addHelpOption();
    parser.addVersionOption();
    if (!parser.parse(app.arguments()))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "etabli-server " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (!parser.isSet(QStringLiteral("db")))
        return usage(QCoreApplication::translate("etabli-server", "--db is required"));
    const QStringList args = parser.positionalArguments();

    if (args.value(0) == QLatin1String("token")) {
        auto store = ServerStore::open(parser.value(QStringLiteral("db")));
        if (!store)
            return fail(store.error());
        return tokenCommand(**store, args, parser);
    }
    if ((args.value(0) == QLatin1String("backup") || args.value(0) == QLatin1String("restore")) && args.size() == 2) {
        auto store = ServerStore::open(parser.value(QStringLiteral("db")));
        if (!store)
            return fail(store.error());
        const bool backup = args.value(0) == QLatin1String("backup");
        if (auto r = backup ? (*store)->backup(args.value(1)) : (*store)->restore(args.value(1)); !r)
            return fail(r.error());
        QTextStream(stdout) << (backup ? QCoreApplication::translate("etabli-server", "backed up into %1")
                                       : QCoreApplication::translate("etabli-server", "restored from %1"))
                                   .arg(args.value(1))
                            << Qt::endl;
        return 0;
    }
    if (args.value(0) == QLatin1String("rebuild") && args.size() == 1) {
        auto store = ServerStore::open(parser.value(QStringLiteral("db")), ServerStore::OpenMode::Rebuild);
        if (!store)
            return fail(store.error());
        if (auto r = (*store)->rebuildProjections(); !r)
            return fail(r.error());
        QTextStream(stdout) << QCoreApplication::translate("etabli-server",
                                                           "figures and event counts recounted from the log")
                            << Qt::endl;
        return 0;
    }
    if (!args.isEmpty())
        return usage(QCoreApplication::translate("etabli-server", "unknown command «%1»").arg(args.first()));

    // Checked before the database is touched: a wrong address changes nothing.
    const QString listen = parser.value(QStringLiteral("listen"));
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    bool portOk = false;
    const uint port = listen.mid(colon + 1).toUInt(&portOk);
    QString host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull())
        return usage(
            QCoreApplication::translate("etabli-server", "--listen must be ADDR:PORT (e.g. 127.0.0.1:8420), got «%1»")
                .arg(listen));
    const bool tls = parser.isSet(QStringLiteral("tls-cert")) || parser.isSet(QStringLiteral("tls-key"));
    if (!tls && !address.isLoopback())
        return usage(QCoreApplication::translate(
                         "etabli-server",
                         "plain HTTP is only allowed on loopback: give --tls-cert and --tls-key to listen on %1")
                         .arg(host));

    HttpOptions options;
    const auto number = [&parser](const char *name, double min, double max, double *out) {
        if (!parser.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        *out = parser.value(QLatin1String(name)).toDouble(&ok);
        return ok && *out >= min && *out <= max;
    };
    double workers = 0, idle = 60, perClient = options.maxConnectionsPerAddress;
    if (!number("workers", 1, 256, &workers) || !number("idle-timeout", 0.05, 86400, &idle)
        || !number("max-connections-per-client", 1, 1000000, &perClient))
        return usage(QCoreApplication::translate(
            "etabli-server",
            "--workers takes 1 to 256, --idle-timeout 0.05 to 86400 seconds, --max-connections-per-client 1 or more"));
    options.workers = int(workers);
    options.idleTimeoutMs = int(idle * 1000);
    options.maxConnectionsPerAddress = int(perClient);

    // erasures (engineer "erasure"): loaded before anything listens; a bad key changes nothing.
    std::shared_ptr<const CertificationKey> certificationKey;
    const QString keyPath = parser.isSet(QStringLiteral("certification-key"))
        ? parser.value(QStringLiteral("certification-key"))
        : qEnvironmentVariable("ETABLI_CERTIFICATION_KEY");
    if (!keyPath.isEmpty()) {
        bool created = false;
        auto key = CertificationKey::loadOrCreate(keyPath, &created);
        if (!key)
            return fail(key.error());
        certificationKey = *key;
        QTextStream(stdout) << (created ? QCoreApplication::translate("etabli-server",
                                                                      "certification key made in %1, public key %2: %3")
                                        : QCoreApplication::translate("etabli-server",
                                                                      "certification key %1 (public key %2): %3"))
                                   .arg(keyPath, certificationKey->publicKeyPath(),
                                        QString::fromLatin1(certificationKey->publicKey().toBase64()))
                            << Qt::endl;
    }

    // masters: checked before the database is touched.
    std::shared_ptr<const Masters> masters;
    if (parser.isSet(QStringLiteral("masters"))) {
        const QFileInfo dir(parser.value(QStringLiteral("masters")));
        if (!dir.isDir() || !dir.isReadable())
            return fail(
                makeError(ErrorCode::NotFound,
                          QCoreApplication::translate("etabli-server", "--masters: %1 is not a readable directory")
                              .arg(parser.value(QStringLiteral("masters")))));
        masters = std::make_shared<const Masters>(dir.absoluteFilePath());
    }

    // Creates or upgrades the schema once; each worker thread then attaches its own connection.
    const QString url = parser.value(QStringLiteral("db"));
    auto store = ServerStore::open(url);
    if (!store)
        return fail(store.error());
    store->reset();

    // Every idle connection is a descriptor: take what the system allows.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    HttpAdaptor http(
        [url, certificationKey, masters]() -> HttpAdaptor::Handler {
            auto opened = ServerStore::open(url, ServerStore::OpenMode::Attach);
            if (!opened) {
                const Error error = opened.error();
                qWarning("etabli-server: a worker has no database connection: %s", qPrintable(error.message));
                return [error](const ApiRequest &) {
                    ApiResponse r;
                    r.status = 503;
                    r.body = QJsonDocument(
                                 QJsonObject{{QStringLiteral("error"),
                                              QJsonObject{{QStringLiteral("code"), QStringLiteral("unavailable")},
                                                          {QStringLiteral("message"), error.message}}}})
                                 .toJson(QJsonDocument::Compact);
                    return r;
                };
            }
            std::shared_ptr<ServerStore> own(std::move(*opened));
            auto api = std::make_shared<Api>(*own, certificationKey);
            return [own, api, masters](const ApiRequest &r) {
                if (masters && Masters::handles(r.path))
                    return masters->handle(r, *own);
                return api->handle(r);
            };
        },
        options);
    if (tls) {
        QFile certFile(parser.value(QStringLiteral("tls-cert"))), keyFile(parser.value(QStringLiteral("tls-key")));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(
                makeError(ErrorCode::NotFound,
                          QCoreApplication::translate("etabli-server", "cannot read the TLS certificate or key")));
        const QSslCertificate cert(&certFile, QSsl::Pem);
        QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        if (key.isNull()) {
            keyFile.seek(0);
            key = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (cert.isNull() || key.isNull())
            return fail(
                makeError(ErrorCode::Corrupt,
                          QCoreApplication::translate("etabli-server", "the TLS certificate or key is not valid PEM")));
        http.sslSetup(cert, key);
    }
    const quint16 bound = http.listen(address, quint16(port));
    if (bound == 0)
        return fail(
            makeError(ErrorCode::Io, QCoreApplication::translate("etabli-server", "cannot listen on %1").arg(listen)));
    QTextStream(stdout) << "listening on " << (tls ? "https://" : "http://")
                        << (address.protocol() == QAbstractSocket::IPv6Protocol
                                ? QLatin1Char('[') + host + QLatin1Char(']')
                                : host)
                        << ':' << bound << Qt::endl;
    return app.exec();
}
