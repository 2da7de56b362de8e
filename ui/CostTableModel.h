#pragma once

#include "analysis/AnalysisResult.h"
#include "analysis/Convention.h"
#include "analysis/NumberFormat.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace naqsh {

class Analyzer;
class DisplayContext;
struct StoredMeasurement;
class GraphModel;

/// The cost table: one row per layer in data-flow order plus a totals row (always the last
/// row), over the Analyzer's latest result. Values change with dataChanged (the edited layers'
/// rows, every row's share, the totals); the model resets only when the set or order of rows
/// changes. Numbers are formatted through NumberFormat under a FLOP convention and an
/// activation dtype, set directly or followed from a DisplayContext.
class CostTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Name,
        Type,
        Shape,
        Params,
        Macs,
        Flops,
        Activations,
        Share,
        // Run › Measure on This Computer (empty until a measurement exists).
        TimeMs,    ///< median over the timed runs
        SpreadMs,  ///< interquartile range over the timed runs
        GmacPerS,  ///< MACs / median time
        Intensity, ///< MACs per byte moved (inputs + weights + outputs, float32)
        Algorithm, ///< the executor's path ("im2col + GEMM", "1×1 GEMM", …)
        ColumnCount
    };
    static constexpr int FirstMeasuredColumn = TimeMs;
    /// Role giving the raw value of a cell, for sorting and exports: qint64 counts (activations
    /// in elements, the shape as its element count), a double share in 0..1, strings for the
    /// name and type; invalid where a layer has no number (an error, or an operation count
    /// that is unknown for an imported operator).
    static constexpr int SortRole = Qt::UserRole + 1;
    /// Role giving the LayerId of a row (invalid for the totals row).
    static constexpr int LayerIdRole = Qt::UserRole + 2;
    /// Role that is true on the totals row.
    static constexpr int TotalsRole = Qt::UserRole + 3;

    CostTableModel(GraphModel *model, Analyzer *analyzer, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    /// Layer rows are selectable; the totals row is not.
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    void setConvention(FlopConvention c);
    FlopConvention convention() const { return m_convention; }
    void setDType(DType d);
    DType dtype() const { return m_dtype; }
    void setNumberFormat(const NumberFormat &format);
    const NumberFormat &numberFormat() const { return m_format; }
    /// Takes convention, dtype and number format from @p display now and whenever it changes
    /// (nullptr stops following).
    void setDisplayContext(DisplayContext *display);
    /// Re-emits headers and texts after a language change (type names, "Total", errors).
    void retranslate();

    /// The measurement shown in the measured columns (owned by the document; nullptr for none)
    /// and whether it is stale (drawn grey, with a tooltip saying so).
    void setMeasurement(const StoredMeasurement *measurement, bool stale);
    bool hasMeasurement() const;
    bool measurementStale() const { return m_stale; }

    int rowOf(LayerId id) const { return m_rowOf.value(id, -1); }
    LayerId layerAt(int row) const
    {
        return row >= 0 && row < m_rows.size() ? m_rows[row] : LayerId();
    }
    bool isTotalsRow(int row) const { return row == m_rows.size(); }
    int totalsRow() const { return int(m_rows.size()); }

private:
    void onAnalysisUpdated(const QVector<LayerId> &changed);
    QVector<LayerId> wantedRows() const;
    void rebuildRows();
    void applyDisplay();
    QVariant totalsData(int column, int role) const;
    QVariant measuredData(LayerId id, int column, int role) const;
    QVariant measuredTotals(int column, int role) const;

    GraphModel *m_model;
    Analyzer *m_analyzer;
    QPointer<DisplayContext> m_display;
    /// Exercise mode: is this number hidden from students?
    bool hidden(int what) const;
    QMetaObject::Connection m_displayConnection;
    QVector<LayerId> m_rows;
    QHash<LayerId, int> m_rowOf;
    FlopConvention m_convention = FlopConvention::Flops;
    DType m_dtype = DType::FP32;
    NumberFormat m_format;
    const StoredMeasurement *m_measurement = nullptr;
    bool m_stale = false;
    double m_totalMs = 0;
    double m_totalSpreadMs = 0;
    qint64 m_totalMacs = 0;
};

} // namespace naqsh
