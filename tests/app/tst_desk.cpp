// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli desk …` as a real process on a real desk store (SQLite file): the pupils'
// names stored, vouchers (fonts embedded, the barcode decoded back by zbarimg), a full
// kit handed over (receipt read back by pdftotext), every refusal with its exit code and
// nothing changed, grants and their deadline, training, a return with a swap, export,
// erasure, retention and the audit.
#include "app/core/desk.h"
#include "inventory/assettag.h"
#include "inventory/store.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Etabli;
using namespace Etabli::Inventory;

namespace {

struct Run {
    int code = -1;
    QJsonDocument json;
    QByteArray out, err;
};

QString tool(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name));
}

QString runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

/// pdffonts lists at least one font and each is embedded (its "emb" column says yes).
bool fontsEmbedded(const QString &pdf)
{
    const QStringList rows = runTool(tool("pdffonts"), {pdf}).split(u'\n', Qt::SkipEmptyParts).mid(2);
    for (const QString &row : rows) {
        const QStringList cols = row.split(u' ', Qt::SkipEmptyParts);
        if (cols.size() < 7 || cols.at(cols.size() - 5) != QLatin1String("yes"))
            return false;
    }
    return !rows.isEmpty();
}

/// What a bench and the server did before: the asset exists and is READY (events made
/// elsewhere, as a sync brings them).
Event remote(const QString &type, const QString &tag, const QJsonObject &payload, int n)
{
    Event e;
    e.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.station = QStringLiteral("bench-1");
    e.worker = QStringLiteral("w");
    e.time = QDateTime::currentDateTimeUtc().addSecs(-3600 + n);
    e.type = type;
    e.assetTag = tag;
    e.payload = payload;
    return e;
}

/// deskserver: whether any column of any table of the SQLite file at `db` holds `text`.
bool logMentions(const QString &db, const char *text)
{
    const QString name = QStringLiteral("mentions-%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    bool found = false;
    {
        QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        c.setDatabaseName(db);
        if (!c.open())
            return true; // unreadable counts as found: the test fails loudly
        QStringList tables;
        QSqlQuery t(c);
        t.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
        while (t.next())
            tables << t.value(0).toString();
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery q(c);
            q.exec(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            while (q.next() && !found)
                for (int i = 0; i < q.record().count(); ++i)
                    if (q.value(i).toString().contains(QString::fromUtf8(text)))
                        found = true;
        }
    }
    QSqlDatabase::removeDatabase(name);
    return found;
}

const char kCsv[] = "pupil id;pupil name;school;class;parent name;parent contact\r\n"
                    "P-1;Léa Martin;École Jaurès;CM1;Sophie Martin;06 11 22 33 44\r\n"
                    "P-2;Omar Benali;École Jaurès;CE2;Karim Benali;06 55 66 77 88\r\n"
                    "P-3;Inès Dupont;École Jaurès;CM1;Marc Dupont;marc@example.org\r\n";

} // namespace

class TestDesk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importStoresPupilNames();
    void vouchersPdf();
    void refusalsChangeNothing_data();
    void refusalsChangeNothing();
    void fullKitWithReceipt();
    void signatureIsStoredWithItsHash();
    void grants();
    void training();
    void returnWithSwap();
    void personalData();
    void purgeCoversFamiliesWhoReceivedNothing(); // deskserver

private:
    Run etabli(const QStringList &args);
    QString tag(int n) const { return AssetTag::make(QStringLiteral("BCL"), n); }
    QString voucherOf(const QString &ref);
    QString stateOf(const QString &tag);
    qint64 eventCount();
    void addAsset(const QString &tag, const QString &kind, const QString &lot, const QString &finalState);

    QTemporaryDir m_dir;
    QString m_db;
    int m_n = 0;
};

Run TestDesk::etabli(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ETABLI_LANG"), QStringLiteral("en"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(ETABLI_CLI),
            QStringList{QStringLiteral("--db"), m_db, QStringLiteral("--station"), QStringLiteral("desk-1"),
                        QStringLiteral("--worker"), QStringLiteral("Nadia")}
                + args);
    if (!p.waitForFinished(60000))
        return {};
    Run r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.json = QJsonDocument::fromJson(r.out);
    return r;
}

void TestDesk::addAsset(const QString &t, const QString &kind, const QString &lot, const QString &finalState)
{
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
    QVERIFY(store);
    QList<Event> events{
        remote(QStringLiteral("asset.added"), t,
               {{QStringLiteral("tag"), t}, {QStringLiteral("kind"), kind}, {QStringLiteral("lot"), lot}}, ++m_n)};
    const QStringList path{QStringLiteral("RECEIVED"), QStringLiteral("TESTING"), QStringLiteral("READY")};
    for (int i = 1; i < path.size() && path.at(i - 1) != finalState; ++i)
        events << remote(QStringLiteral("asset.moved"), t,
                         {{QStringLiteral("from"), path.at(i - 1)}, {QStringLiteral("to"), path.at(i)}}, ++m_n);
    for (const Event &e : std::as_const(events)) {
        auto r = (*store)->applyRemote(e);
        QVERIFY2(r && *r, r ? "" : qPrintable(r.error().message));
    }
}

QString TestDesk::voucherOf(const QString &ref)
{
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    QSqlQuery q((*store)->database());
    q.prepare(QStringLiteral("SELECT voucher FROM desk_vouchers WHERE beneficiary = ?"));
    q.addBindValue(ref);
    q.exec();
    return q.next() ? q.value(0).toString() : QString();
}

QString TestDesk::stateOf(const QString &t)
{
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    auto a = (*store)->asset(t);
    return a ? toString(a->state) + QStringLiteral(":") + a->reservedFor : QStringLiteral("none");
}

qint64 TestDesk::eventCount()
{
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    return (*store)->eventCount();
}

void TestDesk::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("desk.sqlite"));
    {
        auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
        QVERIFY(store);
        QVERIFY((*store)->setSetting(QStringLiteral("sync.desk"), QStringLiteral("1")));
        QVERIFY((*store)->applyRemote(
            remote(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QStringLiteral("L1")}}, ++m_n)));
        QVERIFY((*store)->applyRemote(
            remote(QStringLiteral("lot.added"), {}, {{QStringLiteral("reference"), QStringLiteral("L2")}}, ++m_n)));
    }
    // Kit 1 (P-1): 1 PC, 2 screen, 3 keyboard, 4 mouse, 5 speakers. 6: a second PC.
    // 7: a PC still in TESTING. 8: a screen of lot L2. 9–11: kit 2 (P-2) without speakers.
    // 12: the swap's replacement PC. 13: a PC reserved for P-3.
    const QList<std::tuple<int, const char *, const char *, const char *>> assets{
        {1, "pc", "L1", "READY"},        {2, "screen", "L1", "READY"},   {3, "keyboard", "L1", "READY"},
        {4, "mouse", "L1", "READY"},     {5, "speakers", "L1", "READY"}, {6, "pc", "L1", "READY"},
        {7, "pc", "L1", "TESTING"},      {8, "screen", "L2", "READY"},   {9, "pc", "L1", "READY"},
        {10, "keyboard", "L1", "READY"}, {11, "mouse", "L1", "READY"},   {12, "pc", "L1", "READY"},
        {13, "pc", "L1", "READY"}};
    for (const auto &[n, kind, lot, state] : assets)
        addAsset(tag(n), QLatin1String(kind), QLatin1String(lot), QLatin1String(state));
    {
        auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("Nadia")});
        QVERIFY((*store)->moveAsset(tag(13), AssetState::Reserved, QStringLiteral("P-3")));
    }
    QFile csv(m_dir.filePath(QStringLiteral("pupils.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write(kCsv);
    csv.close();
    const Run r = etabli({QStringLiteral("desk"), QStringLiteral("import"), csv.fileName(), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QCOMPARE(r.json.object().value(QStringLiteral("imported")).toInt(), 3);
}

void TestDesk::importStoresPupilNames()
{
    const Run r = etabli({QStringLiteral("desk"), QStringLiteral("beneficiaries"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray list = r.json.array();
    QCOMPARE(list.size(), 3);
    const QJsonObject first = list.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("pupil_name")).toString(), QStringLiteral("Léa Martin"));
    QCOMPARE(first.value(QStringLiteral("parent_name")).toString(), QStringLiteral("Sophie Martin"));
    QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("family"));

    // An association: a 4-year agreement, and a laptop and a desktop are allowed.
    const Run a = etabli({QStringLiteral("desk"), QStringLiteral("add"), QStringLiteral("ASSO-1"),
                          QStringLiteral("--kind"), QStringLiteral("association"), QStringLiteral("--name"),
                          QStringLiteral("Les Amis du Quartier"), QStringLiteral("--json")});
    QCOMPARE(a.code, 0);
    QCOMPARE(a.json.object().value(QStringLiteral("agreement_until")).toString(),
             QDateTime::currentDateTimeUtc().date().addYears(4).toString(Qt::ISODate));
}

void TestDesk::vouchersPdf()
{
    const QString pdf = m_dir.filePath(QStringLiteral("vouchers.pdf"));
    const Run r = etabli({QStringLiteral("desk"), QStringLiteral("vouchers"), QStringLiteral("--school"),
                          QStringLiteral("École Jaurès"), QStringLiteral("-o"), pdf, QStringLiteral("--first"),
                          QStringLiteral("2027-01-12T09:00"), QStringLiteral("--place"), QStringLiteral("Salle B"),
                          QStringLiteral("--json")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QJsonArray vouchers = r.json.object().value(QStringLiteral("vouchers")).toArray();
    QCOMPARE(vouchers.size(), 3);
    QVERIFY(QFileInfo(pdf).size() > 0);
    QCOMPARE(QFileInfo(pdf).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
             QFileDevice::Permissions());
    // One letter a page, in French, fonts embedded.
    const QString text = runTool(tool("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("Léa Martin")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("apporter"))); // "Ce qu'il faut apporter"
    QCOMPARE(text.count(QChar(u'\f')), 3);
    QVERIFY2(fontsEmbedded(pdf), qPrintable(runTool(tool("pdffonts"), {pdf})));
    // The barcode decodes back to the voucher id.
    const QString png = m_dir.filePath(QStringLiteral("voucher1"));
    runTool(tool("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("200"), QStringLiteral("-f"), QStringLiteral("1"),
             QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-png"), QStringLiteral("-singlefile"), pdf,
             png});
    QVERIFY(QFileInfo::exists(png + QStringLiteral(".png")));
    const QString decoded
        = runTool(tool("zbarimg"), {QStringLiteral("--quiet"), QStringLiteral("--raw"), png + QStringLiteral(".png")})
              .trimmed();
    const QString first = vouchers.at(0).toObject().value(QStringLiteral("voucher")).toString();
    QCOMPARE(decoded, first);
    QVERIFY(AssetTag::parse(first).ok());
    // Issued once: a reprint gives the same vouchers and records nothing new.
    const qint64 before = eventCount();
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("vouchers"), QStringLiteral("--school"),
                     QStringLiteral("École Jaurès"), QStringLiteral("-o"), pdf})
                 .code,
             0);
    QCOMPARE(eventCount(), before);
}

void TestDesk::refusalsChangeNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    const QString w = QStringLiteral("--witness");
    const QString staff = QStringLiteral("Nadia");
    // The P-1 voucher is looked up at run time ("@P-1").
    const auto kit = [&](QStringList tags) {
        return QStringList{QStringLiteral("@P-1")} + tags + QStringList{w, staff};
    };
    QString wrongCheck = tag(1);
    wrongCheck[wrongCheck.size() - 1] = wrongCheck.at(wrongCheck.size() - 1) == u'A' ? u'B' : u'A';
    QString garbled; // a QWERTY scanner on an AZERTY keyboard
    const QString digitRow = QStringLiteral("à&é\"'(-è_ç");
    for (QChar c : tag(1))
        garbled += c.isDigit() ? digitRow.at(c.unicode() - u'0') : c == u'-' ? QChar(u')') : c;
    QTest::newRow("unknown tag") << kit({AssetTag::make(QStringLiteral("BCL"), 999)}) << 3 << "unknown_tag";
    QTest::newRow("wrong check character") << kit({wrongCheck}) << 2 << "check_character";
    QTest::newRow("garbled scan") << kit({garbled}) << 2 << "scanner_layout";
    QTest::newRow("not ready") << kit({tag(7)}) << 4 << "not_ready";
    QTest::newRow("reserved for someone else") << kit({tag(13)}) << 4 << "reserved_for_other";
    QTest::newRow("second PC") << kit({tag(1), tag(6), tag(5)}) << 4 << "second_pc";
    QTest::newRow("no speakers, not confirmed") << kit({tag(1), tag(2)}) << 4 << "needs_confirmation";
    QTest::newRow("screen of another lot") << kit({tag(1), tag(8), tag(5)}) << 4 << "needs_confirmation";
    QTest::newRow("unknown voucher") << QStringList{AssetTag::make(QStringLiteral("BON"), 999), tag(1), w, staff} << 3
                                     << "unknown_voucher";
    QTest::newRow("neither witness nor signature")
        << QStringList{QStringLiteral("@P-1"), tag(1)} << 2 << "no_signature";
    QTest::newRow("no PC") << kit({tag(3), tag(5)}) << 2 << "no_pc";
}

void TestDesk::refusalsChangeNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, detail);
    if (args.first() == QLatin1String("@P-1"))
        args[0] = voucherOf(QStringLiteral("P-1"));
    QVERIFY(!args.first().isEmpty());
    const qint64 before = eventCount();
    const QStringList states{stateOf(tag(1)), stateOf(tag(2)), stateOf(tag(5)), stateOf(tag(6)), stateOf(tag(13))};
    const Run r
        = etabli(QStringList{QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("handover")} + args);
    QCOMPARE(r.code, code);
    const QJsonObject error = QJsonDocument::fromJson(r.err).object().value(QStringLiteral("error")).toObject();
    QVERIFY2(QString::fromUtf8(r.err).contains(detail), r.err.constData());
    Q_UNUSED(error);
    QCOMPARE(eventCount(), before);
    QCOMPARE((QStringList{stateOf(tag(1)), stateOf(tag(2)), stateOf(tag(5)), stateOf(tag(6)), stateOf(tag(13))}),
             states);
}

void TestDesk::fullKitWithReceipt()
{
    const QString voucher = voucherOf(QStringLiteral("P-1"));
    const QString receipt = m_dir.filePath(QStringLiteral("receipt.pdf"));
    const Run r = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("handover"), voucher, tag(1),
                          tag(2), tag(3), tag(4), tag(5), QStringLiteral("--witness"), QStringLiteral("Nadia"),
                          QStringLiteral("--receipt"), receipt});
    QVERIFY2(r.code == 0, r.err.constData());
    for (int n = 1; n <= 5; ++n)
        QCOMPARE(stateOf(tag(n)), QStringLiteral("HANDED_OVER:P-1"));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QJsonObject o = r.json.object();
    QCOMPARE(o.value(QStringLiteral("warranty_end")).toString(), today.addYears(3).toString(Qt::ISODate));
    QCOMPARE(o.value(QStringLiteral("grant_deadline")).toString(), today.addMonths(3).toString(Qt::ISODate));
    // The record names the witness and hashes the canonical record.
    const QByteArray record = AppCore::Desk::handoverRecord(QStringLiteral("P-1"), voucher,
                                                            {tag(1), tag(2), tag(3), tag(4), tag(5)}, today);
    QCOMPARE(o.value(QStringLiteral("signature_sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(record, QCryptographicHash::Sha256).toHex()));
    {
        auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
        auto ev = (*store)->eventByUuid(o.value(QStringLiteral("event")).toString());
        QVERIFY(ev);
        QCOMPARE(ev->type, QStringLiteral("handover.recorded"));
        QCOMPARE(ev->payload.value(QStringLiteral("witness")).toString(), QStringLiteral("Nadia"));
        QCOMPARE(ev->payload.value(QStringLiteral("tags")).toArray().size(), 5);
        QVERIFY(!ev->pushed); // queued for `etabli sync --desk`
    }
    // The receipt: the tags, the warranty end and the grant deadline, fonts embedded.
    const QString text = runTool(tool("pdftotext"), {receipt, QStringLiteral("-")}).simplified();
    const QLocale fr(QLocale::French, QLocale::France);
    for (int n = 1; n <= 5; ++n)
        QVERIFY2(text.contains(tag(n)), qPrintable(text));
    QVERIFY2(text.contains(fr.toString(today.addYears(3), QLocale::LongFormat)), qPrintable(text));
    QVERIFY2(text.contains(fr.toString(today.addMonths(3), QLocale::LongFormat)), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Nadia")));
    const QString fonts = runTool(tool("pdffonts"), {receipt});
    QVERIFY2(fontsEmbedded(receipt), qPrintable(fonts));

    // The same kit again: already handed over, and the voucher is used.
    const qint64 before = eventCount();
    const Run again = etabli({QStringLiteral("desk"), QStringLiteral("handover"), voucherOf(QStringLiteral("P-2")),
                              tag(1), QStringLiteral("--witness"), QStringLiteral("Nadia")});
    QCOMPARE(again.code, 4);
    QVERIFY(again.err.contains("already handed over"));
    const Run reused = etabli({QStringLiteral("desk"), QStringLiteral("handover"), voucher, tag(6),
                               QStringLiteral("--witness"), QStringLiteral("Nadia")});
    QCOMPARE(reused.code, 4);
    QCOMPARE(eventCount(), before);

    // Printing without CUPS: the handover and the PDF are there, the exit code says I/O.
    if (tool("lp").isEmpty()) {
        // (checked in signatureIsStoredWithItsHash, which has a kit left)
    }
}

void TestDesk::signatureIsStoredWithItsHash()
{
    const QString sig = m_dir.filePath(QStringLiteral("signature.json"));
    QFile f(sig);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"width": 400, "height": 150, "strokes": [[[10, 100, 0], [60, 40, 16], [120, 110, 33]],
               [[150, 60, 400], [260, 70, 420], [380, 50, 450]]]})");
    f.close();
    const QString receipt = m_dir.filePath(QStringLiteral("receipt2.pdf"));
    QStringList args{QStringLiteral("--json"),
                     QStringLiteral("desk"),
                     QStringLiteral("handover"),
                     voucherOf(QStringLiteral("P-2")),
                     tag(9),
                     tag(10),
                     tag(11),
                     QStringLiteral("--signature"),
                     sig,
                     QStringLiteral("--confirm"),
                     QStringLiteral("no_speakers"),
                     QStringLiteral("--receipt"),
                     receipt};
    const bool noCups = tool("lp").isEmpty();
    if (noCups)
        args << QStringLiteral("--printer") << QStringLiteral("desk-receipts");
    const Run r = etabli(args);
    QCOMPARE(r.code, noCups ? 6 : 0); // the CUPS-less path: the PDF only, and says so
    if (noCups)
        QVERIFY(r.err.contains("no_cups"));
    QCOMPARE(stateOf(tag(9)), QStringLiteral("HANDED_OVER:P-2"));
    QVERIFY(QFileInfo(receipt).size() > 0);
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    QSqlQuery q((*store)->database());
    QVERIFY(q.exec(QStringLiteral("SELECT signature, signature_sha256, confirmed FROM desk_handovers"
                                  " WHERE beneficiary = 'P-2'")));
    QVERIFY(q.next());
    const QJsonObject signature = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    QCOMPARE(signature.value(QStringLiteral("strokes")).toArray().size(), 2);
    const QByteArray record
        = AppCore::Desk::handoverRecord(QStringLiteral("P-2"), voucherOf(QStringLiteral("P-2")),
                                        {tag(9), tag(10), tag(11)}, QDateTime::currentDateTimeUtc().date());
    QCOMPARE(q.value(1).toString(),
             QString::fromLatin1(QCryptographicHash::hash(record, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(q.value(2).toString(), QStringLiteral("[\"no_speakers\"]"));
}

void TestDesk::grants()
{
    const QDate today = QDateTime::currentDateTimeUtc().date();
    // P-3 has received nothing.
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("request"), QStringLiteral("P-3")})
                 .code,
             4);
    // P-2: too late, the deadline is shown.
    const Run late
        = etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("request"), QStringLiteral("P-2"),
                  QStringLiteral("--date"), today.addMonths(3).addDays(1).toString(Qt::ISODate)});
    QCOMPARE(late.code, 4);
    QVERIFY2(late.err.contains(today.addMonths(3).toString(Qt::ISODate).toLatin1()), late.err.constData());
    // P-1: in time; once only; then paid once.
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("request"), QStringLiteral("P-1"),
                     QStringLiteral("--proof")})
                 .code,
             0);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("request"), QStringLiteral("P-1")})
                 .code,
             4);
    QCOMPARE(
        etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("paid"), QStringLiteral("P-2")}).code,
        4);
    QCOMPARE(
        etabli({QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("paid"), QStringLiteral("P-1")}).code,
        0);
    const Run list
        = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("grant"), QStringLiteral("list")});
    QCOMPARE(list.code, 0);
    const QJsonArray grants = list.json.array();
    QCOMPARE(grants.size(), 1);
    QCOMPARE(grants.at(0).toObject().value(QStringLiteral("amount_eur")).toDouble(), 60.0);
    QVERIFY(grants.at(0).toObject().value(QStringLiteral("proof_received")).toBool());
}

void TestDesk::training()
{
    const auto desk = [this](QStringList a) {
        return etabli(QStringList{QStringLiteral("desk"), QStringLiteral("training")} + a);
    };
    QCOMPARE(desk({QStringLiteral("attend"), QStringLiteral("P-1"), QStringLiteral("1")}).code,
             4); // not enrolled
    QCOMPARE(
        desk({QStringLiteral("enrol"), QStringLiteral("P-1"), QStringLiteral("--site"), QStringLiteral("Médiathèque")})
            .code,
        0);
    QCOMPARE(
        desk({QStringLiteral("enrol"), QStringLiteral("P-2"), QStringLiteral("--site"), QStringLiteral("Mairie")}).code,
        0);
    for (int s = 1; s <= 6; ++s)
        QCOMPARE(desk({QStringLiteral("attend"), QStringLiteral("P-1"), QString::number(s), QStringLiteral("--site"),
                       s % 2 ? QStringLiteral("Médiathèque") : QStringLiteral("Mairie")})
                     .code,
                 0);
    QCOMPARE(desk({QStringLiteral("attend"), QStringLiteral("P-2"), QStringLiteral("7")}).code, 2);
    QCOMPARE(desk({QStringLiteral("attend"), QStringLiteral("P-2"), QStringLiteral("2")}).code, 0);
    const Run list = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("training")});
    QCOMPARE(list.code, 0);
    const QJsonArray t = list.json.array();
    QCOMPARE(t.size(), 2);
    QCOMPARE(t.at(0).toObject().value(QStringLiteral("hours")).toInt(), 12);
    QVERIFY(t.at(0).toObject().value(QStringLiteral("completed")).toBool());
    QVERIFY(!t.at(1).toObject().value(QStringLiteral("completed")).toBool());
}

void TestDesk::returnWithSwap()
{
    const QString slip = m_dir.filePath(QStringLiteral("slip.pdf"));
    // Refusals first: not handed over, a swap of another kind.
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("return"), tag(6), QStringLiteral("--reason"),
                     QStringLiteral("no_boot")})
                 .code,
             4);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("return"), tag(1), QStringLiteral("--reason"),
                     QStringLiteral("no_boot"), QStringLiteral("--swap"), tag(8)})
                 .code,
             4);
    QCOMPARE(stateOf(tag(1)), QStringLiteral("HANDED_OVER:P-1"));
    const Run r = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("return"), tag(1),
                          QStringLiteral("--reason"), QStringLiteral("no_boot"), QStringLiteral("--swap"), tag(12),
                          QStringLiteral("--slip"), slip});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(stateOf(tag(1)), QStringLiteral("RETURNED:"));
    QCOMPARE(stateOf(tag(12)), QStringLiteral("HANDED_OVER:P-1"));
    const QString text = runTool(tool("pdftotext"), {slip, QStringLiteral("-")});
    QVERIFY2(text.contains(tag(1)) && text.contains(tag(12)), qPrintable(text));
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    const QList<Event> events = (*store)->eventsForAsset(tag(1));
    QCOMPARE(events.last().type, QStringLiteral("return.recorded"));
    QCOMPARE(events.last().payload.value(QStringLiteral("swap_tag")).toString(), tag(12));
}

void TestDesk::personalData()
{
    const QString out = m_dir.filePath(QStringLiteral("p1.json"));
    QCOMPARE(
        etabli({QStringLiteral("desk"), QStringLiteral("export"), QStringLiteral("P-1"), QStringLiteral("-o"), out})
            .code,
        0);
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), QFileDevice::Permissions());
    const QJsonObject exported = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(exported.value(QStringLiteral("pupil_name")).toString(), QStringLiteral("Léa Martin"));
    QCOMPARE(exported.value(QStringLiteral("handovers")).toArray().size(), 2); // the kit and the swap
    QVERIFY(exported.value(QStringLiteral("training")).toObject().value(QStringLiteral("completed")).toBool());

    // Retention: nothing is due today; in 5 years (loan 3 years + 1 year) the two families are.
    const Run today = etabli(
        {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"), QStringLiteral("--dry-run")});
    QCOMPARE(today.code, 0);
    QCOMPARE(today.json.object().value(QStringLiteral("due")).toArray().size(), 0);
    const QString later = QDateTime::currentDateTimeUtc().date().addYears(5).toString(Qt::ISODate);
    const Run dry = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"),
                            QStringLiteral("--dry-run"), QStringLiteral("--as-of"), later});
    QCOMPARE(dry.json.object().value(QStringLiteral("due")).toArray().size(), 2);
    QCOMPARE(dry.json.object().value(QStringLiteral("retention_days")).toInt(), 365);

    // Erase on request: the names go, the reference and the loan stay.
    const qint64 before = eventCount();
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("erase"), QStringLiteral("P-2")}).code, 0);
    QCOMPARE(eventCount(), before + 1);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("erase"), QStringLiteral("P-2")}).code, 4);
    const Run list = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("beneficiaries")});
    for (const QJsonValue &v : list.json.array()) {
        const QJsonObject b = v.toObject();
        if (b.value(QStringLiteral("reference")).toString() != QLatin1String("P-2"))
            continue;
        QVERIFY(b.value(QStringLiteral("erased")).toBool());
        QCOMPARE(b.value(QStringLiteral("pupil_name")).toString(), QString());
        QCOMPARE(b.value(QStringLiteral("contact")).toString(), QString());
    }
    QCOMPARE(stateOf(tag(9)), QStringLiteral("HANDED_OVER:P-2"));
    // Purging later erases only the one left.
    const Run purge = etabli(
        {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"), QStringLiteral("--as-of"), later});
    QCOMPARE(purge.json.object().value(QStringLiteral("erased")).toArray(), QJsonArray{QStringLiteral("P-1")});

    // The audit: who viewed and changed what.
    const Run audit = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("audit")});
    QCOMPARE(audit.code, 0);
    QStringList actions;
    for (const QJsonValue &v : audit.json.array()) {
        actions << v.toObject().value(QStringLiteral("action")).toString();
        QCOMPARE(v.toObject().value(QStringLiteral("worker")).toString(), QStringLiteral("Nadia"));
    }
    for (const char *a : {"import", "view_list", "vouchers", "handover", "grant_request", "return", "export", "erase"})
        QVERIFY2(actions.contains(QLatin1String(a)), qPrintable(actions.join(u' ')));
}

// deskserver: a family imported (with a voucher) who never came is purged a set time after
// its import or voucher (default 365 days, `--unserved-days`), its names gone from the log too;
// P-3, whose PC is still reserved, and the association, whose agreement runs, are kept.
void TestDesk::purgeCoversFamiliesWhoReceivedNothing()
{
    QFile csv(m_dir.filePath(QStringLiteral("late.csv")));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("pupil id;pupil name;school;class;parent name;parent contact\r\n"
              "P-9;Zoé Absente;École Ferry;CE2;Paul Absent;06 99 98 97 96\r\n");
    csv.close();
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("import"), csv.fileName()}).code, 0);
    QCOMPARE(etabli({QStringLiteral("desk"), QStringLiteral("vouchers"), QStringLiteral("--school"),
                     QStringLiteral("École Ferry"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("ferry.pdf"))})
                 .code,
             0);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const auto due = [&](const QDate &asOf, const QStringList &extra = {}) {
        const Run r
            = etabli(QStringList{QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"),
                                 QStringLiteral("--dry-run"), QStringLiteral("--as-of"), asOf.toString(Qt::ISODate)}
                     + extra);
        QStringList out;
        for (const QJsonValue &v : r.json.object().value(QStringLiteral("due")).toArray())
            out << v.toString();
        return out;
    };
    QCOMPARE(due(today.addDays(300)), QStringList());
    QCOMPARE(due(today.addDays(400)), QStringList{QStringLiteral("P-9")});
    // Configurable: 1000 days.
    QCOMPARE(due(today.addDays(400), {QStringLiteral("--unserved-days"), QStringLiteral("1000")}), QStringList());
    QCOMPARE(due(today.addDays(1100)), QStringList{QStringLiteral("P-9")});
    const Run shown = etabli(
        {QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"), QStringLiteral("--dry-run")});
    QCOMPARE(shown.json.object().value(QStringLiteral("unserved_retention_days")).toInt(), 1000);
    QVERIFY(logMentions(m_db, "Zoé Absente"));
    const Run purge = etabli({QStringLiteral("--json"), QStringLiteral("desk"), QStringLiteral("purge"),
                              QStringLiteral("--as-of"), today.addDays(1100).toString(Qt::ISODate)});
    QCOMPARE(purge.code, 0);
    QCOMPARE(purge.json.object().value(QStringLiteral("erased")).toArray(), QJsonArray{QStringLiteral("P-9")});
    // Erased from the tables and from the log's payloads; the events stay.
    QVERIFY(!logMentions(m_db, "Zoé Absente"));
    QVERIFY(!logMentions(m_db, "Paul Absent"));
    QVERIFY(!logMentions(m_db, "06 99 98 97 96"));
    auto store = Store::open(m_db, {QStringLiteral("desk-1"), QStringLiteral("t")});
    QVERIFY(store);
    int added = 0;
    for (const Event &e : (*store)->events())
        if (e.type == QLatin1String("beneficiary.added")
            && e.payload.value(QStringLiteral("reference")).toString() == QLatin1String("P-9"))
            ++added;
    QCOMPARE(added, 1);
    // P-1 and P-2 were erased in personalData: no trace in any table nor in the file.
    QVERIFY(!logMentions(m_db, "Léa Martin"));
    QVERIFY(!logMentions(m_db, "Karim Benali"));
    store->reset();
    for (const QString &file : QStringList{m_db, m_db + QStringLiteral("-wal")}) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = f.readAll();
        for (const char *name : {"Zoé Absente", "Léa Martin", "Sophie Martin", "Karim Benali"})
            QVERIFY2(!bytes.contains(QByteArray(name)), qPrintable(file + QStringLiteral(": ") + QLatin1String(name)));
    }
}

QTEST_GUILESS_MAIN(TestDesk)
#include "tst_desk.moc"
