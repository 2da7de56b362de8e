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
    explicit ParamValues(QVector<QVariant> values) : m_values(std::move(values)) {}

    int size() const { return int(m_values.size()); }
    const QVariant &value(int index) const { return m_values.at(index); }
    void set(int index, const QVariant &value) { m_values[index] = value; }

    qint64 integer(int index) const { return m_values.at(index).toLongLong(); }
    double real(int index) const { return m_values.at(index).toDouble(); }
    bool flag(int index) const { return m_values.at(index).toBool(); }
    int choice(int index) const { return m_values.at(index).toInt(); }

    const QVector<QVariant> &values() const { return m_values; }
    bool operator==(const ParamValues &other) const { return m_values == other.m_values; }

private:
    QVector<QVariant> m_values;
};

} // namespace naqsh
