#include "ComparePanel.h"
#include "Branches.h"

#include "AddPathDialog.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "VariantPalette.h"
#include "analysis/Analyzer.h"
#include "analysis/TooLarge.h"
#include "commands/GraphCommands.h"
#include "exec/Measurement.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "io/Report.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QVBoxLayout>

namespace naqsh {

namespace {

constexpr int kMaxBreakdownLines = 12;
const QColor kFewer(0x2E, 0x7D, 0x32);
const QColor kMore(0xB0, 0x3A, 0x2E);
const QColor kSame(0x60, 0x60, 0x60);

enum ListColumn { NameColumn, RoleColumn, ContentsColumn };

QColor directionColor(qint64 a, qint64 b)
{
    const Ratio r = compareCounts(a, b);
    return r.equal ? kSame : r.fewer ? kFewer : kMore;
}

/// The value of one totals-table row for some costs (the rows of Report::compareQuantities).
qint64 rowValue(int row, const Costs &c, FlopConvention convention, DType dtype)
{
    switch (row) {
    case ComparePanel::ParamsRow:
        return c.params().value();
    case ComparePanel::WeightsRow:
        return c.weights.value();
    case ComparePanel::MacsRow:
        return c.macs.value();
    case ComparePanel::FlopsRow:
        return flops(c, convention).value();
    case ComparePanel::ActivationsRow:
        return c.activations.value();
    case ComparePanel::MemoryRow:
        return activationBytes(c.activations, dtype).value();
    default:
        return 0;
    }
}

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

ComparePanel::ComparePanel(Document *document, LayerSelection *selection, DisplayContext *display,
                           QWidget *parent)
    : QWidget(parent)
    , m_doc(document)
    , m_selection(selection)
    , m_display(display)
    , m_resolver(document->model()->registry())
{
    buildUi();
    GraphModel *model = m_doc->model();
    connect(m_doc->analyzer(), &Analyzer::analysisUpdated, this, &ComparePanel::refresh);
    connect(model, &GraphModel::variantsChanged, this, &ComparePanel::onVariantsChanged);
    connect(model, &GraphModel::graphReset, this, &ComparePanel::onVariantsChanged);
    connect(model, &GraphModel::layerRenamed, this, &ComparePanel::refresh);
    connect(m_doc, &Document::filePathChanged, this, &ComparePanel::refresh);
    connect(m_doc, &Document::measurementChanged, this, &ComparePanel::refresh);
    connect(m_display, &DisplayContext::changed, this, &ComparePanel::refresh);
    connect(m_selection, &LayerSelection::selectionChanged, this, &ComparePanel::updateButtons);
    retranslate();
    onVariantsChanged();
}

void ComparePanel::buildUi()
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);

    // Headline cards: one big phrase each, for projection in a classroom.
    m_headlineFrame = new QFrame(this);
    // One under the other: each card as wide as its phrase, the charts beside them.
    auto *cards = new QVBoxLayout(m_headlineFrame);
    cards->setContentsMargins(0, 0, 0, 0);
    cards->setSpacing(8);
    for (int i = 0; i < 3; ++i) {
        auto *card = new QFrame(m_headlineFrame);
        card->setObjectName(QStringLiteral("headlineCard"));
        card->setStyleSheet(
            QStringLiteral("#headlineCard { background: palette(alternate-base);"
                           " border: 1px solid palette(mid); border-radius: 6px; }"));
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(10, 4, 10, 4);
        v->setSpacing(0);
        auto *big = new QLabel(card);
        big->setObjectName(QStringLiteral("headlineBig"));
        QFont f = big->font();
        f.setPointSizeF(f.pointSizeF() * 1.9);
        f.setBold(true);
        big->setFont(f);
        // One line, never cut: the card is as wide as its phrase.
        big->setWordWrap(false);
        big->setAlignment(Qt::AlignCenter);
        big->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto *detail = new QLabel(card);
        detail->setWordWrap(false);
        detail->setAlignment(Qt::AlignCenter);
        detail->setStyleSheet(QStringLiteral("color: palette(dark);"));
        v->addWidget(big);
        if (i == 0) {
            // Run › Measure on This Computer: what the counted ratio became on this CPU.
            m_measured = new QLabel(card);
            m_measured->setObjectName(QStringLiteral("measuredRatio"));
            QFont mf = m_measured->font();
            mf.setPointSizeF(mf.pointSizeF() * 1.25);
            mf.setBold(true);
            m_measured->setFont(mf);
            m_measured->setWordWrap(false);
            m_measured->setAlignment(Qt::AlignCenter);
            m_measured->setTextInteractionFlags(Qt::TextSelectableByMouse);
            v->addWidget(m_measured);
        }
        v->addWidget(detail);
        cards->addWidget(card, 1);
        m_headlineLabels.append(big);
        m_headlineDetails.append(detail);
    }

    m_labelA = new QLabel(this);
    m_labelB = new QLabel(this);
    m_comboA = new QComboBox(this);
    m_comboB = new QComboBox(this);
    m_comboA->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_comboB->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_swap = new QToolButton(this);
    m_swap->setText(QStringLiteral("⇄"));
    auto *pair = new QHBoxLayout;
    pair->addWidget(m_labelA);
    pair->addWidget(m_comboA, 1);
    pair->addWidget(m_swap);
    pair->addWidget(m_labelB);
    pair->addWidget(m_comboB, 1);
    connect(m_comboA, &QComboBox::activated, this,
            [this](int i) { setPair(m_comboA->itemData(i).toInt(), m_b); });
    connect(m_comboB, &QComboBox::activated, this,
            [this](int i) { setPair(m_a, m_comboB->itemData(i).toInt()); });
    connect(m_swap, &QToolButton::clicked, this, [this] { setPair(m_b, m_a); });

    m_table = new QTableWidget(RowCount, ColumnCount, this);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    for (int r = 0; r < RowCount; ++r)
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem;
            item->setTextAlignment(
                (c == AColumn || c == BColumn ? Qt::AlignRight : Qt::AlignLeading) |
                Qt::AlignVCenter);
            m_table->setItem(r, c, item);
        }
    for (int c = 0; c < ColumnCount; ++c)
        m_table->setHorizontalHeaderItem(c, new QTableWidgetItem);
    connect(m_table, &QTableWidget::cellClicked, this, &ComparePanel::onCellClicked);

    m_info = new QLabel(this);
    m_info->setWordWrap(true);
    m_info->setStyleSheet(QStringLiteral("color: palette(dark);"));
    m_errors = new QLabel(this);
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setStyleSheet(
        QStringLiteral("QLabel { color: #7A1F16; background: #FBEAE8; border: "
                       "1px solid #E5B4AE; border-radius: 4px; padding: 6px; }"));

    m_listTitle = new QLabel(this);
    QFont bold = m_listTitle->font();
    bold.setBold(true);
    m_listTitle->setFont(bold);
    m_list = new QTreeWidget(this);
    m_list->setColumnCount(3);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(RoleColumn, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setMinimumHeight(90);
    connect(m_list, &QTreeWidget::itemChanged, this, &ComparePanel::onItemChanged);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { m_list->editItem(item, NameColumn); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ComparePanel::updateButtons);

    m_add = new QToolButton(this);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_add);
    m_addSelection = menu->addAction(QString(), this, &ComparePanel::addSelectionAsVariant);
    m_addPath = menu->addAction(QString(), this, &ComparePanel::addPath);
    m_addDocument = menu->addAction(QString(), this, &ComparePanel::compareWithDocument);
    m_add->setMenu(menu);
    m_up = new QToolButton(this);
    m_up->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_down = new QToolButton(this);
    m_down->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_remove = new QToolButton(this);
    m_remove->setIcon(style()->standardIcon(QStyle::SP_TrashIcon));
    connect(m_up, &QToolButton::clicked, this, [this] { moveVariant(currentListRow(), -1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveVariant(currentListRow(), +1); });
    connect(m_remove, &QToolButton::clicked, this, [this] { removeVariant(currentListRow()); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_listTitle, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_remove);

    // The title and the cards always show whole; the details scroll under them when the
    // dock is short (a classroom laptop) and are hidden in presentation.
    m_details = new QScrollArea(this);
    m_details->setFrameShape(QFrame::NoFrame);
    m_details->setWidgetResizable(true);
    auto *details = new QWidget(m_details);
    auto *inner = new QVBoxLayout(details);
    inner->setContentsMargins(0, 0, 0, 0);
    inner->addLayout(pair);
    inner->addWidget(m_table);
    inner->addWidget(m_info);
    inner->addWidget(m_errors);
    inner->addLayout(buttons);
    inner->addWidget(m_list, 1);
    m_details->setWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_headlineFrame);
    layout->addWidget(m_details, 1);
}

void ComparePanel::setPresenting(bool on)
{
    // Presentation: the three headline cards, one under the other, and nothing else.
    m_presenting = on;
    m_details->setVisible(!on);
    // Labels with a style sheet or a font of their own do not follow the application font.
    const QFont base = QApplication::font();
    for (QLabel *big : std::as_const(m_headlineLabels)) {
        QFont f = base;
        f.setPointSizeF(base.pointSizeF() * (on ? 1.3 : 1.9));
        f.setBold(true);
        big->setFont(f);
    }
    for (QLabel *detail : std::as_const(m_headlineDetails)) {
        detail->setFont(base);
        detail->setVisible(true);
    }
    QFont measured = base;
    measured.setPointSizeF(base.pointSizeF() * (on ? 1.0 : 1.25));
    measured.setBold(true);
    m_measured->setFont(measured);
    m_title->setFont(base);
    fitHeadlines();
}

void ComparePanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitHeadlines();
}

void ComparePanel::fitHeadlines()
{
    if (m_headlineLabels.isEmpty())
        return;
    if (!m_presenting) {
        // On the desk each card is as wide as its phrase (the label's own minimum).
        for (QLabel *big : std::as_const(m_headlineLabels))
            big->setMinimumWidth(0);
        return;
    }
    const QFont base = QApplication::font();
    const QMargins margins = layout()->contentsMargins();
    const int spacing = layout()->spacing();
    const int title = m_title->isVisibleTo(this)
                          ? m_title->heightForWidth(width() - margins.left() - margins.right())
                          : 0;
    const int room = height() - margins.top() - margins.bottom() - title - 2 * spacing;
    // Per card: its margins (4 + 4) and border (1 + 1); between cards, the layout's 8.
    const int cards = int(m_headlineLabels.size());
    const int fixed =
        cards * 10 + (cards - 1) * 8 +
        (m_measured->isVisibleTo(this) ? QFontMetrics(m_measured->font()).height() : 0);
    const int detail = QFontMetrics(base).height();
    // Across: the panel less its margins and a card's (10 + 10) and border (1 + 1).
    const int across = width() - margins.left() - margins.right() - 22;
    auto widest = [](const QList<QLabel *> &labels, const QFont &f) {
        const QFontMetrics m(f);
        int w = 0;
        for (QLabel *l : labels)
            w = qMax(w, m.horizontalAdvance(l->text()));
        return w;
    };
    auto phraseFont = [&base](qreal scale) {
        QFont f = base;
        f.setPointSizeF(base.pointSizeF() * scale);
        f.setBold(true);
        return f;
    };
    // The panel may be as narrow as the phrases at the presentation font (a column beside the
    // canvas): a wider panel gets them larger.
    const int narrowest = widest(m_headlineLabels, phraseFont(1.0));
    for (QLabel *big : std::as_const(m_headlineLabels))
        big->setMinimumWidth(narrowest);
    const bool detailsFit = widest(m_headlineDetails, base) <= across;
    // The largest phrase with the figures under it; else without them; else the smallest.
    qreal chosen = 1.0;
    bool details = false;
    [&] {
        for (const bool withDetails : {true, false}) {
            if (withDetails && !detailsFit)
                continue;
            for (const qreal scale : {1.3, 1.2, 1.1, 1.0}) {
                const QFont f = phraseFont(scale);
                const int line = QFontMetrics(f).height() + (withDetails ? detail : 0);
                if (fixed + cards * line <= room &&
                    (scale == 1.0 || widest(m_headlineLabels, f) <= across)) {
                    chosen = scale;
                    details = withDetails;
                    return;
                }
            }
        }
    }();
    for (QLabel *big : std::as_const(m_headlineLabels)) {
        const QFont f = phraseFont(chosen);
        if (big->font() != f)
            big->setFont(f);
    }
    for (QLabel *d : std::as_const(m_headlineDetails))
        d->setVisible(details);
}

void ComparePanel::retranslate()
{
    m_labelA->setText(tr("A:"));
    m_labelB->setText(tr("B:"));
    m_swap->setToolTip(tr("Swap A and B"));
    m_listTitle->setText(tr("Variants in this document"));
    m_list->setHeaderLabels({tr("Name"), tr("Role"), tr("Contents")});
    m_add->setText(tr("Add"));
    m_add->setToolTip(tr("Add a variant to compare"));
    m_addSelection->setText(tr("Add selection as variant…"));
    m_addPath->setText(tr("Add path…"));
    m_addDocument->setText(tr("Compare with another document…"));
    m_up->setToolTip(tr("Move up"));
    m_down->setToolTip(tr("Move down"));
    m_remove->setToolTip(tr("Remove from the comparison"));
    m_list->setToolTip(tr("Double-click a name to rename the variant."));
    refresh();
}

void ComparePanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::LayoutDirectionChange)
        refresh();
    QWidget::changeEvent(event);
}

QStringList ComparePanel::headlines() const
{
    QStringList out;
    if (!m_headlineFrame->isVisibleTo(this))
        return out;
    for (QLabel *l : m_headlineLabels)
        out << l->text();
    return out;
}

QString ComparePanel::errorText() const
{
    return m_errors->isVisibleTo(this) ? m_errors->text() : QString();
}

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

// ---- state ----

void ComparePanel::setPair(int a, int b)
{
    const int n = int(m_doc->model()->graph().variants.size());
    a = a >= 0 && a < n ? a : -1;
    b = b >= 0 && b < n ? b : -1;
    if (a == m_a && b == m_b)
        return;
    m_a = a;
    m_b = b;
    refresh();
    emit pairChanged(m_a, m_b);
}

void ComparePanel::onVariantsChanged()
{
    const QVector<Variant> &now = m_doc->model()->graph().variants;
    // Keep A and B on the same variants across edits: by value (reorder, another variant
    // removed), else by place (a rename); fall back to the first two.
    auto follow = [&](int old) {
        if (old < 0 || old >= m_knownVariants.size())
            return -1;
        const int i = int(now.indexOf(m_knownVariants[old]));
        if (i >= 0)
            return i;
        return now.size() == m_knownVariants.size() ? old : -1;
    };
    int a = follow(m_a), b = follow(m_b);
    const int n = int(now.size());
    if (a < 0)
        for (int i = 0; i < n && a < 0; ++i)
            if (i != b)
                a = i;
    if (b < 0)
        for (int i = 0; i < n && b < 0; ++i)
            if (i != a)
                b = i;
    m_knownVariants = now;
    const bool changed = a != m_a || b != m_b;
    m_a = a;
    m_b = b;
    refresh();
    if (changed)
        emit pairChanged(m_a, m_b);
}

void ComparePanel::refresh()
{
    if (m_updating)
        return;
    m_updating = true;
    m_doc->analyzer()->flush();
    m_variants = m_resolver.resolve(*m_doc);
    // The pair may point past the end for a moment while an undo is delivered.
    if (m_a >= m_variants.size())
        m_a = -1;
    if (m_b >= m_variants.size())
        m_b = -1;
    updateList();
    updatePairCombos();
    updateTotals();
    updateButtons();
    m_updating = false;
}

QString ComparePanel::describe(const ResolvedVariant &r) const
{
    const Graph &g = m_doc->model()->graph();
    auto nameOf = [&](LayerId id) {
        const Layer *l = g.layer(id);
        return l ? l->name : tr("(removed layer)");
    };
    const Variant &v = r.variant;
    switch (v.kind) {
    case Variant::Kind::Path:
        if (v.from == v.to)
            return tr("the layer %1").arg(nameOf(v.from));
        return tr("path %1 → %2, %n layer(s)", nullptr, int(r.summary.layers.size()))
            .arg(nameOf(v.from), nameOf(v.to));
    case Variant::Kind::Layers: {
        QStringList names;
        for (LayerId id : v.layers.mid(0, 3))
            names << nameOf(id);
        if (v.layers.size() > 3)
            names << QStringLiteral("…");
        return tr("%n chosen layer(s): %1", nullptr, int(v.layers.size()))
            .arg(names.join(QStringLiteral(", ")));
    }
    case Variant::Kind::Document:
        return tr("whole model in %1, %n layer(s)", nullptr, int(r.summary.layers.size()))
            .arg(QFileInfo(v.documentPath).fileName());
    }
    return {};
}

QString ComparePanel::isolated(const QString &text) const
{
    // A name like "1×1 then 5×5" starts with digits: in right-to-left text it would be reordered
    // ("then 5×5 1×1") unless it keeps its own direction (FIRST STRONG ISOLATE … PDI).
    if (layoutDirection() != Qt::RightToLeft)
        return text;
    return QChar(0x2068) + text + QChar(0x2069);
}

QString ComparePanel::phrase(const QString &text) const
{
    // A translated phrase may start with a Latin word ("MACها ۹٫۶۸× کمتر"): a right-to-left
    // mark makes right to left the direction of the whole line, as the layout is.
    if (layoutDirection() != Qt::RightToLeft)
        return text;
    return QChar(0x200F) + text;
}

void ComparePanel::updateList()
{
    const bool wasUpdating = m_list->signalsBlocked();
    m_list->blockSignals(true);
    while (m_list->topLevelItemCount() > m_variants.size())
        delete m_list->takeTopLevelItem(m_list->topLevelItemCount() - 1);
    while (m_list->topLevelItemCount() < m_variants.size()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (int i = 0; i < m_variants.size(); ++i) {
        const ResolvedVariant &r = m_variants[i];
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        item->setText(NameColumn, isolated(r.variant.name));
        item->setIcon(NameColumn, VariantPalette::swatch(VariantPalette::slotOf(i, m_a, m_b)));
        item->setText(RoleColumn, i == m_a   ? QStringLiteral("A")
                                  : i == m_b ? QStringLiteral("B")
                                             : QString());
        QFont f = item->font(RoleColumn);
        f.setBold(true);
        item->setFont(RoleColumn, f);
        item->setTextAlignment(RoleColumn, Qt::AlignCenter);
        item->setText(ContentsColumn, describe(r));
        const QString problem =
            !r.ok() ? r.summary.error
            : r.summary.errorCount > 0
                ? tr("%n layer(s) have errors and are not counted", nullptr, r.summary.errorCount)
                : QString();
        item->setIcon(ContentsColumn, problem.isEmpty() ? QIcon() : warning);
        item->setToolTip(ContentsColumn, problem.isEmpty() ? describe(r) : problem);
    }
    m_list->blockSignals(wasUpdating);
}

void ComparePanel::updatePairCombos()
{
    for (QComboBox *combo : {m_comboA, m_comboB}) {
        const QSignalBlocker block(combo);
        combo->clear();
        for (int i = 0; i < m_variants.size(); ++i)
            combo->addItem(VariantPalette::swatch(VariantPalette::slotOf(i, m_a, m_b)),
                           isolated(m_variants[i].variant.name), i);
        combo->setCurrentIndex(combo->findData(combo == m_comboA ? m_a : m_b));
        combo->setEnabled(m_variants.size() >= 2);
    }
    m_swap->setEnabled(m_a >= 0 && m_b >= 0);
}

void ComparePanel::updateTotals()
{
    const NumberFormat &f = m_display->format();
    const ResolvedVariant *a = m_a >= 0 ? &m_variants[m_a] : nullptr;
    const ResolvedVariant *b = m_b >= 0 ? &m_variants[m_b] : nullptr;
    const bool comparable = a && b && a->ok() && b->ok();

    // Title: "B: 1×1 then 5×5 compared with A: Plain 5×5", with the chart colours.
    auto tag = [&](int index, const QString &letter) {
        const QString color = VariantPalette::color(VariantPalette::slotOf(index, m_a, m_b)).name();
        return QStringLiteral("<span style='color:%1'>■</span>&nbsp;<b>%2</b>&nbsp;%3")
            .arg(color, letter, isolated(m_variants[index].variant.name).toHtmlEscaped());
    };
    const QString dir =
        layoutDirection() == Qt::RightToLeft ? QStringLiteral("rtl") : QStringLiteral("ltr");
    if (a && b)
        m_title->setText(
            QStringLiteral("<div dir='%1'>%2</div>")
                .arg(dir, tr("%1 compared with %2")
                              .arg(tag(m_b, QStringLiteral("B")), tag(m_a, QStringLiteral("A")))));
    else
        m_title->setText(QStringLiteral("<div dir='%1'><b>%2</b></div>")
                             .arg(dir, tr("Compare variants").toHtmlEscaped()));

    Report::CompareInput in;
    if (a)
        in.a = a->summary;
    if (b)
        in.b = b->summary;
    ReportOptions options;
    options.convention = m_display->convention();
    options.dtype = m_display->dtype();
    options.format = f;
    const QVector<Report::CompareQuantity> rows = Report::compareQuantities(in, options);
    Q_ASSERT(rows.size() == RowCount);

    // Headlines: MACs, parameters, activation memory.
    m_headlineFrame->setVisible(comparable);
    const int headlineRows[] = {MacsRow, ParamsRow, MemoryRow};
    for (int i = 0; i < 3 && comparable; ++i) {
        const Report::CompareQuantity &q = rows[headlineRows[i]];
        QLabel *big = m_headlineLabels[i];
        big->setText(phrase(Report::ratioPhrase(q.a, q.b, q.noun, f)));
        big->setStyleSheet(QStringLiteral("color: %1;").arg(directionColor(q.a, q.b).name()));
        const bool memory = headlineRows[i] == MemoryRow;
        m_headlineDetails[i]->setText(tr("A: %1 · B: %2")
                                          .arg(memory ? f.bytes(q.a) : f.integer(q.a),
                                               memory ? f.bytes(q.b) : f.integer(q.b)));
    }
    updateMeasured(comparable ? a : nullptr, comparable ? b : nullptr,
                   Report::ratioPhrase(rows[MacsRow].a, rows[MacsRow].b, rows[MacsRow].noun, f));
    // New phrases: sized again for the panel (presentation).
    fitHeadlines();

    // Table.
    m_table->horizontalHeaderItem(QuantityColumn)->setText(tr("Quantity"));
    m_table->horizontalHeaderItem(AColumn)->setText(
        a ? QStringLiteral("A · %1").arg(isolated(a->variant.name)) : QStringLiteral("A"));
    m_table->horizontalHeaderItem(AColumn)->setIcon(a ? VariantPalette::swatch(0) : QIcon());
    m_table->horizontalHeaderItem(BColumn)->setText(
        b ? QStringLiteral("B · %1").arg(isolated(b->variant.name)) : QStringLiteral("B"));
    m_table->horizontalHeaderItem(BColumn)->setIcon(b ? VariantPalette::swatch(1) : QIcon());
    m_table->horizontalHeaderItem(RatioColumn)->setText(tr("B relative to A"));
    for (int r = 0; r < RowCount; ++r) {
        const Report::CompareQuantity &q = rows[r];
        m_table->item(r, QuantityColumn)->setText(q.label);
        for (int c : {AColumn, BColumn}) {
            const ResolvedVariant *v = c == AColumn ? a : b;
            QTableWidgetItem *item = m_table->item(r, c);
            if (!v || !v->ok()) {
                item->setText(v ? tr("error") : QStringLiteral("—"));
                item->setToolTip(v ? v->summary.error : QString());
                continue;
            }
            const qint64 value = c == AColumn ? q.a : q.b;
            item->setText(f.integer(value));
            // The sum layer by layer: how the total is made.
            QStringList lines;
            for (int p = 0; p < v->parts.size() && p < kMaxBreakdownLines; ++p)
                lines << QStringLiteral("%1: %2").arg(
                    v->parts[p].name,
                    f.integer(rowValue(r, v->parts[p].costs, options.convention, options.dtype)));
            if (v->parts.size() > kMaxBreakdownLines)
                lines << tr("… and %n more layer(s)", nullptr,
                            int(v->parts.size()) - kMaxBreakdownLines);
            lines << QStringLiteral("= %1").arg(f.integer(value));
            if (r == MemoryRow)
                lines << f.bytes(value);
            item->setToolTip(QStringLiteral("<b>%1 — %2</b><br>%3")
                                 .arg(v->variant.name.toHtmlEscaped(), q.label.toHtmlEscaped(),
                                      lines.join(QStringLiteral("<br>"))));
        }
        QTableWidgetItem *ratio = m_table->item(r, RatioColumn);
        ratio->setText(comparable ? phrase(Report::ratioPhrase(q.a, q.b, q.noun, f)) : QString());
        ratio->setForeground(comparable ? directionColor(q.a, q.b) : palette().text().color());
        QFont bold = ratio->font();
        bold.setBold(r == MacsRow || r == ParamsRow || r == MemoryRow);
        ratio->setFont(bold);
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);

    // Guidance and errors.
    QString info;
    if (m_variants.isEmpty())
        info = tr("This document has no comparisons yet. Select the layers of one way to do "
                  "something and choose Add ▸ Add selection as variant…, or pick a branch with "
                  "Add ▸ Add path…. The lesson example already defines both paths.");
    else if (m_variants.size() == 1)
        info = tr("Add a second variant to compare it with “%1”.").arg(m_variants[0].variant.name);
    m_info->setText(info);
    m_info->setVisible(!info.isEmpty());
    QStringList errors;
    for (int i = 0; i < m_variants.size(); ++i) {
        const ResolvedVariant &r = m_variants[i];
        const QString letter = i == m_a   ? QStringLiteral("A · ")
                               : i == m_b ? QStringLiteral("B · ")
                                          : QString();
        if (!r.ok())
            errors << tr("⚠ %1%2: %3").arg(letter, r.variant.name, r.summary.error);
        else if (r.summary.errorCount > 0)
            errors << tr("⚠ %1%2: %n layer(s) have errors and are not counted", nullptr,
                         r.summary.errorCount)
                          .arg(letter, r.variant.name);
    }
    m_errors->setText(errors.join(QLatin1Char('\n')));
    m_errors->setVisible(!errors.isEmpty());
}

QString ComparePanel::measuredText() const
{
    return m_measured ? m_measured->text() : QString();
}

void ComparePanel::updateMeasured(const ResolvedVariant *a, const ResolvedVariant *b,
                                  const QString &counted)
{
    m_measuredHeadline.clear();
    const bool local = a && b && a->variant.kind != Variant::Kind::Document &&
                       b->variant.kind != Variant::Kind::Document;
    if (!local) {
        m_measured->hide();
        return;
    }
    m_measured->show();
    const NumberFormat &f = m_display->format();
    if (!m_doc->hasMeasurement()) {
        // The hint stays off the card (which keeps its size): it is the card's tooltip.
        m_measured->setText(tr("Run › Measure on This Computer to time both here"));
        m_measured->hide();
        m_headlineLabels[0]->setToolTip(m_measured->text());
        return;
    }
    m_headlineLabels[0]->setToolTip(QString());
    const StoredMeasurement &m = m_doc->measurement();
    const PathTime ta = pathTime(m, a->summary.layers);
    const PathTime tb = pathTime(m, b->summary.layers);
    if (!ta.valid() || !tb.valid() || ta.medianMs <= 0 || tb.medianMs <= 0) {
        m_measured->setText(tr("not measured: some of their layers did not run"));
        m_measured->setStyleSheet(QStringLiteral("color: palette(dark); font-weight: normal;"));
        m_measured->setToolTip(QString());
        return;
    }
    QString text;
    const double ratio = ta.medianMs / tb.medianMs;
    if (std::abs(ratio - 1.0) < 0.005)
        text = tr("ran as fast here");
    else if (ratio > 1.0)
        text = tr("ran %1 faster here").arg(f.ratio(ratio));
    else {
        const double slower = 1.0 / ratio;
        text = tr("ran %1 slower here").arg(f.ratio(slower));
    }
    const bool stale = m_doc->isMeasurementStale();
    QString shown = QStringLiteral("— ") + text;
    if (stale)
        shown += QLatin1Char(' ') + tr("(before the last edit)");
    m_measured->setText(phrase(shown));
    m_measured->setStyleSheet(stale ? QStringLiteral("color: palette(dark); font-style: italic;")
                              : ratio >= 1.0 ? QStringLiteral("color: #2E7D32;")
                                             : QStringLiteral("color: #B03A2E;"));
    const ExecReport &r = m.report;
    m_measured->setToolTip(
        tr("Measured on this computer (%1): A %2 ms, B %3 ms, the median of %4 runs on %5 "
           "thread(s); each run's time is the sum of the variant's layers.")
            .arg(m.machine, f.real(ta.medianMs, 3), f.real(tb.medianMs, 3), f.integer(r.repeat),
                 f.integer(r.threads)));
    m_measuredHeadline = counted + QStringLiteral(" — ") + text;
}

void ComparePanel::updateButtons()
{
    const int row = currentListRow();
    const int n = int(m_variants.size());
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row + 1 < n);
    m_remove->setEnabled(row >= 0);
    m_addSelection->setEnabled(!m_selection->layers().isEmpty());
    m_addPath->setEnabled(!m_doc->model()->graph().isEmpty());
}

int ComparePanel::currentListRow() const
{
    QTreeWidgetItem *item = m_list->currentItem();
    return item ? m_list->indexOfTopLevelItem(item) : -1;
}

void ComparePanel::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (column != NameColumn)
        return;
    const int row = m_list->indexOfTopLevelItem(item);
    if (row < 0 || row >= m_variants.size())
        return;
    QString name = item->text(NameColumn);
    name.remove(QChar(0x2068)).remove(QChar(0x2069)); // the isolate added for display
    name = name.trimmed();
    if (name.isEmpty()) {
        const QSignalBlocker block(m_list);
        item->setText(NameColumn, isolated(m_variants[row].variant.name));
        return;
    }
    renameVariant(row, name);
}

void ComparePanel::onCellClicked(int row, int column)
{
    Q_UNUSED(row);
    const int index = column == AColumn ? m_a : column == BColumn ? m_b : -1;
    if (index < 0 || index >= m_variants.size())
        return;
    const ResolvedVariant &r = m_variants[index];
    if (r.variant.kind != Variant::Kind::Document && r.ok())
        m_selection->setSelection(r.summary.layers);
}

} // namespace naqsh
