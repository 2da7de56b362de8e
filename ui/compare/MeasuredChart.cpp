#include "MeasuredChart.h"

#include "ChartExporter.h"
#include "DisplayContext.h"
#include "Document.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QLabel>
#include <QMenu>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <cmath>
#include <qcustomplot.h>

namespace naqsh {

namespace {

const QColor kGrid(0xE3, 0xE6, 0xEA);
const QColor kAxis(0x70, 0x75, 0x7D);
const QColor kRate(0x60, 0x60, 0x60);
/// Distinct colours for layer types, in order of first appearance (Tableau 10).
const QColor kTypeColors[] = {{0x1F, 0x77, 0xB4}, {0xFF, 0x7F, 0x0E}, {0x2C, 0xA0, 0x2C},
                              {0xD6, 0x27, 0x28}, {0x94, 0x67, 0xBD}, {0x8C, 0x56, 0x4B},
                              {0xE3, 0x77, 0xC2}, {0x7F, 0x7F, 0x7F}, {0xBC, 0xBD, 0x22},
                              {0x17, 0xBE, 0xCF}};
constexpr double kHoverPixels = 10;

/// Log-axis ticks in NumberFormat digits: milliseconds and counts alike as 0.01, 1, 120 M.
class LogTicks : public QCPAxisTickerLog
{
public:
    explicit LogTicks(const NumberFormat &f, bool counts)
        : m_format(f)
        , m_counts(counts)
    {
    }

protected:
    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        if (m_counts) {
            static const struct
            {
                double scale;
                const char *suffix;
            } units[] = {{1e12, " T"}, {1e9, " G"}, {1e6, " M"}, {1e3, " K"}};
            for (const auto &u : units)
                if (tick >= u.scale)
                    return m_format.real(tick / u.scale, 0) + QLatin1String(u.suffix);
            return m_format.real(tick, 0);
        }
        const int decimals = std::clamp(int(std::ceil(-std::log10(tick) - 1e-9)), 0, 6);
        return m_format.real(tick, decimals);
    }

private:
    NumberFormat m_format;
    bool m_counts;
};

} // namespace

MeasuredChart::MeasuredChart(Document *document, DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_display(display)
    , m_plot(new QCustomPlot(this))
    , m_caption(new QLabel(this))
    , m_export(new QToolButton(this))
{
    setObjectName(QStringLiteral("measuredChart"));
    m_plot->setMinimumSize(300, 160);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_caption->setWordWrap(true);
    // A wrapped caption's minimum size hint grows with the font (presentation's 20 pt): it must
    // not raise the Charts dock's minimum height, so the other tabs keep their layout.
    m_caption->setMinimumSize(1, 1);
    m_export->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_export);
    for (ChartExporter::Format f :
         {ChartExporter::Format::Png, ChartExporter::Format::Pdf, ChartExporter::Format::Svg})
        menu->addAction(QString(), this, [this, f] {
            ChartExporter::exportInteractively(m_plot, f,
                                               QFileInfo(m_doc->displayName()).completeBaseName() +
                                                   QStringLiteral("-measured"),
                                               this);
        });
    m_export->setMenu(menu);
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_caption, 1);
    bar->addWidget(m_export, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    for (QCPAxis *axis : m_plot->axisRect()->axes()) {
        axis->setBasePen(QPen(kAxis));
        axis->setTickPen(QPen(kAxis));
        axis->setSubTickPen(QPen(kAxis));
        axis->setTickLabelColor(QColor(0x33, 0x33, 0x33));
        axis->grid()->setPen(QPen(kGrid, 1));
        axis->grid()->setSubGridPen(QPen(kGrid.lighter(104), 1, Qt::DotLine));
        axis->grid()->setSubGridVisible(true);
    }
    m_plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 220));
    // Bottom right is always empty: a point there would run faster than the best rate.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    connect(m_doc, &Document::measurementChanged, this, &MeasuredChart::refresh);
    connect(m_doc->model(), &GraphModel::layerRenamed, this, &MeasuredChart::refresh);
    connect(m_doc->model(), &GraphModel::graphReset, this, &MeasuredChart::refresh);
    connect(m_display, &DisplayContext::changed, this, &MeasuredChart::refresh);
    retranslate();
}

void MeasuredChart::retranslate()
{
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Save this chart as an image or a vector drawing"));
    const QList<QAction *> actions = m_export->menu()->actions();
    actions[0]->setText(tr("PNG image…"));
    actions[1]->setText(tr("PDF document (vector)…"));
    actions[2]->setText(tr("SVG drawing (vector)…"));
    refresh();
}

QString MeasuredChart::caption() const
{
    return m_caption->text();
}

void MeasuredChart::refresh()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_typeGraphs.clear();
    m_drawn.clear();
    m_points.clear();
    m_rateLine = nullptr;
    // Fonts follow the panel's (20 pt in presentation, where nothing may be smaller).
    const QFont base = font();
    auto scaled = [&](double factor) {
        QFont f = base;
        f.setPointSizeF(base.pointSizeF() * (base.pointSizeF() >= 20 ? 1.0 : factor));
        return f;
    };
    for (QCPAxis *axis : m_plot->axisRect()->axes()) {
        axis->setTickLabelFont(scaled(0.9));
        axis->setLabelFont(scaled(0.95));
    }
    m_plot->legend->setFont(scaled(0.95));
    const NumberFormat &f = m_display->format();
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LogTicks(f, true)));
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new LogTicks(f, false)));
    // A right-to-left label that starts with a Latin word ("MACهای …") needs a right-to-left
    // mark, or QPainter lays it out left to right.
    const QString rlm = layoutDirection() == Qt::RightToLeft ? QString(QChar(0x200F)) : QString();
    m_plot->xAxis->setLabel(rlm + tr("Predicted MACs (counted)"));
    m_plot->yAxis->setLabel(rlm + tr("Measured time (ms, median)"));

    if (!m_doc->hasMeasurement()) {
        m_caption->setText(tr("Choose Run › Measure on This Computer to time every layer: each "
                              "layer then appears here as a point, its measured time against "
                              "its counted MACs."));
        m_plot->legend->setVisible(false);
        m_plot->xAxis->setRange(1e5, 1e9);
        m_plot->yAxis->setRange(0.01, 10);
        m_plot->replot();
        return;
    }
    const StoredMeasurement &m = m_doc->measurement();
    const Graph &g = m_doc->model()->graph();
    const LayerRegistry &registry = m_doc->model()->registry();

    // One graph per type, in order of first appearance.
    QHash<QString, QCPGraph *> byType;
    int withoutMacs = 0;
    double best = 0; ///< the best GMAC/s
    LayerId bestLayer;
    double xmin = 1e300, xmax = 0, ymin = 1e300, ymax = 0;
    for (const LayerMeasurement &l : m.report.layers) {
        if (!l.executed || l.bytes <= 0)
            continue; // inputs, markers and layers that did not run
        if (l.macs <= 0 || l.medianMs <= 0) {
            ++withoutMacs;
            continue;
        }
        QCPGraph *graph = byType.value(l.type);
        if (!graph) {
            graph = m_plot->addGraph();
            const QColor color = kTypeColors[byType.size() % std::size(kTypeColors)];
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssDisc, color, color.lighter(120), 9));
            const LayerType *type = registry.find(l.type);
            graph->setName(type ? type->translatedName() : l.type);
            byType.insert(l.type, graph);
            m_typeGraphs.append(graph);
        }
        graph->addData(double(l.macs), l.medianMs);
        m_points.append({graph, l.id});
        m_drawn.append(l.id);
        xmin = std::min(xmin, double(l.macs));
        xmax = std::max(xmax, double(l.macs));
        ymin = std::min(ymin, l.medianMs);
        ymax = std::max(ymax, l.medianMs);
        if (l.gmacPerSecond() > best) {
            best = l.gmacPerSecond();
            bestLayer = l.id;
        }
    }
    m_plot->legend->setVisible(!m_typeGraphs.isEmpty());
    if (m_typeGraphs.isEmpty()) {
        m_caption->setText(tr("No layer of this network does multiply-accumulates: nothing to "
                              "place on the MACs axis."));
        m_plot->replot();
        return;
    }
    // Axes a little wider than the points, whole decades at least.
    const double x0 = std::pow(10.0, std::floor(std::log10(xmin)));
    const double x1 = std::pow(10.0, std::ceil(std::log10(xmax * 1.0001)));
    const double y0 = std::pow(10.0, std::floor(std::log10(ymin)));
    const double y1 = std::pow(10.0, std::ceil(std::log10(ymax * 1.0001)));
    m_plot->xAxis->setRange(x0, std::max(x1, x0 * 10));
    m_plot->yAxis->setRange(y0, std::max(y1, y0 * 10));

    // The best rate: time = MACs / rate. On log–log axes, a straight diagonal.
    if (best > 0) {
        m_rateLine = m_plot->addGraph();
        m_rateLine->setPen(QPen(kRate, 1.5, Qt::DashLine));
        const double xa = m_plot->xAxis->range().lower, xb = m_plot->xAxis->range().upper;
        m_rateLine->addData(xa, xa / best / 1e6);
        m_rateLine->addData(xb, xb / best / 1e6);
        m_rateLine->setName(rlm + tr("%1 GMAC/s (fastest layer)").arg(f.real(best, 1)));
    }

    const Layer *bl = g.layer(bestLayer);
    QString text = tr("One point per layer that does multiply-accumulates. On the dashed line a "
                      "layer runs at the document's best rate (%1); far above it, a layer waits "
                      "for memory: few MACs per byte it moves.")
                       .arg(bl ? bl->name : m.layer(bestLayer)->name);
    if (withoutMacs > 0)
        text += QLatin1Char(' ') +
                tr("%1 layer(s) without MACs (activations, pooling, joins) are left out.", nullptr,
                   withoutMacs)
                    .arg(f.integer(withoutMacs));
    if (m_doc->isMeasurementStale())
        text = tr("Measured before the last edit of the network; measure again.") +
               QLatin1Char(' ') + text;
    m_caption->setText(text);
    m_plot->replot();
}

QString MeasuredChart::toolTipAt(const QPoint &pos) const
{
    if (!m_doc->hasMeasurement())
        return {};
    const StoredMeasurement &m = m_doc->measurement();
    double bestDistance = kHoverPixels;
    const LayerMeasurement *hit = nullptr;
    for (const auto &[graph, id] : m_points) {
        const LayerMeasurement *l = m.layer(id);
        if (!l)
            continue;
        const double px = m_plot->xAxis->coordToPixel(double(l->macs));
        const double py = m_plot->yAxis->coordToPixel(l->medianMs);
        const double d = std::hypot(px - pos.x(), py - pos.y());
        if (d < bestDistance) {
            bestDistance = d;
            hit = l;
        }
    }
    if (!hit)
        return {};
    const NumberFormat &f = m_display->format();
    const Layer *layer = m_doc->model()->graph().layer(hit->id);
    const LayerType *type = m_doc->model()->registry().find(hit->type);
    return tr("<b>%1</b> · %2 · %3<br>%4 MACs in %5 ms: %6 GMAC/s<br>%7 MACs per byte moved")
        .arg((layer ? layer->name : hit->name).toHtmlEscaped(),
             (type ? type->translatedName() : hit->type).toHtmlEscaped(),
             translatedExecPath(hit->path).toHtmlEscaped(), f.integer(hit->macs),
             f.real(hit->medianMs, 3), f.real(hit->gmacPerSecond(), 1),
             f.real(hit->intensity(), 1));
}

bool MeasuredChart::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_plot);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void MeasuredChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::LayoutDirectionChange || event->type() == QEvent::FontChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace naqsh
