// Number formatting: the one place digits, separators and shapes become text.
#include "analysis/NumberFormat.h"

#include <QtTest>

using namespace naqsh;

class tst_NumberFormat : public QObject
{
    Q_OBJECT
private slots:
    void latin();
    void persian();
    void persianWithLatinDigits();
    void shapesNeverReverse();
};

void tst_NumberFormat::latin()
{
    const NumberFormat f;
    QCOMPARE(f.integer(120422400), QStringLiteral("120,422,400"));
    QCOMPARE(f.ratio(120422400.0 / 12443648.0), QStringLiteral("9.68×"));
    QCOMPARE(f.compact(120422400), QStringLiteral("120 M"));
    QCOMPARE(f.compact(15872), QStringLiteral("15.9 K"));
    QCOMPARE(f.bytes(100352), QStringLiteral("98.0 KiB"));
    QCOMPARE(f.percent(0.906), QStringLiteral("90.6%"));
    QCOMPARE(NumberFormat::machine(153600), QStringLiteral("153600"));
}

void tst_NumberFormat::persian()
{
    const NumberFormat f(QLocale(QLocale::Persian, QLocale::Iran));
    QCOMPARE(f.integer(120422400), QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰"));
    QCOMPARE(f.integer(153600), QString::fromUtf8("۱۵۳٬۶۰۰"));
    QCOMPARE(f.real(3.25, 2), QString::fromUtf8("۳٫۲۵"));
    QCOMPARE(f.digits(QStringLiteral("28 × 28 = 784")), QString::fromUtf8("۲۸ × ۲۸ = ۷۸۴"));
    QCOMPARE(f.digits(QStringLiteral("120,422,400")), QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰"));
}

void tst_NumberFormat::persianWithLatinDigits()
{
    const NumberFormat f(QLocale(QLocale::Persian, QLocale::Iran), true);
    QCOMPARE(f.integer(120422400), QStringLiteral("120,422,400"));
    QCOMPARE(f.digits(QStringLiteral("28")), QStringLiteral("28"));
}

void tst_NumberFormat::shapesNeverReverse()
{
    const NumberFormat f(QLocale(QLocale::Persian, QLocale::Iran));
    const QString s = f.shape(TensorShape::nchw(1, 192, 28, 28), true);
    // Wrapped in a left-to-right isolate so that bidi never reorders the dimensions.
    QCOMPARE(s.front(), QChar(0x2066));
    QCOMPARE(s.back(), QChar(0x2069));
    QCOMPARE(s.mid(1, s.size() - 2), QString::fromUtf8("۱×۱۹۲×۲۸×۲۸"));
    QCOMPARE(NumberFormat().shape(TensorShape::nf(2, 784)), QStringLiteral("2×784"));
}

QTEST_GUILESS_MAIN(tst_NumberFormat)
#include "tst_NumberFormat.moc"
