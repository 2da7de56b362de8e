#pragma once

#include <QStringList>
#include <QTextStream>

namespace naqsh {

struct AnalysisResult;
class Graph;
struct ImportResult;

/// naqsh-cli: headless analysis, comparison, import and layout. Wiring only: parses arguments,
/// calls core and prints. Exit codes: 0 success; 1 the model has errors; 2 usage or file errors.
class CliApp
{
public:
    CliApp(QTextStream &out, QTextStream &err)
        : m_out(out)
        , m_err(err)
    {
    }
    int run(const QStringList &arguments);

    enum Exit { Success = 0, ModelErrors = 1, UsageError = 2 };

private:
    int analyze(const QStringList &args);
    int compare(const QStringList &args);
    int convert(const QStringList &args);
    int layout(const QStringList &args);
    int sweep(const QStringList &args);
    int exportFiles(const QStringList &args); // CliExport.cpp
    int runModel(const QStringList &args);    // CliRun.cpp
    int usage(const QString &problem = {});
    void printWarnings(const QString &path, const QStringList &warnings);
    /// Loads any supported model for analysis; on failure prints the error and returns false.
    bool loadModel(const QString &path, ImportResult *out);
    /// Prints each layer's error on stderr; returns true if there were any.
    bool printModelErrors(const Graph &graph, const AnalysisResult &result);
    /// Prints "error: …" lines on stderr; returns true if there were any.
    bool printErrors(const QStringList &errors);

    QTextStream &m_out;
    QTextStream &m_err;
};

} // namespace naqsh
