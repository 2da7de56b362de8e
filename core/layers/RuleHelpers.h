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
        return QCoreApplication::translate("naqsh::layers", "%1 has no input: connect a layer to it").arg(tr(what));
    if (!in[0].isImage())
        return QCoreApplication::translate("naqsh::layers", "%1 needs a 4-D input N×C×H×W, but its input is %2")
            .arg(tr(what), in[0].toString());
    return {};
}

inline QString needAny(std::span<const TensorShape> in, const char *what)
{
    if (in.empty() || !in[0].isValid())
        return QCoreApplication::translate("naqsh::layers", "%1 has no input: connect a layer to it").arg(tr(what));
    return {};
}

/// Result dims must be positive and not absurd.
inline QString checkDims(const TensorShape &s)
{
    for (int i = 0; i < s.rank; ++i) {
        if (s.dims[i] <= 0)
            return QCoreApplication::translate("naqsh::layers", "the output would have size %1 in dimension %2: it must be at least 1")
                .arg(s.dims[i])
                .arg(i);
        if (s.dims[i] > qint64(kMaxDim) * 1000)
            return QCoreApplication::translate("naqsh::layers", "the output would have size %1 in dimension %2, which is too large")
                .arg(s.dims[i])
                .arg(i);
    }
    return {};
}

inline const char *axisName(bool height)
{
    return height ? QT_TRANSLATE_NOOP("naqsh::layers", "height")
                  : QT_TRANSLATE_NOOP("naqsh::layers", "width");
}

inline QString times()
{
    return QStringLiteral(" × ");
}

} // namespace naqsh::rules
