#include "NumberFormat.h"

#include "TooLarge.h"

#include <QCoreApplication>
#include <QStringList>
#include <cmath>

namespace naqsh {

NumberFormat::NumberFormat(const QLocale &locale, bool latinDigits)
    : m_locale(latinDigits || locale.language() == QLocale::C
                   ? QLocale(QLocale::English, QLocale::UnitedStates)
                   : locale)
    , m_latin(latinDigits || locale.language() == QLocale::C)
{
    m_locale.setNumberOptions(QLocale::DefaultNumberOptions);
}

QString tooLargeText()
{
    return QCoreApplication::translate("naqsh::NumberFormat", "too large to count in 64 bits");
}

QString NumberFormat::integer(qint64 v) const
{
    if (isTooLarge(v))
        return tooLargeText();
    return m_locale.toString(v);
}

QString NumberFormat::real(double v, int decimals) const
{
    return m_locale.toString(v, 'f', decimals);
}

QString NumberFormat::ratio(double v) const
{
    return real(v, 2) + QChar(0x00D7);
}

QString NumberFormat::percent(double fraction) const
{
    return real(fraction * 100.0, 1) + m_locale.percent();
}

QString NumberFormat::compact(qint64 v) const
{
    if (isTooLarge(v))
        return tooLargeText();
    const double a = std::abs(double(v));
    struct Unit
    {
        double scale;
        const char *suffix;
    };
    static const Unit units[] = {{1e12, " T"}, {1e9, " G"}, {1e6, " M"}, {1e3, " K"}};
    for (const Unit &u : units)
        if (a >= u.scale)
            return real(double(v) / u.scale, a / u.scale >= 100 ? 0 : 1) + QLatin1String(u.suffix);
    return integer(v);
}

QString NumberFormat::bytes(qint64 v) const
{
    if (isTooLarge(v))
        return tooLargeText();
    const double a = double(v);
    if (a >= 1024.0 * 1024 * 1024)
        return real(a / (1024.0 * 1024 * 1024), 2) + QStringLiteral(" GiB");
    if (a >= 1024.0 * 1024)
        return real(a / (1024.0 * 1024), 2) + QStringLiteral(" MiB");
    if (a >= 1024.0)
        return real(a / 1024.0, 1) + QStringLiteral(" KiB");
    return integer(v) + QStringLiteral(" B");
}

QString NumberFormat::shape(const TensorShape &s, bool isolate) const
{
    QStringList parts;
    for (int i = 0; i < s.rank; ++i) {
        QLocale plain = m_locale;
        plain.setNumberOptions(QLocale::OmitGroupSeparator);
        parts << plain.toString(s.dims[i]);
    }
    const QString text = parts.join(QChar(0x00D7));
    if (!isolate)
        return text;
    return QChar(0x2066) + text +
           QChar(0x2069); // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
}

QString NumberFormat::digits(const QString &latin) const
{
    if (m_latin)
        return latin;
    const QString zero = m_locale.zeroDigit();
    if (zero == QLatin1String("0"))
        return latin;
    QString out;
    out.reserve(latin.size());
    const char16_t z = zero.at(0).unicode();
    for (QChar c : latin) {
        if (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            out.append(QChar(char16_t(z + (c.unicode() - u'0'))));
        else if (c == QLatin1Char(','))
            out.append(m_locale.groupSeparator());
        else if (c == QLatin1Char('.'))
            out.append(m_locale.decimalPoint());
        else
            out.append(c);
    }
    return out;
}

} // namespace naqsh
