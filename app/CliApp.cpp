#include "CliApp.h"

#include "analysis/AnalysisEngine.h"
#include "analysis/VariantSummary.h"
#include "io/NaqshFile.h"
#include "io/Report.h"
#include "layers/LayerRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

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
    p.addOption({QStringLiteral("format"), QCoreApplication::translate("naqsh::Cli", "Output format: table, json, csv or markdown."), QStringLiteral("format"), QStringLiteral("table")});
    p.addOption({QStringLiteral("convention"), QCoreApplication::translate("naqsh::Cli", "FLOP convention: flops (2×MACs + other ops), 2macs, macs or torchinfo."), QStringLiteral("name"), QStringLiteral("flops")});
    p.addOption({QStringLiteral("batch"), QCoreApplication::translate("naqsh::Cli", "Batch size N for every input (default: as in the file)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("dtype"), QCoreApplication::translate("naqsh::Cli", "Activation type for memory: fp32, fp16 or int8."), QStringLiteral("dtype"), QStringLiteral("fp32")});
    p.addOption({QStringLiteral("lang"), QCoreApplication::translate("naqsh::Cli", "Language of messages and headers: en or fa."), QStringLiteral("lang")});
    p.addOption({QStringLiteral("latin-digits"), QCoreApplication::translate("naqsh::Cli", "Use Latin digits even in Persian.")});
}

bool readCommon(const QCommandLineParser &p, Common *c, QString *problem)
{
    c->format = p.value(QStringLiteral("format")).toLower();
    if (!conventionFromKey(p.value(QStringLiteral("convention")), &c->report.convention)) {
        *problem = QCoreApplication::translate("naqsh::Cli", "unknown convention \"%1\"; use one of %2")
                       .arg(p.value(QStringLiteral("convention")), conventionKeys().join(QStringLiteral(", ")));
        return false;
    }
    if (!dtypeFromKey(p.value(QStringLiteral("dtype")), &c->report.dtype)) {
        *problem = QCoreApplication::translate("naqsh::Cli", "unknown dtype \"%1\"; use fp32, fp16 or int8").arg(p.value(QStringLiteral("dtype")));
        return false;
    }
    if (p.isSet(QStringLiteral("batch"))) {
        bool ok = false;
        const qint64 n = p.value(QStringLiteral("batch")).toLongLong(&ok);
        if (!ok || n < 1 || n > 1'000'000) {
            *problem = QCoreApplication::translate("naqsh::Cli", "--batch must be a whole number from 1 to 1000000");
            return false;
        }
        c->context.batchOverride = n;
    }
    const bool fa = p.value(QStringLiteral("lang")) == QLatin1String("fa");
    c->report.format = NumberFormat(fa ? QLocale(QLocale::Persian, QLocale::Iran) : QLocale::c(),
                                    p.isSet(QStringLiteral("latin-digits")));
    return true;
}

} // namespace

int CliApp::usage(const QString &problem)
{
    if (!problem.isEmpty())
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1").arg(problem) << '\n';
    m_err << QCoreApplication::translate("naqsh::Cli",
        "Usage:\n"
        "  naqsh-cli analyze FILE [--format table|json|csv|markdown] [--convention NAME] [--batch N] [--dtype fp32|fp16|int8]\n"
        "  naqsh-cli compare FILE [--a NAME --b NAME] [--format table|json|csv|markdown]\n"
        "  naqsh-cli compare FILE_A FILE_B\n"
        "Conventions: flops (default: 2×MACs + other operations), 2macs, macs, torchinfo.\n"
        "Exit codes: 0 success, 1 the model has errors, 2 usage or file errors.\n");
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
    if (command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        usage();
        return Success;
    }
    return usage(QCoreApplication::translate("naqsh::Cli", "unknown command \"%1\"").arg(command));
}

int CliApp::analyze(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addPositionalArgument(QStringLiteral("file"), QCoreApplication::translate("naqsh::Cli", "A .naqsh document."));
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
    const NaqshFile::ReadResult file = NaqshFile::read(path, registry);
    if (!file.ok()) {
        m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(path, file.error) << '\n';
        return UsageError;
    }
    const AnalysisResult result = AnalysisEngine::analyze(file.graph, registry, c.context);
    c.report.modelName = file.graph.name.isEmpty() ? QFileInfo(path).completeBaseName() : file.graph.name;
    if (c.format == QLatin1String("table"))
        m_out << Report::table(file.graph, registry, result, c.report);
    else if (c.format == QLatin1String("json"))
        m_out << QString::fromUtf8(Report::json(file.graph, registry, result, c.report));
    else if (c.format == QLatin1String("csv"))
        m_out << Report::csv(file.graph, registry, result, c.report);
    else if (c.format == QLatin1String("markdown") || c.format == QLatin1String("md"))
        m_out << Report::markdown(file.graph, registry, result, c.report);
    else
        return usage(QCoreApplication::translate("naqsh::Cli", "unknown format \"%1\"; use table, json, csv or markdown").arg(c.format));
    m_out.flush();
    if (result.errorCount > 0) {
        for (LayerId id : file.graph.layerIds()) {
            const LayerResult *r = result.layer(id);
            if (r && !r->error.isEmpty()) {
                const Layer *l = file.graph.layer(id);
                m_err << QCoreApplication::translate("naqsh::Cli", "error: layer '%1' (%2): %3").arg(l->name, l->type, r->error) << '\n';
            }
        }
        m_err.flush();
        return ModelErrors;
    }
    return Success;
}

int CliApp::compare(const QStringList &args)
{
    QCommandLineParser p;
    addCommonOptions(p);
    p.addOption({QStringLiteral("a"), QCoreApplication::translate("naqsh::Cli", "Name of the first comparison variant."), QStringLiteral("name")});
    p.addOption({QStringLiteral("b"), QCoreApplication::translate("naqsh::Cli", "Name of the second comparison variant."), QStringLiteral("name")});
    p.addPositionalArgument(QStringLiteral("files"), QCoreApplication::translate("naqsh::Cli", "One document with comparisons, or two documents."));
    if (!p.parse(args))
        return usage(p.errorText());
    Common c;
    QString problem;
    if (!readCommon(p, &c, &problem))
        return usage(problem);
    const QStringList files = p.positionalArguments();
    if (files.isEmpty() || files.size() > 2)
        return usage(QCoreApplication::translate("naqsh::Cli", "compare takes one document with comparisons, or two documents"));
    const LayerRegistry &registry = LayerRegistry::builtin();

    struct Loaded
    {
        Graph graph;
        AnalysisResult result;
    };
    auto load = [&](const QString &path, Loaded *out) {
        const NaqshFile::ReadResult file = NaqshFile::read(path, registry);
        if (!file.ok()) {
            m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1: %2").arg(path, file.error) << '\n';
            return false;
        }
        out->graph = file.graph;
        out->result = AnalysisEngine::analyze(file.graph, registry, c.context);
        return true;
    };

    Report::CompareInput in;
    int errors = 0;
    if (files.size() == 2) {
        Loaded a, b;
        if (!load(files[0], &a) || !load(files[1], &b))
            return UsageError;
        in.a = summarizeGraph(a.graph, a.result, a.graph.name.isEmpty() ? QFileInfo(files[0]).completeBaseName() : a.graph.name);
        in.b = summarizeGraph(b.graph, b.result, b.graph.name.isEmpty() ? QFileInfo(files[1]).completeBaseName() : b.graph.name);
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
                m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: no comparison named \"%1\" in %2; it has: %3")
                             .arg(name, files[0], names.isEmpty() ? QCoreApplication::translate("naqsh::Cli", "none") : names.join(QStringLiteral(", ")))
                      << '\n';
                return false;
            }
            if (fallback >= variants.size()) {
                m_err << QCoreApplication::translate("naqsh::Cli", "naqsh-cli: %1 defines fewer than two comparisons; name them with --a and --b or give two files")
                             .arg(files[0]) << '\n';
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
    errors = in.a.errorCount + in.b.errorCount + (in.a.error.isEmpty() ? 0 : 1) + (in.b.error.isEmpty() ? 0 : 1);
    if (c.format == QLatin1String("table"))
        m_out << Report::compareTable(in, c.report);
    else if (c.format == QLatin1String("json"))
        m_out << QString::fromUtf8(Report::compareJson(in, c.report));
    else if (c.format == QLatin1String("csv"))
        m_out << Report::compareCsv(in, c.report);
    else if (c.format == QLatin1String("markdown") || c.format == QLatin1String("md"))
        m_out << Report::compareMarkdown(in, c.report);
    else
        return usage(QCoreApplication::translate("naqsh::Cli", "unknown format \"%1\"; use table, json, csv or markdown").arg(c.format));
    m_out.flush();
    return errors > 0 ? ModelErrors : Success;
}

} // namespace naqsh
