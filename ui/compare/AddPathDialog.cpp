#include "AddPathDialog.h"

#include "analysis/Analyzer.h"
#include "analysis/VariantSummary.h"
#include "graph/GraphModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace naqsh {

AddPathDialog::AddPathDialog(GraphModel *model, Analyzer *analyzer, LayerId from, LayerId to,
                             QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_analyzer(analyzer)
    , m_from(new QComboBox(this))
    , m_to(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_preview(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add path to the comparison"));
    const Graph &g = model->graph();
    // Data-flow order reads like the network; layers on cycles go last.
    QVector<LayerId> order = analyzer->result().order;
    for (LayerId id : g.layerIds())
        if (!order.contains(id))
            order.append(id);
    for (LayerId id : order) {
        const Layer *l = g.layer(id);
        if (!l)
            continue;
        m_from->addItem(l->name, QVariant::fromValue(id));
        m_to->addItem(l->name, QVariant::fromValue(id));
    }
    m_role->addItem(tr("B, compared with A"), int(Role::B));
    m_role->addItem(tr("A, the reference"), int(Role::A));
    m_role->addItem(tr("Neither (just keep it)"), int(Role::None));
    m_preview->setWordWrap(true);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setMinimumWidth(320);

    auto *form = new QFormLayout;
    form->addRow(tr("First layer of the branch:"), m_from);
    form->addRow(tr("Last layer of the branch:"), m_to);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Use as:"), m_role);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QComboBox::currentIndexChanged, this, &AddPathDialog::updatePreview);
    connect(m_to, &QComboBox::currentIndexChanged, this, &AddPathDialog::updatePreview);

    setFrom(from.isValid() ? from : LayerId());
    setTo(to.isValid() ? to : from);
    updatePreview();
}

LayerId AddPathDialog::from() const
{
    return m_from->currentData().value<LayerId>();
}

LayerId AddPathDialog::to() const
{
    return m_to->currentData().value<LayerId>();
}

QString AddPathDialog::name() const
{
    const QString n = m_name->text().trimmed();
    return n.isEmpty() ? defaultName() : n;
}

AddPathDialog::Role AddPathDialog::role() const
{
    return Role(m_role->currentData().toInt());
}

void AddPathDialog::setFrom(LayerId id)
{
    const int i = m_from->findData(QVariant::fromValue(id));
    if (i >= 0)
        m_from->setCurrentIndex(i);
}

void AddPathDialog::setTo(LayerId id)
{
    const int i = m_to->findData(QVariant::fromValue(id));
    if (i >= 0)
        m_to->setCurrentIndex(i);
}

QString AddPathDialog::preview() const
{
    return m_preview->text();
}

bool AddPathDialog::isValidPath() const
{
    return m_valid;
}

QString AddPathDialog::defaultName() const
{
    if (from() == to())
        return m_from->currentText();
    return tr("%1 → %2").arg(m_from->currentText(), m_to->currentText());
}

void AddPathDialog::updatePreview()
{
    const Graph &g = m_model->graph();
    const LayerId a = from(), b = to();
    const QVector<LayerId> layers = a.isValid() && b.isValid()
                                        ? layersBetween(g, m_analyzer->result(), a, b)
                                        : QVector<LayerId>();
    m_valid = !layers.isEmpty();
    if (m_valid) {
        QStringList names;
        for (LayerId id : layers)
            names << g.layer(id)->name;
        m_preview->setText(tr("%n layer(s) on this path: %1", nullptr, int(layers.size()))
                               .arg(names.join(QStringLiteral(", "))));
        m_preview->setStyleSheet(QString());
    } else {
        m_preview->setText(
            a.isValid() && b.isValid()
                ? tr("No path leads from '%1' to '%2': pick the first layer of the branch, then "
                     "a layer after it.")
                      .arg(m_from->currentText(), m_to->currentText())
                : tr("The document has no layers yet."));
        m_preview->setStyleSheet(QStringLiteral("color: #B03A2E;"));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_valid);
    // Keep following the pickers until the user types a name of their own.
    if (m_name->text().trimmed().isEmpty() || m_name->text() == m_autoName) {
        m_autoName = defaultName();
        m_name->setText(m_autoName);
    }
}

} // namespace naqsh
