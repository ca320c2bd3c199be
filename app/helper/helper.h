// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "app/core/helperprotocol.h"

#include <QByteArray>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

class QSocketNotifier;

namespace Etabli::AppCore {
class ImagingRun;
}

namespace Etabli::Helper {

/// etabli-helper's loop: reads request lines on stdin, runs one job at a time and answers
/// with JSON lines on stdout (app/helper/README.md). Every request is checked again here,
/// whatever the client checked: a line that is malformed, too long or refused by a
/// safety rule gets an error line and touches nothing. Lives on the main thread; jobs
/// run on their own threads. Quits once stdin is closed and no job is running.
class Helper : public QObject
{
    Q_OBJECT
public:
    explicit Helper(QObject *parent = nullptr);
    ~Helper() override;
    void start();

private:
    using Handler = void (Helper::*)(const AppCore::HelperProtocol::Request &);
    struct VerbHandler {
        const char *verb;
        Handler run;
        bool isJob; ///< runs until it finishes; one at a time
    };
    static const VerbHandler handlers[];

    void readInput();
    void handleLine(const QByteArray &line);
    void send(const QByteArray &line);
    void jobDone();
    void quitIfIdle();

    void write(const AppCore::HelperProtocol::Request &request);
    void scan(const AppCore::HelperProtocol::Request &request);
    void wipe(const AppCore::HelperProtocol::Request &request);
    void cancel(const AppCore::HelperProtocol::Request &request);

    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    bool m_discarding = false; ///< inside an over-long line: drop until its newline
    bool m_eof = false;
    QString m_jobId; ///< the running job's request id, empty when idle
    AppCore::ImagingRun *m_imaging = nullptr;
    std::thread m_scanThread;
    std::shared_ptr<std::atomic<bool>> m_scanCancel;
};

} // namespace Etabli::Helper
