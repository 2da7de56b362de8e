#pragma once

#include "VariantResolver.h"

#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QScrollArea;
class QTableWidget;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace naqsh {

class DisplayContext;
class Document;
class LayerSelection;

/// The compare panel: the document's comparison variants side by side.
///
/// - Big headline ratios for classroom projection ("9.68× fewer MACs", "9.68× fewer
///   parameters", "1.50× more activation memory"), B relative to A.
/// - A and B pickers, and a totals table (parameters, weights, MACs, FLOPs under the display
///   convention, activations, activation memory in the display dtype) with the ratio in words.
///   A cell's tooltip shows the sum layer by layer; clicking it selects the variant's layers.
/// - The list of variants: rename (double-click the name), reorder, remove, and add one from the
///   selection, from a branch (first and last layer) or from another .naqsh document. Every
///   edit is a SetVariantsCommand on the document's undo stack, so it is undoable and saved in
///   the file. Variants that cannot be summed are flagged in the list and explained below the
///   table.
///
/// Live: follows Analyzer::analysisUpdated, GraphModel::variantsChanged, DisplayContext::changed
/// and the UI language. The A/B pair is view state (not saved): by default the first two
/// variants; pairChanged() tells the charts.
class ComparePanel : public QWidget
{
    Q_OBJECT
public:
    /// Where a newly added variant goes in the A/B pair.
    enum class Role { None, A, B };
    /// Rows of the totals table, in order.
    enum Row { ParamsRow, WeightsRow, MacsRow, FlopsRow, ActivationsRow, MemoryRow, RowCount };
    /// Columns of the totals table.
    enum Column { QuantityColumn, AColumn, BColumn, RatioColumn, ColumnCount };

    ComparePanel(Document *document, LayerSelection *selection, DisplayContext *display,
                 QWidget *parent = nullptr);

    /// Index of A (B) in the document's variants, or -1.
    int variantA() const { return m_a; }
    int variantB() const { return m_b; }
    /// The document's variants as last summed (in the document's order).
    const QVector<ResolvedVariant> &variants() const { return m_variants; }

    QTableWidget *totalsTable() const { return m_table; }
    QTreeWidget *variantList() const { return m_list; }
    QComboBox *comboA() const { return m_comboA; }
    QComboBox *comboB() const { return m_comboB; }
    /// The headline phrases as shown, MACs first, then parameters and activation memory
    /// (empty when fewer than two variants can be compared).
    QStringList headlines() const;
    /// The counted MACs ratio with the measured one beside it, as shown on the MACs card:
    /// "9.68× fewer MACs — ran 4.10× faster here" (empty without a measurement of both).
    QString measuredHeadline() const { return m_measuredHeadline; }
    /// The measured part alone ("ran 4.10× faster here"), or the hint shown instead.
    QString measuredText() const;
    /// The variant errors shown below the table, one per line (empty when none).
    QString errorText() const;

    /// Undoable edits, also used by the interactive actions. They push one SetVariantsCommand.
    void addLayersVariant(const QString &name, const QVector<LayerId> &layers, Role role = Role::B);
    void addPathVariant(const QString &name, LayerId from, LayerId to, Role role = Role::B);
    /// Reads @p file first; refuses (with @p error) a file that cannot be read.
    bool addDocumentVariant(const QString &file, const QString &name, Role role = Role::B,
                            QString *error = nullptr);
    void renameVariant(int index, const QString &name);
    void removeVariant(int index);
    /// Moves a variant up (@p delta < 0) or down the list.
    void moveVariant(int index, int delta);

    /// Presentation mode: the headline cards alone, stacked, in large type.
    void setPresenting(bool on);

public slots:
    /// Picks the compared pair (indexes into the document's variants; -1 for none).
    void setPair(int a, int b);
    /// "Add selection as variant…": prompts for a name and a role, then adds a Layers variant
    /// of the selected layers.
    void addSelectionAsVariant();
    /// "Add path…": the two-layer dialog, prefilled from a one- or two-layer selection.
    void addPath();
    /// "Compare the branches": the chains leaving the fork of the selected layer (or the first
    /// fork) become variants named by what they are ("Conv 1×1, 16 → Conv 5×5, 32"), the
    /// first as A and the second as B, as one undo step; branches already compared are reused.
    /// Returns false (and says why in the panel) when there is no fork.
    bool compareBranches();
    /// "Compare with another document…": picks a .naqsh file and adds a Document variant.
    void compareWithDocument();
    /// Recomputes and redraws everything now.
    void refresh();

signals:
    /// The compared pair changed (indexes into the document's variants, -1 for none).
    void pairChanged(int a, int b);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildUi();
    void retranslate();
    void onVariantsChanged();
    void pushVariants(const QVector<Variant> &variants, const QString &text);
    void addVariant(const Variant &variant, Role role, const QString &text);
    void updateList();
    void updatePairCombos();
    void updateTotals();
    void updateMeasured(const ResolvedVariant *a, const ResolvedVariant *b, const QString &counted);
    void updateButtons();
    QString describe(const ResolvedVariant &v) const;
    QString isolated(const QString &text) const;
    QString phrase(const QString &text) const;
    int currentListRow() const;
    void onItemChanged(QTreeWidgetItem *item, int column);
    void onCellClicked(int row, int column);

    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    VariantResolver m_resolver;
    QVector<ResolvedVariant> m_variants;
    QVector<Variant> m_knownVariants; ///< the variants last seen, to keep A and B across edits
    /// Presentation: the cards' phrase as large as the panel's height allows (1.3 to 1.0 of
    /// the presentation font), the A/B figures under it only when there is room: no text cut.
    void fitHeadlines();
    bool m_presenting = false;
    int m_a = -1;
    int m_b = -1;
    bool m_updating = false;

    QLabel *m_title;
    QFrame *m_headlineFrame;
    QVector<QLabel *> m_headlineLabels;
    QVector<QLabel *> m_headlineDetails;
    QLabel *m_measured = nullptr; ///< on the MACs card: the measured speed-up
    QString m_measuredHeadline;
    QLabel *m_labelA;
    QLabel *m_labelB;
    QComboBox *m_comboA;
    QComboBox *m_comboB;
    QToolButton *m_swap;
    QTableWidget *m_table;
    QLabel *m_info;
    QLabel *m_errors;
    QLabel *m_listTitle;
    QTreeWidget *m_list;
    QToolButton *m_add;
    QAction *m_addSelection;
    QAction *m_addPath;
    QAction *m_addDocument;
    QToolButton *m_up;
    QToolButton *m_down;
    QToolButton *m_remove;
    QScrollArea *m_details = nullptr;
};

} // namespace naqsh
