// The charts' SVG export in Persian, as other programs show it: each run of text written with
// its direction where Qt drew it, so that librsvg (rsvg-convert) puts Persian words, digits,
// spaces, brackets and the × of "۹٫۶۸× کمتر" where Naqsh's own PNG of the same chart has them.
// The rendering half is skipped when rsvg-convert is not installed.
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "compare/ChartsPanel.h"
#include "compare/ComparePanel.h"
#include "layers/LayerRegistry.h"

#include <QApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>
#include <qcustomplot.h>

using namespace naqsh;

namespace {

struct SvgLine
{
    QString text;
    double x = 0, y = 0, size = 0;
    QString direction, bidi, anchor, space, transform;
};

QVector<SvgLine> svgLines(const QByteArray &svg)
{
    QVector<SvgLine> out;
    QXmlStreamReader xml(svg);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != QLatin1String("text"))
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        SvgLine l;
        l.x = a.value(QLatin1String("x")).toDouble();
        l.y = a.value(QLatin1String("y")).toDouble();
        l.size = a.value(QLatin1String("font-size")).toDouble();
        l.direction = a.value(QLatin1String("direction")).toString();
        l.bidi = a.value(QLatin1String("unicode-bidi")).toString();
        l.anchor = a.value(QLatin1String("text-anchor")).toString();
        l.space = a.value(QLatin1String("xml:space")).toString();
        l.transform = a.value(QLatin1String("transform")).toString();
        l.text = xml.readElementText();
        out << l;
    }
    return out;
}

/// Holds a Persian letter (Persian digits are of the Arabic script too, but run left to right).
bool isPersian(const QString &s)
{
    return std::any_of(s.begin(), s.end(),
                       [](QChar c) { return c.isLetter() && c.script() == QChar::Script_Arabic; });
}

/// The columns of @p rows holding a dark pixel.
QVector<bool> inkColumns(const QImage &image, int top, int bottom)
{
    QVector<bool> ink(image.width(), false);
    for (int x = 0; x < image.width(); ++x)
        for (int y = qMax(0, top); y <= qMin(bottom, image.height() - 1); ++y)
            if (qGray(image.pixel(x, y)) < 128 && qAlpha(image.pixel(x, y)) > 128) {
                ink[x] = true;
                break;
            }
    return ink;
}

/// Ink columns of @p a with no ink in @p b within @p slack columns.
int unmatched(const QVector<bool> &a, const QVector<bool> &b, int slack)
{
    int n = 0;
    for (int x = 0; x < a.size(); ++x) {
        if (!a[x])
            continue;
        bool found = false;
        for (int d = -slack; d <= slack && !found; ++d)
            found = x + d >= 0 && x + d < b.size() && b[x + d];
        n += !found;
    }
    return n;
}

} // namespace

class tst_ChartExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void persianSvg_data();
    void persianSvg();
    void wrappedTitleFitsFirstExport();

private:
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<LayerSelection> m_selection;
    std::unique_ptr<DisplayContext> m_display;
    std::unique_ptr<ComparePanel> m_compare;
    std::unique_ptr<ChartsPanel> m_charts;
    QTranslator m_translator;
};

void tst_ChartExport::initTestCase()
{
    // The app in Persian: its catalogue, right-to-left layout, Persian digits.
    QVERIFY(m_translator.load(QStringLiteral(":/i18n/naqsh_fa.qm")));
    QCoreApplication::installTranslator(&m_translator);
    QApplication::setLayoutDirection(Qt::RightToLeft);
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_selection = std::make_unique<LayerSelection>();
    m_display = std::make_unique<DisplayContext>();
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    m_compare = std::make_unique<ComparePanel>(m_doc.get(), m_selection.get(), m_display.get());
    m_charts = std::make_unique<ChartsPanel>(m_doc.get(), m_display.get());
    connect(m_compare.get(), &ComparePanel::pairChanged, m_charts.get(), &ChartsPanel::setPair);
    // A variant named in Persian: the legend mixes "A ·" with Persian words and digits.
    m_compare->renameVariant(0, QString::fromUtf8("ساده (۵×۵)"));
    m_charts->resize(900, 300); // the dock's strip; the export asks for a slide's 16:9
    m_charts->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_charts.get()));
}

void tst_ChartExport::cleanupTestCase()
{
    m_charts.reset();
    m_compare.reset();
    m_display.reset();
    m_selection.reset();
    m_doc.reset();
    QCoreApplication::removeTranslator(&m_translator);
    QApplication::setLayoutDirection(Qt::LeftToRight);
}

void tst_ChartExport::persianSvg_data()
{
    // Words of one line, from right to left as Qt draws them.
    QTest::addColumn<int>("chart");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("totals") << int(ChartsPanel::Chart::Bars)
                            << QString::fromUtf8("پارامترها ۹٫۶۸ × کمتر").split(u' ');
    QTest::newRow("per layer") << int(ChartsPanel::Chart::Stacked)
                               << QString::fromUtf8("FLOPs ، لایه به").split(u' ');
    QTest::newRow("sweep") << int(ChartsPanel::Chart::Sweep)
                           << QString::fromUtf8("سربه‌سر ≈ ۱۵۴٫۸").split(u' ');
}

void tst_ChartExport::persianSvg()
{
    QFETCH(int, chart);
    QFETCH(QStringList, words);
    const QSize size(1280, 720);
    QTemporaryDir dir;
    const QString svgPath = dir.filePath(QStringLiteral("chart.svg"));
    const QString pngPath = dir.filePath(QStringLiteral("chart.png"));
    QString error;
    QVERIFY2(m_charts->exportChart(ChartsPanel::Chart(chart), svgPath, 96, size, &error),
             qPrintable(error));
    QVERIFY2(m_charts->exportChart(ChartsPanel::Chart(chart), pngPath, 96, size, &error),
             qPrintable(error));
    QFile file(svgPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();

    // As large as the PNG: 1 user unit is one pixel, the size in pixels (was 1,707 px wide).
    QVERIFY2(svg.contains("<svg width=\"1280\" height=\"720\""), svg.left(300).constData());
    QCOMPARE(QSvgRenderer(svg).viewBox(), QRect(QPoint(0, 0), size));
    // Every word: with its run's direction, drawn strictly in it, from its start edge.
    const QVector<SvgLine> lines = svgLines(svg);
    QVERIFY(lines.size() > 10);
    for (const SvgLine &l : lines) {
        QCOMPARE(l.space, QStringLiteral("preserve"));
        QCOMPARE(l.bidi, QStringLiteral("bidi-override"));
        QCOMPARE(l.anchor, QStringLiteral("start"));
        if (isPersian(l.text))
            QCOMPARE(l.direction, QStringLiteral("rtl"));
    }
    // The words of one line in Qt's order, right to left: each starts (its right edge when
    // right to left, its left edge when not) at or left of where the one before it starts.
    QVector<const SvgLine *> line;
    for (const SvgLine &first : lines) {
        if (!first.text.contains(words.first()))
            continue;
        line.clear();
        for (const QString &word : std::as_const(words)) {
            const auto it = std::find_if(lines.begin(), lines.end(), [&](const SvgLine &l) {
                return l.text.contains(word) && l.y == first.y;
            });
            if (it != lines.end())
                line << &*it;
        }
        if (line.size() == words.size())
            break;
    }
    QVERIFY2(line.size() == words.size(), qPrintable(words.join(u' ')));
    for (qsizetype i = 1; i < line.size(); ++i)
        QVERIFY2(line[i]->x <= line[i - 1]->x + 0.5,
                 qPrintable(QStringLiteral("'%1' at %2, '%3' at %4")
                                .arg(line[i - 1]->text)
                                .arg(line[i - 1]->x)
                                .arg(line[i]->text)
                                .arg(line[i]->x)));

    // Persian digits in the tick labels and values; no Latin number ("1×1", a layer's name, is
    // Latin in Persian too, but it is one digit a run).
    const QString digits = QString::fromUtf8("۰۱۲۳۴۵۶۷۸۹");
    static const QRegularExpression latinNumber(QStringLiteral("[0-9][0-9٫٬.,]*[0-9]"));
    int persianDigits = 0;
    for (const SvgLine &l : lines) {
        if (std::any_of(l.text.begin(), l.text.end(), [&](QChar c) { return digits.contains(c); }))
            ++persianDigits;
        if (!l.text.contains(QLatin1String("fp32")))
            QVERIFY2(!latinNumber.match(l.text).hasMatch(), qPrintable(l.text));
    }
    QVERIFY(persianDigits >= 5);

    const QString rsvg = QStandardPaths::findExecutable(QStringLiteral("rsvg-convert"));
    if (rsvg.isEmpty())
        QSKIP("rsvg-convert (librsvg2-bin) is not installed: the rendering half is skipped");
    QProcess process;
    const QString rendered = dir.filePath(QStringLiteral("librsvg.png"));
    process.start(rsvg, {QStringLiteral("-o"), rendered, svgPath});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    // With NAQSH_SHOTS_DIR set, keep the three pictures for a human to compare.
    const QString shots = qEnvironmentVariable("NAQSH_SHOTS_DIR");
    if (!shots.isEmpty())
        for (const QString &f : {svgPath, pngPath, rendered})
            QFile::copy(f, QStringLiteral("%1/chart-fa-%2-%3")
                               .arg(shots,
                                    QString::fromLatin1(QTest::currentDataTag())
                                        .replace(QLatin1Char(' '), QLatin1Char('-')),
                                    QFileInfo(f).fileName()));
    const QImage librsvg = QImage(rendered).convertToFormat(QImage::Format_ARGB32);
    const QImage qt = QImage(pngPath).convertToFormat(QImage::Format_ARGB32);
    QCOMPARE(librsvg.size(), qt.size());

    // Each line holding Persian text (the titles, the sweep's notes, the legend): the band from
    // its ascent to its descent has ink in the same columns in librsvg as in Qt's PNG, give or
    // take the 3 px that their different hinting of the same fonts makes over a line (at most 3
    // columns of a line were off; QSvgGenerator's runs left 12 of the totals' subtitle
    // "پارامترها ۹٫۶۸× کمتر" without ink nearby, and 7 the other way).
    QSet<int> baselines;
    for (const SvgLine &l : lines)
        if (isPersian(l.text) && l.transform.isEmpty())
            baselines.insert(qRound(l.y));
    QVERIFY(!baselines.isEmpty());
    for (int y : std::as_const(baselines)) {
        const QVector<bool> want = inkColumns(qt, y - 11, y + 3);
        const QVector<bool> got = inkColumns(librsvg, y - 11, y + 3);
        const int missing = unmatched(want, got, 3), extra = unmatched(got, want, 3);
        const int inked = int(std::count(want.begin(), want.end(), true));
        const QString what =
            QStringLiteral("line at y=%1: %2 inked columns in Qt's PNG, %3 of them "
                           "without librsvg ink nearby, %4 the other way")
                .arg(y)
                .arg(inked)
                .arg(missing)
                .arg(extra);
        QVERIFY2(inked > 10, qPrintable(what));
        QVERIFY2(missing <= 4 && extra <= 4, qPrintable(what));
    }
}

void tst_ChartExport::wrappedTitleFitsFirstExport()
{
    // The sweep's wrapped titles took their height from the dock's width on the first export at
    // another size: 1280 px wide, each one-line title had the room of several lines.
    m_charts->resize(700, 300);
    QCoreApplication::processEvents();
    QCustomPlot *plot = m_charts->sweepPlot();
    plot->replot();
    QTemporaryDir dir;
    QString error;
    const QString first = dir.filePath(QStringLiteral("first.png"));
    const QString second = dir.filePath(QStringLiteral("second.png"));
    QVERIFY(m_charts->exportChart(ChartsPanel::Chart::Sweep, first, 96, {1280, 720}, &error));
    QVERIFY(m_charts->exportChart(ChartsPanel::Chart::Sweep, second, 96, {1280, 720}, &error));
    QCOMPARE(QImage(first), QImage(second));
}

QTEST_MAIN(tst_ChartExport)
#include "tst_ChartExport.moc"
