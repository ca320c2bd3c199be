// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Établi contributors
//
// Easy-to-read French (FALC) on every worker-facing string: the qsTr sources of the QML in
// app/station, app/ui and app/bench, and their French translations in app/i18n/etabli_fr.ts.
// At most 15 words a sentence, no word of tests/app/falc-denylist.txt, and every step screen
// of tests/app/falc-steps.txt with a pictogram and a spoken sentence.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

namespace {

const QString Root = QStringLiteral(ETABLI_SOURCE_DIR);

struct Deny {
    QRegularExpression re;
    QString word, why;
};

QString readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

/// The worker-facing QML files: every .qml under app/station, app/ui and app/bench
/// (deskui: and app/desk, the desk's family-facing screens).
QStringList workerQml()
{
    QStringList files;
    for (const char *dir : {"app/station", "app/ui", "app/bench", "app/desk"}) {
        QDirIterator it(Root + QLatin1Char('/') + QLatin1String(dir), {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
    }
    files.sort();
    return files;
}

/// The qsTr("...") sources of one QML file (plain string literals; escapes undone).
QStringList qsTrStrings(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("qsTr\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        QString s = it.next().captured(1);
        s.replace(QLatin1String("\\\""), QLatin1String("\"")).replace(QLatin1String("\\n"), QLatin1String(" "));
        out << s;
    }
    return out;
}

/// Sentences of a string: split after . ! ? … and at line breaks.
QStringList sentences(const QString &text)
{
    static const QRegularExpression split(QStringLiteral("[.!?…]+(\\s+|$)|\\n"));
    QStringList out;
    for (const QString &s : text.split(split, Qt::SkipEmptyParts)) {
        if (!s.trimmed().isEmpty())
            out << s.trimmed();
    }
    return out;
}

int wordCount(const QString &sentence)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}%]+"));
    int n = 0;
    for (auto it = word.globalMatch(sentence); it.hasNext(); it.next())
        ++n;
    return n;
}

QList<Deny> denyList()
{
    QList<Deny> out;
    const QStringList lines = readAll(Root + QStringLiteral("/tests/app/falc-denylist.txt")).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('#')) || line.trimmed().isEmpty())
            continue;
        const QString word = line.section(QLatin1Char('\t'), 0, 0).trimmed();
        const QString why = line.section(QLatin1Char('\t'), 1).trimmed();
        const bool caps = word == word.toUpper() && word != word.toLower();
        QRegularExpression re(
            QStringLiteral("(?<![\\p{L}\\p{N}])%1(?![\\p{L}\\p{N}])").arg(QRegularExpression::escape(word)),
            caps ? QRegularExpression::NoPatternOption : QRegularExpression::CaseInsensitiveOption);
        out.append({re, word, why});
    }
    return out;
}

/// Every string a worker may read: "file: text" for sources, "fr CONTEXT: text" for translations.
QList<std::pair<QString, QString>> workerStrings()
{
    QList<std::pair<QString, QString>> out;
    // A QML file's context is its base name; only the messages whose source is one of that
    // file's qsTr strings count (C++ engines may share a context name, e.g. AudioTest).
    QHash<QString, QSet<QString>> contexts;
    for (const QString &file : workerQml()) {
        QSet<QString> &sources = contexts[QFileInfo(file).completeBaseName()];
        for (const QString &s : qsTrStrings(readAll(file))) {
            out.append({QDir(Root).relativeFilePath(file), s});
            sources.insert(s);
        }
    }
    // deskui: the desk's sentences said aloud to a family are C++ tr() strings of the desk
    // sessions (app/desk/desksession.cpp, deskcare.cpp); their contexts are the class names.
    static const QRegularExpression trRe(QStringLiteral("\\btr\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    static const QRegularExpression noopRe(QStringLiteral("QT_TR_NOOP\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\""));
    for (const auto &[file, context] : {std::pair{"app/desk/desksession.cpp", "Etabli::Desk::DeskSession"},
                                        std::pair{"app/desk/deskcare.cpp", "Etabli::Desk::DeskCare"}}) {
        const QString text = readAll(Root + QLatin1Char('/') + QLatin1String(file));
        QSet<QString> &sources = contexts[QLatin1String(context)];
        for (const QRegularExpression *re : {&trRe, &noopRe})
            for (auto it = re->globalMatch(text); it.hasNext();) {
                const QString str = it.next().captured(1);
                out.append({QLatin1String(file), str});
                sources.insert(str);
            }
    }
    QFile ts(Root + QStringLiteral("/app/i18n/etabli_fr.ts"));
    if (!ts.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&ts);
    QString context, source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if ((xml.name() == QLatin1String("translation") || xml.name() == QLatin1String("numerusform"))
                 && contexts.value(context).contains(source)) {
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
            if (!t.isEmpty())
                out.append({QStringLiteral("fr ") + context, t});
        }
    }
    return out;
}

// bench-tu: the bench addresses its worker with « tu » (FALC: the same word for the same thing).
// The contexts a bench worker reads or hears: every QML file of app/bench and app/station, the
// shared controls of app/ui the bench shows with their own words, and the C++ classes whose
// sentences the bench screens show. HoldButton and ScanField are shared with the desk (which
// keeps « vous »): the bench gives them its own words in its own contexts (StepScreen,
// LoginScreen, AssetScreen, EraseConfirm), so they are left out here.
QSet<QString> benchContexts()
{
    QSet<QString> out;
    for (const char *dir : {"app/bench", "app/station"}) {
        QDirIterator it(Root + QLatin1Char('/') + QLatin1String(dir), {QStringLiteral("*.qml")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            out.insert(QFileInfo(it.next()).completeBaseName());
    }
    for (const char *c :
         {"FrozenDriveFix", "FrozenDriveFixCard", "ResultPage", "ListenButton", "AboutPage", "BigButton", "SpokenHint",
          "ButtonLabel", "Etabli::Bench::Bench", "Etabli::Bench::BenchFlowModel", "Etabli::AppCore::BenchFlow",
          "Etabli::AppCore::Workers", "AudioTestModel", "KeyboardTestModel", "ScreenTestModel"})
        out.insert(QLatin1String(c));
    return out;
}

/// The first « vous » word of a French text: vous, votre, vos, or a verb in the « vous » form
/// (an imperative or present in -ez, and faites, dites); empty when the text says « tu ».
QString vousWord(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}]+"));
    static const QSet<QString> notVerbs
        = {QStringLiteral("chez"), QStringLiteral("assez"), QStringLiteral("nez"), QStringLiteral("rez")};
    for (auto it = word.globalMatch(text); it.hasNext();) {
        const QString w = it.next().captured(0).toLower();
        if (w == QLatin1String("vous") || w == QLatin1String("votre") || w == QLatin1String("vos")
            || w == QLatin1String("vôtre") || w == QLatin1String("faites") || w == QLatin1String("dites")
            || (w.size() > 3 && w.endsWith(QLatin1String("ez")) && !notVerbs.contains(w)))
            return w;
    }
    return {};
}

/// "CONTEXT: translation" of every French message in a bench context.
QList<std::pair<QString, QString>> benchTranslations()
{
    const QSet<QString> contexts = benchContexts();
    QList<std::pair<QString, QString>> out;
    QFile ts(Root + QStringLiteral("/app/i18n/etabli_fr.ts"));
    if (!ts.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&ts);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("translation") && contexts.contains(context)) {
            // A numerus translation's forms come joined (IncludeChildElements).
            const QString t = xml.readElementText(QXmlStreamReader::IncludeChildElements).simplified();
            if (!t.isEmpty())
                out.append({context, t});
        }
    }
    return out;
}

} // namespace

class TestFalc : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stringsAreFound()
    {
        const auto strings = workerStrings();
        int fr = 0;
        for (const auto &[where, text] : strings)
            fr += where.startsWith(QLatin1String("fr ")) ? 1 : 0;
        QVERIFY2(strings.size() - fr >= 50, qPrintable(QString::number(strings.size() - fr)));
        QVERIFY2(fr >= 50, qPrintable(QString::number(fr)));
        QVERIFY(denyList().size() >= 20);
    }

    // The splitter and counter themselves.
    void counting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("longest");
        QTest::newRow("two short") << QStringLiteral("Press every key. Keys turn green.") << 3;
        QTest::newRow("placeholder") << QStringLiteral("%1 of %2 keys") << 4;
        QTest::newRow("french") << QStringLiteral("Appuyez sur chaque touche. Les touches deviennent vertes.") << 4;
        QTest::newRow("long") << QStringLiteral("one two three four five six seven eight nine ten eleven twelve "
                                                "thirteen fourteen fifteen sixteen")
                              << 16;
    }
    void counting()
    {
        QFETCH(QString, text);
        QFETCH(int, longest);
        int most = 0;
        for (const QString &s : sentences(text))
            most = qMax(most, wordCount(s));
        QCOMPARE(most, longest);
    }

    void denyListMatchesWholeWords()
    {
        const QList<Deny> deny = denyList();
        auto denied = [&deny](const QString &text) {
            for (const Deny &d : deny) {
                if (d.re.match(text).hasMatch())
                    return d.word;
            }
            return QString();
        };
        QCOMPARE(denied(QStringLiteral("Le test SMART a échoué")), QStringLiteral("SMART"));
        QCOMPARE(denied(QStringLiteral("Fichier disque.qcow2")), QStringLiteral("qcow2"));
        QCOMPARE(denied(QStringLiteral("Un smartphone")), QString());
        QCOMPARE(denied(QStringLiteral("Touchez l'écran")), QString());
    }

    void atMostFifteenWords()
    {
        QStringList breaches;
        for (const auto &[where, text] : workerStrings()) {
            for (const QString &s : sentences(text)) {
                if (wordCount(s) > 15)
                    breaches << QStringLiteral("%1: %2 words: %3").arg(where).arg(wordCount(s)).arg(s);
            }
        }
        QVERIFY2(breaches.isEmpty(), qPrintable(breaches.join(QLatin1Char('\n'))));
    }

    void noJargon()
    {
        const QList<Deny> deny = denyList();
        QStringList breaches;
        for (const auto &[where, text] : workerStrings()) {
            for (const Deny &d : deny) {
                if (d.re.match(text).hasMatch())
                    breaches << QStringLiteral("%1: « %2 » in: %3 (%4)").arg(where, d.word, text, d.why);
            }
        }
        QVERIFY2(breaches.isEmpty(), qPrintable(breaches.join(QLatin1Char('\n'))));
    }

    // bench-tu: the detector itself.
    void vousWordFound_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::newRow("votre") << QStringLiteral("Scannez votre badge") << QStringLiteral("scannez");
        QTest::newRow("tu") << QStringLiteral("Scanne ton badge") << QString();
        QTest::newRow("vous") << QStringLiteral("L'avez-vous entendu ?") << QStringLiteral("avez");
        QTest::newRow("vos") << QStringLiteral("Prends vos affaires") << QStringLiteral("vos");
        QTest::newRow("faites") << QStringLiteral("Faites une de ces deux choses") << QStringLiteral("faites");
        QTest::newRow("hyphen") << QStringLiteral("puis rebranchez-le.") << QStringLiteral("rebranchez");
        QTest::newRow("chez") << QStringLiteral("Assez de mémoire chez nous") << QString();
        QTest::newRow("tu verbs") << QStringLiteral("Mets le PC en veille, puis réveille-le.") << QString();
    }
    void vousWordFound()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QCOMPARE(vousWord(text), word);
    }

    // bench-tu: every French sentence a bench worker reads or hears says « tu », never « vous ».
    void benchSaysTu()
    {
        const auto strings = benchTranslations();
        QVERIFY2(strings.size() >= 100, qPrintable(QString::number(strings.size())));
        QStringList breaches;
        for (const auto &[context, text] : strings) {
            const QString w = vousWord(text);
            if (!w.isEmpty())
                breaches << QStringLiteral("fr %1: « %2 » in: %3").arg(context, w, text);
        }
        QVERIFY2(breaches.isEmpty(), qPrintable(breaches.join(QLatin1Char('\n'))));
    }

    // Each step screen shows a pictogram and says its sentence (on arrival and on Listen).
    void stepsHavePictogramAndVoice_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList lines = readAll(Root + QStringLiteral("/tests/app/falc-steps.txt")).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.startsWith(QLatin1Char('#')) && !line.trimmed().isEmpty())
                QTest::newRow(qPrintable(line.trimmed())) << line.trimmed();
        }
    }
    void stepsHavePictogramAndVoice()
    {
        QFETCH(QString, file);
        const QString qml = readAll(Root + QLatin1Char('/') + file);
        QVERIFY2(!qml.isEmpty(), qPrintable(file));
        static const QRegularExpression pictogram(QStringLiteral("(pictogram\\s*:\\s*[\"a-z(]|pictograms/)"));
        QVERIFY2(pictogram.match(qml).hasMatch(), qPrintable(file + QStringLiteral(": no pictogram")));
        static const QRegularExpression hint(QStringLiteral("SpokenHint\\s*\\{[^}]*text\\s*:"));
        QVERIFY2(hint.match(qml).hasMatch(), qPrintable(file + QStringLiteral(": nothing said on arrival")));
        QVERIFY2(qml.contains(QLatin1String("ListenButton")), qPrintable(file + QStringLiteral(": no Listen button")));
    }
};

QTEST_MAIN(TestFalc)
#include "tst_falc.moc"
