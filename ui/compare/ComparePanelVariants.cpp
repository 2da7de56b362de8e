// ComparePanel's edits of the variant list: add (a selection, a path, the branches, another
// document), rename, remove, reorder. Each one is a SetVariantsCommand on the document's undo
// stack.
#include "Branches.h"
#include "ComparePanel.h"

#include "AddPathDialog.h"
#include "Document.h"
#include "LayerSelection.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace naqsh {

namespace {

/// A name and role prompt for "Add selection as variant…" and "Compare with another document…".
bool askNameAndRole(QWidget *parent, const QString &title, const QString &hint, QString *name,
                    ComparePanel::Role *role)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *edit = new QLineEdit(*name, &dialog);
    edit->selectAll();
    auto *roles = new QComboBox(&dialog);
    roles->addItem(ComparePanel::tr("B, compared with A"), int(ComparePanel::Role::B));
    roles->addItem(ComparePanel::tr("A, the reference"), int(ComparePanel::Role::A));
    roles->addItem(ComparePanel::tr("Neither (just keep it)"), int(ComparePanel::Role::None));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout;
    form->addRow(ComparePanel::tr("Name:"), edit);
    form->addRow(ComparePanel::tr("Use as:"), roles);
    auto *layout = new QVBoxLayout(&dialog);
    auto *label = new QLabel(hint, &dialog);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addLayout(form);
    layout->addWidget(buttons);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    if (!edit->text().trimmed().isEmpty())
        *name = edit->text().trimmed();
    *role = ComparePanel::Role(roles->currentData().toInt());
    return true;
}

} // namespace

// ---- edits ----

void ComparePanel::pushVariants(const QVector<Variant> &variants, const QString &text)
{
    m_doc->undoStack()->push(new SetVariantsCommand(m_doc->model(), variants, text));
}

void ComparePanel::addVariant(const Variant &variant, Role role, const QString &text)
{
    QVector<Variant> list = m_doc->model()->graph().variants;
    list.append(variant);
    pushVariants(list, text);
    const int index = int(list.size()) - 1;
    auto other = [&](int keep) {
        if (keep >= 0 && keep != index)
            return keep;
        for (int i = 0; i < index; ++i)
            if (i != index)
                return i;
        return -1;
    };
    if (role == Role::A)
        setPair(index, other(m_b));
    else if (role == Role::B)
        setPair(other(m_a), index);
}

void ComparePanel::addLayersVariant(const QString &name, const QVector<LayerId> &layers, Role role)
{
    Variant v;
    v.name = name;
    v.kind = Variant::Kind::Layers;
    v.layers = layers;
    addVariant(v, role, tr("Add comparison “%1”").arg(isolated(name)));
}

void ComparePanel::addPathVariant(const QString &name, LayerId from, LayerId to, Role role)
{
    Variant v;
    v.name = name;
    v.kind = Variant::Kind::Path;
    v.from = from;
    v.to = to;
    addVariant(v, role, tr("Add comparison “%1”").arg(isolated(name)));
}

bool ComparePanel::addDocumentVariant(const QString &file, const QString &name, Role role,
                                      QString *error)
{
    const NaqshFile::ReadResult read = NaqshFile::read(file, m_doc->model()->registry());
    if (!read.ok()) {
        if (error)
            *error = read.error;
        return false;
    }
    Variant v;
    v.name = name.isEmpty() ? (read.graph.name.isEmpty() ? QFileInfo(file).completeBaseName()
                                                         : read.graph.name)
                            : name;
    v.kind = Variant::Kind::Document;
    v.documentPath = VariantResolver::storedPath(m_doc->filePath(), file);
    addVariant(v, role, tr("Compare with “%1”").arg(isolated(QFileInfo(file).fileName())));
    return true;
}

void ComparePanel::renameVariant(int index, const QString &name)
{
    QVector<Variant> list = m_doc->model()->graph().variants;
    if (index < 0 || index >= list.size() || name.trimmed().isEmpty() ||
        list[index].name == name.trimmed())
        return;
    list[index].name = name.trimmed();
    pushVariants(list, tr("Rename comparison to “%1”").arg(isolated(name.trimmed())));
}

void ComparePanel::removeVariant(int index)
{
    QVector<Variant> list = m_doc->model()->graph().variants;
    if (index < 0 || index >= list.size())
        return;
    const QString name = list[index].name;
    list.removeAt(index);
    pushVariants(list, tr("Remove comparison “%1”").arg(isolated(name)));
}

void ComparePanel::moveVariant(int index, int delta)
{
    QVector<Variant> list = m_doc->model()->graph().variants;
    const int to = index + delta;
    if (index < 0 || index >= list.size() || to < 0 || to >= list.size())
        return;
    list.move(index, to);
    pushVariants(list, tr("Move comparison “%1”").arg(isolated(list[to].name)));
    if (QTreeWidgetItem *item = m_list->topLevelItem(to))
        m_list->setCurrentItem(item);
}

void ComparePanel::addSelectionAsVariant()
{
    const QVector<LayerId> layers = m_selection->layers();
    if (layers.isEmpty()) {
        m_info->setText(tr("Select the layers of a variant first (on the canvas or in the cost "
                           "table), then add them here."));
        m_info->show();
        return;
    }
    const Graph &g = m_doc->model()->graph();
    QStringList names;
    for (LayerId id : layers)
        if (const Layer *l = g.layer(id))
            names << l->name;
    QString name = names.size() <= 3 ? names.join(QStringLiteral(" + "))
                                     : tr("%n layer(s)", nullptr, int(names.size()));
    Role role = Role::B;
    if (!askNameAndRole(this, tr("Add selection as variant"),
                        tr("The %n selected layer(s) become one variant; their costs are added up.",
                           nullptr, int(layers.size())),
                        &name, &role))
        return;
    addLayersVariant(name, layers, role);
}

void ComparePanel::addPath()
{
    const Graph &g = m_doc->model()->graph();
    const QVector<LayerId> sel = m_selection->layers();
    LayerId from = sel.value(0), to = sel.size() >= 2 ? sel.value(1) : sel.value(0);
    // Prefill in data-flow order, whichever order the two layers were selected in.
    if (from.isValid() && to.isValid() && from != to && !g.reaches(from, to) && g.reaches(to, from))
        std::swap(from, to);
    AddPathDialog dialog(m_doc->model(), m_doc->analyzer(), from, to, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.isValidPath())
        return;
    addPathVariant(dialog.name(), dialog.from(), dialog.to(), Role(int(dialog.role())));
}

bool ComparePanel::compareBranches()
{
    const Graph &g = m_doc->model()->graph();
    const QVector<LayerId> sel = m_selection->layers();
    const QVector<Branch> branches =
        branchesFrom(g, forkOf(g, sel.size() == 1 ? sel.first() : LayerId()));
    if (branches.size() < 2) {
        m_info->setText(tr("No branches to compare: select a layer that feeds two or more "
                           "chains of layers (or a layer on one of them)."));
        m_info->show();
        return false;
    }
    QVector<Variant> list = g.variants;
    QVector<int> indexes;
    for (const Branch &b : branches) {
        int found = -1;
        for (int i = 0; i < list.size() && found < 0; ++i)
            if (list[i].kind == Variant::Kind::Path && list[i].from == b.from && list[i].to == b.to)
                found = i;
        if (found < 0) {
            Variant v;
            v.name = branchName(g, m_doc->model()->registry(), b);
            v.kind = Variant::Kind::Path;
            v.from = b.from;
            v.to = b.to;
            list.append(v);
            found = int(list.size()) - 1;
        }
        indexes.append(found);
    }
    if (list != g.variants)
        pushVariants(list, tr("Compare the branches"));
    setPair(indexes[0], indexes[1]);
    return true;
}

void ComparePanel::compareWithDocument()
{
    const QString dir =
        m_doc->filePath().isEmpty() ? QString() : QFileInfo(m_doc->filePath()).absolutePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Compare with another document"),
                                                      dir, tr("Naqsh documents (*.naqsh)"));
    if (file.isEmpty())
        return;
    const NaqshFile::ReadResult read = NaqshFile::read(file, m_doc->model()->registry());
    if (!read.ok()) {
        m_errors->setText(
            tr("Cannot compare with %1: %2").arg(QFileInfo(file).fileName(), read.error));
        m_errors->show();
        return;
    }
    QString name = read.graph.name.isEmpty() ? QFileInfo(file).completeBaseName() : read.graph.name;
    Role role = Role::B;
    if (!askNameAndRole(
            this, tr("Compare with another document"),
            tr("The whole model in %1 becomes one variant.").arg(QFileInfo(file).fileName()), &name,
            &role))
        return;
    addDocumentVariant(file, name, role);
}

} // namespace naqsh
