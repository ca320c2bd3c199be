// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "app/core/helperprotocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <tuple>

#include "imaging/httpsource.h"
#include "imaging/multicast.h"

namespace Etabli::AppCore::HelperProtocol {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Etabli::AppCore::HelperProtocol", text);
}

Error refusal(const QString &message, const char *detail)
{
    return makeError(ErrorCode::InvalidArgument, message, QString::fromLatin1(detail));
}

bool validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (QChar c : id)
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'_' && c != u'-')
            return false;
    return true;
}

bool hasType(const QJsonValue &v, KeyType type)
{
    switch (type) {
    case KeyType::String:
        return v.isString() && v.toString().size() <= 4096;
    case KeyType::Bool:
        return v.isBool();
    case KeyType::Integer:
        return v.isDouble() && v.toDouble() == double(qint64(v.toDouble())) && v.toDouble() >= 0
            && v.toDouble() <= 1024;
    case KeyType::StringArray: {
        if (!v.isArray() || v.toArray().size() > 64)
            return false;
        const QJsonArray a = v.toArray();
        for (const QJsonValue &e : a)
            if (!e.isString() || e.toString().size() > 4096)
                return false;
        return true;
    }
    }
    return false;
}

QByteArray line(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

struct CodeName {
    ErrorCode code;
    const char *name;
};
constexpr CodeName codeNames[] = {
    {ErrorCode::InvalidArgument, "invalid_argument"},
    {ErrorCode::NotFound, "not_found"},
    {ErrorCode::BadCheckCharacter, "bad_check_character"},
    {ErrorCode::TransitionRefused, "transition_refused"},
    {ErrorCode::Conflict, "conflict"},
    {ErrorCode::Corrupt, "corrupt"},
    {ErrorCode::Unsupported, "unsupported"},
    {ErrorCode::Refused, "refused"},
    {ErrorCode::Io, "io"},
    {ErrorCode::Network, "network"},
    {ErrorCode::Unauthorized, "unauthorized"},
    {ErrorCode::Cancelled, "cancelled"},
    {ErrorCode::Internal, "internal"},
};

} // namespace

const QList<VerbSpec> &verbs()
{
    static const QList<VerbSpec> table{
        {QStringLiteral("write"),
         {{QStringLiteral("master"), KeyType::String, true},
          {QStringLiteral("manifest"), KeyType::String, false},
          {QStringLiteral("targets"), KeyType::StringArray, true},
          {QStringLiteral("serials"), KeyType::StringArray, true},
          {QStringLiteral("fill"), KeyType::String, false},
          {QStringLiteral("verify"), KeyType::Bool, false},
          {QStringLiteral("threads"), KeyType::Integer, false},
          // masters (issue 19): a master on the network, checkRemoteWrite().
          {QStringLiteral("token"), KeyType::String, false},
          {QStringLiteral("ca"), KeyType::String, false},
          {QStringLiteral("cache"), KeyType::String, false}}},
        {QStringLiteral("scan"),
         {{QStringLiteral("target"), KeyType::String, true}, {QStringLiteral("serial"), KeyType::String, true}}},
        // erasure2: AppCore::eraseDisk on a block device whose serial is confirmed (issue 15).
        {QStringLiteral("wipe"),
         {{QStringLiteral("target"), KeyType::String, true},
          {QStringLiteral("serial"), KeyType::String, true},
          {QStringLiteral("method"), KeyType::String, false},
          {QStringLiteral("pattern"), KeyType::String, false},
          {QStringLiteral("verify"), KeyType::String, false},
          {QStringLiteral("restore_hidden"), KeyType::Bool, false}}},
        {QStringLiteral("cancel"), {}},
    };
    return table;
}

Result<Request> parseRequest(const QByteArray &text, QString *idOut)
{
    if (text.size() >= maxLineBytes)
        return refusal(tr("the request line is longer than %1 bytes").arg(maxLineBytes), "line_too_long");
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return refusal(tr("the request is not a JSON object: %1")
                           .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                             : tr("another JSON value")),
                       "bad_json");
    const QJsonObject o = doc.object();
    const QJsonValue idValue = o.value(QLatin1String("id"));
    if (!idValue.isString() || !validId(idValue.toString()))
        return refusal(tr("the request needs an \"id\" of 1 to 64 letters, digits, '.', '_' or '-'"), "bad_id");
    Request r;
    r.id = idValue.toString();
    if (idOut)
        *idOut = r.id;
    const QJsonValue verbValue = o.value(QLatin1String("verb"));
    const VerbSpec *spec = nullptr;
    for (const VerbSpec &v : verbs())
        if (verbValue.isString() && v.name == verbValue.toString())
            spec = &v;
    if (!spec)
        return refusal(tr("unknown verb «%1»").arg(verbValue.isString() ? verbValue.toString().left(64) : QString()),
                       "unknown_verb");
    r.verb = spec->name;
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key() == QLatin1String("id") || it.key() == QLatin1String("verb"))
            continue;
        const Key *key = nullptr;
        for (const Key &k : spec->keys)
            if (k.name == it.key())
                key = &k;
        if (!key)
            return refusal(tr("unknown key «%1» for %2").arg(it.key().left(64), spec->name), "unknown_key");
        if (!hasType(it.value(), key->type))
            return refusal(tr("the key «%1» has the wrong type or is too long").arg(key->name), "bad_type");
        r.args.insert(it.key(), it.value());
    }
    for (const Key &k : spec->keys)
        if (k.required && !r.args.contains(k.name))
            return refusal(tr("%1 needs the key «%2»").arg(spec->name, k.name), "missing_key");
    return r;
}

QString codeName(ErrorCode code)
{
    for (const CodeName &c : codeNames)
        if (c.code == code)
            return QString::fromLatin1(c.name);
    return QStringLiteral("internal");
}

ErrorCode codeFromName(const QString &name)
{
    for (const CodeName &c : codeNames)
        if (name == QLatin1String(c.name))
            return c.code;
    return ErrorCode::Internal;
}

QByteArray readyLine()
{
    QJsonArray names;
    for (const VerbSpec &v : verbs())
        names.append(v.name);
    return line(QJsonObject{{QStringLiteral("type"), QStringLiteral("ready")},
                            {QStringLiteral("protocol"), version},
                            {QStringLiteral("verbs"), names}});
}

QByteArray errorLine(const QString &id, const Error &error)
{
    return line(QJsonObject{{QStringLiteral("id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
                            {QStringLiteral("type"), QStringLiteral("error")},
                            {QStringLiteral("code"), codeName(error.code)},
                            {QStringLiteral("exit_code"), exitCodeFor(error.code)},
                            {QStringLiteral("detail"), error.detail},
                            {QStringLiteral("message"), error.message}});
}

QByteArray progressLine(const QString &id, const QJsonObject &progress)
{
    QJsonObject o = progress;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("type"), QStringLiteral("progress"));
    return line(o);
}

QByteArray resultLine(const QString &id, const QJsonObject &result)
{
    QJsonObject o = result;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("type"), QStringLiteral("result"));
    return line(o);
}

// bench: the FROZEN drive's typed code.
bool isDriveFrozen(const Error &error)
{
    return error.detail == driveFrozenDetail();
}

bool isDriveFrozen(const QJsonObject &reply)
{
    if (reply.value(QLatin1String("detail")).toString() == driveFrozenDetail()
        || reply.value(QLatin1String("error_detail")).toString() == driveFrozenDetail()
        || reply.value(QLatin1String("security_frozen")).toBool())
        return true;
    const QJsonValue error = reply.value(QLatin1String("error"));
    return error.isObject() && error.toObject().value(QLatin1String("detail")).toString() == driveFrozenDetail();
}

// masters (issue 19): the write request's master on the network, checked before anything.
namespace {

/// https://HOST[:PORT]/api/v1/masters/NAME.qcow2, http:// only to the loopback; no user
/// part, query, fragment or control character.
bool validMasterUrl(const QString &text)
{
    for (QChar c : text)
        if (c.unicode() <= 0x20 || c.unicode() == 0x7f)
            return false;
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() || url.host().isEmpty())
        return false;
    const bool loopback = url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1")
        || url.host() == QLatin1String("localhost");
    if (url.scheme() != QLatin1String("https") && !(url.scheme() == QLatin1String("http") && loopback))
        return false;
    const QString path = url.path(QUrl::FullyDecoded);
    const QString name = path.mid(16); // after /api/v1/masters/
    return path.startsWith(QLatin1String("/api/v1/masters/")) && name.endsWith(QLatin1String(".qcow2"))
        && name.size() > 6 && !name.contains(u'/') && !name.startsWith(u'.');
}

/// A bearer token (RFC 6750 b64token), 1 to 512 characters: nothing that could end the header.
bool validToken(const QString &token)
{
    if (token.isEmpty() || token.size() > 512)
        return false;
    for (QChar c : token)
        if (!(c.unicode() < 128 && c.isLetterOrNumber()) && !QStringLiteral("-._~+/=").contains(c))
            return false;
    return true;
}

} // namespace

bool isRemoteWrite(const QJsonObject &args)
{
    return Imaging::isRemoteMaster(args.value(QLatin1String("master")).toString());
}

Result<void> checkRemoteWrite(const QJsonObject &args)
{
    const QString master = args.value(QLatin1String("master")).toString();
    const bool remote = Imaging::isRemoteMaster(master);
    const bool hasToken = args.contains(QLatin1String("token")), hasCa = args.contains(QLatin1String("ca")),
               hasCache = args.contains(QLatin1String("cache"));
    if (!remote) {
        if (master.contains(QLatin1String("://")))
            return refusal(tr("the master is a local path, an https:// master of etabli-server or a "
                              "multicast://GROUP:PORT?master=https://… address"),
                           "bad_master_url");
        if (hasToken || hasCa || hasCache)
            return refusal(tr("token, ca and cache are for a master on the network"), "remote_keys");
        return {};
    }
    QString url = master;
    if (Imaging::isMulticastMaster(master)) {
        QString group;
        uint16_t port = 0;
        if (auto ok = Imaging::parseMulticastMaster(master, &group, &port, &url); !ok)
            return refusal(ok.error().message, "bad_master_url");
    }
    if (!validMasterUrl(url))
        return refusal(tr("a master on the network is https://SERVER/api/v1/masters/NAME.qcow2 (http:// only on "
                          "this machine's loopback), got «%1»")
                           .arg(url.left(256)),
                       "bad_master_url");
    if (!hasToken || !validToken(args.value(QLatin1String("token")).toString()))
        return refusal(tr("a master on the network needs the station's token (1 to 512 letters, digits or -._~+/=)"),
                       "bad_token");
    for (const auto &[key, present, detail] : {std::tuple{QLatin1String("ca"), hasCa, "bad_ca"},
                                               std::tuple{QLatin1String("cache"), hasCache, "bad_cache"}}) {
        const QString path = args.value(key).toString();
        if (present && (path.isEmpty() || !path.startsWith(u'/') || path.contains(QLatin1String("/../"))))
            return refusal(tr("%1 must be an absolute path: «%2»").arg(key, path.left(256)), detail);
    }
    return {};
}

Failure failureOf(const QJsonObject &result, const QJsonObject &target)
{
    const auto fromObject = [](const QJsonObject &o) {
        return Failure{o.value(QLatin1String("code")).toString(), o.value(QLatin1String("detail")).toString(),
                       o.value(QLatin1String("message")).toString()};
    };
    const QJsonValue te = target.value(QLatin1String("error"));
    if (te.isObject())
        return fromObject(te.toObject());
    Failure f;
    const QJsonValue re = result.value(QLatin1String("error"));
    if (re.isObject())
        f = fromObject(re.toObject());
    if (te.isString() && !te.toString().isEmpty()) {
        f.message = te.toString();
        if (target.contains(QLatin1String("error_detail")))
            f.detail = target.value(QLatin1String("error_detail")).toString();
        if (target.contains(QLatin1String("error_code")))
            f.code = target.value(QLatin1String("error_code")).toString();
    }
    if (f.detail.isEmpty() && target.value(QLatin1String("security_frozen")).toBool())
        f.detail = driveFrozenDetail();
    return f;
}

} // namespace Etabli::AppCore::HelperProtocol
