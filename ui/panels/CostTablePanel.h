#pragma once

#include "graph/LayerId.h"

#include <QWidget>

class QComboBox;
class QItemSelection;
class QLabel;
class QTableView;

namespace naqsh {

class CostTableModel;
class CostTableProxyModel;
class DisplayContext;
class Document;
class LayerSelection;

/// The cost table dock: a FLOP-convention and an activation-dtype chooser that set the
/// DisplayContext, above a sortable table of every layer (name, type, output shape, params,
/// MACs, FLOPs, activations, share of FLOPs drawn as a bar) with the totals row always last.
/// Clicking a header sorts (a third click returns to data-flow order). Selecting rows selects
/// the layers in the LayerSelection, and a selection made elsewhere selects and reveals the
/// rows, without feedback between the two.
class CostTablePanel : public QWidget
{
    Q_OBJECT
public:
    CostTablePanel(Document *document, LayerSelection *selection, DisplayContext *display,
                   QWidget *parent = nullptr);

    CostTableModel *model() const { return m_model; }
    CostTableProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    QComboBox *conventionCombo() const { return m_convention; }
    QComboBox *dtypeCombo() const { return m_dtype; }

signals:
    /// The user clicked a layer's cell (not the totals): @p column is a CostTableModel::Column.
    /// Connect ExplainPanel::showLayer to explain that number.
    void layerCellClicked(naqsh::LayerId id, int column);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void syncCombos();
    void onViewSelectionChanged();
    void selectFromLayerSelection();
    void fitColumns();

    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    CostTableModel *m_model;
    CostTableProxyModel *m_proxy;
    QTableView *m_view;
    QLabel *m_conventionLabel;
    QComboBox *m_convention;
    QLabel *m_dtypeLabel;
    QComboBox *m_dtype;
    bool m_syncing = false;
    bool m_fitPending = false;
};

} // namespace naqsh
