// Cost-table exports: CSV, Markdown, LaTeX and HTML for the lesson. Expected numbers are the
// hand figures of ../shared/REFERENCE-NUMBERS.md, typed in here.
#include "analysis/AnalysisEngine.h"
#include "analysis/VariantSummary.h"
#include "io/NaqshFile.h"
#include "io/TableExport.h"
#include "layers/LayerRegistry.h"

#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace naqsh;

namespace {

/// Stands in for the Persian .qm (whose entries the translators add later): translates a few
/// "naqsh::Report" strings, so that the test sees headers go through the translator.
class FakePersian : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "naqsh::Report") != 0)
            return {};
        static const QHash<QByteArray, QString> words{
            {"Layer", QString::fromUtf8("لایه")},
            {"Params", QString::fromUtf8("پارامترها")},
            {"Total", QString::fromUtf8("جمع")},
            {"Quantity", QString::fromUtf8("کمیت")},
        };
        return words.value(source);
    }
    bool isEmpty() const override { return false; }
};

/// RFC 4180 fields of one CSV line (quotes and doubled quotes).
QStringList csvFields(const QString &line)
{
    QStringList fields;
    QString cur;
    bool quoted = false;
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cur += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << cur;
            cur.clear();
        } else {
            cur += c;
        }
    }
    fields << cur;
    return fields;
}

const QString kPersianMacs = QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰");

} // namespace

class tst_TableExport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void csvHasBomAndParsesBack();
    void csvStaysMachineReadableInPersian();
    void markdownRows();
    void latexRows();
    void latexEscapesSpecials();
    void htmlPage();
    void persianHumanFormats();
    void comparison();
    void errorsAndFormats();

private:
    TableExportOptions options(bool persian = false) const;
    Graph m_lesson;
    AnalysisResult m_result;
};

void tst_TableExport::initTestCase()
{
    const auto r =
        NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"),
                        LayerRegistry::builtin());
    QVERIFY2(r.ok(), qPrintable(r.error));
    m_lesson = r.graph;
    m_result = AnalysisEngine::analyze(m_lesson, LayerRegistry::builtin());
    QCOMPARE(m_result.errorCount, 0);
}

TableExportOptions tst_TableExport::options(bool persian) const
{
    TableExportOptions o;
    o.report.modelName = m_lesson.name;
    if (persian) {
        o.report.format = NumberFormat(QLocale(QLocale::Persian, QLocale::Iran));
        o.language = QStringLiteral("fa");
    }
    return o;
}

void tst_TableExport::csvHasBomAndParsesBack()
{
    const QByteArray bytes =
        TableExport::csv(m_lesson, LayerRegistry::builtin(), m_result, options());
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QLatin1Char('\n'));
    QCOMPARE(csvFields(lines[0]),
             (QStringList{"Layer", "Type", "Output shape", "Params", "MACs", "FLOPs",
                          "Activations (elements)", "Share", "Error"}));
    QHash<QString, QStringList> rows;
    int i = 1;
    for (; i < lines.size() && !lines[i].isEmpty(); ++i) {
        const QStringList f = csvFields(lines[i]);
        QCOMPARE(f.size(), 9);
        rows.insert(f[0], f);
    }
    QCOMPARE(rows.size(), 7); // six layers and the totals
    const QStringList conv = rows.value(QStringLiteral("conv5x5"));
    QCOMPARE(conv[1], QStringLiteral("Conv2d"));
    QCOMPARE(conv[2], QString::fromUtf8("1×32×28×28"));
    QCOMPARE(conv[3].toLongLong(), 153600);
    QCOMPARE(conv[4].toLongLong(), 120422400);
    QCOMPARE(conv[5].toLongLong(), 240844800);
    QCOMPARE(conv[6].toLongLong(), 25088);
    const QStringList reduce = rows.value(QStringLiteral("reduce1x1"));
    QCOMPARE(reduce[3].toLongLong(), 3072);
    QCOMPARE(reduce[4].toLongLong(), 2408448);
    QCOMPARE(reduce[6].toLongLong(), 12544);
    const QStringList after = rows.value(QStringLiteral("conv5x5_after_1x1"));
    QCOMPARE(after[3].toLongLong(), 12800);
    QCOMPARE(after[4].toLongLong(), 10035200);
    const QStringList total = rows.value(QStringLiteral("Total"));
    QCOMPARE(total[3].toLongLong(), 153600 + 15872);
    QCOMPARE(total[4].toLongLong(), 120422400 + 12443648);
    QCOMPARE(total[5].toLongLong(), 2 * (120422400 + 12443648));
    QCOMPARE(total[6].toLongLong(), 263424);
    // Share is a plain fraction of the FLOPs: 240,844,800 / 265,732,096.
    QVERIFY(qAbs(conv[7].toDouble() - 240844800.0 / 265732096.0) < 1e-6);
    // After an empty line, the caption names the convention and the dtype.
    QVERIFY(i + 1 < lines.size());
    const QString caption = csvFields(lines[i + 1]).first();
    QVERIFY2(caption.contains(QStringLiteral(
                 "Convention: FLOPs = 2×MACs + other operations; activations in fp32.")),
             qPrintable(caption));
}

void tst_TableExport::csvStaysMachineReadableInPersian()
{
    FakePersian fa;
    QCoreApplication::installTranslator(&fa);
    const QString text = QString::fromUtf8(
        TableExport::csv(m_lesson, LayerRegistry::builtin(), m_result, options(true)));
    QCoreApplication::removeTranslator(&fa);
    QVERIFY(text.contains(QString::fromUtf8("لایه,"))); // headers are Persian...
    QVERIFY(
        text.contains(QStringLiteral(",153600,120422400,240844800,25088,"))); // ...numbers are not
    QVERIFY(!text.contains(QString::fromUtf8("۱")));
    QVERIFY(!text.contains(kPersianMacs));
}

void tst_TableExport::markdownRows()
{
    const QString md =
        TableExport::markdown(m_lesson, LayerRegistry::builtin(), m_result, options());
    QVERIFY(md.startsWith(
        QString::fromUtf8("**5×5 vs 1×1 → 5×5 (lesson)**\n\n| Layer | Type | Output shape | Params "
                          "| MACs | FLOPs | Activations (elements) | Share |\n")));
    QVERIFY(md.contains(QStringLiteral("|---|---|---|---:|---:|---:|---:|---:|\n")));
    QVERIFY2(md.contains(QString::fromUtf8("| conv5x5 | Conv2d | 1×32×28×28 | 153,600 | "
                                           "120,422,400 | 240,844,800 | 25,088 | 90.6% |\n")),
             qPrintable(md));
    QVERIFY(md.contains(QString::fromUtf8(
        "| reduce1x1 | Conv2d | 1×16×28×28 | 3,072 | 2,408,448 | 4,816,896 | 12,544 | 1.8% |\n")));
    QVERIFY(md.contains(QStringLiteral("| **Total** |  |  | **169,472** | **132,866,048** | "
                                       "**265,732,096** | **263,424** | **100.0%** |\n")));
    QVERIFY(md.contains(
        QString::fromUtf8("Convention: FLOPs = 2×MACs + other operations; activations in fp32.")));
}

void tst_TableExport::latexRows()
{
    const QString tex = TableExport::latex(m_lesson, LayerRegistry::builtin(), m_result, options());
    QVERIFY(tex.contains(QStringLiteral("\\usepackage{booktabs}")));
    QVERIFY(tex.startsWith(
        QString::fromUtf8("% Naqsh cost table: 5×5 vs 1×1 → 5×5 (lesson)\n% Generated by Naqsh.")));
    QVERIFY(!tex.contains(QStringLiteral("%%")));
    QVERIFY(tex.contains(QStringLiteral("\\begin{table}[htbp]")));
    QVERIFY(tex.contains(QStringLiteral(
        "\\begin{tabular}{lllrrrrr}\n    \\toprule\n    Layer & Type & Output shape "
        "& Params & MACs & FLOPs & Activations (elements) & Share \\\\\n    \\midrule\n")));
    QVERIFY2(tex.contains(QStringLiteral(
                 "    conv5x5 & Conv2d & 1\\texttimes{}32\\texttimes{}28\\texttimes{}28 & 153,600 "
                 "& 120,422,400 & 240,844,800 & 25,088 & 90.6\\% \\\\\n")),
             qPrintable(tex));
    QVERIFY(tex.contains(
        QStringLiteral("    conv5x5\\_after\\_1x1 & Conv2d & "
                       "1\\texttimes{}32\\texttimes{}28\\texttimes{}28 & 12,800 & 10,035,200 &")));
    QVERIFY(tex.contains(
        QStringLiteral("    \\textbf{Total} &  &  & \\textbf{169,472} & \\textbf{132,866,048} & "
                       "\\textbf{265,732,096} & \\textbf{263,424} & \\textbf{100.0\\%} \\\\\n    "
                       "\\bottomrule\n")));
    QVERIFY(tex.contains(QStringLiteral(
        "\\caption{5\\texttimes{}5 vs 1\\texttimes{}1 \\textrightarrow{} 5\\texttimes{}5 (lesson). "
        "Convention: FLOPs = 2\\texttimes{}MACs + other operations; activations in fp32.}")));
    QVERIFY(tex.contains(QStringLiteral("\\label{tab:naqsh-5-5-vs-1-1-5-5-lesson}")));
    QCOMPARE(tex.count(QStringLiteral("\\begin{")), tex.count(QStringLiteral("\\end{")));
    QVERIFY(!tex.contains(QStringLiteral("xepersian"))); // English needs no XeLaTeX
}

void tst_TableExport::latexEscapesSpecials()
{
    Graph g = m_lesson;
    g.name = QStringLiteral("a_b & c% #1 $x$ {y} ~z^ \\w");
    g.mutableLayer(g.findByName(QStringLiteral("conv5x5")))->name = QStringLiteral("big_conv&co");
    const AnalysisResult r = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    TableExportOptions o;
    o.report.modelName = g.name;
    const QString tex = TableExport::latex(g, LayerRegistry::builtin(), r, o);
    QVERIFY2(tex.contains(QStringLiteral(
                 "\\caption{a\\_b \\& c\\% \\#1 \\$x\\$ \\{y\\} "
                 "\\textasciitilde{}z\\textasciicircum{} \\textbackslash{}w. Convention:")),
             qPrintable(tex));
    QVERIFY(tex.contains(QStringLiteral("    big\\_conv\\&co & Conv2d &")));
}

void tst_TableExport::htmlPage()
{
    TableExportOptions o = options();
    o.diagramSvg = QByteArrayLiteral(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n");
    const QString page = TableExport::html(m_lesson, LayerRegistry::builtin(), m_result, o);
    QVERIFY(page.startsWith(QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">")));
    QVERIFY(page.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(page.contains(
        QStringLiteral("<figure class=\"diagram\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"")));
    QVERIFY(!page.contains(QStringLiteral("<?xml"))); // the prolog is dropped inside HTML
    QVERIFY(page.contains(QStringLiteral("<table>")));
    QVERIFY(page.contains(QStringLiteral(
        "<th>Layer</th><th>Type</th><th>Output shape</th><th class=\"num\">Params</th>")));
    QVERIFY2(
        page.contains(QString::fromUtf8(
            "<tr><td><bdi>conv5x5</bdi></td><td><bdi>Conv2d</bdi></td><td><span class=\"shape\" "
            "dir=\"ltr\">1×32×28×28</span></td><td "
            "class=\"num\">153,600</td><td class=\"num\">120,422,400</td>")),
        qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("<tfoot>\n<tr><td>Total</td>")));
    QVERIFY(page.contains(QString::fromUtf8(
        "<caption>Convention: FLOPs = 2×MACs + other operations; activations in fp32.</caption>")));
    QVERIFY(page.contains(QString::fromUtf8("<h1><bdi>5×5 vs 1×1 → 5×5 (lesson)</bdi></h1>")));
    QVERIFY(!page.contains(QStringLiteral("<script"))); // standalone and static
    QVERIFY(page.trimmed().endsWith(QStringLiteral("</html>")));
}

void tst_TableExport::persianHumanFormats()
{
    FakePersian fa;
    QCoreApplication::installTranslator(&fa);
    const TableExportOptions o = options(true);
    const QString md = TableExport::markdown(m_lesson, LayerRegistry::builtin(), m_result, o);
    const QString tex = TableExport::latex(m_lesson, LayerRegistry::builtin(), m_result, o);
    const QString page = TableExport::html(m_lesson, LayerRegistry::builtin(), m_result, o);
    QCoreApplication::removeTranslator(&fa);

    const QString shape = QString::fromUtf8("۱×۳۲×۲۸×۲۸");
    QVERIFY(md.contains(QString::fromUtf8("| لایه | Type |")));
    QVERIFY2(md.contains(QStringLiteral("| conv5x5 | Conv2d | ") + QChar(0x2066) + shape +
                         QChar(0x2069) + QString::fromUtf8(" | ۱۵۳٬۶۰۰ | ") + kPersianMacs +
                         QStringLiteral(" |")),
             qPrintable(md));
    QVERIFY(md.contains(QString::fromUtf8("| **جمع** |")));

    QVERIFY(tex.contains(QString::fromUtf8("لایه & Type")));
    QVERIFY2(tex.contains(QString::fromUtf8(
                              "conv5x5 & Conv2d & "
                              "\\lr{۱\\texttimes{}۳۲\\texttimes{}۲۸\\texttimes{}۲۸} & ۱۵۳٬۶۰۰ & ") +
                          kPersianMacs),
             qPrintable(tex));
    QVERIFY(tex.contains(QStringLiteral("xepersian")));

    QVERIFY(page.contains(QStringLiteral("<html lang=\"fa\" dir=\"rtl\">")));
    QVERIFY(page.contains(QString::fromUtf8("<th>لایه</th>")));
    QVERIFY(page.contains(QStringLiteral("<span class=\"shape\" dir=\"ltr\">") + shape +
                          QStringLiteral("</span>")));
    QVERIFY(page.contains(kPersianMacs));
    QVERIFY(!page.contains(QStringLiteral("120,422,400")));
    // Names the user gave keep their own direction inside the right-to-left page (Chromium showed
    // the title "5×5 vs 1×1 → 5×5 (lesson)" as "vs 1×1 → 5×5 (lesson) 5×5").
    QVERIFY(page.contains(QString::fromUtf8("<h1><bdi>5×5 vs 1×1 → 5×5 (lesson)</bdi></h1>")));
    QVERIFY(
        page.contains(QStringLiteral("<tr><td><bdi>conv5x5</bdi></td><td><bdi>Conv2d</bdi></td>")));
    // An embedded diagram keeps its own digits and spaces (the page's tabular digits would
    // widen them).
    QVERIFY(page.contains(QStringLiteral("figure.diagram svg text { white-space: pre; }")));
    QVERIFY(page.contains(QStringLiteral("font-variant-numeric: normal")));
}

void tst_TableExport::comparison()
{
    Report::CompareInput in;
    in.a = summarizeVariant(m_lesson, m_result, m_lesson.variants[0]); // Plain 5×5
    in.b = summarizeVariant(m_lesson, m_result, m_lesson.variants[1]); // 1×1 then 5×5
    const TableExportOptions o = options();
    const QString md = TableExport::compareMarkdown(in, o);
    QVERIFY2(
        md.contains(QString::fromUtf8(
            "| Quantity | Plain 5×5 | 1×1 then 5×5 | B relative to A |\n|---|---:|---:|---|\n")),
        qPrintable(md));
    QVERIFY(
        md.contains(QString::fromUtf8("| MACs | 120,422,400 | 12,443,648 | 9.68× fewer MACs |")));
    QVERIFY(md.contains(
        QString::fromUtf8("| Parameters | 153,600 | 15,872 | 9.68× fewer parameters |")));
    QVERIFY(md.contains(QString::fromUtf8(
        "| Activations (elements) | 25,088 | 37,632 | 1.50× more activations |")));
    const QString tex = TableExport::compareLatex(in, o);
    QVERIFY2(tex.contains(QStringLiteral(
                 "    MACs & 120,422,400 & 12,443,648 & 9.68\\texttimes{} fewer MACs \\\\\n")),
             qPrintable(tex));
    QVERIFY(tex.contains(QStringLiteral("\\begin{tabular}{lrrl}")));
    QVERIFY(tex.contains(QStringLiteral("\\bottomrule")));
    const QString page = TableExport::compareHtml(in, o);
    // Each variant's name isolated, in the heading and the column headers: in a right-to-left
    // page "1×1 then 5×5" read "then 5×5 1×1".
    QVERIFY2(page.contains(QString::fromUtf8("<h1><bdi>5×5 vs 1×1 → 5×5 (lesson)</bdi>: <bdi>Plain "
                                             "5×5</bdi> vs <bdi>1×1 then 5×5</bdi></h1>")),
             qPrintable(page.mid(page.indexOf(QLatin1String("<body>")), 300)));
    QVERIFY(page.contains(QString::fromUtf8("<th class=\"num\"><bdi>1×1 then 5×5</bdi></th>")));
    QVERIFY(
        page.contains(QString::fromUtf8("<td>MACs</td><td class=\"num\">120,422,400</td><td "
                                        "class=\"num\">12,443,648</td><td>9.68× fewer MACs</td>")));
    const QByteArray csv = TableExport::compareCsv(in, o);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.contains("\nmacs,120422400,12443648,9.6774,fewer\n"));
    QVERIFY(csv.contains("\nactivation_bytes,100352,150528,1.5000,more\n"));

    FakePersian fa;
    QCoreApplication::installTranslator(&fa);
    const QString faMd = TableExport::compareMarkdown(in, options(true));
    QCoreApplication::removeTranslator(&fa);
    QVERIFY(faMd.contains(QString::fromUtf8("| کمیت |")));
    QVERIFY(faMd.contains(kPersianMacs));
    QVERIFY(faMd.contains(QString::fromUtf8("۹٫۶۸×")));
}

void tst_TableExport::errorsAndFormats()
{
    const auto r =
        NaqshFile::read(QStringLiteral(NAQSH_SOURCE_DIR "/tests/data/naqsh/broken_kernel.naqsh"),
                        LayerRegistry::builtin());
    QVERIFY(r.ok());
    const AnalysisResult result = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QVERIFY(result.errorCount > 0);
    TableExportOptions o;
    const QString md = TableExport::markdown(r.graph, LayerRegistry::builtin(), result, o);
    QVERIFY2(md.contains(QStringLiteral(
                 "| conv7 | Conv2d | error: kernel 7 is larger than the padded input 5")),
             qPrintable(md));
    const QString tex = TableExport::latex(r.graph, LayerRegistry::builtin(), result, o);
    QVERIFY(tex.contains(
        QStringLiteral("conv7 & Conv2d & \\multicolumn{6}{l}{error: kernel 7 is larger")));
    const QString page = TableExport::html(r.graph, LayerRegistry::builtin(), result, o);
    QVERIFY(page.contains(QStringLiteral("<tr class=\"error\"><td><bdi>conv7</bdi></td>")));

    TableFormat f;
    QVERIFY(TableExport::formatFromPath(QStringLiteral("/tmp/x.CSV"), &f) && f == TableFormat::Csv);
    QVERIFY(TableExport::formatFromPath(QStringLiteral("out.md"), &f) &&
            f == TableFormat::Markdown);
    QVERIFY(TableExport::formatFromPath(QStringLiteral("tex"), &f) && f == TableFormat::Latex);
    QVERIFY(TableExport::formatFromPath(QStringLiteral("a.b/report.html"), &f) &&
            f == TableFormat::Html);
    QVERIFY(!TableExport::formatFromPath(QStringLiteral("report.xlsx"), &f));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("t.md"));
    QString error;
    QVERIFY(
        TableExport::writeFile(path,
                               TableExport::table(TableFormat::Markdown, m_lesson,
                                                  LayerRegistry::builtin(), m_result, options()),
                               &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("| conv5x5 | Conv2d |"));
    QVERIFY(!TableExport::writeFile(QStringLiteral("/nonexistent-dir/t.md"), "x", &error));
    QVERIFY(error.contains(QStringLiteral("/nonexistent-dir/t.md")));
}

QTEST_GUILESS_MAIN(tst_TableExport)
#include "tst_TableExport.moc"
