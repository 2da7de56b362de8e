#include "AnswerCheck.h"

#include <QRegularExpression>
#include <cmath>

namespace naqsh {

namespace {

/// Maps Persian (U+06F0..) and Arabic-Indic (U+0660..) digits and separators to ASCII.
QString normalise(const QString &in)
{
    QString out;
    for (QChar c : in) {
        const char16_t u = c.unicode();
        if (u >= 0x06F0 && u <= 0x06F9)
            out.append(QChar(u'0' + (u - 0x06F0)));
        else if (u >= 0x0660 && u <= 0x0669)
            out.append(QChar(u'0' + (u - 0x0660)));
        else if (u == 0x066B) // Arabic decimal separator
            out.append(QLatin1Char('.'));
        else if (u == 0x066C || u == 0x060C || c == QLatin1Char(',') || c == QLatin1Char('\'') ||
                 c.isSpace() || u == 0x200C || u == 0x2066 || u == 0x2069 || u == 0x200E ||
                 u == 0x200F)
            continue; // group separators, spaces, direction marks
        else
            out.append(c);
    }
    return out;
}

struct Parsed
{
    double value;
    double tolerance; ///< half a unit of the last written digit, times the suffix scale
};

std::optional<Parsed> parse(const QString &answer)
{
    const QString s = normalise(answer).toUpper();
    static const QRegularExpression re(QStringLiteral("^([0-9]+)(?:\\.([0-9]+))?([KMGT]?)$"));
    const auto m = re.match(s);
    if (!m.hasMatch())
        return std::nullopt;
    const QString whole = m.captured(1), frac = m.captured(2), suffix = m.captured(3);
    double scale = 1;
    if (suffix == QLatin1String("K"))
        scale = 1e3;
    else if (suffix == QLatin1String("M"))
        scale = 1e6;
    else if (suffix == QLatin1String("G"))
        scale = 1e9;
    else if (suffix == QLatin1String("T"))
        scale = 1e12;
    const double value =
        (whole + (frac.isEmpty() ? QString() : QLatin1Char('.') + frac)).toDouble() * scale;
    const double tolerance = suffix.isEmpty() && frac.isEmpty()
                                 ? 0.0
                                 : 0.5 * std::pow(10.0, -double(frac.size())) * scale;
    return Parsed{value, tolerance};
}

} // namespace

std::optional<qint64> parseAnswerNumber(const QString &answer)
{
    const auto p = parse(answer);
    if (!p || p->value > 9.0e18)
        return std::nullopt;
    return qint64(std::llround(p->value));
}

std::optional<QVector<qint64>> parseAnswerShape(const QString &answer)
{
    QString s = normalise(answer);
    s.replace(QChar(0x00D7), QLatin1Char('x'))
        .replace(QLatin1Char('*'), QLatin1Char('x'))
        .replace(QLatin1Char('X'), QLatin1Char('x'));
    s.remove(QLatin1Char('('))
        .remove(QLatin1Char(')'))
        .remove(QLatin1Char('['))
        .remove(QLatin1Char(']'));
    const QStringList parts = s.split(QLatin1Char('x'));
    if (parts.size() < 2 || parts.size() > 4)
        return std::nullopt;
    QVector<qint64> dims;
    for (const QString &p : parts) {
        bool ok = false;
        const qint64 v = p.toLongLong(&ok);
        if (!ok || v <= 0)
            return std::nullopt;
        dims.append(v);
    }
    return dims;
}

bool checkNumberAnswer(const QString &answer, qint64 expected)
{
    const auto p = parse(answer);
    if (!p)
        return false;
    return std::abs(p->value - double(expected)) <= p->tolerance + 1e-9;
}

bool checkShapeAnswer(const QString &answer, const TensorShape &expected)
{
    const auto dims = parseAnswerShape(answer);
    if (!dims)
        return false;
    const QVector<qint64> full = expected.toVector();
    if (*dims == full)
        return true;
    // Without the batch dimension.
    return full.size() > 1 && *dims == full.mid(1);
}

} // namespace naqsh
