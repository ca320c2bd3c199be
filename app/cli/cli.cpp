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

int Context::fail(const Error &error)
{
    if (json) {
        QJsonObject o{{QStringLiteral("error"), error.message}};
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
