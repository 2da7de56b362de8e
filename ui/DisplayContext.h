#pragma once

#include "analysis/Convention.h"
#include "analysis/NumberFormat.h"

#include <QObject>

namespace naqsh {

/// How numbers are shown everywhere in the app: the FLOP convention, the activation dtype and
/// the number format (locale digits). One instance per main window; every view reads it and
/// repaints on changed().
class DisplayContext : public QObject
{
    Q_OBJECT
public:
    enum class HeatMode { Off, Macs, Params };
    Q_ENUM(HeatMode)
    /// Numbers an exercise hides from students (canvas, table, inspector show "?" instead).
    enum class Hidden { None = 0, Shapes = 1, Params = 2, Macs = 4 };
    Q_DECLARE_FLAGS(HiddenSet, Hidden)

    explicit DisplayContext(QObject *parent = nullptr)
        : QObject(parent)
    {
    }

    FlopConvention convention() const { return m_convention; }
    DType dtype() const { return m_dtype; }
    const NumberFormat &format() const { return m_format; }
    HeatMode heatMode() const { return m_heat; }
    HiddenSet hidden() const { return m_hidden; }
    bool isHidden(Hidden h) const { return m_hidden.testFlag(h); }
    /// The placeholder shown for a hidden number.
    static QString hiddenText() { return QStringLiteral("?"); }

    void setConvention(FlopConvention c)
    {
        if (c != m_convention) {
            m_convention = c;
            emit changed();
        }
    }
    void setDType(DType d)
    {
        if (d != m_dtype) {
            m_dtype = d;
            emit changed();
        }
    }
    void setFormat(const NumberFormat &f)
    {
        m_format = f;
        emit changed();
    }
    void setHeatMode(HeatMode h)
    {
        if (h != m_heat) {
            m_heat = h;
            emit changed();
        }
    }

    void setHidden(HiddenSet h)
    {
        if (h != m_hidden) {
            m_hidden = h;
            emit changed();
        }
    }

signals:
    void changed();

private:
    FlopConvention m_convention = FlopConvention::Flops;
    DType m_dtype = DType::FP32;
    NumberFormat m_format;
    HeatMode m_heat = HeatMode::Off;
    HiddenSet m_hidden;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DisplayContext::HiddenSet)

} // namespace naqsh
