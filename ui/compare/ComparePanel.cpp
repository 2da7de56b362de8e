#include "ComparePanel.h"

#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "VariantPalette.h"
#include "analysis/Analyzer.h"
#include "graph/GraphModel.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFontMetrics>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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

enum ListColumn { NameColumn, RoleColumn, ContentsColumn };

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
