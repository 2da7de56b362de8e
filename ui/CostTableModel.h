#pragma once

#include "analysis/AnalysisResult.h"
#include "analysis/Convention.h"
#include "analysis/NumberFormat.h"

#include <QAbstractTableModel>

namespace naqsh {

class Analyzer;
class GraphModel;

/// The cost table: one row per layer in data-flow order plus a totals row, over the Analyzer's
/// latest result. Values change with dataChanged; the model resets only when rows change.
class CostTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Type, Shape, Params, Macs, Flops, Activations, Share, ColumnCount };
    /// Role giving the raw number of a cell (qint64 or double), for sorting and exports.
    static constexpr int SortRole = Qt::UserRole + 1;
    /// Role giving the LayerId of a row (invalid for the totals row).
    static constexpr int LayerIdRole = Qt::UserRole + 2;

    CostTableModel(GraphModel *model, Analyzer *analyzer, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setConvention(FlopConvention c);
    FlopConvention convention() const { return m_convention; }
    void setDType(DType d);
    DType dtype() const { return m_dtype; }
    void setNumberFormat(const NumberFormat &format);

    int rowOf(LayerId id) const { return m_rowOf.value(id, -1); }
    LayerId layerAt(int row) const { return row >= 0 && row < m_rows.size() ? m_rows[row] : LayerId(); }
    bool isTotalsRow(int row) const { return row == m_rows.size(); }

private:
    void onAnalysisUpdated(const QVector<LayerId> &changed);
    void rebuildRows();

    GraphModel *m_model;
    Analyzer *m_analyzer;
    QVector<LayerId> m_rows;
    QHash<LayerId, int> m_rowOf;
    FlopConvention m_convention = FlopConvention::Flops;
    DType m_dtype = DType::FP32;
    NumberFormat m_format;
};

} // namespace naqsh
