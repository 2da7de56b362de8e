#include "CaffeImporter.h"

#include "ImportBuilder.h"
#include "PrototxtParser.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <exception>
#include <functional>
#include <new>

namespace naqsh {

namespace {

constexpr int kNamesInWarning = 5;
constexpr qint64 kMaxFileSize = qint64(64) * 1024 * 1024;

/// Layer type names of the V1 format (`layers { type: CONVOLUTION }`), as V2 names.
QString v2TypeName(const QString &type)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("ABSVAL"), QStringLiteral("AbsVal")},
        {QStringLiteral("ACCURACY"), QStringLiteral("Accuracy")},
        {QStringLiteral("ARGMAX"), QStringLiteral("ArgMax")},
        {QStringLiteral("BNLL"), QStringLiteral("BNLL")},
        {QStringLiteral("CONCAT"), QStringLiteral("Concat")},
        {QStringLiteral("CONTRASTIVE_LOSS"), QStringLiteral("ContrastiveLoss")},
        {QStringLiteral("CONVOLUTION"), QStringLiteral("Convolution")},
        {QStringLiteral("DATA"), QStringLiteral("Data")},
        {QStringLiteral("DECONVOLUTION"), QStringLiteral("Deconvolution")},
        {QStringLiteral("DROPOUT"), QStringLiteral("Dropout")},
        {QStringLiteral("DUMMY_DATA"), QStringLiteral("DummyData")},
        {QStringLiteral("EUCLIDEAN_LOSS"), QStringLiteral("EuclideanLoss")},
        {QStringLiteral("ELTWISE"), QStringLiteral("Eltwise")},
        {QStringLiteral("EXP"), QStringLiteral("Exp")},
        {QStringLiteral("FLATTEN"), QStringLiteral("Flatten")},
        {QStringLiteral("HDF5_DATA"), QStringLiteral("HDF5Data")},
        {QStringLiteral("HDF5_OUTPUT"), QStringLiteral("HDF5Output")},
        {QStringLiteral("HINGE_LOSS"), QStringLiteral("HingeLoss")},
        {QStringLiteral("IM2COL"), QStringLiteral("Im2col")},
        {QStringLiteral("IMAGE_DATA"), QStringLiteral("ImageData")},
        {QStringLiteral("INFOGAIN_LOSS"), QStringLiteral("InfogainLoss")},
        {QStringLiteral("INNER_PRODUCT"), QStringLiteral("InnerProduct")},
        {QStringLiteral("LRN"), QStringLiteral("LRN")},
        {QStringLiteral("MEMORY_DATA"), QStringLiteral("MemoryData")},
        {QStringLiteral("MULTINOMIAL_LOGISTIC_LOSS"), QStringLiteral("MultinomialLogisticLoss")},
        {QStringLiteral("MVN"), QStringLiteral("MVN")},
        {QStringLiteral("POOLING"), QStringLiteral("Pooling")},
        {QStringLiteral("POWER"), QStringLiteral("Power")},
        {QStringLiteral("RELU"), QStringLiteral("ReLU")},
        {QStringLiteral("SIGMOID"), QStringLiteral("Sigmoid")},
        {QStringLiteral("SIGMOID_CROSS_ENTROPY_LOSS"), QStringLiteral("SigmoidCrossEntropyLoss")},
        {QStringLiteral("SILENCE"), QStringLiteral("Silence")},
        {QStringLiteral("SOFTMAX"), QStringLiteral("Softmax")},
        {QStringLiteral("SOFTMAX_LOSS"), QStringLiteral("SoftmaxWithLoss")},
        {QStringLiteral("SPLIT"), QStringLiteral("Split")},
        {QStringLiteral("SLICE"), QStringLiteral("Slice")},
        {QStringLiteral("TANH"), QStringLiteral("TanH")},
        {QStringLiteral("WINDOW_DATA"), QStringLiteral("WindowData")},
        {QStringLiteral("THRESHOLD"), QStringLiteral("Threshold")},
    };
    return names.value(type, type);
}

bool isDataType(const QString &type)
{
    static const QSet<QString> types = {
        QStringLiteral("Data"),          QStringLiteral("ImageData"),  QStringLiteral("HDF5Data"),
        QStringLiteral("MemoryData"),    QStringLiteral("WindowData"), QStringLiteral("DummyData"),
        QStringLiteral("AnnotatedData"), QStringLiteral("VideoData"),
    };
    return types.contains(type);
}

bool isTrainingOnlyType(const QString &type)
{
    return type.endsWith(QLatin1String("Loss")) || type == u"Accuracy" || type == u"Silence" ||
           type == u"HDF5Output";
}

/// Caffe layer types whose output has the shape of their (first) input.
bool isElementwise(const QString &type)
{
    static const QSet<QString> types = {
        QStringLiteral("Power"),       QStringLiteral("Exp"),   QStringLiteral("Log"),
        QStringLiteral("AbsVal"),      QStringLiteral("BNLL"),  QStringLiteral("Threshold"),
        QStringLiteral("ELU"),         QStringLiteral("Bias"),  QStringLiteral("Scale"),
        QStringLiteral("Clip"),        QStringLiteral("Swish"), QStringLiteral("Mish"),
        QStringLiteral("Normalize"),   QStringLiteral("MVN"),   QStringLiteral("Eltwise"),
        QStringLiteral("HardSigmoid"), QStringLiteral("TanH"),  QStringLiteral("Sigmoid"),
    };
    return types.contains(type);
}

/// A field value with the place it was written, for messages.
struct Field
{
    QVariant value;
    bool present = false;
    int line = 0;
    int column = 0;
};

struct Blob
{
    LayerId layer;
    int rank = -1;        ///< -1 when unknown
    bool skipped = false; ///< produced by a skipped training-only layer
    QString skippedBy;
};

struct LayerInfo
{
    PrototxtMessage msg;
    QString name;
    QString type;
    QStringList bottoms;
    QStringList tops;
    int line = 0;
    int column = 0;

    QString label() const { return QStringLiteral("'%1' (%2)").arg(name, type); }
};

class CaffeImporter
{
public:
    explicit CaffeImporter(const LayerRegistry &registry)
        : m_builder(registry)
    {
    }

    ImportResult run(QByteArrayView text);

private:
    bool failAt(int line, int column, const QString &message)
    {
        if (m_error.isEmpty())
            m_error = PrototxtError{line, column, message}.toString();
        return false;
    }
    bool failAt(const LayerInfo &l, const QString &message)
    {
        return failAt(
            l.line, l.column,
            QCoreApplication::translate("naqsh::Import", "layer %1: %2").arg(l.label(), message));
    }
    void warn(const QString &message) { m_warnings << message; }

    // Typed field reads; a value of the wrong kind is an error at its position.
    Field intField(const PrototxtMessage &m, QStringView name, qint64 def);
    Field realField(const PrototxtMessage &m, QStringView name, double def);
    Field boolField(const PrototxtMessage &m, QStringView name, bool def);
    QVector<Field> intFields(const PrototxtMessage &m, QStringView name);
    /// An enum field given as a name (MAX) or a number (0); @p names in enum order.
    Field enumField(const PrototxtMessage &m, QStringView name, const QStringList &names, int def);
    /// Caffe's h/w convention: `repeated` once (both axes) or twice (h, w), or the @p hName and
    /// @p wName fields, or the default.
    bool hw(const LayerInfo &l, const PrototxtMessage &p, QStringView repeated, QStringView hName,
            QStringView wName, qint64 def, Field *h, Field *w);
    void set(LayerDraft &d, QStringView key, const Field &f);
    /// Adds the drafted layer and binds its first top; false (with the error) when the draft
    /// was refused or a field had the wrong kind.
    bool finish(const LayerInfo &l, const LayerDraft &d, const QVector<LayerId> &inputs, int rank);

    bool readNetInputs(const PrototxtMessage &root);
    bool addInput(const QString &name, const QVector<qint64> &dims, int line, int column,
                  const QString &origin);
    bool importLayer(const PrototxtField &field, int index);
    bool dataLayer(const LayerInfo &l);
    void skip(const LayerInfo &l, const QString &why);
    void bindTop(const QString &top, LayerId id, int rank)
    {
        m_blobs[top] = Blob{id, rank, false, {}};
    }
    int rankOf(const QString &blob) const { return m_blobs.value(blob).rank; }

    bool convolution(const LayerInfo &l, const QVector<LayerId> &in, bool transposed,
                     bool depthwise);
    bool pooling(const LayerInfo &l, const QVector<LayerId> &in);
    bool innerProduct(const LayerInfo &l, const QVector<LayerId> &in);
    bool opaque(const LayerInfo &l, const QVector<LayerId> &in, const QString &reason = {});

    ImportBuilder m_builder;
    QHash<QString, Blob> m_blobs;
    QSet<LayerId> m_batchNormAwaitingScale;
    QStringList m_skipped;
    QStringList m_opaqueOrder;
    QHash<QString, QStringList> m_opaqueLayers;
    QStringList m_warnings;
    PrototxtError m_fieldError;
    int m_problemLine = 0;
    int m_problemColumn = 0;
    QString m_error;
};

// ---------------------------------------------------------------------------------------------

Field CaffeImporter::intField(const PrototxtMessage &m, QStringView name, qint64 def)
{
    Field f;
    f.value = QVariant(def);
    if (const std::optional<PrototxtValue> v = m.first(name)) {
        f.present = true;
        f.line = v->line;
        f.column = v->column;
        if (const std::optional<qint64> i = v->toInt(&m_fieldError))
            f.value = QVariant(*i);
    }
    return f;
}

Field CaffeImporter::realField(const PrototxtMessage &m, QStringView name, double def)
{
    Field f;
    f.value = QVariant(def);
    if (const std::optional<PrototxtValue> v = m.first(name)) {
        f.present = true;
        f.line = v->line;
        f.column = v->column;
        if (const std::optional<double> d = v->toDouble(&m_fieldError))
            f.value = QVariant(*d);
    }
    return f;
}

Field CaffeImporter::boolField(const PrototxtMessage &m, QStringView name, bool def)
{
    Field f;
    f.value = QVariant(def);
    if (const std::optional<PrototxtValue> v = m.first(name)) {
        f.present = true;
        f.line = v->line;
        f.column = v->column;
        if (const std::optional<bool> b = v->toBool(&m_fieldError))
            f.value = QVariant(*b);
    }
    return f;
}

QVector<Field> CaffeImporter::intFields(const PrototxtMessage &m, QStringView name)
{
    QVector<Field> out;
    for (const PrototxtValue &v : m.values(name)) {
        Field f;
        f.present = true;
        f.line = v.line;
        f.column = v.column;
        f.value = QVariant(v.toInt(&m_fieldError).value_or(0));
        out << f;
    }
    return out;
}

Field CaffeImporter::enumField(const PrototxtMessage &m, QStringView name, const QStringList &names,
                               int def)
{
    Field f;
    f.value = QVariant(def);
    const std::optional<PrototxtValue> v = m.first(name);
    if (!v)
        return f;
    f.present = true;
    f.line = v->line;
    f.column = v->column;
    if (v->kind == PrototxtValue::Kind::Number) {
        const std::optional<qint64> i = v->toInt(&m_fieldError);
        if (i && *i >= 0 && *i < names.size())
            f.value = QVariant(int(*i));
        else if (i && m_fieldError.isEmpty())
            m_fieldError = {
                v->line, v->column,
                QCoreApplication::translate("naqsh::Import", "%1 must be one of %2, not %3")
                    .arg(name.toString(), names.join(QStringLiteral(", ")))
                    .arg(*i)};
        return f;
    }
    const QString text = v->toString(&m_fieldError).value_or(QString());
    const int index = int(names.indexOf(text));
    if (index >= 0)
        f.value = QVariant(index);
    else if (m_fieldError.isEmpty())
        m_fieldError = {
            v->line, v->column,
            QCoreApplication::translate("naqsh::Import", "%1 must be one of %2, not \"%3\"")
                .arg(name.toString(), names.join(QStringLiteral(", ")), text)};
    return f;
}

bool CaffeImporter::hw(const LayerInfo &l, const PrototxtMessage &p, QStringView repeated,
                       QStringView hName, QStringView wName, qint64 def, Field *h, Field *w)
{
    const QVector<Field> both = intFields(p, repeated);
    if (both.size() > 2) {
        return failAt(both[2].line, both[2].column,
                      QCoreApplication::translate("naqsh::Import",
                                                  "layer %1: %2 has %3 values; only 2-D layers "
                                                  "(one or two values) are supported")
                          .arg(l.label(), repeated.toString())
                          .arg(both.size()));
    }
    *h = both.isEmpty() ? Field{QVariant(def)} : both[0];
    *w = both.isEmpty() ? Field{QVariant(def)} : both.last();
    if (p.has(hName))
        *h = intField(p, hName, def);
    if (p.has(wName))
        *w = intField(p, wName, def);
    return true;
}

void CaffeImporter::set(LayerDraft &d, QStringView key, const Field &f)
{
    const bool hadProblem = !d.problem().isEmpty();
    d.set(key, f.value);
    if (!hadProblem && !d.problem().isEmpty() && f.present) {
        m_problemLine = f.line;
        m_problemColumn = f.column;
    }
}

bool CaffeImporter::finish(const LayerInfo &l, const LayerDraft &d, const QVector<LayerId> &inputs,
                           int rank)
{
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column,
                      QCoreApplication::translate("naqsh::Import", "layer %1: %2")
                          .arg(l.label(), m_fieldError.message));
    if (!d.ok()) {
        if (m_problemLine > 0) {
            return failAt(m_problemLine, m_problemColumn,
                          QCoreApplication::translate("naqsh::Import", "layer %1: %2")
                              .arg(l.label(), d.problem()));
        }
        return failAt(l, d.problem());
    }
    const LayerId id = m_builder.add(d, l.name, inputs);
    if (!l.tops.isEmpty())
        bindTop(l.tops[0], id, rank);
    return true;
}

// ---------------------------------------------------------------------------------------------

bool CaffeImporter::addInput(const QString &name, const QVector<qint64> &dims, int line, int column,
                             const QString &origin)
{
    LayerDraft d;
    int rank = int(dims.size());
    if (rank == 4) {
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("image"));
        d.set(u"batch", dims[0]);
        d.set(u"channels", dims[1]);
        d.set(u"height", dims[2]);
        d.set(u"width", dims[3]);
    } else if (rank == 2) {
        d = m_builder.draft("input");
        d.set(u"layout", QStringLiteral("features"));
        d.set(u"batch", dims[0]);
        d.set(u"features", dims[1]);
    } else if (rank == 1 || rank == 3) {
        d = m_builder.draft("opaque");
        d.set(u"op_type", QStringLiteral("Input"));
        d.set(u"shape", QStringLiteral("given"));
        d.set(u"rank", qint64(rank));
        d.set(u"batch_from_input", false);
        for (int i = 0; i < rank; ++i)
            d.set(QStringLiteral("dim%1").arg(i), dims[i]);
    } else {
        return failAt(line, column,
                      QCoreApplication::translate("naqsh::Import",
                                                  "input '%1' has %2 dimensions; Naqsh supports "
                                                  "N×C×H×W or N×F inputs")
                          .arg(name)
                          .arg(rank));
    }
    if (!d.ok())
        return failAt(
            line, column,
            QCoreApplication::translate("naqsh::Import", "input '%1': %2").arg(name, d.problem()));
    if (rank != 2 && rank != 4) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "input '%1' has %2 dimensions, but Naqsh's Input layer "
                                         "takes N×C×H×W or N×F; it is imported as an opaque "
                                         "source")
                 .arg(name)
                 .arg(rank));
    }
    if (dims[0] > 1) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "input '%1' has batch size %2, as written %3; MACs and "
                                         "activations are for the whole batch (set the batch to 1 "
                                         "for per-image figures)")
                 .arg(name)
                 .arg(dims[0])
                 .arg(origin));
    }
    bindTop(name, m_builder.add(d, name, {}), rank);
    return true;
}

bool CaffeImporter::readNetInputs(const PrototxtMessage &root)
{
    QVector<PrototxtValue> names;
    for (const PrototxtField &f : root.fields) {
        if (f.name == u"input")
            names << f.value;
    }
    const QVector<PrototxtMessage> shapes = root.messages(u"input_shape");
    const QVector<Field> flatDims = intFields(root, u"input_dim");
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
    for (int i = 0; i < names.size(); ++i) {
        const PrototxtValue &v = names[i];
        const QString name = v.toString(&m_fieldError).value_or(QString());
        if (!m_fieldError.isEmpty())
            return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
        QVector<qint64> dims;
        QString origin;
        if (i < shapes.size()) {
            for (const Field &f : intFields(shapes[i], u"dim"))
                dims << f.value.toLongLong();
            origin = QCoreApplication::translate("naqsh::Import", "in input_shape");
        } else if (flatDims.size() >= 4 * (i + 1)) {
            for (int k = 0; k < 4; ++k)
                dims << flatDims[4 * i + k].value.toLongLong();
            origin = QCoreApplication::translate("naqsh::Import", "in input_dim");
        } else {
            return failAt(v.line, v.column,
                          QCoreApplication::translate("naqsh::Import",
                                                      "input '%1' has no shape: give it an "
                                                      "input_shape { dim: ... } or four "
                                                      "input_dim values")
                              .arg(name));
        }
        if (!m_fieldError.isEmpty())
            return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
        if (!addInput(name, dims, v.line, v.column, origin))
            return false;
    }
    return true;
}

void CaffeImporter::skip(const LayerInfo &l, const QString &why)
{
    m_skipped << (why.isEmpty() ? l.label() : QStringLiteral("%1 %2").arg(l.label(), why));
    for (const QString &top : l.tops) {
        // An in-place top keeps its producer; a new one is unusable downstream.
        if (!m_blobs.contains(top))
            m_blobs.insert(top, Blob{{}, -1, true, l.label()});
    }
}

bool CaffeImporter::dataLayer(const LayerInfo &l)
{
    if (l.tops.isEmpty() || m_blobs.contains(l.tops[0])) {
        skip(l, {});
        return true;
    }
    // The network's input comes from a data layer: take the sample shape it produces.
    qint64 c = 3, h = 224, w = 224;
    QString source;
    bool guessed = true;
    if (l.type == u"MemoryData") {
        const PrototxtMessage p = l.msg.message(u"memory_data_param");
        c = intField(p, u"channels", 3).value.toLongLong();
        h = intField(p, u"height", 224).value.toLongLong();
        w = intField(p, u"width", 224).value.toLongLong();
        guessed = !p.has(u"channels") || !p.has(u"height") || !p.has(u"width");
        source = QStringLiteral("memory_data_param");
    } else if (l.type == u"DummyData") {
        const QVector<PrototxtMessage> shapes =
            l.msg.message(u"dummy_data_param").messages(u"shape");
        if (!shapes.isEmpty()) {
            QVector<qint64> dims;
            for (const Field &f : intFields(shapes[0], u"dim"))
                dims << f.value.toLongLong();
            if (dims.size() == 4) {
                c = dims[1];
                h = dims[2];
                w = dims[3];
                guessed = false;
                source = QStringLiteral("dummy_data_param");
            }
        }
    } else {
        const PrototxtMessage t = l.msg.message(u"transform_param");
        const PrototxtMessage img = l.msg.message(u"image_data_param");
        if (t.has(u"crop_size")) {
            h = w = intField(t, u"crop_size", 224).value.toLongLong();
            source = QStringLiteral("crop_size");
        } else if (img.has(u"new_height") && img.has(u"new_width")) {
            h = intField(img, u"new_height", 224).value.toLongLong();
            w = intField(img, u"new_width", 224).value.toLongLong();
            source = QStringLiteral("new_height, new_width");
        }
    }
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
    m_skipped << l.label();
    if (!addInput(l.tops[0], {1, c, h, w}, l.line, l.column, QString()))
        return false;
    if (source.isEmpty()) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "data layer %1 is replaced by an Input layer '%2' of "
                                         "1×%3×%4×%5 (the file does not give the image size; "
                                         "3 channels and 224×224 are assumed)")
                 .arg(l.label(), l.tops[0])
                 .arg(c)
                 .arg(h)
                 .arg(w));
    } else {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "data layer %1 is replaced by an Input layer '%2' of "
                                         "1×%3×%4×%5 (size from %6%7)")
                 .arg(l.label(), l.tops[0])
                 .arg(c)
                 .arg(h)
                 .arg(w)
                 .arg(source,
                      guessed ? QCoreApplication::translate("naqsh::Import", "; 3 channels assumed")
                              : QString()));
    }
    for (int i = 1; i < l.tops.size(); ++i) {
        if (!m_blobs.contains(l.tops[i]))
            m_blobs.insert(l.tops[i], Blob{{}, -1, true, l.label()});
    }
    return true;
}

// ---------------------------------------------------------------------------------------------

bool CaffeImporter::convolution(const LayerInfo &l, const QVector<LayerId> &in, bool transposed,
                                bool depthwise)
{
    const PrototxtMessage p = l.msg.message(u"convolution_param");
    const Field outC = intField(p, u"num_output", 0);
    if (!outC.present && m_fieldError.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                     "convolution_param.num_output is missing"));
    Field kh, kw, sh, sw, ph, pw, dh, dw;
    if (!hw(l, p, u"kernel_size", u"kernel_h", u"kernel_w", 0, &kh, &kw) ||
        !hw(l, p, u"stride", u"stride_h", u"stride_w", 1, &sh, &sw) ||
        !hw(l, p, u"pad", u"pad_h", u"pad_w", 0, &ph, &pw) ||
        !hw(l, p, u"dilation", u"dilation_h", u"dilation_w", 1, &dh, &dw))
        return false;
    if (!kh.present && !kw.present && m_fieldError.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                     "convolution_param has no kernel_size"));
    LayerDraft d = m_builder.draft(transposed ? "conv_transpose2d" : "conv2d");
    set(d, u"out_channels", outC);
    set(d, u"kernel_h", kh);
    set(d, u"kernel_w", kw);
    set(d, u"stride_h", sh);
    set(d, u"stride_w", sw);
    set(d, u"dilation_h", dh);
    set(d, u"dilation_w", dw);
    if (transposed) {
        set(d, u"pad_h", ph);
        set(d, u"pad_w", pw);
    } else {
        d.set(u"padding", QStringLiteral("explicit"));
        set(d, u"pad_top", ph);
        set(d, u"pad_bottom", ph);
        set(d, u"pad_left", pw);
        set(d, u"pad_right", pw);
    }
    set(d, u"groups", depthwise ? outC : intField(p, u"group", 1));
    set(d, u"bias", boolField(p, u"bias_term", true));
    return finish(l, d, in, 4);
}

bool CaffeImporter::pooling(const LayerInfo &l, const QVector<LayerId> &in)
{
    const PrototxtMessage p = l.msg.message(u"pooling_param");
    const Field method =
        enumField(p, u"pool",
                  {QStringLiteral("MAX"), QStringLiteral("AVE"), QStringLiteral("STOCHASTIC")}, 0);
    const bool average = method.value.toInt() == 1;
    if (boolField(p, u"global_pooling", false).value.toBool()) {
        if (!average) {
            warn(QCoreApplication::translate("naqsh::Import",
                                             "layer %1: global max pooling is counted as global "
                                             "average pooling (same shape; additions instead of "
                                             "comparisons)")
                     .arg(l.label()));
        }
        return finish(l, m_builder.draft("global_avgpool"), in, 4);
    }
    if (method.value.toInt() == 2) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "layer %1: stochastic pooling is counted as max pooling")
                 .arg(l.label()));
    }
    Field kh, kw, sh, sw, ph, pw;
    if (!hw(l, p, u"kernel_size", u"kernel_h", u"kernel_w", 0, &kh, &kw) ||
        !hw(l, p, u"stride", u"stride_h", u"stride_w", 1, &sh, &sw) ||
        !hw(l, p, u"pad", u"pad_h", u"pad_w", 0, &ph, &pw))
        return false;
    if (!kh.present && !kw.present && m_fieldError.isEmpty())
        return failAt(
            l, QCoreApplication::translate("naqsh::Import", "pooling_param has no kernel_size"));
    LayerDraft d = m_builder.draft(average ? "avgpool2d" : "maxpool2d");
    set(d, u"kernel_h", kh);
    set(d, u"kernel_w", kw);
    set(d, u"stride_h", sh);
    set(d, u"stride_w", sw);
    set(d, u"pad_h", ph);
    set(d, u"pad_w", pw);
    d.set(u"ceil_mode", true); // Caffe rounds the output size up
    return finish(l, d, in, 4);
}

bool CaffeImporter::innerProduct(const LayerInfo &l, const QVector<LayerId> &in)
{
    const PrototxtMessage p = l.msg.message(u"inner_product_param");
    const Field outF = intField(p, u"num_output", 0);
    if (!outF.present && m_fieldError.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                     "inner_product_param.num_output is missing"));
    if (intField(p, u"axis", 1).value.toLongLong() != 1 || p.has(u"transpose"))
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "only an inner product over axis 1 is modelled"));
    LayerDraft d = m_builder.draft("linear");
    set(d, u"out_features", outF);
    set(d, u"bias", boolField(p, u"bias_term", true));
    QVector<LayerId> inputs = in;
    // Caffe flattens implicitly; Naqsh's Linear takes N×F, so make the flatten explicit.
    if (!in.isEmpty() && rankOf(l.bottoms[0]) != 2 && d.ok() && m_fieldError.isEmpty())
        inputs = {
            m_builder.add(m_builder.draft("flatten"), l.name + QStringLiteral("_flatten"), in)};
    return finish(l, d, inputs, 2);
}

bool CaffeImporter::opaque(const LayerInfo &l, const QVector<LayerId> &in, const QString &reason)
{
    const bool sameShape = isElementwise(l.type) && !in.isEmpty();
    const int rank = sameShape ? rankOf(l.bottoms[0]) : -1;
    const int tops = int(std::max<qsizetype>(l.tops.size(), 1));
    for (int t = 0; t < tops; ++t) {
        LayerDraft d = m_builder.draft("opaque");
        d.set(u"op_type", l.type.left(200));
        d.set(u"shape", sameShape ? QStringLiteral("same_as_input") : QStringLiteral("unknown"));
        const QString name = t == 0 ? l.name : QStringLiteral("%1_%2").arg(l.name, l.tops.value(t));
        const LayerId id = m_builder.add(d, name, in);
        if (t < l.tops.size())
            bindTop(l.tops[t], id, rank);
    }
    if (!reason.isEmpty()) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "layer %1: %2; imported as an opaque layer with unknown "
                                         "cost")
                 .arg(l.label(), reason));
    } else {
        if (!m_opaqueLayers.contains(l.type))
            m_opaqueOrder << l.type;
        m_opaqueLayers[l.type] << l.name;
    }
    if (!sameShape) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "layer %1: its output shape is unknown; layers after it "
                                         "have no numbers until it is set")
                 .arg(l.label()));
    }
    return true;
}

bool CaffeImporter::importLayer(const PrototxtField &field, int index)
{
    if (!field.value.isMessage())
        return failAt(
            field.line, field.column,
            QCoreApplication::translate("naqsh::Import", "expected a layer block: %1 { ... }")
                .arg(field.name));
    LayerInfo l;
    l.msg = *field.value.message;
    l.line = field.line;
    l.column = field.column;
    m_fieldError = {};
    m_problemLine = m_problemColumn = 0;
    l.name = l.msg.toString(u"name", {}, &m_fieldError).trimmed();
    if (l.name.isEmpty())
        l.name = QStringLiteral("layer_%1").arg(index + 1);
    const QString type = l.msg.toString(u"type", {}, &m_fieldError).trimmed();
    l.type = v2TypeName(type);
    for (const PrototxtValue &v : l.msg.values(u"bottom"))
        l.bottoms << v.toString(&m_fieldError).value_or(QString());
    for (const PrototxtValue &v : l.msg.values(u"top"))
        l.tops << v.toString(&m_fieldError).value_or(QString());
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
    if (type.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import", "the layer has no type"));

    if (isDataType(l.type))
        return dataLayer(l);

    // Inference runs in the TEST phase: TRAIN-only layers are not part of it.
    const QStringList phases = {QStringLiteral("TRAIN"), QStringLiteral("TEST")};
    enum { Train, Test };
    bool excluded = false;
    const QVector<PrototxtMessage> includes = l.msg.messages(u"include");
    if (!includes.isEmpty()) {
        excluded = true;
        for (const PrototxtMessage &rule : includes) {
            if (enumField(rule, u"phase", phases, Test).value.toInt() == Test)
                excluded = false;
        }
    }
    for (const PrototxtMessage &rule : l.msg.messages(u"exclude")) {
        if (rule.has(u"phase") && enumField(rule, u"phase", phases, Train).value.toInt() == Test)
            excluded = true;
    }
    if (!m_fieldError.isEmpty())
        return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
    if (excluded || isTrainingOnlyType(l.type)) {
        skip(l,
             excluded ? QCoreApplication::translate("naqsh::Import", "(TRAIN phase)") : QString());
        return true;
    }

    QVector<LayerId> in;
    for (const QString &b : std::as_const(l.bottoms)) {
        auto it = m_blobs.constFind(b);
        if (it == m_blobs.cend())
            return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                         "bottom '%1' is not produced by any "
                                                         "earlier layer or input")
                                 .arg(b));
        if (it->skipped) {
            skip(l, QCoreApplication::translate("naqsh::Import", "(uses '%1' from %2)")
                        .arg(b, it->skippedBy));
            return true;
        }
        in << it->layer;
    }
    const int rank0 = l.bottoms.isEmpty() ? -1 : rankOf(l.bottoms[0]);
    const QString &t = l.type;
    const bool needsInput = t != u"Input";
    if (needsInput && in.isEmpty() && t != u"Python")
        return failAt(l, QCoreApplication::translate("naqsh::Import", "the layer has no bottom"));

    if (t == u"Input") {
        const QVector<PrototxtMessage> shapes = l.msg.message(u"input_param").messages(u"shape");
        if (shapes.isEmpty())
            return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                         "input_param has no shape { dim: ... }"));
        for (int i = 0; i < l.tops.size(); ++i) {
            QVector<qint64> dims;
            for (const Field &f :
                 intFields(shapes[std::min<qsizetype>(i, shapes.size() - 1)], u"dim"))
                dims << f.value.toLongLong();
            if (!m_fieldError.isEmpty())
                return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
            if (!addInput(l.tops[i], dims, l.line, l.column,
                          QCoreApplication::translate("naqsh::Import", "in input_param")))
                return false;
        }
        return true;
    }
    if (t == u"Convolution")
        return convolution(l, in, false, false);
    if (t == u"ConvolutionDepthwise" || t == u"DepthwiseConvolution")
        return convolution(l, in, false, true);
    if (t == u"Deconvolution")
        return convolution(l, in, true, false);
    if (t == u"Pooling")
        return pooling(l, in);
    if (t == u"InnerProduct")
        return innerProduct(l, in);
    if (t == u"ReLU") {
        const Field slope = realField(l.msg.message(u"relu_param"), u"negative_slope", 0.0);
        if (slope.value.toDouble() == 0.0)
            return finish(l, m_builder.draft("relu"), in, rank0);
        LayerDraft d = m_builder.draft("leaky_relu");
        set(d, u"negative_slope", slope);
        return finish(l, d, in, rank0);
    }
    if (t == u"ReLU6")
        return finish(l, m_builder.draft("relu6"), in, rank0);
    if (t == u"PReLU") {
        LayerDraft d = m_builder.draft("prelu");
        set(d, u"channel_shared",
            boolField(l.msg.message(u"prelu_param"), u"channel_shared", false));
        return finish(l, d, in, rank0);
    }
    if (t == u"Sigmoid")
        return finish(l, m_builder.draft("sigmoid"), in, rank0);
    if (t == u"TanH")
        return finish(l, m_builder.draft("tanh"), in, rank0);
    if (t == u"LRN") {
        const PrototxtMessage p = l.msg.message(u"lrn_param");
        LayerDraft d = m_builder.draft("lrn");
        set(d, u"size", intField(p, u"local_size", 5));
        set(d, u"alpha", realField(p, u"alpha", 1.0));
        set(d, u"beta", realField(p, u"beta", 0.75));
        set(d, u"k", realField(p, u"k", 1.0));
        const Field region =
            enumField(p, u"norm_region",
                      {QStringLiteral("ACROSS_CHANNELS"), QStringLiteral("WITHIN_CHANNEL")}, 0);
        if (region.value.toInt() == 1) {
            warn(QCoreApplication::translate("naqsh::Import",
                                             "layer %1: LRN within channels is counted as LRN "
                                             "across channels")
                     .arg(l.label()));
        }
        return finish(l, d, in, rank0);
    }
    if (t == u"Concat") {
        const PrototxtMessage p = l.msg.message(u"concat_param");
        const qint64 axis = p.has(u"concat_dim") ? intField(p, u"concat_dim", 1).value.toLongLong()
                                                 : intField(p, u"axis", 1).value.toLongLong();
        if (axis != 1 && axis != -3)
            return opaque(l, in,
                          QCoreApplication::translate("naqsh::Import",
                                                      "Naqsh concatenates along the channel axis "
                                                      "only, and this layer uses axis %1")
                              .arg(axis));
        return finish(l, m_builder.draft("concat"), in, rank0);
    }
    if (t == u"Eltwise") {
        const PrototxtMessage p = l.msg.message(u"eltwise_param");
        const Field op =
            enumField(p, u"operation",
                      {QStringLiteral("PROD"), QStringLiteral("SUM"), QStringLiteral("MAX")}, 1);
        if (!m_fieldError.isEmpty())
            return finish(l, LayerDraft(), in, rank0);
        if (op.value.toInt() != 1)
            return opaque(l, in,
                          QCoreApplication::translate("naqsh::Import",
                                                      "only the SUM operation of Eltwise is "
                                                      "modelled (as Add)"));
        for (const PrototxtValue &c : p.values(u"coeff")) {
            if (c.toDouble(nullptr).value_or(1.0) != 1.0) {
                warn(QCoreApplication::translate("naqsh::Import",
                                                 "layer %1: the Eltwise coefficients are not "
                                                 "counted (one multiplication per value each)")
                         .arg(l.label()));
                break;
            }
        }
        return finish(l, m_builder.draft("add"), in, rank0);
    }
    if (t == u"BatchNorm") {
        LayerDraft d = m_builder.draft("batchnorm2d");
        d.set(u"affine", false); // becomes true if a Scale layer follows
        set(d, u"eps", realField(l.msg.message(u"batch_norm_param"), u"eps", 1e-5));
        if (!finish(l, d, in, 4))
            return false;
        m_batchNormAwaitingScale.insert(m_blobs.value(l.tops.value(0)).layer);
        return true;
    }
    if (t == u"Scale") {
        const LayerId bn = in.value(0);
        const Layer *layer = m_builder.graph().layer(bn);
        if (in.size() == 1 && m_batchNormAwaitingScale.contains(bn) && layer &&
            layer->consumers.isEmpty()) {
            m_batchNormAwaitingScale.remove(bn);
            const QString bnName = layer->name;
            m_builder.setParam(bn, u"affine", true);
            if (!boolField(l.msg.message(u"scale_param"), u"bias_term", false).value.toBool()) {
                warn(QCoreApplication::translate("naqsh::Import",
                                                 "layer %1 has no bias term, but it is merged "
                                                 "into '%2' as a BatchNorm2d with scale and shift")
                         .arg(l.label(), bnName));
            }
            if (!m_fieldError.isEmpty())
                return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
            if (!l.tops.isEmpty())
                bindTop(l.tops[0], bn, rank0);
            return true;
        }
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "a Scale layer that does not follow a "
                                                  "BatchNorm layer is not modelled"));
    }
    if (t == u"Dropout") {
        LayerDraft d = m_builder.draft("dropout");
        set(d, u"p", realField(l.msg.message(u"dropout_param"), u"dropout_ratio", 0.5));
        return finish(l, d, in, rank0);
    }
    if (t == u"Softmax") {
        const qint64 axis =
            intField(l.msg.message(u"softmax_param"), u"axis", 1).value.toLongLong();
        if (axis != 1) {
            warn(QCoreApplication::translate("naqsh::Import",
                                             "layer %1: Softmax over axis %2 is counted as if it "
                                             "were over the channels")
                     .arg(l.label())
                     .arg(axis));
        }
        return finish(l, m_builder.draft("softmax"), in, rank0);
    }
    if (t == u"Flatten") {
        const PrototxtMessage p = l.msg.message(u"flatten_param");
        if (intField(p, u"axis", 1).value.toLongLong() != 1 ||
            intField(p, u"end_axis", -1).value.toLongLong() != -1)
            return opaque(l, in,
                          QCoreApplication::translate("naqsh::Import",
                                                      "only a Flatten from axis 1 to the end is "
                                                      "modelled"));
        return finish(l, m_builder.draft("flatten"), in, 2);
    }
    if (t == u"Reshape") {
        const QVector<Field> dims =
            intFields(l.msg.message(u"reshape_param").message(u"shape"), u"dim");
        if (dims.size() == 2 && dims[0].value.toLongLong() == 0 &&
            dims[1].value.toLongLong() == -1 && !l.msg.message(u"reshape_param").has(u"axis"))
            return finish(l, m_builder.draft("flatten"), in, 2);
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "only a Reshape to (0, -1) is modelled (as "
                                                  "Flatten)"));
    }
    if (t == u"Split") {
        for (const QString &top : std::as_const(l.tops))
            bindTop(top, in.value(0), rank0);
        return true;
    }
    return opaque(l, in);
}

// ---------------------------------------------------------------------------------------------

ImportResult CaffeImporter::run(QByteArrayView text)
{
    ImportResult result;
    const PrototxtParseResult parsed = parsePrototxt(text);
    if (!parsed.ok()) {
        result.error = parsed.error.toString();
        return result;
    }
    const PrototxtMessage &root = parsed.root;
    const QString netName = root.toString(u"name", {}, &m_fieldError);
    if (!m_fieldError.isEmpty()) {
        result.error = m_fieldError.toString();
        return result;
    }
    bool ok = readNetInputs(root);
    int index = 0;
    for (const PrototxtField &f : root.fields) {
        if (!ok)
            break;
        if (f.name == u"layer" || f.name == u"layers")
            ok = importLayer(f, index++);
    }
    if (ok && m_builder.graph().isEmpty())
        failAt(1, 1,
               QCoreApplication::translate("naqsh::Import",
                                           "no inputs and no layers: this is not a Caffe network "
                                           "description"));
    if (!m_error.isEmpty()) {
        result.error = m_error;
        return result;
    }

    // Every result that nothing consumes is an output of the network.
    const LayerDraft out = m_builder.draft("output");
    const QVector<LayerId> ids = m_builder.graph().layerIds();
    for (LayerId id : ids) {
        const Layer *l = m_builder.graph().layer(id);
        if (l->consumers.isEmpty() && l->type != u"input" && l->type != u"output")
            m_builder.add(out, QStringLiteral("output"), {id});
    }

    if (!m_skipped.isEmpty()) {
        QStringList shown = m_skipped.mid(0, 3 * kNamesInWarning);
        if (m_skipped.size() > shown.size())
            shown << QStringLiteral("…");
        result.warnings << QCoreApplication::translate("naqsh::Import",
                                                       "skipped %n training-only layer(s): %1",
                                                       nullptr, int(m_skipped.size()))
                               .arg(shown.join(QStringLiteral(", ")));
    }
    result.warnings << m_warnings;
    for (const QString &type : std::as_const(m_opaqueOrder)) {
        const QStringList &names = m_opaqueLayers[type];
        QStringList shown = names.mid(0, kNamesInWarning);
        if (names.size() > kNamesInWarning)
            shown << QStringLiteral("…");
        result.warnings << QCoreApplication::translate("naqsh::Import",
                                                       "layer type %1 is not modelled by Naqsh: "
                                                       "%n layer(s) imported as opaque layers "
                                                       "with unknown cost (%2)",
                                                       nullptr, int(names.size()))
                               .arg(type, shown.join(QStringLiteral(", ")));
    }
    for (LayerId id : m_builder.graph().layerIds()) {
        const Layer *l = m_builder.graph().layer(id);
        if (l->type == u"opaque") {
            const QString op = l->params.value(0).toString();
            if (op != u"Input" && !result.opaqueOperators.contains(op))
                result.opaqueOperators << op;
        }
    }
    result.graph = m_builder.takeGraph();
    result.graph.name = netName;
    return result;
}

ImportResult guarded(const std::function<ImportResult()> &body)
{
    try {
        return body();
    } catch (const std::bad_alloc &) {
        ImportResult r;
        r.error =
            QCoreApplication::translate("naqsh::Import", "out of memory while importing the model");
        return r;
    } catch (const std::exception &e) {
        ImportResult r;
        r.error = QCoreApplication::translate("naqsh::Import", "could not import the model: %1")
                      .arg(QString::fromUtf8(e.what()));
        return r;
    }
}

} // namespace

ImportResult importPrototxt(QByteArrayView text, const LayerRegistry &registry)
{
    return guarded([&] { return CaffeImporter(registry).run(text); });
}

ImportResult importPrototxtFile(const QString &path, const LayerRegistry &registry)
{
    QFile file(path);
    ImportResult r;
    if (QFileInfo(path).isDir()) {
        r.error = QCoreApplication::translate("naqsh::Import", "cannot open '%1': it is a folder")
                      .arg(path);
        return r;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QCoreApplication::translate("naqsh::Import", "cannot open '%1': %2")
                      .arg(path, file.errorString());
        return r;
    }
    if (file.size() > kMaxFileSize) {
        r.error = QCoreApplication::translate("naqsh::Import",
                                              "'%1' is too large to be a network description "
                                              "(weights live in .caffemodel files, not here)")
                      .arg(path);
        return r;
    }
    const QByteArray bytes = file.readAll();
    r = importPrototxt(bytes, registry);
    if (r.ok() && r.graph.name.trimmed().isEmpty())
        r.graph.name = QFileInfo(path).completeBaseName();
    return r;
}

} // namespace naqsh
