#pragma once

#include "analysis/NumberFormat.h"

#include <qcustomplot.h>

#include <cmath>
#include <type_traits>

namespace naqsh {

/// A QCustomPlot axis ticker whose labels come from NumberFormat, so that chart ticks follow the
/// display digits (Persian ۱۲۰ M) like every other number in Naqsh. @p Base is QCPAxisTicker
/// (linear axes) or QCPAxisTickerLog (log axes). Only included by chart sources, to keep
/// qcustomplot.h out of widely included headers.
template<class Base> class LocalizedTicker : public Base
{
public:
    enum class Style {
        Compact, ///< 120 M, 2.5 K: counts of operations and parameters
        Bytes,   ///< 98 KiB, 1.5 MiB: memory (linear ticks fall on whole KiB, MiB, ...)
        Integer, ///< 1,024: sweep parameter values
        Percent  ///< 25%: shares (the value is in percent)
    };

    explicit LocalizedTicker(const NumberFormat &format = NumberFormat(),
                             Style style = Style::Compact)
        : m_format(format)
        , m_style(style)
    {
    }
    void setFormat(const NumberFormat &format) { m_format = format; }
    void setStyle(Style style) { m_style = style; }

    /// The label of @p value in @p style, with as few decimals as the value needs.
    static QString label(double value, const NumberFormat &format, Style style)
    {
        if (style == Style::Integer)
            return format.integer(qint64(std::llround(value)));
        if (style == Style::Percent)
            return format.percent(value / 100.0);
        struct Unit
        {
            double scale;
            const char *suffix;
        };
        static const Unit counts[] = {{1e12, " T"}, {1e9, " G"}, {1e6, " M"}, {1e3, " K"}};
        static const Unit bytes[] = {
            {1024.0 * 1024 * 1024, " GiB"}, {1024.0 * 1024, " MiB"}, {1024.0, " KiB"}};
        const double a = std::abs(value);
        const Unit *begin = style == Style::Bytes ? std::begin(bytes) : std::begin(counts);
        const Unit *end = style == Style::Bytes ? std::end(bytes) : std::end(counts);
        for (const Unit *u = begin; u != end; ++u)
            if (a >= u->scale)
                return trimmed(value / u->scale, format) + QLatin1String(u->suffix);
        return trimmed(value, format) + (style == Style::Bytes ? QStringLiteral(" B") : QString());
    }

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        return label(tick, m_format, m_style);
    }

    double getTickStep(const QCPRange &range) override
    {
        if constexpr (std::is_same_v<Base, QCPAxisTicker>) {
            // Memory ticks on whole binary units: 25 KiB, not 24.41 KiB.
            if (m_style == Style::Bytes) {
                double unit = 1;
                while (unit < 1024.0 * 1024 * 1024 && range.upper >= unit * 1024 * 2)
                    unit *= 1024;
                const double exact = range.size() / unit / double(std::max(this->tickCount(), 1));
                return unit * std::max(this->cleanMantissa(exact), 1.0);
            }
        }
        return Base::getTickStep(range);
    }

private:
    static QString trimmed(double v, const NumberFormat &format)
    {
        // 25 M, 2.5 M, 0.25 M: the fewest decimals (up to two) that show the value.
        for (int d = 0; d < 2; ++d) {
            const double scaled = v * std::pow(10.0, d);
            if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, std::abs(scaled)))
                return format.real(v, d);
        }
        return format.real(v, 2);
    }

    NumberFormat m_format;
    Style m_style;
};

using LinearTicker = LocalizedTicker<QCPAxisTicker>;
using LogTicker = LocalizedTicker<QCPAxisTickerLog>;

} // namespace naqsh
