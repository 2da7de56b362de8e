#pragma once

#include "BarFit.h"
#include "ChartExporter.h"
#include "VariantResolver.h"
#include "analysis/Sweep.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCPAxisRect;
class QCPLayoutGrid;
class QCPBars;
class QCPBarsGroup;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;
class QCustomPlot;
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTimer;
class QPushButton;

namespace naqsh {

class DisplayContext;
class Document;
class MeasuredChart;

/// Three live QCustomPlot charts of the document's comparison variants, in tabs:
///
/// 1. Grouped bars: parameters, compute (MACs under the "macs" convention, FLOPs under the
///    others) and activation memory (in the display dtype), one panel per quantity with its own
///    axis, one bar per variant (QCPBarsGroup), linear or log axis, the B-vs-A ratio above each
///    panel and exact localized values in hover tooltips.
/// 2. Stacked bars: one bar per variant and one segment per layer (moveAbove), so the 5×5
///    after the 1×1 is seen to dominate the reduced path; legend with layer names.
/// 3. Sweep: a preset (sweepPresets) or a custom layer parameter and range; MACs or parameters
///    of each variant over the range, A drawn as the reference line, the break-even point
///    (where B stops paying off) and the current value marked.
///
/// Colours follow VariantPalette (A blue, B orange) like the compare panel; tick labels and
/// tooltips go through NumberFormat (Persian digits); titles are translated and retranslated
/// on LanguageChange. Every chart exports as PNG (with a DPI), PDF and SVG (vector).
/// Updates follow Analyzer::analysisUpdated, GraphModel::variantsChanged and
/// DisplayContext::changed; the sweep, which re-analyses the graph at every point, is
/// recomputed on a short timer after a burst of edits.
class ChartsPanel : public QWidget
{
    Q_OBJECT
public:
    enum class Chart { Bars, Stacked, Sweep };
    enum class Quantity { Params, Compute, Memory };
    enum class SweepMetric { Macs, Params };

    ChartsPanel(Document *document, DisplayContext *display, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    /// The fourth tab: measured time against counted MACs (Run › Measure on This Computer).
    MeasuredChart *measuredChart() const { return m_measured; }
    QCustomPlot *barsPlot() const { return m_barsPlot; }
    QCustomPlot *stackedPlot() const { return m_stackedPlot; }
    QCustomPlot *sweepPlot() const { return m_sweepPlot; }
    QCustomPlot *plot(Chart chart) const;

    int variantA() const { return m_a; }
    int variantB() const { return m_b; }

    // Grouped bars.
    bool logScale() const { return m_log; }
    void setLogScale(bool log);
    /// The bar of variant @p variant (index in the document's list) in the panel of @p q, or
    /// nullptr when that variant is not drawn (it has an error).
    QCPBars *bars(Quantity q, int variant) const;

    // Stacked bars.
    Quantity stackedQuantity() const { return m_stackedQuantity; }
    void setStackedQuantity(Quantity q);
    /// Each bar as 100%: segments show their share of the variant (exact values stay in the
    /// tooltips and in each segment's "exact" property).
    bool stackedShares() const { return m_shares; }
    void setStackedShares(bool shares);
    /// The segments of variant @p variant, bottom to top. Each segment's "layerName" property holds
    /// the layer name (or is empty for the "other layers" segment).
    QVector<QCPBars *> segments(int variant) const;

    // Sweep.
    QComboBox *sweepPresetCombo() const { return m_preset; }
    /// The presets offered for the document (the picker's entries before "Custom").
    const QVector<SweepPreset> &sweepPresets() const { return m_presets; }
    void selectSweepPreset(int index);
    /// Sweeps a custom parameter (the picker shows "Custom").
    void setSweepSpec(const SweepSpec &spec);
    const SweepSpec &sweepSpec() const { return m_spec; }
    SweepMetric sweepMetric() const { return m_metric; }
    void setSweepMetric(SweepMetric metric);
    /// The line of variant @p variant in the sweep, or nullptr.
    QCPGraph *sweepGraph(int variant) const;
    /// x where B reaches A for the shown metric, as marked on the chart.
    std::optional<double> breakEven() const { return m_breakEven; }
    QCPItemStraightLine *breakEvenLine() const { return m_breakEvenLine; }
    QCPItemStraightLine *currentLine() const { return m_currentLine; }
    /// The swept parameter's value in the document (marked on the chart).
    qint64 sweepCurrent() const { return m_sweep.current; }
    /// The sweep's caption under its title: the break-even in words, or why there is none.
    QString sweepCaption() const;

    /// The tooltip the chart shows with the mouse at @p pos (plot coordinates), or empty.
    QString toolTipAt(Chart chart, const QPoint &pos) const;
    /// Saves @p chart to @p path in the format of its suffix (.png, .pdf, .svg).
    bool exportChart(Chart chart, const QString &path, int dpi = 96, QSize size = {},
                     QString *error = nullptr);

    /// Re-reads the application font for titles, ticks, labels and the legend (presentation
    /// mode makes it 20 pt) and redraws.
    void updateFonts();
    /// Presentation: the Totals tab shows the MACs panel alone, large.
    void setPresenting(bool on);
    bool isPresenting() const { return m_presenting; }

public slots:
    /// The compared pair (indexes into the document's variants), e.g. from
    /// ComparePanel::pairChanged. Default: the first two variants.
    void setPair(int a, int b);
    /// Recomputes and redraws every chart now, the sweep included.
    void refresh();
    /// Recomputes the sweep now.
    void refreshSweep();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWidget *buildBarsTab();
    QWidget *buildStackedTab();
    QWidget *buildSweepTab();
    QPushButton *makeExportButton(Chart chart);
    void retranslate();
    void onDocumentChanged();
    void resolve();
    void rebuildBars();
    void fitBars();
    void rebuildStacked();
    void rebuildSweepControls();
    void rebuildSweepChart();
    void scheduleSweep();
    void onCustomSweepEdited();
    void fillParamCombo();
    QVector<int> drawOrder() const;
    QString variantLabel(int index) const;
    QString isolated(const QString &text) const;
    QString phrase(const QString &text) const;
    QColor variantColor(int index) const;
    qint64 quantityValue(Quantity q, const Costs &costs) const;
    QString quantityTitle(Quantity q) const;
    QString quantityNoun(Quantity q) const;
    QString exactValue(Quantity q, qint64 value) const;
    QString chartBaseName(Chart chart) const;
    void styleAxes(QCPAxisRect *rect) const;
    void applyFonts();
    void onMouseMove(Chart chart, const QPoint &pos);

    Document *m_doc;
    DisplayContext *m_display;
    VariantResolver m_resolver;
    QVector<ResolvedVariant> m_variants;
    int m_a = 0;
    int m_b = 1;
    bool m_pairSet = false; ///< setPair was called: keep the caller's pair

    QTabWidget *m_tabs;
    MeasuredChart *m_measured;

    // Grouped bars.
    QCustomPlot *m_barsPlot;
    QComboBox *m_scale;
    QLabel *m_scaleLabel;
    QVector<QCPAxisRect *> m_barRects;               ///< one per Quantity
    QVector<QCPTextElement *> m_barTitles;           ///< one per Quantity
    QVector<QCPTextElement *> m_barRatios;           ///< one per Quantity
    QVector<QCPBarsGroup *> m_barGroups;             ///< one per Quantity
    QHash<int, QVector<QCPBars *>> m_barsByQuantity; ///< Quantity -> bars by variant index
    QVector<BarPanel> m_barFits;                     ///< the panels drawn, for fitBarPanel
    int m_fitPasses = 0;                             ///< replots asked for in a row by fitBars
    bool m_log = false;

    // Stacked bars.
    QCustomPlot *m_stackedPlot;
    QComboBox *m_stackedWhat;
    QLabel *m_stackedLabel;
    QCPTextElement *m_stackedTitle;
    QVector<QVector<QCPBars *>> m_segments; ///< by variant index, bottom to top
    QCheckBox *m_shareBox;
    Quantity m_stackedQuantity = Quantity::Compute;
    bool m_shares = false;

    // Sweep.
    QCustomPlot *m_sweepPlot;
    QCPTextElement *m_sweepTitle;
    QCPTextElement *m_sweepInfo;
    QLabel *m_presetLabel;
    QComboBox *m_preset;
    QLabel *m_metricLabel;
    QComboBox *m_metricCombo;
    QLabel *m_layerLabel;
    QComboBox *m_layer;
    QLabel *m_paramLabel;
    QComboBox *m_param;
    QLabel *m_fromLabel;
    QSpinBox *m_from;
    QLabel *m_toLabel;
    QSpinBox *m_to;
    QLabel *m_stepLabel;
    QSpinBox *m_step;
    QTimer *m_sweepTimer;
    QVector<SweepPreset> m_presets;
    QString m_presetKey; ///< the chosen preset's keys ("out_channels"); empty: custom
    SweepSpec m_spec;
    SweepResult m_sweep;
    QVector<QCPGraph *> m_sweepGraphs; ///< by variant index
    std::optional<double> m_breakEven;
    QCPItemStraightLine *m_breakEvenLine = nullptr;
    QCPItemStraightLine *m_currentLine = nullptr;
    SweepMetric m_metric = SweepMetric::Macs;
    bool m_syncing = false;

    QVector<QPushButton *> m_exportButtons;
    QCPLayoutGrid *m_barPanels = nullptr;
    bool m_presenting = false;
};

} // namespace naqsh
