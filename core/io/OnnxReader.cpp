#include "OnnxReader.h"

#include "IsolatedRun.h"
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

namespace pbio = google::protobuf::io;

constexpr qint64 kMaxDim = qint64(1) << 31;
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

// ---------------------------------------------------------------------------------------------

QString qs(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString nodeLabel(const onnx::NodeProto &node, int index)
{
    if (!node.name().empty()) {
        return QStringLiteral("'%1' (%2)").arg(qs(node.name()), qs(node.op_type()));
    }
    return QStringLiteral("#%1 (%2)").arg(index).arg(qs(node.op_type()));
}

struct Failure
{
    OnnxReadError code = OnnxReadError::None;
    QString message;
};

// Declared dims from the file: -1 is tolerated as "unknown" (some exporters write it), anything
// else negative or beyond 2^31 is rejected.
QString checkDeclaredDim(qint64 d)
{
    if (d < -1) {
        return QCoreApplication::translate("naqsh::OnnxReader", "negative dimension %1").arg(d);
    }
    if (d > kMaxDim) {
        return QCoreApplication::translate("naqsh::OnnxReader", "dimension %1 is larger than 2^31")
            .arg(d);
    }
    return {};
}

QString checkTensorDims(const onnx::TensorProto &t)
{
    qint64 count = 1;
    bool overflow = false;
    for (const int64_t d : t.dims()) {
        if (d < 0) {
            return QCoreApplication::translate("naqsh::OnnxReader", "negative dimension %1")
                .arg(qint64(d));
        }
        if (d > kMaxDim) {
            return QCoreApplication::translate("naqsh::OnnxReader",
                                               "dimension %1 is larger than 2^31")
                .arg(qint64(d));
        }
        if (d != 0 && count > (qint64(1) << 62) / d)
            overflow = true;
        else
            count *= d;
    }
    if (overflow) {
        return QCoreApplication::translate("naqsh::OnnxReader",
                                           "the number of elements does not fit in 64 bits");
    }
    return {};
}

QString checkTypeDims(const onnx::TypeProto &type)
{
    const onnx::TensorShapeProto *shape = nullptr;
    if (type.has_tensor_type() && type.tensor_type().has_shape())
        shape = &type.tensor_type().shape();
    else if (type.has_sparse_tensor_type() && type.sparse_tensor_type().has_shape())
        shape = &type.sparse_tensor_type().shape();
    if (!shape)
        return {};
    for (const auto &dim : shape->dim()) {
        if (dim.has_dim_value()) {
            const QString problem = checkDeclaredDim(dim.dim_value());
            if (!problem.isEmpty())
                return problem;
        }
    }
    return {};
}

OnnxTensorInfo tensorInfoFromType(const QString &name, const onnx::TypeProto &type)
{
    OnnxTensorInfo info;
    info.name = name;
    const onnx::TensorShapeProto *shape = nullptr;
    if (type.has_tensor_type()) {
        info.elemType = type.tensor_type().elem_type();
        if (type.tensor_type().has_shape())
            shape = &type.tensor_type().shape();
    } else if (type.has_sparse_tensor_type()) {
        info.elemType = type.sparse_tensor_type().elem_type();
        if (type.sparse_tensor_type().has_shape())
            shape = &type.sparse_tensor_type().shape();
    }
    if (shape) {
        info.rankKnown = true;
        info.dims.reserve(shape->dim_size());
        for (const auto &dim : shape->dim()) {
            // Shape inference can compute nonsense (negative) sizes from odd inputs; treat those
            // as unknown rather than passing them on.
            if (dim.has_dim_value() && dim.dim_value() >= 0) {
                info.dims.append(dim.dim_value());
                info.dimParams.append(QString());
            } else {
                info.dims.append(-1);
                info.dimParams.append(dim.has_dim_param() ? qs(dim.dim_param()) : QString());
            }
        }
    }
    return info;
}

template<typename T> bool readRaw(const std::string &raw, qint64 count, QVector<T> &out)
{
    if (qint64(raw.size()) != count * qint64(sizeof(T)))
        return false;
    out.resize(count);
    for (qint64 k = 0; k < count; ++k) {
        T v;
        std::memcpy(&v, raw.data() + k * sizeof(T), sizeof(T));
        if constexpr (sizeof(T) > 1)
            v = qFromLittleEndian(v);
        out[k] = v;
    }
    return true;
}

double halfToDouble(quint16 bits)
{
    const int sign = (bits >> 15) ? -1 : 1;
    const int exponent = (bits >> 10) & 0x1F;
    const int mantissa = bits & 0x3FF;
    if (exponent == 0)
        return sign * std::ldexp(double(mantissa), -24);
    if (exponent == 31) {
        return mantissa ? std::numeric_limits<double>::quiet_NaN()
                        : sign * std::numeric_limits<double>::infinity();
    }
    return sign * std::ldexp(double(mantissa + 1024), exponent - 25);
}

// Decodes the values of a tensor with at most kOnnxMaxKeptValues elements into info.
void readSmallValues(const onnx::TensorProto &t, qint64 count, OnnxTensorInfo &info)
{
    if (count < 0 || count > kOnnxMaxKeptValues)
        return;
    if (t.data_location() == onnx::TensorProto::EXTERNAL)
        return;
    const bool raw = t.has_raw_data();
    const std::string &bytes = t.raw_data();
    bool ok = false;
    switch (t.data_type()) {
    case onnx::TensorProto::FLOAT: {
        QVector<float> v;
        if (raw) {
            QVector<quint32> bits;
            ok = readRaw(bytes, count, bits);
            v.resize(bits.size());
            for (int k = 0; k < bits.size(); ++k)
                std::memcpy(&v[k], &bits[k], sizeof(float));
        } else if (t.float_data_size() == count) {
            v = QVector<float>(t.float_data().begin(), t.float_data().end());
            ok = true;
        }
        for (const float x : v)
            info.floats.append(x);
        break;
    }
    case onnx::TensorProto::DOUBLE: {
        if (raw) {
            QVector<quint64> bits;
            ok = readRaw(bytes, count, bits);
            for (const quint64 b : bits) {
                double d;
                std::memcpy(&d, &b, sizeof(double));
                info.floats.append(d);
            }
        } else if (t.double_data_size() == count) {
            for (const double d : t.double_data())
                info.floats.append(d);
            ok = true;
        }
        break;
    }
    case onnx::TensorProto::FLOAT16:
    case onnx::TensorProto::BFLOAT16: {
        QVector<quint16> bits;
        if (raw) {
            ok = readRaw(bytes, count, bits);
        } else if (t.int32_data_size() == count) {
            for (const int32_t b : t.int32_data())
                bits.append(quint16(b));
            ok = true;
        }
        for (const quint16 b : bits) {
            if (t.data_type() == onnx::TensorProto::FLOAT16) {
                info.floats.append(halfToDouble(b));
            } else {
                const quint32 f32 = quint32(b) << 16;
                float f;
                std::memcpy(&f, &f32, sizeof(f));
                info.floats.append(f);
            }
        }
        break;
    }
    case onnx::TensorProto::INT64: {
        if (raw) {
            QVector<qint64> v;
            ok = readRaw(bytes, count, v);
            info.ints = v;
        } else if (t.int64_data_size() == count) {
            info.ints = QVector<qint64>(t.int64_data().begin(), t.int64_data().end());
            ok = true;
        }
        break;
    }
    case onnx::TensorProto::UINT64:
    case onnx::TensorProto::UINT32: {
        const bool is64 = t.data_type() == onnx::TensorProto::UINT64;
        if (raw && is64) {
            QVector<quint64> v;
            ok = readRaw(bytes, count, v);
            for (const quint64 x : v)
                info.ints.append(qint64(x));
        } else if (raw) {
            QVector<quint32> v;
            ok = readRaw(bytes, count, v);
            for (const quint32 x : v)
                info.ints.append(x);
        } else if (t.uint64_data_size() == count) {
            for (const uint64_t x : t.uint64_data())
                info.ints.append(qint64(x));
            ok = true;
        }
        break;
    }
    case onnx::TensorProto::INT32:
    case onnx::TensorProto::INT16:
    case onnx::TensorProto::INT8:
    case onnx::TensorProto::UINT16:
    case onnx::TensorProto::UINT8:
    case onnx::TensorProto::BOOL: {
        if (raw) {
            const int type = t.data_type();
            if (type == onnx::TensorProto::INT32) {
                QVector<qint32> v;
                ok = readRaw(bytes, count, v);
                for (const qint32 x : v)
                    info.ints.append(x);
            } else if (type == onnx::TensorProto::INT16) {
                QVector<qint16> v;
                ok = readRaw(bytes, count, v);
                for (const qint16 x : v)
                    info.ints.append(x);
            } else if (type == onnx::TensorProto::UINT16) {
                QVector<quint16> v;
                ok = readRaw(bytes, count, v);
                for (const quint16 x : v)
                    info.ints.append(x);
            } else if (type == onnx::TensorProto::INT8) {
                QVector<qint8> v;
                ok = readRaw(bytes, count, v);
                for (const qint8 x : v)
                    info.ints.append(x);
            } else {
                QVector<quint8> v;
                ok = readRaw(bytes, count, v);
                for (const quint8 x : v)
                    info.ints.append(x);
            }
        } else if (t.int32_data_size() == count) {
            for (const int32_t x : t.int32_data())
                info.ints.append(x);
            ok = true;
        }
        break;
    }
    default:
        break;
    }
    info.hasValues = ok;
    if (!ok) {
        info.ints.clear();
        info.floats.clear();
    }
}

OnnxTensorInfo tensorInfoFromTensor(const onnx::TensorProto &t)
{
    OnnxTensorInfo info;
    info.name = qs(t.name());
    info.elemType = t.data_type();
    info.rankKnown = true;
    info.dims.reserve(t.dims_size());
    for (const int64_t d : t.dims()) {
        info.dims.append(d);
        info.dimParams.append(QString());
    }
    readSmallValues(t, info.elementCount(), info);
    return info;
}

OnnxAttribute convertAttribute(const onnx::AttributeProto &a)
{
    OnnxAttribute out;
    out.name = qs(a.name());
    auto type = a.type();
    // IR version 1 files may leave the type unset and rely on which field is present.
    if (type == onnx::AttributeProto::UNDEFINED) {
        if (a.has_f())
            type = onnx::AttributeProto::FLOAT;
        else if (a.has_i())
            type = onnx::AttributeProto::INT;
        else if (a.has_s())
            type = onnx::AttributeProto::STRING;
        else if (a.has_t())
            type = onnx::AttributeProto::TENSOR;
        else if (a.floats_size() > 0)
            type = onnx::AttributeProto::FLOATS;
        else if (a.ints_size() > 0)
            type = onnx::AttributeProto::INTS;
        else if (a.strings_size() > 0)
            type = onnx::AttributeProto::STRINGS;
    }
    switch (type) {
    case onnx::AttributeProto::FLOAT:
        out.kind = OnnxAttribute::Kind::Float;
        out.f = a.f();
        break;
    case onnx::AttributeProto::INT:
        out.kind = OnnxAttribute::Kind::Int;
        out.i = a.i();
        break;
    case onnx::AttributeProto::STRING:
        out.kind = OnnxAttribute::Kind::String;
        out.s = qs(a.s());
        break;
    case onnx::AttributeProto::TENSOR:
        out.kind = OnnxAttribute::Kind::Tensor;
        out.tensor = tensorInfoFromTensor(a.t());
        break;
    case onnx::AttributeProto::FLOATS:
        out.kind = OnnxAttribute::Kind::Floats;
        out.floats.reserve(a.floats_size());
        for (const float f : a.floats())
            out.floats.append(f);
        break;
    case onnx::AttributeProto::INTS:
        out.kind = OnnxAttribute::Kind::Ints;
        out.ints = QVector<qint64>(a.ints().begin(), a.ints().end());
        break;
    case onnx::AttributeProto::STRINGS:
        out.kind = OnnxAttribute::Kind::Strings;
        for (const std::string &s : a.strings())
            out.strings.append(qs(s));
        break;
    default:
        out.kind = OnnxAttribute::Kind::Other;
        break;
    }
    return out;
}

bool isDefaultDomain(const std::string &domain)
{
    return domain.empty() || domain == "ai.onnx";
}

// Keeps whichever description says more: a known rank beats none, fewer unknown dims win.
void mergeInfo(QHash<QString, OnnxTensorInfo> &table, const OnnxTensorInfo &incoming)
{
    auto it = table.find(incoming.name);
    if (it == table.end()) {
        table.insert(incoming.name, incoming);
        return;
    }
    auto unknowns = [](const OnnxTensorInfo &i) {
        return std::count(i.dims.cbegin(), i.dims.cend(), qint64(-1));
    };
    if (!it->rankKnown && incoming.rankKnown) {
        *it = incoming;
    } else if (it->rankKnown && incoming.rankKnown && it->dims.size() == incoming.dims.size() &&
               unknowns(incoming) < unknowns(*it)) {
        *it = incoming;
    }
    if (it->elemType == 0)
        it->elemType = incoming.elemType;
}

// Structural checks on the parsed (filtered) model, before shape inference touches it.
Failure validate(const onnx::ModelProto &model, QStringList &warnings)
{
    auto invalid = [](const QString &message) {
        return Failure{OnnxReadError::InvalidModel, message};
    };
    const onnx::GraphProto &graph = model.graph();

    bool hasDefaultOpset = false;
    for (const auto &op : model.opset_import()) {
        if (isDefaultDomain(op.domain()))
            hasDefaultOpset = true;
    }
    if (!hasDefaultOpset) {
        return invalid(QCoreApplication::translate(
            "naqsh::OnnxReader",
            "the model declares no operator set version for the standard ONNX domain "
            "(opset_import is missing; the file may be truncated)"));
    }
    if (graph.node_size() == 0) {
        return invalid(QCoreApplication::translate("naqsh::OnnxReader", "graph '%1' has no nodes")
                           .arg(qs(graph.name())));
    }

    QSet<QString> defined;
    QSet<QString> initializerNames;
    for (const auto &t : graph.initializer()) {
        const QString problem = checkTensorDims(t);
        if (!problem.isEmpty()) {
            return invalid(QCoreApplication::translate("naqsh::OnnxReader", "initializer '%1': %2")
                               .arg(qs(t.name()), problem));
        }
        defined.insert(qs(t.name()));
        initializerNames.insert(qs(t.name()));
    }
    for (const auto &st : graph.sparse_initializer()) {
        const QString name = qs(st.values().name());
        onnx::TensorProto dimsOnly;
        dimsOnly.mutable_dims()->CopyFrom(st.dims());
        {
            const QString problem = checkTensorDims(dimsOnly);
            if (!problem.isEmpty()) {
                return invalid(
                    QCoreApplication::translate("naqsh::OnnxReader", "initializer '%1': %2")
                        .arg(name, problem));
            }
        }
        defined.insert(name);
    }
    auto checkValueInfos = [&](const auto &list, const char *what) -> Failure {
        for (const onnx::ValueInfoProto &vi : list) {
            const QString problem = checkTypeDims(vi.type());
            if (!problem.isEmpty()) {
                return invalid(QCoreApplication::translate("naqsh::OnnxReader", "%1 '%2': %3")
                                   .arg(QCoreApplication::translate("naqsh::OnnxReader", what),
                                        qs(vi.name()), problem));
            }
        }
        return {};
    };
    for (Failure f :
         {checkValueInfos(graph.input(), QT_TRANSLATE_NOOP("naqsh::OnnxReader", "graph input")),
          checkValueInfos(graph.output(), QT_TRANSLATE_NOOP("naqsh::OnnxReader", "graph output")),
          checkValueInfos(graph.value_info(),
                          QT_TRANSLATE_NOOP("naqsh::OnnxReader", "value_info"))}) {
        if (f.code != OnnxReadError::None)
            return f;
    }
    for (const auto &in : graph.input())
        defined.insert(qs(in.name()));

    // Every output of every node counts as defined, so out-of-order graphs are a warning (the
    // importer sorts) while names nothing produces are an error.
    QSet<QString> produced;
    bool warnedDuplicate = false;
    for (int n = 0; n < graph.node_size(); ++n) {
        const onnx::NodeProto &node = graph.node(n);
        for (const std::string &out : node.output()) {
            if (out.empty())
                continue;
            const QString name = qs(out);
            if ((produced.contains(name) || initializerNames.contains(name)) && !warnedDuplicate) {
                warnings << QCoreApplication::translate(
                                "naqsh::OnnxReader",
                                "node %1: tensor '%2' is produced more than once")
                                .arg(nodeLabel(node, n), name);
                warnedDuplicate = true;
            }
            produced.insert(name);
        }
        for (const auto &attr : node.attribute()) {
            if (attr.has_t()) {
                const QString problem = checkTensorDims(attr.t());
                if (!problem.isEmpty()) {
                    return invalid(QCoreApplication::translate("naqsh::OnnxReader",
                                                               "node %1, attribute '%2': %3")
                                       .arg(nodeLabel(node, n), qs(attr.name()), problem));
                }
            }
        }
    }
    const QSet<QString> allDefined = defined + produced;

    QSet<QString> seen = defined;
    bool warnedOrder = false;
    for (int n = 0; n < graph.node_size(); ++n) {
        const onnx::NodeProto &node = graph.node(n);
        for (const std::string &in : node.input()) {
            if (in.empty())
                continue;
            const QString name = qs(in);
            if (!allDefined.contains(name)) {
                return invalid(QCoreApplication::translate(
                                   "naqsh::OnnxReader",
                                   "node %1: input '%2' is not produced by any node and is not a "
                                   "graph input or initializer")
                                   .arg(nodeLabel(node, n), name));
            }
            if (!seen.contains(name) && !warnedOrder) {
                warnings << QCoreApplication::translate(
                                "naqsh::OnnxReader",
                                "node %1 uses '%2' before the node that produces it; nodes are "
                                "not in topological order")
                                .arg(nodeLabel(node, n), name);
                warnedOrder = true;
            }
        }
        for (const std::string &out : node.output()) {
            if (!out.empty())
                seen.insert(qs(out));
        }
    }
    for (const auto &out : graph.output()) {
        if (!allDefined.contains(qs(out.name()))) {
            return invalid(QCoreApplication::translate(
                               "naqsh::OnnxReader", "graph output '%1' is not produced by any node")
                               .arg(qs(out.name())));
        }
    }
    return {};
}

OnnxModel convert(const onnx::ModelProto &model)
{
    OnnxModel out;
    const onnx::GraphProto &graph = model.graph();
    out.irVersion = model.ir_version();
    out.producer = qs(model.producer_name());
    out.producerVersion = qs(model.producer_version());
    for (const auto &op : model.opset_import()) {
        const QString domain = isDefaultDomain(op.domain()) ? QString() : qs(op.domain());
        out.opsetImports.insert(domain, op.version());
        if (domain.isEmpty())
            out.opsetVersion = op.version();
    }
    out.graphName = qs(graph.name());

    for (const auto &t : graph.initializer())
        out.initializers.insert(qs(t.name()), tensorInfoFromTensor(t));
    for (const auto &st : graph.sparse_initializer()) {
        OnnxTensorInfo info;
        info.name = qs(st.values().name());
        info.elemType = st.values().data_type();
        info.rankKnown = true;
        for (const int64_t d : st.dims()) {
            info.dims.append(d);
            info.dimParams.append(QString());
        }
        out.initializers.insert(info.name, info);
    }

    for (const auto &vi : graph.value_info())
        mergeInfo(out.valueInfo, tensorInfoFromType(qs(vi.name()), vi.type()));
    for (const auto &in : graph.input()) {
        const OnnxTensorInfo info = tensorInfoFromType(qs(in.name()), in.type());
        mergeInfo(out.valueInfo, info);
        if (!out.initializers.contains(info.name))
            out.inputs.append(info);
    }
    for (const auto &o : graph.output()) {
        const OnnxTensorInfo info = tensorInfoFromType(qs(o.name()), o.type());
        mergeInfo(out.valueInfo, info);
        out.outputs.append(out.valueInfo.value(info.name, info));
    }

    out.nodes.reserve(graph.node_size());
    for (const auto &n : graph.node()) {
        OnnxNode node;
        node.name = qs(n.name());
        node.opType = qs(n.op_type());
        node.domain = qs(n.domain());
        for (const std::string &s : n.input())
            node.inputs.append(qs(s));
        for (const std::string &s : n.output())
            node.outputs.append(qs(s));
        node.attributes.reserve(n.attribute_size());
        for (const auto &a : n.attribute())
            node.attributes.append(convertAttribute(a));
        out.nodes.append(node);
    }
    return out;
}

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
