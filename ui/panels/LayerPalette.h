#pragma once

#include <QVariantMap>
#include <QWidget>

class QLabel;
class QLineEdit;
class QMimeData;
class QTreeWidget;
class QTreeWidgetItem;

namespace naqsh {

class LayerRegistry;

/// The layer palette: every registered layer type, grouped under its category in registry
/// order, each with its category's icon and its translated help as tooltip. A search field
/// filters by translated name, type id, help text and category (case-insensitive). Dragging a
/// type carries kMimeType with the type id; double-click or Enter on a type (or Enter in the
/// search field, for the first match) emits layerActivated. The search also takes a layer with
/// its parameters ("conv 5x5 32 same": the first word filters, the rest sets parameters, see
/// QuickAdd); Enter then emits layerRequested. Enter clears the search and keeps the focus
/// there, so the next layer can be typed at once. Names are translated at display time and
/// follow QEvent::LanguageChange.
class LayerPalette : public QWidget
{
    Q_OBJECT
public:
    /// MIME format of a dragged layer type; the payload is the type id in UTF-8.
    static constexpr const char *kMimeType = "application/x-naqsh-layer-type";

    /// @p registry must outlive the palette.
    explicit LayerPalette(const LayerRegistry &registry, QWidget *parent = nullptr);

    /// The data a drag of @p typeId carries (the caller owns it).
    static QMimeData *createMimeData(const QString &typeId);
    /// The type id carried by @p data, or an empty string if it carries none.
    static QString typeIdFromMimeData(const QMimeData *data);

    /// Starts a search with @p text typed elsewhere (the canvas forwards typing here).
    void startTyping(const QString &text);

    QString filterText() const;
    void setFilterText(const QString &text);
    /// Ids of the types currently shown (not filtered out), in display order.
    QStringList visibleTypeIds() const;

    QLineEdit *searchField() const { return m_search; }
    QTreeWidget *tree() const { return m_tree; }
    /// The tree item of @p typeId, or nullptr.
    QTreeWidgetItem *itemForType(const QString &typeId) const;

signals:
    /// The user asked to add a layer of @p typeId (double-click, Enter).
    void layerActivated(const QString &typeId);
    /// The user typed a layer with parameters into the search ("conv 5x5 32 same", see
    /// QuickAdd) and pressed Enter: add a @p typeId layer with @p params.
    void layerRequested(const QString &typeId, const QVariantMap &params);

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void build();
    void retranslate();
    void applyFilter();
    void activateItem(QTreeWidgetItem *item);

    const LayerRegistry &m_registry;
    QLineEdit *m_search;
    QTreeWidget *m_tree;
    QLabel *m_empty;
    QLabel *m_quickError; ///< why a typed "conv 5x5 32 same" was not understood
};

} // namespace naqsh
