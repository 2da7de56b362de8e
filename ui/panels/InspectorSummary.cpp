// InspectorWidget: the summary under the form (inputs, output, costs and their notes) and the
// values shown, for tests.
#include "InspectorWidget.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "NumberSpinBox.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QEvent>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>

namespace naqsh {

void InspectorWidget::updateSummary(const QVector<LayerId> &layers)
{
    const GraphModel *model = m_doc->model();
    const Graph &g = model->graph();
    const AnalysisResult &result = m_doc->analyzer()->result();
    const NumberFormat &f = m_display->format();
    const FlopConvention convention = m_display->convention();

    // Header.
    const LayerType *type = commonType(layers);
    m_title->setVisible(m_mode != Mode::Single);
    m_nameEdit->setVisible(m_mode == Mode::Single);
    if (m_mode != Mode::Single)
        m_nameError->hide();
    if (m_mode == Mode::Single) {
        const Layer *l = g.layer(layers.first());
        // Keep what the user is typing; show the model's name otherwise (rename, undo).
        if (!m_nameEdit->isModified() && m_nameEdit->text() != l->name)
            m_nameEdit->setText(l->name);
    } else if (m_mode == Mode::Multi) {
        m_title->setText(tr("%1 layers selected").arg(f.integer(layers.size())));
    } else {
        m_title->setText(g.name.isEmpty() ? m_doc->displayName() : g.name);
    }
    if (m_mode == Mode::Empty) {
        m_typeLabel->setText(g.size() == 1 ? tr("One layer in the model")
                                           : tr("%1 layers in the model").arg(f.integer(g.size())));
        m_helpLabel->setText(g.isEmpty()
                                 ? tr("Drag layers from the palette onto the canvas to start.")
                                 : tr("Select a layer to see its shapes and edit its parameters."));
    } else if (type) {
        m_typeLabel->setText(tr("%1 — %2").arg(type->translatedName(), type->translatedCategory()));
        m_helpLabel->setText(type->translatedHelp());
    } else {
        m_typeLabel->setText(tr("Layers of different types"));
        m_helpLabel->setText(
            tr("Only the parameters they have in common, with equal values, are shown."));
    }
    m_typeLabel->setToolTip(type ? type->translatedHelp() : QString());
    m_expandButton->setVisible(m_mode == Mode::Single && type && type->expand);

    // Errors.
    QStringList errors;
    for (LayerId id : layers) {
        const LayerResult *r = result.layer(id);
        if (r && !r->hasNumbers()) {
            const QString text = result.errorText(g, id);
            errors << (m_mode == Mode::Multi ? tr("%1: %2").arg(g.layer(id)->name, text) : text);
        }
    }
    if (m_mode == Mode::Empty && result.errorCount > 0)
        errors << (result.errorCount == 1
                       ? tr("One layer has no numbers; the totals leave it out.")
                       : tr("%1 layers have no numbers; the totals leave them out.")
                             .arg(f.integer(result.errorCount)));
    m_errorBox->setText(errors.join(QLatin1Char('\n')));
    m_errorBox->setVisible(!errors.isEmpty());

    // Shapes (one layer only).
    m_shapesSection->setVisible(m_mode == Mode::Single);
    if (m_mode == Mode::Single) {
        const LayerId id = layers.first();
        const Layer *l = g.layer(id);
        const QVector<TensorShape> inputs = result.inputShapes(g, id);
        QStringList in;
        for (const TensorShape &s : inputs)
            in << (s.isValid() ? f.shape(s, true) : tr("no numbers"));
        const bool takesInputs = !type || type->maxInputs != 0;
        m_inputsLabel->setText(inputs.size() > 1 ? tr("Inputs") : tr("Input"));
        m_inputsLabel->setVisible(takesInputs);
        m_inputsValue->setVisible(takesInputs);
        m_inputsValue->setText(in.isEmpty() ? tr("not connected") : in.join(QLatin1Char('\n')));
        const LayerResult *r = result.layer(id);
        const bool hasOutput = !type || type->hasOutput;
        m_outputLabel->setVisible(hasOutput);
        m_outputValue->setVisible(hasOutput);
        m_outputValue->setText(!(r && r->hasNumbers()) ? tr("no numbers")
                               : m_display->isHidden(DisplayContext::Hidden::Shapes)
                                   ? DisplayContext::hiddenText()
                                   : f.shape(r->output, true));
        Q_UNUSED(l);
    }

    // Parameters.
    m_paramsSection->setVisible(m_mode != Mode::Empty);
    // One layer: its type line heads the parameters.
    m_paramsHeader->setVisible(m_mode == Mode::Multi);
    m_noParams->setVisible(m_fields.isEmpty());
    m_noParams->setText(m_mode == Mode::Multi
                            ? tr("No parameter has the same value in all selected layers.")
                            : tr("This layer has no parameters to set."));

    // Costs: one layer, the sum of the selection, or the model's totals.
    Costs costs;
    int withNumbers = 0;
    bool opsUnknown = false;
    if (m_mode == Mode::Empty) {
        costs = result.totals;
        withNumbers = 1;
    } else {
        for (LayerId id : layers) {
            const LayerResult *r = result.layer(id);
            if (!r || !r->hasNumbers())
                continue;
            costs += r->costs;
            ++withNumbers;
            const LayerType *t = model->registry().find(g.layer(id)->type);
            opsUnknown = opsUnknown || (t && !t->costKnown);
        }
    }
    m_costsHeader->setText(m_mode == Mode::Empty   ? tr("Model totals")
                           : m_mode == Mode::Multi ? tr("Costs (sum of the selection)")
                                                   : tr("Costs"));
    const bool numbers = withNumbers > 0;
    // Exercise mode hides a single layer's parameters and MACs; the model totals stay.
    const bool hideParams =
        m_mode == Mode::Single && m_display->isHidden(DisplayContext::Hidden::Params);
    const bool hideMacs =
        m_mode == Mode::Single && m_display->isHidden(DisplayContext::Hidden::Macs);
    auto set = [&](const QString &name, const QString &value, const QString &detail = {}) {
        const bool hide =
            (hideParams && (name == QLatin1String("params") || name == QLatin1String("weights") ||
                            name == QLatin1String("bias"))) ||
            (hideMacs && (name == QLatin1String("macs") || name == QLatin1String("flops")));
        m_costValues[name]->setText(!numbers ? QStringLiteral("—")
                                    : hide   ? DisplayContext::hiddenText()
                                             : value);
        m_costDetails[name]->setText(numbers && !hide ? detail : QString());
    };
    const QString unknown = tr("unknown");
    set(QStringLiteral("params"), f.integer(costs.params().value()),
        costs.params().value() >= 1000 ? f.compact(costs.params().value()) : QString());
    set(QStringLiteral("weights"), f.integer(costs.weights.value()));
    set(QStringLiteral("bias"), f.integer(costs.bias.value()));
    set(QStringLiteral("buffers"), f.integer(costs.buffers.value()));
    const bool showBuffers = numbers && costs.buffers.value() > 0;
    m_costLabels[QStringLiteral("buffers")]->setVisible(showBuffers);
    m_costValues[QStringLiteral("buffers")]->setVisible(showBuffers);
    m_costDetails[QStringLiteral("buffers")]->setVisible(showBuffers);
    const bool singleUnknown = m_mode == Mode::Single && opsUnknown;
    const qint64 macs = costs.macs.value();
    const qint64 flopCount = flops(costs, convention).value();
    set(QStringLiteral("macs"), singleUnknown ? unknown : f.integer(macs),
        !singleUnknown && macs >= 1000 ? f.compact(macs) : QString());
    set(QStringLiteral("flops"), singleUnknown ? unknown : f.integer(flopCount),
        !singleUnknown && flopCount >= 1000 ? f.compact(flopCount) : QString());
    m_costLabels[QStringLiteral("flops")]->setToolTip(conventionDisplayName(convention));
    m_costValues[QStringLiteral("flops")]->setToolTip(conventionDisplayName(convention));
    set(QStringLiteral("activations"),
        f.bytes(activationBytes(costs.activations, m_display->dtype()).value()),
        f.digits(tr("%1 values, %2")
                     .arg(f.integer(costs.activations.value()), dtypeKey(m_display->dtype()))));
    const bool showPeak = m_mode == Mode::Empty;
    set(QStringLiteral("peak"),
        f.bytes(activationBytes(result.peakActivations, m_display->dtype()).value()),
        f.digits(tr("%1 values").arg(f.integer(result.peakActivations.value()))));
    m_costLabels[QStringLiteral("peak")]->setVisible(showPeak);
    m_costValues[QStringLiteral("peak")]->setVisible(showPeak);
    m_costDetails[QStringLiteral("peak")]->setVisible(showPeak);

    QStringList notes;
    notes << tr("FLOPs counted as: %1").arg(conventionDisplayName(convention));
    if (m_mode == Mode::Multi && withNumbers < layers.size())
        notes << f.digits(tr("%1 of %2 selected layers have no numbers and are left out.")
                              .arg(layers.size() - withNumbers)
                              .arg(layers.size()));
    if (opsUnknown && m_mode != Mode::Single)
        notes << tr("Operations of imported operators are unknown and left out.");
    if (singleUnknown)
        notes << tr("Naqsh cannot count this imported operator's operations.");
    m_costNote->setText(notes.join(QLatin1Char('\n')));
}

QString InspectorWidget::valueText(const QString &field) const
{
    if (field == QLatin1String("title"))
        return m_mode == Mode::Single ? m_nameEdit->text() : m_title->text();
    if (field == QLatin1String("type"))
        return m_typeLabel->text();
    if (field == QLatin1String("error"))
        return m_errorBox->isVisibleTo(this) ? m_errorBox->text() : QString();
    if (field == QLatin1String("inputs"))
        return m_inputsValue->text();
    if (field == QLatin1String("output"))
        return m_outputValue->text();
    if (QLabel *l = m_costValues.value(field))
        return l->text();
    return {};
}

} // namespace naqsh
