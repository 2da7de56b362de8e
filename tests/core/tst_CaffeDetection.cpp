// Caffe's detection and segmentation layers as SSD (VGG16, 300×300), Faster R-CNN (VGG16
// test.prototxt) and FCN publish them: Normalize, PriorBox, DetectionOutput, ROIPooling, Python
// layers, Crop, ArgMax and Power. Every expected number is worked out by hand in the test.
#include "analysis/AnalysisEngine.h"
#include "io/CaffeImporter.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace naqsh;

namespace {

ImportResult import(const QByteArray &text)
{
    return importPrototxt(text, LayerRegistry::builtin());
}

const LayerResult *resultOf(const Graph &g, const AnalysisResult &r, const char *name)
{
    const LayerId id = g.findByName(QString::fromUtf8(name));
    return id.isValid() ? r.layer(id) : nullptr;
}

QString shapeOf(const Graph &g, const AnalysisResult &a, const char *name)
{
    const LayerResult *r = resultOf(g, a, name);
    if (!r || !r->hasNumbers())
        return QStringLiteral("none");
    QStringList dims;
    for (qint64 d : r->output.toVector())
        dims << QString::number(d);
    return dims.join(QLatin1Char('x'));
}

QString typeOf(const Graph &g, const char *name)
{
    const Layer *l = g.layer(g.findByName(QString::fromUtf8(name)));
    return l ? l->type : QString();
}

void setParam(Graph &g, const char *layer, const char *key, const QVariant &value)
{
    Layer *l = g.mutableLayer(g.findByName(QString::fromUtf8(layer)));
    QVERIFY2(l, layer);
    const LayerType *t = LayerRegistry::builtin().find(l->type);
    const int i = t->paramIndex(QString::fromLatin1(key));
    QVERIFY2(i >= 0, key);
    QString why;
    const QVariant v = validateParam(t->params[i], value, &why);
    QVERIFY2(v.isValid(), qPrintable(why));
    l->params.set(i, v);
}

bool anyContains(const QStringList &list, const QString &needle)
{
    for (const QString &s : list) {
        if (s.contains(needle))
            return true;
    }
    return false;
}

// SSD300's conv4_3 head (weiliu89/caffe, models/VGGNet/VOC0712/SSD_300x300/deploy.prototxt),
// fed by conv4_3 of a 300×300 image: 512×38×38.
const char *kSsd = R"(name: "VGG_VOC0712_SSD_300x300_deploy"
input: "data"
input_shape { dim: 1 dim: 3 dim: 300 dim: 300 }
layer { name: "conv4_3_in" type: "Input" top: "conv4_3"
  input_param { shape { dim: 1 dim: 512 dim: 38 dim: 38 } } }
layer { name: "conv4_3_norm" type: "Normalize" bottom: "conv4_3" top: "conv4_3_norm"
  norm_param { across_spatial: false scale_filler { type: "constant" value: 20 }
    channel_shared: false } }
layer { name: "conv4_3_norm_mbox_loc" type: "Convolution" bottom: "conv4_3_norm"
  top: "conv4_3_norm_mbox_loc"
  param { lr_mult: 1 decay_mult: 1 } param { lr_mult: 2 decay_mult: 0 }
  convolution_param { num_output: 16 pad: 1 kernel_size: 3 stride: 1
    weight_filler { type: "xavier" } bias_filler { type: "constant" value: 0 } } }
layer { name: "conv4_3_norm_mbox_loc_perm" type: "Permute" bottom: "conv4_3_norm_mbox_loc"
  top: "conv4_3_norm_mbox_loc_perm"
  permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv4_3_norm_mbox_loc_flat" type: "Flatten" bottom: "conv4_3_norm_mbox_loc_perm"
  top: "conv4_3_norm_mbox_loc_flat" flatten_param { axis: 1 } }
layer { name: "conv4_3_norm_mbox_conf" type: "Convolution" bottom: "conv4_3_norm"
  top: "conv4_3_norm_mbox_conf"
  convolution_param { num_output: 84 pad: 1 kernel_size: 3 stride: 1 } }
layer { name: "conv4_3_norm_mbox_conf_perm" type: "Permute" bottom: "conv4_3_norm_mbox_conf"
  top: "conv4_3_norm_mbox_conf_perm"
  permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv4_3_norm_mbox_conf_flat" type: "Flatten" bottom: "conv4_3_norm_mbox_conf_perm"
  top: "conv4_3_norm_mbox_conf_flat" flatten_param { axis: 1 } }
layer { name: "conv4_3_norm_mbox_priorbox" type: "PriorBox" bottom: "conv4_3_norm" bottom: "data"
  top: "conv4_3_norm_mbox_priorbox"
  prior_box_param { min_size: 30.0 max_size: 60.0 aspect_ratio: 2 flip: true clip: false
    variance: 0.1 variance: 0.1 variance: 0.2 variance: 0.2 step: 8 offset: 0.5 } }
layer { name: "mbox_conf_softmax" type: "Softmax" bottom: "conv4_3_norm_mbox_conf_flat"
  top: "mbox_conf_softmax" softmax_param { axis: 1 } }
layer { name: "detection_out" type: "DetectionOutput" bottom: "conv4_3_norm_mbox_loc_flat"
  bottom: "mbox_conf_softmax" bottom: "conv4_3_norm_mbox_priorbox" top: "detection_out"
  include { phase: TEST }
  detection_output_param { num_classes: 21 share_location: true background_label_id: 0
    nms_param { nms_threshold: 0.45 top_k: 400 }
    save_output_param { label_map_file: "data/VOC0712/labelmap_voc.prototxt" }
    code_type: CENTER_SIZE keep_top_k: 200 confidence_threshold: 0.01 } }
)";

} // namespace

class tst_CaffeDetection : public QObject
{
    Q_OBJECT
private slots:
    void ssdHead();
    void fasterRcnnHead();
    void fcnCropAndArgMax();
    void powerAndArgMax();
    void pythonLayerShapeFromInspector();
    void errors();
    void pytorchAgrees();
};

void tst_CaffeDetection::ssdHead()
{
    const ImportResult r = import(kSsd);
    QVERIFY2(r.ok(), qPrintable(r.error));
    Graph g = r.graph;
    QCOMPARE(typeOf(g, "conv4_3_norm"), QStringLiteral("normalize"));
    QCOMPARE(typeOf(g, "conv4_3_norm_mbox_priorbox"), QStringLiteral("prior_box"));
    QCOMPARE(typeOf(g, "detection_out"), QStringLiteral("detection_output"));
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    // Normalize: one scale per channel (channel_shared: false): 512 parameters; 512·38·38 =
    // 739,328 values squared and summed, one norm per position (38·38 = 1,444 square roots).
    const LayerResult *norm = resultOf(g, a, "conv4_3_norm");
    QCOMPARE(shapeOf(g, a, "conv4_3_norm"), QStringLiteral("1x512x38x38"));
    QCOMPARE(norm->costs.params().value(), qint64(512));
    QCOMPARE(norm->costs.macs.value(), qint64(739328));
    QCOMPARE(norm->costs.exps.value(), qint64(1444));
    QCOMPARE(norm->costs.divs.value(), qint64(739328));
    // PriorBox: ratios {1, 2, 1/2} × one min_size + one max_size = 4 boxes per position;
    // 38·38·4·4 = 23,104 numbers, in two rows (corners, variances).
    QCOMPARE(shapeOf(g, a, "conv4_3_norm_mbox_priorbox"), QStringLiteral("1x2x23104"));
    QCOMPARE(resultOf(g, a, "conv4_3_norm_mbox_priorbox")->costs.params().value(), qint64(0));
    // The location conv predicts 4 numbers for each of the 4 boxes: 16 outputs, 3·3·512·16 +
    // 16 = 73,744 parameters, 38·38·16·4,608 = 106,463,232 MACs.
    const LayerResult *loc = resultOf(g, a, "conv4_3_norm_mbox_loc");
    QCOMPARE(loc->costs.params().value(), qint64(73744));
    QCOMPARE(loc->costs.macs.value(), qint64(106463232));

    if (typeOf(g, "conv4_3_norm_mbox_loc_perm") == u"opaque") {
        // Until Permute is modelled: the detection output has no numbers, and the count says
        // so, naming where the chain breaks.
        QVERIFY(!resultOf(g, a, "detection_out")->hasNumbers());
        QCOMPARE(g.layer(a.firstLayerWithoutNumbers())->name,
                 QStringLiteral("conv4_3_norm_mbox_loc_perm"));
        // Two Permutes, two Flattens, Softmax, DetectionOutput and the output.
        QCOMPARE(a.layersWithoutNumbers(), 7);
        // Set the Permutes' shapes as a user would (N×H×W×C) and the rest gets numbers.
        for (const char *perm : {"conv4_3_norm_mbox_loc_perm", "conv4_3_norm_mbox_conf_perm"}) {
            setParam(g, perm, "shape", QStringLiteral("given"));
            setParam(g, perm, "dim1", qint64(38));
            setParam(g, perm, "dim2", qint64(38));
            setParam(g, perm, "dim3", qint64(std::strstr(perm, "loc") ? 16 : 84));
        }
    }
    const AnalysisResult b = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(shapeOf(g, b, "conv4_3_norm_mbox_loc_flat"), QStringLiteral("1x23104"));
    QCOMPARE(shapeOf(g, b, "conv4_3_norm_mbox_conf_flat"), QStringLiteral("1x121296"));
    // DetectionOutput: at most keep_top_k = 200 detections of 7 numbers.
    QCOMPARE(shapeOf(g, b, "detection_out"), QStringLiteral("1x1x200x7"));
    // 5,776 boxes decoded (23,104 / 4): 8 multiplications each, plus 3 per overlap test;
    // overlap tests: 21 classes × 400·399/2 pairs = 1,675,800.
    const LayerResult *det = resultOf(g, b, "detection_out");
    QCOMPARE(det->costs.exps.value(), qint64(2 * 5776));
    QCOMPARE(det->costs.divs.value(), qint64(1675800));
    QCOMPARE(det->costs.muls.value(), qint64(8 * 5776 + 3 * 1675800));
    QCOMPARE(det->costs.comps.value(), qint64(21 * 5776 + 4 * 1675800));
}

void tst_CaffeDetection::fasterRcnnHead()
{
    // rbgirshick/py-faster-rcnn models/pascal_voc/VGG16/faster_rcnn_end2end/test.prototxt, from
    // conv5_3 of a 600×800 image (38×50 after four 2×2 poolings, rounded up).
    const ImportResult r = import(R"(name: "VGG_ILSVRC_16_layers"
input: "conv5_3"
input_shape { dim: 1 dim: 512 dim: 38 dim: 50 }
input: "im_info"
input_shape { dim: 1 dim: 3 }
layer { name: "rpn_conv/3x3" type: "Convolution" bottom: "conv5_3" top: "rpn/output"
  param { lr_mult: 1.0 } param { lr_mult: 2.0 }
  convolution_param { num_output: 512 kernel_size: 3 pad: 1 stride: 1 } }
layer { name: "rpn_relu/3x3" type: "ReLU" bottom: "rpn/output" top: "rpn/output" }
layer { name: "rpn_cls_score" type: "Convolution" bottom: "rpn/output" top: "rpn_cls_score"
  convolution_param { num_output: 18 kernel_size: 1 pad: 0 stride: 1 } }
layer { name: "rpn_bbox_pred" type: "Convolution" bottom: "rpn/output" top: "rpn_bbox_pred"
  convolution_param { num_output: 36 kernel_size: 1 pad: 0 stride: 1 } }
layer { bottom: "rpn_cls_score" top: "rpn_cls_score_reshape" name: "rpn_cls_score_reshape"
  type: "Reshape" reshape_param { shape { dim: 0 dim: 2 dim: -1 dim: 0 } } }
layer { name: "rpn_cls_prob" type: "Softmax" bottom: "rpn_cls_score_reshape" top: "rpn_cls_prob" }
layer { name: 'rpn_cls_prob_reshape' type: 'Reshape' bottom: 'rpn_cls_prob'
  top: 'rpn_cls_prob_reshape' reshape_param { shape { dim: 0 dim: 18 dim: -1 dim: 0 } } }
layer { name: 'proposal' type: 'Python' bottom: 'rpn_cls_prob_reshape' bottom: 'rpn_bbox_pred'
  bottom: 'im_info' top: 'rois'
  python_param { module: 'rpn.proposal_layer' layer: 'ProposalLayer'
    param_str: "'feat_stride': 16" } }
layer { name: "roi_pool5" type: "ROIPooling" bottom: "conv5_3" bottom: "rois" top: "pool5"
  roi_pooling_param { pooled_w: 7 pooled_h: 7 spatial_scale: 0.0625 } }
layer { name: "fc6" type: "InnerProduct" bottom: "pool5" top: "fc6"
  param { lr_mult: 1 } param { lr_mult: 2 } inner_product_param { num_output: 4096 } }
layer { name: "relu6" type: "ReLU" bottom: "fc6" top: "fc6" }
layer { name: "drop6" type: "Dropout" bottom: "fc6" top: "fc6" dropout_param { dropout_ratio: 0.5 } }
layer { name: "fc7" type: "InnerProduct" bottom: "fc6" top: "fc7" inner_product_param { num_output: 4096 } }
layer { name: "relu7" type: "ReLU" bottom: "fc7" top: "fc7" }
layer { name: "drop7" type: "Dropout" bottom: "fc7" top: "fc7" dropout_param { dropout_ratio: 0.5 } }
layer { name: "cls_score" type: "InnerProduct" bottom: "fc7" top: "cls_score"
  inner_product_param { num_output: 21 } }
layer { name: "bbox_pred" type: "InnerProduct" bottom: "fc7" top: "bbox_pred"
  inner_product_param { num_output: 84 } }
layer { name: "cls_prob" type: "Softmax" bottom: "cls_score" top: "cls_prob" }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(anyContains(r.warnings, QStringLiteral("Python layer 'proposal' (Python) "
                                                   "(rpn.proposal_layer.ProposalLayer)")));
    QVERIFY(anyContains(r.warnings, QStringLiteral("layer 'roi_pool5' (ROIPooling): the number "
                                                   "of regions depends on the image; Naqsh "
                                                   "counts 300")));
    Graph g = r.graph;
    QCOMPARE(typeOf(g, "roi_pool5"), QStringLiteral("roi_pooling"));
    QCOMPARE(typeOf(g, "proposal"), QStringLiteral("opaque"));
    if (typeOf(g, "rpn_cls_prob_reshape") == u"opaque") {
        // Until Reshape with 0 and -1 is modelled, give the reshaped scores their shapes here:
        // 1×18×38×50 viewed as 1×2×(9·38)×50 and back.
        setParam(g, "rpn_cls_score_reshape", "shape", QStringLiteral("given"));
        setParam(g, "rpn_cls_score_reshape", "dim1", qint64(2));
        setParam(g, "rpn_cls_score_reshape", "dim2", qint64(342));
        setParam(g, "rpn_cls_score_reshape", "dim3", qint64(50));
        setParam(g, "rpn_cls_prob_reshape", "shape", QStringLiteral("given"));
        setParam(g, "rpn_cls_prob_reshape", "dim1", qint64(18));
        setParam(g, "rpn_cls_prob_reshape", "dim2", qint64(38));
        setParam(g, "rpn_cls_prob_reshape", "dim3", qint64(50));
    }
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(shapeOf(g, a, "proposal"), QStringLiteral("300x5"));
    // ROIPooling: 300 regions × 512 channels × 7 × 7.
    QCOMPARE(shapeOf(g, a, "roi_pool5"), QStringLiteral("300x512x7x7"));
    // fc6: 25,088 → 4,096 per region: 102,764,544 + 4,096 parameters, ×300 MACs.
    QCOMPARE(resultOf(g, a, "fc6")->costs.params().value(), qint64(25088) * 4096 + 4096);
    QCOMPARE(resultOf(g, a, "fc6")->costs.macs.value(), qint64(300) * 25088 * 4096);
    QCOMPARE(resultOf(g, a, "fc7")->costs.macs.value(), qint64(300) * 4096 * 4096);
    QCOMPARE(shapeOf(g, a, "cls_prob"), QStringLiteral("300x21"));
    QCOMPARE(shapeOf(g, a, "bbox_pred"), QStringLiteral("300x84"));
    // Comparisons of ROIPooling over the whole map: bins of ⌈38/7⌉ × ⌈50/7⌉ = 6 × 8.
    QCOMPARE(resultOf(g, a, "roi_pool5")->costs.comps.value(),
             qint64(300) * 512 * 49 * (6 * 8 - 1));
    // The proposal layer is the one layer whose cost is unknown.
    QCOMPARE(g.layer(a.firstLayerWithoutNumbers())->name,
             typeOf(g, "rpn_cls_score_reshape") == u"opaque"
                 ? QStringLiteral("rpn_cls_score_reshape")
                 : QStringLiteral("proposal"));

    // Regions is a setting: 128 regions scale the head.
    setParam(g, "roi_pool5", "regions", qint64(128));
    const AnalysisResult b = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(resultOf(g, b, "fc6")->costs.macs.value(), qint64(128) * 25088 * 4096);
}

void tst_CaffeDetection::fcnCropAndArgMax()
{
    // FCN-32s (shelhamer/fcn.berkeleyvision.org voc-fcn32s): the 32× upsampled scores are
    // cropped to the image, offset 19; the prediction is the ArgMax over the classes.
    const ImportResult r = import(R"(name: "voc-fcn32s"
layer { name: "input" type: "Input" top: "data"
  input_param { shape { dim: 1 dim: 3 dim: 500 dim: 500 } } }
layer { name: "score_in" type: "Input" top: "score_fr"
  input_param { shape { dim: 1 dim: 21 dim: 16 dim: 16 } } }
layer { name: "upscore" type: "Deconvolution" bottom: "score_fr" top: "upscore"
  param { lr_mult: 0 }
  convolution_param { num_output: 21 bias_term: false kernel_size: 64 stride: 32 } }
layer { name: "score" type: "Crop" bottom: "upscore" bottom: "data" top: "score"
  crop_param { axis: 2 offset: 19 } }
layer { name: "argmax" type: "ArgMax" bottom: "score" top: "argmax" argmax_param { axis: 1 } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    // (16 − 1)·32 + 64 = 544; cropped at 19 to 500 (19 + 500 ≤ 544).
    QCOMPARE(shapeOf(r.graph, a, "upscore"), QStringLiteral("1x21x544x544"));
    QCOMPARE(shapeOf(r.graph, a, "score"), QStringLiteral("1x21x500x500"));
    QCOMPARE(resultOf(r.graph, a, "score")->costs.otherOps().value(), qint64(0));
    // ArgMax over 21 classes at each of 500·500 pixels: 20 comparisons each.
    QCOMPARE(shapeOf(r.graph, a, "argmax"), QStringLiteral("1x1x500x500"));
    QCOMPARE(resultOf(r.graph, a, "argmax")->costs.comps.value(), qint64(500) * 500 * 20);

    // A crop larger than what is left after the offset is refused by the shape rule.
    Graph g = r.graph;
    setParam(g, "score", "offset", qint64(45));
    const AnalysisResult b = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QVERIFY(resultOf(g, b, "score")->error.contains(QStringLiteral("offset 45")));
}

void tst_CaffeDetection::powerAndArgMax()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 2 dim: 10 }
layer { name: "sq" type: "Power" bottom: "data" top: "sq" power_param { power: 2 scale: 0.5 } }
layer { name: "root" type: "Power" bottom: "sq" top: "root" power_param { power: 0.5 shift: 1 } }
layer { name: "same" type: "POWER" bottom: "root" top: "same" }
layer { name: "top5" type: "argmax" bottom: "same" top: "top5"
  argmax_param { top_k: 5 out_max_val: true } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    // (0.5·x)²: 20 scalings and 20 squarings (multiplications).
    QCOMPARE(resultOf(r.graph, a, "sq")->costs.muls.value(), qint64(40));
    QCOMPARE(resultOf(r.graph, a, "sq")->costs.exps.value(), qint64(0));
    // (1 + x)^0.5: 20 shifts and 20 powers.
    QCOMPARE(resultOf(r.graph, a, "root")->costs.adds.value(), qint64(20));
    QCOMPARE(resultOf(r.graph, a, "root")->costs.exps.value(), qint64(20));
    QCOMPARE(resultOf(r.graph, a, "same")->costs.otherOps().value(), qint64(0));
    // Top 5 of 10 values with their values: N × 2 × 5; partial sort 10·⌈log₂ 5⌉ = 30 per row.
    QCOMPARE(shapeOf(r.graph, a, "top5"), QStringLiteral("2x2x5"));
    QCOMPARE(resultOf(r.graph, a, "top5")->costs.comps.value(), qint64(2 * 30));
}

void tst_CaffeDetection::pythonLayerShapeFromInspector()
{
    const ImportResult r = import(R"(input: "data" input_shape { dim: 1 dim: 3 dim: 32 dim: 32 }
layer { name: "custom" type: "Python" bottom: "data" top: "custom"
  python_param { module: "my_layers" layer: "Shuffle" } }
layer { name: "conv" type: "Convolution" bottom: "custom" top: "conv"
  convolution_param { num_output: 8 kernel_size: 3 } }
layer { name: "relu" type: "ReLU" bottom: "conv" top: "conv" }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY(anyContains(r.warnings, QStringLiteral("Python layer 'custom' (Python) "
                                                   "(my_layers.Shuffle) runs code Naqsh cannot "
                                                   "read: set its output shape in the inspector")));
    QCOMPARE(r.opaqueOperators, QStringList{QStringLiteral("Python:Shuffle")});
    Graph g = r.graph;
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    // custom, conv, relu and the output have no numbers; the chain breaks at custom.
    QCOMPARE(a.layersWithoutNumbers(), 4);
    QCOMPARE(g.layer(a.firstLayerWithoutNumbers())->name, QStringLiteral("custom"));
    setParam(g, "custom", "shape", QStringLiteral("given"));
    setParam(g, "custom", "dim1", qint64(12));
    setParam(g, "custom", "dim2", qint64(16));
    setParam(g, "custom", "dim3", qint64(16));
    const AnalysisResult b = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    // 14·14·8·(3·3·12) = 169,344 MACs after the custom layer's 1×12×16×16.
    QCOMPARE(shapeOf(g, b, "relu"), QStringLiteral("1x8x14x14"));
    QCOMPARE(resultOf(g, b, "conv")->costs.macs.value(), qint64(169344));
    QCOMPARE(b.layersWithoutNumbers(), 1); // only the Python layer's own cost is unknown
}

void tst_CaffeDetection::errors()
{
    const QByteArray head = "input: \"data\"\ninput_shape { dim: 1 dim: 8 dim: 4 dim: 4 }\n";
    const ImportResult noMin =
        import(head + "layer { name: \"p\" type: \"PriorBox\" bottom: \"data\" bottom: \"data\"\n"
                      "  top: \"p\" prior_box_param { aspect_ratio: 2 } }\n");
    QVERIFY(noMin.error.startsWith(
        QStringLiteral("line 3, column 1: layer 'p' (PriorBox): prior_box_param has no min_size")));
    const ImportResult crop1 =
        import(head + "layer { name: \"c\" type: \"Crop\" bottom: \"data\" top: \"c\" }\n");
    QVERIFY(crop1.error.contains(QStringLiteral("Crop needs two bottoms")));
    const ImportResult badArg =
        import(head + "layer { name: \"a\" type: \"ArgMax\" bottom: \"data\" top: \"a\"\n"
                      "  argmax_param { top_k: \"five\" } }\n");
    QVERIFY2(badArg.error.startsWith(QStringLiteral("line 4, column 25: layer 'a' (ArgMax)")),
             qPrintable(badArg.error));
}

void tst_CaffeDetection::pytorchAgrees()
{
    // Normalize (per channel, as SSD's conv4_3), Power, Crop and ArgMax exported to PyTorch:
    // PyTorch runs the module and reports its output shapes and parameters.
    const ImportResult r = import(R"(name: "caffe layers"
layer { name: "in" type: "Input" top: "data" input_param { shape { dim: 2 dim: 6 dim: 20 dim: 20 } } }
layer { name: "ref" type: "Input" top: "ref" input_param { shape { dim: 2 dim: 6 dim: 13 dim: 11 } } }
layer { name: "norm" type: "Normalize" bottom: "data" top: "norm"
  norm_param { across_spatial: false channel_shared: false } }
layer { name: "pow" type: "Power" bottom: "norm" top: "pow" power_param { power: 2 scale: 0.5 shift: 1 } }
layer { name: "crop" type: "Crop" bottom: "pow" bottom: "ref" top: "crop" crop_param { axis: 2 offset: 3 } }
layer { name: "pred" type: "ArgMax" bottom: "crop" top: "pred" argmax_param { axis: 1 } }
layer { name: "norm2" type: "Normalize" bottom: "data" top: "norm2" }
layer { name: "top3" type: "ArgMax" bottom: "norm2" top: "top3" argmax_param { top_k: 3 out_max_val: true } }
layer { name: "best2" type: "ArgMax" bottom: "crop" top: "best2"
  argmax_param { axis: 1 top_k: 2 out_max_val: true } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    // 6 scales for the per-channel Normalize, 1 for the shared one.
    QCOMPARE(a.totals.params().value(), qint64(7));
    const QString code = toPyTorch(r.graph, LayerRegistry::builtin(), a);
    QVERIFY2(!code.contains(QStringLiteral("NotImplementedError")), qPrintable(code));
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"),
                {QStringLiteral("-c"), QStringLiteral("import torch")});
    if (!probe.waitForFinished(120000) || probe.exitCode() != 0)
        QSKIP("/usr/bin/python3 cannot import torch");
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("model.py")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(code.toUtf8());
    f.close();
    QProcess p;
    p.start(QStringLiteral("/usr/bin/python3"), {f.fileName()});
    QVERIFY(p.waitForFinished(300000));
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(p.exitCode() == 0, qPrintable(QString::fromUtf8(p.readAllStandardError()) + code));
    QStringList expected;
    for (const char *name : {"pred", "top3", "best2"}) {
        QStringList dims;
        for (qint64 d : resultOf(r.graph, a, name)->output.toVector())
            dims << QString::number(d);
        expected << QStringLiteral("output shape: [%1]").arg(dims.join(QStringLiteral(", ")));
    }
    // Crop keeps 13×11 of 20×20 from offset 3; ArgMax over the channels keeps one; the top 3 of
    // each sample with their values are 2 × 2 × 3, padded to the input's rank 4 with a 1 as
    // Caffe's ArgMaxLayer::Reshape does; the best 2 values along the channels are 2 × 2 × 13 × 11.
    QCOMPARE(expected, (QStringList{QStringLiteral("output shape: [2, 1, 13, 11]"),
                                    QStringLiteral("output shape: [2, 2, 3, 1]"),
                                    QStringLiteral("output shape: [2, 2, 13, 11]")}));
    for (const QString &line : expected)
        QVERIFY2(out.contains(line), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("parameters: 7")), qPrintable(out));
}

QTEST_GUILESS_MAIN(tst_CaffeDetection)
#include "tst_CaffeDetection.moc"
