// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Our raw output equals `qemu-img convert -O raw` (SHA-256) for masters made by
// qemu-img (compressed, uncompressed, zero clusters, several cluster sizes, odd sizes) and
// by our builder; the builder's masters pass `qemu-img check` and `qemu-img compare`.
#include "imagingtestutil.h"

#include "imaging/builder.h"
#include "imaging/source.h"
#include "imaging/target.h"
#include "imaging/writer.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Etabli;
using namespace Etabli::Imaging;
using namespace ImagingTest;

class TestReader : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    static QByteArray writeWithEngine(const QString &master, const QString &out, Fill fill, QString *error = nullptr)
    {
        auto source = Source::open(master);
        if (!source) {
            if (error)
                *error = source.error().message;
            return {};
        }
        WriteOptions options;
        options.fill = fill;
        options.verify = true;
        ImageWriter writer(std::move(source.value()), options);
        auto target = DiskTarget::open(out, {});
        if (!target)
            return {};
        writer.addTarget(std::move(target.value()));
        auto r = writer.run();
        if (!r) {
            if (error)
                *error = r.error().message;
            return {};
        }
        if (!writer.progress().at(0).verified)
            return {};
        return sha256File(out);
    }

    QByteArray qemuRaw(const QString &master)
    {
        const QString out = master + QStringLiteral(".qemu.raw");
        const Run r = run(QStringLiteral("qemu-img"),
                          {QStringLiteral("convert"), QStringLiteral("-O"), QStringLiteral("raw"), master, out});
        if (r.code != 0)
            return {};
        return sha256File(out);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (run(QStringLiteral("qemu-img"), {QStringLiteral("--version")}).code != 0)
            QFAIL("qemu-img is required (packaging/setup-debian.sh installs qemu-utils)");
    }

    void qemuMasters_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<QString>("clusterSize");
        QTest::addColumn<bool>("compressed");
        QTest::addColumn<QStringList>("qemuIo"); // commands applied after conversion
        QTest::newRow("64 KiB compressed") << qint64(6 << 20) << QStringLiteral("65536") << true << QStringList{};
        QTest::newRow("4 KiB compressed") << qint64(3 << 20) << QStringLiteral("4096") << true << QStringList{};
        QTest::newRow("512 B compressed") << qint64(1 << 20) << QStringLiteral("512") << true << QStringList{};
        QTest::newRow("2 MiB compressed") << qint64(9 << 20) << QStringLiteral("2097152") << true << QStringList{};
        QTest::newRow("odd size compressed")
            << qint64((5 << 20) + 1536) << QStringLiteral("65536") << true << QStringList{};
        QTest::newRow("odd size 16 KiB") << qint64((2 << 20) + 4096 + 512) << QStringLiteral("16384") << true
                                         << QStringList{};
        QTest::newRow("uncompressed") << qint64(4 << 20) << QStringLiteral("65536") << false << QStringList{};
        QTest::newRow("zero clusters") << qint64(4 << 20) << QStringLiteral("65536") << false
                                       << QStringList{QStringLiteral("write -z 0 128k"),
                                                      QStringLiteral("write -z 1M 64k")};
        QTest::newRow("compressed plus raw writes")
            << qint64(4 << 20) << QStringLiteral("65536") << true
            << QStringList{QStringLiteral("write -P 0xab 2M 64k"), QStringLiteral("write -z 3M 64k")};
    }
    void qemuMasters()
    {
        QFETCH(qint64, size);
        QFETCH(QString, clusterSize);
        QFETCH(bool, compressed);
        QFETCH(QStringList, qemuIo);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_');
        const QString raw = path(tag + QStringLiteral(".src")), master = path(tag + QStringLiteral(".qcow2"));
        QVERIFY(writeFile(raw, diskContent(size, uint32_t(size))));
        QStringList args{QStringLiteral("convert"),
                         QStringLiteral("-f"),
                         QStringLiteral("raw"),
                         QStringLiteral("-O"),
                         QStringLiteral("qcow2"),
                         QStringLiteral("-o"),
                         QStringLiteral("cluster_size=") + clusterSize};
        if (compressed)
            args << QStringLiteral("-c");
        const Run made = run(QStringLiteral("qemu-img"), args << raw << master);
        QVERIFY2(made.code == 0, made.err.constData());
        for (const QString &cmd : qemuIo) {
            const Run io = run(QStringLiteral("qemu-io"),
                               {QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-c"), cmd, master});
            QVERIFY2(io.code == 0, io.err.constData());
        }
        const QByteArray expected = qemuRaw(master);
        QVERIFY(!expected.isEmpty());
        for (Fill fill : {Fill::Skip, Fill::Zeros}) {
            const QString out = path(tag + QStringLiteral(".out.") + toString(fill));
            QString error;
            QCOMPARE(writeWithEngine(master, out, fill, &error), expected);
            QVERIFY(error.isEmpty());
        }
    }

    void builtMasters_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::addColumn<uint>("clusterSize");
        QTest::newRow("64 KiB") << qint64(6 << 20) << 65536u;
        QTest::newRow("16 KiB, odd size") << qint64((3 << 20) + 3584) << 16384u;
        QTest::newRow("1 MiB clusters") << qint64(5 << 20) << 1048576u;
        QTest::newRow("4 KiB") << qint64(2 << 20) << 4096u;
    }
    void builtMasters()
    {
        QFETCH(qint64, size);
        QFETCH(uint, clusterSize);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_').remove(u',');
        const QString raw = path(tag + QStringLiteral(".bsrc")), master = path(tag + QStringLiteral(".built.qcow2"));
        QVERIFY(writeFile(raw, diskContent(size, 7)));
        auto source = Source::open(raw);
        QVERIFY(source.ok());
        BuildOptions options;
        options.clusterSize = clusterSize;
        auto built = buildMaster(**source, master, options);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().message));
        QVERIFY(built->compressedClusters > 0);
        if (clusterSize <= 65536) // the pattern puts data in every 64 KiB block of bigger clusters
            QVERIFY(built->zeroClusters > 0);
        const Run check = run(QStringLiteral("qemu-img"), {QStringLiteral("check"), master});
        QVERIFY2(check.code == 0, check.out.constData());
        const Run compare = run(QStringLiteral("qemu-img"),
                                {QStringLiteral("compare"), QStringLiteral("-f"), QStringLiteral("raw"),
                                 QStringLiteral("-F"), QStringLiteral("qcow2"), raw, master});
        QVERIFY2(compare.code == 0, compare.out.constData());
        const QByteArray expected = qemuRaw(master);
        QCOMPARE(writeWithEngine(master, path(tag + QStringLiteral(".bout")), Fill::Skip), expected);
        // The manifest's whole-disk digest is the raw content's (padded to whole sectors).
        QCOMPARE(QByteArray(toHex(built->manifest.sha256).toLatin1()), expected);
    }

    void rawAndGzipSources()
    {
        const QByteArray content = diskContent((4 << 20) + 512, 3);
        const QString raw = path(QStringLiteral("plain.raw"));
        QVERIFY(writeFile(raw, content));
        const QByteArray expected = QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
        QCOMPARE(writeWithEngine(raw, path(QStringLiteral("plain.out")), Fill::Zeros), expected);
        const Run gz = run(QStringLiteral("pigz"), {QStringLiteral("-k"), QStringLiteral("-f"), raw});
        QVERIFY2(gz.code == 0, gz.err.constData());
        auto source = Source::open(raw + QStringLiteral(".gz"));
        QVERIFY(source.ok());
        QCOMPARE((*source)->format(), Source::Format::GzipRaw);
        QCOMPARE(writeWithEngine(raw + QStringLiteral(".gz"), path(QStringLiteral("gz.out")), Fill::Skip), expected);
    }

    void truncatedGzipRefused()
    {
        const QString raw = path(QStringLiteral("t.raw"));
        QVERIFY(writeFile(raw, diskContent(2 << 20, 5)));
        QVERIFY(run(QStringLiteral("pigz"), {QStringLiteral("-k"), QStringLiteral("-f"), raw}).code == 0);
        QFile gz(raw + QStringLiteral(".gz"));
        QVERIFY(gz.resize(gz.size() / 2));
        QString error;
        QVERIFY(
            writeWithEngine(raw + QStringLiteral(".gz"), path(QStringLiteral("t.out")), Fill::Zeros, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("gzip")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestReader)
#include "tst_reader.moc"
