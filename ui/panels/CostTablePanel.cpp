#include "CostTablePanel.h"

#include "CostTableDelegate.h"
#include "CostTableModel.h"
#include "CostTableProxyModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace naqsh {

CostTablePanel::CostTablePanel(Document *document, LayerSelection *selection,
                               DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_selection(selection)
    , m_display(display)
    , m_model(new CostTableModel(document->model(), document->analyzer(), this))
    , m_proxy(new CostTableProxyModel(this))
    , m_view(new QTableView(this))
    , m_conventionLabel(new QLabel(this))
    , m_convention(new QComboBox(this))
    , m_dtypeLabel(new QLabel(this))
    , m_dtype(new QComboBox(this))
{
    m_model->setDisplayContext(display);
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    m_convention->setObjectName(QStringLiteral("conventionCombo"));
    m_dtype->setObjectName(QStringLiteral("dtypeCombo"));
    m_convention->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_dtype->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_conventionLabel->setBuddy(m_convention);
    m_dtypeLabel->setBuddy(m_dtype);
    for (const QString &key : conventionKeys())
        m_convention->addItem(QString(), key);
    for (DType d : {DType::FP32, DType::FP16, DType::INT8})
        m_dtype->addItem(QString(), dtypeKey(d));
    bar->addWidget(m_conventionLabel);
    bar->addWidget(m_convention);
    bar->addSpacing(12);
    bar->addWidget(m_dtypeLabel);
    bar->addWidget(m_dtype);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_view->setObjectName(QStringLiteral("costTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegate(new CostTableDelegate(CostTableModel::Share, m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setResizeContentsPrecision(200);
    header->setHighlightSections(false);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    header->setSortIndicatorClearable(true);
    m_view->setSortingEnabled(true);
    layout->addWidget(m_view, 1);

    connect(m_convention, &QComboBox::currentIndexChanged, this, [this](int i) {
        FlopConvention c;
        if (!m_syncing && conventionFromKey(m_convention->itemData(i).toString(), &c))
            m_display->setConvention(c);
    });
    connect(m_dtype, &QComboBox::currentIndexChanged, this, [this](int i) {
        DType d;
        if (!m_syncing && dtypeFromKey(m_dtype->itemData(i).toString(), &d))
            m_display->setDType(d);
    });
    connect(m_display, &DisplayContext::changed, this, [this] {
        syncCombos();
        fitColumns();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CostTablePanel::onViewSelectionChanged);
    connect(m_view, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        const LayerId id = index.data(CostTableModel::LayerIdRole).value<LayerId>();
        if (id.isValid())
            emit layerCellClicked(id, index.column());
    });
    connect(m_selection, &LayerSelection::selectionChanged, this,
            &CostTablePanel::selectFromLayerSelection);
    // A reset (rows added, removed or reordered) drops the view's selection: restore it.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        selectFromLayerSelection();
        fitColumns();
    });
    // An edit that makes a number longer widens its column (at most once per event loop):
    // a number being checked is never elided.
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_fitPending)
            return;
        m_fitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_fitPending = false;
            fitColumns();
        });
    });

    // Run › Measure on This Computer: the measured columns appear with a measurement.
    auto showMeasurement = [this] {
        m_model->setMeasurement(&m_doc->measurement(), m_doc->isMeasurementStale());
        for (int c = CostTableModel::FirstMeasuredColumn; c < CostTableModel::ColumnCount; ++c)
            m_view->setColumnHidden(c, !m_doc->hasMeasurement());
        fitColumns();
    };
    connect(m_doc, &Document::measurementChanged, this, showMeasurement);
    showMeasurement();

    retranslate();
    syncCombos();
    fitColumns();
    selectFromLayerSelection();
}

void CostTablePanel::retranslate()
{
    m_conventionLabel->setText(tr("&FLOPs:"));
    m_dtypeLabel->setText(tr("&Activations in:"));
    for (int i = 0; i < m_convention->count(); ++i) {
        FlopConvention c;
        if (conventionFromKey(m_convention->itemData(i).toString(), &c))
            m_convention->setItemText(i, conventionDisplayName(c));
    }
    m_convention->setToolTip(tr("How FLOPs are counted from MACs and the other operations; tools "
                                "disagree, so Naqsh names the rule"));
    for (int i = 0; i < m_dtype->count(); ++i) {
        DType d;
        if (dtypeFromKey(m_dtype->itemData(i).toString(), &d))
            m_dtype->setItemText(
                i, bytesPerElement(d) == 1
                       ? tr("%1 (1 byte per value)").arg(dtypeKey(d))
                       : tr("%1 (%2 bytes per value)").arg(dtypeKey(d)).arg(bytesPerElement(d)));
    }
    m_dtype->setToolTip(tr("Element type used to turn activation counts into memory"));
    m_model->retranslate();
    fitColumns();
}

void CostTablePanel::syncCombos()
{
    m_syncing = true;
    m_convention->setCurrentIndex(m_convention->findData(conventionKey(m_display->convention())));
    m_dtype->setCurrentIndex(m_dtype->findData(dtypeKey(m_display->dtype())));
    m_syncing = false;
}

void CostTablePanel::fitColumns()
{
    // Contents plus air between neighbouring numbers.
    const int air = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 2;
    for (int c = 0; c < CostTableModel::ColumnCount - 1; ++c) {
        if (m_view->isColumnHidden(c))
            continue;
        m_view->resizeColumnToContents(c);
        m_view->setColumnWidth(c, m_view->columnWidth(c) + air);
    }
    // Names and types should not swallow the numbers.
    const int maxText = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 18;
    for (int c : {int(CostTableModel::Name), int(CostTableModel::Type)})
        if (m_view->columnWidth(c) > maxText)
            m_view->setColumnWidth(c, maxText);
}

void CostTablePanel::onViewSelectionChanged()
{
    if (m_syncing)
        return;
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QVector<LayerId> ids;
    for (const QModelIndex &row : std::as_const(rows)) {
        const LayerId id = row.data(CostTableModel::LayerIdRole).value<LayerId>();
        if (id.isValid())
            ids.append(id);
    }
    m_syncing = true;
    m_selection->setSelection(ids);
    m_syncing = false;
}

void CostTablePanel::selectFromLayerSelection()
{
    if (m_syncing)
        return;
    m_syncing = true;
    QItemSelection wanted;
    QModelIndex first;
    for (LayerId id : m_selection->layers()) {
        const int sourceRow = m_model->rowOf(id);
        if (sourceRow < 0)
            continue;
        const QModelIndex left = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
        const QModelIndex right =
            m_proxy->mapFromSource(m_model->index(sourceRow, CostTableModel::ColumnCount - 1));
        wanted.select(left, right);
        if (!first.isValid() || left.row() < first.row())
            first = left;
    }
    QItemSelectionModel *sm = m_view->selectionModel();
    sm->select(wanted, QItemSelectionModel::ClearAndSelect);
    if (first.isValid()) {
        sm->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_view->scrollTo(first, QAbstractItemView::EnsureVisible);
    }
    m_syncing = false;
}

void CostTablePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace naqsh
