#include "Explain.h"
#include "analysis/TooLarge.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace naqsh {

namespace {

QString num(qint64 v)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(v);
}

QString dims(const TensorShape &s)
{
    QStringList parts;
    for (int i = 0; i < s.rank; ++i)
        parts << QString::number(s.dims[i]);
    return parts.join(QStringLiteral(" × "));
}

bool hasQuantity(const QVector<FormulaLine> &lines, const QString &quantity)
{
    for (const FormulaLine &l : lines)
        if (l.quantity == quantity)
            return true;
    return false;
}

} // namespace

QVector<FormulaLine> explainLayer(const LayerType &type, const ParamValues &params,
                                  std::span<const TensorShape> inputs, const TensorShape &output,
                                  const Costs &costs, FlopConvention convention, DType dtype)
{
    QVector<FormulaLine> lines;
    if (type.explain)
        lines = type.explain(params, inputs, output);

    const QString outputLabel = QCoreApplication::translate("naqsh::Explain", "Output shape");
    if (lines.isEmpty() ||
        (!hasQuantity(lines, QCoreApplication::translate("naqsh::layers", "Output height")) &&
         !hasQuantity(lines, outputLabel))) {
        QString reason;
        if (!inputs.empty() && inputs[0] == output)
            reason = QCoreApplication::translate(
                "naqsh::Explain",
                "this layer works value by value: the output has the shape of its input");
        else
            reason = QCoreApplication::translate("naqsh::Explain",
                                                 "from the layer's shape rule (see its help)");
        lines.prepend({outputLabel, output.toString(), reason});
    }

    const QString paramsLabel = QCoreApplication::translate("naqsh::layers", "Parameters");
    if (!hasQuantity(lines, paramsLabel) && costs.params().value() == 0)
        lines.append({paramsLabel, QStringLiteral("0"),
                      QCoreApplication::translate("naqsh::Explain",
                                                  "nothing to learn: this layer has no weights")});

    const qint64 other = costs.otherOps().value();
    if (other > 0 &&
        !hasQuantity(lines, QCoreApplication::translate("naqsh::layers", "Comparisons")) &&
        !hasQuantity(lines, QCoreApplication::translate("naqsh::layers", "Additions")) &&
        !hasQuantity(lines, QCoreApplication::translate("naqsh::layers", "Operations"))) {
        QStringList parts;
        auto add = [&](qint64 v, const char *what) {
            if (v > 0)
                parts << QStringLiteral("%1 %2").arg(
                    num(v), QCoreApplication::translate("naqsh::Explain", what));
        };
        add(costs.adds.value(), QT_TRANSLATE_NOOP("naqsh::Explain", "additions"));
        add(costs.muls.value(), QT_TRANSLATE_NOOP("naqsh::Explain", "multiplications"));
        add(costs.divs.value(), QT_TRANSLATE_NOOP("naqsh::Explain", "divisions"));
        add(costs.exps.value(), QT_TRANSLATE_NOOP("naqsh::Explain", "exponentials"));
        add(costs.comps.value(), QT_TRANSLATE_NOOP("naqsh::Explain", "comparisons"));
        lines.append({QCoreApplication::translate("naqsh::Explain", "Other operations"),
                      parts.join(QStringLiteral(" + ")),
                      QCoreApplication::translate(
                          "naqsh::Explain",
                          "per value, as the layer's help describes; counted apart from MACs")});
    }

    // FLOPs under the chosen convention.
    const qint64 macs = costs.macs.value();
    const qint64 fl = flops(costs, convention).value();
    QString flopsFormula, flopsReason;
    switch (convention) {
    case FlopConvention::Flops:
        flopsFormula = QStringLiteral("2 × %1 + %2 + %3 = %4")
                           .arg(num(macs), num(costs.biasAdds.value()), num(other), num(fl));
        flopsReason = QCoreApplication::translate(
            "naqsh::Explain", "each MAC is a multiplication and an addition; bias adds and the "
                              "other operations count once each");
        break;
    case FlopConvention::TwoMacs:
        flopsFormula = QStringLiteral("2 × %1 = %2").arg(num(macs), num(fl));
        flopsReason = QCoreApplication::translate(
            "naqsh::Explain", "the figure papers quote: two operations per MAC, nothing else");
        break;
    case FlopConvention::MacsOnly:
        flopsFormula = QStringLiteral("%1").arg(num(fl));
        flopsReason = QCoreApplication::translate(
            "naqsh::Explain", "one multiply-accumulate counted as one operation, as ptflops does");
        break;
    case FlopConvention::BiasAsMac:
        flopsFormula =
            QStringLiteral("%1 + %2 = %3").arg(num(macs), num(costs.biasAdds.value()), num(fl));
        flopsReason = QCoreApplication::translate(
            "naqsh::Explain",
            "torchinfo's mult-adds: the bias counts as one more MAC per output value");
        break;
    }
    lines.append(
        {QCoreApplication::translate("naqsh::Explain", "FLOPs (%1)").arg(conventionKey(convention)),
         flopsFormula, flopsReason});

    // Activation memory.
    const int bpe = bytesPerElement(dtype);
    if (costs.activations.value() > 0 && costs.activations.value() != output.elements().value()) {
        // A composite block keeps the tensors of its parts too.
        lines.append({QCoreApplication::translate("naqsh::Explain", "Activation memory"),
                      QCoreApplication::translate("naqsh::Explain", "%1 × %2 bytes = %3 bytes")
                          .arg(num(costs.activations.value()))
                          .arg(bpe)
                          .arg(num(activationBytes(costs.activations, dtype).value())),
                      QCoreApplication::translate(
                          "naqsh::Explain", "the block's output and every tensor made inside it, "
                                            "as if its parts were separate layers")});
    } else if (costs.activations.value() > 0) {
        lines.append(
            {QCoreApplication::translate("naqsh::Explain", "Activation memory"),
             QCoreApplication::translate("naqsh::Explain", "%1 × %2 bytes = %3 bytes")
                 .arg(dims(output))
                 .arg(bpe)
                 .arg(num(activationBytes(costs.activations, dtype).value())),
             QCoreApplication::translate("naqsh::Explain",
                                         "every output value is stored for the next layer (and for "
                                         "training); %1 takes %n byte(s) per value",
                                         nullptr, bpe)
                 .arg(dtypeKey(dtype))});
    } else {
        lines.append(
            {QCoreApplication::translate("naqsh::Explain", "Activation memory"),
             QStringLiteral("0"),
             QCoreApplication::translate("naqsh::Explain", "this layer makes no new tensor")});
    }
    return lines;
}

} // namespace naqsh
