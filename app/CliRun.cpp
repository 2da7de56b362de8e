// naqsh-cli run: executes the model on this CPU and prints measured times beside the counts.
#include "CliApp.h"

#include "analysis/AnalysisEngine.h"
#include "analysis/NumberFormat.h"
#include "exec/Executor.h"
#include "exec/Measurement.h"
#include "io/ImportResult.h"
#include "layers/LayerRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace naqsh {

namespace {

bool readInt(const QCommandLineParser &p, const char *name, int lo, int hi, int *out,
             QString *problem)
{
    const QString key = QString::fromLatin1(name);
    if (!p.isSet(key))
        return true;
    bool ok = false;
    const int v = p.value(key).toInt(&ok);
    if (!ok || v < lo || v > hi) {
        *problem =
            QCoreApplication::translate("naqsh::Cli", "--%1 must be a whole number from %2 to %3")
                .arg(key)
                .arg(lo)
                .arg(hi);
        return false;
    }
    *out = v;
    return true;
}

QJsonArray dims(const TensorShape &s)
{
    QJsonArray a;
    for (int i = 0; i < s.rank; ++i)
        a.append(double(s.dims[size_t(i)]));
    return a;
}

QString csvField(QString s)
{
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) ||
        s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
            QLatin1Char('"');
    return s;
}

double gmacs(qint64 macs, double ms)
{
    return ms > 0 ? double(macs) / ms / 1e6 : 0;
}

} // namespace

int CliApp::runModel(const QStringList &args)
{
    QCommandLineParser p;
    p.addOption({QStringLiteral("format"),
                 QCoreApplication::translate("naqsh::Cli", "Output format: table, json or csv."),
                 QStringLiteral("format"), QStringLiteral("table")});
    p.addOption({QStringLiteral("repeat"),
                 QCoreApplication::translate("naqsh::Cli", "Timed runs (default 5)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("warmup"),
                 QCoreApplication::translate("naqsh::Cli", "Untimed runs first (default 1)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("threads"),
                 QCoreApplication::translate("naqsh::Cli", "Threads (default 1)."),
                 QStringLiteral("T")});
    p.addOption({QStringLiteral("seed"),
                 QCoreApplication::translate("naqsh::Cli",
                                             "Seed of the random weights and input (default 1)."),
                 QStringLiteral("S")});
    p.addOption(
        {QStringLiteral("flush-caches"),
         QCoreApplication::translate("naqsh::Cli", "Evict the CPU caches before every layer.")});
    p.addOption({QStringLiteral("batch"),
                 QCoreApplication::translate(
                     "naqsh::Cli", "Batch size N for every input (default: as in the file)."),
                 QStringLiteral("N")});
    p.addOption(
        {QStringLiteral("lang"),
         QCoreApplication::translate("naqsh::Cli", "Language of messages and headers: en or fa."),
         QStringLiteral("lang")});
    p.addPositionalArgument(
        QStringLiteral("file"),
        QCoreApplication::translate("naqsh::Cli",
                                    "A .naqsh document, .onnx model or .prototxt network."));
    if (!p.parse(args))
        return usage(p.errorText());
    if (p.positionalArguments().size() != 1)
        return usage(QCoreApplication::translate("naqsh::Cli", "run takes exactly one file"));
    ExecOptions o;
    int seed = 1, batch = 0;
    QString problem;
    if (!readInt(p, "repeat", 1, 100000, &o.repeat, &problem) ||
        !readInt(p, "warmup", 0, 1000, &o.warmup, &problem) ||
        !readInt(p, "threads", 1, 1024, &o.threads, &problem) ||
        !readInt(p, "seed", 0, 2147483647, &seed, &problem) ||
        !readInt(p, "batch", 1, 1000000, &batch, &problem))
        return usage(problem);
    o.seed = quint64(seed);
    o.flushCaches = p.isSet(QStringLiteral("flush-caches"));
    const QString format = p.value(QStringLiteral("format")).toLower();
    if (format != QLatin1String("table") && format != QLatin1String("json") &&
        format != QLatin1String("csv"))
        return usage(QCoreApplication::translate(
                         "naqsh::Cli", "unknown format \"%1\"; run writes table, json or csv")
                         .arg(format));

    ImportResult file;
    if (!loadModel(p.positionalArguments().first(), &file))
        return UsageError;
    const LayerRegistry &registry = LayerRegistry::builtin();
    RuleContext context;
    context.batchOverride = batch;
    const AnalysisResult analysis = AnalysisEngine::analyze(file.graph, registry, context);
    Executor executor(file.graph, registry, analysis, o);
    executor.prepare();
    const ExecReport r = executor.measure();

    if (format == QLatin1String("json")) {
        QJsonArray layers;
        for (const LayerMeasurement &m : r.layers)
            layers.append(QJsonObject{
                {QStringLiteral("name"), m.name},
                {QStringLiteral("type"), m.type},
                {QStringLiteral("path"), m.path},
                {QStringLiteral("executed"), m.executed},
                {QStringLiteral("problem"), m.problem},
                {QStringLiteral("analysed_shape"), dims(m.analysed)},
                {QStringLiteral("shape"), dims(m.produced)},
                {QStringLiteral("shape_matches"), m.shapeMatches},
                {QStringLiteral("median_ms"), m.medianMs},
                {QStringLiteral("iqr_ms"), m.iqrMs},
                {QStringLiteral("min_ms"), m.minMs},
                {QStringLiteral("max_ms"), m.maxMs},
                {QStringLiteral("macs"), double(m.macs)},
                {QStringLiteral("bytes"), double(m.bytes)},
                {QStringLiteral("gmac_per_s"), m.gmacPerSecond()},
                {QStringLiteral("macs_per_byte"), m.intensity()},
            });
        QJsonArray paths;
        for (const PathMeasurement &pm : r.paths)
            paths.append(QJsonObject{{QStringLiteral("name"), pm.name},
                                     {QStringLiteral("layers"), int(pm.layers.size())},
                                     {QStringLiteral("macs"), double(pm.macs)},
                                     {QStringLiteral("median_ms"), pm.medianMs},
                                     {QStringLiteral("iqr_ms"), pm.iqrMs},
                                     {QStringLiteral("gmac_per_s"), gmacs(pm.macs, pm.medianMs)}});
        const QJsonObject root{
            {QStringLiteral("threads"), r.threads},
            {QStringLiteral("repeat"), r.repeat},
            {QStringLiteral("warmup"), r.warmup},
            {QStringLiteral("seed"), double(r.seed)},
            {QStringLiteral("flush_caches"), o.flushCaches},
            {QStringLiteral("complete"), r.complete()},
            {QStringLiteral("shape_mismatches"), r.shapeMismatches},
            {QStringLiteral("not_executed"), r.notExecuted},
            {QStringLiteral("unsupported_types"), QJsonArray::fromStringList(r.unsupportedTypes)},
            {QStringLiteral("total_median_ms"), r.totalMedianMs},
            {QStringLiteral("total_macs"), double(r.totalMacs)},
            {QStringLiteral("total_gmac_per_s"), gmacs(r.totalMacs, r.totalMedianMs)},
            {QStringLiteral("layers"), layers},
            {QStringLiteral("paths"), paths}};
        m_out << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else if (format == QLatin1String("csv")) {
        m_out << "name,type,path,executed,shape,median_ms,iqr_ms,min_ms,max_ms,macs,bytes,"
                 "gmac_per_s,macs_per_byte\n";
        for (const LayerMeasurement &m : r.layers)
            m_out << csvField(m.name) << ',' << m.type << ',' << csvField(m.path) << ','
                  << (m.executed ? "yes" : "no") << ',' << m.produced.toString() << ','
                  << QString::number(m.medianMs, 'f', 4) << ',' << QString::number(m.iqrMs, 'f', 4)
                  << ',' << QString::number(m.minMs, 'f', 4) << ','
                  << QString::number(m.maxMs, 'f', 4) << ',' << m.macs << ',' << m.bytes << ','
                  << QString::number(m.gmacPerSecond(), 'f', 3) << ','
                  << QString::number(m.intensity(), 'f', 3) << '\n';
    } else {
        const bool fa = p.value(QStringLiteral("lang")) == QLatin1String("fa");
        const NumberFormat f(fa ? QLocale(QLocale::Persian, QLocale::Iran) : QLocale::c());
        m_out << QCoreApplication::translate(
                     "naqsh::Cli",
                     "Measured on this computer: %1 thread(s), median of %2 runs after %3 "
                     "warm-up(s), seed %4%5")
                     .arg(f.integer(r.threads), f.integer(r.repeat), f.integer(r.warmup),
                          f.integer(qint64(r.seed)),
                          o.flushCaches ? QCoreApplication::translate(
                                              "naqsh::Cli", ", caches flushed before each layer")
                                        : QString())
              << "\n\n";
        QVector<QStringList> rows;
        rows << QStringList{QCoreApplication::translate("naqsh::Cli", "Layer"),
                            QCoreApplication::translate("naqsh::Cli", "Type"),
                            QCoreApplication::translate("naqsh::Cli", "Path"),
                            QCoreApplication::translate("naqsh::Cli", "Median ms"),
                            QCoreApplication::translate("naqsh::Cli", "Spread ms"),
                            QCoreApplication::translate("naqsh::Cli", "MACs"),
                            QCoreApplication::translate("naqsh::Cli", "GMAC/s"),
                            QCoreApplication::translate("naqsh::Cli", "MACs/byte")};
        for (const LayerMeasurement &m : r.layers) {
            if (!m.executed) {
                rows << QStringList{m.name,
                                    m.type,
                                    QCoreApplication::translate("naqsh::Cli", "did not run"),
                                    QStringLiteral("—"),
                                    QStringLiteral("—"),
                                    f.integer(m.macs),
                                    QStringLiteral("—"),
                                    QStringLiteral("—")};
                continue;
            }
            rows << QStringList{m.name,
                                m.type,
                                translatedExecPath(m.path),
                                f.real(m.medianMs, 3),
                                f.real(m.iqrMs, 3),
                                f.integer(m.macs),
                                m.macs > 0 ? f.real(m.gmacPerSecond(), 2) : QStringLiteral("—"),
                                m.bytes > 0 ? f.real(m.intensity(), 2) : QStringLiteral("—")};
        }
        for (const PathMeasurement &pm : r.paths)
            rows << QStringList{pm.name == QLatin1String("whole graph")
                                    ? QCoreApplication::translate("naqsh::Cli", "Total")
                                    : pm.name,
                                QString(),
                                QCoreApplication::translate("naqsh::Cli", "%n layer(s)", nullptr,
                                                            int(pm.layers.size())),
                                f.real(pm.medianMs, 3),
                                f.real(pm.iqrMs, 3),
                                f.integer(pm.macs),
                                pm.macs > 0 ? f.real(gmacs(pm.macs, pm.medianMs), 2)
                                            : QStringLiteral("—"),
                                QString()};
        QVector<int> widths(rows.first().size(), 0);
        for (const QStringList &row : rows)
            for (int col = 0; col < row.size(); ++col)
                widths[col] = std::max(widths[col], int(row[col].size()));
        for (int i = 0; i < rows.size(); ++i) {
            if (i == rows.size() - r.paths.size())
                m_out << '\n';
            QStringList cells;
            for (int col = 0; col < rows[i].size(); ++col)
                cells << (col < 3 ? rows[i][col].leftJustified(widths[col])
                                  : rows[i][col].rightJustified(widths[col]));
            m_out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
        }
    }
    m_out.flush();
    for (const LayerMeasurement &m : r.layers) {
        if (!m.executed)
            m_err << QCoreApplication::translate("naqsh::Cli", "not run: layer '%1' (%2): %3")
                         .arg(m.name, m.type, m.problem)
                  << '\n';
        else if (!m.shapeMatches)
            m_err << QCoreApplication::translate(
                         "naqsh::Cli", "error: layer '%1' produced %2 but the analysis says %3")
                         .arg(m.name, m.produced.toString(), m.analysed.toString())
                  << '\n';
    }
    if (!r.unsupportedTypes.isEmpty())
        m_err << QCoreApplication::translate("naqsh::Cli", "layer types that cannot run yet: %1")
                     .arg(r.unsupportedTypes.join(QStringLiteral(", ")))
              << '\n';
    m_err.flush();
    return r.complete() ? Success : ModelErrors;
}

} // namespace naqsh
