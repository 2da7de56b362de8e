#include "ExerciseWidget.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "analysis/AnswerCheck.h"
#include "analysis/Explain.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace naqsh {

ExerciseWidget::ExerciseWidget(Document *doc, LayerSelection *selection, DisplayContext *display,
                               QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_selection(selection)
    , m_display(display)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_group = new QGroupBox(this);
    outer->addWidget(m_group);
    auto *layout = new QVBoxLayout(m_group);
    auto *hides = new QHBoxLayout;
    m_hideShapes = new QCheckBox(m_group);
    m_hideParams = new QCheckBox(m_group);
    m_hideMacs = new QCheckBox(m_group);
    for (QCheckBox *c : {m_hideShapes, m_hideParams, m_hideMacs}) {
        hides->addWidget(c);
        connect(c, &QCheckBox::toggled, this, [this] {
            DisplayContext::HiddenSet h;
            if (m_hideShapes->isChecked())
                h |= DisplayContext::Hidden::Shapes;
            if (m_hideParams->isChecked())
                h |= DisplayContext::Hidden::Params;
            if (m_hideMacs->isChecked())
                h |= DisplayContext::Hidden::Macs;
            m_display->setHidden(h);
        });
    }
    hides->addStretch();
    layout->addLayout(hides);
    m_prompt = new QLabel(m_group);
    m_prompt->setWordWrap(true);
    layout->addWidget(m_prompt);
    for (int i = 0; i < 3; ++i) {
        Row &r = m_rows[i];
        r.box = new QWidget(m_group);
        auto *grid = new QVBoxLayout(r.box);
        grid->setContentsMargins(0, 0, 0, 0);
        auto *line = new QHBoxLayout;
        r.label = new QLabel(r.box);
        r.edit = new QLineEdit(r.box);
        r.button = new QPushButton(r.box);
        r.result = new QLabel(r.box);
        r.result->setWordWrap(true);
        r.result->setTextFormat(Qt::RichText);
        line->addWidget(r.label);
        line->addWidget(r.edit, 1);
        line->addWidget(r.button);
        grid->addLayout(line);
        grid->addWidget(r.result);
        layout->addWidget(r.box);
        const auto q = Quantity(i);
        connect(r.button, &QPushButton::clicked, this,
                [this, q] { check(q, row(q).edit->text()); });
        connect(r.edit, &QLineEdit::returnPressed, this,
                [this, q] { check(q, row(q).edit->text()); });
    }
    connect(selection, &LayerSelection::selectionChanged, this, &ExerciseWidget::refresh);
    connect(display, &DisplayContext::changed, this, &ExerciseWidget::refresh);
    retranslate();
    refresh();
}

void ExerciseWidget::retranslate()
{
    m_group->setTitle(tr("Exercise"));
    m_hideShapes->setText(tr("Hide shapes"));
    m_hideParams->setText(tr("Hide parameters"));
    m_hideMacs->setText(tr("Hide MACs"));
    row(Quantity::Shape).label->setText(tr("Output shape:"));
    row(Quantity::Params).label->setText(tr("Parameters:"));
    row(Quantity::Macs).label->setText(tr("MACs:"));
    for (Row &r : m_rows) {
        r.button->setText(tr("Check"));
        r.edit->setPlaceholderText(tr("your answer"));
    }
    row(Quantity::Shape).edit->setPlaceholderText(tr("e.g. 1×16×28×28"));
    refresh();
}

void ExerciseWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ExerciseWidget::refresh()
{
    const auto hidden = m_display->hidden();
    const bool any = hidden != DisplayContext::HiddenSet();
    const bool layer = m_selection->layers().size() == 1;
    if (!any)
        m_prompt->setText(
            tr("Tick what to hide; students then work the numbers out and check them here."));
    else if (!layer)
        m_prompt->setText(
            tr("Select one layer, work out its hidden numbers, and type your answers."));
    else
        m_prompt->setText(tr("Work out the hidden numbers of '%1' and check your answers.")
                              .arg(m_doc->model()->graph().layer(m_selection->current())
                                       ? m_doc->model()->graph().layer(m_selection->current())->name
                                       : QString()));
    row(Quantity::Shape)
        .box->setVisible(any && layer && hidden.testFlag(DisplayContext::Hidden::Shapes));
    row(Quantity::Params)
        .box->setVisible(any && layer && hidden.testFlag(DisplayContext::Hidden::Params));
    row(Quantity::Macs)
        .box->setVisible(any && layer && hidden.testFlag(DisplayContext::Hidden::Macs));
}

bool ExerciseWidget::check(Quantity q, const QString &answer)
{
    Row &r = row(q);
    const LayerId id = m_selection->current();
    m_doc->analyzer()->flush();
    const AnalysisResult &result = m_doc->analyzer()->result();
    const Layer *l = m_doc->model()->graph().layer(id);
    const LayerResult *lr = result.layer(id);
    if (!l || !lr || !lr->hasNumbers()) {
        r.result->setText(tr("This layer has no numbers to check."));
        return false;
    }
    bool right = false;
    QString quantityLabel;
    switch (q) {
    case Quantity::Shape:
        right = checkShapeAnswer(answer, lr->output);
        break;
    case Quantity::Params:
        right = checkNumberAnswer(answer, lr->costs.params().value());
        quantityLabel = QCoreApplication::translate("naqsh::layers", "Parameters");
        break;
    case Quantity::Macs:
        right = checkNumberAnswer(answer, lr->costs.macs.value());
        quantityLabel = QCoreApplication::translate("naqsh::layers", "MACs");
        break;
    }
    // The worked formula for this quantity.
    const LayerType *type = m_doc->model()->registry().find(l->type);
    const QVector<TensorShape> inputs = result.inputShapes(m_doc->model()->graph(), id);
    QStringList worked;
    if (type) {
        const auto lines = explainLayer(
            *type, l->params, std::span<const TensorShape>(inputs.data(), size_t(inputs.size())),
            lr->output, lr->costs, m_display->convention(), m_display->dtype());
        for (const FormulaLine &line : lines) {
            const bool wanted =
                q == Quantity::Shape
                    ? (line.quantity.contains(
                           QCoreApplication::translate("naqsh::layers", "Output height")) ||
                       line.quantity.contains(
                           QCoreApplication::translate("naqsh::layers", "Output width")) ||
                       line.quantity ==
                           QCoreApplication::translate("naqsh::Explain", "Output shape") ||
                       line.quantity ==
                           QCoreApplication::translate("naqsh::layers", "Output channels") ||
                       line.quantity == QCoreApplication::translate("naqsh::layers", "Features"))
                    : line.quantity == quantityLabel;
            if (wanted)
                worked << QStringLiteral("<b>%1</b>: %2 <br/><i>%3</i>")
                              .arg(line.quantity.toHtmlEscaped(),
                                   QChar(0x2066) +
                                       m_display->format().digits(line.formula).toHtmlEscaped() +
                                       QChar(0x2069),
                                   line.reason.toHtmlEscaped());
        }
    }
    const QString verdict =
        right ? tr("✓ Right!") : tr("✗ Not quite. Here is how it is worked out:");
    const QColor colour = right ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xc6, 0x28, 0x28);
    r.result->setText(
        QStringLiteral("<span style='color:%1'><b>%2</b></span><br/>%3")
            .arg(colour.name(), verdict.toHtmlEscaped(), worked.join(QStringLiteral("<br/>"))));
    return right;
}

QString ExerciseWidget::verdict(Quantity q) const
{
    return m_rows[int(q)].result->text();
}

} // namespace naqsh
