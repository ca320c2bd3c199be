// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// Shared helpers of the label tests: sample data, reference decoders, fake printers.

#include "labels/labelrenderer.h"

#include <QByteArray>
#include <QImage>
#include <QMutex>
#include <QProcess>
#include <QSemaphore>
#include <QStandardPaths>
#include <QString>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

namespace LabelTest {

using namespace Etabli::Labels;

inline LabelData sampleLabel(const QString &tag = QStringLiteral("BCL-000123-Q"))
{
    LabelData d;
    d.tag = tag;
    d.kind = QStringLiteral("pc");
    d.spec = QStringLiteral("i5-6500 · 8 GB · SSD 256 GB");
    d.master = QStringLiteral("ecole-2026 1.4");
    d.kitReference = QStringLiteral("KIT-2026-0042");
    d.kitItems = {{QStringLiteral("BCL-000124-P"), QStringLiteral("screen")},
                  {QStringLiteral("BCL-000125-N"), QStringLiteral("keyboard")},
                  {QStringLiteral("BCL-000126-L"), QStringLiteral("mouse")},
                  {QStringLiteral("BCL-000127-J"), QStringLiteral("speakers")}};
    return d;
}

struct ToolRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline ToolRun runTool(const QString &program, const QStringList &args, int timeoutMs = 30000)
{
    QProcess p;
    p.start(program, args);
    ToolRun r;
    if (!p.waitForStarted(timeoutMs)) {
        r.err = "cannot start " + program.toUtf8();
        return r;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// The 1-bit image as 8-bit grey (0 = black), with `margin` white dots around `rect`.
inline QImage cropGray(const QImage &mono, const QRect &rect, int margin)
{
    const QRect area = rect.adjusted(-margin, -margin, margin, margin);
    QImage out(area.size(), QImage::Format_Grayscale8);
    out.fill(255);
    for (int y = 0; y < area.height(); ++y) {
        uchar *line = out.scanLine(y);
        const int sy = area.top() + y;
        if (sy < 0 || sy >= mono.height())
            continue;
        for (int x = 0; x < area.width(); ++x) {
            const int sx = area.left() + x;
            if (sx >= 0 && sx < mono.width() && mono.pixelIndex(sx, sy) == 1)
                line[x] = 0;
        }
    }
    return out;
}

/// What zbarimg reads in `file` (symbol data only), or an empty string.
inline QStringList zbarDecode(const QString &file)
{
    const ToolRun r = runTool(QStringLiteral("zbarimg"), {QStringLiteral("--quiet"), QStringLiteral("--raw"), file});
    QStringList lines = QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts);
    for (QString &l : lines)
        l = l.trimmed();
    return lines;
}

/// What dmtxread reads in `file` (first Data Matrix), or an empty string.
inline QString dmtxDecode(const QString &file)
{
    const ToolRun r = runTool(QStringLiteral("dmtxread"),
                              {QStringLiteral("--stop-after=1"), QStringLiteral("--milliseconds=20000"), file});
    return QString::fromUtf8(r.out).trimmed();
}

/// A printer on 127.0.0.1 that accepts connections and keeps every byte of each job,
/// in its own thread (the code under test blocks on its socket).
class FakeSink : public QThread
{
public:
    FakeSink()
    {
        start();
        m_ready.acquire();
    }
    ~FakeSink() override
    {
        m_stop = true;
        wait();
    }
    quint16 port() const { return m_port; }
    /// What to answer to a Zebra ~HS; the default is a ready printer, empty = silence.
    void setZebraStatus(const QByteArray &answer)
    {
        QMutexLocker lock(&m_mutex);
        m_zebraStatus = answer;
    }
    static QByteArray zebraStatus(bool paperOut = false, bool headUp = false)
    {
        return QByteArray("\x02"
                          "030,")
            + (paperOut ? "1" : "0")
            + ",0,0406,000,0,0,0,000,0,0,0\x03\r\n\x02"
              "001,0,"
            + (headUp ? "1" : "0")
            + ",0,0,2,4,0,00000000,1,000\x03\r\n\x02"
              "1234,0\x03\r\n";
    }
    QList<QByteArray> jobs() const
    {
        QMutexLocker lock(&m_mutex);
        return m_jobs;
    }
    /// Waits until `count` jobs are complete (their connection closed).
    bool waitForJobs(int count, int timeoutMs = 10000) const
    {
        for (int waited = 0; waited < timeoutMs; waited += 10) {
            if (jobs().size() >= count)
                return true;
            QThread::msleep(10);
        }
        return false;
    }

protected:
    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        m_port = server.serverPort();
        m_ready.release();
        while (!m_stop) {
            if (!server.waitForNewConnection(50))
                continue;
            QTcpSocket *s = server.nextPendingConnection();
            QByteArray job;
            bool answered = false;
            while (s->state() == QAbstractSocket::ConnectedState && !m_stop) {
                if (s->waitForReadyRead(50))
                    job += s->readAll();
                if (!answered && job.contains("~HS")) {
                    answered = true;
                    QMutexLocker lock(&m_mutex);
                    if (!m_zebraStatus.isEmpty()) {
                        s->write(m_zebraStatus);
                        s->waitForBytesWritten(1000);
                    }
                }
            }
            job += s->readAll();
            delete s;
            QMutexLocker lock(&m_mutex);
            m_jobs.append(job);
        }
    }

private:
    std::atomic<bool> m_stop{false};
    quint16 m_port = 0;
    QSemaphore m_ready;
    mutable QMutex m_mutex;
    QList<QByteArray> m_jobs;
    QByteArray m_zebraStatus = zebraStatus();
};

/// A port on 127.0.0.1 where nothing listens (connections are refused).
inline quint16 closedPort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace LabelTest
