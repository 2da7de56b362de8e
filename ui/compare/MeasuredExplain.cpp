#include "MeasuredExplain.h"

#include "Document.h"
#include "analysis/Analyzer.h"
#include "analysis/NumberFormat.h"
#include "exec/Kernels.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>

namespace naqsh {

namespace {

QString ms(const NumberFormat &f, double v)
{
    return f.real(v, v >= 100 ? 1 : v >= 1 ? 2 : 3);
}

} // namespace

MeasuredExplanation explainMeasured(const Document &document, LayerId id, const NumberFormat &f)
{
    MeasuredExplanation out;
    if (!document.hasMeasurement())
        return out;
    const StoredMeasurement &m = document.measurement();
    const LayerMeasurement *l = m.layer(id);
    const Graph &g = document.model()->graph();
    const Layer *layer = g.layer(id);
    if (!l || !layer)
        return out;
    out.title = QCoreApplication::translate("naqsh::MeasuredExplain", "Measured on this computer");
    if (document.isMeasurementStale())
        out.stale = QCoreApplication::translate(
            "naqsh::MeasuredExplain",
            "Measured before the last edit of the network: these numbers describe "
            "the network as it was. Choose Run › Measure on This Computer again.");
    if (!l->executed) {
        out.lines.append(
            {QCoreApplication::translate("naqsh::MeasuredExplain", "Did not run"), l->problem});
        return out;
    }
    if (l->bytes <= 0)
        return out; // an input or a marker: nothing timed
    out.lines.append(
        {QCoreApplication::translate("naqsh::MeasuredExplain", "Time"),
         QCoreApplication::translate("naqsh::MeasuredExplain",
                                     "%1 ms, the median of %2 runs (spread %3 ms) · %4")
             .arg(ms(f, l->medianMs), f.integer(l->timesMs.size()), ms(f, l->iqrMs),
                  translatedExecPath(l->path))});
    if (l->macs > 0)
        out.lines.append(
            {QCoreApplication::translate("naqsh::MeasuredExplain", "Speed"),
             QCoreApplication::translate("naqsh::MeasuredExplain", "%1 MACs ÷ %2 ms = %3 GMAC/s")
                 .arg(f.integer(l->macs), ms(f, l->medianMs), f.real(l->gmacPerSecond(), 1))});
    out.lines.append({QCoreApplication::translate("naqsh::MeasuredExplain", "Bytes moved"),
                      QCoreApplication::translate(
                          "naqsh::MeasuredExplain",
                          "input + weights + output, each read or written once, 4 bytes per "
                          "value = %1")
                          .arg(f.bytes(l->bytes))});
    if (l->macs > 0)
        out.lines.append(
            {QCoreApplication::translate("naqsh::MeasuredExplain", "Arithmetic intensity"),
             QCoreApplication::translate("naqsh::MeasuredExplain",
                                         "%1 MACs ÷ %2 bytes = %3 MACs per byte")
                 .arg(f.integer(l->macs), f.integer(l->bytes),
                      f.real(l->intensity(), l->intensity() >= 10 ? 1 : 2))});

    // Why, in words, for this kind of layer.
    const LayerType *type = document.model()->registry().find(layer->type);
    const exec::ParamReader p{layer, type};
    const qint64 kh = p.integer("kernel_h", 1), kw = p.integer("kernel_w", 1);
    const qint64 outChannels = p.integer("out_channels", 0);
    const QString intensity = f.real(l->intensity(), l->intensity() >= 10 ? 1 : 2);
    if (l->macs <= 0) {
        out.why = QCoreApplication::translate(
                      "naqsh::MeasuredExplain",
                      "This layer does no multiply-adds: all of its time goes to reading and "
                      "writing %1. Its cost is memory traffic, which counting MACs does not see.")
                      .arg(f.bytes(l->bytes));
    } else if (l->path == QStringLiteral("1×1 GEMM")) {
        out.why =
            QCoreApplication::translate(
                "naqsh::MeasuredExplain",
                "A 1×1 convolution uses each input value in only %1 multiply-adds, one per output "
                "channel; a 5×5 convolution with the same channels would use it %2 times. So it "
                "does few MACs for every byte it reads and writes (%3 here): the processor spends "
                "more of its time waiting for memory than multiplying, and the layer achieves "
                "fewer GMAC/s than a 5×5. It takes longer than its MACs alone predict.")
                .arg(f.integer(outChannels), f.integer(25 * outChannels), intensity);
    } else if (l->path == QStringLiteral("depthwise direct")) {
        out.why =
            QCoreApplication::translate(
                "naqsh::MeasuredExplain",
                "A depthwise convolution gives each channel its own %1×%2 filter: each input value "
                "is used in only %3 multiply-adds, however many channels there are, where a full "
                "convolution uses it once for every output channel too. With so few MACs per "
                "byte (%4 here) the processor waits for memory, and the layer achieves fewer "
                "GMAC/s than a full convolution.")
                .arg(f.integer(kh), f.integer(kw), f.integer(kh * kw), intensity);
    } else if (l->path == QStringLiteral("im2col + GEMM")) {
        out.why = QCoreApplication::translate(
                      "naqsh::MeasuredExplain",
                      "Each input value of this %1×%2 convolution is used in up to %3 "
                      "multiply-adds (%1×%2 positions × %4 output channels), so it does many MACs "
                      "for every byte it moves (%5 here). The multipliers stay busy: this is the "
                      "kind of layer that reaches this computer's best GMAC/s.")
                      .arg(f.integer(kh), f.integer(kw), f.integer(kh * kw * outChannels),
                           f.integer(outChannels), intensity);
    } else {
        out.why = QCoreApplication::translate(
                      "naqsh::MeasuredExplain",
                      "This layer does %1 MACs for every byte it moves. The fewer MACs per byte, "
                      "the more a layer waits for memory instead of multiplying, and the fewer "
                      "GMAC/s it achieves.")
                      .arg(intensity);
    }

    // Against the fastest layer of the document.
    const LayerMeasurement *best = nullptr;
    for (const LayerMeasurement &o : m.report.layers)
        if (o.executed && o.macs > 0 && o.bytes > 0 &&
            (!best || o.gmacPerSecond() > best->gmacPerSecond()))
            best = &o;
    if (best && best->id != id && l->macs > 0 && best->gmacPerSecond() > 0) {
        const Layer *bl = g.layer(best->id);
        const double share = l->gmacPerSecond() / best->gmacPerSecond();
        out.compare = QCoreApplication::translate(
                          "naqsh::MeasuredExplain",
                          "The fastest layer of this document, %1, reaches %2 GMAC/s at %3 MACs "
                          "per byte; this layer reaches %4 of that.")
                          .arg(bl ? bl->name : best->name, f.real(best->gmacPerSecond(), 1),
                               f.real(best->intensity(), 1), f.percent(share));
    }
    return out;
}

} // namespace naqsh
