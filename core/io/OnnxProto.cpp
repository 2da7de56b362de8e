#include "OnnxProto.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QtEndian>

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace naqsh::onnxproto {

namespace {

constexpr qint64 kMaxDim = qint64(1) << 31;

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

} // namespace

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

} // namespace naqsh::onnxproto
