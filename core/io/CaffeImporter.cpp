// Reading a Caffe network description: layer blocks in file order, phases, blob names, and the
// result (outputs, warnings). Input sizes are in CaffeInputs.cpp; layer types in CaffeLayers.cpp
// and CaffeDetection.cpp.
#include "CaffeImporter.h"

#include "CaffeImporterPrivate.h"
#include "SafeFile.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <exception>
#include <functional>
#include <new>

namespace naqsh {

namespace {
constexpr qint64 kMaxFileSize = qint64(64) * 1024 * 1024;
} // namespace

namespace caffe {

namespace {

/// Layer type names of the V1 format (`layers { type: CONVOLUTION }`), as V2 names: the
/// mapping of Caffe's UpgradeV1LayerType.
const QHash<QString, QString> &v1Names()
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
    return names;
}

/// Every V2 type name the importer treats specially, by its lower-case spelling.
const QHash<QString, QString> &knownNames()
{
    static const QHash<QString, QString> names = [] {
        QHash<QString, QString> h;
        const char *const known[] = {
            "Input",
            "Data",
            "ImageData",
            "HDF5Data",
            "MemoryData",
            "WindowData",
            "DummyData",
            "AnnotatedData",
            "VideoData",
            "Convolution",
            "Deconvolution",
            "ConvolutionDepthwise",
            "DepthwiseConvolution",
            "Pooling",
            "InnerProduct",
            "ReLU",
            "ReLU6",
            "PReLU",
            "Sigmoid",
            "TanH",
            "LRN",
            "Concat",
            "Eltwise",
            "BatchNorm",
            "Scale",
            "Bias",
            "Dropout",
            "Softmax",
            "Flatten",
            "Reshape",
            "Split",
            "Slice",
            "Crop",
            "Normalize",
            "PriorBox",
            "DetectionOutput",
            "ROIPooling",
            "Python",
            "Power",
            "ArgMax",
            "Permute",
            "Accuracy",
            "Silence",
            "HDF5Output",
            "Exp",
            "Log",
            "AbsVal",
            "BNLL",
            "Threshold",
            "ELU",
            "Clip",
            "Swish",
            "MVN",
            "Embed",
            "Tile",
            "Reduction",
            "Interp",
            "Upsample",
            "SoftmaxWithLoss",
            "EuclideanLoss",
            "SigmoidCrossEntropyLoss",
            "MultiBoxLoss",
        };
        for (const char *k : known)
            h.insert(QString::fromLatin1(k).toLower(), QString::fromLatin1(k));
        return h;
    }();
    return names;
}

} // namespace

QString canonicalType(const QString &written)
{
    const QString t = written.trimmed();
    const QString upper = t.toUpper();
    if (auto it = v1Names().constFind(upper); it != v1Names().cend() && t == upper)
        return *it;
    const QString lower = t.toLower();
    if (auto it = knownNames().constFind(lower); it != knownNames().cend())
        return *it;
    // V1 names in lower case ("inner_product"), and V2 names with underscores.
    if (auto it = v1Names().constFind(upper); it != v1Names().cend())
        return *it;
    return t;
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
    return type.endsWith(QLatin1String("Loss"), Qt::CaseInsensitive) || type == u"Accuracy" ||
           type == u"Silence" || type == u"HDF5Output";
}

bool isElementwise(const QString &type)
{
    static const QSet<QString> types = {
        QStringLiteral("Exp"),     QStringLiteral("Log"),         QStringLiteral("AbsVal"),
        QStringLiteral("BNLL"),    QStringLiteral("Threshold"),   QStringLiteral("ELU"),
        QStringLiteral("Bias"),    QStringLiteral("Scale"),       QStringLiteral("Clip"),
        QStringLiteral("Swish"),   QStringLiteral("Mish"),        QStringLiteral("MVN"),
        QStringLiteral("Eltwise"), QStringLiteral("HardSigmoid"), QStringLiteral("TanH"),
        QStringLiteral("Sigmoid"),
    };
    return types.contains(type);
}

// ---------------------------------------------------------------------------------------------

bool CaffeImporter::failAt(int line, int column, const QString &message)
{
    if (m_error.isEmpty())
        m_error = PrototxtError{line, column, message}.toString();
    return false;
}

bool CaffeImporter::failAt(const LayerInfo &l, const QString &message)
{
    return failAt(
        l.line, l.column,
        QCoreApplication::translate("naqsh::Import", "layer %1: %2").arg(l.label(), message));
}

bool CaffeImporter::failField()
{
    return failAt(m_fieldError.line, m_fieldError.column, m_fieldError.message);
}

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
    // More bottoms than the type takes (an LRN with two) would make a graph that no document
    // can hold.
    if (d.type() && d.type()->maxInputs >= 0 && inputs.size() > d.type()->maxInputs)
        return failAt(l, QCoreApplication::translate("naqsh::Analysis", "takes at most %n input(s)",
                                                     nullptr, d.type()->maxInputs));
    const LayerId id = addLayer(d, l.name, inputs);
    if (!l.tops.isEmpty())
        bindTop(l.tops[0], id, rank);
    return true;
}

LayerId CaffeImporter::addLayer(const LayerDraft &d, const QString &name,
                                const QVector<LayerId> &inputs)
{
    const bool bottoms = inputs.size() <= m_in.size() && inputs == m_in.mid(0, inputs.size());
    return m_builder.add(d, name, inputs,
                         bottoms ? m_inPorts.mid(0, inputs.size()) : QVector<int>());
}
// ---------------------------------------------------------------------------------------------

void CaffeImporter::skip(const LayerInfo &l, const QString &why)
{
    m_skipped << (why.isEmpty() ? l.label() : QStringLiteral("%1 %2").arg(l.label(), why));
    for (const QString &top : l.tops) {
        // An in-place top keeps its producer; a new one is unusable downstream.
        if (!m_blobs.contains(top))
            m_blobs.insert(top, Blob{{}, -1, true, l.label(), l.name, 0});
    }
}

bool CaffeImporter::readLayerInfo(const PrototxtField &field, int index, LayerInfo *l)
{
    if (!field.value.isMessage())
        return failAt(
            field.line, field.column,
            QCoreApplication::translate("naqsh::Import", "expected a layer block: %1 { ... }")
                .arg(field.name));
    l->msg = *field.value.message;
    l->line = field.line;
    l->column = field.column;
    m_fieldError = {};
    m_problemLine = m_problemColumn = 0;
    l->name = l->msg.toString(u"name", {}, &m_fieldError).trimmed();
    if (l->name.isEmpty())
        l->name = QStringLiteral("layer_%1").arg(index + 1);
    const QString type = l->msg.toString(u"type", {}, &m_fieldError).trimmed();
    l->type = canonicalType(type);
    for (const PrototxtValue &v : l->msg.values(u"bottom")) {
        l->bottoms << v.toString(&m_fieldError).value_or(QString());
        l->bottomValues << v;
    }
    for (const PrototxtValue &v : l->msg.values(u"top"))
        l->tops << v.toString(&m_fieldError).value_or(QString());
    if (!m_fieldError.isEmpty())
        return failField();
    if (type.isEmpty())
        return failAt(*l, QCoreApplication::translate("naqsh::Import", "the layer has no type"));
    return true;
}

bool CaffeImporter::inTestPhase(const LayerInfo &l)
{
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
    return !excluded;
}

void CaffeImporter::chooseDataLayers(const PrototxtMessage &root)
{
    // A train_val file has a TRAIN and a TEST data layer writing the same blob: the TEST one
    // is what a deploy sees. A file with only a TRAIN data layer still gets its size from it.
    QHash<QString, int> chosen;
    QHash<QString, bool> chosenInTest;
    int index = 0;
    for (const PrototxtField &f : root.fields) {
        if (f.name != u"layer" && f.name != u"layers")
            continue;
        const int i = index++;
        LayerInfo l;
        if (!f.value.isMessage() || !readLayerInfo(f, i, &l) || !isDataType(l.type) ||
            l.tops.isEmpty()) {
            m_error.clear(); // reported again, in file order, by the import itself
            continue;
        }
        const bool test = inTestPhase(l);
        const QString &top = l.tops[0];
        if (!chosen.contains(top) || (test && !chosenInTest.value(top))) {
            chosen[top] = i;
            chosenInTest[top] = test;
        }
    }
    m_fieldError = {};
    for (int i : std::as_const(chosen))
        m_chosenData.insert(i);
}

QString CaffeImporter::unknownBottomMessage(const LayerInfo &l, int bottom) const
{
    const QString &b = l.bottoms[bottom];
    if (m_laterTops.contains(b)) {
        return QCoreApplication::translate("naqsh::Import",
                                           "'%1' is read by layer '%2' before any layer writes "
                                           "it (Caffe runs the layers in file order)")
            .arg(b, l.name);
    }
    // The closest name that is written somewhere, by edit distance.
    auto distance = [](const QString &a, const QString &c) {
        QVector<int> row(c.size() + 1);
        for (int j = 0; j <= c.size(); ++j)
            row[j] = j;
        for (int i = 1; i <= a.size(); ++i) {
            int diag = row[0];
            row[0] = i;
            for (int j = 1; j <= c.size(); ++j) {
                const int up = row[j];
                row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                                   diag + (a[i - 1].toLower() == c[j - 1].toLower() ? 0 : 1)});
                diag = up;
            }
        }
        return row[c.size()];
    };
    QString best;
    int bestDistance = std::max<int>(2, int(b.size()) / 3) + 1;
    QStringList names = m_blobs.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        if (std::abs(int(name.size()) - int(b.size())) >= bestDistance)
            continue;
        const int d = distance(b, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = name;
        }
    }
    if (!best.isEmpty()) {
        return QCoreApplication::translate("naqsh::Import",
                                           "'%1' is read by layer '%2' but no layer writes it; "
                                           "did you mean '%3'?")
            .arg(b, l.name, best);
    }
    return QCoreApplication::translate("naqsh::Import",
                                       "'%1' is read by layer '%2' but no layer or input writes "
                                       "it")
        .arg(b, l.name);
}

bool CaffeImporter::importLayer(const PrototxtField &field, int index)
{
    LayerInfo l;
    if (!readLayerInfo(field, index, &l))
        return false;

    if (isDataType(l.type)) {
        if (m_chosenData.contains(index))
            return dataLayer(l);
        if (!m_fieldError.isEmpty())
            return failField();
        // Another data layer writes the same blobs for the TEST phase.
        m_skipped << QStringLiteral("%1 %2").arg(
            l.label(), QCoreApplication::translate("naqsh::Import", "(TRAIN phase)"));
        return true;
    }

    const bool test = inTestPhase(l);
    if (!m_fieldError.isEmpty())
        return failField();
    if (!test || isTrainingOnlyType(l.type)) {
        skip(l, !test ? QCoreApplication::translate("naqsh::Import", "(TRAIN phase)") : QString());
        return true;
    }

    QVector<LayerId> in;
    QVector<int> ports;
    for (int i = 0; i < l.bottoms.size(); ++i) {
        const QString &b = l.bottoms[i];
        auto it = m_blobs.constFind(b);
        if (it == m_blobs.cend())
            return failAt(l.bottomValues[i].line, l.bottomValues[i].column,
                          unknownBottomMessage(l, i));
        if (it->skipped) {
            skip(l, QCoreApplication::translate("naqsh::Import", "(uses '%1' from %2)")
                        .arg(b, it->skippedBy));
            return true;
        }
        in << it->layer;
        ports << it->port;
    }
    m_in = in;
    m_inPorts = ports;
    if (l.type == u"Input")
        return inputLayer(l);
    if (in.isEmpty() && l.type != u"Python")
        return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                     "the layer has no bottom; only data and "
                                                     "Input layers read nothing, and Naqsh does "
                                                     "not know layer type \"%1\" as one of them")
                             .arg(l.type));
    return importKnownLayer(l, in);
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
    for (const PrototxtField &f : root.fields) {
        if ((f.name == u"layer" || f.name == u"layers") && f.value.isMessage()) {
            for (const PrototxtValue &v : f.value.message->values(u"top"))
                m_laterTops.insert(v.text);
        }
    }
    chooseDataLayers(root);
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

} // namespace caffe

namespace {

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
    return guarded([&] { return caffe::CaffeImporter(registry).run(text); });
}

ImportResult importPrototxtFile(const QString &path, const LayerRegistry &registry)
{
    ImportResult r;
    // Counted on the bytes actually read: QFile::size() is 0 for /dev/zero and other devices.
    const SafeFile::ReadResult file = SafeFile::readLimited(path, kMaxFileSize);
    if (file.status == SafeFile::ReadResult::Status::IsFolder) {
        r.error = QCoreApplication::translate("naqsh::Import", "cannot open '%1': it is a folder")
                      .arg(path);
        return r;
    }
    if (file.status == SafeFile::ReadResult::Status::TooLarge) {
        r.error = QCoreApplication::translate("naqsh::Import",
                                              "'%1' is too large to be a network description "
                                              "(weights live in .caffemodel files, not here)")
                      .arg(path);
        return r;
    }
    if (!file.ok()) {
        r.error = QCoreApplication::translate("naqsh::Import", "cannot open '%1': %2")
                      .arg(path, file.reason);
        return r;
    }
    const QByteArray &bytes = file.bytes;
    r = importPrototxt(bytes, registry);
    if (r.ok() && r.graph.name.trimmed().isEmpty())
        r.graph.name = QFileInfo(path).completeBaseName();
    return r;
}

} // namespace naqsh