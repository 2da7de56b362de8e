#include "NaqshFileBlocks.h"
#include "analysis/CheckedInt.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace naqsh::NaqshFile {

QJsonArray blocksToJson(const Graph &graph)
{
    QJsonArray list;
    for (const Block &b : graph.blocks()) {
        QJsonObject o{{QStringLiteral("id"), qint64(b.id.value)}, {QStringLiteral("name"), b.name}};
        if (b.parent.isValid())
            o.insert(QStringLiteral("parent"), qint64(b.parent.value));
        QJsonArray layers;
        for (LayerId l : b.layers)
            layers.append(qint64(l.value));
        o.insert(QStringLiteral("layers"), layers);
        o.insert(QStringLiteral("collapsed"), b.collapsed);
        list.append(o);
    }
    return list;
}

namespace {
bool readWholeNumber(const QJsonValue &v, quint64 *out)
{
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d < 1 || !isWholeInt64(d) || d > 9.0e15)
        return false;
    *out = quint64(d);
    return true;
}
} // namespace

bool readBlocks(const QJsonValue &value, Graph &graph, QString *error)
{
    auto fail = [&](const QString &where, const QString &what) {
        *error = QStringLiteral("%1: %2").arg(where, what);
        return false;
    };
    if (value.isUndefined())
        return true;
    if (!value.isArray())
        return fail(QStringLiteral("blocks"),
                    QCoreApplication::translate("naqsh::NaqshFile", "expected a list"));
    const QJsonArray list = value.toArray();
    QVector<Block> blocks;
    for (int i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("blocks[%1]").arg(i);
        if (!list[i].isObject())
            return fail(where,
                        QCoreApplication::translate("naqsh::NaqshFile", "expected an object"));
        const QJsonObject o = list[i].toObject();
        Block b;
        if (!readWholeNumber(o.value(QStringLiteral("id")), &b.id.value))
            return fail(where + QStringLiteral(".id"),
                        QCoreApplication::translate(
                            "naqsh::NaqshFile", "expected a block id (a positive whole number)"));
        const QJsonValue name = o.value(QStringLiteral("name"));
        if (!name.isString())
            return fail(
                where + QStringLiteral(".name"),
                QCoreApplication::translate("naqsh::NaqshFile", "expected a non-empty name"));
        b.name = name.toString();
        const QJsonValue parent = o.value(QStringLiteral("parent"));
        if (!parent.isUndefined() && !parent.isNull() && !readWholeNumber(parent, &b.parent.value))
            return fail(where + QStringLiteral(".parent"),
                        QCoreApplication::translate(
                            "naqsh::NaqshFile", "expected the id of the block around this one"));
        const QJsonValue layers = o.value(QStringLiteral("layers"));
        if (!layers.isUndefined() && !layers.isArray())
            return fail(
                where + QStringLiteral(".layers"),
                QCoreApplication::translate("naqsh::NaqshFile", "expected a list of layer ids"));
        const QJsonArray ids = layers.toArray();
        for (int k = 0; k < ids.size(); ++k) {
            LayerId id;
            if (!readWholeNumber(ids[k], &id.value))
                return fail(
                    QStringLiteral("%1.layers[%2]").arg(where).arg(k),
                    QCoreApplication::translate("naqsh::NaqshFile",
                                                "expected a layer id (a positive whole number)"));
            b.layers.append(id);
        }
        const QJsonValue collapsed = o.value(QStringLiteral("collapsed"));
        if (!collapsed.isUndefined() && !collapsed.isBool())
            return fail(where + QStringLiteral(".collapsed"),
                        QCoreApplication::translate("naqsh::NaqshFile", "expected true or false"));
        b.collapsed = collapsed.toBool();
        blocks.append(b);
    }
    int index = -1;
    QString field;
    const QString problem = graph.checkBlocks(blocks, &index, &field);
    if (!problem.isEmpty())
        return fail(QStringLiteral("blocks[%1].%2").arg(index).arg(field), problem);
    graph.setBlocks(blocks);
    return true;
}

} // namespace naqsh::NaqshFile
