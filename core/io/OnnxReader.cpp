#include "OnnxReader.h"

#include "IsolatedRun.h"
#include "OnnxProto.h"
#include "OnnxValidate.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QtEndian>

#include <onnx/onnx_pb.h>
#include <onnx/shape_inference/implementation.h>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <new>
#include <string>

namespace naqsh {

namespace {

using onnxproto::convert;
using onnxproto::Failure;
using onnxproto::validate;
namespace pbio = google::protobuf::io;

// Tensor data up to this many bytes survives the filter: enough for 64 elements of any numeric
// type (complex128 is 16 bytes), so small constants keep their values and big weights are skipped.
constexpr qint64 kKeptTensorDataBytes = 16 * kOnnxMaxKeptValues;
constexpr int kMaxNesting = 32;
constexpr qint64 kProgressStep = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Progress and cancellation ride on the byte stream: every refill or skip reports the position.

class ProgressInputStream : public pbio::ZeroCopyInputStream
{
public:
    ProgressInputStream(pbio::ZeroCopyInputStream *inner, qint64 total,
                        const OnnxProgressCallback &callback)
        : m_inner(inner)
        , m_total(total)
        , m_callback(callback)
    {
    }

    bool Next(const void **data, int *size) override
    {
        if (m_cancelled || !m_inner->Next(data, size))
            return false;
        return report();
    }
    void BackUp(int count) override { m_inner->BackUp(count); }
    bool Skip(int count) override
    {
        if (m_cancelled)
            return false;
        const bool ok = m_inner->Skip(count);
        return report() && ok;
    }
    int64_t ByteCount() const override { return m_inner->ByteCount(); }

    bool cancelled() const { return m_cancelled; }

    bool reportFinal()
    {
        if (m_callback && !m_cancelled && !m_callback(OnnxReadStage::Reading, m_total, m_total))
            m_cancelled = true;
        return !m_cancelled;
    }

private:
    bool report()
    {
        const qint64 pos = m_inner->ByteCount();
        if (m_callback && pos >= m_nextReport) {
            m_nextReport = pos + kProgressStep;
            if (!m_callback(OnnxReadStage::Reading, qMin(pos, m_total), m_total))
                m_cancelled = true;
        }
        return !m_cancelled;
    }

    pbio::ZeroCopyInputStream *m_inner;
    qint64 m_total;
    const OnnxProgressCallback &m_callback;
    qint64 m_nextReport = 0;
    bool m_cancelled = false;
};

// ---------------------------------------------------------------------------------------------
// Streams a serialized ModelProto and re-emits it without the bulk data of tensors, so that the
// full protobuf parse afterwards only ever holds the graph. Field numbers follow onnx.proto.

enum class Msg { Model, Graph, Node, Attribute, Tensor, SparseTensor };

enum class WireFailure { None, Truncated, Malformed };

void appendVarint(std::string &out, quint64 v)
{
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

void appendFixed(std::string &out, quint64 v, int bytes)
{
    for (int k = 0; k < bytes; ++k)
        out.push_back(char((v >> (8 * k)) & 0xFF));
}

bool isTensorDataField(int field)
{
    // float_data, int32_data, string_data, int64_data, raw_data, double_data, uint64_data
    return field == 4 || field == 5 || field == 6 || field == 7 || field == 9 || field == 10 ||
           field == 11;
}

class WireFilter
{
public:
    WireFilter(pbio::CodedInputStream &in, qint64 total)
        : m_in(in)
        , m_total(total)
    {
    }

    bool run(std::string &out) { return filter(Msg::Model, out, 0); }

    WireFailure failure() const { return m_failure; }
    qint64 failurePosition() const { return m_failurePos; }
    /// The first field was a plausible ir_version, so a failure later means "damaged ONNX".
    bool looksLikeOnnx() const { return m_looksLikeOnnx; }

private:
    qint64 remaining() const { return m_total - m_in.CurrentPosition(); }

    bool fail(WireFailure f)
    {
        if (m_failure == WireFailure::None) {
            m_failure = f;
            m_failurePos = m_in.CurrentPosition();
        }
        return false;
    }

    bool failNear(int neededBytes)
    {
        return fail(remaining() < neededBytes ? WireFailure::Truncated : WireFailure::Malformed);
    }

    bool readLength(quint32 &len)
    {
        uint64_t v = 0;
        if (!m_in.ReadVarint64(&v))
            return failNear(10);
        if (v > quint64(remaining()))
            return fail(WireFailure::Truncated);
        if (m_in.BytesUntilLimit() >= 0 && v > quint64(m_in.BytesUntilLimit()))
            return fail(WireFailure::Malformed);
        len = quint32(v);
        return true;
    }

    // Copies (out != nullptr) or skips one non-descended field; dataBytes receives its size.
    bool passField(quint32 tag, std::string *out, qint64 *dataBytes = nullptr)
    {
        const int wireType = int(tag & 7);
        switch (wireType) {
        case 0: {
            quint64 v = 0;
            if (!m_in.ReadVarint64(reinterpret_cast<uint64_t *>(&v)))
                return failNear(10);
            if (dataBytes)
                *dataBytes = 8;
            if (out) {
                appendVarint(*out, tag);
                appendVarint(*out, v);
            }
            return true;
        }
        case 1: {
            uint64_t v = 0;
            if (!m_in.ReadLittleEndian64(&v))
                return failNear(8);
            if (dataBytes)
                *dataBytes = 8;
            if (out) {
                appendVarint(*out, tag);
                appendFixed(*out, v, 8);
            }
            return true;
        }
        case 5: {
            uint32_t v = 0;
            if (!m_in.ReadLittleEndian32(&v))
                return failNear(4);
            if (dataBytes)
                *dataBytes = 4;
            if (out) {
                appendVarint(*out, tag);
                appendFixed(*out, v, 4);
            }
            return true;
        }
        case 2: {
            quint32 len = 0;
            if (!readLength(len))
                return false;
            if (dataBytes)
                *dataBytes = len;
            if (!out) {
                if (!m_in.Skip(int(len)))
                    return fail(WireFailure::Truncated);
                return true;
            }
            std::string buf;
            if (!m_in.ReadString(&buf, int(len)))
                return fail(WireFailure::Truncated);
            appendVarint(*out, tag);
            appendVarint(*out, len);
            out->append(buf);
            return true;
        }
        default:
            // Groups (3, 4) are unused by ONNX; 6 and 7 do not exist.
            return fail(WireFailure::Malformed);
        }
    }

    static bool descendInto(Msg type, int field, Msg &child)
    {
        switch (type) {
        case Msg::Model:
            if (field == 7) {
                child = Msg::Graph;
                return true;
            }
            return false;
        case Msg::Graph:
            if (field == 1) {
                child = Msg::Node;
                return true;
            }
            if (field == 5) {
                child = Msg::Tensor;
                return true;
            }
            if (field == 15) {
                child = Msg::SparseTensor;
                return true;
            }
            return false;
        case Msg::Node:
            if (field == 5) {
                child = Msg::Attribute;
                return true;
            }
            return false;
        case Msg::Attribute:
            if (field == 5 || field == 10) {
                child = Msg::Tensor;
                return true;
            }
            if (field == 6 || field == 11) {
                child = Msg::Graph;
                return true;
            }
            if (field == 22 || field == 23) {
                child = Msg::SparseTensor;
                return true;
            }
            return false;
        case Msg::SparseTensor:
            if (field == 1 || field == 2) {
                child = Msg::Tensor;
                return true;
            }
            return false;
        case Msg::Tensor:
            return false;
        }
        return false;
    }

    bool filter(Msg type, std::string &out, int depth)
    {
        if (depth > kMaxNesting)
            return fail(WireFailure::Malformed);
        std::string tensorData; // only for Msg::Tensor
        qint64 tensorDataBytes = 0;
        bool tensorDataDropped = false;
        bool firstField = true;

        while (true) {
            const quint32 tag = m_in.ReadTag();
            if (tag == 0) {
                if (!m_in.ConsumedEntireMessage())
                    return failNear(5);
                // protobuf also calls a plain end of stream legitimate; the stream may have
                // ended early (file shrank, cancelled) so insist on reaching the limit.
                if (m_in.BytesUntilLimit() != 0)
                    return fail(WireFailure::Truncated);
                break;
            }
            const int field = int(tag >> 3);
            const int wireType = int(tag & 7);
            if (field == 0)
                return fail(WireFailure::Malformed);

            if (type == Msg::Model && depth == 0 && firstField) {
                firstField = false;
                if (field == 1 && wireType == 0) {
                    uint64_t v = 0;
                    if (!m_in.ReadVarint64(&v))
                        return failNear(10);
                    m_looksLikeOnnx = v >= 1 && v <= 64;
                    appendVarint(out, tag);
                    appendVarint(out, v);
                    continue;
                }
            }

            Msg child;
            if (wireType == 2 && descendInto(type, field, child)) {
                quint32 len = 0;
                if (!readLength(len))
                    return false;
                const auto limit = m_in.PushLimit(int(len));
                std::string sub;
                if (!filter(child, sub, depth + 1))
                    return false;
                m_in.PopLimit(limit);
                appendVarint(out, tag);
                appendVarint(out, sub.size());
                out.append(sub);
                continue;
            }
            if (type == Msg::Model && field == 20) {
                // training_info: not needed to import an inference graph.
                if (!passField(tag, nullptr))
                    return false;
                continue;
            }
            if (type == Msg::Tensor && isTensorDataField(field)) {
                if (tensorDataDropped) {
                    if (!passField(tag, nullptr))
                        return false;
                    continue;
                }
                std::string piece;
                qint64 size = 0;
                // Peek the size cheaply for length-delimited fields so big raw_data is skipped,
                // never read.
                if (wireType == 2) {
                    quint32 len = 0;
                    if (!readLength(len))
                        return false;
                    if (tensorDataBytes + len > kKeptTensorDataBytes) {
                        if (!m_in.Skip(int(len)))
                            return fail(WireFailure::Truncated);
                        tensorDataDropped = true;
                        tensorData.clear();
                        continue;
                    }
                    std::string buf;
                    if (!m_in.ReadString(&buf, int(len)))
                        return fail(WireFailure::Truncated);
                    appendVarint(tensorData, tag);
                    appendVarint(tensorData, len);
                    tensorData.append(buf);
                    tensorDataBytes += len;
                    continue;
                }
                if (!passField(tag, &piece, &size))
                    return false;
                tensorDataBytes += size;
                if (tensorDataBytes > kKeptTensorDataBytes) {
                    tensorDataDropped = true;
                    tensorData.clear();
                } else {
                    tensorData.append(piece);
                }
                continue;
            }
            if (!passField(tag, &out))
                return false;
        }
        if (type == Msg::Tensor && !tensorDataDropped)
            out.append(tensorData);
        return true;
    }

    pbio::CodedInputStream &m_in;
    qint64 m_total;
    WireFailure m_failure = WireFailure::None;
    qint64 m_failurePos = 0;
    bool m_looksLikeOnnx = false;
};

// ONNX reports "(op_type:Softmax, node name: sm): [ShapeInferenceError] ..." one per line.
QStringList shapeInferenceWarnings(const QString &what)
{
    static const QRegularExpression nodeLine(
        QStringLiteral("^\\(op_type:([^,]*), node name: (.*?)\\): (.*)$"));
    QStringList out;
    QString text = what;
    text.remove(QStringLiteral("[ShapeInferenceError] Shape inference error(s): "));
    for (const QString &rawLine : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString line = rawLine.trimmed();
        const QRegularExpressionMatch m = nodeLine.match(line);
        if (!m.hasMatch()) {
            out << QCoreApplication::translate("naqsh::OnnxReader",
                                               "shape inference stopped early: %1")
                       .arg(line);
            continue;
        }
        // Follow-on failures of nodes fed by a failed node add nothing.
        if (!out.isEmpty() && m.captured(3).contains(QStringLiteral("but instead is null")))
            continue;
        const QString node = m.captured(2).isEmpty()
                                 ? m.captured(1)
                                 : QStringLiteral("'%1' (%2)").arg(m.captured(2), m.captured(1));
        out << QCoreApplication::translate("naqsh::OnnxReader",
                                           "node %1: shape inference failed: %2")
                   .arg(node, m.captured(3));
    }
    if (out.isEmpty())
        out << QCoreApplication::translate("naqsh::OnnxReader", "shape inference stopped early");
    constexpr int kMaxWarnings = 20;
    if (out.size() > kMaxWarnings) {
        const qsizetype more = out.size() - kMaxWarnings;
        out.resize(kMaxWarnings);
        out << QCoreApplication::translate(
            "naqsh::OnnxReader", "shape inference: %n more node(s) failed", nullptr, int(more));
    }
    return out;
}

// Runs ONNX shape inference on model in a child process (runIsolated): a crash or an endless
// loop in the library costs the inferred shapes, never the program. On success the inferred
// graph replaces model's; node errors become warnings.
OnnxInferenceStatus inferShapesIsolated(onnx::ModelProto &model, bool isolate, int timeoutMs,
                                        const OnnxProgressCallback &progress, QStringList &warnings,
                                        bool &cancelled, bool dataPropagation)
{
    // Touch the schema registry here: the child must not be the first to build it.
    const onnx::ISchemaRegistry *schemas = onnx::OpSchemaRegistry::Instance();
    auto work = [&]() -> QByteArray {
        std::string errors;
        try {
            // error_mode 1 still infers every node it can, then throws all node errors at once;
            // they become warnings that tell the student which node ONNX itself rejects. Data
            // propagation evaluates shape arithmetic (Shape → Gather → Concat → Reshape) so
            // that the shapes after it are known too.
            const onnx::ShapeInferenceOptions inferOptions(false, 1, dataPropagation);
            onnx::shape_inference::InferShapes(model, schemas, inferOptions);
        } catch (const std::exception &e) {
            errors = e.what();
            if (errors.empty())
                errors = " ";
        } catch (...) {
            errors = " ";
        }
        // Reply: error text length (8 bytes), error text, the inferred graph.
        std::string graph;
        model.graph().SerializeToString(&graph);
        QByteArray out;
        const quint64 n = errors.size();
        out.append(reinterpret_cast<const char *>(&n), sizeof n);
        out.append(errors.data(), qsizetype(errors.size()));
        out.append(graph.data(), qsizetype(graph.size()));
        return out;
    };
    IsolatedRunResult run;
    if (isolate) {
        run = runIsolated(work, timeoutMs, [&](qint64 elapsed) {
            return !progress || progress(OnnxReadStage::InferringShapes, elapsed, timeoutMs);
        });
    } else {
        run.status = IsolatedRunResult::Status::Finished;
        run.output = work();
    }
    switch (run.status) {
    case IsolatedRunResult::Status::Cancelled:
        cancelled = true;
        return OnnxInferenceStatus::NotRun;
    case IsolatedRunResult::Status::TimedOut: {
        // A named count: Qt 6.4's lupdate loops forever on a '/' inside translate()'s arguments.
        const int seconds = qMax(1, timeoutMs / 1000);
        warnings << QCoreApplication::translate("naqsh::OnnxReader",
                                                "ONNX shape inference took longer than %n "
                                                "second(s) and was stopped; only the shapes "
                                                "written in the file are known",
                                                nullptr, seconds);
        return OnnxInferenceStatus::TimedOut;
    }
    case IsolatedRunResult::Status::Crashed:
    case IsolatedRunResult::Status::TooMuchOutput:
        warnings << QCoreApplication::translate("naqsh::OnnxReader",
                                                "ONNX shape inference failed on this model "
                                                "(the library stopped with signal %1); only the "
                                                "shapes written in the file are known")
                        .arg(run.signal);
        return OnnxInferenceStatus::Crashed;
    case IsolatedRunResult::Status::Finished:
        break;
    }
    quint64 errorBytes = 0;
    onnx::GraphProto inferred;
    bool replyOk = run.output.size() >= qsizetype(sizeof errorBytes);
    if (replyOk) {
        std::memcpy(&errorBytes, run.output.constData(), sizeof errorBytes);
        replyOk = errorBytes <= quint64(run.output.size()) - sizeof errorBytes;
    }
    if (replyOk) {
        const char *graphData = run.output.constData() + sizeof errorBytes + errorBytes;
        const qsizetype graphBytes = run.output.size() - qsizetype(sizeof errorBytes + errorBytes);
        replyOk = inferred.ParseFromArray(graphData, int(graphBytes));
    }
    if (!replyOk) {
        warnings << QCoreApplication::translate("naqsh::OnnxReader",
                                                "ONNX shape inference failed on this model "
                                                "(the library stopped with signal %1); only the "
                                                "shapes written in the file are known")
                        .arg(0);
        return OnnxInferenceStatus::Crashed;
    }
    model.mutable_graph()->Swap(&inferred);
    if (errorBytes > 0) {
        warnings << shapeInferenceWarnings(
            QString::fromUtf8(run.output.constData() + sizeof errorBytes, qsizetype(errorBytes))
                .trimmed());
    }
    return OnnxInferenceStatus::Done;
}

OnnxReadResult failed(OnnxReadError code, const QString &message)
{
    OnnxReadResult r;
    r.error = code;
    r.errorMessage = message;
    return r;
}

OnnxReadResult cancelledResult()
{
    return failed(OnnxReadError::Cancelled,
                  QCoreApplication::translate("naqsh::OnnxReader", "reading was cancelled"));
}

OnnxReadResult readFromStream(pbio::ZeroCopyInputStream &raw, qint64 total,
                              const OnnxProgressCallback &progress, const OnnxReadOptions &options)
{
    if (total > INT_MAX) {
        return failed(OnnxReadError::TooLarge,
                      QCoreApplication::translate(
                          "naqsh::OnnxReader",
                          "the model is larger than 2 GB; protobuf cannot read a single message "
                          "of that size (such models keep weights in external data files)"));
    }
    ProgressInputStream stream(&raw, total, progress);
    std::string filtered;
    {
        pbio::CodedInputStream in(&stream);
        in.SetTotalBytesLimit(INT_MAX);
        const auto limit = in.PushLimit(int(total));
        WireFilter filter(in, total);
        const bool ok = filter.run(filtered);
        in.PopLimit(limit);
        if (stream.cancelled())
            return cancelledResult();
        if (!ok) {
            if (filter.failure() == WireFailure::Truncated && filter.looksLikeOnnx()) {
                return failed(OnnxReadError::Truncated,
                              QCoreApplication::translate(
                                  "naqsh::OnnxReader",
                                  "the file is truncated: the model data ends at byte %1 of %2 "
                                  "in the middle of a field")
                                  .arg(filter.failurePosition())
                                  .arg(total));
            }
            return failed(OnnxReadError::NotOnnx,
                          QCoreApplication::translate(
                              "naqsh::OnnxReader",
                              "not an ONNX model (wrong magic / parse failed at byte %1)")
                              .arg(filter.failurePosition()));
        }
    }
    if (!stream.reportFinal())
        return cancelledResult();

    onnx::ModelProto model;
    if (!model.ParseFromString(filtered)) {
        return failed(OnnxReadError::NotOnnx,
                      QCoreApplication::translate(
                          "naqsh::OnnxReader", "not an ONNX model (wrong magic / parse failed)"));
    }
    std::string().swap(filtered);

    if (!model.has_graph()) {
        if (!model.has_ir_version()) {
            return failed(OnnxReadError::NotOnnx,
                          QCoreApplication::translate("naqsh::OnnxReader",
                                                      "not an ONNX model (wrong magic: no IR "
                                                      "version and no graph)"));
        }
        return failed(
            OnnxReadError::InvalidModel,
            QCoreApplication::translate("naqsh::OnnxReader",
                                        "the model contains no graph (the file may be truncated)"));
    }

    QStringList warnings;
    const Failure problem = validate(model, warnings);
    if (problem.code != OnnxReadError::None)
        return failed(problem.code, problem.message);

    if (options.validateBeforeInference) {
        const QString unsafe = validateOnnxForInference(convert(model));
        if (!unsafe.isEmpty())
            return failed(OnnxReadError::InvalidModel, unsafe);
    }

    OnnxInferenceStatus inference = OnnxInferenceStatus::NotRun;
    if (options.inferShapes) {
        if (progress && !progress(OnnxReadStage::InferringShapes, 0, options.inferenceTimeoutMs))
            return cancelledResult();
        bool cancelled = false;
        QStringList inferenceWarnings;
        inference = inferShapesIsolated(model, options.isolateInference, options.inferenceTimeoutMs,
                                        progress, inferenceWarnings, cancelled, true);
        if (inference == OnnxInferenceStatus::Crashed && !cancelled) {
            // Data propagation is the younger part of the library: without it, the shapes
            // inference gave before may still come.
            inferenceWarnings.clear();
            inference =
                inferShapesIsolated(model, options.isolateInference, options.inferenceTimeoutMs,
                                    progress, inferenceWarnings, cancelled, false);
        }
        if (cancelled)
            return cancelledResult();
        warnings << inferenceWarnings;
    }

    if (progress && !progress(OnnxReadStage::Converting, 0, 0))
        return cancelledResult();
    OnnxReadResult result;
    result.model = convert(model);
    result.model.warnings = warnings;
    result.inference = inference;
    return result;
}

OnnxReadResult guarded(const std::function<OnnxReadResult()> &body)
{
    try {
        return body();
    } catch (const std::bad_alloc &) {
        return failed(OnnxReadError::InvalidModel,
                      QCoreApplication::translate("naqsh::OnnxReader",
                                                  "out of memory while reading the model"));
    } catch (const std::exception &e) {
        return failed(
            OnnxReadError::InvalidModel,
            QCoreApplication::translate("naqsh::OnnxReader", "could not read the model: %1")
                .arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return failed(OnnxReadError::InvalidModel,
                      QCoreApplication::translate("naqsh::OnnxReader", "could not read the model"));
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

qint64 OnnxTensorInfo::elementCount() const
{
    if (!rankKnown)
        return -1;
    qint64 count = 1;
    for (const qint64 d : dims) {
        if (d < 0)
            return -1;
        if (d != 0 && count > std::numeric_limits<qint64>::max() / d)
            return -1;
        count *= d;
    }
    return count;
}

bool OnnxNode::isStandardDomain() const
{
    return domain.isEmpty() || domain == u"ai.onnx";
}

const OnnxAttribute *OnnxNode::attribute(QStringView name) const
{
    for (const OnnxAttribute &a : attributes) {
        if (a.name == name)
            return &a;
    }
    return nullptr;
}

qint64 OnnxNode::attrInt(QStringView name, qint64 defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::Int ? a->i : defaultValue;
}

double OnnxNode::attrFloat(QStringView name, double defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::Float ? a->f : defaultValue;
}

QString OnnxNode::attrString(QStringView name, const QString &defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::String ? a->s : defaultValue;
}

QVector<qint64> OnnxNode::attrInts(QStringView name, const QVector<qint64> &defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::Ints ? a->ints : defaultValue;
}

QVector<double> OnnxNode::attrFloats(QStringView name, const QVector<double> &defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::Floats ? a->floats : defaultValue;
}

QStringList OnnxNode::attrStrings(QStringView name, const QStringList &defaultValue) const
{
    const OnnxAttribute *a = attribute(name);
    return a && a->kind == OnnxAttribute::Kind::Strings ? a->strings : defaultValue;
}

QString OnnxNode::displayName(int index) const
{
    if (!name.isEmpty())
        return QStringLiteral("'%1' (%2)").arg(name, opType);
    return QStringLiteral("#%1 (%2)").arg(index).arg(opType);
}

OnnxReadResult readOnnxFile(const QString &path, const OnnxProgressCallback &progress,
                            const OnnxReadOptions &options)
{
    return guarded([&]() -> OnnxReadResult {
        QFile file(path);
        if (QFileInfo(path).isDir()) {
            return failed(
                OnnxReadError::FileError,
                QCoreApplication::translate("naqsh::OnnxReader", "cannot open '%1': it is a folder")
                    .arg(path));
        }
        if (!file.exists()) {
            return failed(OnnxReadError::FileError,
                          QCoreApplication::translate("naqsh::OnnxReader",
                                                      "cannot open '%1': the file does not exist")
                              .arg(path));
        }
        if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
            return failed(OnnxReadError::FileError,
                          QCoreApplication::translate("naqsh::OnnxReader", "cannot open '%1': %2")
                              .arg(path, file.errorString()));
        }
        const qint64 total = file.size();
        const int fd = file.handle();
        if (fd >= 0) {
            // Reading through the descriptor lets protobuf seek over weight data.
            pbio::FileInputStream raw(fd, 1 << 16);
            OnnxReadResult r = readFromStream(raw, total, progress, options);
            if (raw.GetErrno() != 0 && r.error != OnnxReadError::Cancelled) {
                return failed(
                    OnnxReadError::FileError,
                    QCoreApplication::translate("naqsh::OnnxReader", "cannot read '%1': %2")
                        .arg(path, QString::fromLocal8Bit(std::strerror(raw.GetErrno()))));
            }
            return r;
        }
        // Qt resources and other non-file devices have no descriptor.
        const QByteArray bytes = file.readAll();
        pbio::ArrayInputStream raw(bytes.constData(), int(qMin<qint64>(bytes.size(), INT_MAX)));
        return readFromStream(raw, bytes.size(), progress, options);
    });
}

OnnxReadResult readOnnxBytes(QByteArrayView bytes, const OnnxProgressCallback &progress,
                             const OnnxReadOptions &options)
{
    return guarded([&]() -> OnnxReadResult {
        pbio::ArrayInputStream raw(bytes.data(), int(qMin<qint64>(bytes.size(), INT_MAX)));
        return readFromStream(raw, bytes.size(), progress, options);
    });
}

QString onnxElemTypeName(int elemType)
{
    switch (elemType) {
    case 1:
        return QStringLiteral("float32");
    case 2:
        return QStringLiteral("uint8");
    case 3:
        return QStringLiteral("int8");
    case 4:
        return QStringLiteral("uint16");
    case 5:
        return QStringLiteral("int16");
    case 6:
        return QStringLiteral("int32");
    case 7:
        return QStringLiteral("int64");
    case 8:
        return QStringLiteral("string");
    case 9:
        return QStringLiteral("bool");
    case 10:
        return QStringLiteral("float16");
    case 11:
        return QStringLiteral("float64");
    case 12:
        return QStringLiteral("uint32");
    case 13:
        return QStringLiteral("uint64");
    case 14:
        return QStringLiteral("complex64");
    case 15:
        return QStringLiteral("complex128");
    case 16:
        return QStringLiteral("bfloat16");
    default:
        return QCoreApplication::translate("naqsh::OnnxReader", "type %1").arg(elemType);
    }
}

} // namespace naqsh
