// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

class QProcess;

namespace Etabli::AppCore {

/// The station's side of etabli-helper: starts it (through pkexec unless the station
/// already runs as root, or the program given), sends requests and turns its JSON lines
/// into signals. Lives in the thread that owns it (the UI thread) and never blocks it.
class HelperClient : public QObject
{
    Q_OBJECT
public:
    explicit HelperClient(QObject *parent = nullptr);
    ~HelperClient() override;

    /// The helper's installed path (/usr/libexec/etabli/etabli-helper, or $ETABLI_HELPER).
    static QString defaultProgram();
    /// The socket of the bench live system's systemd unit (packaging/systemd/).
    static QString socketPath();
    /// `program` with `arguments`. By default: the helper itself for root; for a user,
    /// `socat - UNIX-CONNECT:socketPath()` where the systemd socket exists (bench live
    /// system), else `pkexec defaultProgram()` (packaging/polkit/).
    void setProgram(const QString &program, const QStringList &arguments = {});

    /// Starts the helper; ready() follows once it greeted, errorOccurred() if it cannot start.
    void start();
    bool isReady() const { return m_ready; }
    /// Sends a request and returns its id ("" when the helper is not running).
    QString write(const QString &master, const QStringList &targets, const QStringList &serials,
                  const QString &fill = QStringLiteral("zeros"), bool verify = true);
    /// masters (issue 19): what a write from the network sends besides the master's address
    /// (https://SERVER/api/v1/masters/NAME.qcow2 or multicast://GROUP:PORT?master=URL): the
    /// station's token and CA (its sync settings) and the setting masters.cache. Empty: not sent.
    struct RemoteMaster {
        QString token;
        QString ca;
        QString cache;
    };
    QString write(const QString &master, const RemoteMaster &remote, const QStringList &targets,
                  const QStringList &serials, const QString &fill = QStringLiteral("zeros"), bool verify = true);
    QString scan(const QString &target, const QString &serial);
    QString cancel();
    /// Sends `request` (without "id", which is added) as is; for verbs added later.
    QString send(QJsonObject request);
    /// Closes the helper's stdin: it exits once its job is done.
    void close();

Q_SIGNALS:
    void ready(const QStringList &verbs);
    void progress(const QString &id, const QJsonObject &progress);
    void result(const QString &id, const QJsonObject &result);
    /// A refused request or a failed job: `error.detail` names the rule (target_mounted…).
    void failed(const QString &id, const Etabli::Error &error);
    /// The helper could not start, or stopped.
    void errorOccurred(const QString &message);
    void finished(int exitCode);

private:
    void readOutput();

    QProcess *m_process = nullptr;
    QString m_program;
    QStringList m_arguments;
    QByteArray m_buffer;
    bool m_ready = false;
    int m_nextId = 1;
};

} // namespace Etabli::AppCore
