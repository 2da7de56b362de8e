#pragma once

#include "analysis/TensorShape.h"

#include <QFile>
#include <QProcess>
#include <QStringList>
#include <QVector>

namespace naqsh::test {

/// "1x192x28x28", "2x784", "1x197x768" or "scalar" -> TensorShape (tests write shapes the
/// way students read them); anything else is an invalid shape.
inline TensorShape shape(const QString &text)
{
    if (text == QLatin1String("scalar"))
        return TensorShape::scalar();
    const QStringList parts = text.split(QLatin1Char('x'));
    QVector<qint64> dims;
    for (const QString &p : parts) {
        bool ok = false;
        dims.append(p.toLongLong(&ok));
        if (!ok)
            return {};
    }
    if (dims.size() > TensorShape::kMaxRank)
        return {};
    if (dims.size() == 4)
        return TensorShape::nchw(dims[0], dims[1], dims[2], dims[3]);
    if (dims.size() == 2)
        return TensorShape::nf(dims[0], dims[1]);
    return TensorShape::of(std::span<const qint64>(dims.data(), size_t(dims.size())));
}

inline QVector<TensorShape> shapes(const QString &text)
{
    QVector<TensorShape> out;
    if (text.isEmpty())
        return out;
    for (const QString &s : text.split(QLatin1Char(';')))
        out.append(shape(s));
    return out;
}

/// "1, 192, 28, 28": a shape's dimensions the way a Python script prints a list of them.
inline QString dimsOf(const TensorShape &s)
{
    QStringList d;
    for (qint64 v : s.toVector())
        d << QString::number(v);
    return d.join(QStringLiteral(", "));
}

/// What a Python script run by a test printed, and whether it ran to a clean exit.
struct PythonRun
{
    bool ok = false;
    QString output; ///< standard output, then standard error
};

/// Writes @p code to @p scriptPath and runs it with /usr/bin/python3 (where torch lives) on one
/// OpenMP thread, with the source tree's tests/tools directory as its argument.
inline PythonRun runPythonScript(const QString &scriptPath, const QString &code, int timeoutMs)
{
    QFile f(scriptPath);
    if (!f.open(QIODevice::WriteOnly))
        return {false, QStringLiteral("cannot write ") + scriptPath};
    f.write(code.toUtf8());
    f.close();
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OMP_NUM_THREADS"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("/usr/bin/python3"),
            {scriptPath, QStringLiteral(NAQSH_SOURCE_DIR "/tests/tools")});
    PythonRun run;
    run.ok =
        p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    run.output =
        QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return run;
}

} // namespace naqsh::test
