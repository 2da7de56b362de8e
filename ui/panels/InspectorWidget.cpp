#include "InspectorWidget.h"

#include "DisplayContext.h"
#include "Document.h"
#include "InspectorFields.h"
#include "InspectorParams.h"
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
using namespace inspector;

struct InspectorWidget::Field
{
    QStringList keys;   ///< one key, or an h/w pair
    QVector<int> specs; ///< indexes into the reference type's params
    ParamKind kind = ParamKind::Int;
    QLabel *label = nullptr;
    FieldFrame *frame = nullptr;
    QVector<QWidget *> editors;
    QToolButton *lock = nullptr;
    QLabel *error = nullptr;
};

InspectorWidget::InspectorWidget(Document *document, LayerSelection *selection,
                                 DisplayContext *display, QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_selection(selection)
    , m_display(display)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("inspectorScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("inspectorContent"));
    scroll->setWidget(content);
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(10, 8, 10, 10);
    v->setSpacing(4);

    // Header: name (or title), type, help, error.
    m_title = new QLabel(content);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont titleFont = m_title->font();
    titleFont.setWeight(QFont::DemiBold);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    v->addWidget(m_title);
    m_nameEdit = new QLineEdit(content);
    m_nameEdit->setObjectName(QStringLiteral("layerName"));
    m_nameEdit->setFont(titleFont);
    v->addWidget(m_nameEdit);
    m_nameError = new QLabel(content);
    m_nameError->setObjectName(QStringLiteral("layerNameError"));
    QPalette red = m_nameError->palette();
    red.setColor(QPalette::WindowText, kErrorColor);
    m_nameError->setPalette(red);
    m_nameError->hide();
    v->addWidget(m_nameError);
    m_typeLabel = new QLabel(content);
    m_typeLabel->setObjectName(QStringLiteral("layerType"));
    m_typeLabel->setWordWrap(true);
    v->addWidget(m_typeLabel);
    m_helpLabel = makeMuted(content, 0.92);
    m_helpLabel->setObjectName(QStringLiteral("layerHelp"));
    m_helpLabel->setWordWrap(true);
    // Composite blocks (squeeze-and-excitation, attention): replace the block by its layers.
    m_expandButton = new QPushButton(tr("Expand into layers"), content);
    m_expandButton->setObjectName(QStringLiteral("expandButton"));
    m_expandButton->setToolTip(tr("Replace this block by the layers it is made of, wired the "
                                  "same way (one undo step); the totals stay the same"));
    m_expandButton->hide();
    connect(m_expandButton, &QPushButton::clicked, this, [this] {
        const QVector<LayerId> layers = liveSelection();
        if (m_mode != Mode::Single || layers.size() != 1)
            return;
        m_doc->analyzer()->flush();
        QString why;
        if (QUndoCommand *cmd = makeExpandCompositeCommand(
                m_doc->model(), m_doc->analyzer()->result(), layers.first(), &why))
            m_doc->undoStack()->push(cmd);
        else {
            m_errorBox->setText(why);
            m_errorBox->show();
        }
    });
    m_errorBox = new QLabel(content);
    m_errorBox->setObjectName(QStringLiteral("layerError"));
    m_errorBox->setWordWrap(true);
    m_errorBox->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errorBox->setStyleSheet(QStringLiteral(
        "QLabel#layerError { background: rgba(220, 38, 38, 0.10); "
        "border: 1px solid rgba(220, 38, 38, 0.55); border-radius: 4px; padding: 6px; }"));
    m_errorBox->hide();
    v->addSpacing(2);
    v->addWidget(m_errorBox);
    // What a student sets comes right under the name and type, so that a convolution's
    // kernel, filters, stride, padding and bias are in view without scrolling on a classroom
    // laptop; the shapes, the type's help and the costs follow.
    const int paramsAt = v->count();

    // Shapes.
    m_shapesSection = new QWidget(content);
    auto *shapes = new QGridLayout(m_shapesSection);
    shapes->setContentsMargins(0, 0, 0, 0);
    shapes->setHorizontalSpacing(12);
    shapes->setVerticalSpacing(3);
    m_shapesHeader = makeSectionHeader(m_shapesSection);
    m_inputsLabel = new QLabel(m_shapesSection);
    m_inputsValue = new QLabel(m_shapesSection);
    m_inputsValue->setObjectName(QStringLiteral("inputShapes"));
    m_outputLabel = new QLabel(m_shapesSection);
    m_outputValue = new QLabel(m_shapesSection);
    m_outputValue->setObjectName(QStringLiteral("outputShape"));
    for (QLabel *l : {m_inputsValue, m_outputValue})
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    shapes->addWidget(m_shapesHeader, 0, 0, 1, 2);
    shapes->addWidget(m_inputsLabel, 1, 0, Qt::AlignLeading | Qt::AlignTop);
    shapes->addWidget(m_inputsValue, 1, 1);
    shapes->addWidget(m_outputLabel, 2, 0, Qt::AlignLeading | Qt::AlignTop);
    shapes->addWidget(m_outputValue, 2, 1);
    shapes->setColumnStretch(1, 1);
    v->addWidget(m_shapesSection);

    // Parameters: the form is rebuilt when the selection's parameters change.
    m_paramsSection = new QWidget(content);
    auto *params = new QVBoxLayout(m_paramsSection);
    params->setContentsMargins(0, 0, 0, 0);
    params->setSpacing(2);
    m_paramsHeader = makeSectionHeader(m_paramsSection);
    params->addWidget(m_paramsHeader);
    m_noParams = makeMuted(m_paramsSection);
    m_noParams->setWordWrap(true);
    params->addWidget(m_noParams);
    m_formHost = new QWidget(m_paramsSection);
    params->addWidget(m_formHost);
    v->insertWidget(paramsAt, m_paramsSection);
    v->addWidget(m_helpLabel);
    v->addWidget(m_expandButton, 0, Qt::AlignLeading);

    // Costs: fixed rows, updated in place.
    m_costsHeader = makeSectionHeader(content);
    v->addWidget(m_costsHeader);
    auto *costs = new QWidget(content);
    m_costGrid = new QGridLayout(costs);
    m_costGrid->setContentsMargins(0, 0, 0, 0);
    m_costGrid->setHorizontalSpacing(12);
    m_costGrid->setVerticalSpacing(3);
    const QStringList rows = {QStringLiteral("params"),      QStringLiteral("weights"),
                              QStringLiteral("bias"),        QStringLiteral("buffers"),
                              QStringLiteral("macs"),        QStringLiteral("flops"),
                              QStringLiteral("activations"), QStringLiteral("peak")};
    for (int r = 0; r < rows.size(); ++r) {
        const QString &name = rows[r];
        const bool sub = name == QLatin1String("weights") || name == QLatin1String("bias") ||
                         name == QLatin1String("buffers");
        QLabel *caption = sub ? makeMuted(costs) : new QLabel(costs);
        QLabel *value = sub ? makeMuted(costs) : new QLabel(costs);
        QLabel *detail = makeMuted(costs);
        if (sub)
            caption->setIndent(
                caption->fontMetrics().horizontalAdvance(QLatin1Char('M'))); // leading edge
        value->setObjectName(QStringLiteral("cost_") + name);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_costGrid->addWidget(caption, r, 0);
        m_costGrid->addWidget(value, r, 1);
        m_costGrid->addWidget(detail, r, 2);
        m_costLabels.insert(name, caption);
        m_costValues.insert(name, value);
        m_costDetails.insert(name, detail);
    }
    m_costGrid->setColumnStretch(2, 1);
    v->addWidget(costs);
    m_costNote = makeMuted(content, 0.92);
    m_costNote->setObjectName(QStringLiteral("costNote"));
    m_costNote->setWordWrap(true);
    v->addWidget(m_costNote);

    v->addStretch(1);

    connect(m_nameEdit, &QLineEdit::editingFinished, this, &InspectorWidget::commitName);
    connect(m_selection, &LayerSelection::selectionChanged, this, &InspectorWidget::refresh);
    connect(m_doc->analyzer(), &Analyzer::analysisUpdated, this, &InspectorWidget::scheduleRefresh);
    GraphModel *model = m_doc->model();
    connect(model, &GraphModel::paramsChanged, this, [this](LayerId id) {
        if (m_selection->contains(id))
            scheduleRefresh();
    });
    connect(model, &GraphModel::layerRenamed, this, [this](LayerId id) {
        if (m_selection->contains(id))
            scheduleRefresh();
    });
    connect(model, &GraphModel::layerRemoved, this, &InspectorWidget::scheduleRefresh);
    connect(model, &GraphModel::graphReset, this, &InspectorWidget::scheduleRefresh);
    connect(model, &GraphModel::nameChanged, this, &InspectorWidget::scheduleRefresh);
    connect(m_display, &DisplayContext::changed, this, &InspectorWidget::scheduleRefresh);

    retranslateStatic();
    refresh();
}

InspectorWidget::~InspectorWidget()
{
    // QWidget's destructor deletes the children after this object has stopped being an
    // InspectorWidget; a focused editor then reports editingFinished. Silence them first.
    for (QWidget *child : findChildren<QWidget *>())
        child->blockSignals(true);
    qDeleteAll(m_fields);
}

void InspectorWidget::retranslateStatic()
{
    m_shapesHeader->setText(tr("Shapes"));
    m_outputLabel->setText(tr("Output"));
    m_paramsHeader->setText(tr("Parameters"));
    m_nameEdit->setPlaceholderText(tr("Layer name"));
    m_nameEdit->setToolTip(tr("The layer's name, shown on the canvas and in tables and exports"));
    m_costLabels[QStringLiteral("params")]->setText(tr("Parameters"));
    m_costLabels[QStringLiteral("weights")]->setText(tr("weights"));
    m_costLabels[QStringLiteral("bias")]->setText(tr("bias"));
    m_costLabels[QStringLiteral("buffers")]->setText(tr("buffers (not trained)"));
    m_costLabels[QStringLiteral("macs")]->setText(tr("MACs"));
    m_costLabels[QStringLiteral("flops")]->setText(tr("FLOPs"));
    m_costLabels[QStringLiteral("activations")]->setText(tr("Activations"));
    m_costLabels[QStringLiteral("peak")]->setText(tr("Peak memory"));
    m_costLabels[QStringLiteral("macs")]->setToolTip(
        tr("Multiply-accumulate operations for the whole batch, bias excluded"));
    m_costLabels[QStringLiteral("activations")]->setToolTip(tr("Memory of the output tensors"));
    m_costLabels[QStringLiteral("peak")]->setToolTip(
        tr("The largest set of tensors that must be alive at the same time, in data-flow order"));
}

void InspectorWidget::scheduleRefresh()
{
    // Model signals arrive in the middle of commands (and of our own edits): refresh once,
    // after the event, so that no editor is rebuilt while it is emitting.
    if (m_refreshQueued)
        return;
    m_refreshQueued = true;
    QTimer::singleShot(0, this, &InspectorWidget::refresh);
}

QVector<LayerId> InspectorWidget::liveSelection() const
{
    QVector<LayerId> ids;
    const Graph &g = m_doc->model()->graph();
    for (LayerId id : m_selection->layers())
        if (g.contains(id) && !ids.contains(id))
            ids.append(id);
    return ids;
}

const LayerType *InspectorWidget::commonType(const QVector<LayerId> &layers) const
{
    const Graph &g = m_doc->model()->graph();
    const LayerType *common = nullptr;
    for (LayerId id : layers) {
        const LayerType *t = m_doc->model()->registry().find(g.layer(id)->type);
        if (!t || (common && common != t))
            return nullptr;
        common = t;
    }
    return common;
}

QVector<int> InspectorWidget::sharedSpecs(const QVector<LayerId> &layers) const
{
    QVector<int> shared;
    if (layers.isEmpty())
        return shared;
    const Graph &g = m_doc->model()->graph();
    const LayerRegistry &registry = m_doc->model()->registry();
    const Layer *first = g.layer(layers.first());
    const LayerType *ref = registry.find(first->type);
    if (!ref)
        return shared;
    for (int i = 0; i < ref->params.size() && i < first->params.size(); ++i) {
        const ParamSpec &spec = ref->params[i];
        bool same = true;
        for (int k = 1; k < layers.size() && same; ++k) {
            const Layer *other = g.layer(layers[k]);
            const LayerType *t = registry.find(other->type);
            const int j = t ? t->paramIndex(spec.key) : -1;
            same = j >= 0 && j < other->params.size() && t->params[j].kind == spec.kind &&
                   t->params[j].choices == spec.choices &&
                   other->params.value(j) == first->params.value(i);
        }
        if (same)
            shared.append(i);
    }
    return shared;
}

void InspectorWidget::refresh()
{
    m_refreshQueued = false;
    const QVector<LayerId> layers = liveSelection();
    m_mode = layers.isEmpty() ? Mode::Empty : layers.size() == 1 ? Mode::Single : Mode::Multi;
    const QVector<int> shown = sharedSpecs(layers);
    QString key;
    for (LayerId id : layers)
        key += QString::number(id.value) + QLatin1Char(',');
    key += QLatin1Char('|');
    for (int i : shown)
        key += QString::number(i) + QLatin1Char(',');
    if (key != m_formKey) {
        rebuildForm(layers, shown);
        m_formKey = key;
    }
    updateEditors(layers);
    updateSummary(layers);
}

void InspectorWidget::rebuildForm(const QVector<LayerId> &layers, const QVector<int> &shownSpecs)
{
    // Old editors may still emit (a focused one loses focus as it goes): ignore them.
    const QScopedValueRollback<bool> quiet(m_updating, true);
    qDeleteAll(m_fields);
    m_fields.clear();
    m_formLayers = layers;
    m_nameEdit->setModified(false); // a new selection shows its own name
    delete m_formHost->layout();
    const QList<QWidget *> old = m_formHost->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(old);
    m_form = new QFormLayout(m_formHost);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(2);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeading | Qt::AlignVCenter);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    if (layers.isEmpty())
        return;
    const Graph &g = m_doc->model()->graph();
    const LayerType *ref = m_doc->model()->registry().find(g.layer(layers.first())->type);
    if (!ref)
        return;
    const Layer *first = g.layer(layers.first());
    const QIcon lock = lockIcon(palette().color(QPalette::WindowText));

    for (int i : inspectorOrder(*ref, shownSpecs)) {
        const ParamSpec &spec = ref->params[i];
        int partner = spec.pairKey.isEmpty() ? -1 : ref->paramIndex(spec.pairKey);
        if (partner >= 0 &&
            (!shownSpecs.contains(partner) || ref->params[partner].kind != spec.kind ||
             ref->params[partner].pairKey != spec.key))
            partner = -1;
        if (partner >= 0 && partner < i)
            continue; // shown in its partner's row
        auto *field = new Field;
        field->keys << spec.key;
        field->specs << i;
        field->kind = spec.kind;
        if (partner >= 0) {
            field->keys << ref->params[partner].key;
            field->specs << partner;
        }
        const int fieldIndex = int(m_fields.size());
        m_fields.append(field);

        auto *container = new QWidget(m_formHost);
        container->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        auto *column = new QVBoxLayout(container);
        column->setContentsMargins(0, 0, 0, 0);
        column->setSpacing(1);
        field->frame = new FieldFrame(container);
        column->addWidget(field->frame, 0, Qt::AlignLeading);
        field->error = new QLabel(container);
        field->error->setObjectName(QStringLiteral("error_") + spec.key);
        field->error->setWordWrap(true);
        QPalette red = field->error->palette();
        red.setColor(QPalette::WindowText, kErrorColor);
        field->error->setPalette(red);
        field->error->hide();
        column->addWidget(field->error);

        QStringList tips;
        for (int part = 0; part < field->specs.size(); ++part) {
            const ParamSpec &s = ref->params[field->specs[part]];
            QWidget *editor = nullptr;
            switch (s.kind) {
            case ParamKind::Int:
            case ParamKind::Real: {
                auto *spin = new NumberSpinBox(field->frame);
                spin->setIntegerMode(s.kind == ParamKind::Int);
                spin->setRange(s.minimum, s.maximum);
                connect(spin, &NumberSpinBox::valueCommitted, this,
                        [this, fieldIndex, part] { onEditorChanged(fieldIndex, part); });
                editor = spin;
                break;
            }
            case ParamKind::Bool: {
                auto *check = new QCheckBox(field->frame);
                connect(check, &QCheckBox::toggled, this,
                        [this, fieldIndex, part] { onEditorChanged(fieldIndex, part); });
                editor = check;
                break;
            }
            case ParamKind::Choice: {
                auto *combo = new ParamComboBox(field->frame);
                combo->setFocusPolicy(Qt::StrongFocus);
                for (int c = 0; c < s.choices.size(); ++c)
                    combo->addItem(
                        c < s.choiceLabels.size() ? layerTr(s.choiceLabels[c]) : s.choices[c], c);
                connect(combo, &QComboBox::currentIndexChanged, this,
                        [this, fieldIndex, part] { onEditorChanged(fieldIndex, part); });
                editor = combo;
                break;
            }
            case ParamKind::Text: {
                auto *line = new QLineEdit(field->frame);
                line->setMinimumWidth(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 10);
                connect(line, &QLineEdit::editingFinished, this,
                        [this, fieldIndex, part] { onEditorChanged(fieldIndex, part); });
                editor = line;
                break;
            }
            }
            editor->setObjectName(QStringLiteral("param_") + s.key);
            const QString help = layerTr(s.help);
            editor->setToolTip(
                field->specs.size() > 1 ? layerTr(s.label) + QStringLiteral(": ") + help : help);
            editor->setAccessibleName(layerTr(s.label));
            tips << (field->specs.size() > 1 ? layerTr(s.label) + QStringLiteral(": ") + help
                                             : help);
            if (part == 1) {
                auto *times = makeMuted(field->frame);
                times->setText(QStringLiteral("×"));
                field->frame->row()->addWidget(times);
            }
            field->frame->row()->addWidget(editor);
            field->editors << editor;
        }
        if (field->editors.size() == 2) {
            field->lock = new QToolButton(field->frame);
            field->lock->setObjectName(QStringLiteral("lock_") + spec.key);
            field->lock->setCheckable(true);
            field->lock->setAutoRaise(true);
            field->lock->setIcon(lock);
            field->lock->setToolTip(tr("Square: keep both values equal (editing one edits both)"));
            field->lock->setAccessibleName(tr("Lock %1").arg(pairCaption(spec)));
            field->lock->setChecked(first->params.value(field->specs[0]) ==
                                    first->params.value(field->specs[1]));
            field->frame->row()->addWidget(field->lock);
        }
        field->label = new QLabel(
            field->editors.size() == 2 ? pairCaption(spec) : layerTr(spec.label), m_formHost);
        field->label->setBuddy(field->editors.first());
        // A long label ("Filters (output channels)") wraps at spaces rather than widen the
        // inspector past a laptop's dock.
        field->label->setWordWrap(true);
        field->label->setToolTip(tips.join(QLatin1Char('\n')));
        m_form->addRow(field->label, container);
    }
}

QWidget *InspectorWidget::editorFor(const QString &key) const
{
    for (const Field *f : m_fields)
        for (int part = 0; part < f->keys.size(); ++part)
            if (f->keys[part] == key)
                return f->editors[part];
    return nullptr;
}

QToolButton *InspectorWidget::lockFor(const QString &key) const
{
    for (const Field *f : m_fields)
        if (f->keys.contains(key))
            return f->lock;
    return nullptr;
}

QString InspectorWidget::errorFor(const QString &key) const
{
    for (const Field *f : m_fields)
        if (f->keys.contains(key))
            return f->frame->isInvalid() ? f->error->text() : QString();
    return {};
}

QStringList InspectorWidget::shownParams() const
{
    QStringList keys;
    for (const Field *f : m_fields)
        keys << f->keys;
    return keys;
}

void InspectorWidget::setNumberLocale(QWidget *editor) const
{
    const QLocale &l = m_display->format().locale();
    if (editor->locale() != l)
        editor->setLocale(l);
}

void InspectorWidget::updateEditors(const QVector<LayerId> &layers)
{
    m_updating = true;
    const Graph &g = m_doc->model()->graph();
    const Layer *first = layers.isEmpty() ? nullptr : g.layer(layers.first());
    for (Field *f : std::as_const(m_fields)) {
        setFieldError(*f, {});
        for (int part = 0; part < f->editors.size() && first; ++part) {
            const QVariant v = first->params.value(f->specs[part]);
            QWidget *e = f->editors[part];
            const QSignalBlocker block(e);
            if (auto *spin = qobject_cast<NumberSpinBox *>(e)) {
                setNumberLocale(spin);
                spin->setValue(v.toDouble());
            } else if (auto *check = qobject_cast<QCheckBox *>(e)) {
                check->setChecked(v.toBool());
            } else if (auto *combo = qobject_cast<QComboBox *>(e)) {
                combo->setCurrentIndex(v.toInt());
            } else if (auto *line = qobject_cast<QLineEdit *>(e)) {
                if (!line->isModified() && line->text() != v.toString())
                    line->setText(v.toString());
            }
        }
    }
    showDerived(layers);
    m_updating = false;
}

void InspectorWidget::showDerived(const QVector<LayerId> &layers)
{
    // Values that follow from others ("same" padding) are shown as the rules use them, read-only.
    const QVariantMap derived = selectionDerivedParams(*m_doc, layers);
    const Graph &g = m_doc->model()->graph();
    const Layer *first = layers.isEmpty() ? nullptr : g.layer(layers.first());
    const LayerType *type = first ? m_doc->model()->registry().find(first->type) : nullptr;
    for (Field *f : std::as_const(m_fields)) {
        for (int part = 0; part < f->editors.size() && type; ++part) {
            auto *spin = qobject_cast<NumberSpinBox *>(f->editors[part]);
            if (!spin)
                continue;
            const bool isDerived = derived.contains(f->keys[part]);
            const QVariant value = derived.value(f->keys[part]);
            spin->setReadOnly(isDerived);
            spin->setButtonSymbols(isDerived ? QAbstractSpinBox::NoButtons
                                             : QAbstractSpinBox::UpDownArrows);
            spin->setEnabled(!isDerived || value.isValid());
            const ParamSpec &spec = type->params[f->specs[part]];
            const QString help = f->specs.size() > 1 ? layerTr(spec.label) + QStringLiteral(": ") +
                                                           layerTr(spec.help)
                                                     : layerTr(spec.help);
            if (!isDerived) {
                spin->setToolTip(help);
                continue;
            }
            auto *mode = qobject_cast<QComboBox *>(editorFor(QStringLiteral("padding")));
            spin->setToolTip(tr("%1\nSet by the padding mode “%2”: choose “explicit” to edit it.")
                                 .arg(help, mode ? mode->currentText() : QString()));
            if (value.isValid())
                spin->setValue(value.toDouble());
            else
                spin->showNoValue();
        }
    }
}

void InspectorWidget::onEditorChanged(int fieldIndex, int part)
{
    if (m_updating || fieldIndex >= m_fields.size())
        return;
    Field &f = *m_fields[fieldIndex];
    QWidget *e = f.editors[part];
    QVariant value;
    if (auto *spin = qobject_cast<NumberSpinBox *>(e))
        value = f.kind == ParamKind::Int ? QVariant(qint64(std::llround(spin->value())))
                                         : QVariant(spin->value());
    else if (auto *check = qobject_cast<QCheckBox *>(e))
        value = check->isChecked();
    else if (auto *combo = qobject_cast<QComboBox *>(e))
        value = combo->currentData().toInt();
    else if (auto *line = qobject_cast<QLineEdit *>(e)) {
        value = line->text();
        line->setModified(false);
    }
    QVariantMap values;
    values.insert(f.keys[part], value);
    if (f.lock && f.lock->isChecked()) {
        const int other = 1 - part;
        values.insert(f.keys[other], value);
        if (auto *spin = qobject_cast<NumberSpinBox *>(f.editors[other])) {
            m_updating = true;
            spin->setValue(value.toDouble());
            m_updating = false;
        }
    }
    QString why;
    if (!checkEdit(values, &why)) {
        setFieldError(f, why);
        return;
    }
    setFieldError(f, {});
    pushEdit(values);
}

bool InspectorWidget::checkEdit(const QVariantMap &values, QString *why) const
{
    const Graph &g = m_doc->model()->graph();
    const AnalysisResult &result = m_doc->analyzer()->result();
    QVector<LayerId> layers;
    for (LayerId id : m_formLayers)
        if (g.contains(id))
            layers.append(id);
    for (LayerId id : layers) {
        const Layer *l = g.layer(id);
        const LayerType *type = m_doc->model()->registry().find(l->type);
        if (!type)
            continue;
        auto fail = [&](const QString &message) {
            *why = layers.size() > 1 ? tr("%1: %2").arg(l->name, message) : message;
            return false;
        };
        ParamValues after = l->params;
        for (auto it = values.begin(); it != values.end(); ++it) {
            const int index = type->paramIndex(it.key());
            if (index < 0)
                continue;
            QString message;
            const QVariant coerced = validateParam(type->params[index], it.value(), &message);
            if (!coerced.isValid())
                return fail(message);
            after.set(index, coerced);
        }
        if (after == l->params || !type->shape)
            continue;
        // The layer's own shape rule on its current inputs: refuse a value that breaks a
        // layer that works now. A layer that already fails (or lacks inputs) takes any valid
        // value, so that fixing it in several steps stays possible.
        const QVector<TensorShape> inputs = result.inputShapes(g, id);
        bool inputsKnown = inputs.size() >= type->minInputs &&
                           (type->maxInputs < 0 || inputs.size() <= type->maxInputs);
        for (const TensorShape &s : inputs)
            inputsKnown = inputsKnown && s.isValid();
        if (!inputsKnown)
            continue;
        const std::span<const TensorShape> in(inputs.constData(), size_t(inputs.size()));
        const RuleContext &context = m_doc->analyzer()->context();
        if (!type->shape(l->params, in, context).isOk())
            continue;
        const ShapeResult next = type->shape(after, in, context);
        if (!next.isOk())
            return fail(next.error);
    }
    return true;
}

void InspectorWidget::pushEdit(const QVariantMap &values)
{
    GraphModel *model = m_doc->model();
    const Graph &g = model->graph();
    QVector<LayerId> targets;
    QStringList labels;
    for (LayerId id : m_formLayers) {
        if (!g.contains(id))
            continue;
        const Layer *l = g.layer(id);
        const LayerType *type = model->registry().find(l->type);
        bool changes = false;
        for (auto it = values.begin(); it != values.end() && type; ++it) {
            const int index = type->paramIndex(it.key());
            if (index < 0)
                continue;
            const QVariant coerced = validateParam(type->params[index], it.value(), nullptr);
            changes = changes || (coerced.isValid() && coerced != l->params.value(index));
            if (targets.isEmpty() && !labels.contains(layerTr(type->params[index].label)))
                labels << layerTr(type->params[index].label);
        }
        if (changes)
            targets.append(id);
    }
    if (targets.isEmpty())
        return;
    if (targets.size() == 1) {
        m_doc->undoStack()->push(new SetLayerParamCommand(model, targets.first(), values));
        return;
    }
    auto *parent = new QUndoCommand(
        tr("Set %1 of %2 layers").arg(labels.join(QStringLiteral(", "))).arg(targets.size()));
    for (LayerId id : std::as_const(targets))
        new SetLayerParamCommand(model, id, values, parent);
    m_doc->undoStack()->push(parent);
}

void InspectorWidget::setFieldError(Field &field, const QString &why)
{
    field.frame->setInvalid(!why.isEmpty());
    field.error->setText(why);
    field.error->setVisible(!why.isEmpty());
}

void InspectorWidget::commitName()
{
    if (m_mode != Mode::Single)
        return;
    const QVector<LayerId> layers = liveSelection();
    if (layers.size() != 1)
        return;
    const Layer *l = m_doc->model()->graph().layer(layers.first());
    const QString name = m_nameEdit->text().trimmed();
    if (name.isEmpty()) {
        m_nameError->setText(tr("A layer needs a name; it was kept as “%1”.").arg(l->name));
        m_nameError->show();
        m_nameEdit->setText(l->name);
        m_nameEdit->setModified(false);
        return;
    }
    m_nameError->hide();
    m_nameEdit->setModified(false);
    if (name != l->name)
        m_doc->undoStack()->push(new RenameLayerCommand(m_doc->model(), layers.first(), name));
}

void InspectorWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateStatic();
        m_formKey.clear(); // labels and choices are translated when built
        refresh();
    }
    QWidget::changeEvent(event);
}

} // namespace naqsh
