#pragma once

#include <QVariant>
#include <QVector>

namespace naqsh {

/// The parameter values of one layer, aligned index by index with its LayerType's parameter
/// specs. Rules read them by index (each layer family has an enum of indexes), which keeps the
/// analysis free of string look-ups. Choice parameters hold the index of the chosen option.
class ParamValues
{
public:
    ParamValues() = default;
    explicit ParamValues(QVector<QVariant> values)
        : m_values(std::move(values))
    {
        m_numbers.resize(m_values.size());
        for (int i = 0; i < m_values.size(); ++i)
            m_numbers[i] = m_values[i].toDouble();
    }

    int size() const { return int(m_values.size()); }
    const QVariant &value(int index) const { return m_values.at(index); }
    void set(int index, const QVariant &value)
    {
        m_values[index] = value;
        m_numbers[index] = value.toDouble();
    }

    // Rules read numbers from a plain mirror: the analysis must not pay for QVariant conversions.
    // Every parameter is an integer below 2^53, a real, a bool (0/1) or a choice index.
    qint64 integer(int index) const { return qint64(m_numbers[index]); }
    double real(int index) const { return m_numbers[index]; }
    bool flag(int index) const { return m_numbers[index] != 0.0; }
    int choice(int index) const { return int(m_numbers[index]); }

    const QVector<QVariant> &values() const { return m_values; }
    bool operator==(const ParamValues &other) const { return m_values == other.m_values; }

private:
    QVector<QVariant> m_values;
    QVector<double> m_numbers;
};

} // namespace naqsh
