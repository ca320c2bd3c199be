// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

/// The vocabulary of the workshop: kinds of asset, lifecycle states, verdicts, HS
/// reasons, roles. Every enum has a stable lower/upper-case spelling used in the
/// store, in events, in JSON and on the command line; never reorder those strings.
namespace Etabli::Inventory {

enum class AssetKind { Pc, Screen, Keyboard, Mouse, Speakers, Part };
enum class AssetState { Received, Testing, InRepair, Imaged, Ready, Reserved, HandedOver, Returned, Parts, Recycled };
enum class Verdict { Pass, Warn, Fail };
enum class Role { Worker, Supervisor, Desk };

/// Why a part is HS: a fixed list so the yearly figures can count them.
enum class HsReason {
    NoPower,
    NoBoot,
    NoDisplay,
    DeadPixels,
    BrokenKeys,
    BrokenButton,
    NoSound,
    DiskFailing,
    RamFailing,
    PhysicalDamage,
    Missing,
    Other
};

QString toString(AssetKind kind);
QString toString(AssetState state);
QString toString(Verdict verdict);
QString toString(Role role);
QString toString(HsReason reason);

std::optional<AssetKind> assetKindFromString(const QString &s);
std::optional<AssetState> assetStateFromString(const QString &s); ///< case-insensitive
std::optional<Verdict> verdictFromString(const QString &s); ///< case-insensitive
std::optional<Role> roleFromString(const QString &s);
std::optional<HsReason> hsReasonFromString(const QString &s);

QList<AssetKind> allAssetKinds();
QList<AssetState> allAssetStates();
QList<HsReason> allHsReasons();

/// The parts an HS record may name (`hs.recorded` `part`), lower case, so the yearly
/// figures count « screen » once and never « ecran » beside it.
QStringList hsParts();
bool isHsPart(const QString &part); ///< case-insensitive

/// Which test kinds an asset of `kind` must have passed (PASS or WARN) before READY.
QStringList requiredTests(AssetKind kind);
/// Whether an asset of `kind` carries a disk that must be erased and imaged.
bool needsImage(AssetKind kind);

struct Donor {
    qint64 id = 0;
    QString name;
    QString contact;
};

struct Lot {
    qint64 id = 0;
    QString reference;
    QString donor;
    int expectedCount = 0;
    int assetCount = 0;
    QString receivedAt; ///< ISO date
    QString notes;
};

struct Component {
    QString kind; ///< ram, disk, optical, nic, cpu, gpu, audio…
    QString make;
    QString model;
    QString serial;
    qint64 sizeBytes = 0;
    QJsonObject details;
};

struct Asset {
    qint64 id = 0;
    QString tag;
    AssetKind kind = AssetKind::Pc;
    QString make;
    QString model;
    QString serial;
    QJsonObject specs;
    AssetState state = AssetState::Received;
    QString lot; ///< lot reference, empty when none
    QString reservedFor; ///< beneficiary reference while RESERVED / HANDED_OVER
    int cycle = 1; ///< incremented at each return: records of older cycles no longer count
    qint64 revision = 0; ///< number of events applied to this asset
    QString createdAt;
    QString updatedAt;
    QList<Component> components;
};

QJsonObject toJson(const Asset &asset);
QJsonObject toJson(const Lot &lot);
QJsonObject toJson(const Component &component);
Component componentFromJson(const QJsonObject &o);

} // namespace Etabli::Inventory
