// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Erasure certificates: signed by the station's own key, endorsed by the workshop's, any
// change of content detected; and `etabli wipe` / `etabli certificate` end to end on real
// files, a loop device and a real inventory.
#include "app/core/erasure.h"
#include "erasetestutil.h"
#include "imaging/erasecertificate.h"
#include "imaging/erasepurge.h"
#include "inventory/eventrules.h"
#include "inventory/store.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Imaging;
using namespace EraseTest;

namespace {

struct Run {
    int code = -1;
    QByteArray out, err;
};

QJsonObject sampleBody()
{
    return QJsonObject{
        {QStringLiteral("id"), QStringLiteral("0b6f5f8e-2f0e-4a43-9d1e-4f5b8e1c2a77")},
        {QStringLiteral("asset_tag"), QStringLiteral("ETB-000042-K")},
        {QStringLiteral("disk"),
         QJsonObject{{QStringLiteral("model"), QStringLiteral("SAMSUNG HD501LJ")},
                     {QStringLiteral("serial"), QStringLiteral("S0MUJ1EPB12345")},
                     {QStringLiteral("capacity_bytes"), 500107862016.0}}},
        {QStringLiteral("verification"),
         QJsonObject{{QStringLiteral("mode"), QStringLiteral("full")},
                     {QStringLiteral("result"), QStringLiteral("passed")}}},
        {QStringLiteral("donor"), QStringLiteral("Crédit Municipal")},
    };
}

/// A SATA drive replayed from a real IDENTIFY answer (Intel SSD), optionally unfrozen and
/// offering SANITIZE crypto scramble; its "firmware" scrambles the backing file when asked.
class ReplayedDrive final : public PassThrough
{
public:
    ReplayedDrive(const QString &backingFile, bool sanitize, uint64_t hiddenSectors = 0)
        : m_file(backingFile)
        , m_hidden(hiddenSectors)
    {
        QFile f(QStringLiteral(ETABLI_FIXTURES "/imaging/erase/ata/intel-ssdsa2cw120g3.identify"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("missing IDENTIFY fixture");
        m_identify = f.readAll();
        if (sanitize) { // synthesized: word 59 SANITIZE + CRYPTO SCRAMBLE, word 128 not frozen
            setWord(59, uint16_t((word(59) & 0x0fff) | (1 << 12) | (1 << 13)));
            setWord(128, uint16_t(word(128) & ~0x0008));
            m_identify[510] = char(0xA5);
            uint8_t sum = 0;
            for (int i = 0; i < 511; ++i)
                sum = uint8_t(sum + uint8_t(m_identify[i]));
            m_identify[511] = char(uint8_t(-sum));
        }
    }
    Kind kind() const override { return Kind::Ata; }
    Result<AtaRegisters> ata(const AtaCommand &c, QByteArray *data) override
    {
        AtaRegisters ok;
        ok.status = 0x50;
        if (c.command == 0xEC)
            *data = m_identify;
        if (c.command == 0x27) // READ NATIVE MAX ADDRESS EXT
            ok.lba = 234441648 - 1 + m_hidden;
        if (c.command == 0x37 && c.lba == 234441648 - 1 + m_hidden) // SET MAX ADDRESS EXT to the native max
            ++setMaxCommands;
        if (c.command == 0xB4 && c.features == 0x0000)
            ok.count = 0x8000; // completed without error
        if (c.command == 0xB4 && c.features == 0x0011) {
            ++sanitizeCommands;
            QFile f(m_file);
            if (f.open(QIODevice::ReadWrite)) {
                const qint64 n = f.size();
                f.write(QByteArray(n, char(0xA5)));
            }
        }
        return ok;
    }
    int sanitizeCommands = 0;
    int setMaxCommands = 0;

private:
    uint16_t word(int w) const { return uint16_t(uint8_t(m_identify[2 * w]) | uint8_t(m_identify[2 * w + 1]) << 8); }
    void setWord(int w, uint16_t v)
    {
        m_identify[2 * w] = char(v & 0xff);
        m_identify[2 * w + 1] = char(v >> 8);
    }
    QString m_file;
    QByteArray m_identify;
    uint64_t m_hidden;
};

} // namespace

class TstCertificate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env;

    Run cli(const QStringList &args)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(ETABLI_CLI), args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    static Run tool(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForStarted())
            return {};
        p.waitForFinished(60000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    StationKey stationKey(const QString &name)
    {
        auto k = StationKey::loadOrCreate(path(name));
        if (!k)
            qFatal("%s", qPrintable(k.error().message));
        return *k;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral(ETABLI_CLI)), "build the etabli target first");
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("ETABLI_STATION_KEY_DIR"), path(QStringLiteral("cli-station-key")));
        m_env.insert(QStringLiteral("ETABLI_WORKSHOP_PUBKEY"), path(QStringLiteral("none.pub")));
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    }

    void stationKeyIsMadeOnceAndPrivate()
    {
        const StationKey a = stationKey(QStringLiteral("key-a"));
        const StationKey again = stationKey(QStringLiteral("key-a"));
        QCOMPARE(again.keys.publicKey, a.keys.publicKey);
        QCOMPARE(
            QFileInfo(path(QStringLiteral("key-a/station.key"))).permissions()
                & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
            QFileDevice::Permissions());
        QCOMPARE(QFileInfo(path(QStringLiteral("key-a"))).permissions()
                     & (QFileDevice::ReadOther | QFileDevice::ExeOther),
                 QFileDevice::Permissions());
    }

    void signAndVerify()
    {
        const StationKey key = stationKey(QStringLiteral("key-sign"));
        auto cert = signCertificate(sampleBody(), key);
        QVERIFY(cert);
        const QByteArray bytes = QJsonDocument(*cert).toJson(QJsonDocument::Indented);
        auto check = verifyCertificate(bytes);
        QVERIFY2(check, check ? "" : qPrintable(check.error().message));
        QVERIFY(check->signatureValid);
        QVERIFY(!check->endorsed);
        QVERIFY(!check->endorsementPresent);
        QCOMPARE(check->id, QStringLiteral("0b6f5f8e-2f0e-4a43-9d1e-4f5b8e1c2a77"));
        // Canonical: the compact form verifies as well as the indented one.
        QVERIFY(verifyCertificate(QJsonDocument(*cert).toJson(QJsonDocument::Compact)));
    }

    void everyChangedByteFails()
    {
        // Flip each byte of the file in turn: whenever the document's content changes (or it
        // stops being JSON), verification fails; only layout whitespace may change freely.
        const StationKey key = stationKey(QStringLiteral("key-flip"));
        const QByteArray bytes = QJsonDocument(*signCertificate(sampleBody(), key)).toJson(QJsonDocument::Indented);
        const QJsonDocument original = QJsonDocument::fromJson(bytes);
        int contentChanges = 0;
        for (qsizetype i = 0; i < bytes.size(); ++i) {
            QByteArray changed = bytes;
            changed[i] = char(changed[i] ^ 0x01);
            const QJsonDocument parsed = QJsonDocument::fromJson(changed);
            auto check = verifyCertificate(changed);
            if (!parsed.isNull() && parsed == original) {
                QVERIFY2(check, qPrintable(QStringLiteral("layout byte %1").arg(i)));
                continue;
            }
            ++contentChanges;
            QVERIFY2(!check, qPrintable(QStringLiteral("byte %1 changed and still verified").arg(i)));
            QCOMPARE(check.error().code, ErrorCode::Corrupt);
        }
        QVERIFY(contentChanges > bytes.size() / 2);
    }

    void endorsement()
    {
        StationKey key = stationKey(QStringLiteral("key-endorsed"));
        auto workshop = KeyPair::generate();
        auto other = KeyPair::generate();
        QVERIFY(workshop && other);
        auto e = endorseStationKey(key.keys.publicKey, QStringLiteral("banc-3"), workshop->secretKey);
        QVERIFY(e);
        QVERIFY(key.installEndorsement(*e));
        // Found again at the next start.
        QCOMPARE(stationKey(QStringLiteral("key-endorsed")).endorsement, *e);
        const QByteArray bytes = QJsonDocument(*signCertificate(sampleBody(), key)).toJson();
        auto good = verifyCertificate(bytes, workshop->publicKey);
        QVERIFY(good && good->endorsed);
        auto wrongKey = verifyCertificate(bytes, other->publicKey);
        QVERIFY(wrongKey && wrongKey->signatureValid && !wrongKey->endorsed);
        auto noKey = verifyCertificate(bytes);
        QVERIFY(noKey && !noKey->endorsed && noKey->endorsementPresent);
        // An endorsement of another station's key is refused and never trusted.
        StationKey stranger = stationKey(QStringLiteral("key-stranger"));
        auto r = stranger.installEndorsement(*e);
        QVERIFY(!r);
        QCOMPARE(r.error().detail, QStringLiteral("endorsement_other_key"));
        // A forged endorsement (signed by a key that is not the one it names).
        QJsonObject forged = *e;
        forged.insert(QStringLiteral("station"), QStringLiteral("banc-9"));
        QVERIFY(!checkEndorsement(forged));
    }

    void independentCheckInPython()
    {
        // The canonical form is reproducible outside Établi: Python's json + Ed25519 agree,
        // large integers and accented text included.
        StationKey key = stationKey(QStringLiteral("key-python"));
        auto workshop = KeyPair::generate();
        QVERIFY(key.installEndorsement(
            *endorseStationKey(key.keys.publicKey, QStringLiteral("banc-1"), workshop->secretKey)));
        const QString cert = path(QStringLiteral("python.json"));
        QVERIFY(writeFile(cert, QJsonDocument(*signCertificate(sampleBody(), key)).toJson()));
        const QString pub = path(QStringLiteral("python-workshop.pub"));
        QVERIFY(writeFile(pub, workshop->publicKey.toBase64() + '\n'));
        const QString script = QStringLiteral(ETABLI_FIXTURES "/../imaging/verify_certificate.py");
        Run ok = tool(QStringLiteral("python3"), {script, cert, pub});
        QVERIFY2(ok.code == 0, QByteArray(ok.out + ok.err).constData());
        QVERIFY(ok.out.contains("endorsed by the workshop key"));
        QByteArray changed = readFile(cert);
        changed.replace("S0MUJ1EPB12345", "S0MUJ1EPB12346");
        QVERIFY(writeFile(cert, changed));
        QCOMPARE(tool(QStringLiteral("python3"), {script, cert}).code, 1);
    }

    // ---- CLI ------------------------------------------------------------------------------

    void wipeRecordsCertifiesAndBundles()
    {
        const QString db = path(QStringLiteral("inv.db"));
        QCOMPARE(
            cli({QStringLiteral("--db"), db, QStringLiteral("lot"), QStringLiteral("add"), QStringLiteral("L-2026-07"),
                 QStringLiteral("--donor"), QStringLiteral("Banque Exemple"), QStringLiteral("--new-donor")})
                .code,
            0);
        Run added = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                         QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc"), QStringLiteral("--lot"),
                         QStringLiteral("L-2026-07")});
        QCOMPARE(added.code, 0);
        const QString tag = QJsonDocument::fromJson(added.out).object().value(QStringLiteral("tag")).toString();
        QVERIFY(!tag.isEmpty());

        const QString disk = path(QStringLiteral("pc-disk.img"));
        QVERIFY(writeFile(disk, plantedData(12 << 20)));
        const QString cert = path(QStringLiteral("pc.json"));
        Run w = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("--worker"),
                     QStringLiteral("amel"), QStringLiteral("wipe"), disk, QStringLiteral("--method"),
                     QStringLiteral("auto"), QStringLiteral("--pattern"), QStringLiteral("random"),
                     QStringLiteral("--verify"), QStringLiteral("sample"), QStringLiteral("--asset"), tag,
                     QStringLiteral("--certificate"), cert, QStringLiteral("--workshop"),
                     QStringLiteral("Atelier Test")});
        QVERIFY2(w.code == 0, w.err.constData());
        const QJsonObject result = QJsonDocument::fromJson(w.out).object();
        QCOMPARE(result.value(QStringLiteral("method")).toString(), QStringLiteral("clear"));
        QVERIFY(result.value(QStringLiteral("reason")).toString().contains(QStringLiteral("file")));
        QCOMPARE(result.value(QStringLiteral("verified")).toBool(), true);
        // The sample plan is printed (stderr while it runs, and in the result).
        QVERIFY(w.err.contains("sample plan"));
        const QJsonObject plan
            = result.value(QStringLiteral("erasure")).toObject().value(QStringLiteral("sample_plan")).toObject();
        QVERIFY(plan.value(QStringLiteral("offsets")).toArray().size() >= 16);
        QVERIFY(!readFile(disk).contains(plantedRecord()));

        // The certificate: every field, verifiable.
        const QJsonObject c = QJsonDocument::fromJson(readFile(cert)).object();
        QCOMPARE(c.value(QStringLiteral("asset_tag")).toString(), tag);
        QCOMPARE(c.value(QStringLiteral("lot")).toString(), QStringLiteral("L-2026-07"));
        QCOMPARE(c.value(QStringLiteral("donor")).toString(), QStringLiteral("Banque Exemple"));
        QCOMPARE(c.value(QStringLiteral("workshop")).toString(), QStringLiteral("Atelier Test"));
        QCOMPARE(c.value(QStringLiteral("worker")).toString(), QStringLiteral("amel"));
        for (const char *key : {"disk", "hidden_areas", "erasure", "verification", "software", "station", "checker",
                                "station_key", "signature", "issued_at"})
            QVERIFY2(c.contains(QLatin1String(key)), key);
        const QJsonObject erasure = c.value(QStringLiteral("erasure")).toObject();
        for (const char *key :
             {"method", "standard", "pattern", "passes", "started_at", "ended_at", "throughput_mib_s", "pattern_seed"})
            QVERIFY2(erasure.contains(QLatin1String(key)), key);
        QCOMPARE(c.value(QStringLiteral("verification")).toObject().value(QStringLiteral("result")).toString(),
                 QStringLiteral("passed"));
        Run v = cli({QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("verify"), cert});
        QCOMPARE(v.code, 0);
        QCOMPARE(QJsonDocument::fromJson(v.out).object().value(QStringLiteral("endorsed")).toBool(true), false);
        QCOMPARE(
            cli({QStringLiteral("certificate"), QStringLiteral("verify"), cert, QStringLiteral("--require-endorsed")})
                .code,
            4);

        // One byte changed: "random" becomes "Random".
        QByteArray tampered = readFile(cert);
        const qsizetype at = tampered.indexOf("\"pattern\": \"random\"");
        QVERIFY(at > 0);
        tampered[at + 12] = 'R';
        QVERIFY(writeFile(path(QStringLiteral("tampered.json")), tampered));
        QCOMPARE(
            cli({QStringLiteral("certificate"), QStringLiteral("verify"), path(QStringLiteral("tampered.json"))}).code,
            5);

        // Recorded on the asset: the lifecycle's erasure_verified guard now holds.
        {
            auto store = Inventory::Store::open(db, {QStringLiteral("t"), QStringLiteral("t")});
            QVERIFY(store);
            QVERIFY((*store)->facts(tag).erasureVerified);
            const QList<Inventory::Event> events = (*store)->eventsForAsset(tag);
            const Inventory::Event &last = events.last();
            QCOMPARE(last.type, QStringLiteral("erasure.recorded"));
            QCOMPARE(last.payload.value(QStringLiteral("certificate_id")).toString(),
                     c.value(QStringLiteral("id")).toString());
            QCOMPARE(last.payload.value(QStringLiteral("certificate")).toObject(), c);
        }

        // The donor's bundle.
        const QString out = path(QStringLiteral("bundle"));
        Run b = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("certificate"),
                     QStringLiteral("bundle"), QStringLiteral("--lot"), QStringLiteral("L-2026-07"),
                     QStringLiteral("-o"), out});
        QVERIFY2(b.code == 0, b.err.constData());
        const QJsonObject summary = QJsonDocument::fromJson(readFile(out + QStringLiteral("/summary.json"))).object();
        QCOMPARE(summary.value(QStringLiteral("certified")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("verified")).toInt(), 1);
        const QString exported = out + u'/' + c.value(QStringLiteral("id")).toString() + QStringLiteral(".json");
        QCOMPARE(cli({QStringLiteral("certificate"), QStringLiteral("verify"), exported}).code, 0);

        // The donor's PDF: French, fonts embedded, the QR code decodes back to the id.
        const QString pdf = out + QStringLiteral("/certificates.pdf");
        QVERIFY(QFileInfo::exists(pdf));
        Run fonts = tool(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.code == 0, "pdffonts (poppler-utils) is needed");
        const QList<QByteArray> lines = fonts.out.split('\n');
        int fontCount = 0;
        for (const QByteArray &line : lines.mid(2)) {
            if (line.trimmed().isEmpty())
                continue;
            ++fontCount;
            const QList<QByteArray> cols = line.simplified().split(' ');
            QVERIFY2(cols.size() >= 5 && cols[cols.size() - 5] == "yes", line.constData()); // the "emb" column
        }
        QVERIFY(fontCount >= 1);
        Run text = tool(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        // pdftotext keeps the font's ligatures (ﬀ, ﬁ): undo them before reading.
        const QString plain = QString::fromUtf8(text.out)
                                  .replace(QChar(0xFB00), QStringLiteral("ff"))
                                  .replace(QChar(0xFB01), QStringLiteral("fi"))
                                  .replace(QChar(0xFB02), QStringLiteral("fl"));
        QVERIFY2(plain.contains(QStringLiteral("Certificat d'effacement des données")), qPrintable(plain.left(400)));
        QVERIFY(plain.contains(QStringLiteral("Numéro de série")));
        QVERIFY(plain.contains(QStringLiteral("bilan du lot L-2026-07")));
        QVERIFY(
            tool(QStringLiteral("pdftoppm"),
                 {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), QStringLiteral("-f"),
                  QStringLiteral("2"), QStringLiteral("-l"), QStringLiteral("2"), pdf, path(QStringLiteral("page"))})
                .code
            == 0);
        Run qr = tool(QStringLiteral("zbarimg"),
                      {QStringLiteral("-q"), QStringLiteral("--raw"), path(QStringLiteral("page-2.png"))});
        QVERIFY2(qr.code == 0, "zbarimg (zbar-tools) found no code");
        QCOMPARE(QString::fromUtf8(qr.out).trimmed(), c.value(QStringLiteral("id")).toString());
    }

    void endorsedThroughTheCli()
    {
        m_env.insert(QStringLiteral("ETABLI_STATION_KEY_DIR"), path(QStringLiteral("cli-endorsed-key")));
        QCOMPARE(cli({QStringLiteral("image"), QStringLiteral("keygen"), path(QStringLiteral("workshop"))}).code, 0);
        QCOMPARE(cli({QStringLiteral("certificate"), QStringLiteral("station-key")}).code, 0);
        QCOMPARE(
            cli({QStringLiteral("certificate"), QStringLiteral("endorse"),
                 path(QStringLiteral("cli-endorsed-key/station.pub")), QStringLiteral("--key"),
                 path(QStringLiteral("workshop.key")), QStringLiteral("-o"), path(QStringLiteral("endorsement.json"))})
                .code,
            0);
        QCOMPARE(cli({QStringLiteral("certificate"), QStringLiteral("install-endorsement"),
                      path(QStringLiteral("endorsement.json"))})
                     .code,
                 0);
        const QString disk = path(QStringLiteral("endorsed.img"));
        QVERIFY(writeFile(disk, plantedData(2 << 20)));
        QCOMPARE(cli({QStringLiteral("wipe"), disk, QStringLiteral("--method"), QStringLiteral("clear"),
                      QStringLiteral("--certificate"), path(QStringLiteral("endorsed.json"))})
                     .code,
                 0);
        Run v = cli({QStringLiteral("--json"), QStringLiteral("certificate"), QStringLiteral("verify"),
                     path(QStringLiteral("endorsed.json")), QStringLiteral("--require-endorsed"),
                     QStringLiteral("--workshop-key"), path(QStringLiteral("workshop.pub"))});
        QVERIFY2(v.code == 0, v.err.constData());
        QCOMPARE(QJsonDocument::fromJson(v.out).object().value(QStringLiteral("endorsed")).toBool(), true);
        m_env.insert(QStringLiteral("ETABLI_STATION_KEY_DIR"), path(QStringLiteral("cli-station-key")));
    }

    void purgeThroughTheUseCase_data()
    {
        QTest::addColumn<bool>("sanitize");
        QTest::addColumn<QString>("method");
        QTest::addColumn<qulonglong>("hidden");
        QTest::addColumn<bool>("restore");
        QTest::addColumn<QString>("expectMethod"); ///< empty: refused
        QTest::addColumn<QString>("expectDetail");
        QTest::addColumn<QString>("reasonHas");
        QTest::newRow("sanitize offered: purge, samples, final pass") << true << "auto" << 0ULL << false << "purge"
                                                                      << ""
                                                                      << "crypto scramble";
        QTest::newRow("frozen, auto: Clear with the fix") << false << "auto" << 0ULL << false << "clear"
                                                          << ""
                                                          << "unplug";
        QTest::newRow("frozen, purge asked: refused") << false << "purge" << 0ULL << false << ""
                                                      << "purge_unsupported"
                                                      << "unplug";
        QTest::newRow("HPA present, confirmed: restored, then purged") << true << "auto" << 4096ULL << true << "purge"
                                                                       << ""
                                                                       << "crypto scramble";
        QTest::newRow("HPA present, not confirmed: refused") << true << "auto" << 4096ULL << false << ""
                                                             << "hidden_area"
                                                             << "";
    }
    void purgeThroughTheUseCase()
    {
        QFETCH(bool, sanitize);
        QFETCH(QString, method);
        QFETCH(qulonglong, hidden);
        QFETCH(bool, restore);
        QFETCH(QString, expectMethod);
        QFETCH(QString, expectDetail);
        QFETCH(QString, reasonHas);
        const QString disk
            = path(QStringLiteral("purge-%1.img").arg(QString::fromLatin1(QTest::currentDataTag()).left(8)));
        const QByteArray data = plantedData(6 << 20);
        QVERIFY(writeFile(disk, data));
        ReplayedDrive drive(disk, sanitize, hidden);
        AppCore::ErasureRequest r;
        r.device = disk;
        r.method = *AppCore::parseErasureMethod(method);
        r.restoreHiddenAreas = restore;
        r.stationKeyDir = path(QStringLiteral("core-key"));
        r.transport = &drive;
        r.purgePollMs = 1;
        QStringList notices;
        r.notice = [&](const QString &line) { notices << line; };
        AppCore::ErasureOutcome outcome;
        auto done = AppCore::eraseDisk(r, nullptr, &outcome);
        if (expectMethod.isEmpty()) {
            QVERIFY(!done);
            QCOMPARE(done.error().detail, expectDetail);
            QVERIFY2(done.error().message.contains(reasonHas), qPrintable(done.error().message));
            QVERIFY(readFile(disk) == data); // nothing written
            QCOMPARE(drive.sanitizeCommands, 0);
            return;
        }
        QVERIFY2(done, done ? "" : qPrintable(done.error().message));
        QCOMPARE(outcome.method, expectMethod);
        QVERIFY2(outcome.reason.contains(reasonHas), qPrintable(outcome.reason));
        QVERIFY(outcome.verified);
        const QByteArray after = readFile(disk);
        QCOMPARE(after.count('\0'), after.size()); // the final overwrite pass, verified
        const QJsonObject erasure = outcome.certificate.value(QStringLiteral("erasure")).toObject();
        QCOMPARE(erasure.value(QStringLiteral("method")).toString(), expectMethod);
        if (expectMethod == QLatin1String("purge")) {
            QCOMPARE(drive.sanitizeCommands, 1);
            QCOMPARE(erasure.value(QStringLiteral("technique")).toString(),
                     QStringLiteral("ata-sanitize-crypto-scramble"));
            QCOMPARE(erasure.value(QStringLiteral("passes")).toInt(), 2);
            // Before/after samples: the "firmware" changed every sampled block.
            QCOMPARE(
                erasure.value(QStringLiteral("purge")).toObject().value(QStringLiteral("changed_permille")).toInt(),
                1000);
            QCOMPARE(erasure.value(QStringLiteral("standard")).toString(),
                     QStringLiteral("NIST SP 800-88 Rev. 1, Purge"));
            QCOMPARE(
                outcome.certificate.value(QStringLiteral("disk")).toObject().value(QStringLiteral("model")).toString(),
                QStringLiteral("INTEL SSDSA2CW120G3"));
        } else {
            QCOMPARE(drive.sanitizeCommands, 0);
            QVERIFY(notices.join(u' ').contains(QStringLiteral("frozen")));
        }
        const QJsonObject hiddenAreas = outcome.certificate.value(QStringLiteral("hidden_areas")).toObject();
        QCOMPARE(hiddenAreas.value(QStringLiteral("hpa_found")).toBool(), hidden > 0);
        QCOMPARE(qulonglong(hiddenAreas.value(QStringLiteral("hpa_bytes")).toDouble()), hidden * 512);
        QCOMPARE(hiddenAreas.value(QStringLiteral("removed")).toBool(), hidden > 0);
        QCOMPARE(drive.setMaxCommands, hidden > 0 ? 1 : 0);
        QVERIFY(verifyCertificate(QJsonDocument(outcome.certificate).toJson()));
    }

    void wipeRefusesAndChangesNothing_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no method") << QStringList{} << 2 << "--method";
        QTest::newRow("bad method") << QStringList{QStringLiteral("--method"), QStringLiteral("shred")} << 2 << "shred";
        QTest::newRow("bad pattern") << QStringList{QStringLiteral("--method"), QStringLiteral("clear"),
                                                    QStringLiteral("--pattern"), QStringLiteral("ones")}
                                     << 2 << "ones";
        QTest::newRow("bad verify") << QStringList{QStringLiteral("--method"), QStringLiteral("clear"),
                                                   QStringLiteral("--verify"), QStringLiteral("half")}
                                    << 2 << "half";
        QTest::newRow("serial of a file") << QStringList{QStringLiteral("--method"), QStringLiteral("clear"),
                                                         QStringLiteral("--confirm-serial"), QStringLiteral("WD-123")}
                                          << 4 << "serial";
        QTest::newRow("purge of a file") << QStringList{QStringLiteral("--method"), QStringLiteral("purge")} << 5
                                         << "purge";
        QTest::newRow("mistyped asset tag") << QStringList{QStringLiteral("--method"), QStringLiteral("clear"),
                                                           QStringLiteral("--asset"), QStringLiteral("ETB-999999-X")}
                                            << 2 << "ETB-999999-X";
    }
    void wipeRefusesAndChangesNothing()
    {
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, message);
        const QString disk = path(QStringLiteral("refused.img"));
        const QByteArray data = plantedData(1 << 20);
        QVERIFY(writeFile(disk, data));
        Run r = cli(QStringList{QStringLiteral("--db"), path(QStringLiteral("refuse.db")), QStringLiteral("wipe"), disk}
                    + extra);
        QVERIFY2(r.code == code,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(QString::fromLocal8Bit(r.err))));
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(readFile(disk) == data);
        QCOMPARE(cli({QStringLiteral("wipe"), path(QStringLiteral("missing.img")), QStringLiteral("--method"),
                      QStringLiteral("clear")})
                     .code,
                 3);
    }

    // Issue 15, the second-person check: an erasure stays to be checked until a different
    // badge confirms it, after an optional re-read of 100 random sectors.
    void secondPersonCheck()
    {
        const QString db = path(QStringLiteral("check.db"));
        Run added = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                         QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QCOMPARE(added.code, 0);
        const QString tag = QJsonDocument::fromJson(added.out).object().value(QStringLiteral("tag")).toString();
        const QString disk = path(QStringLiteral("check-disk.img"));
        QVERIFY(writeFile(disk, plantedData(4 << 20)));
        const auto unchecked = [&] {
            const Run r = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("certificate"),
                               QStringLiteral("unchecked")});
            return r.code == 0 ? QJsonDocument::fromJson(r.out).array() : QJsonArray{QStringLiteral("failed")};
        };
        QCOMPARE(unchecked().size(), 0);
        Run w = cli({QStringLiteral("--db"), db, QStringLiteral("--worker"), QStringLiteral("amel"),
                     QStringLiteral("wipe"), disk, QStringLiteral("--method"), QStringLiteral("clear"),
                     QStringLiteral("--asset"), tag});
        QVERIFY2(w.code == 0, w.err.constData());
        QJsonArray list = unchecked();
        QCOMPARE(list.size(), 1);
        const QJsonObject row = list.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("asset_tag")).toString(), tag);
        QCOMPARE(row.value(QStringLiteral("worker")).toString(), QStringLiteral("amel"));
        QCOMPARE(row.value(QStringLiteral("check_status")).toString(), QStringLiteral("to_be_checked"));
        const QString id = row.value(QStringLiteral("certificate_id")).toString();
        QVERIFY(!id.isEmpty());
        const auto check = [&](const QString &what, const QString &checker, const QStringList &extra = {}) {
            return cli(QStringList{QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("--worker"),
                                   checker, QStringLiteral("certificate"), QStringLiteral("check"), what,
                                   QStringLiteral("--checker"), checker}
                       + extra);
        };

        // The worker who erased cannot check it.
        Run r = check(id, QStringLiteral("amel"));
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("different worker"), r.err.constData());
        QCOMPARE(unchecked().size(), 1);

        // A disk that is not zeros: refused with the offset of the first sector found.
        const QString dirty = path(QStringLiteral("dirty.img"));
        QVERIFY(writeFile(dirty, QByteArray(512 << 10, '\0') + QByteArray(512 << 10, char(0x5a))));
        r = check(id, QStringLiteral("leo"),
                  {QStringLiteral("--reread"), dirty, QStringLiteral("--seed"), QStringLiteral("15")});
        QCOMPARE(r.code, 5);
        const qint64 bad
            = qint64(QJsonDocument::fromJson(r.out).object().value(QStringLiteral("bad_offset")).toDouble(-1));
        QVERIFY2(bad >= (512 << 10) && bad % 512 == 0, r.out.constData());
        QVERIFY2(r.err.contains(QByteArray::number(bad)), r.err.constData());
        QCOMPARE(unchecked().size(), 1);

        // Another worker, after re-reading 100 sectors of the erased disk (by the asset's tag).
        r = check(tag, QStringLiteral("leo"), {QStringLiteral("--reread"), disk});
        QVERIFY2(r.code == 0, r.err.constData());
        const QJsonObject done = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(done.value(QStringLiteral("reread_sectors")).toInt(), 100);
        QCOMPARE(done.value(QStringLiteral("checked_by")).toString(), QStringLiteral("leo"));
        QCOMPARE(unchecked().size(), 0);
        r = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                 QStringLiteral("history"), tag});
        QVERIFY2(r.out.contains("erasure.checked"), r.out.constData());

        // Once is enough; and the rule itself refuses the same badge, for station and server.
        QCOMPARE(check(id, QStringLiteral("zoe")).code, 4);
        Etabli::Inventory::Event e;
        e.type = QString(Etabli::Inventory::EventType::ErasureChecked);
        e.assetTag = tag;
        e.payload = {{QStringLiteral("certificate_id"), id},
                     {QStringLiteral("checker"), QStringLiteral("amel")},
                     {QStringLiteral("erased_by"), QStringLiteral("amel")}};
        const auto refused = Etabli::Inventory::EventRules::validate(e);
        QVERIFY(!refused);
        QCOMPARE(refused.error().detail, QStringLiteral("same_worker"));
        e.payload.insert(QStringLiteral("checker"), QStringLiteral("leo"));
        QVERIFY(Etabli::Inventory::EventRules::validate(e));
    }

    // Schema 5 fills the check columns of erasures recorded before it from their events.
    void erasuresBeforeSchema5AreToBeChecked()
    {
        using namespace Etabli::Inventory;
        const QString db = path(QStringLiteral("v4.db"));
        QString tag;
        {
            auto v4 = Store::open(db, Identity{QStringLiteral("bench-1"), QStringLiteral("amel")}, 4);
            QVERIFY(v4);
            QCOMPARE((*v4)->schemaVersion(), 4);
            auto a = (*v4)->addAsset(NewAsset{});
            QVERIFY(a);
            tag = a->tag;
            QSqlQuery q((*v4)->database());
            QVERIFY(q.exec(QStringLiteral("INSERT INTO events(uuid, station, worker, time, type, asset_tag, payload)"
                                          " VALUES('11111111-2222-4333-8444-555555555555', 'bench-1', 'amel',"
                                          " '2026-11-30T10:00:00.000Z', 'erasure.recorded', '%1',"
                                          " '{\"method\":\"clear\",\"verified\":true,\"certificate_id\":\"C-OLD\"}')")
                               .arg(tag)));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO erasures(asset_id, event_uuid, cycle, method, verified,"
                                          " started_at, ended_at) SELECT id, '11111111-2222-4333-8444-555555555555',"
                                          " 1, 'clear', 1, 'x', 'y' FROM assets WHERE tag = '%1'")
                               .arg(tag)));
        }
        auto v5 = Store::open(db, Identity{QStringLiteral("bench-1"), QStringLiteral("leo")});
        QVERIFY(v5);
        const QList<Etabli::AppCore::ErasureRecord> list = Etabli::AppCore::uncheckedErasures(**v5);
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].certificateId, QStringLiteral("C-OLD"));
        QCOMPARE(list[0].worker, QStringLiteral("amel"));
        QCOMPARE(list[0].assetTag, tag);
        Etabli::AppCore::ErasureCheckRequest r;
        r.certificateOrTag = QStringLiteral("C-OLD");
        r.checker = QStringLiteral("leo");
        QVERIFY(Etabli::AppCore::checkErasure(r, **v5));
        QCOMPARE(Etabli::AppCore::uncheckedErasures(**v5).size(), 0);
    }

    // The re-read must read the disk that was erased: another loop device is refused by serial.
    void checkRereadsTheErasedDisk()
    {
        if (!canUseLoop())
            QSKIP("loop devices need root and /dev/loop-control");
        const QString db = path(QStringLiteral("reread.db"));
        Run added = cli({QStringLiteral("--db"), db, QStringLiteral("--json"), QStringLiteral("asset"),
                         QStringLiteral("add"), QStringLiteral("--kind"), QStringLiteral("pc")});
        QCOMPARE(added.code, 0);
        const QString tag = QJsonDocument::fromJson(added.out).object().value(QStringLiteral("tag")).toString();
        const QString erased = path(QStringLiteral("reread-a.img")), other = path(QStringLiteral("reread-b.img"));
        QVERIFY(writeFile(erased, plantedData(4 << 20)));
        QVERIFY(writeFile(other, QByteArray(4 << 20, '\0'))); // zeros, but another disk
        const QString a = attachLoop(erased), b = attachLoop(other);
        Run w = cli({QStringLiteral("--db"), db, QStringLiteral("--worker"), QStringLiteral("amel"),
                     QStringLiteral("wipe"), a, QStringLiteral("--method"), QStringLiteral("clear"),
                     QStringLiteral("--asset"), tag});
        const auto check = [&](const QString &device) {
            return cli({QStringLiteral("--db"), db, QStringLiteral("--worker"), QStringLiteral("leo"),
                        QStringLiteral("certificate"), QStringLiteral("check"), tag, QStringLiteral("--checker"),
                        QStringLiteral("leo"), QStringLiteral("--reread"), device});
        };
        const Run wrong = check(b);
        const Run right = check(a);
        detachLoop(a);
        detachLoop(b);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QVERIFY2(w.code == 0, w.err.constData());
        QCOMPARE(wrong.code, 4);
        QVERIFY2(wrong.err.contains("serial"), wrong.err.constData());
        QVERIFY2(right.code == 0, right.err.constData());
    }

    void wipeLoopDeviceThroughTheCli()
    {
        if (!canUseLoop())
            QSKIP("loop devices need root and /dev/loop-control");
        const QString file = path(QStringLiteral("loop-cli.img"));
        QVERIFY(writeFile(file, plantedData(16 << 20)));
        const QString dev = attachLoop(file);
        QVERIFY(!dev.isEmpty());
        Run dry = cli({QStringLiteral("--json"), QStringLiteral("wipe"), dev, QStringLiteral("--dry-run")});
        Run w = cli({QStringLiteral("--json"), QStringLiteral("wipe"), dev, QStringLiteral("--method"),
                     QStringLiteral("auto"), QStringLiteral("--certificate"), path(QStringLiteral("loop.json"))});
        detachLoop(dev);
        QCOMPARE(dry.code, 0);
        QCOMPARE(QJsonDocument::fromJson(dry.out).object().value(QStringLiteral("purge_technique")).toString(),
                 QStringLiteral("none"));
        QVERIFY2(w.code == 0, w.err.constData());
        const QJsonObject c = QJsonDocument::fromJson(readFile(path(QStringLiteral("loop.json")))).object();
        QCOMPARE(c.value(QStringLiteral("disk")).toObject().value(QStringLiteral("bus")).toString(),
                 QStringLiteral("block"));
        QCOMPARE(c.value(QStringLiteral("erasure")).toObject().value(QStringLiteral("method")).toString(),
                 QStringLiteral("clear"));
        const QByteArray after = readFile(file);
        QCOMPARE(after.count('\0'), after.size());
    }
};

QTEST_GUILESS_MAIN(TstCertificate)
#include "tst_certificate.moc"
