#include "CliApp.h"

#include "analysis/AnalysisEngine.h"
#include "analysis/Sweep.h"
#include "analysis/VariantSummary.h"
#include "io/DocumentLoader.h"
#include "io/NaqshFile.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"
#include "layout/GraphLayout.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace naqsh {

namespace {

struct Common
{
    ReportOptions report;
    RuleContext context;
    QString format = QStringLiteral("table");
};

void addCommonOptions(QCommandLineParser &p)
{
    p.addOption(
        {QStringLiteral("format"),
         QCoreApplication::translate("naqsh::Cli", "Output format: table, json, csv or markdown."),
         QStringLiteral("format"), QStringLiteral("table")});
    p.addOption({QStringLiteral("convention"),
                 QCoreApplication::translate(
                     "naqsh::Cli",
                     "FLOP convention: flops (2×MACs + other ops), 2macs, macs or torchinfo."),
                 QStringLiteral("name"), QStringLiteral("flops")});
    p.addOption({QStringLiteral("batch"),
                 QCoreApplication::translate(
                     "naqsh::Cli", "Batch size N for every input (default: as in the file)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("dtype"),
                 QCoreApplication::translate("naqsh::Cli",
                                             "Activation type for memory: fp32, fp16 or int8."),
                 QStringLiteral("dtype"), QStringLiteral("fp32")});
    p.addOption(
        {QStringLiteral("lang"),
         QCoreApplication::translate("naqsh::Cli", "Language of messages and headers: en or fa."),
         QStringLiteral("lang")});
    p.addOption({QStringLiteral("latin-digits"),
                 QCoreApplication::translate("naqsh::Cli", "Use Latin digits even in Persian.")});
}

bool readCommon(const QCommandLineParser &p, Common *c, QString *problem)
{
    c->format = p.value(QStringLiteral("format")).toLower();
    if (!conventionFromKey(p.value(QStringLiteral("convention")), &c->report.convention)) {
        *problem =
            QCoreApplication::translate("naqsh::Cli", "unknown convention \"%1\"; use one of %2")
                .arg(p.value(QStringLiteral("convention")),
                     conventionKeys().join(QStringLiteral(", ")));
        return false;
    }
    if (!dtypeFromKey(p.value(QStringLiteral("dtype")), &c->report.dtype)) {
        *problem = QCoreApplication::translate("naqsh::Cli",
                                               "unknown dtype \"%1\"; use fp32, fp16 or int8")
                       .arg(p.value(QStringLiteral("dtype")));
        return false;
    }
    if (p.isSet(QStringLiteral("batch"))) {
        bool ok = false;
        const qint64 n = p.value(QStringLiteral("batch")).toLongLong(&ok);
        if (!ok || n < 1 || n > 1'000'000) {
            *problem = QCoreApplication::translate(
                "naqsh::Cli", "--batch must be a whole number from 1 to 1000000");
            return false;
        }
        c->context.batchOverride = n;
    }
    const bool fa = p.value(QStringLiteral("lang")) == QLatin1String("fa");
    c->report.format = NumberFormat(fa ? QLocale(QLocale::Persian, QLocale::Iran) : QLocale::c(),
                                    p.isSet(QStringLiteral("latin-digits")));
    return true;
}

bool readDirection(const QCommandLineParser &p, LayoutDirection *direction, QString *problem)
{
    const QString value = p.value(QStringLiteral("direction")).toLower();
    if (value == QLatin1String("down")) {
        *direction = LayoutDirection::TopDown;
        return true;
    }
    if (value == QLatin1String("right")) {
        *direction = LayoutDirection::LeftRight;
        return true;
    }
    *problem =
        QCoreApplication::translate("naqsh::Cli", "unknown direction \"%1\"; use down or right")
            .arg(value);
    return false;
}

} // namespace

int CliApp::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(problem) << '\n';
    m_err << QCoreApplication::translate(
        "naqsh::Cli",
        "Usage:\n"
        "  naqsh-cli analyze FILE [--format table|json|csv|markdown] [--convention NAME] [--batch "
        "N] [--dtype fp32|fp16|int8]\n"
        "  naqsh-cli compare FILE [--a NAME --b NAME] [--format table|json|csv|markdown]\n"
        "  naqsh-cli compare FILE_A FILE_B\n"
        "  naqsh-cli convert IN.onnx|IN.prototxt -o OUT.naqsh [--direction down|right]\n"
        "  naqsh-cli layout IN.naqsh -o OUT.naqsh [--direction down|right]\n"
        "  naqsh-cli sweep FILE --layer NAME --param KEY --from A --to B [--step S] [--format "
        "table|json|csv]\n"
        "  naqsh-cli export FILE [--diagram OUT.svg|png|pdf] [--table OUT.csv|md|tex|html] "
        "[--compare-table OUT] [--code OUT.py]\n"
        "                  [--lang fa|en] [--convention NAME] [--style screen|print] [--direction "
        "down|right] [--dpi N|--scale S]\n"
        "FILE may be a .naqsh document, an ONNX model (.onnx) or a Caffe network (.prototxt).\n"
        "Conventions: flops (default: 2×MACs + other operations), 2macs, macs, torchinfo.\n"
        "Exit codes: 0 success, 1 the model has errors, 2 usage or file errors.\n");
    m_err << QCoreApplication::translate(
        "naqsh::Cli",
        "  naqsh-cli run FILE [--repeat N] [--warmup N] [--threads T] [--seed S] [--flush-caches] "
        "[--format table|json|csv]\n"
        "      runs the model on this computer and prints measured times per layer; exit code 1 "
        "if a layer cannot run\n");
    m_err.flush();
    return UsageError;
}

int CliApp::run(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return usage();
    const QString command = arguments.at(1);
    QStringList rest = arguments;
    rest.removeAt(1);
    if (command == QLatin1String("analyze"))
        return analyze(rest);
    if (command == QLatin1String("compare"))
        return compare(rest);
    if (command == QLatin1String("convert"))
        return convert(rest);
    if (command == QLatin1String("layout"))
        return layout(rest);
    if (command == QLatin1String("sweep"))
        return sweep(rest);
    if (command == QLatin1String("export"))
        return exportFiles(rest);
    if (command == QLatin1String("run"))
        return runModel(rest);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        usage();
        return Success;
    }
    return usage(QCoreApplication::translate("naqsh::Cli", "unknown command \"%1\"").arg(command));
}

int CliApp::analyze(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("naqsh::Cli",
                                    "A .naqsh document, .onnx model or .prototxt network."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("naqsh::Cli", "analyze takes exactly one file"));
    Common c;
    QString problem;
    if (!readCommon(p, &c, &problem))
        return usage(problem);
    const QString path = p.positionalArguments().first();
    const LayerRegistry &registry = LayerRegistry::builtin();
    ImportResult file;
    if (!loadModel(path, &file))
        return UsageError;
    const AnalysisResult result = AnalysisEngine::analyze(file.graph, registry, c.context);
    c.report.modelName =
        file.graph.name.isEmpty() ? QFileInfo(path).completeBaseName() : file.graph.name;
    if (c.format == QLatin1String("table"))
        m_out << Report::table(file.graph, registry, result, c.report);
    else if (c.format == QLatin1String("json"))
        m_out << QString::fromUtf8(Report::json(file.graph, registry, result, c.report));
    else if (c.format == QLatin1String("csv"))
        m_out << Report::csv(file.graph, registry, result, c.report);
    else if (c.format == QLatin1String("markdown") || c.format == QLatin1String("md"))
        m_out << Report::markdown(file.graph, registry, result, c.report);
    else
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown format \"%1\"; use table, json, csv or markdown")
                         .arg(c.format));
    m_out.flush();
    const bool errors = printModelErrors(file.graph, result);
    const bool tooLarge =
        printErrors(Report::overflowErrors(file.graph, registry, result, c.report));
    return errors || tooLarge ? ModelErrors : Success;
}

bool CliApp::printModelErrors(const Graph &graph, const AnalysisResult &result)
{
    if (result.errorCount == 0)
        return false;
    for (LayerId id : graph.layerIds()) {
        const LayerResult *r = result.layer(id);
        if (r && !r->error.isEmpty()) {
            const Layer *l = graph.layer(id);
            m_err << QCoreApplication::translate("naqsh::Cli", "error: layer '%1' (%2): %3")
                         .arg(l->name, l->type, r->error)
                  << '\n';
        }
    }
    m_err.flush();
    return true;
}

bool CliApp::printErrors(const QStringList &errors)
{
    for (const QString &e : errors)
        m_err << QCoreApplication::translate("naqsh::Cli", "error: %1").arg(e) << '\n';
    m_err.flush();
    return !errors.isEmpty();
}

int CliApp::compare(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("a"),
                 QCoreApplication::translate("naqsh::Cli", "Name of the first comparison variant."),
                 QStringLiteral("name")});
    p.addOption(
        {QStringLiteral("b"),
         QCoreApplication::translate("naqsh::Cli", "Name of the second comparison variant."),
         QStringLiteral("name")});
    p.addPositionalArgument(QStringLiteral("files"),
                            QCoreApplication::translate(
                                "naqsh::Cli", "One document with comparisons, or two documents."));
    if (!p.parse(args))
        return usage(p.errorText());
    Common c;
    QString problem;
    if (!readCommon(p, &c, &problem))
        return usage(problem);
    const QStringList files = p.positionalArguments();
    if (files.isEmpty() || files.size() > 2)
        return usage(QCoreApplication::translate(
            "naqsh::Cli", "compare takes one document with comparisons, or two documents"));
    const LayerRegistry &registry = LayerRegistry::builtin();

    struct Loaded
    {
        Graph graph;
        AnalysisResult result;
    };
    auto load = [&](const QString &path, Loaded *out) {
        ImportResult file;
        if (!loadModel(path, &file))
            return false;
        out->graph = file.graph;
        out->result = AnalysisEngine::analyze(file.graph, registry, c.context);
        return true;
    };

    Report::CompareInput in;
    if (files.size() == 2) {
        Loaded a, b;
        if (!load(files[0], &a) || !load(files[1], &b))
            return UsageError;
        in.a = summarizeGraph(a.graph, a.result,
                              a.graph.name.isEmpty() ? QFileInfo(files[0]).completeBaseName()
                                                     : a.graph.name);
        in.b = summarizeGraph(b.graph, b.result,
                              b.graph.name.isEmpty() ? QFileInfo(files[1]).completeBaseName()
                                                     : b.graph.name);
    } else {
        Loaded doc;
        if (!load(files[0], &doc))
            return UsageError;
        const QVector<Variant> &variants = doc.graph.variants;
        auto pick = [&](const QString &option, int fallback, const Variant **out) {
            if (p.isSet(option)) {
                const QString name = p.value(option);
                for (const Variant &v : variants)
                    if (v.name == name) {
                        *out = &v;
                        return true;
                    }
                QStringList names;
                for (const Variant &v : variants)
                    names << v.name;
                m_err << QCoreApplication::translate(
                             "naqsh::Cli",
                             "naqsh-cli: no comparison named \"%1\" in %2; it has: %3")
                             .arg(name, files[0],
                                  names.isEmpty()
                                      ? QCoreApplication::translate("naqsh::Cli", "none")
                                      : names.join(QStringLiteral(", ")))
                      << '\n';
                return false;
            }
            if (fallback >= variants.size()) {
                m_err << QCoreApplication::translate(
                             "naqsh::Cli", "naqsh-cli: %1 defines fewer than two comparisons; name "
                                           "them with --a and --b or give two files")
                             .arg(files[0])
                      << '\n';
                return false;
            }
            *out = &variants[fallback];
            return true;
        };
        const Variant *va = nullptr, *vb = nullptr;
        if (!pick(QStringLiteral("a"), 0, &va) || !pick(QStringLiteral("b"), 1, &vb))
            return UsageError;
        auto summarize = [&](const Variant &v, VariantSummary *out) {
            if (v.kind != Variant::Kind::Document) {
                *out = summarizeVariant(doc.graph, doc.result, v);
                return true;
            }
            const QString other = QFileInfo(QFileInfo(files[0]).dir(), v.documentPath).filePath();
            Loaded o;
            if (!load(other, &o))
                return false;
            *out = summarizeGraph(o.graph, o.result, v.name);
            return true;
        };
        if (!summarize(*va, &in.a) || !summarize(*vb, &in.b))
            return UsageError;
    }
    if (c.format == QLatin1String("table"))
        m_out << Report::compareTable(in, c.report);
    else if (c.format == QLatin1String("json"))
        m_out << QString::fromUtf8(Report::compareJson(in, c.report));
    else if (c.format == QLatin1String("csv"))
        m_out << Report::compareCsv(in, c.report);
    else if (c.format == QLatin1String("markdown") || c.format == QLatin1String("md"))
        m_out << Report::compareMarkdown(in, c.report);
    else
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown format \"%1\"; use table, json, csv or markdown")
                         .arg(c.format));
    m_out.flush();
    // Errors (a variant's, numbers too large) on stderr; no ratios were printed against them.
    return printErrors(Report::compareErrors(in, c.report)) ? ModelErrors : Success;
}

bool CliApp::loadModel(const QString &path, ImportResult *out)
{
    // Analysis needs no positions: imported models are not laid out here.
    LoadOptions options;
    options.layout = false;
    *out = loadDocument(path, LayerRegistry::builtin(), options);
    if (!out->ok()) {
        m_err
            << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(path, out->error)
            << '\n';
        m_err.flush();
        return false;
    }
    printWarnings(path, out->warnings);
    return true;
}

void CliApp::printWarnings(const QString &path, const QStringList &warnings)
{
    for (const QString &w : warnings)
        m_err
            << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: warning: %2").arg(path, w)
            << '\n';
    m_err.flush();
}

int CliApp::convert(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                 QCoreApplication::translate("naqsh::Cli", "The .naqsh document to write."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("direction"),
                 QCoreApplication::translate("naqsh::Cli", "Layout direction: down or right."),
                 QStringLiteral("direction"), QStringLiteral("down")});
    p.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("naqsh::Cli", "An .onnx model or a .prototxt network."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(
            QCoreApplication::translate("naqsh::Cli", "convert takes exactly one input file"));
    if (!p.isSet(QStringLiteral("output")))
        return usage(QCoreApplication::translate("naqsh::Cli",
                                                 "convert needs an output file: -o OUT.naqsh"));
    LoadOptions options;
    QString problem;
    if (!readDirection(p, &options.direction, &problem))
        return usage(problem);
    const QString in = p.positionalArguments().first();
    const QString out = p.value(QStringLiteral("output"));
    const LayerRegistry &registry = LayerRegistry::builtin();
    const ImportResult doc = loadDocument(in, registry, options);
    if (!doc.ok()) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(in, doc.error)
              << '\n';
        return UsageError;
    }
    printWarnings(in, doc.warnings);
    QString error;
    if (!NaqshFile::write(out, doc.graph, registry, &error)) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(error) << '\n';
        return UsageError;
    }
    m_out << QCoreApplication::translate("naqsh::Cli", "wrote %1: %n layer(s)", nullptr,
                                         doc.graph.size())
                 .arg(out)
          << '\n';
    if (!doc.opaqueOperators.isEmpty())
        m_out << QCoreApplication::translate("naqsh::Cli", "operators with unknown cost: %1")
                     .arg(doc.opaqueOperators.join(QStringLiteral(", ")))
              << '\n';
    m_out.flush();
    return Success;
}

int CliApp::layout(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                 QCoreApplication::translate("naqsh::Cli",
                                             "The .naqsh document to write (may be the input)."),
                 QStringLiteral("file")});
    p.addOption({QStringLiteral("direction"),
                 QCoreApplication::translate("naqsh::Cli", "Layout direction: down or right."),
                 QStringLiteral("direction"), QStringLiteral("down")});
    p.addPositionalArgument(QStringLiteral("file"),
                            QCoreApplication::translate("naqsh::Cli", "A .naqsh document."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(
            QCoreApplication::translate("naqsh::Cli", "layout takes exactly one input file"));
    if (!p.isSet(QStringLiteral("output")))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "layout needs an output file: -o OUT.naqsh"));
    LoadOptions options;
    QString problem;
    if (!readDirection(p, &options.direction, &problem))
        return usage(problem);
    options.layout = false;
    const QString in = p.positionalArguments().first();
    const QString out = p.value(QStringLiteral("output"));
    const LayerRegistry &registry = LayerRegistry::builtin();
    ImportResult doc = loadDocument(in, registry, options);
    if (!doc.ok()) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(in, doc.error)
              << '\n';
        return UsageError;
    }
    printWarnings(in, doc.warnings);
    layoutGraph(doc.graph, options.direction);
    QString error;
    if (!NaqshFile::write(out, doc.graph, registry, &error)) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(error) << '\n';
        return UsageError;
    }
    m_out << QCoreApplication::translate("naqsh::Cli", "wrote %1: %n layer(s)", nullptr,
                                         doc.graph.size())
                 .arg(out)
          << '\n';
    m_out.flush();
    return Success;
}

int CliApp::sweep(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("layer"),
                 QCoreApplication::translate(
                     "naqsh::Cli", "Layer whose parameter is swept (repeat for several layers)."),
                 QStringLiteral("name")});
    p.addOption(
        {QStringLiteral("param"),
         QCoreApplication::translate(
             "naqsh::Cli",
             "Whole-number parameter to sweep, e.g. out_channels; kernel_h,kernel_w sets both."),
         QStringLiteral("key")});
    p.addOption({QStringLiteral("from"), QCoreApplication::translate("naqsh::Cli", "First value."),
                 QStringLiteral("A")});
    p.addOption({QStringLiteral("to"), QCoreApplication::translate("naqsh::Cli", "Last value."),
                 QStringLiteral("B")});
    p.addOption({QStringLiteral("step"),
                 QCoreApplication::translate("naqsh::Cli", "Step between values (default 1)."),
                 QStringLiteral("S"), QStringLiteral("1")});
    p.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("naqsh::Cli", "A .naqsh document (its comparisons are the "
                                                  "series), .onnx model or .prototxt network."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("naqsh::Cli", "sweep takes exactly one file"));
    Common c;
    QString problem;
    if (!readCommon(p, &c, &problem))
        return usage(problem);
    if (c.format != QLatin1String("table") && c.format != QLatin1String("json") &&
        c.format != QLatin1String("csv"))
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown format \"%1\"; sweep writes table, json or csv")
                         .arg(c.format));
    if (!p.isSet(QStringLiteral("layer")) || !p.isSet(QStringLiteral("param")))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "sweep needs --layer NAME and --param KEY"));
    if (!p.isSet(QStringLiteral("from")) || !p.isSet(QStringLiteral("to")))
        return usage(
            QCoreApplication::translate("naqsh::Cli", "sweep needs a range: --from A --to B"));
    SweepSpec spec;
    for (const auto &[option, target] :
         {std::pair{QStringLiteral("from"), &spec.from}, std::pair{QStringLiteral("to"), &spec.to},
          std::pair{QStringLiteral("step"), &spec.step}}) {
        bool ok = false;
        *target = p.value(option).toLongLong(&ok);
        if (!ok)
            return usage(
                QCoreApplication::translate("naqsh::Cli", "--%1 must be a whole number, not \"%2\"")
                    .arg(option, p.value(option)));
    }
    for (const QString &value : p.values(QStringLiteral("param")))
        for (const QString &key : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            spec.keys << key.trimmed();

    const QString path = p.positionalArguments().first();
    const LayerRegistry &registry = LayerRegistry::builtin();
    ImportResult file;
    if (!loadModel(path, &file))
        return UsageError;
    const Graph &graph = file.graph;
    // Check the layers and keys here, to name what is wrong and what would be right.
    for (const QString &name : p.values(QStringLiteral("layer"))) {
        const LayerId id = graph.findByName(name);
        if (!id.isValid()) {
            QStringList names;
            for (LayerId other : graph.layerIds())
                names << graph.layer(other)->name;
            m_err << QCoreApplication::translate(
                         "naqsh::Cli", "naqsh-cli: no layer named \"%1\" in %2; it has: %3")
                         .arg(name, path, names.join(QStringLiteral(", ")))
                  << '\n';
            return UsageError;
        }
        const Layer *l = graph.layer(id);
        const LayerType *type = registry.find(l->type);
        for (const QString &key : spec.keys) {
            const int i = type ? type->paramIndex(key) : -1;
            if (i < 0 || type->params[i].kind != ParamKind::Int) {
                QStringList keys;
                if (type)
                    for (const ParamSpec &s : type->params)
                        if (s.kind == ParamKind::Int)
                            keys << s.key;
                m_err << QCoreApplication::translate("naqsh::Cli",
                                                     "naqsh-cli: layer '%1' (%2) has no "
                                                     "whole-number parameter \"%3\"; it has: %4")
                             .arg(l->name, l->type, key,
                                  keys.isEmpty() ? QCoreApplication::translate("naqsh::Cli", "none")
                                                 : keys.join(QStringLiteral(", ")))
                      << '\n';
                return UsageError;
            }
        }
        spec.layers << id;
    }

    // The series: the document's comparisons, or the whole model when it defines none.
    QVector<Variant> variants = graph.variants;
    if (variants.isEmpty()) {
        Variant all;
        all.name = graph.name.isEmpty() ? QFileInfo(path).completeBaseName() : graph.name;
        all.kind = Variant::Kind::Layers;
        all.layers = graph.layerIds();
        variants << all;
    }
    SweepResult result = runSweep(graph, registry, variants, spec, c.context);
    if (!result.error.isEmpty()) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(result.error)
              << '\n';
        return UsageError;
    }
    // Another document does not change with this one's parameter: its totals at every point.
    for (int i = 0; i < variants.size(); ++i) {
        if (variants[i].kind != Variant::Kind::Document)
            continue;
        const QString other = QFileInfo(QFileInfo(path).dir(), variants[i].documentPath).filePath();
        ImportResult o;
        if (!loadModel(other, &o))
            return UsageError;
        const VariantSummary s = summarizeGraph(
            o.graph, AnalysisEngine::analyze(o.graph, registry, c.context), variants[i].name);
        SweepSeries &series = result.series[i];
        series.macs.fill(s.costs.macs.value());
        series.params.fill(s.costs.params().value());
        series.activations.fill(s.costs.activations.value());
        series.valid.fill(true);
    }
    const bool pair = result.series.size() >= 2;
    const BreakEven breakEven =
        pair ? findBreakEven(result.series[0], result.series[1]) : BreakEven();
    QStringList layerNames;
    for (LayerId id : spec.layers)
        layerNames << graph.layer(id)->name;
    const QVector<qint64> &xs = result.series.first().x;

    if (c.format == QLatin1String("json")) {
        QJsonArray series;
        for (const SweepSeries &s : result.series) {
            QJsonArray x, macs, params, activations, valid;
            for (int i = 0; i < s.x.size(); ++i) {
                x.append(s.x[i]);
                macs.append(s.valid[i] ? QJsonValue(s.macs[i]) : QJsonValue());
                params.append(s.valid[i] ? QJsonValue(s.params[i]) : QJsonValue());
                activations.append(s.valid[i] ? QJsonValue(s.activations[i]) : QJsonValue());
                valid.append(bool(s.valid[i]));
            }
            series.append(QJsonObject{{QStringLiteral("name"), s.name},
                                      {QStringLiteral("x"), x},
                                      {QStringLiteral("macs"), macs},
                                      {QStringLiteral("params"), params},
                                      {QStringLiteral("activation_elements"), activations},
                                      {QStringLiteral("valid"), valid}});
        }
        QJsonObject root{{QStringLiteral("layers"), QJsonArray::fromStringList(layerNames)},
                         {QStringLiteral("params"), QJsonArray::fromStringList(spec.keys)},
                         {QStringLiteral("from"), spec.from},
                         {QStringLiteral("to"), spec.to},
                         {QStringLiteral("step"), spec.step},
                         {QStringLiteral("current"), result.current},
                         {QStringLiteral("series"), series}};
        if (pair) {
            auto at = [](const std::optional<double> &v) {
                return v ? QJsonValue(*v) : QJsonValue();
            };
            root.insert(QStringLiteral("break_even"),
                        QJsonObject{{QStringLiteral("reference"), result.series[0].name},
                                    {QStringLiteral("candidate"), result.series[1].name},
                                    {QStringLiteral("macs"), at(breakEven.macs)},
                                    {QStringLiteral("params"), at(breakEven.params)}});
        }
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else if (c.format == QLatin1String("csv")) {
        // One row per x; plain numbers; empty cells where the graph has an error at that x.
        auto field = [](QString s) {
            if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
                s.contains(QLatin1Char('\n')))
                s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                    QLatin1Char('"');
            return s;
        };
        QStringList header{QStringLiteral("x")};
        for (const SweepSeries &s : result.series)
            header << field(s.name + QStringLiteral(" macs"))
                   << field(s.name + QStringLiteral(" params"))
                   << field(s.name + QStringLiteral(" activation_elements"));
        m_out << header.join(QLatin1Char(',')) << '\n';
        for (int i = 0; i < xs.size(); ++i) {
            QStringList row{QString::number(xs[i])};
            for (const SweepSeries &s : result.series) {
                const bool ok = s.valid[i];
                row << (ok ? QString::number(s.macs[i]) : QString())
                    << (ok ? QString::number(s.params[i]) : QString())
                    << (ok ? QString::number(s.activations[i]) : QString());
            }
            m_out << row.join(QLatin1Char(',')) << '\n';
        }
    } else {
        const NumberFormat &f = c.report.format;
        m_out << QCoreApplication::translate("naqsh::Cli",
                                             "Sweep of %1 · %2 from %3 to %4 (step %5); now %6")
                     .arg(layerNames.join(QStringLiteral(", ")),
                          spec.keys.join(QStringLiteral(", ")), f.integer(spec.from),
                          f.integer(spec.to), f.integer(spec.step), f.integer(result.current))
              << "\n\n";
        QVector<QStringList> rows;
        QStringList header{spec.keys.join(QLatin1Char('/'))};
        for (const SweepSeries &s : result.series)
            header << QCoreApplication::translate("naqsh::Cli", "%1 MACs").arg(s.name)
                   << QCoreApplication::translate("naqsh::Cli", "%1 params").arg(s.name);
        rows << header;
        for (int i = 0; i < xs.size(); ++i) {
            QStringList row{f.integer(xs[i])};
            for (const SweepSeries &s : result.series)
                row << (s.valid[i] ? f.integer(s.macs[i]) : QStringLiteral("—"))
                    << (s.valid[i] ? f.integer(s.params[i]) : QStringLiteral("—"));
            rows << row;
        }
        QVector<int> widths(header.size(), 0);
        for (const QStringList &row : rows)
            for (int col = 0; col < row.size(); ++col)
                widths[col] = std::max(widths[col], int(row[col].size()));
        for (const QStringList &row : rows) {
            QStringList cells;
            for (int col = 0; col < row.size(); ++col)
                cells << row[col].rightJustified(widths[col]);
            m_out << cells.join(QStringLiteral("  ")) << '\n';
        }
        if (pair) {
            auto say = [&](const std::optional<double> &x, const QString &what) {
                return x ? QCoreApplication::translate("naqsh::Cli", "%1 break-even at x ≈ %2")
                               .arg(what, f.real(*x, 2))
                         : QCoreApplication::translate("naqsh::Cli",
                                                       "no %1 break-even in this range")
                               .arg(what);
            };
            m_out << '\n'
                  << QCoreApplication::translate("naqsh::Cli", "%1 against %2: %3; %4.")
                         .arg(
                             result.series[1].name, result.series[0].name,
                             say(breakEven.macs, QCoreApplication::translate("naqsh::Cli", "MACs")),
                             say(breakEven.params,
                                 QCoreApplication::translate("naqsh::Cli", "parameters")))
                  << '\n';
        }
    }
    m_out.flush();
    const AnalysisResult now = AnalysisEngine::analyze(graph, registry, c.context);
    return now.errorCount > 0 ? ModelErrors : Success;
}

} // namespace naqsh
