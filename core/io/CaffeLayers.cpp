// One Naqsh layer per Caffe layer type: convolution, pooling, inner product, activations,
// normalisation, merges and shape layers; anything else becomes an opaque layer.
#include "CaffeImporterPrivate.h"

#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh::caffe {

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
    // Caffe flattens implicitly; Naqsh's Linear takes N×F, so make the flatten explicit. With
    // more than one bottom there is nothing to flatten: finish() refuses the layer.
    if (in.size() == 1 && rankOf(l.bottoms[0]) != 2 && d.ok() && m_fieldError.isEmpty())
        inputs = {addLayer(m_builder.draft("flatten"), l.name + QStringLiteral("_flatten"), in)};
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
        const LayerId id = addLayer(d, name, in);
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
bool CaffeImporter::importKnownLayer(const LayerInfo &l, const QVector<LayerId> &in)
{
    const int rank0 = l.bottoms.isEmpty() ? -1 : rankOf(l.bottoms[0]);
    const QString &t = l.type;
    bool handled = false;
    const bool detectionOk = detectionLayer(l, in, &handled);
    if (handled)
        return detectionOk;
    const bool tensorOk = tensorLayer(l, in, &handled);
    if (handled)
        return tensorOk;
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
        LayerDraft d = m_builder.draft("softmax");
        set(d, u"axis", intField(l.msg.message(u"softmax_param"), u"axis", 1));
        return finish(l, d, in, rank0);
    }
    if (t == u"Split") {
        for (const QString &top : std::as_const(l.tops))
            bindTop(top, in.value(0), rank0, {}, m_inPorts.value(0));
        return true;
    }
    return opaque(l, in);
}

} // namespace naqsh::caffe
