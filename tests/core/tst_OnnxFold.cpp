// Constant folding of ONNX shape arithmetic (foldOnnxNode): every expected value is worked out by
// hand from the ONNX operator definitions, including their clamping and rounding rules, and
// hostile inputs must give no values rather than a crash or a wrong number.
#include "io/OnnxFold.h"

#include <QtTest>

#include <limits>

using namespace naqsh;

namespace {

OnnxTensorInfo ints(const QVector<qint64> &values, QVector<qint64> dims = {-2})
{
    OnnxTensorInfo t;
    t.rankKnown = true;
    t.elemType = 7;
    t.dims = dims == QVector<qint64>{-2} ? QVector<qint64>{qint64(values.size())} : dims;
    t.hasValues = true;
    t.ints = values;
    return t;
}

OnnxTensorInfo scalar(qint64 v)
{
    return ints({v}, {});
}

OnnxTensorInfo floats(const QVector<double> &values, const QVector<qint64> &dims)
{
    OnnxTensorInfo t;
    t.rankKnown = true;
    t.elemType = 1;
    t.dims = dims;
    t.hasValues = true;
    t.floats = values;
    return t;
}

/// A layer's output: dims only (-1 for a symbolic size).
OnnxTensorInfo activation(const QVector<qint64> &dims)
{
    OnnxTensorInfo t;
    t.rankKnown = true;
    t.elemType = 1;
    t.dims = dims;
    return t;
}

OnnxNode node(const char *op, int inputs = 1)
{
    OnnxNode n;
    n.opType = QString::fromLatin1(op);
    for (int k = 0; k < inputs; ++k)
        n.inputs << QStringLiteral("in%1").arg(k);
    n.outputs << QStringLiteral("out");
    return n;
}

void setInt(OnnxNode &n, const char *key, qint64 v)
{
    OnnxAttribute a;
    a.name = QString::fromLatin1(key);
    a.kind = OnnxAttribute::Kind::Int;
    a.i = v;
    n.attributes << a;
}

void setInts(OnnxNode &n, const char *key, const QVector<qint64> &v)
{
    OnnxAttribute a;
    a.name = QString::fromLatin1(key);
    a.kind = OnnxAttribute::Kind::Ints;
    a.ints = v;
    n.attributes << a;
}

std::optional<OnnxTensorInfo> fold(const OnnxNode &n, const QVector<OnnxTensorInfo> &in,
                                   qint64 opset = 14)
{
    QVector<const OnnxTensorInfo *> ptrs;
    for (const OnnxTensorInfo &t : in)
        ptrs << &t;
    return foldOnnxNode(n, ptrs, opset);
}

} // namespace

class tst_OnnxFold : public QObject
{
    Q_OBJECT

private slots:
    void flattenTarget();
    void chunkBounds();
    void shapeOfSymbolicBatch();
    void shapeStartEnd();
    void sliceClamping_data();
    void sliceClamping();
    void gatherMatrixAndNegativeIndex();
    void concatTwoDimensional();
    void transposeAndReshape();
    void expandAndConstantOfShape();
    void rangeWhereCast();
    void squeezeUnsqueezeAxes();
    void hostileInputsGiveNoValues();
};

void tst_OnnxFold::flattenTarget()
{
    // x.view(x.size(0), -1) on a 1×64×2×2 tensor: Shape → Gather(0) → Unsqueeze → Concat(−1).
    const std::optional<OnnxTensorInfo> shape = fold(node("Shape"), {activation({1, 64, 2, 2})});
    QVERIFY(shape && shape->hasValues);
    QCOMPARE(shape->ints, (QVector<qint64>{1, 64, 2, 2}));
    QCOMPARE(shape->dims, (QVector<qint64>{4}));
    QCOMPARE(shape->elemType, 7);
    const std::optional<OnnxTensorInfo> n = fold(node("Gather", 2), {*shape, scalar(0)});
    QVERIFY(n && n->hasValues);
    QCOMPARE(n->dims, QVector<qint64>{}); // a scalar index gives a scalar
    QCOMPARE(n->ints, QVector<qint64>{1});
    const std::optional<OnnxTensorInfo> u = fold(node("Unsqueeze", 2), {*n, ints({0})});
    QVERIFY(u && u->hasValues);
    QCOMPARE(u->dims, QVector<qint64>{1});
    OnnxNode cat = node("Concat", 2);
    setInt(cat, "axis", 0);
    const std::optional<OnnxTensorInfo> target = fold(cat, {*u, ints({-1})});
    QVERIFY(target && target->hasValues);
    QCOMPARE(target->ints, (QVector<qint64>{1, -1}));
    QCOMPARE(target->name, QStringLiteral("out"));
}

void tst_OnnxFold::chunkBounds()
{
    // torch.chunk(x, 2, dim=1) on 1×48×28×28 as exported at opset 14 (ShuffleNet v2):
    // c = shape[1] = 48; half = (c + 1) / 2 = 24 (integer division); ends 24·1 and 24·2.
    const std::optional<OnnxTensorInfo> s = fold(node("Shape"), {activation({1, 48, 28, 28})});
    const std::optional<OnnxTensorInfo> c = fold(node("Gather", 2), {*s, ints({1})});
    QCOMPARE(c->ints, QVector<qint64>{48});
    const std::optional<OnnxTensorInfo> sum = fold(node("Add", 2), {*c, ints({1})});
    const std::optional<OnnxTensorInfo> half = fold(node("Div", 2), {*sum, ints({2})});
    QCOMPARE(half->ints, QVector<qint64>{24}); // 49 / 2 truncates
    const std::optional<OnnxTensorInfo> end2 = fold(node("Mul", 2), {*half, ints({2})});
    QCOMPARE(end2->ints, QVector<qint64>{48});
    // The second piece: x[:, 24:48].
    const std::optional<OnnxTensorInfo> piece =
        fold(node("Slice", 4), {activation({1, 48, 28, 28}), *half, *end2, ints({1})});
    QVERIFY(piece);
    QCOMPARE(piece->dims, (QVector<qint64>{1, 24, 28, 28}));
    QVERIFY(!piece->hasValues); // an activation's values are not constants
}

void tst_OnnxFold::shapeOfSymbolicBatch()
{
    // A symbolic batch: the shape's length is known, its values are not.
    const std::optional<OnnxTensorInfo> s = fold(node("Shape"), {activation({-1, 3, 8, 8})});
    QVERIFY(s);
    QCOMPARE(s->dims, QVector<qint64>{4});
    QVERIFY(!s->hasValues);
    // Size of it is unknown too; of a known tensor it is the element count 3·8·8 = 192.
    QVERIFY(!fold(node("Size"), {activation({-1, 3, 8, 8})})->hasValues);
    QCOMPARE(fold(node("Size"), {activation({1, 3, 8, 8})})->ints, QVector<qint64>{192});
}

void tst_OnnxFold::shapeStartEnd()
{
    // Shape-15's start and end: negative values count from the end, then clamp to [0, rank].
    OnnxNode n = node("Shape");
    setInt(n, "start", -3);
    setInt(n, "end", 100);
    const std::optional<OnnxTensorInfo> s = fold(n, {activation({2, 3, 5, 7})}, 15);
    QCOMPARE(s->ints, (QVector<qint64>{3, 5, 7}));
}

void tst_OnnxFold::sliceClamping_data()
{
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("end");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<QVector<qint64>>("values");
    // Data 10, 11, ..., 19 (10 elements).
    QTest::newRow("plain") << qint64(2) << qint64(5) << qint64(1) << QVector<qint64>{12, 13, 14};
    QTest::newRow("end beyond") << qint64(7) << std::numeric_limits<qint64>::max() << qint64(1)
                                << QVector<qint64>{17, 18, 19};
    QTest::newRow("negative start")
        << qint64(-2) << qint64(10) << qint64(1) << QVector<qint64>{18, 19};
    QTest::newRow("step 3") << qint64(0) << qint64(10) << qint64(3)
                            << QVector<qint64>{10, 13, 16, 19};
    // Reversed: start clamps to 9, end −∞ clamps to −1 (exclusive), so 19 down to 10.
    QTest::newRow("reverse all") << qint64(-1) << std::numeric_limits<qint64>::min() << qint64(-4)
                                 << QVector<qint64>{19, 15, 11};
    QTest::newRow("empty") << qint64(6) << qint64(3) << qint64(1) << QVector<qint64>{};
}

void tst_OnnxFold::sliceClamping()
{
    QFETCH(qint64, start);
    QFETCH(qint64, end);
    QFETCH(qint64, step);
    QFETCH(QVector<qint64>, values);
    const OnnxTensorInfo data = ints({10, 11, 12, 13, 14, 15, 16, 17, 18, 19});
    const std::optional<OnnxTensorInfo> s =
        fold(node("Slice", 5), {data, ints({start}), ints({end}), ints({0}), ints({step})});
    QVERIFY(s && s->hasValues);
    QCOMPARE(s->dims, QVector<qint64>{qint64(values.size())});
    QCOMPARE(s->ints, values);
}

void tst_OnnxFold::gatherMatrixAndNegativeIndex()
{
    // [[1, 2, 3], [4, 5, 6]] gathered on axis 1 with indices [-1, 0] → [[3, 1], [6, 4]].
    OnnxNode n = node("Gather", 2);
    setInt(n, "axis", 1);
    const std::optional<OnnxTensorInfo> g =
        fold(n, {ints({1, 2, 3, 4, 5, 6}, {2, 3}), ints({-1, 0})});
    QVERIFY(g && g->hasValues);
    QCOMPARE(g->dims, (QVector<qint64>{2, 2}));
    QCOMPARE(g->ints, (QVector<qint64>{3, 1, 6, 4}));
}

void tst_OnnxFold::concatTwoDimensional()
{
    // [[1, 2]] and [[3, 4], [5, 6]] on axis 0 → 3×2; [[1],[2]] and [[3, 4],[5, 6]] on axis 1.
    OnnxNode rows = node("Concat", 2);
    setInt(rows, "axis", 0);
    const std::optional<OnnxTensorInfo> a =
        fold(rows, {ints({1, 2}, {1, 2}), ints({3, 4, 5, 6}, {2, 2})});
    QCOMPARE(a->dims, (QVector<qint64>{3, 2}));
    QCOMPARE(a->ints, (QVector<qint64>{1, 2, 3, 4, 5, 6}));
    OnnxNode cols = node("Concat", 2);
    setInt(cols, "axis", -1);
    const std::optional<OnnxTensorInfo> b =
        fold(cols, {ints({1, 2}, {2, 1}), ints({3, 4, 5, 6}, {2, 2})});
    QCOMPARE(b->dims, (QVector<qint64>{2, 3}));
    QCOMPARE(b->ints, (QVector<qint64>{1, 3, 4, 2, 5, 6}));
    // Sizes only, when a part is an activation: 1×8 and 1×(unknown) → 1×(unknown).
    const std::optional<OnnxTensorInfo> c = fold(cols, {activation({1, 8}), activation({1, -1})});
    QCOMPARE(c->dims, (QVector<qint64>{1, -1}));
}

void tst_OnnxFold::transposeAndReshape()
{
    // [[1, 2, 3], [4, 5, 6]]ᵀ = [[1, 4], [2, 5], [3, 6]].
    const std::optional<OnnxTensorInfo> t =
        fold(node("Transpose"), {ints({1, 2, 3, 4, 5, 6}, {2, 3})});
    QCOMPARE(t->dims, (QVector<qint64>{3, 2}));
    QCOMPARE(t->ints, (QVector<qint64>{1, 4, 2, 5, 3, 6}));
    // Reshape with 0 (copy) and −1 (inferred): 2×3×4 to [0, −1] is 2×12.
    const std::optional<OnnxTensorInfo> r =
        fold(node("Reshape", 2), {activation({2, 3, 4}), ints({0, -1})});
    QCOMPARE(r->dims, (QVector<qint64>{2, 12}));
    // Two −1 or a size that does not divide: nothing.
    QVERIFY(!fold(node("Reshape", 2), {activation({2, 3, 4}), ints({-1, -1})}));
    QVERIFY(!fold(node("Reshape", 2), {activation({2, 3, 4}), ints({5, -1})}));
}

void tst_OnnxFold::expandAndConstantOfShape()
{
    // ViT's class token: [1, 1, 768] expanded by the shape [n, 1, 1] with n = 2.
    const std::optional<OnnxTensorInfo> e =
        fold(node("Expand", 2), {activation({1, 1, 768}), ints({2, 1, 1})});
    QCOMPARE(e->dims, (QVector<qint64>{2, 1, 768}));
    const std::optional<OnnxTensorInfo> v =
        fold(node("Expand", 2), {ints({7, 8}, {2, 1}), ints({2, 3})});
    QCOMPARE(v->ints, (QVector<qint64>{7, 7, 7, 8, 8, 8}));
    // ConstantOfShape without a value attribute: float zeros.
    const std::optional<OnnxTensorInfo> z = fold(node("ConstantOfShape"), {ints({2, 2})});
    QCOMPARE(z->elemType, 1);
    QCOMPARE(z->floats, (QVector<double>{0, 0, 0, 0}));
}

void tst_OnnxFold::rangeWhereCast()
{
    // Range(1, 10, 3) = 1, 4, 7 (ceil((10 − 1) / 3) = 3 elements).
    const std::optional<OnnxTensorInfo> r =
        fold(node("Range", 3), {scalar(1), scalar(10), scalar(3)});
    QCOMPARE(r->ints, (QVector<qint64>{1, 4, 7}));
    // Where([1, 0, 1], [1, 2, 3], 9) = [1, 9, 3].
    OnnxTensorInfo cond = ints({1, 0, 1});
    cond.elemType = 9;
    const std::optional<OnnxTensorInfo> w =
        fold(node("Where", 3), {cond, ints({1, 2, 3}), scalar(9)});
    QCOMPARE(w->ints, (QVector<qint64>{1, 9, 3}));
    // Cast of 2.9 and −2.9 to int64 truncates toward zero.
    OnnxNode c = node("Cast");
    setInt(c, "to", 7);
    const std::optional<OnnxTensorInfo> i = fold(c, {floats({2.9, -2.9}, {2})});
    QCOMPARE(i->ints, (QVector<qint64>{2, -2}));
}

void tst_OnnxFold::squeezeUnsqueezeAxes()
{
    // Opset 11 takes the axes as an attribute, opset 13 as an input.
    OnnxNode old = node("Unsqueeze");
    setInts(old, "axes", {0, -1});
    const std::optional<OnnxTensorInfo> u = fold(old, {ints({5, 6})}, 11);
    QCOMPARE(u->dims, (QVector<qint64>{1, 2, 1}));
    QCOMPARE(u->ints, (QVector<qint64>{5, 6}));
    const std::optional<OnnxTensorInfo> s = fold(node("Squeeze", 2), {*u, ints({0})});
    QCOMPARE(s->dims, (QVector<qint64>{2, 1}));
    // Squeezing a dimension that is not 1 is an error in ONNX: nothing is folded.
    QVERIFY(!fold(node("Squeeze", 2), {ints({5, 6}), ints({0})}));
}

void tst_OnnxFold::hostileInputsGiveNoValues()
{
    constexpr qint64 big = std::numeric_limits<qint64>::max();
    // Overflow and division by zero: the shape is known, the values are not.
    const std::optional<OnnxTensorInfo> over = fold(node("Mul", 2), {ints({big}), ints({2})});
    QVERIFY(over && !over->hasValues);
    const std::optional<OnnxTensorInfo> div0 = fold(node("Div", 2), {ints({1}), ints({0})});
    QVERIFY(div0 && !div0->hasValues);
    QVERIFY(
        !fold(node("Div", 2), {ints({std::numeric_limits<qint64>::min()}), ints({-1})})->hasValues);
    // An index out of range, a step of zero, a Range of 2^62 elements.
    QVERIFY(!fold(node("Gather", 2), {ints({1, 2, 3}), ints({3})})->hasValues);
    QVERIFY(!fold(node("Slice", 5), {ints({1, 2, 3}), ints({0}), ints({3}), ints({0}), ints({0})}));
    QVERIFY(!fold(node("Range", 3), {scalar(0), scalar(qint64(1) << 62), scalar(1)}));
    // A huge ConstantOfShape gets its dims but no values (nothing is allocated).
    const std::optional<OnnxTensorInfo> huge =
        fold(node("ConstantOfShape"), {ints({1 << 20, 1 << 19})});
    QVERIFY(huge && !huge->hasValues);
    QCOMPARE(huge->dims, (QVector<qint64>{1 << 20, 1 << 19}));
    // Values that disagree with the dims are not trusted.
    OnnxTensorInfo lying = ints({1, 2, 3}, {5});
    QVERIFY(!fold(node("Neg"), {lying})->hasValues);
    // An operator it does not fold, and a missing input.
    QVERIFY(!fold(node("Erf"), {ints({1})}));
    QVERIFY(!foldOnnxNode(node("Gather", 2), {nullptr, nullptr}, 14));
}

QTEST_GUILESS_MAIN(tst_OnnxFold)
#include "tst_OnnxFold.moc"
