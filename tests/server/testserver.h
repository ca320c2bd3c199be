// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Test helpers shared by the server suites: a real etabli-server process on
// 127.0.0.1, a private PostgreSQL cluster, and blocking HTTP calls.

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>

#include <unistd.h>

namespace TestServer {

/// One event in the JSON form a bench pushes (bench-1, worker w1), a new UUID and a fixed
/// time unless given.
inline QJsonObject eventJson(const QString &type, const QString &tag, const QJsonObject &payload,
                             const QString &uuid = QUuid::createUuid().toString(QUuid::WithoutBraces),
                             const QString &time = QStringLiteral("2026-11-25T10:00:00.000Z"))
{
    return QJsonObject{{QStringLiteral("uuid"), uuid},
                       {QStringLiteral("station"), QStringLiteral("bench-1")},
                       {QStringLiteral("worker"), QStringLiteral("w1")},
                       {QStringLiteral("time"), time},
                       {QStringLiteral("type"), type},
                       {QStringLiteral("asset_tag"), tag.isEmpty() ? QJsonValue() : QJsonValue(tag)},
                       {QStringLiteral("payload"), payload}};
}

inline quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// Runs a command to its end; returns exit code, stdout in `out`.
inline int run(const QString &program, const QStringList &args, QString *out = nullptr, int timeoutMs = 60000)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = QString::fromUtf8(p.readAllStandardOutput());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

/// A private PostgreSQL 15 cluster in a temporary folder, run by the postgres user
/// (PostgreSQL refuses root), reached through its Unix socket folder.
class PgCluster
{
public:
    ~PgCluster() { stop(); }
    QString error;

    bool start()
    {
        const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
        if (!QFile::exists(bin + QStringLiteral("initdb"))) {
            error = QStringLiteral("PostgreSQL 15 is not installed");
            return false;
        }
        m_dir = QStringLiteral("/tmp/etabli-pg-%1-%2").arg(getpid()).arg(QDateTime::currentMSecsSinceEpoch());
        QDir().mkpath(m_dir);
        QString out;
        const bool root = geteuid() == 0;
        auto as = [&](const QStringList &command) {
            return root
                ? run(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command,
                      &out, 120000)
                : run(command.first(), command.mid(1), &out, 120000);
        };
        if (root && run(QStringLiteral("chown"), {QStringLiteral("postgres:postgres"), m_dir}) != 0) {
            error = QStringLiteral("cannot give %1 to the postgres user").arg(m_dir);
            return false;
        }
        if (as({bin + QStringLiteral("initdb"), QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-U"),
                QStringLiteral("etabli"), QStringLiteral("-D"), m_dir + QStringLiteral("/data")})
            != 0) {
            error = QStringLiteral("initdb failed: ") + out;
            return false;
        }
        m_port = freePort();
        if (as({bin + QStringLiteral("pg_ctl"), QStringLiteral("-D"), m_dir + QStringLiteral("/data"),
                QStringLiteral("-l"), m_dir + QStringLiteral("/log"), QStringLiteral("-w"), QStringLiteral("-o"),
                QStringLiteral("-k %1 -p %2 -c listen_addresses='' -c fsync=on").arg(m_dir).arg(m_port),
                QStringLiteral("start")})
            != 0) {
            error = QStringLiteral("pg_ctl start failed: ") + out;
            return false;
        }
        m_started = true;
        return true;
    }
    /// Creates a database and returns its URL for --db.
    QString createDatabase(const QString &name)
    {
        const QString bin = QStringLiteral("/usr/lib/postgresql/15/bin/");
        QString out;
        const QStringList command{bin + QStringLiteral("createdb"),
                                  QStringLiteral("-h"),
                                  m_dir,
                                  QStringLiteral("-p"),
                                  QString::number(m_port),
                                  QStringLiteral("-U"),
                                  QStringLiteral("etabli"),
                                  name};
        const int rc = geteuid() == 0
            ? run(QStringLiteral("runuser"),
                  QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command, &out)
            : run(command.first(), command.mid(1), &out);
        if (rc != 0)
            return {};
        return QStringLiteral("postgresql://etabli@localhost:%1/%2?host=%3").arg(m_port).arg(name, m_dir);
    }
    void stop()
    {
        if (!m_started)
            return;
        m_started = false;
        const QStringList command{QStringLiteral("/usr/lib/postgresql/15/bin/pg_ctl"),
                                  QStringLiteral("-D"),
                                  m_dir + QStringLiteral("/data"),
                                  QStringLiteral("-m"),
                                  QStringLiteral("immediate"),
                                  QStringLiteral("-w"),
                                  QStringLiteral("stop")};
        if (geteuid() == 0)
            run(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + command);
        else
            run(command.first(), command.mid(1));
        QDir(m_dir).removeRecursively();
    }

private:
    QString m_dir;
    quint16 m_port = 0;
    bool m_started = false;
};

/// One etabli-server process.
class ServerProcess
{
public:
    ~ServerProcess() { kill(); }
    QString db;
    quint16 port = 0;
    QString scheme = QStringLiteral("http");
    QStringList extraArgs;
    QString output;

    bool start(int timeoutMs = 15000)
    {
        if (port == 0)
            port = freePort();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::MergedChannels);
        m_process->start(QStringLiteral(ETABLI_SERVER),
                         QStringList{QStringLiteral("--db"), db, QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:%1").arg(port)}
                             + extraArgs);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            m_process->waitForReadyRead(100);
            output += QString::fromUtf8(m_process->readAll());
            if (output.contains(QLatin1String("listening on")))
                return true;
            if (m_process->state() == QProcess::NotRunning)
                return false;
        }
        return false;
    }
    /// SIGKILL: no chance to flush or say goodbye.
    void kill()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    QString url() const { return QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(port); }
    qint64 pid() const { return m_process ? m_process->processId() : 0; }

    /// `etabli-server --db DB token create …`: returns the last line (the token).
    static QString createToken(const QString &db, const QString &role, const QString &name)
    {
        QString out;
        if (run(QStringLiteral(ETABLI_SERVER),
                {QStringLiteral("--db"), db, QStringLiteral("token"), QStringLiteral("create"),
                 QStringLiteral("--role"), role, QStringLiteral("--name"), name},
                &out)
            != 0)
            return {};
        return out.trimmed().split(QLatin1Char('\n')).last();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

struct Reply {
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

inline QNetworkAccessManager &network()
{
    static QNetworkAccessManager manager;
    return manager;
}

/// Forgets kept-alive connections (and the TLS sessions they carry).
inline void resetConnections()
{
    network().clearConnectionCache();
}

/// A blocking HTTP call (tests only).
inline Reply http(const QString &base, const QByteArray &method, const QString &path, const QString &token = {},
                  const QByteArray &body = {}, const QByteArray &accept = {}, const QSslConfiguration *ssl = nullptr)
{
    QNetworkRequest request(QUrl(base + path));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!accept.isEmpty())
        request.setRawHeader("Accept", accept);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(30000);
    if (ssl)
        request.setSslConfiguration(*ssl);
    QNetworkReply *reply = network().sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return r;
}

} // namespace TestServer
