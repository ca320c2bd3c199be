// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#include "inventory/domain.h"

#include <QJsonArray>

#include <array>
#include <utility>

namespace Etabli::Inventory {

namespace {

template<typename E, std::size_t N>
QString nameOf(const std::array<std::pair<E, const char16_t *>, N> &table, E value)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QString::fromUtf16(name);
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const std::array<std::pair<E, const char16_t *>, N> &table, const QString &s)
{
    for (const auto &[v, name] : table)
        if (s.compare(QString::fromUtf16(name), Qt::CaseInsensitive) == 0)
            return v;
    return std::nullopt;
}

template<typename E, std::size_t N>
QList<E> valuesOf(const std::array<std::pair<E, const char16_t *>, N> &table)
{
    QList<E> out;
    for (const auto &entry : table)
        out.append(entry.first);
    return out;
}

constexpr std::array<std::pair<AssetKind, const char16_t *>, 6> kKinds{{
    {AssetKind::Pc, u"pc"},
    {AssetKind::Screen, u"screen"},
    {AssetKind::Keyboard, u"keyboard"},
    {AssetKind::Mouse, u"mouse"},
    {AssetKind::Speakers, u"speakers"},
    {AssetKind::Part, u"part"},
}};

constexpr std::array<std::pair<AssetState, const char16_t *>, 10> kStates{{
    {AssetState::Received, u"RECEIVED"},
    {AssetState::Testing, u"TESTING"},
    {AssetState::InRepair, u"IN_REPAIR"},
    {AssetState::Imaged, u"IMAGED"},
    {AssetState::Ready, u"READY"},
    {AssetState::Reserved, u"RESERVED"},
    {AssetState::HandedOver, u"HANDED_OVER"},
    {AssetState::Returned, u"RETURNED"},
    {AssetState::Parts, u"PARTS"},
    {AssetState::Recycled, u"RECYCLED"},
}};

constexpr std::array<std::pair<Verdict, const char16_t *>, 3> kVerdicts{{
    {Verdict::Pass, u"PASS"},
    {Verdict::Warn, u"WARN"},
    {Verdict::Fail, u"FAIL"},
}};

constexpr std::array<std::pair<Role, const char16_t *>, 3> kRoles{{
    {Role::Worker, u"worker"},
    {Role::Supervisor, u"supervisor"},
    {Role::Desk, u"desk"},
}};

constexpr std::array<std::pair<HsReason, const char16_t *>, 12> kHsReasons{{
    {HsReason::NoPower, u"no_power"},
    {HsReason::NoBoot, u"no_boot"},
    {HsReason::NoDisplay, u"no_display"},
    {HsReason::DeadPixels, u"dead_pixels"},
    {HsReason::BrokenKeys, u"broken_keys"},
    {HsReason::BrokenButton, u"broken_button"},
    {HsReason::NoSound, u"no_sound"},
    {HsReason::DiskFailing, u"disk_failing"},
    {HsReason::RamFailing, u"ram_failing"},
    {HsReason::PhysicalDamage, u"physical_damage"},
    {HsReason::Missing, u"missing"},
    {HsReason::Other, u"other"},
}};

} // namespace

QString toString(AssetKind kind)
{
    return nameOf(kKinds, kind);
}
QString toString(AssetState state)
{
    return nameOf(kStates, state);
}
QString toString(Verdict verdict)
{
    return nameOf(kVerdicts, verdict);
}
QString toString(Role role)
{
    return nameOf(kRoles, role);
}
QString toString(HsReason reason)
{
    return nameOf(kHsReasons, reason);
}

std::optional<AssetKind> assetKindFromString(const QString &s)
{
    return valueOf(kKinds, s);
}
std::optional<AssetState> assetStateFromString(const QString &s)
{
    return valueOf(kStates, s);
}
std::optional<Verdict> verdictFromString(const QString &s)
{
    return valueOf(kVerdicts, s);
}
std::optional<Role> roleFromString(const QString &s)
{
    return valueOf(kRoles, s);
}
std::optional<HsReason> hsReasonFromString(const QString &s)
{
    return valueOf(kHsReasons, s);
}

QList<AssetKind> allAssetKinds()
{
    return valuesOf(kKinds);
}
QList<AssetState> allAssetStates()
{
    return valuesOf(kStates);
}
QList<HsReason> allHsReasons()
{
    return valuesOf(kHsReasons);
}

QStringList hsParts()
{
    // The peripherals of a kit, then the parts inside a PC (the component kinds of a probe).
    return {QStringLiteral("screen"),      QStringLiteral("keyboard"),     QStringLiteral("mouse"),
            QStringLiteral("speakers"),    QStringLiteral("cable"),        QStringLiteral("ram"),
            QStringLiteral("disk"),        QStringLiteral("cpu"),          QStringLiteral("gpu"),
            QStringLiteral("motherboard"), QStringLiteral("power_supply"), QStringLiteral("optical"),
            QStringLiteral("nic"),         QStringLiteral("audio"),        QStringLiteral("usb"),
            QStringLiteral("battery"),     QStringLiteral("fan"),          QStringLiteral("case")};
}

bool isHsPart(const QString &part)
{
    return hsParts().contains(part, Qt::CaseInsensitive);
}

QStringList requiredTests(AssetKind kind)
{
    switch (kind) {
    case AssetKind::Pc:
        return {QStringLiteral("ram"), QStringLiteral("disk")};
    case AssetKind::Screen:
        return {QStringLiteral("screen")};
    case AssetKind::Keyboard:
        return {QStringLiteral("keyboard")};
    case AssetKind::Mouse:
        return {QStringLiteral("mouse")};
    case AssetKind::Speakers:
        return {QStringLiteral("audio")};
    case AssetKind::Part:
        break;
    }
    return {};
}

bool needsImage(AssetKind kind)
{
    return kind == AssetKind::Pc;
}

QJsonObject toJson(const Component &c)
{
    QJsonObject o{{QStringLiteral("kind"), c.kind}};
    auto put = [&o](const char *key, const QString &v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("make", c.make);
    put("model", c.model);
    put("serial", c.serial);
    if (c.sizeBytes > 0)
        o.insert(QStringLiteral("size_bytes"), c.sizeBytes);
    if (!c.details.isEmpty())
        o.insert(QStringLiteral("details"), c.details);
    return o;
}

Component componentFromJson(const QJsonObject &o)
{
    Component c;
    c.kind = o.value(QStringLiteral("kind")).toString();
    c.make = o.value(QStringLiteral("make")).toString();
    c.model = o.value(QStringLiteral("model")).toString();
    c.serial = o.value(QStringLiteral("serial")).toString();
    c.sizeBytes = o.value(QStringLiteral("size_bytes")).toInteger();
    c.details = o.value(QStringLiteral("details")).toObject();
    return c;
}

QJsonObject toJson(const Asset &a)
{
    QJsonArray components;
    for (const auto &c : a.components)
        components.append(toJson(c));
    QJsonObject o{
        {QStringLiteral("tag"), a.tag},
        {QStringLiteral("kind"), toString(a.kind)},
        {QStringLiteral("make"), a.make},
        {QStringLiteral("model"), a.model},
        {QStringLiteral("serial"), a.serial},
        {QStringLiteral("state"), toString(a.state)},
        {QStringLiteral("lot"), a.lot.isEmpty() ? QJsonValue() : QJsonValue(a.lot)},
        {QStringLiteral("specs"), a.specs},
        {QStringLiteral("cycle"), a.cycle},
        {QStringLiteral("revision"), a.revision},
        {QStringLiteral("created_at"), a.createdAt},
        {QStringLiteral("updated_at"), a.updatedAt},
        {QStringLiteral("components"), components},
    };
    if (!a.reservedFor.isEmpty())
        o.insert(QStringLiteral("reserved_for"), a.reservedFor);
    return o;
}

QJsonObject toJson(const Lot &l)
{
    return QJsonObject{
        {QStringLiteral("reference"), l.reference},          {QStringLiteral("donor"), l.donor},
        {QStringLiteral("expected_count"), l.expectedCount}, {QStringLiteral("asset_count"), l.assetCount},
        {QStringLiteral("received_at"), l.receivedAt},       {QStringLiteral("notes"), l.notes},
    };
}

} // namespace Etabli::Inventory
