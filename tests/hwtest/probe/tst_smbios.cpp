// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// SMBIOS parser: every real dump cross-checked against `dmidecode --from-dump`, a
// synthetic table exercising every enumeration we name, and broken inputs.
#include "hwtest/probe/smbios.h"

#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::HwTest;

namespace {

struct DmiBlock {
    int type = -1;
    QMap<QString, QString> fields; // snake_case name -> value (trimmed)
};

QString snake(QString name)
{
    name = name.toLower();
    for (QChar &c : name)
        if (!c.isLetterOrNumber())
            c = u'_';
    return name;
}

QString dmidecodePath()
{
    return QStandardPaths::findExecutable(
        QStringLiteral("dmidecode"),
        {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
}

/// Runs dmidecode on a dump and splits its text into blocks keyed by handle.
QMap<QString, DmiBlock> runDmidecode(const QString &file)
{
    QProcess p;
    p.start(dmidecodePath(),
            {QStringLiteral("--from-dump"), file, QStringLiteral("-t"), QStringLiteral("0,1,2,3,4,17")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QMap<QString, DmiBlock> blocks;
    QString current;
    const QStringList lines = QString::fromLatin1(p.readAllStandardOutput()).split(u'\n');
    static const QRegularExpression handleRe(QStringLiteral("^Handle (0x[0-9A-F]{4}), DMI type (\\d+),"));
    for (const QString &line : lines) {
        if (const auto m = handleRe.match(line); m.hasMatch()) {
            current = m.captured(1);
            blocks[current].type = m.captured(2).toInt();
            continue;
        }
        if (current.isEmpty() || !line.startsWith(u'\t') || line.startsWith(QLatin1String("\t\t")))
            continue;
        const qsizetype colon = line.indexOf(QLatin1String(": "));
        if (colon < 0)
            continue;
        blocks[current].fields[snake(line.mid(1, colon - 1))] = line.mid(colon + 2).trimmed();
    }
    return blocks;
}

QStringList comparedFields(int type)
{
    switch (type) {
    case 0:
        return {QStringLiteral("vendor"), QStringLiteral("version"), QStringLiteral("release_date"),
                QStringLiteral("bios_revision"), QStringLiteral("firmware_revision")};
    case 1:
        return {QStringLiteral("manufacturer"),  QStringLiteral("product_name"), QStringLiteral("version"),
                QStringLiteral("serial_number"), QStringLiteral("uuid"),         QStringLiteral("wake_up_type"),
                QStringLiteral("sku_number"),    QStringLiteral("family")};
    case 2:
        return {QStringLiteral("manufacturer"),  QStringLiteral("product_name"), QStringLiteral("version"),
                QStringLiteral("serial_number"), QStringLiteral("asset_tag"),    QStringLiteral("location_in_chassis"),
                QStringLiteral("type")};
    case 3:
        return {QStringLiteral("manufacturer"), QStringLiteral("type"),          QStringLiteral("lock"),
                QStringLiteral("version"),      QStringLiteral("serial_number"), QStringLiteral("asset_tag")};
    case 4:
        return {QStringLiteral("socket_designation"), QStringLiteral("type"),
                QStringLiteral("manufacturer"),       QStringLiteral("version"),
                QStringLiteral("external_clock"),     QStringLiteral("max_speed"),
                QStringLiteral("current_speed"),      QStringLiteral("status"),
                QStringLiteral("serial_number"),      QStringLiteral("asset_tag"),
                QStringLiteral("part_number"),        QStringLiteral("core_count"),
                QStringLiteral("core_enabled"),       QStringLiteral("thread_count")};
    case 17:
        return {QStringLiteral("total_width"),  QStringLiteral("data_width"),
                QStringLiteral("size"),         QStringLiteral("form_factor"),
                QStringLiteral("locator"),      QStringLiteral("bank_locator"),
                QStringLiteral("type"),         QStringLiteral("speed"),
                QStringLiteral("manufacturer"), QStringLiteral("serial_number"),
                QStringLiteral("asset_tag"),    QStringLiteral("part_number"),
                QStringLiteral("rank"),         QStringLiteral("configured_memory_speed")};
    }
    return {};
}

QString text(const QJsonValue &v)
{
    return v.isString() ? v.toString() : v.toVariant().toString();
}

/// Compares our decoding of `file` with dmidecode's; returns the number of fields compared.
int crossCheck(const QString &file)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        QTest::qFail("cannot open dump", __FILE__, __LINE__);
        return -1;
    }
    auto table = Smbios::parseDump(f.readAll());
    if (!table) {
        QTest::qFail(qPrintable(table.error().message), __FILE__, __LINE__);
        return -1;
    }
    const QJsonObject ours = Smbios::toJson(*table);
    const QMap<QString, DmiBlock> theirs = runDmidecode(file);
    if (theirs.isEmpty()) {
        QTest::qFail("dmidecode gave no output", __FILE__, __LINE__);
        return -1;
    }

    QList<QPair<int, QJsonObject>> objects;
    const std::pair<const char *, int> singles[] = {{"bios", 0}, {"system", 1}, {"baseboard", 2}, {"chassis", 3}};
    for (const auto &[key, type] : singles)
        if (ours.contains(QLatin1String(key)))
            objects.append({type, ours.value(QLatin1String(key)).toObject()});
    for (const QJsonValue &v : ours.value(QStringLiteral("processors")).toArray())
        objects.append({4, v.toObject()});
    for (const QJsonValue &v : ours.value(QStringLiteral("memory_devices")).toArray())
        objects.append({17, v.toObject()});

    // Same structures on both sides (dmidecode shows every one of these types).
    int expectedCount = 0;
    QSet<int> firstSeen;
    for (const DmiBlock &b : theirs)
        if (b.type == 4 || b.type == 17 || !firstSeen.contains(b.type)) {
            firstSeen.insert(b.type);
            ++expectedCount;
        }
    if (objects.size() != expectedCount) {
        QTest::qFail(
            qPrintable(QStringLiteral("structure count: ours %1, dmidecode %2").arg(objects.size()).arg(expectedCount)),
            __FILE__, __LINE__);
        return -1;
    }

    int compared = 0;
    for (const auto &[type, obj] : objects) {
        const QString handle = obj.value(QStringLiteral("handle")).toString();
        if (!theirs.contains(handle) || theirs[handle].type != type) {
            QTest::qFail(qPrintable(QStringLiteral("handle %1 (type %2) not in dmidecode").arg(handle).arg(type)),
                         __FILE__, __LINE__);
            return -1;
        }
        const QMap<QString, QString> &fields = theirs[handle].fields;
        QStringList keys = comparedFields(type);
        if (type == 4 && obj.contains(QStringLiteral("family")))
            keys << QStringLiteral("family");
        for (const QString &key : keys) {
            const bool inTheirs = fields.contains(key);
            const bool inOurs = obj.contains(key);
            if (inTheirs != inOurs || (inOurs && text(obj.value(key)) != fields.value(key))) {
                QTest::qFail(qPrintable(QStringLiteral("%1 type %2 %3: ours «%4», dmidecode «%5»")
                                            .arg(handle)
                                            .arg(type)
                                            .arg(key, inOurs ? text(obj.value(key)) : QStringLiteral("(absent)"),
                                                 inTheirs ? fields.value(key) : QStringLiteral("(absent)"))),
                             __FILE__, __LINE__);
                return -1;
            }
            compared += inOurs;
        }
    }
    return compared;
}

// --- synthetic tables --------------------------------------------------------

QByteArray structure(quint8 type, quint16 handle, QByteArray formatted, const QList<QByteArray> &strings)
{
    QByteArray s;
    s += char(type);
    s += char(formatted.size() + 4);
    s += char(handle & 0xFF);
    s += char(handle >> 8);
    s += formatted;
    for (const QByteArray &str : strings) {
        s += str;
        s += '\0';
    }
    if (strings.isEmpty())
        s += '\0';
    s += '\0';
    return s;
}

/// A dmidecode --dump-bin file with an SMBIOS 3.3 entry point around `table`.
QByteArray dump3(const QByteArray &table)
{
    QByteArray ep(0x20, '\0');
    ep.replace(0, 5, "_SM3_");
    ep[0x06] = 0x18;
    ep[0x07] = 3;
    ep[0x08] = 3;
    ep[0x0A] = 1;
    const quint32 size = quint32(table.size());
    for (int i = 0; i < 4; ++i)
        ep[0x0C + i] = char((size >> (8 * i)) & 0xFF);
    ep[0x10] = 0x20;
    quint8 sum = 0;
    for (int i = 0; i < 0x18; ++i)
        sum = quint8(sum + quint8(ep[i]));
    ep[0x05] = char(quint8(0x100 - sum));
    return ep + table;
}

QByteArray le16(quint16 v)
{
    QByteArray b;
    b += char(v & 0xFF);
    b += char(v >> 8);
    return b;
}

QByteArray le32(quint32 v)
{
    return le16(quint16(v & 0xFFFF)) + le16(quint16(v >> 16));
}

} // namespace

class TestSmbios : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY2(!dmidecodePath().isEmpty(), "dmidecode is installed by packaging/setup-debian.sh"); }

    void corpusMatchesDmidecode_data()
    {
        QTest::addColumn<QString>("file");
        const QDir dir(QStringLiteral(ETABLI_FIXTURES "/probe/smbios"));
        const QStringList files = dir.entryList({QStringLiteral("*.bin")}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 9);
        for (const QString &name : files)
            QTest::newRow(qPrintable(name)) << dir.filePath(name);
    }
    void corpusMatchesDmidecode()
    {
        QFETCH(QString, file);
        const int compared = crossCheck(file);
        QVERIFY2(compared >= 20, qPrintable(QStringLiteral("only %1 fields compared").arg(compared)));
    }

    /// Every chassis type, form factor, memory type and processor family we name,
    /// plus the size and speed encodings, in one synthetic table decoded by both.
    void enumerationsMatchDmidecode()
    {
        QByteArray table;
        quint16 handle = 0;
        QByteArray sys(0x1B - 4, '\0');
        sys[0] = 1;
        sys[1] = 2;
        sys[3] = 3; // serial
        for (int i = 0; i < 16; ++i)
            sys[0x08 - 4 + i] = char(0x10 + i);
        sys[0x18 - 4] = 6;
        table += structure(1, handle++, sys, {"ACME", "Box 3000", "SN-42"});
        for (int t = 1; t <= 0x25; ++t) {
            QByteArray ch(0x0D - 4, '\0');
            ch[0] = 1;
            ch[1] = char(t | (t % 2 ? 0x80 : 0));
            table += structure(3, handle++, ch, {"Maker"});
        }
        const quint16 sizes[] = {0, 0xFFFF, 512, 1536, 8192, 0x8000 | 256, 0x7FFF};
        for (int t = 1; t <= 0x24; ++t) {
            QByteArray m(0x28 - 4, '\0');
            const quint16 size = sizes[t % 7];
            m.replace(0x08 - 4, 2, le16(64));
            m.replace(0x0A - 4, 2, le16(t % 3 ? 64 : 0xFFFF));
            m.replace(0x0C - 4, 2, le16(size));
            m[0x0E - 4] = char(t % 0x11);
            m[0x10 - 4] = 1;
            m[0x12 - 4] = char(t);
            m.replace(0x15 - 4, 2, le16(t % 4 ? quint16(800 + t) : 0));
            m[0x17 - 4] = 2;
            m[0x1B - 4] = char(t % 5);
            m.replace(0x1C - 4, 4, le32(quint32(t) * 4096 + (t % 2 ? 512 : 0)));
            m.replace(0x20 - 4, 2, le16(quint16(1600 + t)));
            table += structure(17, handle++, m, {"DIMM" + QByteArray::number(t), "Vendor"});
        }
        for (int fam = 1; fam <= 0xFF; ++fam) {
            QByteArray p(0x30 - 4, '\0');
            p[0] = 1;
            p[1] = char(fam % 7);
            p[2] = char(fam == 0xFE ? 0xB3 : fam);
            p[3] = 2;
            p.replace(0x12 - 4, 2, le16(100));
            p.replace(0x14 - 4, 2, le16(quint16(fam * 10)));
            p[0x18 - 4] = char(fam % 2 ? 0x41 : fam % 8);
            p[0x23 - 4] = char(fam % 3 ? fam : 0xFF);
            p.replace(0x2A - 4, 2, le16(300));
            p[0x25 - 4] = char(fam / 2);
            table += structure(4, handle++, p, {"CPU" + QByteArray::number(fam), "Intel"});
        }
        table += structure(127, handle++, {}, {});

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("synthetic.bin"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(dump3(table));
        out.close();
        const int compared = crossCheck(file);
        QVERIFY2(compared > 1000, qPrintable(QStringLiteral("only %1 fields compared").arg(compared)));
    }

    void knownValues()
    {
        QFile f(QStringLiteral(ETABLI_FIXTURES "/probe/smbios/Lenovo-ThinkPad-T480.bin"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto table = Smbios::parseDump(f.readAll());
        QVERIFY(table.ok());
        QCOMPARE(table->major, 3);
        const QJsonObject o = Smbios::toJson(*table);
        const QJsonArray mem = o.value(QStringLiteral("memory_devices")).toArray();
        QCOMPARE(mem.size(), 2);
        QCOMPARE(mem[0].toObject().value(QStringLiteral("size_bytes")).toInteger(), qint64(8) << 30);
        QCOMPARE(mem[1].toObject().value(QStringLiteral("part_number")).toString(), QStringLiteral("M471A2K43CB1-CRC"));
        QCOMPARE(mem[1].toObject().value(QStringLiteral("speed_mts")).toInt(), 2400);
    }

    void brokenInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("detail");
        QFile f(QStringLiteral(ETABLI_FIXTURES "/probe/smbios/Asus-UX307LA.bin"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        QByteArray badSum = good;
        badSum[0x04] = char(badSum[0x04] + 1);
        QByteArray badAddress = good;
        badAddress[0x18] = char(0xF0);
        badAddress[0x19] = char(0xFF);
        QTest::newRow("empty") << QByteArray() << QStringLiteral("no_entry_point");
        QTest::newRow("random text") << QByteArray("hello world, not a table") << QStringLiteral("no_entry_point");
        QTest::newRow("entry point cut") << good.left(0x10) << QStringLiteral("bad_table_address");
        QTest::newRow("entry point checksum") << badSum << QStringLiteral("entry_point_checksum");
        QTest::newRow("address past end") << badAddress << QStringLiteral("bad_table_address");
        QTest::newRow("no table") << good.left(0x20) << QStringLiteral("empty_table");
    }
    void brokenInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, detail);
        auto r = Smbios::parseDump(data);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Corrupt);
        QCOMPARE(r.error().detail, detail);
        QVERIFY(!r.error().message.isEmpty());
    }

    /// A table cut anywhere never crashes and keeps only whole structures.
    void truncatedTable()
    {
        QFile f(QStringLiteral(ETABLI_FIXTURES "/probe/smbios/GigaByte-X399.bin"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray good = f.readAll();
        auto full = Smbios::parseDump(good);
        QVERIFY(full.ok());
        qsizetype previous = 0;
        for (qsizetype cut = 0x20 + 4; cut < good.size(); cut += 7) {
            auto r = Smbios::parseDump(good.left(cut));
            const qsizetype n = r.ok() ? r->structures.size() : 0;
            QVERIFY(n >= previous);
            QVERIFY(n <= full->structures.size());
            previous = n;
        }
    }
};

QTEST_GUILESS_MAIN(TestSmbios)
#include "tst_smbios.moc"
