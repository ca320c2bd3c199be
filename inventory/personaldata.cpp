// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/personaldata.h"

#include "inventory/eventtypes.h"

#include <QJsonDocument>
#include <QList>

namespace Etabli::Inventory::PersonalData {

namespace {

struct Redaction {
    QLatin1String type;
    QLatin1String key; ///< the payload key naming the beneficiary
    QList<QLatin1String> strings; ///< emptied strings
    QList<QLatin1String> objects; ///< emptied objects
};

const QList<Redaction> &table()
{
    static const QList<Redaction> t{
        {EventType::BeneficiaryAdded,
         QLatin1String("reference"),
         {QLatin1String("family_name"), QLatin1String("contact"), QLatin1String("pupil_name"),
          QLatin1String("parent_name"), QLatin1String("school_id")},
         {}},
        {EventType::HandoverRecorded,
         QLatin1String("beneficiary"),
         {QLatin1String("witness")},
         {QLatin1String("signature")}},
        {EventType::ReturnRecorded, QLatin1String("beneficiary"), {QLatin1String("note")}, {}},
        {EventType::AssetMoved, QLatin1String("beneficiary"), {QLatin1String("note")}, {}},
    };
    return t;
}

} // namespace

QStringList typesWithPersonalData()
{
    QStringList out;
    for (const Redaction &r : table())
        out << QString(r.type);
    return out;
}

QStringList personalFields()
{
    QStringList out;
    for (const Redaction &r : table()) {
        for (QLatin1String k : r.strings)
            out << QString(r.type) + QLatin1Char('.') + QString(k);
        for (QLatin1String k : r.objects)
            out << QString(r.type) + QLatin1Char('.') + QString(k);
    }
    return out;
}

bool redact(const QString &type, QJsonObject &payload, const QString &reference)
{
    bool touched = false;
    for (const Redaction &r : table()) {
        if (type != r.type || payload.value(r.key).toString().trimmed() != reference)
            continue;
        for (QLatin1String k : r.strings)
            if (payload.contains(k) && !payload.value(k).toString().isEmpty()) {
                payload.insert(k, QString());
                touched = true;
            }
        for (QLatin1String k : r.objects)
            if (payload.contains(k) && !payload.value(k).toObject().isEmpty()) {
                payload.insert(k, QJsonObject());
                touched = true;
            }
    }
    return touched;
}

QString likePattern(const QString &reference)
{
    const QString quoted = QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("x"), reference}}).toJson(QJsonDocument::Compact));
    return QLatin1Char('%') + quoted.mid(5).chopped(1) + QLatin1Char('%'); // {"x":"REF"} -> "REF"
}

} // namespace Etabli::Inventory::PersonalData
