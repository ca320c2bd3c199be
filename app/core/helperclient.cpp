// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/helperclient.h"

#include "app/core/helperprotocol.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <unistd.h>

namespace Etabli::AppCore {

namespace Protocol = HelperProtocol;

HelperClient::HelperClient(QObject *parent)
    : QObject(parent)
{
    if (::geteuid() == 0) {
        m_program = defaultProgram();
    } else if (QFileInfo::exists(socketPath())) {
        // The bench live system: a root helper per connection (packaging/systemd).
        m_program = QStringLiteral("socat");
        m_arguments = {QStringLiteral("-"), QStringLiteral("UNIX-CONNECT:") + socketPath()};
    } else {
        m_program = QStringLiteral("pkexec");
        m_arguments = {defaultProgram()};
    }
}

HelperClient::~HelperClient()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->closeWriteChannel();
        if (!m_process->waitForFinished(3000))
            m_process->kill();
        m_process->waitForFinished(1000);
    }
}

QString HelperClient::socketPath()
{
    return QStringLiteral("/run/etabli/helper.sock");
}

QString HelperClient::defaultProgram()
{
    const QString env = qEnvironmentVariable("ETABLI_HELPER");
    return env.isEmpty() ? QStringLiteral("/usr/libexec/etabli/etabli-helper") : env;
}

void HelperClient::setProgram(const QString &program, const QStringList &arguments)
{
    m_program = program;
    m_arguments = arguments;
}

void HelperClient::start()
{
    if (m_process)
        return;
    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &HelperClient::readOutput);
    connect(m_process, &QProcess::errorOccurred, this,
            [this](QProcess::ProcessError) { Q_EMIT errorOccurred(m_process->errorString()); });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_ready = false;
        if (status != QProcess::NormalExit)
            Q_EMIT errorOccurred(
                QCoreApplication::translate("Etabli::AppCore::HelperClient", "the disk helper stopped"));
        Q_EMIT finished(status == QProcess::NormalExit ? code : -1);
    });
    m_process->start(m_program, m_arguments);
}

void HelperClient::readOutput()
{
    m_buffer += m_process->readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_buffer.indexOf('\n')) >= 0) {
        const QByteArray line = m_buffer.left(nl);
        m_buffer.remove(0, nl + 1);
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const QString type = o.value(QLatin1String("type")).toString();
        const QString id = o.value(QLatin1String("id")).toString();
        if (type == QLatin1String("ready")) {
            m_ready = true;
            QStringList verbs;
            const QJsonArray a = o.value(QLatin1String("verbs")).toArray();
            for (const QJsonValue &v : a)
                verbs << v.toString();
            Q_EMIT ready(verbs);
        } else if (type == QLatin1String("progress")) {
            Q_EMIT progress(id, o);
        } else if (type == QLatin1String("result")) {
            Q_EMIT result(id, o);
        } else if (type == QLatin1String("error")) {
            Q_EMIT failed(id,
                          makeError(Protocol::codeFromName(o.value(QLatin1String("code")).toString()),
                                    o.value(QLatin1String("message")).toString(),
                                    o.value(QLatin1String("detail")).toString()));
        }
    }
}

QString HelperClient::send(QJsonObject request)
{
    if (!m_process || m_process->state() != QProcess::Running)
        return {};
    const QString id = QString::number(m_nextId++);
    request.insert(QStringLiteral("id"), id);
    m_process->write(QJsonDocument(request).toJson(QJsonDocument::Compact) + '\n');
    return id;
}

QString HelperClient::write(const QString &master, const QStringList &targets, const QStringList &serials,
                            const QString &fill, bool verify)
{
    return send({{QStringLiteral("verb"), QStringLiteral("write")},
                 {QStringLiteral("master"), master},
                 {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
                 {QStringLiteral("serials"), QJsonArray::fromStringList(serials)},
                 {QStringLiteral("fill"), fill},
                 {QStringLiteral("verify"), verify}});
}

// masters (issue 19): a master on the network, with the station's token, CA and cache.
QString HelperClient::write(const QString &master, const RemoteMaster &remote, const QStringList &targets,
                            const QStringList &serials, const QString &fill, bool verify)
{
    QJsonObject request{{QStringLiteral("verb"), QStringLiteral("write")},
                        {QStringLiteral("master"), master},
                        {QStringLiteral("targets"), QJsonArray::fromStringList(targets)},
                        {QStringLiteral("serials"), QJsonArray::fromStringList(serials)},
                        {QStringLiteral("fill"), fill},
                        {QStringLiteral("verify"), verify}};
    if (!remote.token.isEmpty())
        request.insert(QStringLiteral("token"), remote.token);
    if (!remote.ca.isEmpty())
        request.insert(QStringLiteral("ca"), remote.ca);
    if (!remote.cache.isEmpty())
        request.insert(QStringLiteral("cache"), remote.cache);
    return send(request);
}

QString HelperClient::scan(const QString &target, const QString &serial)
{
    return send({{QStringLiteral("verb"), QStringLiteral("scan")},
                 {QStringLiteral("target"), target},
                 {QStringLiteral("serial"), serial}});
}

QString HelperClient::cancel()
{
    return send({{QStringLiteral("verb"), QStringLiteral("cancel")}});
}

void HelperClient::close()
{
    if (m_process)
        m_process->closeWriteChannel();
}

} // namespace Etabli::AppCore
