#include "ExplainPanel.h"

#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "MeasuredExplain.h"
#include "analysis/Analyzer.h"
#include "analysis/Explain.h"
#include "analysis/TeachingNotes.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCoreApplication>
#include <QEvent>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace naqsh {

namespace {

constexpr QChar kLri(0x2066); ///< LEFT-TO-RIGHT ISOLATE
constexpr QChar kPdi(0x2069); ///< POP DIRECTIONAL ISOLATE

QString isolate(const QString &ltr)
{
    return kLri + ltr + kPdi;
}

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

} // namespace

ExplainPanel::ExplainPanel(Document *document, LayerSelection *selection, DisplayContext *display,
                           QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_selection(selection)
    , m_display(display)
    , m_view(new QTextBrowser(this))
{
    m_view->setOpenLinks(false);
    m_view->setOpenExternalLinks(false);
    m_view->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    connect(m_view, &QTextBrowser::anchorClicked, this, &ExplainPanel::onAnchorClicked);
    connect(m_selection, &LayerSelection::selectionChanged, this,
            &ExplainPanel::onSelectionChanged);
    connect(m_doc->analyzer(), &Analyzer::analysisUpdated, this, &ExplainPanel::refresh);
    connect(m_doc->model(), &GraphModel::graphReset, this, &ExplainPanel::refresh);
    connect(m_display, &DisplayContext::changed, this, &ExplainPanel::refresh);
    connect(m_doc, &Document::measurementChanged, this, &ExplainPanel::refresh);
    m_layer = m_selection->current();
    refresh();
}

QString ExplainPanel::text() const
{
    return m_view->toPlainText();
}

void ExplainPanel::showLayer(LayerId id, int focusColumn)
{
    m_layer = id;
    m_focus = focusColumn;
    refresh();
    if (!m_highlighted.isEmpty())
        m_view->scrollToAnchor(QStringLiteral("focus"));
}

void ExplainPanel::onSelectionChanged()
{
    const LayerId id = m_selection->current();
    // A cost-cell click may have set the focus just before (or just after) selecting the row:
    // keep it for the same layer.
    if (id == m_layer)
        return;
    showLayer(id, -1);
}

void ExplainPanel::onAnchorClicked(const QUrl &url)
{
    if (url.scheme() != QLatin1String("layer"))
        return;
    bool ok = false;
    const quint64 value = url.path().toULongLong(&ok);
    if (ok && m_doc->model()->graph().contains(LayerId(value)))
        m_selection->setSelection({LayerId(value)});
}

void ExplainPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LayoutDirectionChange)
        refresh();
    QWidget::changeEvent(event);
}

int ExplainPanel::columnOf(const FormulaLine &line, FlopConvention convention)
{
    // Quantities are translated when explainLayer makes them; compare with the same
    // translations made now (never with user text).
    const QString &q = line.quantity;
    if (q == QCoreApplication::translate("naqsh::layers", "Output height") ||
        q == QCoreApplication::translate("naqsh::layers", "Output width") ||
        q == QCoreApplication::translate("naqsh::layers", "Output channels") ||
        q == QCoreApplication::translate("naqsh::layers", "Output") ||
        q == QCoreApplication::translate("naqsh::layers", "Features") ||
        q == QCoreApplication::translate("naqsh::Explain", "Output shape"))
        return CostTableModel::Shape;
    if (q == QCoreApplication::translate("naqsh::layers", "Parameters") ||
        q == QCoreApplication::translate("naqsh::layers", "Buffers"))
        return CostTableModel::Params;
    if (q == QCoreApplication::translate("naqsh::layers", "MACs"))
        return CostTableModel::Macs;
    if (q ==
        QCoreApplication::translate("naqsh::Explain", "FLOPs (%1)").arg(conventionKey(convention)))
        return CostTableModel::Flops;
    if (q == QCoreApplication::translate("naqsh::Explain", "Activation memory") ||
        q == QCoreApplication::translate("naqsh::layers", "Activations"))
        return CostTableModel::Activations;
    return -1;
}

QString ExplainPanel::measuredHtml(const QString &dir, const QString &align,
                                   const QString &mono) const
{
    // Run › Measure on This Computer: time, speed and arithmetic intensity, and why.
    const MeasuredExplanation m = explainMeasured(*m_doc, m_layer, m_display->format());
    if (m.isEmpty())
        return {};
    QString html = QStringLiteral("<h4 dir='%1' style='margin-top:12px;margin-bottom:2px'>%2</h4>")
                       .arg(dir, esc(m.title));
    if (!m.stale.isEmpty())
        html += QStringLiteral("<p dir='%1' style='color:#7A5A00'>%2</p>").arg(dir, esc(m.stale));
    html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='5'>");
    for (const MeasuredExplanation::Line &line : m.lines)
        html += QStringLiteral("<tr><td dir='%1' align='%2' style='border-bottom:1px solid #EEE'>"
                               "<b>%3</b><br><span style=\"font-family:%4\">%5</span></td></tr>")
                    .arg(dir, align, esc(line.quantity), mono, esc(line.formula));
    html += QStringLiteral("</table>");
    for (const QString &text : {m.why, m.compare})
        if (!text.isEmpty())
            html += QStringLiteral("<table width='100%' cellpadding='8' style='margin-top:6px;"
                                   "background:#F1F7EC;color:#274317'><tr><td dir='%1'>%2"
                                   "</td></tr></table>")
                        .arg(dir, esc(text));
    return html;
}

QString ExplainPanel::localized(const QString &latin) const
{
    return m_display->format().digits(latin);
}

QString ExplainPanel::localizedNumbers(const QString &text) const
{
    // In sentences only the numbers change digits: commas and full stops between words stay
    // punctuation, and names such as fp32 keep theirs.
    static const QRegularExpression number(QStringLiteral("(?<![A-Za-z_\\d])\\d+(?:[.,]\\d+)*"));
    QString out;
    qsizetype last = 0;
    for (auto it = number.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        out += localized(m.captured());
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}

void ExplainPanel::refresh()
{
    // After a reset the result may still describe the previous graph: bring it up to date.
    m_doc->analyzer()->flush();
    const Graph &g = m_doc->model()->graph();
    const AnalysisResult &result = m_doc->analyzer()->result();
    const bool rtl = layoutDirection() == Qt::RightToLeft;
    const QString dir = rtl ? QStringLiteral("rtl") : QStringLiteral("ltr");
    const QString align = rtl ? QStringLiteral("right") : QStringLiteral("left");
    m_lines.clear();
    m_highlighted.clear();

    // Fonts that have Persian glyphs: the application font for text, a monospace with a
    // proportional fallback for formulas (Qt falls back per glyph where one lacks a digit).
    const QString mono = QStringLiteral("'DejaVu Sans Mono', 'Noto Sans Mono', monospace");
    QString html = QStringLiteral("<html><body dir='%1' style='margin:6px'>").arg(dir);

    const Layer *layer = g.layer(m_layer);
    const LayerType *type = layer ? m_doc->model()->registry().find(layer->type) : nullptr;
    const LayerResult *r = layer ? result.layer(m_layer) : nullptr;
    if (!layer || !type) {
        html += QStringLiteral("<p dir='%1' style='color:#666'>%2</p>")
                    .arg(dir, esc(tr("Select a layer, or click a cell of the cost table, to see "
                                     "how each of its numbers is made.")));
    } else {
        html += QStringLiteral("<h3 dir='%1' style='margin-bottom:2px'>%2 "
                               "<span style='font-weight:normal;color:#666'>· %3</span></h3>")
                    .arg(dir, esc(layer->name), esc(type->translatedName()));
        if (!r || !r->hasNumbers()) {
            html += QStringLiteral("<table width='100%' cellpadding='8' "
                                   "style='background:#FBEAE8;color:#7A1F16;margin-top:6px'>"
                                   "<tr><td dir='%1'>%2</td></tr></table>")
                        .arg(dir, esc(tr("No numbers yet: %1").arg(result.errorText(g, m_layer))));
        } else {
            html +=
                QStringLiteral("<p dir='%1' style='color:#444;margin-top:0'>%2 %3</p>")
                    .arg(dir, esc(tr("Output:")), esc(m_display->format().shape(r->output, true)));
            const QVector<TensorShape> inputs = result.inputShapes(g, m_layer);
            m_lines = explainLayer(
                *type, layer->params, std::span<const TensorShape>(inputs.data(), inputs.size()),
                r->output, r->costs, m_display->convention(), m_display->dtype());
            html += QStringLiteral("<table width='100%' cellspacing='0' cellpadding='5'>");
            bool anchored = false;
            for (int i = 0; i < m_lines.size(); ++i) {
                const FormulaLine &line = m_lines[i];
                const bool focused =
                    m_focus >= 0 && columnOf(line, m_display->convention()) == m_focus;
                if (focused)
                    m_highlighted.append(i);
                QString cell;
                if (focused && !anchored) {
                    cell += QStringLiteral("<a name='focus'></a>");
                    anchored = true;
                }
                cell += QStringLiteral("<b>%1</b><br>").arg(esc(localizedNumbers(line.quantity)));
                cell += QStringLiteral("<span style=\"font-family:%1;font-size:large\">%2</span>")
                            .arg(mono, esc(isolate(localized(line.formula))));
                if (!line.reason.isEmpty())
                    cell += QStringLiteral("<br><span style='color:#555'>%1</span>")
                                .arg(esc(localizedNumbers(line.reason)));
                html += QStringLiteral("<tr><td dir='%1' align='%2' style='%3'>%4</td></tr>")
                            .arg(dir, align,
                                 focused ? QStringLiteral("background:#FFF3C4;border-%1:3px solid "
                                                          "#E0B000")
                                               .arg(rtl ? QStringLiteral("right")
                                                        : QStringLiteral("left"))
                                         : QStringLiteral("border-bottom:1px solid #EEE"),
                                 cell);
            }
            html += QStringLiteral("</table>");
        }
        html += measuredHtml(dir, align, mono);
    }

    // Teaching notes: this layer's first, as callouts; then all of them, compactly.
    const QVector<TeachingNote> notes = teachingNotes(g, result);
    for (const TeachingNote &n : notes) {
        if (n.layer != m_layer)
            continue;
        html += QStringLiteral("<table width='100%' cellpadding='8' style='margin-top:8px;"
                               "background:#EAF2FB;color:#173B5C'><tr><td dir='%1'>"
                               "<b>%2</b><br>%3</td></tr></table>")
                    .arg(dir, esc(n.title), esc(localizedNumbers(n.text)));
    }
    if (!notes.isEmpty()) {
        html += QStringLiteral("<p dir='%1' style='margin-top:12px;margin-bottom:2px'><b>%2</b></p>"
                               "<ul dir='%1' style='margin-top:0'>")
                    .arg(dir, esc(tr("Notes for this document")));
        for (const TeachingNote &n : notes) {
            const Layer *l = g.layer(n.layer);
            html += QStringLiteral("<li><a href='layer:%1'>%2</a>: %3</li>")
                        .arg(n.layer.value)
                        .arg(esc(l ? l->name : QString()), esc(n.title));
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("</body></html>");

    // Live updates keep the reader's place.
    const int scroll = m_view->verticalScrollBar()->value();
    m_view->setHtml(html);
    m_view->verticalScrollBar()->setValue(scroll);
}

} // namespace naqsh
