#pragma once

#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <functional>

namespace naqsh {

/**
 * Type and shape of one tensor, as declared in the file or inferred, plus the values of small
 * constant tensors.
 *
 * dims are -1 where a dimension is unknown or symbolic (e.g. a batch size "N"); the symbol is
 * kept in dimParams at the same index. rankKnown is false when nothing is known about the shape
 * (dims is then empty); a known rank with empty dims is a scalar.
 */
struct OnnxTensorInfo
{
    QString name;
    QVector<qint64> dims;
    /// Symbolic dimension names ("N", "batch"), empty strings where a dimension is a number.
    QStringList dimParams;
    /// ONNX TensorProto.DataType code: 1 float, 6 int32, 7 int64, 9 bool, 10 float16, 11 double.
    /// 0 when unknown or the value is not a tensor (sequence, map).
    int elemType = 0;
    bool rankKnown = false;

    /// True when the values of a small constant (<= kOnnxMaxKeptValues elements) were kept:
    /// ints for integer and bool types, floats for floating types.
    bool hasValues = false;
    QVector<qint64> ints;
    QVector<double> floats;

    /// Product of dims; -1 when the rank or any dimension is unknown, or on overflow.
    qint64 elementCount() const;
};

/// Constant tensors (initializers, tensor attributes) with at most this many elements keep their
/// values in OnnxTensorInfo; larger ones keep dims only.
inline constexpr int kOnnxMaxKeptValues = 64;

/// One node attribute. Only the member matching kind is meaningful.
struct OnnxAttribute
{
    /// Other covers graphs (If/Loop bodies), sparse tensors and type protos, which are not read.
    enum class Kind { Int, Float, String, Ints, Floats, Strings, Tensor, Other };

    QString name;
    Kind kind = Kind::Other;
    qint64 i = 0;
    double f = 0.0;
    QString s;
    QVector<qint64> ints;
    QVector<double> floats;
    QStringList strings;
    /// For Tensor attributes (Constant value, ConstantOfShape value): dims, and values if small.
    OnnxTensorInfo tensor;
};

/// One operator application, in file order.
struct OnnxNode
{
    QString name;
    QString opType;
    /// "" (or "ai.onnx") for standard operators, e.g. "com.microsoft" for contrib ops.
    QString domain;
    /// Tensor names; an empty string marks an omitted optional input/output.
    QStringList inputs;
    QStringList outputs;
    QVector<OnnxAttribute> attributes;

    bool isStandardDomain() const;
    /// The attribute called name, or nullptr. The pointer is valid while this node is unchanged.
    const OnnxAttribute *attribute(QStringView name) const;
    bool hasAttribute(QStringView name) const { return attribute(name) != nullptr; }
    /// Typed lookups: the default when the attribute is absent or of another kind.
    qint64 attrInt(QStringView name, qint64 defaultValue = 0) const;
    double attrFloat(QStringView name, double defaultValue = 0.0) const;
    QString attrString(QStringView name, const QString &defaultValue = {}) const;
    QVector<qint64> attrInts(QStringView name, const QVector<qint64> &defaultValue = {}) const;
    QVector<double> attrFloats(QStringView name, const QVector<double> &defaultValue = {}) const;
    QStringList attrStrings(QStringView name, const QStringList &defaultValue = {}) const;
    /// "'name' (OpType)" or "#index (OpType)" for unnamed nodes, for messages.
    QString displayName(int index) const;
};

/**
 * The graph of an ONNX model as plain data, without weight data.
 *
 * Names link everything: node inputs/outputs name tensors that are described in inputs,
 * initializers or valueInfo.
 */
struct OnnxModel
{
    qint64 irVersion = 0;
    QString producer;
    QString producerVersion;
    /// Opset version of the default ("" / "ai.onnx") domain.
    qint64 opsetVersion = 0;
    /// Every opset_import entry: domain -> version ("" for the default domain).
    QHash<QString, qint64> opsetImports;
    QString graphName;

    /// Graph inputs that are not initializers (the real model inputs).
    QVector<OnnxTensorInfo> inputs;
    QVector<OnnxTensorInfo> outputs;
    /// Initializer name -> dims and element type; values only for small tensors (shapes, scales,
    /// pads, clip bounds). Weight data is never kept.
    QHash<QString, OnnxTensorInfo> initializers;
    /// Every tensor whose type is known: graph inputs and outputs, the file's value_info, and
    /// shapes added by ONNX shape inference.
    QHash<QString, OnnxTensorInfo> valueInfo;
    QVector<OnnxNode> nodes;

    /// Non-fatal problems (shape inference failed, nodes out of order, ...), translated.
    QStringList warnings;
};

/// Why a read failed; stable for code to branch on (messages are translated).
enum class OnnxReadError {
    None,
    FileError,    ///< missing, unreadable or a directory
    NotOnnx,      ///< bytes are not a protobuf ModelProto
    Truncated,    ///< the data ends inside the model
    InvalidModel, ///< parses, but the graph is unusable (no nodes, undefined inputs, bad dims)
    TooLarge,     ///< beyond protobuf's 2 GB message limit
    Cancelled,    ///< the progress callback returned false
};

enum class OnnxReadStage { Reading, InferringShapes, Converting };

/**
 * Progress report. During Reading, done/total are bytes (total is the file or buffer size);
 * during InferringShapes, about every 50 ms, milliseconds spent and the time limit; Converting
 * reports once with done = total = 0. Return false to cancel: the read stops soon after (shape
 * inference is killed at once) and fails with OnnxReadError::Cancelled. Called on the reading
 * thread.
 */
using OnnxProgressCallback = std::function<bool(OnnxReadStage stage, qint64 done, qint64 total)>;

/// How ONNX's own shape inference went (it runs in a child process, see readOnnxFile).
enum class OnnxInferenceStatus {
    NotRun,   ///< the read failed before inference, or options.inferShapes was false
    Done,     ///< ran to the end (node errors, if any, are warnings)
    Crashed,  ///< the library crashed; shapes come from the file only (a warning says so)
    TimedOut, ///< took longer than options.inferenceTimeoutMs and was stopped (a warning says so)
};

struct OnnxReadOptions
{
    /// Run ONNX shape inference to fill valueInfo.
    bool inferShapes = true;
    /// Check first what the library's shape rules take on trust (validateOnnxForInference) and
    /// refuse the file when that fails. Only tests of the isolation itself turn this off.
    bool validateBeforeInference = true;
    /// Time limit for shape inference, in milliseconds.
    int inferenceTimeoutMs = 30000;
    /// Run shape inference in a child process (runIsolated), so that a crash or an endless loop
    /// in the library costs only the inferred shapes. Only the fuzz target turns this off: there a
    /// crash or a hang after validation must stop the fuzzer, and a fork per input is too slow.
    bool isolateInference = true;
};

/// Result of readOnnxFile/readOnnxBytes: the model when error == None, otherwise a message.
struct OnnxReadResult
{
    OnnxModel model;
    OnnxReadError error = OnnxReadError::None;
    /// Translated (context "naqsh::OnnxReader"), naming the node or tensor concerned.
    QString errorMessage;
    OnnxInferenceStatus inference = OnnxInferenceStatus::NotRun;

    bool ok() const { return error == OnnxReadError::None; }
};

/**
 * Reads a .onnx file.
 *
 * Weight data is skipped while streaming the file (seeked over, not read into memory), so memory
 * stays near the size of the graph, not the file: a 550 MB VGG-16 costs a few MB. Runs ONNX shape
 * inference to fill valueInfo; a failure there is a warning. Before that, the attributes and
 * ranks the library's shape rules rely on are checked (validateOnnxForInference): a file that
 * would crash or hang the library is refused with the node and attribute named. The inference
 * itself runs in a child process with a time limit, killed on Cancel, so whatever slips through
 * cannot crash or hang the caller. Never throws; any input, including random or truncated bytes,
 * gives either a model or an error.
 */
OnnxReadResult readOnnxFile(const QString &path, const OnnxProgressCallback &progress = {},
                            const OnnxReadOptions &options = {});

/// Same as readOnnxFile, for a model already in memory.
OnnxReadResult readOnnxBytes(QByteArrayView bytes, const OnnxProgressCallback &progress = {},
                             const OnnxReadOptions &options = {});

/// Human-readable name of an ONNX element type code ("float32", "int64", ...), or "type N".
QString onnxElemTypeName(int elemType);

} // namespace naqsh
