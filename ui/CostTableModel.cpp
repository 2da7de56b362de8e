#include "CostTableModel.h"

#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QBrush>
#include <QFont>

namespace naqsh {

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

void CostTableModel::rebuildRows()
{
    beginResetModel();
    m_rows = m_analyzer->result().order;
    for (LayerId id : m_model->graph().layerIds())
        if (!m_rows.contains(id))
            m_rows.append(id);
    m_rowOf.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_rowOf.insert(m_rows[i], i);
    endResetModel();
}

void CostTableModel::onAnalysisUpdated(const QVector<LayerId> &changed)
{
    const Graph &g = m_model->graph();
    bool rowsChanged = g.size() != m_rows.size();
    if (!rowsChanged) {
        const QVector<LayerId> &order = m_analyzer->result().order;
        for (int i = 0; i < order.size() && !rowsChanged; ++i)
            rowsChanged = m_rows[i] != order[i];
    }
    if (rowsChanged) {
        rebuildRows();
        return;
    }
    Q_UNUSED(changed);
    // Shares depend on the total, so every row's share may change; values only for `changed`.
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()), ColumnCount - 1));
}

int CostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size()) + 1;
}

int CostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
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
        return tr("Activations (%1)").arg(dtypeKey(m_dtype));
    case Share:
        return tr("Share");
    }
    return {};
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const AnalysisResult &result = m_analyzer->result();
    const int bpe = bytesPerElement(m_dtype);
    const qint64 totalFlops = flops(result.totals, m_convention).value();
    if (isTotalsRow(index.row())) {
        const Costs &t = result.totals;
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == LayerIdRole)
            return QVariant::fromValue(LayerId());
        const bool display = role == Qt::DisplayRole;
        if (!display && role != SortRole && role != Qt::TextAlignmentRole)
            return {};
        if (role == Qt::TextAlignmentRole)
            return index.column() >= Params ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
        switch (index.column()) {
        case Name:
            return display ? QVariant(tr("Total")) : QVariant();
        case Params:
            return display ? QVariant(m_format.integer(t.params().value())) : QVariant(t.params().value());
        case Macs:
            return display ? QVariant(m_format.integer(t.macs.value())) : QVariant(t.macs.value());
        case Flops:
            return display ? QVariant(m_format.integer(totalFlops)) : QVariant(totalFlops);
        case Activations:
            return display ? QVariant(m_format.bytes(t.activations.value() * bpe)) : QVariant(t.activations.value());
        case Share:
            return display ? QVariant(m_format.percent(totalFlops > 0 ? 1.0 : 0.0)) : QVariant(1.0);
        default:
            return {};
        }
    }
    const LayerId id = layerAt(index.row());
    const Layer *layer = m_model->graph().layer(id);
    const LayerResult *r = result.layer(id);
    if (!layer)
        return {};
    if (role == LayerIdRole)
        return QVariant::fromValue(id);
    const bool numbers = r && r->hasNumbers();
    if (role == Qt::ToolTipRole && !numbers)
        return result.errorText(m_model->graph(), id);
    if (role == Qt::ForegroundRole && !numbers)
        return QBrush(QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Params ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    const bool display = role == Qt::DisplayRole;
    if (!display && role != SortRole)
        return {};
    const LayerType *type = m_model->registry().find(layer->type);
    switch (index.column()) {
    case Name:
        return layer->name;
    case Type:
        return type ? type->translatedName() : layer->type;
    case Shape:
        if (!numbers)
            return display ? QVariant(tr("error")) : QVariant();
        return m_format.shape(r->output, display);
    default:
        break;
    }
    if (!numbers)
        return {};
    const Costs &c = r->costs;
    switch (index.column()) {
    case Params:
        return display ? QVariant(m_format.integer(c.params().value())) : QVariant(c.params().value());
    case Macs:
        return display ? QVariant(m_format.integer(c.macs.value())) : QVariant(c.macs.value());
    case Flops: {
        const qint64 f = flops(c, m_convention).value();
        return display ? QVariant(m_format.integer(f)) : QVariant(f);
    }
    case Activations:
        return display ? QVariant(m_format.bytes(c.activations.value() * bpe)) : QVariant(c.activations.value());
    case Share: {
        const double s = totalFlops > 0 ? double(flops(c, m_convention).value()) / double(totalFlops) : 0.0;
        return display ? QVariant(m_format.percent(s)) : QVariant(s);
    }
    default:
        return {};
    }
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
    m_format = format;
    emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace naqsh
