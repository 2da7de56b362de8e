// Caffe's detection and segmentation layers as SSD (VGG16, 300×300), Faster R-CNN (VGG16
// test.prototxt) and FCN publish them: Normalize, PriorBox, DetectionOutput, ROIPooling, Python
// layers, Crop, ArgMax and Power. Every expected number is worked out by hand in the test.
#include "analysis/AnalysisEngine.h"
#include "io/CaffeImporter.h"
#include "io/PyTorchExport.h"
#include "layers/LayerRegistry.h"

#include "TestUtil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

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

// A small SSD in the structure of weiliu89/caffe's SSD300 deploy.prototxt, with two feature maps
// instead of six: a 300×300 image, conv_a (stride 8) 32×38×38 with L2 normalisation and 4 boxes
// per position, conv_b (stride 2) 64×19×19 with 6 boxes per position (aspect ratios 2 and 3).
const char *kSmallSsdBody = R"(name: "small_ssd"
input: "data"
input_shape { dim: 1 dim: 3 dim: 300 dim: 300 }
layer { name: "conv_a" type: "Convolution" bottom: "data" top: "conv_a"
  convolution_param { num_output: 32 pad: 1 kernel_size: 3 stride: 8 } }
layer { name: "relu_a" type: "ReLU" bottom: "conv_a" top: "conv_a" }
layer { name: "conv_b" type: "Convolution" bottom: "conv_a" top: "conv_b"
  convolution_param { num_output: 64 pad: 1 kernel_size: 3 stride: 2 } }
layer { name: "relu_b" type: "ReLU" bottom: "conv_b" top: "conv_b" }
layer { name: "conv_a_norm" type: "Normalize" bottom: "conv_a" top: "conv_a_norm"
  norm_param { across_spatial: false scale_filler { type: "constant" value: 20 }
    channel_shared: false } }
layer { name: "conv_a_norm_mbox_loc" type: "Convolution" bottom: "conv_a_norm"
  top: "conv_a_norm_mbox_loc" convolution_param { num_output: 16 pad: 1 kernel_size: 3 stride: 1 } }
layer { name: "conv_a_norm_mbox_loc_perm" type: "Permute" bottom: "conv_a_norm_mbox_loc"
  top: "conv_a_norm_mbox_loc_perm" permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv_a_norm_mbox_loc_flat" type: "Flatten" bottom: "conv_a_norm_mbox_loc_perm"
  top: "conv_a_norm_mbox_loc_flat" flatten_param { axis: 1 } }
layer { name: "conv_a_norm_mbox_conf" type: "Convolution" bottom: "conv_a_norm"
  top: "conv_a_norm_mbox_conf" convolution_param { num_output: 84 pad: 1 kernel_size: 3 stride: 1 } }
layer { name: "conv_a_norm_mbox_conf_perm" type: "Permute" bottom: "conv_a_norm_mbox_conf"
  top: "conv_a_norm_mbox_conf_perm" permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv_a_norm_mbox_conf_flat" type: "Flatten" bottom: "conv_a_norm_mbox_conf_perm"
  top: "conv_a_norm_mbox_conf_flat" flatten_param { axis: 1 } }
layer { name: "conv_b_mbox_loc" type: "Convolution" bottom: "conv_b" top: "conv_b_mbox_loc"
  convolution_param { num_output: 24 pad: 1 kernel_size: 3 stride: 1 } }
layer { name: "conv_b_mbox_loc_perm" type: "Permute" bottom: "conv_b_mbox_loc"
  top: "conv_b_mbox_loc_perm" permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv_b_mbox_loc_flat" type: "Flatten" bottom: "conv_b_mbox_loc_perm"
  top: "conv_b_mbox_loc_flat" flatten_param { axis: 1 } }
layer { name: "conv_b_mbox_conf" type: "Convolution" bottom: "conv_b" top: "conv_b_mbox_conf"
  convolution_param { num_output: 126 pad: 1 kernel_size: 3 stride: 1 } }
layer { name: "conv_b_mbox_conf_perm" type: "Permute" bottom: "conv_b_mbox_conf"
  top: "conv_b_mbox_conf_perm" permute_param { order: 0 order: 2 order: 3 order: 1 } }
layer { name: "conv_b_mbox_conf_flat" type: "Flatten" bottom: "conv_b_mbox_conf_perm"
  top: "conv_b_mbox_conf_flat" flatten_param { axis: 1 } }
layer { name: "mbox_loc" type: "Concat" bottom: "conv_a_norm_mbox_loc_flat"
  bottom: "conv_b_mbox_loc_flat" top: "mbox_loc" concat_param { axis: 1 } }
layer { name: "mbox_conf" type: "Concat" bottom: "conv_a_norm_mbox_conf_flat"
  bottom: "conv_b_mbox_conf_flat" top: "mbox_conf" concat_param { axis: 1 } }
layer { name: "mbox_conf_reshape" type: "Reshape" bottom: "mbox_conf" top: "mbox_conf_reshape"
  reshape_param { shape { dim: 0 dim: -1 dim: 21 } } }
layer { name: "mbox_conf_softmax" type: "Softmax" bottom: "mbox_conf_reshape"
  top: "mbox_conf_softmax" softmax_param { axis: 2 } }
layer { name: "mbox_conf_flatten" type: "Flatten" bottom: "mbox_conf_softmax"
  top: "mbox_conf_flatten" flatten_param { axis: 1 } }
)";

const char *kSmallSsdDetection = R"(
layer { name: "conv_a_norm_mbox_priorbox" type: "PriorBox" bottom: "conv_a_norm" bottom: "data"
  top: "conv_a_norm_mbox_priorbox"
  prior_box_param { min_size: 30.0 max_size: 60.0 aspect_ratio: 2 flip: true clip: false
    variance: 0.1 variance: 0.1 variance: 0.2 variance: 0.2 step: 8 offset: 0.5 } }
layer { name: "conv_b_mbox_priorbox" type: "PriorBox" bottom: "conv_b" bottom: "data"
  top: "conv_b_mbox_priorbox"
  prior_box_param { min_size: 60.0 max_size: 111.0 aspect_ratio: 2 aspect_ratio: 3 flip: true
    clip: false variance: 0.1 variance: 0.1 variance: 0.2 variance: 0.2 step: 16 offset: 0.5 } }
layer { name: "mbox_priorbox" type: "Concat" bottom: "conv_a_norm_mbox_priorbox"
  bottom: "conv_b_mbox_priorbox" top: "mbox_priorbox" concat_param { axis: 2 } }
layer { name: "detection_out" type: "DetectionOutput" bottom: "mbox_loc"
  bottom: "mbox_conf_flatten" bottom: "mbox_priorbox" top: "detection_out"
  include { phase: TEST }
  detection_output_param { num_classes: 21 share_location: true background_label_id: 0
    nms_param { nms_threshold: 0.45 top_k: 400 } code_type: CENTER_SIZE keep_top_k: 200
    confidence_threshold: 0.01 } }
)";

/// Runs @p code with /usr/bin/python3 and returns what it printed; skips the test when torch is
/// missing.
bool runPyTorch(const QString &code, QString *out)
{
    static const bool hasTorch = [] {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import torch")});
        return probe.waitForFinished(120000) && probe.exitCode() == 0;
    }();
    if (!hasTorch)
        return false;
    QTemporaryDir dir;
    *out = test::runPythonScript(dir.filePath(QStringLiteral("model.py")), code, 300000).output;
    return true;
}

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
    void smallSsdEndToEnd();
    void smallSsdHeadsInPyTorch();
    void slices();
    void tensorLayerErrors();
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

    // Permute(0, 2, 3, 1) and Flatten(axis 1) are Naqsh's Permute and Flatten: 38·38·16 =
    // 23,104 locations and 38·38·84 = 121,296 confidences per image.
    QCOMPARE(typeOf(g, "conv4_3_norm_mbox_loc_perm"), QStringLiteral("permute"));
    QCOMPARE(typeOf(g, "conv4_3_norm_mbox_loc_flat"), QStringLiteral("flatten"));
    QCOMPARE(shapeOf(g, a, "conv4_3_norm_mbox_loc_perm"), QStringLiteral("1x38x38x16"));
    QCOMPARE(shapeOf(g, a, "conv4_3_norm_mbox_conf_perm"), QStringLiteral("1x38x38x84"));
    QCOMPARE(a.layersWithoutNumbers(), 0);
    const AnalysisResult &b = a;
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
    // Reshape with 0 and -1: 1×18×38×50 read as 1×2×(18·38·50 / (2·50) = 342)×50, the
    // softmax over the 2 scores, and back.
    QCOMPARE(typeOf(g, "rpn_cls_score_reshape"), QStringLiteral("reshape"));
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(shapeOf(g, a, "rpn_cls_score_reshape"), QStringLiteral("1x2x342x50"));
    QCOMPARE(shapeOf(g, a, "rpn_cls_prob_reshape"), QStringLiteral("1x18x38x50"));
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
    QCOMPARE(a.layersWithoutNumbers(), 1);
    QCOMPARE(g.layer(a.firstLayerWithoutNumbers())->name, QStringLiteral("proposal"));

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
    QString out;
    if (!runPyTorch(code, &out))
        QSKIP("/usr/bin/python3 cannot import torch");
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

void tst_CaffeDetection::smallSsdEndToEnd()
{
    const ImportResult r = import(QByteArray(kSmallSsdBody) + kSmallSsdDetection);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QVERIFY2(r.opaqueOperators.isEmpty(), qPrintable(r.opaqueOperators.join(u',')));
    const Graph &g = r.graph;
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    // Every layer has its numbers: nothing opaque, nothing without a shape.
    QCOMPARE(a.layersWithoutNumbers(), 0);
    QCOMPARE(typeOf(g, "mbox_loc"), QStringLiteral("concat"));
    QCOMPARE(typeOf(g, "mbox_conf_reshape"), QStringLiteral("reshape"));
    // conv_a: ⌊(300 + 2 − 3) / 8⌋ + 1 = 38; conv_b: ⌊(38 + 2 − 3) / 2⌋ + 1 = 19.
    QCOMPARE(shapeOf(g, a, "conv_a"), QStringLiteral("1x32x38x38"));
    QCOMPARE(shapeOf(g, a, "conv_b"), QStringLiteral("1x64x19x19"));
    // Boxes: 38·38·4 = 5,776 and 19·19·6 = 2,166 (ratios 1, 2, ½, 3, ⅓ and one between the
    // sizes), 7,942 in all; 4 numbers each for the locations, 21 scores each for the classes.
    QCOMPARE(shapeOf(g, a, "conv_b_mbox_loc_perm"), QStringLiteral("1x19x19x24"));
    QCOMPARE(shapeOf(g, a, "conv_b_mbox_conf_flat"), QStringLiteral("1x45486"));
    QCOMPARE(shapeOf(g, a, "mbox_loc"), QStringLiteral("1x31768"));
    QCOMPARE(shapeOf(g, a, "mbox_conf"), QStringLiteral("1x166782"));
    QCOMPARE(shapeOf(g, a, "mbox_conf_reshape"), QStringLiteral("1x7942x21"));
    QCOMPARE(shapeOf(g, a, "mbox_conf_softmax"), QStringLiteral("1x7942x21"));
    QCOMPARE(shapeOf(g, a, "mbox_conf_flatten"), QStringLiteral("1x166782"));
    QCOMPARE(shapeOf(g, a, "conv_b_mbox_priorbox"), QStringLiteral("1x2x8664"));
    QCOMPARE(shapeOf(g, a, "mbox_priorbox"), QStringLiteral("1x2x31768"));
    QCOMPARE(shapeOf(g, a, "detection_out"), QStringLiteral("1x1x200x7"));
    // The softmax runs over the 21 classes of each box: 7,942 rows of 20 additions.
    QCOMPARE(resultOf(g, a, "mbox_conf_softmax")->costs.adds.value(), qint64(7942) * 20);
    // Parameters: conv_a 3·3·3·32 + 32 = 896; conv_b 3·3·32·64 + 64 = 18,496; Normalize 32;
    // loc_a 3·3·32·16 + 16 = 4,624; conf_a 3·3·32·84 + 84 = 24,276; loc_b 3·3·64·24 + 24 =
    // 13,848; conf_b 3·3·64·126 + 126 = 72,702: 134,874 in all.
    QCOMPARE(a.totals.params().value(), qint64(134874));
    // MACs: conv_a 38·38·32·27 = 1,247,616; conv_b 19·19·64·288 = 6,653,952; loc_a
    // 38·38·16·288 = 6,653,952; conf_a 38·38·84·288 = 34,933,248; loc_b 19·19·24·576 =
    // 4,990,464; conf_b 19·19·126·576 = 26,199,936; Normalize 32·38·38 = 46,208.
    QCOMPARE(resultOf(g, a, "conv_a")->costs.macs.value(), qint64(1247616));
    QCOMPARE(resultOf(g, a, "conv_b")->costs.macs.value(), qint64(6653952));
    QCOMPARE(resultOf(g, a, "conv_a_norm_mbox_loc")->costs.macs.value(), qint64(6653952));
    QCOMPARE(resultOf(g, a, "conv_a_norm_mbox_conf")->costs.macs.value(), qint64(34933248));
    QCOMPARE(resultOf(g, a, "conv_b_mbox_loc")->costs.macs.value(), qint64(4990464));
    QCOMPARE(resultOf(g, a, "conv_b_mbox_conf")->costs.macs.value(), qint64(26199936));
    QCOMPARE(resultOf(g, a, "conv_a_norm")->costs.macs.value(), qint64(46208));
    QCOMPARE(a.totals.macs.value(),
             qint64(1247616 + 6653952 + 6653952 + 34933248 + 4990464 + 26199936 + 46208));
    // DetectionOutput decodes the 7,942 boxes and compares 21 · 400·399/2 = 1,675,800 pairs.
    const LayerResult *det = resultOf(g, a, "detection_out");
    QCOMPARE(det->costs.exps.value(), qint64(2 * 7942));
    QCOMPARE(det->costs.divs.value(), qint64(1675800));
}

void tst_CaffeDetection::smallSsdHeadsInPyTorch()
{
    // The heads without PriorBox and DetectionOutput (which have no PyTorch module), exported
    // and run: PyTorch's shapes and parameter count must be those worked out above.
    const ImportResult r = import(kSmallSsdBody);
    QVERIFY2(r.ok(), qPrintable(r.error));
    const AnalysisResult a = AnalysisEngine::analyze(r.graph, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    const QString code = toPyTorch(r.graph, LayerRegistry::builtin(), a);
    QVERIFY2(!code.contains(QStringLiteral("NotImplementedError")), qPrintable(code));
    QVERIFY2(code.contains(QStringLiteral(".permute(0, 2, 3, 1)")), qPrintable(code));
    QString out;
    if (!runPyTorch(code, &out))
        QSKIP("/usr/bin/python3 cannot import torch");
    QVERIFY2(out.contains(QStringLiteral("output shape: [1, 31768]")), qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("output shape: [1, 166782]")), qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("parameters: 134874")), qPrintable(out + code));
}

void tst_CaffeDetection::slices()
{
    // Caffe's Slice: cut points 4 and 10 of 16 channels give 4, 6 and 6; without points, equal
    // halves. One Split layer per Slice, its outputs read by the right consumers.
    const ImportResult r = import(R"(input: "data" input_shape { dim: 2 dim: 16 dim: 8 dim: 8 }
layer { name: "cut" type: "Slice" bottom: "data" top: "a" top: "b" top: "c"
  slice_param { axis: 1 slice_point: 4 slice_point: 10 } }
layer { name: "conv_c" type: "Convolution" bottom: "c" top: "conv_c"
  convolution_param { num_output: 5 kernel_size: 1 } }
layer { name: "sum" type: "Eltwise" bottom: "b" bottom: "c" top: "sum" }
layer { name: "conv_a" type: "Convolution" bottom: "a" top: "conv_a"
  convolution_param { num_output: 3 kernel_size: 1 bias_term: false } }
layer { name: "halves" type: "Slice" bottom: "data" top: "top" top: "bottom"
  slice_param { slice_dim: 2 } }
layer { name: "rows" type: "Concat" bottom: "bottom" bottom: "top" top: "rows"
  concat_param { axis: 2 } }
)");
    QVERIFY2(r.ok(), qPrintable(r.error));
    const Graph &g = r.graph;
    QCOMPARE(typeOf(g, "cut"), QStringLiteral("split"));
    const AnalysisResult a = AnalysisEngine::analyze(g, LayerRegistry::builtin());
    QCOMPARE(a.layersWithoutNumbers(), 0);
    // conv_c reads the third piece (6 channels): 6·5 + 5 = 35 parameters; conv_a the first
    // (4 channels, no bias): 12.
    QCOMPARE(resultOf(g, a, "conv_c")->costs.params().value(), qint64(35));
    QCOMPARE(resultOf(g, a, "conv_a")->costs.params().value(), qint64(12));
    QCOMPARE(shapeOf(g, a, "sum"), QStringLiteral("2x6x8x8"));
    QCOMPARE(shapeOf(g, a, "rows"), QStringLiteral("2x16x8x8"));
    const LayerResult *halves = resultOf(g, a, "halves");
    QCOMPARE(halves->output, TensorShape::nchw(2, 16, 4, 8));

    const QString code = toPyTorch(g, LayerRegistry::builtin(), a);
    QVERIFY2(!code.contains(QStringLiteral("NotImplementedError")), qPrintable(code));
    QString out;
    if (!runPyTorch(code, &out))
        QSKIP("/usr/bin/python3 cannot import torch");
    for (const char *shape : {"[2, 5, 8, 8]", "[2, 6, 8, 8]", "[2, 3, 8, 8]", "[2, 16, 8, 8]"})
        QVERIFY2(out.contains(QStringLiteral("output shape: ") + QLatin1String(shape)),
                 qPrintable(out + code));
    QVERIFY2(out.contains(QStringLiteral("parameters: 47")), qPrintable(out + code));
}

void tst_CaffeDetection::tensorLayerErrors()
{
    const QByteArray head = "input: \"data\"\ninput_shape { dim: 1 dim: 8 dim: 4 dim: 4 }\n";
    const ImportResult twice =
        import(head + "layer { name: \"p\" type: \"Permute\" bottom: \"data\" top: \"p\"\n"
                      "  permute_param { order: 0 order: 2 order: 2 order: 1 } }\n");
    QVERIFY2(twice.error.startsWith(QStringLiteral(
                 "line 4, column 44: layer 'p' (Permute): permute_param.order lists axis 2 twice")),
             qPrintable(twice.error));
    const ImportResult axis5 =
        import(head + "layer { name: \"p\" type: \"Permute\" bottom: \"data\" top: \"p\"\n"
                      "  permute_param { order: 0 order: 5 } }\n");
    QVERIFY2(axis5.error.contains(QStringLiteral("permute_param.order 5 is not an axis of an "
                                                 "input of 4 dimensions")),
             qPrintable(axis5.error));
    const ImportResult points =
        import(head + "layer { name: \"s\" type: \"Slice\" bottom: \"data\" top: \"a\" top: \"b\"\n"
                      "  slice_param { slice_point: 2 slice_point: 4 } }\n");
    QVERIFY2(points.error.contains(QStringLiteral("slice_param has 2 slice_point values for 2 "
                                                  "tops; Caffe needs one fewer than the tops")),
             qPrintable(points.error));
    const ImportResult order =
        import(head + "layer { name: \"s\" type: \"Slice\" bottom: \"data\" top: \"a\" top: \"b\"\n"
                      "  top: \"c\" slice_param { slice_point: 4 slice_point: 2 } }\n");
    QVERIFY2(order.error.contains(QStringLiteral("slice_point 2 must be larger than the one "
                                                 "before (4)")),
             qPrintable(order.error));
    // A cut point past the end is found by the analysis, naming the sizes.
    const ImportResult past =
        import(head + "layer { name: \"s\" type: \"Slice\" bottom: \"data\" top: \"a\" top: \"b\"\n"
                      "  slice_param { slice_point: 9 } }\n");
    QVERIFY2(past.ok(), qPrintable(past.error));
    const AnalysisResult a = AnalysisEngine::analyze(past.graph, LayerRegistry::builtin());
    QVERIFY2(resultOf(past.graph, a, "s")
                 ->error.contains(QStringLiteral("the sizes add up to 9 and leave nothing for -1")),
             qPrintable(resultOf(past.graph, a, "s")->error));
    const ImportResult misfit =
        import(head + "layer { name: \"r\" type: \"Reshape\" bottom: \"data\" top: \"r\"\n"
                      "  reshape_param { shape { dim: 2 } axis: 3 num_axes: 2 } }\n");
    QVERIFY2(misfit.error.contains(QStringLiteral("reshape_param axis 3 with num_axes 2 does not "
                                                  "fit an input of 4 dimensions")),
             qPrintable(misfit.error));
    // Replacing one axis by two in the middle cannot be written as one Reshape of Naqsh: the
    // layer is opaque, and the warning says why.
    const ImportResult middle =
        import(head + "layer { name: \"r\" type: \"Reshape\" bottom: \"data\" top: \"r\"\n"
                      "  reshape_param { shape { dim: 2 dim: 4 } axis: 1 num_axes: 1 } }\n");
    QVERIFY2(middle.ok(), qPrintable(middle.error));
    QCOMPARE(typeOf(middle.graph, "r"), QStringLiteral("opaque"));
    QVERIFY(anyContains(middle.warnings, QStringLiteral("which Naqsh's Reshape cannot express")));
}

QTEST_GUILESS_MAIN(tst_CaffeDetection)
#include "tst_CaffeDetection.moc"
