#include "LayerPalette.h"

#include "QuickAdd.h"

#include "LayerIcons.h"
#include "canvas/CanvasStyle.h"
#include "layers/LayerRegistry.h"

#include <QApplication>
#include <QDrag>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace naqsh {

namespace {

constexpr int kTypeIdRole = Qt::UserRole + 1;
constexpr int kCategoryRole = Qt::UserRole + 2; ///< index into LayerRegistry::categories()

/// The tree: drags carry the type id and show a chip with the type's icon and name.
class PaletteTree : public QTreeWidget
{
public:
    using QTreeWidget::QTreeWidget;

protected:
    QStringList mimeTypes() const override
    {
        return {QString::fromLatin1(LayerPalette::kMimeType)};
    }

    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override
    {
        for (const QTreeWidgetItem *item : items) {
            const QString id = item->data(0, kTypeIdRole).toString();
            if (!id.isEmpty())
                return LayerPalette::createMimeData(id);
        }
        return nullptr;
    }

    void startDrag(Qt::DropActions) override
    {
        QTreeWidgetItem *item = currentItem();
        if (!item || item->data(0, kTypeIdRole).toString().isEmpty())
            return;
        auto *drag = new QDrag(this);
        drag->setMimeData(mimeData({item}));
        const QPixmap chip = dragPixmap(item);
        drag->setPixmap(chip);
        drag->setHotSpot(QPoint(int(chip.width() / chip.devicePixelRatio() / 2),
                                int(chip.height() / chip.devicePixelRatio() / 2)));
        drag->exec(Qt::CopyAction, Qt::CopyAction);
    }

private:
    QPixmap dragPixmap(const QTreeWidgetItem *item) const
    {
        const QFontMetrics fm(font());
        const int pad = fm.height() / 2;
        const int iconSize = fm.height() + 4;
        const QString text = item->text(0);
        const QSize size(pad + iconSize + pad / 2 + fm.horizontalAdvance(text) + pad,
                         iconSize + pad);
        const qreal dpr = devicePixelRatioF();
        QPixmap pm(size * dpr);
        pm.setDevicePixelRatio(dpr);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(QPointF(0, 0), QSizeF(size)).adjusted(0.5, 0.5, -0.5, -0.5);
        QColor fill = palette().color(QPalette::Base);
        fill.setAlpha(235);
        p.setPen(QPen(palette().color(QPalette::Highlight), 1));
        p.setBrush(fill);
        p.drawRoundedRect(box, pad * 0.6, pad * 0.6);
        const bool rtl = layoutDirection() == Qt::RightToLeft;
        QRect iconRect(rtl ? size.width() - pad - iconSize : pad, (size.height() - iconSize) / 2,
                       iconSize, iconSize);
        item->icon(0).paint(&p, iconRect);
        QRect textRect(0, 0, fm.horizontalAdvance(text) + 1, size.height());
        textRect.moveLeft(rtl ? pad : iconRect.right() + pad / 2);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
        return pm;
    }
};

QIcon searchIcon(const QColor &color)
{
    QPixmap pm(QSize(32, 32));
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(color, 2.6, Qt::SolidLine, Qt::RoundCap));
    p.drawEllipse(QPointF(13.5, 13.5), 7.5, 7.5);
    p.drawLine(QPointF(19, 19), QPointF(26, 26));
    return QIcon(pm);
}

} // namespace

LayerPalette::LayerPalette(const LayerRegistry &registry, QWidget *parent)
    : QWidget(parent)
    , m_registry(registry)
    , m_search(new QLineEdit(this))
    , m_tree(new PaletteTree(this))
    , m_empty(new QLabel(this))
    , m_quickError(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);

    m_search->setObjectName(QStringLiteral("paletteSearch"));
    m_search->setClearButtonEnabled(true);
    QColor muted = palette().color(QPalette::PlaceholderText);
    m_search->addAction(searchIcon(muted), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_quickError->setObjectName(QStringLiteral("paletteQuickError"));
    m_quickError->setWordWrap(true);
    QPalette red = m_quickError->palette();
    red.setColor(QPalette::WindowText, QColor(220, 38, 38));
    m_quickError->setPalette(red);
    m_quickError->hide();
    layout->addWidget(m_quickError);

    m_tree->setObjectName(QStringLiteral("paletteTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(1);
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(0);
    m_tree->setUniformRowHeights(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setIconSize(QSize(22, 22));
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setMouseTracking(true);
    layout->addWidget(m_tree, 1);

    m_empty->setObjectName(QStringLiteral("paletteEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->hide();
    layout->addWidget(m_empty);

    connect(m_search, &QLineEdit::textChanged, this, &LayerPalette::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_quickError, &QLabel::hide);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { activateItem(item); });

    build();
    retranslate();
}

QMimeData *LayerPalette::createMimeData(const QString &typeId)
{
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(kMimeType), typeId.toUtf8());
    return data;
}

QString LayerPalette::typeIdFromMimeData(const QMimeData *data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(kMimeType)));
}

void LayerPalette::build()
{
    m_tree->clear();
    const CanvasStyle style = CanvasStyle::fromPalette(palette(), font());
    const QVector<const char *> categories = m_registry.categories();
    const QFontMetrics fm(font());
    for (int c = 0; c < categories.size(); ++c) {
        auto *header = new QTreeWidgetItem(m_tree);
        header->setFlags(Qt::ItemIsEnabled);
        header->setData(0, kCategoryRole, c);
        header->setFirstColumnSpanned(true);
        QFont bold = font();
        bold.setWeight(QFont::DemiBold);
        header->setFont(0, bold);
        header->setForeground(0, palette().brush(QPalette::PlaceholderText));
        header->setSizeHint(0, QSize(0, fm.height() + fm.height() * 3 / 4));
        const QIcon icon = categoryIcon(categories[c], style.categoryColor(categories[c]));
        for (const LayerType &t : m_registry.types()) {
            if (qstrcmp(t.category, categories[c]) != 0)
                continue;
            auto *item = new QTreeWidgetItem(header);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
            item->setData(0, kTypeIdRole, t.id);
            item->setData(0, kCategoryRole, c);
            item->setIcon(0, icon);
            item->setSizeHint(0, QSize(0, qMax(fm.height(), 22) + 8));
        }
    }
    m_tree->expandAll();
}

void LayerPalette::retranslate()
{
    m_search->setPlaceholderText(tr("Search or add: conv 5x5 32 same"));
    m_search->setToolTip(
        tr("Filter by name, id or description. Enter adds the first match after the selected "
           "layer. Parameters may follow the name, as the canvas writes them: “input 192x28x28”, "
           "“conv 5x5 32 same” (kernel, filters, padding), or key=value. Typing on the canvas "
           "starts here."));
    m_tree->setToolTip(QString());
    const QVector<const char *> categories = m_registry.categories();
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        header->setText(0, layerTr(categories.value(header->data(0, kCategoryRole).toInt(), "")));
        for (int i = 0; i < header->childCount(); ++i) {
            QTreeWidgetItem *item = header->child(i);
            const LayerType *t = m_registry.find(item->data(0, kTypeIdRole).toString());
            if (!t)
                continue;
            item->setText(0, t->translatedName());
            item->setToolTip(0, t->translatedHelp());
            item->setStatusTip(0, t->translatedHelp());
        }
    }
    applyFilter();
}

void LayerPalette::applyFilter()
{
    // The first word filters; what follows sets parameters (QuickAdd).
    const QString needle = m_search->text().trimmed().section(QLatin1Char(' '), 0, 0);
    int shown = 0;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        const bool categoryMatches =
            !needle.isEmpty() && header->text(0).contains(needle, Qt::CaseInsensitive);
        int visible = 0;
        for (int i = 0; i < header->childCount(); ++i) {
            QTreeWidgetItem *item = header->child(i);
            const LayerType *t = m_registry.find(item->data(0, kTypeIdRole).toString());
            bool match = needle.isEmpty() || categoryMatches;
            if (!match && t) {
                match = t->translatedName().contains(needle, Qt::CaseInsensitive) ||
                        t->id.contains(needle, Qt::CaseInsensitive) ||
                        QString::fromUtf8(t->displayName).contains(needle, Qt::CaseInsensitive) ||
                        t->translatedHelp().contains(needle, Qt::CaseInsensitive);
            }
            item->setHidden(!match);
            visible += match ? 1 : 0;
        }
        header->setHidden(visible == 0);
        if (visible > 0 && !needle.isEmpty())
            header->setExpanded(true);
        shown += visible;
    }
    m_empty->setText(tr("No layer matches “%1”").arg(needle));
    m_empty->setVisible(shown == 0);
    m_tree->setVisible(shown > 0);
    QTreeWidgetItem *current = m_tree->currentItem();
    if (current && current->isHidden())
        m_tree->setCurrentItem(nullptr);
}

void LayerPalette::startTyping(const QString &text)
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->setText(text);
}

QString LayerPalette::filterText() const
{
    return m_search->text();
}

void LayerPalette::setFilterText(const QString &text)
{
    m_search->setText(text);
}

QStringList LayerPalette::visibleTypeIds() const
{
    QStringList ids;
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        const QTreeWidgetItem *header = m_tree->topLevelItem(c);
        if (header->isHidden())
            continue;
        for (int i = 0; i < header->childCount(); ++i)
            if (!header->child(i)->isHidden())
                ids << header->child(i)->data(0, kTypeIdRole).toString();
    }
    return ids;
}

QTreeWidgetItem *LayerPalette::itemForType(const QString &typeId) const
{
    for (int c = 0; c < m_tree->topLevelItemCount(); ++c) {
        QTreeWidgetItem *header = m_tree->topLevelItem(c);
        for (int i = 0; i < header->childCount(); ++i)
            if (header->child(i)->data(0, kTypeIdRole).toString() == typeId)
                return header->child(i);
    }
    return nullptr;
}

void LayerPalette::activateItem(QTreeWidgetItem *item)
{
    const QString id = item ? item->data(0, kTypeIdRole).toString() : QString();
    if (!id.isEmpty())
        emit layerActivated(id);
}

bool LayerPalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const QStringList visible = visibleTypeIds();
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter: {
            const QString text = m_search->text().trimmed();
            if (text.contains(QLatin1Char(' '))) {
                const QuickAdd q = QuickAdd::parse(m_registry, text, visible);
                if (!q.error.isEmpty() || q.typeId.isEmpty()) {
                    m_quickError->setText(q.error);
                    m_quickError->setVisible(!q.error.isEmpty());
                    return true;
                }
                m_search->clear();
                emit layerRequested(q.typeId, q.params);
            } else if (!text.isEmpty() && !visible.isEmpty()) {
                const QString id = visible.first();
                m_search->clear();
                activateItem(itemForType(id));
            }
            return true;
        }
        case Qt::Key_Down:
            if (!visible.isEmpty()) {
                m_tree->setCurrentItem(itemForType(visible.first()));
                m_tree->setFocus(Qt::TabFocusReason);
            }
            return true;
        case Qt::Key_Escape:
            if (!m_search->text().isEmpty()) {
                m_search->clear();
                return true;
            }
            break;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LayerPalette::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        build();
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace naqsh
