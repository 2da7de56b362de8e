#include "NaqshFile.h"

#include "NaqshFileBlocks.h"
#include "SafeFile.h"
#include "analysis/CheckedInt.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace naqsh::NaqshFile {

namespace {

QJsonValue paramToJson(const ParamSpec &spec, const QVariant &v)
{
    switch (spec.kind) {
    case ParamKind::Int:
        return QJsonValue(v.toLongLong());
    case ParamKind::Real:
        return QJsonValue(v.toDouble());
    case ParamKind::Bool:
        return QJsonValue(v.toBool());
    case ParamKind::Choice:
        return QJsonValue(spec.choices.value(v.toInt()));
    case ParamKind::Text:
        return QJsonValue(v.toString());
    }
    return {};
}

QString kindKey(Variant::Kind k)
{
    switch (k) {
    case Variant::Kind::Path:
        return QStringLiteral("path");
    case Variant::Kind::Layers:
        return QStringLiteral("layers");
    case Variant::Kind::Document:
        return QStringLiteral("document");
    }
    return {};
}

/// Turns a byte offset into "line L, column C" for parse errors.
QString lineColumn(const QByteArray &bytes, int offset)
{
    int line = 1, col = 1;
    for (int i = 0; i < offset && i < bytes.size(); ++i) {
        if (bytes[i] == '\n') {
            ++line;
            col = 1;
        } else if ((uchar(bytes[i]) & 0xC0) != 0x80) {
            ++col;
        }
    }
    return QCoreApplication::translate("naqsh::NaqshFile", "line %1, column %2").arg(line).arg(col);
}

class Reader
{
public:
    Reader(const LayerRegistry &registry)
        : m_registry(registry)
    {
    }
    ReadResult read(const QByteArray &bytes);

private:
    bool fail(const QString &where, const QString &what)
    {
        m_error = where.isEmpty() ? what : QStringLiteral("%1: %2").arg(where, what);
        return false;
    }
    bool readLayer(const QJsonValue &value, int index, Graph &graph);
    bool readConnection(const QJsonValue &value, int index, Graph &graph);
    bool readVariant(const QJsonValue &value, int index, Graph &graph);
    bool readId(const QJsonValue &v, const QString &where, LayerId *out);

    /// A comparison that names a layer the file does not have is left out with a warning: the
    /// rest of the document is still good (issue 12, finding 2).
    bool dropVariant(const QString &where, const QString &name, LayerId missing)
    {
        m_warnings << QCoreApplication::translate(
                          "naqsh::NaqshFile",
                          "%1: the comparison \"%2\" names layer id %3, which is not in the "
                          "document; it was left out")
                          .arg(where, name)
                          .arg(missing.value);
        return true;
    }

    const LayerRegistry &m_registry;
    QString m_error;
    QStringList m_warnings;
};

bool Reader::readId(const QJsonValue &v, const QString &where, LayerId *out)
{
    const double d = v.toDouble(-1);
    // The range first: casting a double beyond 2^63 to an integer is undefined.
    if (!v.isDouble() || d < 1 || d > 9.0e15 || !isWholeInt64(d))
        return fail(where,
                    QCoreApplication::translate("naqsh::NaqshFile",
                                                "expected a layer id (a positive whole number)"));
    *out = LayerId(quint64(d));
    return true;
}

bool Reader::readLayer(const QJsonValue &value, int index, Graph &graph)
{
    const QString where = QStringLiteral("layers[%1]").arg(index);
    if (!value.isObject())
        return fail(where, QCoreApplication::translate("naqsh::NaqshFile", "expected an object"));
    const QJsonObject o = value.toObject();
    Layer layer;
    if (!readId(o.value(QStringLiteral("id")), where + QStringLiteral(".id"), &layer.id))
        return false;
    if (graph.contains(layer.id))
        return fail(where + QStringLiteral(".id"),
                    QCoreApplication::translate("naqsh::NaqshFile", "id %1 is used twice")
                        .arg(layer.id.value));
    const QJsonValue typeValue = o.value(QStringLiteral("type"));
    if (!typeValue.isString())
        return fail(where + QStringLiteral(".type"),
                    QCoreApplication::translate("naqsh::NaqshFile", "expected a layer type name"));
    layer.type = typeValue.toString();
    const LayerType *type = m_registry.find(layer.type);
    if (!type)
        return fail(where + QStringLiteral(".type"),
                    QCoreApplication::translate("naqsh::NaqshFile", "unknown layer type \"%1\"")
                        .arg(layer.type));
    layer.type = type->id; // share the registry's string
    const QJsonValue nameValue = o.value(QStringLiteral("name"));
    if (!nameValue.isString() || nameValue.toString().trimmed().isEmpty())
        return fail(where + QStringLiteral(".name"),
                    QCoreApplication::translate("naqsh::NaqshFile", "expected a non-empty name"));
    layer.name = nameValue.toString();

    ParamValues params = type->defaultParams();
    const QJsonValue paramsValue = o.value(QStringLiteral("params"));
    if (!paramsValue.isUndefined() && !paramsValue.isObject())
        return fail(where + QStringLiteral(".params"),
                    QCoreApplication::translate("naqsh::NaqshFile", "expected an object"));
    const QJsonObject po = paramsValue.toObject();
    for (auto it = po.begin(); it != po.end(); ++it) {
        const QString pwhere = QStringLiteral("%1.params.%2").arg(where, it.key());
        const int pi = type->paramIndex(it.key());
        if (pi < 0)
            return fail(pwhere, QCoreApplication::translate("naqsh::NaqshFile",
                                                            "%1 has no parameter \"%2\"")
                                    .arg(layer.type, it.key()));
        QString why;
        const QVariant v = validateParam(type->params[pi], it.value().toVariant(), &why);
        if (!v.isValid())
            return fail(pwhere, why);
        params.set(pi, v);
    }
    layer.params = params;

    const QJsonValue pos = o.value(QStringLiteral("position"));
    if (!pos.isUndefined()) {
        const QJsonArray a = pos.toArray();
        if (!pos.isArray() || a.size() != 2 || !a[0].isDouble() || !a[1].isDouble())
            return fail(where + QStringLiteral(".position"),
                        QCoreApplication::translate("naqsh::NaqshFile", "expected [x, y]"));
        layer.position = QPointF(a[0].toDouble(), a[1].toDouble());
    }
    graph.addLayer(layer);
    return true;
}

bool Reader::readConnection(const QJsonValue &value, int index, Graph &graph)
{
    const QString where = QStringLiteral("connections[%1]").arg(index);
    if (!value.isObject())
        return fail(where, QCoreApplication::translate("naqsh::NaqshFile", "expected an object"));
    const QJsonObject o = value.toObject();
    LayerId from, to;
    if (!readId(o.value(QStringLiteral("from")), where + QStringLiteral(".from"), &from) ||
        !readId(o.value(QStringLiteral("to")), where + QStringLiteral(".to"), &to))
        return false;
    const Layer *a = graph.layer(from);
    const Layer *b = graph.layer(to);
    if (!a)
        return fail(
            where + QStringLiteral(".from"),
            QCoreApplication::translate("naqsh::NaqshFile", "no layer has id %1").arg(from.value));
    if (!b)
        return fail(
            where + QStringLiteral(".to"),
            QCoreApplication::translate("naqsh::NaqshFile", "no layer has id %1").arg(to.value));
    const LayerType *ta = m_registry.find(a->type);
    const LayerType *tb = m_registry.find(b->type);
    if (!ta->hasOutput)
        return fail(where,
                    QCoreApplication::translate("naqsh::NaqshFile", "layer '%1' (%2) has no output")
                        .arg(a->name, a->type));
    if (tb->maxInputs >= 0 && b->inputs.size() >= tb->maxInputs)
        return fail(where, QCoreApplication::translate("naqsh::NaqshFile",
                                                       "layer '%1' (%2) takes at most %3 input(s)")
                               .arg(b->name, b->type)
                               .arg(tb->maxInputs));
    if (from == to || graph.reaches(to, from))
        return fail(where, QCoreApplication::translate("naqsh::NaqshFile",
                                                       "connecting '%1' to '%2' makes a cycle")
                               .arg(a->name, b->name));
    int output = 0;
    if (const QJsonValue v = o.value(QStringLiteral("output")); !v.isUndefined()) {
        const int count = ta->outputs(a->params);
        if (!v.isDouble() || !isWholeInt64(v.toDouble()) || v.toDouble() < 0 ||
            v.toDouble() >= count)
            return fail(
                where + QStringLiteral(".output"),
                QCoreApplication::translate(
                    "naqsh::NaqshFile", "expected an output index from 0 to %1 of layer '%2' (%3)")
                    .arg(count - 1)
                    .arg(a->name, a->type));
        output = v.toInt();
    }
    graph.insertConnection({from, to, int(b->inputs.size()), output});
    return true;
}

bool Reader::readVariant(const QJsonValue &value, int index, Graph &graph)
{
    const QString where = QStringLiteral("comparisons[%1]").arg(index);
    if (!value.isObject())
        return fail(where, QCoreApplication::translate("naqsh::NaqshFile", "expected an object"));
    const QJsonObject o = value.toObject();
    Variant v;
    if (!o.value(QStringLiteral("name")).isString())
        return fail(where + QStringLiteral(".name"),
                    QCoreApplication::translate("naqsh::NaqshFile", "expected a name"));
    v.name = o.value(QStringLiteral("name")).toString();
    const QString kind = o.value(QStringLiteral("kind")).toString();
    if (kind == QLatin1String("path")) {
        v.kind = Variant::Kind::Path;
        if (!readId(o.value(QStringLiteral("from")), where + QStringLiteral(".from"), &v.from) ||
            !readId(o.value(QStringLiteral("to")), where + QStringLiteral(".to"), &v.to))
            return false;
        if (!graph.contains(v.from))
            return dropVariant(where + QStringLiteral(".from"), v.name, v.from);
        if (!graph.contains(v.to))
            return dropVariant(where + QStringLiteral(".to"), v.name, v.to);
    } else if (kind == QLatin1String("layers")) {
        v.kind = Variant::Kind::Layers;
        const QJsonValue list = o.value(QStringLiteral("layers"));
        if (!list.isArray())
            return fail(
                where + QStringLiteral(".layers"),
                QCoreApplication::translate("naqsh::NaqshFile", "expected a list of layer ids"));
        const QJsonArray a = list.toArray();
        for (int i = 0; i < a.size(); ++i) {
            LayerId id;
            if (!readId(a[i], QStringLiteral("%1.layers[%2]").arg(where).arg(i), &id))
                return false;
            if (!graph.contains(id))
                return dropVariant(QStringLiteral("%1.layers[%2]").arg(where).arg(i), v.name, id);
            v.layers.append(id);
        }
    } else if (kind == QLatin1String("document")) {
        v.kind = Variant::Kind::Document;
        if (!o.value(QStringLiteral("path")).isString())
            return fail(where + QStringLiteral(".path"),
                        QCoreApplication::translate("naqsh::NaqshFile", "expected a file path"));
        v.documentPath = o.value(QStringLiteral("path")).toString();
    } else {
        return fail(where + QStringLiteral(".kind"),
                    QCoreApplication::translate("naqsh::NaqshFile",
                                                "expected \"path\", \"layers\" or \"document\""));
    }
    graph.variants.append(v);
    return true;
}

ReadResult Reader::read(const QByteArray &bytes)
{
    ReadResult result;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = QCoreApplication::translate("naqsh::NaqshFile", "not valid JSON at %1: %2")
                           .arg(lineColumn(bytes, parseError.offset), parseError.errorString());
        return result;
    }
    if (!doc.isObject()) {
        result.error = QCoreApplication::translate(
            "naqsh::NaqshFile", "not a Naqsh document: the top level must be a JSON object");
        return result;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("naqsh")) {
        result.error = QCoreApplication::translate(
            "naqsh::NaqshFile", "not a Naqsh document: \"format\" must be \"naqsh\"");
        return result;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || !isWholeInt64(version.toDouble())) {
        result.error =
            QCoreApplication::translate("naqsh::NaqshFile", "version: expected a whole number");
        return result;
    }
    if (version.toDouble() > kVersion) {
        result.error = QCoreApplication::translate(
                           "naqsh::NaqshFile", "this file uses format version %1, written by a "
                                               "newer Naqsh; this version reads up to version %2")
                           .arg(qint64(version.toDouble()))
                           .arg(kVersion);
        return result;
    }
    Graph graph;
    graph.name = root.value(QStringLiteral("name")).toString();
    auto list = [&](const char *key, QJsonArray *out) {
        const QJsonValue v = root.value(QLatin1String(key));
        if (v.isUndefined())
            return true;
        if (!v.isArray())
            return fail(QLatin1String(key),
                        QCoreApplication::translate("naqsh::NaqshFile", "expected a list"));
        *out = v.toArray();
        return true;
    };
    QJsonArray layers, connections, comparisons;
    bool ok = list("layers", &layers) && list("connections", &connections) &&
              list("comparisons", &comparisons);
    for (int i = 0; ok && i < layers.size(); ++i)
        ok = readLayer(layers[i], i, graph);
    for (int i = 0; ok && i < connections.size(); ++i)
        ok = readConnection(connections[i], i, graph);
    for (int i = 0; ok && i < comparisons.size(); ++i)
        ok = readVariant(comparisons[i], i, graph);
    if (ok)
        ok = readBlocks(root.value(QStringLiteral("blocks")), graph, &m_error);
    if (!ok) {
        result.error = m_error;
        return result;
    }
    const QJsonValue measurement = root.value(QStringLiteral("measurement"));
    if (measurement.isObject())
        result.measurement = measurement.toObject();
    else if (!measurement.isUndefined() && !measurement.isNull())
        m_warnings << QCoreApplication::translate(
            "naqsh::NaqshFile", "measurement: expected an object; the stored measurement is "
                                "left out");
    result.graph = std::move(graph);
    result.warnings = m_warnings;
    return result;
}

} // namespace

QByteArray toJson(const Graph &graph, const LayerRegistry &registry, const QJsonObject &measurement)
{
    QJsonObject root;
    root.insert(QStringLiteral("format"), QStringLiteral("naqsh"));
    bool multiOutput = false;
    for (const Connection &c : graph.connections())
        multiOutput = multiOutput || c.output != 0;
    // The oldest version that holds everything used, so that older Naqsh versions read it.
    root.insert(QStringLiteral("version"), graph.hasBlocks() ? 3 : multiOutput ? 2 : 1);
    root.insert(QStringLiteral("name"), graph.name);
    QJsonArray layers;
    for (LayerId id : graph.layerIds()) {
        const Layer *l = graph.layer(id);
        QJsonObject o;
        o.insert(QStringLiteral("id"), qint64(id.value));
        o.insert(QStringLiteral("type"), l->type);
        o.insert(QStringLiteral("name"), l->name);
        QJsonObject params;
        if (const LayerType *type = registry.find(l->type)) {
            for (int i = 0; i < type->params.size() && i < l->params.size(); ++i)
                params.insert(type->params[i].key,
                              paramToJson(type->params[i], l->params.value(i)));
        }
        o.insert(QStringLiteral("params"), params);
        o.insert(QStringLiteral("position"), QJsonArray{l->position.x(), l->position.y()});
        layers.append(o);
    }
    root.insert(QStringLiteral("layers"), layers);
    QJsonArray connections;
    for (const Connection &c : graph.connections()) {
        QJsonObject o{{QStringLiteral("from"), qint64(c.from.value)},
                      {QStringLiteral("to"), qint64(c.to.value)}};
        if (c.output != 0)
            o.insert(QStringLiteral("output"), c.output);
        connections.append(o);
    }
    root.insert(QStringLiteral("connections"), connections);
    QJsonArray comparisons;
    for (const Variant &v : graph.variants) {
        QJsonObject o{{QStringLiteral("name"), v.name}, {QStringLiteral("kind"), kindKey(v.kind)}};
        switch (v.kind) {
        case Variant::Kind::Path:
            o.insert(QStringLiteral("from"), qint64(v.from.value));
            o.insert(QStringLiteral("to"), qint64(v.to.value));
            break;
        case Variant::Kind::Layers: {
            QJsonArray ids;
            for (LayerId id : v.layers)
                ids.append(qint64(id.value));
            o.insert(QStringLiteral("layers"), ids);
            break;
        }
        case Variant::Kind::Document:
            o.insert(QStringLiteral("path"), v.documentPath);
            break;
        }
        comparisons.append(o);
    }
    root.insert(QStringLiteral("comparisons"), comparisons);
    if (graph.hasBlocks())
        root.insert(QStringLiteral("blocks"), blocksToJson(graph));
    if (!measurement.isEmpty())
        root.insert(QStringLiteral("measurement"), measurement);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

ReadResult fromJson(const QByteArray &bytes, const LayerRegistry &registry)
{
    return Reader(registry).read(bytes);
}

ReadResult read(const QString &path, const LayerRegistry &registry)
{
    // Counted on the bytes actually read: QFile::size() is 0 for /dev/zero and other devices.
    const SafeFile::ReadResult file = SafeFile::readLimited(path, kMaxFileBytes);
    if (file.status == SafeFile::ReadResult::Status::TooLarge) {
        ReadResult r;
        r.error = QCoreApplication::translate("naqsh::NaqshFile",
                                              "%1 is too large to be a Naqsh document")
                      .arg(path);
        return r;
    }
    if (!file.ok()) {
        ReadResult r;
        r.error = QCoreApplication::translate("naqsh::NaqshFile", "cannot open %1: %2")
                      .arg(path, file.reason);
        return r;
    }
    return fromJson(file.bytes, registry);
}

bool write(const QString &path, const Graph &graph, const LayerRegistry &registry, QString *error,
           const QJsonObject &measurement)
{
    return SafeFile::write(path, toJson(graph, registry, measurement), error);
}

} // namespace naqsh::NaqshFile
