#pragma once

#include "analysis/Convention.h"
#include "graph/LayerId.h"
#include "layers/LayerType.h"

#include <QWidget>

class QTextBrowser;
class QUrl;

namespace naqsh {

class DisplayContext;
class Document;
class LayerSelection;

/// "Show your work": how each number of the current layer is made. For the layer, the worked
/// formulas of explainLayer (output size, MACs, parameters, other operations, FLOPs under the
/// display convention, activation memory in the display dtype) as a readable list: the
/// quantity in bold, the formula with its numbers filled in (digits localized through
/// NumberFormat::digits and kept left to right inside right-to-left text with LRI/PDI
/// isolates), and a one-line reason under it. Beside them, the teaching notes about this layer
/// as gentle callouts, and a compact list of every note in the document (a click selects the
/// layer). Never modal; follows the selection, the analysis, the DisplayContext and the
/// language.
class ExplainPanel : public QWidget
{
    Q_OBJECT
public:
    ExplainPanel(Document *document, LayerSelection *selection, DisplayContext *display,
                 QWidget *parent = nullptr);

    LayerId layer() const { return m_layer; }
    int focusColumn() const { return m_focus; }
    /// The explanation as plain text (what a reader sees, isolates included).
    QString text() const;
    /// The formula lines last shown (Latin digits, as explainLayer made them).
    const QVector<FormulaLine> &lines() const { return m_lines; }
    /// Indexes into lines() highlighted for the focused cost-table column.
    QVector<int> highlightedLines() const { return m_highlighted; }
    QTextBrowser *view() const { return m_view; }

public slots:
    /// Explains @p id; @p focusColumn (a CostTableModel::Column: Shape, Params, Macs, Flops,
    /// Activations) highlights the matching lines and scrolls to them; -1 highlights none.
    /// Connect a cost-table cell click here.
    void showLayer(naqsh::LayerId id, int focusColumn = -1);
    /// Renders again from the latest analysis and display settings.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void onSelectionChanged();
    void onAnchorClicked(const QUrl &url);
    /// The cost-table column a formula line belongs to, or -1.
    static int columnOf(const FormulaLine &line, FlopConvention convention);
    QString localized(const QString &latin) const;
    /// The measured section (time, GMAC/s, MACs per byte and why), or empty.
    QString measuredHtml(const QString &dir, const QString &align, const QString &mono) const;
    QString localizedNumbers(const QString &text) const;

    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    QTextBrowser *m_view;
    LayerId m_layer;
    int m_focus = -1;
    QVector<FormulaLine> m_lines;
    QVector<int> m_highlighted;
};

} // namespace naqsh
