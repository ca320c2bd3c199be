// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

// The JSON-lines protocol between the station (HelperClient) and etabli-helper, which
// writes and scans disks as root. app/helper/README.md describes it for other clients.

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Etabli::AppCore::HelperProtocol {

constexpr int version = 1;
/// A request line longer than this (newline included) is refused unread.
constexpr qsizetype maxLineBytes = 64 * 1024;

/// The JSON type a request key must have.
enum class KeyType { String, Bool, Integer, StringArray };

struct Key {
    QString name;
    KeyType type = KeyType::String;
    bool required = false;
};

/// One verb of the helper: its keys (besides "id" and "verb", which every request
/// carries). A key not listed is refused.
struct VerbSpec {
    QString name;
    QList<Key> keys;
};

/// The verbs etabli-helper knows, one entry each (write, scan, wipe, cancel). Adding a verb
/// (e.g. `wipe`) is one entry here and one handler in app/helper/helper.cpp.
const QList<VerbSpec> &verbs();

/// A request line, checked: a JSON object with a valid "id" (1-64 of [A-Za-z0-9._-]), a
/// known "verb" and exactly that verb's keys with their types.
struct Request {
    QString id;
    QString verb;
    QJsonObject args; ///< the request without "id" and "verb"
};

/// Parses one line (without its newline). Never throws, never trusts the input: on
/// refusal the error says why (detail: bad_json, bad_id, unknown_verb, unknown_key,
/// missing_key, bad_type) and `id` receives the request's id when it was readable.
Result<Request> parseRequest(const QByteArray &line, QString *id = nullptr);

/// Reply lines (compact JSON plus "\n").
QByteArray readyLine();
QByteArray errorLine(const QString &id, const Error &error);
QByteArray progressLine(const QString &id, const QJsonObject &progress);
QByteArray resultLine(const QString &id, const QJsonObject &result);

/// bench: the typed refusal of a disk in the security FROZEN state (its firmware erase is
/// locked until it is powered off and on). The helper sends it as the error's "detail"; the
/// station recognises the drive by this code, never by the words of the message.
inline const QString driveFrozenDetail()
{
    return QStringLiteral("drive_frozen");
}
/// Whether the helper said the drive is frozen: an Error with detail drive_frozen.
bool isDriveFrozen(const Error &error);
/// The same for an error object on the wire ({"code","detail",…}), a result or a target
/// whose "error" is such an object, or a target reporting "security_frozen": true.
bool isDriveFrozen(const QJsonObject &reply);

/// masters (issue 19): whether a write request's "master" is on the network (https://,
/// http:// or multicast://).
bool isRemoteWrite(const QJsonObject &args);
/// The write request's master, checked before anything touches a disk. A local path takes no
/// "token", "ca" or "cache" (detail remote_keys) and no other scheme (bad_master_url). A
/// master on the network is https://HOST[:PORT]/api/v1/masters/NAME.qcow2 (http:// only to
/// 127.0.0.1, ::1 or localhost; no user, query or fragment) or
/// multicast://GROUP:PORT?master=<such a URL> (bad_master_url), and needs "token", the
/// station's bearer token, 1 to 512 of [A-Za-z0-9-._~+/=] (bad_token); "ca" and "cache" are
/// absolute paths (bad_ca, bad_cache). What they name is checked by the helper itself.
Result<void> checkRemoteWrite(const QJsonObject &args);

/// bench: why a write failed, from its result line: the code, detail and words of the
/// target's error (an object, or a string with "error_detail"/"error_code" beside it), else
/// of the result's own error object.
struct Failure {
    QString code, detail, message;
};
Failure failureOf(const QJsonObject &result, const QJsonObject &target);

/// Stable names of error codes on the wire ("refused", "not_found"…) and back.
QString codeName(ErrorCode code);
ErrorCode codeFromName(const QString &name);

} // namespace Etabli::AppCore::HelperProtocol
