// Caffe layers of detection and segmentation models: Crop (FCN), Normalize, PriorBox and
// DetectionOutput (SSD), ROIPooling and Python layers (Faster R-CNN), Power and ArgMax.
#include "CaffeImporterPrivate.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>

#include <cmath>

namespace naqsh::caffe {

namespace {

/// Boxes per position of an SSD PriorBox layer, as PriorBoxLayer::LayerSetUp counts them:
/// aspect ratio 1, then each new ratio (and its inverse when flipped), times the minimum sizes,
/// plus one box per maximum size.
qint64 priorsPerPosition(const QVector<double> &ratios, bool flip, qint64 minSizes, qint64 maxSizes)
{
    QVector<double> kept{1.0};
    for (double ar : ratios) {
        bool present = false;
        for (double k : std::as_const(kept))
            present = present || std::fabs(ar - k) < 1e-6;
        if (present)
            continue;
        kept << ar;
        if (flip && ar != 0.0)
            kept << 1.0 / ar;
    }
    return qint64(kept.size()) * minSizes + maxSizes;
}

} // namespace

bool CaffeImporter::detectionLayer(const LayerInfo &l, const QVector<LayerId> &in, bool *handled)
{
    *handled = true;
    const QString &t = l.type;
    const int rank0 = l.bottoms.isEmpty() ? -1 : rankOf(l.bottoms[0]);
    if (t == u"Crop") {
        const PrototxtMessage p = l.msg.message(u"crop_param");
        LayerDraft d = m_builder.draft("crop");
        set(d, u"axis", intField(p, u"axis", 2));
        const QVector<Field> offsets = intFields(p, u"offset");
        if (!offsets.isEmpty()) {
            set(d, u"offset", offsets[0]);
            for (const Field &f : offsets) {
                if (f.value != offsets[0].value) {
                    warn(QCoreApplication::translate("naqsh::Import",
                                                     "layer %1: Naqsh keeps one crop offset for "
                                                     "every axis (%2); the shape does not depend "
                                                     "on it")
                             .arg(l.label())
                             .arg(offsets[0].value.toLongLong()));
                    break;
                }
            }
        }
        if (in.size() != 2)
            return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                         "Crop needs two bottoms: the blob to "
                                                         "crop and the one whose size it takes"));
        return finish(l, d, in, rank0);
    }
    if (t == u"Normalize") {
        const PrototxtMessage p = l.msg.message(u"norm_param");
        LayerDraft d = m_builder.draft("normalize");
        set(d, u"across_spatial", boolField(p, u"across_spatial", true));
        set(d, u"channel_shared", boolField(p, u"channel_shared", true));
        set(d, u"eps", realField(p, u"eps", 1e-10));
        return finish(l, d, in, 4);
    }
    if (t == u"PriorBox") {
        const PrototxtMessage p = l.msg.message(u"prior_box_param");
        const QVector<PrototxtValue> mins = p.values(u"min_size");
        const QVector<PrototxtValue> maxs = p.values(u"max_size");
        QVector<double> ratios;
        for (const PrototxtValue &v : p.values(u"aspect_ratio"))
            ratios << v.toDouble(&m_fieldError).value_or(1.0);
        const bool flip = boolField(p, u"flip", true).value.toBool();
        if (!m_fieldError.isEmpty())
            return failField();
        if (mins.isEmpty())
            return failAt(
                l, QCoreApplication::translate("naqsh::Import", "prior_box_param has no min_size"));
        if (!maxs.isEmpty() && maxs.size() != mins.size())
            return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                         "prior_box_param has %1 min_size and %2 "
                                                         "max_size values; Caffe needs as many "
                                                         "of each")
                                 .arg(mins.size())
                                 .arg(maxs.size()));
        LayerDraft d = m_builder.draft("prior_box");
        d.set(u"priors", priorsPerPosition(ratios, flip, mins.size(), maxs.size()));
        set(d, u"min_size", realField(p, u"min_size", 0));
        set(d, u"max_size", realField(p, u"max_size", 0));
        return finish(l, d, in.mid(0, 2), 3);
    }
    if (t == u"DetectionOutput") {
        const PrototxtMessage p = l.msg.message(u"detection_output_param");
        LayerDraft d = m_builder.draft("detection_output");
        const Field classes = intField(p, u"num_classes", 0);
        if (!classes.present && m_fieldError.isEmpty())
            return failAt(l, QCoreApplication::translate(
                                 "naqsh::Import", "detection_output_param.num_classes is missing"));
        set(d, u"num_classes", classes);
        const Field keep = intField(p, u"keep_top_k", -1);
        const Field nms = intField(p.message(u"nms_param"), u"top_k", -1);
        if (keep.value.toLongLong() > 0)
            set(d, u"keep_top_k", keep);
        if (nms.value.toLongLong() > 0)
            set(d, u"nms_top_k", nms);
        if (keep.value.toLongLong() <= 0 || nms.value.toLongLong() <= 0) {
            warn(QCoreApplication::translate("naqsh::Import",
                                             "layer %1 keeps every box (keep_top_k or "
                                             "nms_param.top_k is not set); Naqsh counts %2 kept "
                                             "and %3 compared per class (set them on the layer)")
                     .arg(l.label())
                     .arg(d.params().integer(d.type()->paramIndex(u"keep_top_k")))
                     .arg(d.params().integer(d.type()->paramIndex(u"nms_top_k"))));
        }
        if (in.size() < 3)
            return failAt(l, QCoreApplication::translate("naqsh::Import",
                                                         "DetectionOutput needs three bottoms: "
                                                         "locations, confidences and priors"));
        return finish(l, d, in, 4);
    }
    if (t == u"ROIPooling") {
        const PrototxtMessage p = l.msg.message(u"roi_pooling_param");
        LayerDraft d = m_builder.draft("roi_pooling");
        set(d, u"pooled_h", intField(p, u"pooled_h", 7));
        set(d, u"pooled_w", intField(p, u"pooled_w", 7));
        set(d, u"spatial_scale", realField(p, u"spatial_scale", 1.0));
        warn(QCoreApplication::translate("naqsh::Import",
                                         "layer %1: the number of regions depends on the image; "
                                         "Naqsh counts %2, as Faster R-CNN keeps at test time "
                                         "(set Regions on the layer)")
                 .arg(l.label())
                 .arg(d.params().integer(d.type()->paramIndex(u"regions"))));
        return finish(l, d, in.mid(0, 2), 4);
    }
    if (t == u"Power") {
        const PrototxtMessage p = l.msg.message(u"power_param");
        LayerDraft d = m_builder.draft("power");
        set(d, u"power", realField(p, u"power", 1.0));
        set(d, u"scale", realField(p, u"scale", 1.0));
        set(d, u"shift", realField(p, u"shift", 0.0));
        return finish(l, d, in, rank0);
    }
    if (t == u"ArgMax") {
        const PrototxtMessage p = l.msg.message(u"argmax_param");
        LayerDraft d = m_builder.draft("argmax");
        set(d, u"top_k", intField(p, u"top_k", 1));
        set(d, u"out_max_val", boolField(p, u"out_max_val", false));
        if (p.has(u"axis")) {
            d.set(u"has_axis", true);
            set(d, u"axis", intField(p, u"axis", 1));
        }
        return finish(l, d, in, p.has(u"axis") ? rank0 : 3);
    }
    if (t == u"Python")
        return pythonLayer(l, in);
    *handled = false;
    return false;
}

bool CaffeImporter::pythonLayer(const LayerInfo &l, const QVector<LayerId> &in)
{
    const PrototxtMessage p = l.msg.message(u"python_param");
    const QString module = p.toString(u"module", {}, &m_fieldError);
    const QString layer = p.toString(u"layer", {}, &m_fieldError);
    if (!m_fieldError.isEmpty())
        return failField();
    const QString op =
        layer.isEmpty() ? QStringLiteral("Python") : QStringLiteral("Python:%1").arg(layer);
    // Faster R-CNN's proposal layer writes the regions ROIPooling reads: R × 5 (image index and
    // corners), R = 300 at test time.
    const bool proposals = layer == u"ProposalLayer" && l.tops.size() == 1;
    LayerDraft d = m_builder.draft("opaque");
    d.set(u"op_type", op.left(200));
    if (proposals) {
        d.set(u"shape", QStringLiteral("given"));
        d.set(u"rank", qint64(2));
        d.set(u"batch_from_input", false);
        d.set(u"dim0", qint64(300));
        d.set(u"dim1", qint64(5));
    } else {
        d.set(u"shape", QStringLiteral("unknown"));
    }
    const int tops = int(std::max<qsizetype>(l.tops.size(), 1));
    for (int i = 0; i < tops; ++i) {
        const QString name = i == 0 ? l.name : QStringLiteral("%1_%2").arg(l.name, l.tops.value(i));
        const LayerId id = addLayer(d, name, in);
        if (i < l.tops.size())
            bindTop(l.tops[i], id, proposals ? 2 : -1);
    }
    if (!m_opaqueLayers.contains(l.type))
        m_opaqueOrder << l.type;
    m_opaqueLayers[l.type] << l.name;
    const QString where = module.isEmpty() ? layer : QStringLiteral("%1.%2").arg(module, layer);
    if (proposals) {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "Python layer %1 (%2) runs code Naqsh cannot read; its "
                                         "output is taken as 300×5 regions, as Faster R-CNN keeps "
                                         "at test time (change it under Output shape)")
                 .arg(l.label(), where));
    } else {
        warn(QCoreApplication::translate("naqsh::Import",
                                         "Python layer %1 (%2) runs code Naqsh cannot read: set "
                                         "its output shape in the inspector and the layers after "
                                         "it get their numbers")
                 .arg(l.label(), where));
    }
    return true;
}

} // namespace naqsh::caffe
