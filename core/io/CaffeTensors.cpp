// Caffe's tensor layers on any axis, as Naqsh's general tensor layers: Concat (axis), Flatten
// (axis, end_axis), Reshape (shape with 0 and -1, axis, num_axes), Permute (order) and Slice
// (axis, slice_point). SSD's heads use all of them: conv → Permute(0, 2, 3, 1) → Flatten(axis 1)
// → Concat(axis 1), and Reshape(0, -1, classes) → Softmax(axis 2) for the confidences.
#include "CaffeImporterPrivate.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh::caffe {

namespace {

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(", "));
}

/// @p axis made non-negative against @p rank as Caffe's CanonicalAxisIndex does; -1 when the
/// rank is unknown or the axis is outside it.
int canonical(qint64 axis, int rank)
{
    if (rank < 0)
        return -1;
    const qint64 a = axis < 0 ? axis + rank : axis;
    return a >= 0 && a < rank ? int(a) : -1;
}

} // namespace

bool CaffeImporter::tensorLayer(const LayerInfo &l, const QVector<LayerId> &in, bool *handled)
{
    *handled = true;
    const QString &t = l.type;
    const int rank0 = l.bottoms.isEmpty() ? -1 : rankOf(l.bottoms[0]);
    if (t == u"Concat") {
        // concat_dim is the old name of axis.
        const PrototxtMessage p = l.msg.message(u"concat_param");
        LayerDraft d = m_builder.draft("concat");
        set(d, u"axis",
            p.has(u"concat_dim") ? intField(p, u"concat_dim", 1) : intField(p, u"axis", 1));
        return finish(l, d, in, rank0);
    }
    if (t == u"Flatten") {
        // Caffe merges axes axis..end_axis (both included), as PyTorch's start_dim..end_dim.
        const PrototxtMessage p = l.msg.message(u"flatten_param");
        const Field start = intField(p, u"axis", 1);
        const Field end = intField(p, u"end_axis", -1);
        LayerDraft d = m_builder.draft("flatten");
        set(d, u"start_dim", start);
        set(d, u"end_dim", end);
        const int s = canonical(start.value.toLongLong(), rank0);
        const int e = canonical(end.value.toLongLong(), rank0);
        return finish(l, d, in, s >= 0 && e >= s ? rank0 - (e - s) : -1);
    }
    if (t == u"Reshape")
        return reshape(l, in);
    if (t == u"Permute")
        return permute(l, in);
    if (t == u"Slice")
        return slice(l, in);
    *handled = false;
    return false;
}

bool CaffeImporter::reshape(const LayerInfo &l, const QVector<LayerId> &in)
{
    // ReshapeLayer: axes [start, end) of the input are replaced by the shape; in the shape, 0
    // copies the input's size at the same position and one -1 is worked out.
    const PrototxtMessage p = l.msg.message(u"reshape_param");
    const QVector<Field> dims = intFields(p.message(u"shape"), u"dim");
    const Field axisField = intField(p, u"axis", 0);
    const qint64 axis = axisField.value.toLongLong();
    const qint64 numAxes = intField(p, u"num_axes", -1).value.toLongLong();
    if (!m_fieldError.isEmpty())
        return failField();
    QStringList shape;
    bool inferred = false;
    for (const Field &f : dims) {
        shape << QString::number(f.value.toLongLong());
        inferred = inferred || f.value.toLongLong() == -1;
    }
    const int rank = rankOf(l.bottoms.value(0));
    if (axis == 0 && numAxes == -1) {
        LayerDraft d = m_builder.draft("reshape");
        d.set(u"shape", joined(shape));
        return finish(l, d, in, int(shape.size()));
    }
    if (rank < 0)
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "reshape_param.axis and num_axes need the rank "
                                                  "of the input, which is unknown here"));
    const qint64 start = axis >= 0 ? axis : rank + axis + 1;
    const qint64 end = numAxes == -1 ? rank : start + numAxes;
    if (start < 0 || start > rank || numAxes < -1 || end > rank)
        return failAt(axisField.present ? axisField.line : l.line,
                      axisField.present ? axisField.column : l.column,
                      QCoreApplication::translate("naqsh::Import",
                                                  "layer %1: reshape_param axis %2 with num_axes "
                                                  "%3 does not fit an input of %4 dimensions")
                          .arg(l.label())
                          .arg(axis)
                          .arg(numAxes)
                          .arg(rank));
    // The axes before start keep their sizes (0); those after end keep theirs when they stay at
    // the same positions, or are worked out (-1) when only one follows.
    QStringList full;
    for (qint64 i = 0; i < start; ++i)
        full << QStringLiteral("0");
    full << shape;
    const qint64 after = rank - end;
    if (after > 0 && shape.size() == end - start) {
        for (qint64 i = 0; i < after; ++i)
            full << QStringLiteral("0");
    } else if (after == 1 && !inferred) {
        full << QStringLiteral("-1");
    } else if (after > 0) {
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "this Reshape changes the number of axes in "
                                                  "the middle of its input (axis %1, num_axes "
                                                  "%2), which Naqsh's Reshape cannot express")
                          .arg(axis)
                          .arg(numAxes));
    }
    LayerDraft d = m_builder.draft("reshape");
    d.set(u"shape", joined(full));
    return finish(l, d, in, int(full.size()));
}

bool CaffeImporter::permute(const LayerInfo &l, const QVector<LayerId> &in)
{
    // SSD's PermuteLayer: output axis i is input axis order[i]; axes not listed follow in their
    // order.
    const QVector<Field> order = intFields(l.msg.message(u"permute_param"), u"order");
    if (!m_fieldError.isEmpty())
        return failField();
    const int rank = rankOf(l.bottoms.value(0));
    QVector<qint64> dims;
    for (const Field &f : order) {
        const qint64 v = f.value.toLongLong();
        if (v < 0 || (rank >= 0 && v >= rank))
            return failAt(f.line, f.column,
                          QCoreApplication::translate("naqsh::Import",
                                                      "layer %1: permute_param.order %2 is not "
                                                      "an axis of an input of %3 dimensions")
                              .arg(l.label())
                              .arg(v)
                              .arg(rank));
        if (dims.contains(v))
            return failAt(f.line, f.column,
                          QCoreApplication::translate("naqsh::Import",
                                                      "layer %1: permute_param.order lists axis "
                                                      "%2 twice")
                              .arg(l.label())
                              .arg(v));
        dims << v;
    }
    for (qint64 i = 0; i < rank; ++i)
        if (!dims.contains(i))
            dims << i;
    if (dims.isEmpty())
        return opaque(l, in,
                      QCoreApplication::translate("naqsh::Import",
                                                  "a Permute without an order needs the rank of "
                                                  "its input, which is unknown here"));
    QStringList text;
    for (qint64 v : std::as_const(dims))
        text << QString::number(v);
    LayerDraft d = m_builder.draft("permute");
    d.set(u"dims", joined(text));
    return finish(l, d, in, int(dims.size()));
}

bool CaffeImporter::slice(const LayerInfo &l, const QVector<LayerId> &in)
{
    // SliceLayer: the tops are the pieces between the slice points (the last one takes the
    // rest), or equal pieces when no point is given. One Split layer with an output per top.
    const PrototxtMessage p = l.msg.message(u"slice_param");
    const Field axis = p.has(u"slice_dim") && !p.has(u"axis") ? intField(p, u"slice_dim", 1)
                                                              : intField(p, u"axis", 1);
    const QVector<Field> points = intFields(p, u"slice_point");
    if (!m_fieldError.isEmpty())
        return failField();
    if (l.tops.isEmpty())
        return failAt(l, QCoreApplication::translate("naqsh::Import", "Slice writes no top"));
    LayerDraft d = m_builder.draft("split");
    set(d, u"axis", axis);
    if (points.isEmpty()) {
        d.set(u"parts", qint64(l.tops.size()));
    } else {
        if (points.size() != l.tops.size() - 1)
            return failAt(points[0].line, points[0].column,
                          QCoreApplication::translate("naqsh::Import",
                                                      "layer %1: slice_param has %2 slice_point "
                                                      "values for %3 tops; Caffe needs one fewer "
                                                      "than the tops")
                              .arg(l.label())
                              .arg(points.size())
                              .arg(l.tops.size()));
        QStringList sizes;
        qint64 previous = 0;
        for (const Field &f : points) {
            const qint64 v = f.value.toLongLong();
            if (v <= previous)
                return failAt(f.line, f.column,
                              QCoreApplication::translate("naqsh::Import",
                                                          "layer %1: slice_point %2 must be "
                                                          "larger than the one before (%3)")
                                  .arg(l.label())
                                  .arg(v)
                                  .arg(previous));
            sizes << QString::number(v - previous);
            previous = v;
        }
        sizes << QStringLiteral("-1");
        d.set(u"sizes", joined(sizes));
    }
    const int rank0 = rankOf(l.bottoms.value(0));
    if (!finish(l, d, in, rank0))
        return false;
    const LayerId id = m_blobs.value(l.tops[0]).layer;
    for (int i = 1; i < l.tops.size(); ++i)
        bindTop(l.tops[i], id, rank0, {}, i);
    return true;
}

} // namespace naqsh::caffe
