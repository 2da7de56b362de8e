// The Persian catalogue, translations/naqsh_fa.ts, against the sources and the fonts.
//
// - lupdate's view of core/, ui/ and app/ (same options as the update_translations target) must
//   find every message in naqsh_fa.ts, translated and finished, with the same %-placeholders and
//   HTML tags as its source;
// - the catalogue the build embeds (:/i18n/naqsh_fa.qm) must say what naqsh_fa.ts says, so that a
//   stale build or a message filed under the wrong context shows up;
// - every Persian string must lay out with a real glyph for each non-Latin character: with no
//   Arabic-script font Qt draws nothing at all (TOOLCHAIN.md), which a screenshot can hide.
#include "layers/LayerRegistry.h"

#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontInfo>
#include <QGlyphRun>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QProcess>
#include <QRawFont>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextLayout>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace naqsh;

namespace {

const QString kSourceDir = QStringLiteral(NAQSH_SOURCE_DIR);
const QString kCatalogue = kSourceDir + QStringLiteral("/translations/naqsh_fa.ts");
const QString kCompiled = QStringLiteral(":/i18n/naqsh_fa.qm");

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString type; ///< "", "unfinished", "vanished" or "obsolete"
    bool numerus = false;
    QStringList translations; ///< one entry, or the numerus forms

    QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
    bool live() const { return type != u"vanished" && type != u"obsolete"; }
    QString where() const
    {
        QString s = source;
        s.replace(QLatin1Char('\n'), QLatin1String("\\n"));
        return QStringLiteral("%1: \"%2\"").arg(context, s);
    }
};

QVector<TsMessage> readTs(const QString &path, QString *error)
{
    QVector<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"context") {
            context.clear();
        } else if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
            while (xml.readNextStartElement()) { // the children of <message>
                if (xml.name() == u"source") {
                    m.source = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (xml.name() == u"comment") {
                    m.comment = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                } else if (xml.name() == u"translation") {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == u"numerusform")
                                m.translations
                                    << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.translations
                            << xml.readElementText(QXmlStreamReader::IncludeChildElements);
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

/// The sorted %-placeholders of @p text: "%1", "%2", "%n" ("%L1" counts as "%1").
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?(\\d{1,2}|n)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << QLatin1Char('%') + it.next().captured(1);
    out.sort();
    return out;
}

/// The sorted HTML tags of @p text, limited to real HTML so that "<original>" is text.
QStringList htmlTags(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("</?(a|b|br|div|em|h[1-6]|i|li|ol|p|pre|small|span|strong|sub|sup|"
                       "table|td|th|tr|tt|u|ul)\\b[^>]*>"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out << QStringLiteral("<%1%2>").arg(
            match.captured(0).startsWith(QLatin1String("</")) ? QStringLiteral("/") : QString(),
            match.captured(1).toLower());
    }
    out.sort();
    return out;
}

bool hasArabicScript(const QString &text)
{
    for (const QChar c : text)
        if (c.script() == QChar::Script_Arabic)
            return true;
    return false;
}

/// What the glyph check looks at: the text with every Latin or ASCII character and every
/// invisible format character (ZWNJ, bidi marks) turned into a space. Spaces and ZWNJ both stop
/// Arabic-script joining, so the Persian words shape exactly as in the full string.
QString nonLatinPart(QString text, bool richText)
{
    if (richText)
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    for (QChar &c : text) {
        if (c.unicode() < 0x80 || c.script() == QChar::Script_Latin ||
            c.category() == QChar::Other_Format)
            c = QLatin1Char(' ');
    }
    return text;
}

/// Lays @p text out right to left in @p font; returns false if any glyph is missing (index 0).
bool laysOut(const QString &text, const QFont &font, QStringList *fonts = nullptr)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setTextDirection(Qt::RightToLeft);
    option.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
        line.setLineWidth(1.0e6);
    layout.endLayout();
    bool ok = true;
    for (const QGlyphRun &run : layout.glyphRuns()) {
        if (fonts && !fonts->contains(run.rawFont().familyName()))
            *fonts << run.rawFont().familyName();
        for (quint32 index : run.glyphIndexes())
            if (index == 0)
                ok = false;
    }
    return ok;
}

QString lupdatePath()
{
    const QStringList candidates{
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate"),
        QStringLiteral("/usr/lib/qt6/bin/lupdate"), // Debian; /usr/bin/lupdate is Qt 5's and fails
    };
    for (const QString &c : candidates)
        if (QFileInfo(c).isExecutable())
            return c;
    return {};
}

QString report(const QStringList &problems, int shown = 40)
{
    QStringList head = problems.mid(0, shown);
    if (problems.size() > shown)
        head << QStringLiteral("... and %1 more (see the QWARN lines above)")
                    .arg(problems.size() - shown);
    return QStringLiteral("%1 problem(s):\n  ").arg(problems.size()) +
           head.join(QStringLiteral("\n  "));
}

void warnAll(const QStringList &problems)
{
    for (const QString &p : problems)
        qWarning("%s", qPrintable(p));
}

} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void catalogueCoversSources();
    void placeholdersAndTagsMatch();
    void compiledCatalogueMatches();
    void layerRegistryIsTranslated();
    void ruleErrorsAreTranslated();
    void persianTextHasGlyphs();
    void cleanupTestCase();

private:
    QVector<TsMessage> m_catalogue;
    QTranslator m_translator;
    bool m_installed = false;
};

void tst_Translations::initTestCase()
{
    QString error;
    m_catalogue = readTs(kCatalogue, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(!m_catalogue.isEmpty(), "naqsh_fa.ts holds no messages");
}

void tst_Translations::cleanupTestCase()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

// lupdate's view of the sources against the catalogue: nothing missing, unfinished or empty.
void tst_Translations::catalogueCoversSources()
{
    const QString lupdate = lupdatePath();
    if (lupdate.isEmpty())
        QSKIP("Qt 6 lupdate is not installed (qt6-tools-dev)");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_fa.ts"));
    QProcess p;
    p.setWorkingDirectory(kSourceDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    // The options of qt_add_translations(... LUPDATE_OPTIONS) in ui/CMakeLists.txt.
    p.start(lupdate,
            {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
             QStringLiteral("-target-language"), QStringLiteral("fa_IR"), QStringLiteral("core"),
             QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("-ts"), fresh});
    // lupdate takes well under a second; a minute means it is stuck (Qt 6.4 loops on some inputs).
    QVERIFY2(p.waitForFinished(60000),
             qPrintable(QStringLiteral("lupdate did not finish in 60 s: %1").arg(p.errorString())));
    const QString output = QString::fromLocal8Bit(p.readAll());
    QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(output));

    QString error;
    const QVector<TsMessage> sources = readTs(fresh, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(
        sources.size() > 100,
        qPrintable(
            QStringLiteral("lupdate found only %1 messages:\n%2").arg(sources.size()).arg(output)));

    QHash<QString, const TsMessage *> catalogue;
    for (const TsMessage &m : std::as_const(m_catalogue))
        if (m.live())
            catalogue.insert(m.key(), &m);

    QStringList problems;
    QSet<QString> contexts;
    for (const TsMessage &s : sources) {
        contexts.insert(s.context);
        const TsMessage *m = catalogue.value(s.key());
        if (!m) {
            problems << QStringLiteral("missing      %1").arg(s.where());
            continue;
        }
        if (m->type == u"unfinished") {
            problems << QStringLiteral("unfinished   %1").arg(s.where());
            continue;
        }
        if (m->numerus != s.numerus) {
            problems << QStringLiteral("numerus?     %1").arg(s.where());
            continue;
        }
        bool empty = m->translations.isEmpty();
        for (const QString &t : m->translations)
            empty = empty || t.trimmed().isEmpty();
        if (empty)
            problems << QStringLiteral("empty        %1").arg(s.where());
    }
    qInfo("lupdate sees %d messages in %d contexts", int(sources.size()), int(contexts.size()));
    warnAll(problems);
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(QStringLiteral("naqsh_fa.ts is behind the sources; in %1 run `%2 -no-obsolete "
                                  "-locations none core ui app -ts translations/naqsh_fa.ts` and "
                                  "translate: ")
                       .arg(kSourceDir, lupdate) +
                   report(problems)));
}

void tst_Translations::placeholdersAndTagsMatch()
{
    QStringList problems;
    for (const TsMessage &m : std::as_const(m_catalogue)) {
        if (!m.live() || m.type == u"unfinished")
            continue;
        const QStringList want = placeholders(m.source);
        const QStringList tags = htmlTags(m.source);
        for (const QString &t : m.translations) {
            if (placeholders(t) != want)
                problems << QStringLiteral("%1\n      placeholders %2 in the source, %3 in \"%4\"")
                                .arg(m.where(), want.join(QLatin1Char(' ')),
                                     placeholders(t).join(QLatin1Char(' ')), t);
            if (htmlTags(t) != tags)
                problems << QStringLiteral("%1\n      HTML tags %2 in the source, %3 in \"%4\"")
                                .arg(m.where(), tags.join(QLatin1Char(' ')),
                                     htmlTags(t).join(QLatin1Char(' ')), t);
        }
    }
    warnAll(problems);
    QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
}

// The .qm the build embeds says what naqsh_fa.ts says, and the application resolves it.
void tst_Translations::compiledCatalogueMatches()
{
    QVERIFY2(QFile::exists(kCompiled),
             "the build does not embed :/i18n/naqsh_fa.qm (qt_add_translations on naqsh_ui)");
    QVERIFY2(m_translator.load(kCompiled), "QTranslator cannot load :/i18n/naqsh_fa.qm");
    QVERIFY(!m_translator.isEmpty());
    QCOMPARE(m_translator.language(), QStringLiteral("fa_IR"));
    // What the application sees once the translator is installed (Language::apply does this).
    QCoreApplication::installTranslator(&m_translator);
    m_installed = true;

    QStringList problems;
    int checked = 0;
    for (const TsMessage &m : std::as_const(m_catalogue)) {
        if (!m.live() || m.type == u"unfinished" || m.translations.isEmpty())
            continue;
        const QByteArray ctx = m.context.toUtf8(), src = m.source.toUtf8(),
                         cmt = m.comment.toUtf8();
        const QString got =
            m_translator.translate(ctx.constData(), src.constData(),
                                   cmt.isEmpty() ? nullptr : cmt.constData(), m.numerus ? 2 : -1);
        ++checked;
        if (got != m.translations.first())
            problems << QStringLiteral("%1\n      naqsh_fa.ts: \"%2\"\n      naqsh_fa.qm: \"%3\"")
                            .arg(m.where(), m.translations.first(), got);
    }
    warnAll(problems);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("the embedded naqsh_fa.qm is stale; rebuild naqsh_ui. ") +
                        report(problems)));
    QVERIFY(checked > 100);

    struct Sample
    {
        const char *context, *source;
    };
    const Sample samples[] = {
        {"naqsh::layers", "Convolution"},
        {"naqsh::layers", "Kernel height"},
        {"naqsh::layers", "Pooling"},
        {"naqsh::layers", "Normalization"},
        {"naqsh::layers", "kernel %1 is larger than the padded input %2 (%3)"},
        {"naqsh::Explain", "Activation memory"},
        {"naqsh::Report", "Output shape"},
        {"naqsh::Notes", "Representational bottleneck"},
        {"naqsh::Cli", "analyze takes exactly one file"},
        {"naqsh::MainWindow", "&File"},
    };
    for (const Sample &s : samples) {
        const QString got = QCoreApplication::translate(s.context, s.source);
        QVERIFY2(got != QLatin1String(s.source) && hasArabicScript(got),
                 qPrintable(QStringLiteral("%1 \"%2\" -> \"%3\"")
                                .arg(QLatin1String(s.context), QString::fromUtf8(s.source), got)));
    }
    // Plurals: Persian has one form, and %n is filled in.
    const QString moved =
        QCoreApplication::translate("naqsh::Commands", "Move %n layer(s)", nullptr, 3);
    QVERIFY2(hasArabicScript(moved) && moved.contains(QLatin1Char('3')) &&
                 !moved.contains(QLatin1String("%n")),
             qPrintable(moved));
    const QString one =
        QCoreApplication::translate("naqsh::Commands", "Move %n layer(s)", nullptr, 1);
    QVERIFY2(hasArabicScript(one) && one.contains(QLatin1Char('1')), qPrintable(one));
}

// Every literal of the registry resolves at run time in its own context, the way the palette,
// inspector and tables ask for it.
void tst_Translations::layerRegistryIsTranslated()
{
    if (!m_installed)
        QSKIP("needs the compiled catalogue (:/i18n/naqsh_fa.qm did not load)");
    QHash<QString, QString> expected;
    for (const TsMessage &m : std::as_const(m_catalogue))
        if (m.context == u"naqsh::layers" && m.live() && !m.translations.isEmpty())
            expected.insert(m.source, m.translations.first());

    QStringList problems;
    auto check = [&](const QString &type, const char *what, const char *literal) {
        if (!literal || !*literal)
            return;
        const QString source = QString::fromUtf8(literal);
        const QString got = layerTr(literal);
        if (!expected.contains(source))
            problems << QStringLiteral("%1 %2 \"%3\" is not in naqsh::layers of naqsh_fa.ts")
                            .arg(type, QLatin1String(what), source);
        else if (got != expected.value(source))
            problems << QStringLiteral("%1 %2 \"%3\" resolves to \"%4\"")
                            .arg(type, QLatin1String(what), source, got);
    };
    int types = 0;
    for (const LayerType &t : LayerRegistry::builtin().types()) {
        ++types;
        check(t.id, "name", t.displayName);
        check(t.id, "short name", t.shortName);
        check(t.id, "category", t.category);
        check(t.id, "help", t.help);
        for (const ParamSpec &p : t.params) {
            check(t.id, "parameter label", p.label);
            check(t.id, "parameter help", p.help);
            for (const char *c : p.choiceLabels)
                check(t.id, "choice", c);
        }
        // Categories read Persian in the palette, unless the category shares its literal with a
        // code-like type name that stays Latin ("Linear" is both).
        if (qstrcmp(t.category, t.displayName) != 0)
            QVERIFY2(hasArabicScript(t.translatedCategory()),
                     qPrintable(t.id + QStringLiteral(": ") + t.translatedCategory()));
        QVERIFY2(hasArabicScript(t.translatedHelp()),
                 qPrintable(t.id + QStringLiteral(": ") + t.translatedHelp()));
    }
    QVERIFY(types > 10);
    warnAll(problems);
    QVERIFY2(problems.isEmpty(), qPrintable(report(problems)));
}

// A shape rule's error reaches the student in Persian, both the family files' own messages and
// the shared checks in core/layers/RuleHelpers.h (which must use the literal context
// "naqsh::layers" so that lupdate files them where they are looked up).
void tst_Translations::ruleErrorsAreTranslated()
{
    if (!m_installed)
        QSKIP("needs the compiled catalogue (:/i18n/naqsh_fa.qm did not load)");
    const LayerType *conv = LayerRegistry::builtin().find(u"conv2d");
    QVERIFY(conv && conv->shape);

    // A message the family file translates itself, in context naqsh::layers: Persian already.
    const TensorShape small = TensorShape::nchw(1, 3, 2, 2);
    const ShapeResult tooSmall =
        conv->shape(conv->defaultParams(), std::span<const TensorShape>(&small, 1), RuleContext{});
    QVERIFY2(!tooSmall.isOk() && hasArabicScript(tooSmall.error), qPrintable(tooSmall.error));

    // A message from RuleHelpers.h ("%1 has no input: connect a layer to it").
    const ShapeResult noInput = conv->shape(conv->defaultParams(), {}, RuleContext{});
    QVERIFY(!noInput.isOk());
    QVERIFY2(hasArabicScript(noInput.error), qPrintable(noInput.error));
}

// Every Persian string lays out with a real glyph for every non-Latin character.
void tst_Translations::persianTextHasGlyphs()
{
    QFont font = QGuiApplication::font();
    QStringList families{font.family()};
    for (const char *f : {"Vazirmatn", "Noto Sans Arabic", "DejaVu Sans"})
        if (!families.contains(QLatin1String(f)))
            families << QLatin1String(f);
    font.setFamilies(families);

    // The check itself must be able to fail: an unassigned code point has no glyph anywhere.
    QVERIFY2(!laysOut(QString(QChar(0x0378)), font), "a missing glyph is not detected");

    QStringList problems, fonts;
    int checked = 0;
    for (const TsMessage &m : std::as_const(m_catalogue)) {
        if (!m.live())
            continue;
        for (const QString &t : m.translations) {
            const bool rich = !htmlTags(t).isEmpty();
            const QString text = nonLatinPart(t, rich);
            if (text.trimmed().isEmpty())
                continue; // Latin only: "ReLU", "Conv2d", "%1: %2"
            ++checked;
            if (laysOut(text, font, &fonts))
                continue;
            QStringList missing;
            for (const QChar c : text)
                if (!c.isSpace() && !laysOut(QString(c), font)) {
                    const QString cp =
                        QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
                    if (!missing.contains(cp))
                        missing << cp;
                }
            problems << QStringLiteral("%1\n      \"%2\" has no glyph for %3")
                            .arg(m.where(), t,
                                 missing.isEmpty() ? QStringLiteral("a joined form")
                                                   : missing.join(QLatin1Char(' ')));
        }
    }
    qInfo("checked %d Persian strings in %s (fonts used: %s)", checked,
          qPrintable(QFontInfo(font).family()), qPrintable(fonts.join(QStringLiteral(", "))));
    QVERIFY2(checked > 100, "too few Persian strings: is naqsh_fa.ts translated?");
    warnAll(problems);
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral(
                            "install an Arabic-script font (fonts-dejavu-core, fonts-noto-core, "
                            "fonts-farsiweb). ") +
                        report(problems)));
}

QTEST_MAIN(tst_Translations)
#include "tst_Translations.moc"
