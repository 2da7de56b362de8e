// TensorShape: validity, ranks 0 to 8, layout names and NumPy broadcasting. Expected shapes are
// worked out by hand from NumPy's rule (align from the right; equal, or 1 in one of them).
#include "TestUtil.h"

#include <QtTest>
#include <type_traits>

using namespace naqsh;
using test::shape;

class tst_TensorShape : public QObject
{
    Q_OBJECT
private slots:
    void valueType();
    void validity();
    void layouts();
    void broadcast_data();
    void broadcast();
};

void tst_TensorShape::valueType()
{
    // A fixed-size value: copied by the analysis without touching the heap.
    static_assert(std::is_trivially_copyable_v<TensorShape>);
    QVERIFY(sizeof(TensorShape) <= 80);
    QCOMPARE(TensorShape::kMaxRank, 8);
}

void tst_TensorShape::validity()
{
    const TensorShape none;
    QVERIFY(!none.isValid());
    QCOMPARE(none.toString(), QStringLiteral("?"));
    const TensorShape s = TensorShape::scalar();
    QVERIFY(s.isValid());
    QCOMPARE(int(s.rank), 0);
    QCOMPARE(s.elements().value(), qint64(1));
    QCOMPARE(s.toString(), QStringLiteral("scalar"));
    QVERIFY(!(s == none));

    const TensorShape six = TensorShape::of({2, 3, 4, 5, 6, 7});
    QCOMPARE(int(six.rank), 6);
    QCOMPARE(six.elements().value(), qint64(2 * 3 * 4 * 5 * 6 * 7));
    QCOMPARE(six.sampleElements().value(), qint64(3 * 4 * 5 * 6 * 7));
    QCOMPARE(six.product(2, 4).value(), qint64(20));
    QCOMPARE(six.last(), qint64(7));
    QCOMPARE(six.dim(-2), qint64(6));
    QCOMPARE(six.axis(-1), 5);
    QCOMPARE(six.axis(6), -1);
    QCOMPARE(six.toString(), QStringLiteral("2×3×4×5×6×7"));
    const TensorShape eight = TensorShape::of({1, 2, 3, 4, 5, 6, 7, 8});
    QCOMPARE(int(eight.rank), 8);
    QCOMPARE(eight.elements().value(), qint64(40320));
    // Overflow is reported, never wrapped.
    const TensorShape huge = TensorShape::of({1 << 30, 1 << 30, 1 << 30});
    QVERIFY(huge.elements().overflowed());
}

void tst_TensorShape::layouts()
{
    QCOMPARE(TensorShape::nchw(1, 3, 224, 224).layoutLetters(), QStringLiteral("N×C×H×W"));
    QCOMPARE(TensorShape::nf(1, 10).layoutLetters(), QStringLiteral("N×F"));
    QCOMPARE(TensorShape::nld(1, 197, 768).layoutLetters(), QStringLiteral("N×L×D"));
    QCOMPARE(TensorShape::of({1, 2, 100}, TensorLayout::Channels1d).layoutLetters(),
             QStringLiteral("N×C×L"));
    QCOMPARE(TensorShape::of({1, 3, 8, 16, 16}).layoutLetters(), QStringLiteral("N×C×D×H×W"));
    QCOMPARE(TensorShape::of({1, 2, 3, 4, 5, 6}).layoutLetters(), QString());
    QCOMPARE(TensorShape::of({1, 14, 14, 96}, TensorLayout::Plain).layoutLetters(), QString());
    // Same dimensions compare equal whatever the reading; sameLayout tells readings apart.
    const TensorShape a = TensorShape::of({1, 2, 100}, TensorLayout::Channels1d);
    const TensorShape b = TensorShape::nld(1, 2, 100);
    QVERIFY(a == b);
    QVERIFY(!a.sameLayout(b));
}

void tst_TensorShape::broadcast_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("expected"); // shape, or "error:<axis>"
    // The squeeze-and-excitation gate: N×C×1×1 scales N×C×H×W.
    QTest::newRow("se gate") << "1x64x1x1"
                             << "1x64x56x56"
                             << "1x64x56x56";
    QTest::newRow("same") << "2x3"
                          << "2x3"
                          << "2x3";
    QTest::newRow("lower rank") << "8x1x6x1"
                                << "7x1x5"
                                << "8x7x6x5"; // NumPy's manual example
    QTest::newRow("bias over tokens") << "1x197x768"
                                      << "768"
                                      << "1x197x768";
    QTest::newRow("scalar") << "scalar"
                            << "2x3x4"
                            << "2x3x4";
    QTest::newRow("attention mask") << "1x12x197x197"
                                    << "1x1x1x197"
                                    << "1x12x197x197";
    QTest::newRow("mismatch last") << "1x64x28x28"
                                   << "1x64"
                                   << "error:3";
    QTest::newRow("mismatch channels") << "1x64x1x1"
                                       << "1x32x4x4"
                                       << "error:1";
}

void tst_TensorShape::broadcast()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, expected);
    TensorShape out;
    int bad = -1;
    const bool ok = TensorShape::broadcast(shape(a), shape(b), &out, &bad);
    if (expected.startsWith(QLatin1String("error:"))) {
        QVERIFY(!ok);
        QCOMPARE(bad, expected.mid(6).toInt());
        return;
    }
    QVERIFY(ok);
    QCOMPARE(out.toString(), shape(expected).toString());
    // Broadcasting is symmetric.
    TensorShape back;
    QVERIFY(TensorShape::broadcast(shape(b), shape(a), &back));
    QCOMPARE(back.toString(), out.toString());
}

QTEST_GUILESS_MAIN(tst_TensorShape)
#include "tst_TensorShape.moc"
