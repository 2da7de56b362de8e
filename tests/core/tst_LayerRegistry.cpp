// A sweep over every registered layer type: defaults give valid shapes, costs are
// non-negative, names and help are present, ids are unique, parameter specs are consistent.
#include "layers/LayerRegistry.h"

#include <QSet>
#include <QtTest>

using namespace naqsh;

class tst_LayerRegistry : public QObject
{
    Q_OBJECT
private slots:
    void everyTypeIsComplete_data();
    void everyTypeIsComplete();
    void idsAreUnique();
    void refusesDuplicates();
    void listsTheRequiredTypes();
    void categoriesInOrder();
};

void tst_LayerRegistry::everyTypeIsComplete_data()
{
    QTest::addColumn<QString>("id");
    for (const LayerType &t : LayerRegistry::builtin().types())
        QTest::newRow(qPrintable(t.id)) << t.id;
}

void tst_LayerRegistry::everyTypeIsComplete()
{
    QFETCH(QString, id);
    const LayerType *t = LayerRegistry::builtin().find(id);
    QVERIFY(t);
    QVERIFY(!t->translatedName().isEmpty());
    QVERIFY(!t->translatedShortName().isEmpty());
    QVERIFY(!t->translatedCategory().isEmpty());
    QVERIFY2(QString::fromUtf8(t->help).size() > 20, "help text is missing or too short");
    QVERIFY(t->shape);
    QVERIFY(t->cost);
    QSet<QString> keys;
    for (const ParamSpec &p : t->params) {
        QVERIFY2(!keys.contains(p.key), qPrintable(p.key));
        keys.insert(p.key);
        QVERIFY(QString::fromUtf8(p.label).size() > 0);
        QVERIFY(QString::fromUtf8(p.help).size() > 0);
        QString why;
        QVERIFY2(validateParam(p, p.defaultValue, &why).isValid(),
                 qPrintable(p.key + QLatin1String(": ") + why));
        if (p.kind == ParamKind::Choice)
            QCOMPARE(p.choices.size(), p.choiceLabels.size());
        if (!p.pairKey.isEmpty())
            QVERIFY2(t->paramIndex(p.pairKey) >= 0, qPrintable(p.pairKey));
    }

    // Defaults must give a valid shape for an image, a pooled image, a flat input, tokens or a
    // volume (or none for sources).
    const QVector<QVector<TensorShape>> candidates = {
        {},
        {TensorShape::nchw(1, 64, 32, 32)},
        {TensorShape::nf(1, 64)},
        {TensorShape::nchw(1, 64, 1, 1)},
        {TensorShape::nld(1, 16, 64)},
        {TensorShape::of({1, 4, 8, 8, 8}, TensorLayout::Volume)},
        {TensorShape::nchw(1, 64, 32, 32), TensorShape::nchw(1, 64, 32, 32)},
    };
    bool anyValid = false;
    for (const QVector<TensorShape> &in : candidates) {
        if (in.size() < t->minInputs || (t->maxInputs >= 0 && in.size() > t->maxInputs))
            continue;
        const std::span<const TensorShape> span(in.data(), size_t(in.size()));
        const ShapeResult r = t->shape(t->defaultParams(), span, RuleContext{});
        if (!r.isOk())
            continue;
        anyValid = true;
        QVERIFY(r.shape.isValid());
        for (int i = 0; i < r.shape.rank; ++i)
            QVERIFY(r.shape.dims[i] > 0);
        const Costs c = t->cost(t->defaultParams(), span, r.shape);
        QVERIFY(!c.overflowed());
        for (const CheckedInt &v : {c.weights, c.bias, c.buffers, c.macs, c.biasAdds, c.adds,
                                    c.muls, c.divs, c.exps, c.comps, c.activations})
            QVERIFY(v.value() >= 0);
        // A summary may be empty when the defaults need no label (Concat on the channels).
        if (t->summary)
            QVERIFY(!t->summary(t->defaultParams()).contains(QLatin1Char('%')));
        if (t->explain)
            QVERIFY(!t->explain(t->defaultParams(), span, r.shape).isEmpty());
    }
    QVERIFY2(anyValid, "no input gives a valid shape with the default parameters");
}

void tst_LayerRegistry::idsAreUnique()
{
    QSet<QString> ids;
    for (const LayerType &t : LayerRegistry::builtin().types()) {
        QVERIFY(!ids.contains(t.id));
        ids.insert(t.id);
    }
}

void tst_LayerRegistry::refusesDuplicates()
{
    LayerRegistry r;
    LayerType t;
    t.id = QStringLiteral("x");
    QVERIFY(r.add(t));
    QVERIFY(!r.add(t));
    LayerType empty;
    QVERIFY(!r.add(empty));
    QCOMPARE(r.types().size(), 1);
}

void tst_LayerRegistry::listsTheRequiredTypes()
{
    const QStringList required = {"input",
                                  "conv2d",
                                  "conv_transpose2d",
                                  "maxpool2d",
                                  "avgpool2d",
                                  "global_avgpool",
                                  "adaptive_avgpool2d",
                                  "batchnorm2d",
                                  "relu",
                                  "relu6",
                                  "leaky_relu",
                                  "sigmoid",
                                  "tanh",
                                  "gelu",
                                  "softmax",
                                  "dropout",
                                  "flatten",
                                  "linear",
                                  "concat",
                                  "add",
                                  "upsample",
                                  "zeropad2d",
                                  "lrn",
                                  "identity",
                                  "output",
                                  "prelu",
                                  "opaque"};
    for (const QString &id : required)
        QVERIFY2(LayerRegistry::builtin().find(id), qPrintable(id));
}

void tst_LayerRegistry::categoriesInOrder()
{
    const auto cats = LayerRegistry::builtin().categories();
    QVERIFY(cats.size() >= 6);
    QCOMPARE(QString::fromUtf8(cats.first()), QStringLiteral("Input and output"));
}

QTEST_GUILESS_MAIN(tst_LayerRegistry)
#include "tst_LayerRegistry.moc"
