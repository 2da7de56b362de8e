#pragma once

#include "LayerType.h"

#include <QCoreApplication>
#include <QLocale>

// Helpers shared by the layer family files: parameter-spec builders, common input checks and
// the number formatting used inside formula text. Private to core/layers.
namespace naqsh::rules {

inline constexpr double kMaxDim = 1'000'000; // larger sizes are treated as typing mistakes

inline ParamSpec intParam(const char *key, const char *label, const char *help, qint64 def,
                          double min, double max, const char *pair = nullptr)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.help = help;
    s.kind = ParamKind::Int;
    s.defaultValue = QVariant(def);
    s.minimum = min;
    s.maximum = max;
    if (pair)
        s.pairKey = QString::fromLatin1(pair);
    return s;
}

inline ParamSpec realParam(const char *key, const char *label, const char *help, double def,
                           double min, double max, const char *pair = nullptr)
{
    ParamSpec s = intParam(key, label, help, 0, min, max, pair);
    s.kind = ParamKind::Real;
    s.defaultValue = QVariant(def);
    return s;
}

inline ParamSpec boolParam(const char *key, const char *label, const char *help, bool def)
{
    ParamSpec s = intParam(key, label, help, 0, 0, 1);
    s.kind = ParamKind::Bool;
    s.defaultValue = QVariant(def);
    return s;
}

inline ParamSpec choiceParam(const char *key, const char *label, const char *help, QStringList keys,
                             QVector<const char *> labels, int def)
{
    ParamSpec s = intParam(key, label, help, 0, 0, double(keys.size() - 1));
    s.kind = ParamKind::Choice;
    s.defaultValue = QVariant(def);
    s.choices = std::move(keys);
    s.choiceLabels = std::move(labels);
    return s;
}

inline QString tr(const char *text)
{
    return QCoreApplication::translate(kLayerContext, text);
}

/// Formats an integer with Latin digits and comma grouping for formula text ("120,422,400");
/// views re-localise digits.
inline QString num(qint64 v)
{
    QLocale c = QLocale::c();
    c.setNumberOptions(QLocale::DefaultNumberOptions);
    return c.toString(v);
}

/// Error unless there is exactly a 4-D input. @p what is the layer's display name.
inline QString needImage(std::span<const TensorShape> in, const char *what)
{
    if (in.empty() || !in[0].isValid())
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 has no input: connect a layer to it")
            .arg(tr(what));
    if (!in[0].isImage())
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 needs a 4-D input N×C×H×W, but its input is %2")
            .arg(tr(what), in[0].toString());
    return {};
}

inline QString needAny(std::span<const TensorShape> in, const char *what)
{
    if (in.empty() || !in[0].isValid())
        return QCoreApplication::translate("naqsh::layers",
                                           "%1 has no input: connect a layer to it")
            .arg(tr(what));
    return {};
}

/// Result dims must be positive and not absurd.
inline QString checkDims(const TensorShape &s)
{
    for (int i = 0; i < s.rank; ++i) {
        if (s.dims[i] <= 0)
            return QCoreApplication::translate(
                       "naqsh::layers",
                       "the output would have size %1 in dimension %2: it must be at least 1")
                .arg(s.dims[i])
                .arg(i);
        if (s.dims[i] > qint64(kMaxDim) * 1000)
            return QCoreApplication::translate(
                       "naqsh::layers",
                       "the output would have size %1 in dimension %2, which is too large")
                .arg(s.dims[i])
                .arg(i);
    }
    return {};
}

/// The name of dimension @p axis of @p s in its layout ("channels", "tokens"), or "dimension k".
inline QString dimLabel(const TensorShape &s, int axis)
{
    const QString letters = s.layoutLetters();
    const QChar letter = axis >= 0 && axis * 2 < letters.size() ? letters.at(axis * 2) : QChar();
    const TensorLayout layout = s.effectiveLayout();
    switch (letter.toLatin1()) {
    case 'N':
        return QCoreApplication::translate("naqsh::layers", "batch");
    case 'C':
        return QCoreApplication::translate("naqsh::layers", "channels");
    case 'H':
        return QCoreApplication::translate("naqsh::layers", "height");
    case 'W':
        return QCoreApplication::translate("naqsh::layers", "width");
    case 'F':
        return QCoreApplication::translate("naqsh::layers", "features");
    case 'L':
        return layout == TensorLayout::Sequence
                   ? QCoreApplication::translate("naqsh::layers", "tokens")
                   : QCoreApplication::translate("naqsh::layers", "length");
    case 'D':
        return layout == TensorLayout::Sequence
                   ? QCoreApplication::translate("naqsh::layers", "features per token")
                   : QCoreApplication::translate("naqsh::layers", "depth");
    default:
        return QCoreApplication::translate("naqsh::layers", "dimension %1").arg(axis);
    }
}

inline const char *axisName(bool height)
{
    return height ? QT_TRANSLATE_NOOP("naqsh::layers", "height")
                  : QT_TRANSLATE_NOOP("naqsh::layers", "width");
}

/// Parses a list of whole numbers written with commas, spaces or × between them ("0, -1, 768")
/// into @p out. On failure returns a message naming @p field.
inline QString parseInts(const QString &text, const char *field, QVector<qint64> *out)
{
    out->clear();
    QString t = text;
    t.replace(QChar(0x00D7), QLatin1Char(',')).replace(QLatin1Char(' '), QLatin1Char(','));
    for (const QString &part : t.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const qint64 v = part.toLongLong(&ok);
        if (!ok)
            return QCoreApplication::translate("naqsh::layers", "%1: \"%2\" is not a whole number")
                .arg(tr(field), part);
        out->append(v);
    }
    return {};
}

/// Normalises the axes in @p axes against @p rank (negative counts from the end), in place.
/// Fails on an axis out of range or given twice.
inline QString normaliseAxes(QVector<qint64> *axes, int rank, const char *field)
{
    for (qint64 &a : *axes) {
        const qint64 r = a < 0 ? a + rank : a;
        if (r < 0 || r >= rank)
            return QCoreApplication::translate("naqsh::layers",
                                               "%1: axis %2 does not exist in a tensor of rank %3")
                .arg(tr(field))
                .arg(a)
                .arg(rank);
        a = r;
    }
    for (int i = 0; i < axes->size(); ++i)
        for (int j = i + 1; j < axes->size(); ++j)
            if (axes->at(i) == axes->at(j))
                return QCoreApplication::translate("naqsh::layers", "%1: axis %2 is given twice")
                    .arg(tr(field))
                    .arg(axes->at(i));
    return {};
}

inline ParamSpec listParam(const char *key, const char *label, const char *help, const char *def)
{
    ParamSpec s;
    s.key = QString::fromLatin1(key);
    s.label = label;
    s.help = help;
    s.kind = ParamKind::Text;
    s.defaultValue = QVariant(QString::fromLatin1(def));
    return s;
}

/// The shape as "1 × 3 × 4" for formula text.
inline QString dimsText(const TensorShape &s)
{
    QStringList parts;
    for (int i = 0; i < s.rank; ++i)
        parts << QString::number(s.dims[i]);
    return parts.isEmpty() ? QStringLiteral("1") : parts.join(QStringLiteral(" × "));
}

inline QString times()
{
    return QStringLiteral(" × ");
}

} // namespace naqsh::rules
