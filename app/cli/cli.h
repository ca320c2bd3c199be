// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include "common/result.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <memory>

namespace Etabli::Inventory {
class Store;
}

namespace Etabli::Cli {

/// What every command gets: its arguments (after the noun), the global options and
/// the output streams. The store is opened on first use, so commands that do not
/// need it (probe edid FILE…) work without one.
class Context
{
public:
    Context(QStringList args, QTextStream &out, QTextStream &err);
    ~Context();

    QStringList args; ///< arguments after the noun, verb first (global options removed)
    QString dbPath; ///< --db, or the default under the user's data dir
    bool json = false; ///< --json
    QString station; ///< --station or $ETABLI_STATION, default the host name
    QString worker; ///< --worker or $ETABLI_WORKER, default the user name
    QTextStream &out;
    QTextStream &err;

    /// Opens the inventory (creating it) or prints why it cannot and returns null.
    Inventory::Store *store();

    /// Prints `error` to stderr (as JSON with --json) and returns its exit code.
    int fail(const Error &error);
    /// The exit code of the last fail() (e.g. when store() could not open the inventory).
    int lastExitCode() const { return m_lastExitCode; }
    /// Prints a usage error and returns 2.
    int usage(const QString &message);
    /// Writes `value` as indented JSON on stdout.
    void printJson(const QJsonValue &value);

private:
    std::unique_ptr<Inventory::Store> m_store;
    int m_lastExitCode = 0;
};

/// The name of `code` in JSON errors, the same as the server's `error.code`
/// (bad_request, not_found, conflict, unauthorized, unavailable…).
QString errorCodeName(ErrorCode code);

/// A `noun` of the CLI: `run` receives the context; it returns the exit code.
struct Command {
    QString noun;
    QString synopsis; ///< one line per verb, shown by `etabli help`
    std::function<int(Context &)> run;
};

class Registry
{
public:
    void add(Command command) { m_commands.append(std::move(command)); }
    const QList<Command> &commands() const { return m_commands; }

private:
    QList<Command> m_commands;
};

// One function per module, each in its own file (cli_<module>.cpp).
void registerInventoryCommands(Registry &registry);
void registerProbeCommands(Registry &registry);
void registerTestCommands(Registry &registry);
void registerImageCommands(Registry &registry);
void registerLabelCommands(Registry &registry);
void registerSyncCommands(Registry &registry);
void registerWipeCommands(Registry &registry); // cli_wipe.cpp (erasure)
void registerCertificateCommands(Registry &registry); // cli_certificate.cpp (erasure)
void registerDeskCommands(Registry &registry); // cli_desk.cpp (hardening: desk import)
// supervisor (issue 13): cli_report.cpp, cli_admin.cpp
void registerReportCommands(Registry &registry);
void registerAdminCommands(Registry &registry);
void registerWorkerCommands(Registry &registry); // cli_worker.cpp (flow: bench logins)

/// Parses `ctx.args` with `parser` (options the command declared); on an unknown
/// option or a missing value prints the parser's message and returns false.
bool parseArgs(QCommandLineParser &parser, Context &ctx);

} // namespace Etabli::Cli
