// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// etabli-test-slowwrite: `etabli image write` through the same use-case (AppCore::ImagingRun),
// with every target slowed down by a SlowTarget, so that a test can SIGKILL a write in the
// middle and check that the real CLI resumes it. Takes the CLI's arguments
// (`[--json] image write MASTER TARGET... --journal-dir D [--threads N] [--manifest M]`)
// plus `--ms-per-mib N`. A test program: never installed.
#include "app/core/imagingrun.h"
#include "imaging/seal.h"
#include "tests/support/faketargets.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>

#include <cstdio>

using namespace Etabli;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({QStringLiteral("json"), QStringLiteral("ignored")});
    p.addOption({QStringLiteral("quiet"), QStringLiteral("ignored")});
    p.addOption({QStringLiteral("verify"), QStringLiteral("read back")});
    p.addOption({QStringLiteral("journal-dir"), QStringLiteral("journals"), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("threads"), QStringLiteral("N")});
    p.addOption({QStringLiteral("manifest"), QStringLiteral("manifest"), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("ms-per-mib"), QStringLiteral("delay"), QStringLiteral("N"), QStringLiteral("120")});
    p.process(app);
    QStringList pos = p.positionalArguments();
    if (pos.size() < 4 || pos[0] != QLatin1String("image") || pos[1] != QLatin1String("write")) {
        std::fprintf(stderr, "usage: etabli-test-slowwrite image write MASTER TARGET... --journal-dir DIR\n");
        return 2;
    }
    AppCore::ImagingRequest request;
    request.master = pos[2];
    request.targets = pos.mid(3);
    request.verify = p.isSet(QStringLiteral("verify"));
    request.threads = p.value(QStringLiteral("threads")).toInt();
    request.manifestPath = p.value(QStringLiteral("manifest"));
    request.journalDir = p.value(QStringLiteral("journal-dir"));
    request.sealDir = Imaging::MasterSeal::defaultDir();
    auto plan = AppCore::planImaging(request);
    if (!plan) {
        std::fprintf(stderr, "%s\n", qUtf8Printable(plan.error().message));
        return exitCodeFor(plan.error().code);
    }
    const int msPerMiB = p.value(QStringLiteral("ms-per-mib")).toInt();
    AppCore::ImagingRun run;
    run.setTargetOpener(
        [msPerMiB](const QString &path,
                   const Imaging::SafetyOptions &safety) -> Result<std::unique_ptr<Imaging::TargetDevice>> {
            auto disk = Imaging::DiskTarget::open(path, safety);
            if (!disk)
                return disk.error();
            return std::unique_ptr<Imaging::TargetDevice>(
                std::make_unique<TestSupport::SlowTarget>(std::move(disk.value()), msPerMiB));
        });
    QEventLoop loop;
    QObject::connect(&run, &AppCore::ImagingRun::finished, &loop, &QEventLoop::quit);
    run.start(*plan);
    loop.exec();
    return run.outcome().result.ok() ? 0 : exitCodeFor(run.outcome().result.error().code);
}
