// naqsh-cli export: diagrams, cost tables and PyTorch code, written by the same functions as the
// designer's export dialog. Needs a QGuiApplication (cli_main creates one, on the offscreen
// platform, for this command only).
#include "CliApp.h"

#include "analysis/AnalysisEngine.h"
#include "analysis/VariantSummary.h"
#include "export/DiagramExport.h"
#include "io/DocumentLoader.h"
#include "io/PyTorchExport.h"
#include "io/TableExport.h"
#include "layers/LayerRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTranslator>

namespace naqsh {

namespace {

/// The Persian translator of the whole program, installed once for --lang fa.
void installPersian()
{
    static QTranslator translator;
    if (translator.isEmpty() && translator.load(QStringLiteral(":/i18n/naqsh_fa.qm")))
        QCoreApplication::installTranslator(&translator);
}

} // namespace

int CliApp::exportFiles(const QStringList &args)
{
    QCommandLineParser p;
    auto option = [&](const char *name, const QString &help, const char *value = nullptr,
                      const char *def = nullptr) {
        QCommandLineOption o(QString::fromLatin1(name), help);
        if (value)
            o.setValueName(QString::fromLatin1(value));
        if (def)
            o.setDefaultValue(QString::fromLatin1(def));
        p.addOption(o);
    };
    option("diagram",
           QCoreApplication::translate("naqsh::Cli",
                                       "Write the diagram to FILE (.svg, .png or .pdf)."),
           "file");
    option("table",
           QCoreApplication::translate("naqsh::Cli",
                                       "Write the cost table to FILE (.csv, .md, .tex or .html)."),
           "file");
    option("compare-table",
           QCoreApplication::translate(
               "naqsh::Cli",
               "Write the comparison of two variants to FILE (.csv, .md, .tex or .html)."),
           "file");
    option("code",
           QCoreApplication::translate("naqsh::Cli",
                                       "Write PyTorch code (an nn.Module) to FILE (.py)."),
           "file");
    option("a", QCoreApplication::translate("naqsh::Cli", "Name of the first comparison variant."),
           "name");
    option("b", QCoreApplication::translate("naqsh::Cli", "Name of the second comparison variant."),
           "name");
    option("lang",
           QCoreApplication::translate("naqsh::Cli",
                                       "Language of headers, labels and digits: en or fa."),
           "lang", "en");
    option("latin-digits",
           QCoreApplication::translate("naqsh::Cli", "Use Latin digits even in Persian."));
    option(
        "convention",
        QCoreApplication::translate(
            "naqsh::Cli", "FLOP convention: flops (2×MACs + other ops), 2macs, macs or torchinfo."),
        "name", "flops");
    option("dtype",
           QCoreApplication::translate("naqsh::Cli",
                                       "Activation type for memory: fp32, fp16 or int8."),
           "dtype", "fp32");
    option("batch",
           QCoreApplication::translate("naqsh::Cli",
                                       "Batch size N for every input (default: as in the file)."),
           "N");
    option("title",
           QCoreApplication::translate("naqsh::Cli", "Diagram title (default: the model's name)."),
           "text");
    option("no-title", QCoreApplication::translate("naqsh::Cli", "Draw no title."));
    option("no-legend", QCoreApplication::translate("naqsh::Cli", "Draw no legend."));
    option("no-shapes",
           QCoreApplication::translate("naqsh::Cli", "Leave tensor shapes off the edges."));
    option("no-costs",
           QCoreApplication::translate("naqsh::Cli", "Leave parameters and MACs off the nodes."));
    option("direction",
           QCoreApplication::translate("naqsh::Cli", "Diagram direction: down or right."),
           "direction", "down");
    option("canvas-positions",
           QCoreApplication::translate(
               "naqsh::Cli", "Keep the document's node positions instead of a fresh layout."));
    option("style",
           QCoreApplication::translate("naqsh::Cli",
                                       "Diagram style: screen or print (black on white)."),
           "style", "screen");
    option("scale",
           QCoreApplication::translate("naqsh::Cli", "PNG: pixels per diagram unit (default 2)."),
           "factor", "2");
    option("dpi",
           QCoreApplication::translate("naqsh::Cli",
                                       "PNG: resolution in dots per inch (instead of --scale)."),
           "dpi");
    option("transparent",
           QCoreApplication::translate("naqsh::Cli",
                                       "PNG and SVG: transparent background instead of white."));
    option("text-as-paths",
           QCoreApplication::translate(
               "naqsh::Cli",
               "SVG: draw text as outlines, so that every viewer shows the same thing."));
    option("layers",
           QCoreApplication::translate("naqsh::Cli",
                                       "Draw only these layers (names separated by commas)."),
           "names");
    p.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("naqsh::Cli",
                                    "A .naqsh document, .onnx model or .prototxt network."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("naqsh::Cli", "export takes exactly one file"));
    const QString diagramPath = p.value(QStringLiteral("diagram"));
    const QString tablePath = p.value(QStringLiteral("table"));
    const QString comparePath = p.value(QStringLiteral("compare-table"));
    const QString codePath = p.value(QStringLiteral("code"));
    if (diagramPath.isEmpty() && tablePath.isEmpty() && comparePath.isEmpty() && codePath.isEmpty())
        return usage(QCoreApplication::translate(
            "naqsh::Cli",
            "export needs at least one of --diagram, --table, --compare-table or --code"));

    // Options, checked before anything is read or written.
    const QString lang = p.value(QStringLiteral("lang")).toLower();
    if (lang != QLatin1String("en") && lang != QLatin1String("fa"))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "unknown language \"%1\"; use en or fa")
                .arg(lang));
    const bool persian = lang == QLatin1String("fa");
    if (persian)
        installPersian();
    TableExportOptions table;
    table.language = lang;
    table.report.format =
        NumberFormat(persian ? QLocale(QLocale::Persian, QLocale::Iran) : QLocale::c(),
                     p.isSet(QStringLiteral("latin-digits")));
    if (!conventionFromKey(p.value(QStringLiteral("convention")), &table.report.convention))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "unknown convention \"%1\"; use one of %2")
                .arg(p.value(QStringLiteral("convention")),
                     conventionKeys().join(QStringLiteral(", "))));
    if (!dtypeFromKey(p.value(QStringLiteral("dtype")), &table.report.dtype))
        return usage(QCoreApplication::translate("naqsh::Cli",
                                                 "unknown dtype \"%1\"; use fp32, fp16 or int8")
                         .arg(p.value(QStringLiteral("dtype"))));
    RuleContext context;
    if (p.isSet(QStringLiteral("batch"))) {
        bool ok = false;
        const qint64 n = p.value(QStringLiteral("batch")).toLongLong(&ok);
        if (!ok || n < 1 || n > 1'000'000)
            return usage(QCoreApplication::translate(
                "naqsh::Cli", "--batch must be a whole number from 1 to 1000000"));
        context.batchOverride = n;
    }
    DiagramOptions diagram;
    diagram.format = table.report.format;
    diagram.rightToLeft = persian;
    diagram.legend = !p.isSet(QStringLiteral("no-legend"));
    diagram.showShapes = !p.isSet(QStringLiteral("no-shapes"));
    diagram.showCosts = !p.isSet(QStringLiteral("no-costs"));
    diagram.transparentBackground = p.isSet(QStringLiteral("transparent"));
    diagram.textAsPaths = p.isSet(QStringLiteral("text-as-paths"));
    diagram.placement = p.isSet(QStringLiteral("canvas-positions"))
                            ? DiagramOptions::Placement::CanvasPositions
                            : DiagramOptions::Placement::Layered;
    const QString direction = p.value(QStringLiteral("direction")).toLower();
    if (direction == QLatin1String("down"))
        diagram.direction = LayoutDirection::TopDown;
    else if (direction == QLatin1String("right"))
        diagram.direction = LayoutDirection::LeftRight;
    else
        return usage(
            QCoreApplication::translate("naqsh::Cli", "unknown direction \"%1\"; use down or right")
                .arg(direction));
    const QString style = p.value(QStringLiteral("style")).toLower();
    if (style == QLatin1String("screen"))
        diagram.style = DiagramOptions::Style::Screen;
    else if (style == QLatin1String("print"))
        diagram.style = DiagramOptions::Style::Print;
    else
        return usage(
            QCoreApplication::translate("naqsh::Cli", "unknown style \"%1\"; use screen or print")
                .arg(style));
    bool ok = false;
    diagram.scale = p.value(QStringLiteral("scale")).toDouble(&ok);
    // Written so that NaN (which "nan" parses to) fails too.
    if (!ok || !(diagram.scale >= 0.1 && diagram.scale <= 16))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "--scale must be a number from 0.1 to 16"));
    if (p.isSet(QStringLiteral("dpi"))) {
        diagram.dpi = p.value(QStringLiteral("dpi")).toInt(&ok);
        if (!ok || diagram.dpi < 10 || diagram.dpi > 2400)
            return usage(QCoreApplication::translate(
                "naqsh::Cli", "--dpi must be a whole number from 10 to 2400"));
    }
    DiagramFormat diagramFormat;
    if (!diagramPath.isEmpty() && !DiagramExport::formatFromPath(diagramPath, &diagramFormat))
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown diagram format \"%1\"; use .svg, .png or .pdf")
                         .arg(QFileInfo(diagramPath).suffix()));
    TableFormat tableFormat = TableFormat::Csv, compareFormat = TableFormat::Csv;
    if (!tablePath.isEmpty() && !TableExport::formatFromPath(tablePath, &tableFormat))
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown table format \"%1\"; use .csv, .md, .tex or .html")
                         .arg(QFileInfo(tablePath).suffix()));
    if (!comparePath.isEmpty() && !TableExport::formatFromPath(comparePath, &compareFormat))
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown table format \"%1\"; use .csv, .md, .tex or .html")
                         .arg(QFileInfo(comparePath).suffix()));

    // The document.
    const QString path = p.positionalArguments().first();
    const LayerRegistry &registry = LayerRegistry::builtin();
    const ImportResult file = loadDocument(path, registry);
    if (!file.ok()) {
        m_err
            << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(path, file.error)
            << '\n';
        m_err.flush();
        return UsageError;
    }
    printWarnings(path, file.warnings);
    const Graph &graph = file.graph;
    const AnalysisResult result = AnalysisEngine::analyze(graph, registry, context);
    const QString modelName =
        graph.name.isEmpty() ? QFileInfo(path).completeBaseName() : graph.name;
    table.report.modelName = modelName;
    diagram.title = p.isSet(QStringLiteral("no-title")) ? QString()
                    : p.isSet(QStringLiteral("title"))  ? p.value(QStringLiteral("title"))
                                                        : modelName;
    if (p.isSet(QStringLiteral("layers"))) {
        const QStringList names = p.value(QStringLiteral("layers"))
                                      .split(QLatin1Char(','), Qt::SkipEmptyParts)
                                      .filter(QRegularExpression(QStringLiteral("\\S")));
        if (names.isEmpty())
            return usage(QCoreApplication::translate(
                "naqsh::Cli",
                "--layers needs at least one layer name (names separated by commas)"));
        for (const QString &name : names) {
            const LayerId id = graph.findByName(name.trimmed());
            if (!id.isValid())
                return usage(
                    QCoreApplication::translate("naqsh::Cli", "no layer named \"%1\" in %2")
                        .arg(name.trimmed(), path));
            diagram.layers.append(id);
        }
    }

    auto write = [&](const QString &target, const QByteArray &bytes) {
        QString error;
        if (!TableExport::writeFile(target, bytes, &error)) {
            m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(error) << '\n';
            m_err.flush();
            return false;
        }
        m_out << QCoreApplication::translate("naqsh::Cli", "wrote %1")
                     .arg(QDir::toNativeSeparators(target))
              << '\n';
        m_out.flush();
        return true;
    };

    if (!diagramPath.isEmpty()) {
        QString error;
        if (!DiagramExport::exportDiagram(diagramPath, graph, result, registry, diagram, &error)) {
            m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(error) << '\n';
            m_err.flush();
            return UsageError;
        }
        m_out << QCoreApplication::translate("naqsh::Cli", "wrote %1")
                     .arg(QDir::toNativeSeparators(diagramPath))
              << '\n';
        m_out.flush();
    }
    if (!tablePath.isEmpty()) {
        if (tableFormat == TableFormat::Html)
            table.diagramSvg =
                DiagramExport::svg(DiagramRenderer(graph, result, registry, diagram), modelName);
        if (!write(tablePath, TableExport::table(tableFormat, graph, registry, result, table)))
            return UsageError;
        table.diagramSvg.clear();
    }
    bool compareFailed = false;
    if (!comparePath.isEmpty()) {
        const QVector<Variant> &variants = graph.variants;
        auto pick = [&](const char *option, int fallback) -> const Variant * {
            const QString key = QString::fromLatin1(option);
            if (p.isSet(key)) {
                for (const Variant &v : variants)
                    if (v.name == p.value(key))
                        return &v;
                return nullptr;
            }
            return fallback < variants.size() ? &variants[fallback] : nullptr;
        };
        const Variant *va = pick("a", 0), *vb = pick("b", 1);
        if (!va || !vb) {
            QStringList names;
            for (const Variant &v : variants)
                names << v.name;
            m_err << QCoreApplication::translate(
                         "naqsh::Cli", "naqsh-cli: %1 has no such pair of comparisons; it has: %2")
                         .arg(path, names.isEmpty()
                                        ? QCoreApplication::translate("naqsh::Cli", "none")
                                        : names.join(QStringLiteral(", ")))
                  << '\n';
            m_err.flush();
            return UsageError;
        }
        auto summarize = [&](const Variant &v, VariantSummary *out) {
            if (v.kind != Variant::Kind::Document) {
                *out = summarizeVariant(graph, result, v);
                return true;
            }
            const QString other = QFileInfo(QFileInfo(path).dir(), v.documentPath).filePath();
            const ImportResult o = loadDocument(other, registry);
            if (!o.ok()) {
                m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2")
                             .arg(other, o.error)
                      << '\n';
                m_err.flush();
                return false;
            }
            *out = summarizeGraph(o.graph, AnalysisEngine::analyze(o.graph, registry, context),
                                  v.name);
            return true;
        };
        Report::CompareInput in;
        if (!summarize(*va, &in.a) || !summarize(*vb, &in.b))
            return UsageError;
        if (!write(comparePath, TableExport::comparison(compareFormat, in, table)))
            return UsageError;
        compareFailed = printErrors(Report::compareErrors(in, table.report));
    }
    if (!codePath.isEmpty() && !write(codePath, toPyTorch(graph, registry, result).toUtf8()))
        return UsageError;

    const bool errors = printModelErrors(graph, result);
    const bool tooLarge =
        printErrors(Report::overflowErrors(graph, registry, result, table.report));
    return errors || tooLarge || compareFailed ? ModelErrors : Success;
}

} // namespace naqsh
