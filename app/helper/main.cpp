// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-helper: writes and scans disks as root for the station, which runs as an
// ordinary user and starts it through pkexec or a systemd unit. JSON lines on
// stdin/stdout; see app/helper/README.md. Takes no arguments: everything a caller may
// choose is in a request line, checked again here.
#include "app/helper/helper.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("etabli"));
    QCoreApplication::setOrganizationName(QStringLiteral("etabli"));
    if (argc > 1) {
        std::fprintf(stderr, "usage: etabli-helper   (requests as JSON lines on stdin, see app/helper/README.md)\n");
        return 2;
    }
    // A client that goes away must not kill a write in the middle.
    std::signal(SIGPIPE, SIG_IGN);
    Etabli::Helper::Helper helper;
    helper.start();
    return app.exec();
}
