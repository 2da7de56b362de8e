#pragma once

#include "graph/LayerId.h"

#include <QWidget>

class QCustomPlot;
class QCPGraph;
class QLabel;
class QToolButton;

namespace naqsh {

class DisplayContext;
class Document;

/// The chart of Run › Measure on This Computer: measured milliseconds against predicted MACs,
/// one point per layer, both axes logarithmic, coloured by layer type. A diagonal marks this
/// computer's best rate in the document (the fastest layer's GMAC/s): layers on it are
/// compute-bound, layers far above it spend their time moving data (memory-bound). Layers
/// without MACs (activations, pooling, concatenation) cannot sit on a log axis and are counted
/// in the caption instead. Follows the document's measurement (stale: said in the title), the
/// display digits and the language; exports like the other charts.
class MeasuredChart : public QWidget
{
    Q_OBJECT
public:
    MeasuredChart(Document *document, DisplayContext *display, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    /// One graph per layer type drawn (legend order); each point's key is MACs, value ms.
    QVector<QCPGraph *> typeGraphs() const { return m_typeGraphs; }
    /// The layers drawn, in the order of their points (graph by graph).
    QVector<LayerId> drawnLayers() const { return m_drawn; }
    /// The best rate line (nullptr without a measurement).
    QCPGraph *rateLine() const { return m_rateLine; }
    /// The caption under the chart (what is drawn, what is left out, staleness).
    QString caption() const;
    /// The tooltip for the mouse at @p pos (plot pixels), or empty.
    QString toolTipAt(const QPoint &pos) const;
    QToolButton *exportButton() const { return m_export; }

public slots:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void retranslate();

    Document *m_doc;
    DisplayContext *m_display;
    QCustomPlot *m_plot;
    QLabel *m_caption;
    QToolButton *m_export;
    QVector<QCPGraph *> m_typeGraphs;
    QCPGraph *m_rateLine = nullptr;
    QVector<LayerId> m_drawn;
    QVector<QPair<QCPGraph *, LayerId>> m_points; ///< by point: its graph and layer
};

} // namespace naqsh
