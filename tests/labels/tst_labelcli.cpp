// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// `etabli label …` end to end on a real inventory: templates, render, print to fake
// network printers, refusals that queue the label, reprint, and what gets recorded.
#include "labeltestutil.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestLabelCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_tag;

    LabelTest::ToolRun cli(const QStringList &args)
    {
        return LabelTest::runTool(QStringLiteral(ETABLI_CLI),
                                  QStringList{QStringLiteral("--db"), m_dir.filePath(QStringLiteral("inv.sqlite"))}
                                      + args);
    }

    int printedCount(const QString &printer = {})
    {
        const auto r = cli({QStringLiteral("--json"), QStringLiteral("asset"), QStringLiteral("history"), m_tag});
        int n = 0;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
            const QJsonObject e = v.toObject();
            if (e.value(QLatin1String("type")).toString() == QLatin1String("label.printed")
                && (printer.isEmpty()
                    || e.value(QLatin1String("payload")).toObject().value(QLatin1String("printer")).toString()
                        == printer))
                ++n;
        }
        return n;
    }

    QJsonArray queue()
    {
        const auto r = cli({QStringLiteral("--json"), QStringLiteral("label"), QStringLiteral("queue")});
        return QJsonDocument::fromJson(r.out).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(
            cli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("tag.prefix"), QStringLiteral("BCL")})
                .exitCode,
            0);
        const auto added = cli({QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"),
                                QStringLiteral("pc"), QStringLiteral("--make"), QStringLiteral("Dell"),
                                QStringLiteral("--model"), QStringLiteral("OptiPlex 7040")});
        QVERIFY2(added.exitCode == 0, added.err.constData());
        m_tag = QString::fromUtf8(added.out).split(u' ').first().trimmed();
        QVERIFY(m_tag.startsWith(QStringLiteral("BCL-")));
    }

    void templates()
    {
        const auto r = cli({QStringLiteral("label"), QStringLiteral("templates")});
        QCOMPARE(r.exitCode, 0);
        QStringList names;
        for (const QString &line : QString::fromUtf8(r.out).split(u'\n', Qt::SkipEmptyParts))
            names << line.split(u' ').first();
        for (const char *name : {"brother-62x29", "thermal-2x1", "kit-62", "a4-70x37"})
            QVERIFY2(names.contains(QLatin1String(name)), name);
        const auto json = cli({QStringLiteral("--json"), QStringLiteral("label"), QStringLiteral("templates")});
        QCOMPARE(QJsonDocument::fromJson(json.out).array().size(), names.size());
    }

    void render_data()
    {
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QString>("dpi");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("dots");
        QTest::newRow("brother png") << QStringLiteral("brother-62x29") << QString() << QStringLiteral("b.png")
                                     << QSize(732, 343);
        QTest::newRow("thermal png at 203 dpi")
            << QStringLiteral("thermal-2x1") << QStringLiteral("203") << QStringLiteral("t.png") << QSize(406, 203);
        QTest::newRow("kit pdf") << QStringLiteral("kit-62") << QString() << QStringLiteral("k.pdf") << QSize();
    }
    void render()
    {
        QFETCH(QString, templateName);
        QFETCH(QString, dpi);
        QFETCH(QString, file);
        QFETCH(QSize, dots);
        const QString path = m_dir.filePath(file);
        QStringList args{QStringLiteral("label"),
                         QStringLiteral("render"),
                         m_tag,
                         QStringLiteral("--template"),
                         templateName,
                         QStringLiteral("-o"),
                         path};
        if (!dpi.isEmpty())
            args << QStringLiteral("--dpi") << dpi;
        const auto r = cli(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (dots.isValid()) {
            const QImage img(path);
            QCOMPARE(img.size(), dots);
            QVERIFY(LabelTest::zbarDecode(path).contains(m_tag));
        } else {
            const auto info = LabelTest::runTool(QStringLiteral("pdfinfo"), {path});
            QVERIFY2(info.out.contains("176 x 216 pts"), info.out.constData());
        }
        QCOMPARE(printedCount(), 0); // rendering is not printing
    }

    /// What the labels show comes from the inventory: components, imaging, kit.
    void labelsShowInventoryFacts()
    {
        QStringList items;
        for (const char *kind : {"screen", "keyboard"}) {
            const auto r
                = cli({QStringLiteral("asset"), QStringLiteral("add"), QStringLiteral("--kind"), QLatin1String(kind)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            items << QString::fromUtf8(r.out).split(u' ').first().trimmed();
        }
        const QString hardware = QStringLiteral(
            R"({"make":"Dell","model":"OptiPlex 7040","serial":"X1","specs":{},"components":[)"
            R"({"kind":"cpu","make":"Intel","model":"Intel(R) Core(TM) i5-6500 CPU @ 3.20GHz","serial":"","size_bytes":0,"details":{}},)"
            R"({"kind":"ram","make":"","model":"","serial":"","size_bytes":8589934592,"details":{}},)"
            R"({"kind":"disk","make":"","model":"","serial":"","size_bytes":256060514304,"details":{"rotational":false}}]})");
        const QString imaging = QStringLiteral(
            R"({"master_name":"ecole-2026","master_version":"1.4","target_model":"SSD","target_serial":"S1",)"
            R"("bytes":1000,"seconds":10,"mib_s":100,"fill":"zero","verified":true})");
        const QString kit = QStringLiteral(R"({"reference":"KIT-0042","items":["%1","%2"]})").arg(items[0], items[1]);
        for (const auto &[type, payload] :
             {std::pair{QStringLiteral("asset.updated"), hardware},
              std::pair{QStringLiteral("imaging.recorded"), imaging}, std::pair{QStringLiteral("kit.created"), kit}}) {
            const auto r = cli(
                {QStringLiteral("asset"), QStringLiteral("record"), m_tag, type, QStringLiteral("--payload"), payload});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const QString assetPdf = m_dir.filePath(QStringLiteral("facts.pdf"));
        const QString kitPdf = m_dir.filePath(QStringLiteral("kit.pdf"));
        QCOMPARE(cli({QStringLiteral("label"), QStringLiteral("render"), m_tag, QStringLiteral("--template"),
                      QStringLiteral("brother-62x29"), QStringLiteral("-o"), assetPdf})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("label"), QStringLiteral("render"), m_tag, QStringLiteral("--template"),
                      QStringLiteral("kit-62"), QStringLiteral("-o"), kitPdf})
                     .exitCode,
                 0);
        const QString onAsset
            = QString::fromUtf8(LabelTest::runTool(QStringLiteral("pdftotext"), {assetPdf, QStringLiteral("-")}).out);
        QVERIFY2(onAsset.contains(QStringLiteral("i5-6500 · 8 GB · SSD 256 GB")), qPrintable(onAsset));
        QVERIFY2(onAsset.contains(QStringLiteral("ecole-2026 1.4")), qPrintable(onAsset));
        const QString onKit
            = QString::fromUtf8(LabelTest::runTool(QStringLiteral("pdftotext"), {kitPdf, QStringLiteral("-")}).out);
        for (const QString &expected : {m_tag, QStringLiteral("Kit KIT-0042"), items[0], items[1]})
            QVERIFY2(onKit.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + onKit));
    }

    void renderRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown tag") << QStringList{QStringLiteral("BCL-999999-A"), QStringLiteral("--template"),
                                                    QStringLiteral("brother-62x29"), QStringLiteral("-o"),
                                                    QStringLiteral("x.png")}
                                     << 3;
        QTest::newRow("mistyped tag") << QStringList{QStringLiteral("BCL-00001-M"), QStringLiteral("--template"),
                                                     QStringLiteral("brother-62x29"), QStringLiteral("-o"),
                                                     QStringLiteral("x.png")}
                                      << 2;
        QTest::newRow("unknown template")
            << QStringList{QStringLiteral("TAG"), QStringLiteral("--template"), QStringLiteral("dymo"),
                           QStringLiteral("-o"), QStringLiteral("x.png")}
            << 3;
        QTest::newRow("not png or pdf") << QStringList{
            QStringLiteral("TAG"), QStringLiteral("--template"), QStringLiteral("brother-62x29"), QStringLiteral("-o"),
            QStringLiteral("x.jpg")} << 2;
        QTest::newRow("two tags on one label")
            << QStringList{QStringLiteral("TAG"),           QStringLiteral("TAG"), QStringLiteral("--template"),
                           QStringLiteral("brother-62x29"), QStringLiteral("-o"),  QStringLiteral("x.png")}
            << 2;
        QTest::newRow("silly dpi")
            << QStringList{QStringLiteral("TAG"),   QStringLiteral("--template"), QStringLiteral("brother-62x29"),
                           QStringLiteral("--dpi"), QStringLiteral("12"),         QStringLiteral("-o"),
                           QStringLiteral("x.png")}
            << 2;
    }
    void renderRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        args.replaceInStrings(QStringLiteral("TAG"), m_tag);
        args.replaceInStrings(QStringLiteral("x."), m_dir.filePath(QStringLiteral("x.")));
        const auto r = cli(QStringList{QStringLiteral("label"), QStringLiteral("render")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.trimmed().isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
    }

    /// A print that went out is recorded once; nothing is queued.
    void printRecorded_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("templateName");
        QTest::addColumn<QByteArray>("jobStart");
        QTest::newRow("zpl thermal") << QStringLiteral("zpl") << QStringLiteral("thermal-2x1") << QByteArray("^XA");
        QTest::newRow("brother network") << QStringLiteral("brother-ql") << QStringLiteral("brother-62x29")
                                         << QByteArray("\x1B\x69\x61\x01", 4);
    }
    void printRecorded()
    {
        QFETCH(QString, scheme);
        QFETCH(QString, templateName);
        QFETCH(QByteArray, jobStart);
        LabelTest::FakeSink sink;
        const QString uri = QStringLiteral("%1://127.0.0.1:%2").arg(scheme).arg(sink.port());
        const int before = printedCount();
        const auto r = cli({QStringLiteral("label"), QStringLiteral("print"), m_tag, QStringLiteral("--template"),
                            templateName, QStringLiteral("--printer"), uri});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(sink.waitForJobs(1));
        QVERIFY(sink.jobs().first().contains(jobStart));
        QCOMPARE(printedCount(), before + 1);
        QCOMPARE(printedCount(uri), 1);
        QVERIFY(queue().isEmpty());
    }

    /// Absent or refusing printers: clear message, queued, nothing recorded; reprint
    /// once a printer answers records it and empties the queue.
    void refusedThenReprinted()
    {
        const int before = printedCount();
        const QString refusing = QStringLiteral("zpl://127.0.0.1:%1").arg(LabelTest::closedPort());
        auto r = cli({QStringLiteral("label"), QStringLiteral("print"), m_tag, QStringLiteral("--template"),
                      QStringLiteral("thermal-2x1"), QStringLiteral("--printer"), refusing});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.err.contains("does not answer") && r.err.contains("queued"), r.err.constData());
        r = cli({QStringLiteral("label"), QStringLiteral("print"), m_tag, QStringLiteral("--template"),
                 QStringLiteral("brother-62x29"), QStringLiteral("--printer"), QStringLiteral("cups:etabli-absent")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("CUPS") && r.err.contains("queued"), r.err.constData());
        QCOMPARE(printedCount(), before);
        QJsonArray q = queue();
        QCOMPARE(q.size(), 2);
        QCOMPARE(q[0].toObject().value(QLatin1String("tags")).toArray().first().toString(), m_tag);

        // Still refusing: both stay queued, each with one more attempt.
        r = cli({QStringLiteral("label"), QStringLiteral("reprint")});
        QVERIFY(r.exitCode != 0);
        q = queue();
        QCOMPARE(q.size(), 2);
        QCOMPARE(q[0].toObject().value(QLatin1String("attempts")).toInt(), 2);
        QCOMPARE(printedCount(), before);

        // Reprint the first one on a printer that answers.
        LabelTest::FakeSink sink;
        const QString working = QStringLiteral("zpl://127.0.0.1:%1").arg(sink.port());
        const QString id = q[0].toObject().value(QLatin1String("id")).toString();
        r = cli({QStringLiteral("label"), QStringLiteral("reprint"), id, QStringLiteral("--printer"), working});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(sink.waitForJobs(1));
        QCOMPARE(printedCount(), before + 1);
        QCOMPARE(printedCount(working), 1);
        q = queue();
        QCOMPARE(q.size(), 1);
        QVERIFY(q[0].toObject().value(QLatin1String("id")).toString() != id);

        r = cli({QStringLiteral("label"), QStringLiteral("reprint"), QStringLiteral("nosuchid")});
        QCOMPARE(r.exitCode, 3);
    }

    void printRefusesBadInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("unknown printer scheme")
            << QStringList{QStringLiteral("TAG"), QStringLiteral("--template"), QStringLiteral("thermal-2x1"),
                           QStringLiteral("--printer"), QStringLiteral("lpd://x")}
            << 2;
        QTest::newRow("no printer") << QStringList{QStringLiteral("TAG"), QStringLiteral("--template"),
                                                   QStringLiteral("thermal-2x1")}
                                    << 2;
        QTest::newRow("unknown tag") << QStringList{QStringLiteral("BCL-999999-A"), QStringLiteral("--template"),
                                                    QStringLiteral("thermal-2x1"), QStringLiteral("--printer"),
                                                    QStringLiteral("zpl://127.0.0.1:1")}
                                     << 3;
        QTest::newRow("thermal template on a Brother")
            << QStringList{QStringLiteral("TAG"), QStringLiteral("--template"), QStringLiteral("thermal-2x1"),
                           QStringLiteral("--printer"), QStringLiteral("brother-ql://127.0.0.1:1")}
            << 2;
    }
    void printRefusesBadInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        args.replaceInStrings(QStringLiteral("TAG"), m_tag);
        const int queued = int(queue().size());
        const int printed = printedCount();
        const auto r = cli(QStringList{QStringLiteral("label"), QStringLiteral("print")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(!r.err.trimmed().isEmpty());
        QCOMPARE(int(queue().size()), queued); // bad input is refused, not queued
        QCOMPARE(printedCount(), printed);
    }
};

QTEST_GUILESS_MAIN(TestLabelCli)
#include "tst_labelcli.moc"
