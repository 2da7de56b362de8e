#include "CostTableModel.h"

#include "DisplayContext.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QBrush>
#include <QFont>
#include <QSet>
#include <algorithm>

namespace naqsh {

namespace {

const QColor kErrorColor(0xc6, 0x28, 0x28);
const QColor kStaleColor(0x90, 0x90, 0x90);

/// Milliseconds with the digits that matter at their size.
QString msText(const NumberFormat &f, double ms)
{
    return f.real(ms, ms >= 100 ? 1 : ms >= 1 ? 2 : 3);
}

QString rateText(const NumberFormat &f, double v)
{
    return f.real(v, v >= 10 ? 1 : 2);
}

} // namespace

CostTableModel::CostTableModel(GraphModel *model, Analyzer *analyzer, QObject *parent)
    : QAbstractTableModel(parent)
    , m_model(model)
    , m_analyzer(analyzer)
{
    connect(analyzer, &Analyzer::analysisUpdated, this, &CostTableModel::onAnalysisUpdated);
    connect(model, &GraphModel::layerRenamed, this, [this](LayerId id) {
        const int row = rowOf(id);
        if (row >= 0)
            emit dataChanged(index(row, Name), index(row, Name));
    });
    rebuildRows();
}

QVector<LayerId> CostTableModel::wantedRows() const
{
    QVector<LayerId> rows = m_analyzer->result().order;
    const Graph &g = m_model->graph();
    if (rows.size() != g.size()) {
        // Layers on a cycle have no place in the data-flow order: they follow it, in graph order.
        const QSet<LayerId> placed(rows.begin(), rows.end());
        for (LayerId id : g.layerIds())
            if (!placed.contains(id))
                rows.append(id);
    }
    return rows;
}

void CostTableModel::rebuildRows()
{
    beginResetModel();
    m_rows = wantedRows();
    m_rowOf.clear();
    m_rowOf.reserve(m_rows.size());
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i], i);
    endResetModel();
}

void CostTableModel::onAnalysisUpdated(const QVector<LayerId> &changed)
{
    if (wantedRows() != m_rows) {
        rebuildRows();
        return;
    }
    // The changed layers' rows, as few contiguous ranges as possible.
    QVector<int> rows;
    rows.reserve(changed.size());
    for (LayerId id : changed)
        if (const int row = rowOf(id); row >= 0)
            rows.append(row);
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    constexpr int kMaxRanges = 32;
    int ranges = 0;
    for (int i = 0; i < rows.size(); ++i)
        ranges += (i == 0 || rows[i] != rows[i - 1] + 1) ? 1 : 0;
    if (ranges > kMaxRanges) {
        emit dataChanged(index(rows.first(), 0), index(rows.last(), ColumnCount - 1));
    } else {
        for (int i = 0; i < rows.size();) {
            int j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
                ++j;
            emit dataChanged(index(rows[i], 0), index(rows[j], ColumnCount - 1));
            i = j + 1;
        }
    }
    // Every share depends on the total; the totals row sums everything.
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Share), index(totalsRow() - 1, Share));
    emit dataChanged(index(totalsRow(), 0), index(totalsRow(), ColumnCount - 1));
}

int CostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int CostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

Qt::ItemFlags CostTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return isTotalsRow(index.row()) ? Qt::ItemIsEnabled : Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole)
        return section >= Params && section != Algorithm
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimeMs:
            return tr("Measured on this computer: the median time of the layer over the timed "
                      "runs (Run › Measure on This Computer)");
        case SpreadMs:
            return tr("Spread of the measured time: the interquartile range over the timed runs");
        case GmacPerS:
            return tr("Billions of multiply-accumulates per second this layer achieved: MACs "
                      "divided by its median time");
        case Intensity:
            return tr("Arithmetic intensity: MACs per byte the layer reads and writes at least "
                      "once (input, weights and output in float32). Few MACs per byte: the "
                      "layer waits for memory, and achieves fewer GMAC/s");
        case Algorithm:
            return tr("How the executor computed the layer");
        case Params:
            return tr("Trainable parameters: weights plus bias");
        case Macs:
            return tr("Multiply-accumulate operations for the whole batch, bias excluded");
        case Flops:
            return conventionDisplayName(m_convention);
        case Activations:
            return tr("Memory of each layer's output tensor in %1").arg(dtypeKey(m_dtype));
        case Share:
            return tr("Share of the model's FLOPs");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Layer");
    case Type:
        return tr("Type");
    case Shape:
        return tr("Output shape");
    case Params:
        return tr("Params");
    case Macs:
        return tr("MACs");
    case Flops:
        return m_convention == FlopConvention::MacsOnly ? tr("FLOPs (= MACs)") : tr("FLOPs");
    case Activations:
        // Bytes on screen; the exports give element counts under "Activations (elements)".
        return tr("Activation memory (%1)").arg(dtypeKey(m_dtype));
    case Share:
        return tr("Share");
    case TimeMs:
        return tr("Time (ms)");
    case SpreadMs:
        return tr("Spread (ms)");
    case GmacPerS:
        return tr("GMAC/s");
    case Intensity:
        return tr("MACs/byte");
    case Algorithm:
        return tr("Algorithm");
    }
    return {};
}

QVariant CostTableModel::totalsData(int column, int role) const
{
    const AnalysisResult &result = m_analyzer->result();
    const Costs &t = result.totals;
    if (role == Qt::FontRole) {
        QFont f;
        f.setBold(true);
        return f;
    }
    if (role == LayerIdRole)
        return QVariant::fromValue(LayerId());
    if (role == TotalsRole)
        return true;
    if (column >= FirstMeasuredColumn)
        return measuredTotals(column, role);
    if (role == Qt::TextAlignmentRole)
        return column >= Params ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role == Qt::ToolTipRole && column == Name && result.layersWithoutNumbers() > 0)
        return result.layersWithoutNumbers() == 1
                   ? tr("The totals leave out one layer without numbers")
                   : tr("The totals leave out %1 layers without numbers")
                         .arg(m_format.integer(result.layersWithoutNumbers()));
    const bool display = role == Qt::DisplayRole;
    if (!display && role != SortRole)
        return {};
    const qint64 totalFlops = flops(t, m_convention).value();
    switch (column) {
    case Name:
        return display ? QVariant(tr("Total")) : QVariant();
    case Params:
        return display ? QVariant(m_format.integer(t.params().value()))
                       : QVariant(t.params().value());
    case Macs:
        return display ? QVariant(m_format.integer(t.macs.value())) : QVariant(t.macs.value());
    case Flops:
        return display ? QVariant(m_format.integer(totalFlops)) : QVariant(totalFlops);
    case Activations:
        return display ? QVariant(m_format.bytes(activationBytes(t.activations, m_dtype).value()))
                       : QVariant(t.activations.value());
    case Share:
        if (isTooLarge(totalFlops))
            return display ? QVariant(tooLargeText()) : QVariant();
        return display ? QVariant(m_format.percent(totalFlops > 0 ? 1.0 : 0.0)) : QVariant(1.0);
    default:
        return {};
    }
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() > m_rows.size())
        return {};
    if (isTotalsRow(index.row()))
        return totalsData(index.column(), role);
    const AnalysisResult &result = m_analyzer->result();
    const LayerId id = layerAt(index.row());
    const Layer *layer = m_model->graph().layer(id);
    const LayerResult *r = result.layer(id);
    if (!layer)
        return {};
    if (role == LayerIdRole)
        return QVariant::fromValue(id);
    if (role == TotalsRole)
        return false;
    if (index.column() >= FirstMeasuredColumn)
        return measuredData(id, index.column(), role);
    const bool numbers = r && r->hasNumbers();
    const LayerType *type = m_model->registry().find(layer->type);
    const bool opsKnown = !type || type->costKnown;
    const bool opsColumn =
        index.column() == Macs || index.column() == Flops || index.column() == Share;
    if (role == Qt::ToolTipRole) {
        if (!numbers)
            return result.errorText(m_model->graph(), id);
        if (opsColumn && !opsKnown)
            return tr("Naqsh cannot count the operations of this imported operator; the totals "
                      "leave them out");
        if (index.column() == Type && type)
            return type->translatedHelp();
        return {};
    }
    if (role == Qt::ForegroundRole && !numbers)
        return QBrush(kErrorColor);
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Params ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    const bool display = role == Qt::DisplayRole;
    if (!display && role != SortRole)
        return {};
    switch (index.column()) {
    case Name:
        return layer->name;
    case Type:
        return type ? type->translatedName() : layer->type;
    case Shape:
        if (!numbers)
            return display ? QVariant(tr("error")) : QVariant();
        if (display && hidden(int(DisplayContext::Hidden::Shapes)))
            return DisplayContext::hiddenText();
        return display ? QVariant(m_format.shape(r->output, true))
                       : QVariant(r->output.elements().value());
    default:
        break;
    }
    if (!numbers)
        return {};
    const Costs &c = r->costs;
    if (opsColumn && !opsKnown)
        return display ? QVariant(tr("unknown")) : QVariant();
    if (display && ((index.column() == Params && hidden(int(DisplayContext::Hidden::Params))) ||
                    ((index.column() == Macs || index.column() == Flops) &&
                     hidden(int(DisplayContext::Hidden::Macs)))))
        return DisplayContext::hiddenText();
    switch (index.column()) {
    case Params:
        return display ? QVariant(m_format.integer(c.params().value()))
                       : QVariant(c.params().value());
    case Macs:
        return display ? QVariant(m_format.integer(c.macs.value())) : QVariant(c.macs.value());
    case Flops: {
        const qint64 f = flops(c, m_convention).value();
        return display ? QVariant(m_format.integer(f)) : QVariant(f);
    }
    case Activations:
        return display ? QVariant(m_format.bytes(activationBytes(c.activations, m_dtype).value()))
                       : QVariant(c.activations.value());
    case Share: {
        const qint64 total = flops(result.totals, m_convention).value();
        const qint64 mine = flops(c, m_convention).value();
        // A count too large for 64 bits has no share; neither has any layer of a total that is.
        if (isTooLarge(mine))
            return display ? QVariant(tooLargeText()) : QVariant();
        if (isTooLarge(total))
            return display ? QVariant(QStringLiteral("—")) : QVariant();
        const double s = total > 0 ? double(mine) / double(total) : 0.0;
        return display ? QVariant(m_format.percent(s)) : QVariant(s);
    }
    default:
        return {};
    }
}

QVariant CostTableModel::measuredData(LayerId id, int column, int role) const
{
    if (!m_measurement || m_measurement->isEmpty())
        return {};
    const LayerMeasurement *m = m_measurement->layer(id);
    if (role == Qt::TextAlignmentRole)
        return column == Algorithm ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole)
        return m_stale             ? QVariant(QBrush(kStaleColor))
               : m && !m->executed ? QVariant(QBrush(kErrorColor))
                                   : QVariant();
    if (role == Qt::FontRole) {
        if (!m_stale)
            return {};
        QFont f;
        f.setItalic(true);
        return f;
    }
    const NumberFormat &f = m_format;
    if (role == Qt::ToolTipRole) {
        if (m_stale)
            return tr("Measured before the last edit of the network: choose Run › Measure on "
                      "This Computer again");
        if (!m)
            return tr("Not measured: the layer was added after the measurement");
        if (!m->executed)
            return tr("Did not run: %1").arg(m->problem);
        if (column == Intensity && m->bytes > 0)
            return tr("%1 MACs for %2 read and written").arg(f.integer(m->macs), f.bytes(m->bytes));
        if ((column == TimeMs || column == SpreadMs) && !m->timesMs.isEmpty())
            return tr("Median of %1 runs: from %2 ms to %3 ms")
                .arg(f.integer(m->timesMs.size()), msText(f, m->minMs), msText(f, m->maxMs));
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    if (!m || (!display && role != SortRole))
        return {};
    if (!m->executed)
        return column == TimeMs && display ? QVariant(tr("did not run")) : QVariant();
    const bool timed = m->bytes > 0; // a kernel ran (inputs and markers have none)
    const QString none = QStringLiteral("—");
    switch (column) {
    case TimeMs:
        if (!timed)
            return display ? QVariant(none) : QVariant();
        return display ? QVariant(msText(f, m->medianMs)) : QVariant(m->medianMs);
    case SpreadMs:
        if (!timed)
            return display ? QVariant(none) : QVariant();
        return display ? QVariant(msText(f, m->iqrMs)) : QVariant(m->iqrMs);
    case GmacPerS:
        if (!timed || m->macs <= 0 || m->medianMs <= 0)
            return display ? QVariant(none) : QVariant();
        return display ? QVariant(rateText(f, m->gmacPerSecond())) : QVariant(m->gmacPerSecond());
    case Intensity:
        if (!timed || m->macs <= 0)
            return display ? QVariant(none) : QVariant();
        return display ? QVariant(rateText(f, m->intensity())) : QVariant(m->intensity());
    case Algorithm:
        return translatedExecPath(m->path);
    default:
        return {};
    }
}

QVariant CostTableModel::measuredTotals(int column, int role) const
{
    if (!m_measurement || m_measurement->isEmpty())
        return {};
    if (role == Qt::TextAlignmentRole)
        return column == Algorithm ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole)
        return m_stale ? QVariant(QBrush(kStaleColor)) : QVariant();
    if (role == Qt::ToolTipRole && column == TimeMs)
        return tr("The network's time: per run, the sum of every layer's time; the median "
                  "over %1 runs")
            .arg(m_format.integer(m_measurement->report.repeat));
    const bool display = role == Qt::DisplayRole;
    if (!display && role != SortRole)
        return {};
    switch (column) {
    case TimeMs:
        return display ? QVariant(msText(m_format, m_totalMs)) : QVariant(m_totalMs);
    case SpreadMs:
        return display ? QVariant(msText(m_format, m_totalSpreadMs)) : QVariant(m_totalSpreadMs);
    case GmacPerS: {
        const double rate = m_totalMs > 0 ? double(m_totalMacs) / m_totalMs / 1e6 : 0.0;
        return display ? QVariant(rateText(m_format, rate)) : QVariant(rate);
    }
    default:
        return {};
    }
}

void CostTableModel::setMeasurement(const StoredMeasurement *measurement, bool stale)
{
    m_measurement = measurement && !measurement->isEmpty() ? measurement : nullptr;
    m_stale = stale;
    m_totalMs = m_totalSpreadMs = 0;
    m_totalMacs = 0;
    if (m_measurement) {
        QVector<LayerId> ids;
        for (const LayerMeasurement &l : m_measurement->report.layers)
            ids.append(l.id);
        const PathTime t = pathTime(*m_measurement, ids);
        m_totalMs = t.medianMs;
        m_totalSpreadMs = t.iqrMs;
        m_totalMacs = t.macs;
    }
    emit headerDataChanged(Qt::Horizontal, FirstMeasuredColumn, ColumnCount - 1);
    emit dataChanged(index(0, FirstMeasuredColumn), index(rowCount() - 1, ColumnCount - 1));
}

bool CostTableModel::hasMeasurement() const
{
    return m_measurement != nullptr;
}

bool CostTableModel::hidden(int what) const
{
    return m_display && m_display->hidden().testFlag(DisplayContext::Hidden(what));
}

void CostTableModel::setConvention(FlopConvention c)
{
    if (m_convention == c)
        return;
    m_convention = c;
    emit headerDataChanged(Qt::Horizontal, Flops, Flops);
    emit dataChanged(index(0, Flops), index(rowCount() - 1, Share));
}

void CostTableModel::setDType(DType d)
{
    if (m_dtype == d)
        return;
    m_dtype = d;
    emit headerDataChanged(Qt::Horizontal, Activations, Activations);
    emit dataChanged(index(0, Activations), index(rowCount() - 1, Activations));
}

void CostTableModel::setNumberFormat(const NumberFormat &format)
{
    if (format.locale() == m_format.locale() && format.latinDigits() == m_format.latinDigits())
        return;
    m_format = format;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CostTableModel::setDisplayContext(DisplayContext *display)
{
    disconnect(m_displayConnection);
    m_display = display;
    if (!display)
        return;
    m_displayConnection =
        connect(display, &DisplayContext::changed, this, &CostTableModel::applyDisplay);
    applyDisplay();
}

void CostTableModel::applyDisplay()
{
    if (!m_display)
        return;
    setConvention(m_display->convention());
    setDType(m_display->dtype());
    setNumberFormat(m_display->format());
}

void CostTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace naqsh
