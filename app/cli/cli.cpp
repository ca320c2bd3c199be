// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/cli/cli.h"

#include "inventory/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Etabli::Cli {

Context::Context(QStringList arguments, QTextStream &o, QTextStream &e)
    : args(std::move(arguments))
    , out(o)
    , err(e)
{}

Context::~Context() = default;

Inventory::Store *Context::store()
{
    if (m_store)
        return m_store.get();
    auto opened = Inventory::Store::open(dbPath, Inventory::Identity{station, worker});
    if (!opened) {
        fail(opened.error());
        return nullptr;
    }
    m_store = std::move(opened.value());
    return m_store.get();
}

QString errorCodeName(ErrorCode code)
{
    // The same names as the server's `error.code` (inventory/server/api.cpp).
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::BadCheckCharacter:
        return QStringLiteral("bad_request");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::TransitionRefused:
    case ErrorCode::Conflict:
    case ErrorCode::Refused:
        return QStringLiteral("conflict");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Corrupt:
        return QStringLiteral("corrupt");
    case ErrorCode::Unsupported:
        return QStringLiteral("unsupported");
    case ErrorCode::Io:
    case ErrorCode::Network:
        return QStringLiteral("unavailable");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::Internal:
        break;
    }
    return QStringLiteral("internal");
}

int Context::fail(const Error &error)
{
    if (json) {
        // One shape with the server (README, "Errors in JSON"): `code`, `message` and
        // `detail` at the top level; `error` (the message) kept for older scripts.
        QJsonObject o{{QStringLiteral("error"), error.message},
                      {QStringLiteral("code"), errorCodeName(error.code)},
                      {QStringLiteral("message"), error.message}};
        if (!error.detail.isEmpty())
            o.insert(QStringLiteral("detail"), error.detail);
        err << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << Qt::endl;
    } else {
        err << QStringLiteral("etabli: ") << error.message << Qt::endl;
    }
    m_lastExitCode = exitCodeFor(error.code);
    return m_lastExitCode;
}

int Context::usage(const QString &message)
{
    return fail(
        makeError(ErrorCode::InvalidArgument, message + QCoreApplication::translate("Cli", " (see «etabli help»)")));
}

void Context::printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out.flush();
}

bool parseArgs(QCommandLineParser &parser, Context &ctx)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    if (!parser.parse(QStringList{QStringLiteral("etabli")} + ctx.args)) {
        ctx.usage(parser.errorText());
        return false;
    }
    return true;
}

} // namespace Etabli::Cli
