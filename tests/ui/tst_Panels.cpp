// Panels: palette, inspector, cost table and status totals, driven with real widgets and QTest
// events on the lesson document (192 channels at 28×28: a plain 5×5 with 32 filters, and a 1×1
// reducing to 16 channels followed by the same 5×5).
//
// Set NAQSH_SHOT_DIR to a folder to also save a picture of each panel there.
#include "CostTableModel.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"
#include "panels/CostTablePanel.h"
#include "panels/CostTableProxyModel.h"
#include "panels/InspectorWidget.h"
#include "panels/LayerPalette.h"
#include "panels/NumberSpinBox.h"
#include "panels/StatusTotals.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QTableView>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace naqsh;

namespace {

/// Translates a few strings, to check that panels retranslate on QEvent::LanguageChange.
class FakeTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *source, const char *, int) const override
    {
        if (qstrcmp(context, "naqsh::layers") == 0 && qstrcmp(source, "Conv2d") == 0)
            return QStringLiteral("Konvolution2d");
        if (qstrcmp(context, "naqsh::InspectorWidget") == 0 && qstrcmp(source, "Kernel") == 0)
            return QStringLiteral("Kern");
        return {};
    }
    bool isEmpty() const override { return false; }
};

void shoot(QWidget *w, const char *name)
{
    const QByteArray dir = qgetenv("NAQSH_SHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(QString::fromLocal8Bit(dir));
    QTest::qWait(20); // let pending layout requests run
    w->grab().save(QString::fromLocal8Bit(dir) +
                   QStringLiteral("/panel-%1.png").arg(QLatin1String(name)));
}

} // namespace

class tst_Panels : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void paletteGroupsByCategory();
    void paletteSearchFilters();
    void paletteDragCarriesTypeId();
    void paletteTooltipIsHelp();
    void paletteActivation();
    void paletteRetranslates();

    void inspectorShowsEditorsOfConv();
    void inspectorEditUpdatesEverything();
    void inspectorSpinStepsMergeIntoOneUndoStep();
    void inspectorKernelLockEditsBoth();
    void inspectorRefusesShapeBreakingValue();
    void inspectorRefusesOutOfRangeValue();
    void inspectorMultiSelectionSharesParams();
    void inspectorEmptySelectionShowsTotals();
    void inspectorRenames();
    void inspectorEditsChoicesAndReals();
    void inspectorPersianDigits();
    void inspectorShowsLayerError();
    void inspectorRetranslates();

    void tableSortKeepsTotalsLast();
    void tableSelectionFollowsBothWays();
    void tableConventionComboChangesFlops();
    void closingPanelsKeepsSelection();
    void tableEditEmitsDataChangedNotReset();

    void statusTotalsFollowsDisplay();
    void rightToLeftMirrorsFormsNotShapes();

private:
    LayerId id(const char *name) const
    {
        return m_doc->model()->graph().findByName(QString::fromLatin1(name));
    }
    void settle() const
    {
        m_doc->analyzer()->flush();
        QCoreApplication::processEvents();
    }
    static void typeInto(QWidget *editor, const QString &text)
    {
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        // keyClicks knows ASCII only; other characters (Persian digits) go as key text.
        for (const QChar c : text)
            QTest::sendKeyEvent(QTest::Click, editor, Qt::Key_unknown, c, Qt::NoModifier);
        QTest::keyClick(editor, Qt::Key_Return);
    }
    NumberSpinBox *spin(InspectorWidget &w, const char *key) const
    {
        return qobject_cast<NumberSpinBox *>(w.editorFor(QString::fromLatin1(key)));
    }
    /// The form label of @p key's row (editor -> its frame -> the row's field widget).
    static QLabel *rowLabel(InspectorWidget &w, const char *key)
    {
        auto *form = w.findChild<QFormLayout *>();
        QWidget *editor = w.editorFor(QString::fromLatin1(key));
        return form && editor ? qobject_cast<QLabel *>(
                                    form->labelForField(editor->parentWidget()->parentWidget()))
                              : nullptr;
    }
    qint64 param(const char *layer, const char *key) const
    {
        const Layer *l = m_doc->model()->graph().layer(id(layer));
        const int i = LayerRegistry::builtin().find(l->type)->paramIndex(QString::fromLatin1(key));
        return l->params.integer(i);
    }
    QString cell(CostTableModel *m, const char *layer, int column) const
    {
        const int row = layer ? m->rowOf(id(layer)) : m->totalsRow();
        return m->data(m->index(row, column), Qt::DisplayRole).toString();
    }

    std::unique_ptr<Document> m_doc;
    std::unique_ptr<LayerSelection> m_sel;
    std::unique_ptr<DisplayContext> m_display;
    QUndoStack *u = nullptr;
};

void tst_Panels::init()
{
    QApplication::setLayoutDirection(Qt::LeftToRight);
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_sel = std::make_unique<LayerSelection>();
    m_display = std::make_unique<DisplayContext>();
    u = m_doc->undoStack();
}

void tst_Panels::cleanup()
{
    m_sel.reset();
    m_display.reset();
    m_doc.reset();
}

// ---- palette ----

void tst_Panels::paletteGroupsByCategory()
{
    const LayerRegistry &registry = LayerRegistry::builtin();
    LayerPalette palette(registry);
    const QVector<const char *> categories = registry.categories();
    QTreeWidget *tree = palette.tree();
    QCOMPARE(tree->topLevelItemCount(), categories.size());
    QStringList expected;
    for (int c = 0; c < categories.size(); ++c) {
        QTreeWidgetItem *header = tree->topLevelItem(c);
        QCOMPARE(header->text(0), layerTr(categories[c]));
        QVERIFY(!(header->flags() & Qt::ItemIsDragEnabled));
        QStringList ids;
        for (const LayerType &t : registry.types())
            if (qstrcmp(t.category, categories[c]) == 0)
                ids << t.id;
        QCOMPARE(header->childCount(), ids.size());
        for (int i = 0; i < ids.size(); ++i) {
            QTreeWidgetItem *item = header->child(i);
            QCOMPARE(item, palette.itemForType(ids[i]));
            QCOMPARE(item->text(0), registry.find(ids[i])->translatedName());
            QVERIFY(!item->icon(0).isNull());
            QVERIFY(!item->icon(0).pixmap(24, 24).isNull());
        }
        expected << ids;
    }
    QCOMPARE(palette.visibleTypeIds(), expected);
    // Categories have distinct icons.
    const QImage conv =
        palette.itemForType(QStringLiteral("conv2d"))->icon(0).pixmap(24, 24).toImage();
    const QImage pool =
        palette.itemForType(QStringLiteral("maxpool2d"))->icon(0).pixmap(24, 24).toImage();
    QVERIFY(conv != pool);
    shoot(&palette, "palette");
}

void tst_Panels::paletteSearchFilters()
{
    const LayerRegistry &registry = LayerRegistry::builtin();
    LayerPalette palette(registry);
    palette.resize(240, 500);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    auto expectedFor = [&](const QString &needle) {
        QStringList ids;
        for (const char *c : registry.categories())
            for (const LayerType &t : registry.types())
                if (qstrcmp(t.category, c) == 0 &&
                    (t.translatedName().contains(needle, Qt::CaseInsensitive) ||
                     t.id.contains(needle, Qt::CaseInsensitive) ||
                     t.translatedHelp().contains(needle, Qt::CaseInsensitive) ||
                     t.translatedCategory().contains(needle, Qt::CaseInsensitive)))
                    ids << t.id;
        return ids;
    };

    QTest::keyClicks(palette.searchField(), QStringLiteral("POOL"));
    QStringList shown = palette.visibleTypeIds();
    QCOMPARE(shown, expectedFor(QStringLiteral("pool")));
    for (const char *t : {"maxpool2d", "avgpool2d", "global_avgpool", "adaptive_avgpool2d"})
        QVERIFY2(shown.contains(QLatin1String(t)), t);
    QVERIFY(!shown.contains(QLatin1String("relu")));
    // A category without matches is hidden.
    const int activation =
        int(registry.categories().indexOf(registry.find(QStringLiteral("relu"))->category));
    QVERIFY(palette.tree()->topLevelItem(activation)->isHidden());

    // By help text ("depthwise" is only in help texts) and by id.
    palette.setFilterText(QStringLiteral("depthwise"));
    QVERIFY(palette.visibleTypeIds().contains(QLatin1String("conv2d")));
    QCOMPARE(palette.visibleTypeIds(), expectedFor(QStringLiteral("depthwise")));
    palette.setFilterText(QStringLiteral("leaky_relu"));
    QCOMPARE(palette.visibleTypeIds(), QStringList{QStringLiteral("leaky_relu")});

    // Nothing matches: the list gives way to a message.
    palette.setFilterText(QStringLiteral("zzzz"));
    QVERIFY(palette.visibleTypeIds().isEmpty());
    QVERIFY(palette.findChild<QLabel *>(QStringLiteral("paletteEmpty"))->isVisible());
    QVERIFY(!palette.tree()->isVisible());

    // Escape clears the search and everything is back.
    palette.searchField()->setFocus();
    QTest::keyClick(palette.searchField(), Qt::Key_Escape);
    QCOMPARE(palette.filterText(), QString());
    QCOMPARE(palette.visibleTypeIds().size(), registry.types().size());
    QVERIFY(palette.tree()->isVisible());
}

void tst_Panels::paletteDragCarriesTypeId()
{
    std::unique_ptr<QMimeData> data(LayerPalette::createMimeData(QStringLiteral("conv2d")));
    QVERIFY(data->hasFormat(QStringLiteral("application/x-naqsh-layer-type")));
    QCOMPARE(data->data(QStringLiteral("application/x-naqsh-layer-type")), QByteArray("conv2d"));
    QCOMPARE(LayerPalette::typeIdFromMimeData(data.get()), QStringLiteral("conv2d"));
    QMimeData plain;
    plain.setText(QStringLiteral("conv2d"));
    QCOMPARE(LayerPalette::typeIdFromMimeData(&plain), QString());

    // What the tree hands to a drag: the same data, for type items only.
    LayerPalette palette(LayerRegistry::builtin());
    QTreeWidget *tree = palette.tree();
    QTreeWidgetItem *item = palette.itemForType(QStringLiteral("batchnorm2d"));
    QVERIFY(item->flags() & Qt::ItemIsDragEnabled);
    const QModelIndex index = tree->model()->index(tree->indexOfTopLevelItem(item->parent()), 0);
    const QModelIndex child = tree->model()->index(item->parent()->indexOfChild(item), 0, index);
    std::unique_ptr<QMimeData> fromTree(tree->model()->mimeData({child}));
    QVERIFY(fromTree);
    QCOMPARE(fromTree->data(QStringLiteral("application/x-naqsh-layer-type")),
             QByteArray("batchnorm2d"));
    QCOMPARE(tree->model()->mimeTypes(),
             QStringList{QStringLiteral("application/x-naqsh-layer-type")});
}

void tst_Panels::paletteTooltipIsHelp()
{
    const LayerRegistry &registry = LayerRegistry::builtin();
    LayerPalette palette(registry);
    for (const LayerType &t : registry.types()) {
        QTreeWidgetItem *item = palette.itemForType(t.id);
        QVERIFY(item);
        QCOMPARE(item->toolTip(0), t.translatedHelp());
        QVERIFY(!item->toolTip(0).isEmpty());
    }
}

void tst_Panels::paletteActivation()
{
    LayerPalette palette(LayerRegistry::builtin());
    palette.resize(240, 500);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    QSignalSpy spy(&palette, &LayerPalette::layerActivated);
    QTreeWidget *tree = palette.tree();
    tree->setFocus();
    tree->setCurrentItem(palette.itemForType(QStringLiteral("maxpool2d")));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toString(), QStringLiteral("maxpool2d"));

    // Double-click on an item.
    tree->scrollToItem(palette.itemForType(QStringLiteral("relu")));
    const QRect rect = tree->visualItemRect(palette.itemForType(QStringLiteral("relu")));
    QVERIFY(tree->viewport()->rect().contains(rect.center()));
    // A real double-click: press and release, then the double-click event.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toString(), QStringLiteral("relu"));

    // Enter in the search field adds the first match; a category header adds nothing.
    palette.searchField()->setFocus();
    QTest::keyClicks(palette.searchField(), QStringLiteral("softmax"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toString(), QStringLiteral("softmax"));
    palette.setFilterText({});
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(spy.count(), 0);
}

void tst_Panels::paletteRetranslates()
{
    LayerPalette palette(LayerRegistry::builtin());
    FakeTranslator translator;
    QCoreApplication::installTranslator(&translator);
    QCoreApplication::processEvents(); // LanguageChange is posted to the widgets
    QCOMPARE(palette.itemForType(QStringLiteral("conv2d"))->text(0),
             QStringLiteral("Konvolution2d"));
    palette.setFilterText(QStringLiteral("konvolution"));
    QCOMPARE(palette.visibleTypeIds(), QStringList{QStringLiteral("conv2d")});
    QCoreApplication::removeTranslator(&translator);
    QCoreApplication::processEvents();
    QCOMPARE(palette.itemForType(QStringLiteral("conv2d"))->text(0), QStringLiteral("Conv2d"));
}

// ---- inspector ----

void tst_Panels::inspectorShowsEditorsOfConv()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.resize(360, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    const LayerType *conv = LayerRegistry::builtin().find(QStringLiteral("conv2d"));
    QStringList keys;
    for (const ParamSpec &s : conv->params)
        keys << s.key;
    QStringList shown = w.shownParams();
    QCOMPARE(QSet<QString>(shown.begin(), shown.end()), QSet<QString>(keys.begin(), keys.end()));
    QCOMPARE(spin(w, "out_channels")->value(), 16.0);
    QCOMPARE(spin(w, "out_channels")->toolTip(), layerTr(conv->params[0].help));
    QCOMPARE(spin(w, "kernel_h")->value(), 1.0);
    QVERIFY(qobject_cast<QComboBox *>(w.editorFor(QStringLiteral("padding"))));
    QCOMPARE(qobject_cast<QComboBox *>(w.editorFor(QStringLiteral("padding")))->currentText(),
             QStringLiteral("explicit"));
    QVERIFY(qobject_cast<QCheckBox *>(w.editorFor(QStringLiteral("bias"))));
    QVERIFY(!qobject_cast<QCheckBox *>(w.editorFor(QStringLiteral("bias")))->isChecked());
    // Pairs share a row and a lock; single values have none.
    QCOMPARE(w.lockFor(QStringLiteral("kernel_h")), w.lockFor(QStringLiteral("kernel_w")));
    QVERIFY(w.lockFor(QStringLiteral("stride_w")));
    QVERIFY(!w.lockFor(QStringLiteral("out_channels")));
    QVERIFY(!w.lockFor(QStringLiteral("pad_top")));
    // Summary: name, type, shapes, costs.
    QCOMPARE(w.nameEdit()->text(), QStringLiteral("reduce1x1"));
    QVERIFY(w.valueText(QStringLiteral("type")).startsWith(QLatin1String("Conv2d")));
    QCOMPARE(w.valueText(QStringLiteral("inputs")),
             m_display->format().shape(TensorShape::nchw(1, 192, 28, 28), true));
    QCOMPARE(w.valueText(QStringLiteral("output")),
             m_display->format().shape(TensorShape::nchw(1, 16, 28, 28), true));
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("3,072"));
    QCOMPARE(w.valueText(QStringLiteral("weights")), QStringLiteral("3,072"));
    QCOMPARE(w.valueText(QStringLiteral("bias")), QStringLiteral("0"));
    QCOMPARE(w.valueText(QStringLiteral("macs")), QStringLiteral("2,408,448")); // 28·28·16·192
    QCOMPARE(w.valueText(QStringLiteral("flops")),
             QStringLiteral("4,816,896")); // 2 × MACs, no bias
    QCOMPARE(w.valueText(QStringLiteral("activations")),
             QStringLiteral("49.0 KiB")); // 12,544 × 4 B
    QCOMPARE(w.valueText(QStringLiteral("error")), QString());
    shoot(&w, "inspector");
}

void tst_Panels::inspectorEditUpdatesEverything()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    CostTablePanel table(m_doc.get(), m_sel.get(), m_display.get());
    StatusTotals totals(m_doc.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QCOMPARE(
        totals.text(),
        QStringLiteral(
            "Params 169,472 · MACs 133 M · Activation memory (fp32) 1.00 MiB (peak 735.0 KiB)"));
    m_sel->setSelection({id("reduce1x1")});
    NumberSpinBox *out = spin(w, "out_channels");
    QVERIFY(out);

    typeInto(out, QStringLiteral("24"));
    QCOMPARE(u->count(), 1);
    QVERIFY(dynamic_cast<const SetLayerParamCommand *>(u->command(0)));
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(24));
    settle();

    // 1×1 from 192 to 24 channels: 192·24 = 4,608 weights, 28·28·24·192 = 3,612,672 MACs;
    // the 5×5 after it now reads 24 channels: 5·5·24·32 = 19,200 weights and
    // 28·28·32·5·5·24 = 15,052,800 MACs.
    CostTableModel *m = table.model();
    QCOMPARE(cell(m, "reduce1x1", CostTableModel::Params), QStringLiteral("4,608"));
    QCOMPARE(cell(m, "reduce1x1", CostTableModel::Macs), QStringLiteral("3,612,672"));
    QCOMPARE(cell(m, "conv5x5_after_1x1", CostTableModel::Params), QStringLiteral("19,200"));
    QCOMPARE(cell(m, "conv5x5_after_1x1", CostTableModel::Macs), QStringLiteral("15,052,800"));
    // Totals: 153,600 + 4,608 + 19,200 = 177,408 params; 120,422,400 + 3,612,672 + 15,052,800
    // = 139,087,872 MACs (the status bar's compact form keeps three figures: 139 M). Activations:
    // 6,272 more values (8 channels × 784) → 269,696 × 4 B = 1.03 MiB; the peak (input + plain 5×5
    // + 1×1 alive together) is 194,432 × 4 B = 759.5 KiB.
    QCOMPARE(cell(m, nullptr, CostTableModel::Params), QStringLiteral("177,408"));
    QCOMPARE(cell(m, nullptr, CostTableModel::Macs), QStringLiteral("139,087,872"));
    QCOMPARE(
        totals.text(),
        QStringLiteral(
            "Params 177,408 · MACs 139 M · Activation memory (fp32) 1.03 MiB (peak 759.5 KiB)"));
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("4,608"));
    QCOMPARE(w.valueText(QStringLiteral("macs")), QStringLiteral("3,612,672"));
    QCOMPARE(w.valueText(QStringLiteral("output")),
             m_display->format().shape(TensorShape::nchw(1, 24, 28, 28), true));

    // Undo and redo bring back the model, the editor and the numbers, without new commands.
    u->undo();
    settle();
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(16));
    QCOMPARE(spin(w, "out_channels")->value(), 16.0);
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("3,072"));
    QCOMPARE(cell(m, "reduce1x1", CostTableModel::Params), QStringLiteral("3,072"));
    QCOMPARE(
        totals.text(),
        QStringLiteral(
            "Params 169,472 · MACs 133 M · Activation memory (fp32) 1.00 MiB (peak 735.0 KiB)"));
    u->redo();
    settle();
    QCOMPARE(spin(w, "out_channels")->value(), 24.0);
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("4,608"));
    QCOMPARE(u->count(), 1);
    QCOMPARE(u->index(), 1);
}

void tst_Panels::inspectorSpinStepsMergeIntoOneUndoStep()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    NumberSpinBox *out = spin(w, "out_channels");
    out->setFocus();
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(out, Qt::Key_Up);
        QCoreApplication::processEvents();
    }
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(20));
    QCOMPARE(u->count(), 1);
    u->undo();
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(16));
}

void tst_Panels::inspectorKernelLockEditsBoth()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("conv5x5")});
    QToolButton *lock = w.lockFor(QStringLiteral("kernel_h"));
    QVERIFY(lock);
    QVERIFY(lock->isChecked()); // 5×5 is square
    typeInto(spin(w, "kernel_h"), QStringLiteral("3"));
    QCOMPARE(u->count(), 1);
    QCOMPARE(param("conv5x5", "kernel_h"), qint64(3));
    QCOMPARE(param("conv5x5", "kernel_w"), qint64(3));
    QCOMPARE(spin(w, "kernel_w")->value(), 3.0);
    u->undo(); // one step restores both
    settle();
    QCOMPARE(param("conv5x5", "kernel_h"), qint64(5));
    QCOMPARE(param("conv5x5", "kernel_w"), qint64(5));
    QCOMPARE(spin(w, "kernel_h")->value(), 5.0);
    QCOMPARE(spin(w, "kernel_w")->value(), 5.0);

    // Unlocked, the width changes alone.
    QTest::mouseClick(lock, Qt::LeftButton);
    QVERIFY(!lock->isChecked());
    typeInto(spin(w, "kernel_w"), QStringLiteral("1"));
    QCOMPARE(param("conv5x5", "kernel_h"), qint64(5));
    QCOMPARE(param("conv5x5", "kernel_w"), qint64(1));
    settle();
    QCOMPARE(m_doc->analyzer()->result().layer(id("conv5x5"))->output,
             TensorShape::nchw(1, 32, 28, 28));

    // A rectangular kernel starts unlocked when the layer is selected again.
    m_sel->clear();
    m_sel->setSelection({id("conv5x5")});
    QVERIFY(!w.lockFor(QStringLiteral("kernel_h"))->isChecked());
}

void tst_Panels::inspectorRefusesShapeBreakingValue()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.resize(360, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    QVERIFY(w.lockFor(QStringLiteral("kernel_h"))->isChecked());
    const QByteArray before = m_doc->model()->graph().name.toUtf8();

    // Kernel 40 on a 28×28 input without padding: refused in place, nothing applied.
    typeInto(spin(w, "kernel_h"), QStringLiteral("40"));
    QVERIFY2(w.errorFor(QStringLiteral("kernel_h"))
                 .contains(QLatin1String("kernel 40 is larger than the padded input 28")),
             qPrintable(w.errorFor(QStringLiteral("kernel_h"))));
    QCOMPARE(spin(w, "kernel_h")->value(), 40.0); // the refused value stays visible
    QCOMPARE(param("reduce1x1", "kernel_h"), qint64(1));
    QCOMPARE(param("reduce1x1", "kernel_w"), qint64(1));
    QCOMPARE(u->count(), 0);
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("error_kernel_h"))->isVisible(), true);
    shoot(&w, "inspector-invalid");

    // Groups that do not divide the channels are refused too.
    typeInto(spin(w, "groups"), QStringLiteral("5"));
    QVERIFY2(w.errorFor(QStringLiteral("groups"))
                 .contains(QLatin1String("192 input channels are not divisible by groups 5")),
             qPrintable(w.errorFor(QStringLiteral("groups"))));
    QCOMPARE(u->count(), 0);

    // A valid value is applied and clears the marks once the panel refreshes.
    typeInto(spin(w, "groups"), QStringLiteral("4"));
    QCOMPARE(u->count(), 1);
    QCOMPARE(param("reduce1x1", "groups"), qint64(4));
    settle();
    QCOMPARE(w.errorFor(QStringLiteral("groups")), QString());
    QCOMPARE(w.errorFor(QStringLiteral("kernel_h")), QString());
    QCOMPARE(spin(w, "kernel_h")->value(), 1.0);
}

void tst_Panels::inspectorRefusesOutOfRangeValue()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    typeInto(spin(w, "out_channels"), QStringLiteral("0"));
    QVERIFY2(
        w.errorFor(QStringLiteral("out_channels")).contains(QLatin1String("must be between 1 and")),
        qPrintable(w.errorFor(QStringLiteral("out_channels"))));
    QCOMPARE(u->count(), 0);
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(16));
    // Letters cannot even be typed.
    typeInto(spin(w, "out_channels"), QStringLiteral("abc"));
    QCOMPARE(u->count(), 0);
}

void tst_Panels::inspectorMultiSelectionSharesParams()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.resize(360, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1"), id("conv5x5")});
    const QStringList shown = w.shownParams();
    // Different: filters (16/32), kernel (1/5), padding (explicit/same). Equal: the rest.
    for (const char *key : {"out_channels", "kernel_h", "kernel_w", "padding"})
        QVERIFY2(!shown.contains(QLatin1String(key)), key);
    for (const char *key : {"stride_h", "stride_w", "dilation_h", "groups", "bias", "pad_top"})
        QVERIFY2(shown.contains(QLatin1String(key)), key);
    QVERIFY(w.valueText(QStringLiteral("type")).startsWith(QLatin1String("Conv2d")));
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("156,672")); // 3,072 + 153,600
    QCOMPARE(w.valueText(QStringLiteral("macs")),
             QStringLiteral("122,830,848")); // 2,408,448 + 120,422,400
    shoot(&w, "inspector-multi");

    // One edit applies to both, as one undo step.
    auto *bias = qobject_cast<QCheckBox *>(w.editorFor(QStringLiteral("bias")));
    QTest::mouseClick(bias, Qt::LeftButton);
    QCOMPARE(u->count(), 1);
    QCOMPARE(u->command(0)->childCount(), 2);
    QCOMPARE(param("reduce1x1", "bias"), qint64(1));
    QCOMPARE(param("conv5x5", "bias"), qint64(1));
    settle();
    QCOMPARE(w.valueText(QStringLiteral("params")),
             QStringLiteral("156,720")); // + 16 + 32 bias values
    u->undo();
    settle();
    QCOMPARE(param("reduce1x1", "bias"), qint64(0));
    QCOMPARE(param("conv5x5", "bias"), qint64(0));
    QVERIFY(!bias->isChecked());

    // Layers of different types share what they have in common (here: nothing).
    m_sel->setSelection({id("input"), id("concat")});
    QVERIFY(w.shownParams().isEmpty());
    QCOMPARE(w.valueText(QStringLiteral("type")), QStringLiteral("Layers of different types"));
}

void tst_Panels::inspectorEmptySelectionShowsTotals()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.resize(360, 600);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.shownParams().isEmpty());
    QVERIFY(!w.nameEdit()->isVisible());
    QCOMPARE(w.valueText(QStringLiteral("title")), m_doc->model()->graph().name);
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("169,472"));
    QCOMPARE(w.valueText(QStringLiteral("macs")), QStringLiteral("132,866,048"));
    QCOMPARE(w.valueText(QStringLiteral("flops")), QStringLiteral("265,732,096"));
    QCOMPARE(w.valueText(QStringLiteral("activations")),
             QStringLiteral("1.00 MiB"));                                       // 263,424 × 4 B
    QCOMPARE(w.valueText(QStringLiteral("peak")), QStringLiteral("735.0 KiB")); // 188,160 × 4 B
    shoot(&w, "inspector-totals");
    // The display context changes the numbers in place.
    m_display->setDType(DType::INT8);
    m_display->setConvention(FlopConvention::MacsOnly);
    QCoreApplication::processEvents();
    QCOMPARE(w.valueText(QStringLiteral("peak")), QStringLiteral("183.8 KiB"));
    QCOMPARE(w.valueText(QStringLiteral("flops")), QStringLiteral("132,866,048"));
}

void tst_Panels::inspectorRenames()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    const LayerId red = id("reduce1x1");
    typeInto(w.nameEdit(), QStringLiteral("squeeze"));
    QCOMPARE(u->count(), 1);
    QCOMPARE(m_doc->model()->graph().layer(red)->name, QStringLiteral("squeeze"));
    u->undo();
    settle();
    QCOMPARE(w.nameEdit()->text(), QStringLiteral("reduce1x1"));
    // An empty name is refused and the old one comes back.
    typeInto(w.nameEdit(), QStringLiteral("  "));
    QCOMPARE(u->index(), 0);
    QCOMPARE(w.nameEdit()->text(), QStringLiteral("reduce1x1"));
}

void tst_Panels::inspectorEditsChoicesAndReals()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));

    // A choice: the 1×1's padding from "explicit" to "same", with the keyboard.
    m_sel->setSelection({id("reduce1x1")});
    auto *padding = qobject_cast<QComboBox *>(w.editorFor(QStringLiteral("padding")));
    QVERIFY(padding);
    padding->setFocus();
    QTest::keyClick(padding, Qt::Key_Down);
    QCOMPARE(u->count(), 1);
    QCOMPARE(param("reduce1x1", "padding"), qint64(1));
    u->undo();
    settle();
    QCOMPARE(padding->currentIndex(), 0);

    // A real: a dropout after the concat, probability 0.5 -> 0.25.
    Layer drop;
    drop.type = QStringLiteral("dropout");
    drop.params = LayerRegistry::builtin().find(drop.type)->defaultParams();
    auto *add = new AddItemsCommand(m_doc->model(), {drop}, {}, QStringLiteral("Add"));
    u->push(add);
    const LayerId dropId = add->layerIds().first();
    u->push(new ConnectPortsCommand(m_doc->model(), id("concat"), dropId));
    settle();
    m_sel->setSelection({dropId});
    NumberSpinBox *p = spin(w, "p");
    QVERIFY(p);
    QVERIFY(!p->isIntegerMode());
    QCOMPARE(p->value(), 0.5);
    typeInto(p, QStringLiteral("0.25"));
    QCOMPARE(m_doc->model()->graph().layer(dropId)->params.real(0), 0.25);
    // Steps follow the value's magnitude: 0.25 -> 0.26.
    p->setFocus();
    QTest::keyClick(p, Qt::Key_Up);
    QCOMPARE(m_doc->model()->graph().layer(dropId)->params.real(0), 0.26);
    QCOMPARE(p->text(), QStringLiteral("0.26"));
    // Out of range: refused with the spec's reason.
    typeInto(p, QStringLiteral("1.5"));
    QVERIFY2(w.errorFor(QStringLiteral("p")).contains(QLatin1String("must be between")),
             qPrintable(w.errorFor(QStringLiteral("p"))));
    QCOMPARE(m_doc->model()->graph().layer(dropId)->params.real(0), 0.26);

    // A layer without parameters, and the input's size pair (square, so locked).
    m_sel->setSelection({id("output")});
    QVERIFY(w.shownParams().isEmpty());
    m_sel->setSelection({id("input")});
    QVERIFY(w.lockFor(QStringLiteral("height")));
    QVERIFY(w.lockFor(QStringLiteral("height"))->isChecked());
    typeInto(spin(w, "width"), QStringLiteral("32"));
    QCOMPARE(param("input", "height"), qint64(32));
    QCOMPARE(param("input", "width"), qint64(32));
    settle();
    QCOMPARE(m_doc->analyzer()->result().layer(id("conv5x5"))->output,
             TensorShape::nchw(1, 32, 32, 32));

    // Everything selected at once: mixed types, nothing shared, no crash.
    m_sel->setSelection(m_doc->model()->graph().layerIds());
    QVERIFY(w.shownParams().isEmpty());
    QCOMPARE(w.valueText(QStringLiteral("title")), QStringLiteral("7 layers selected"));
}

void tst_Panels::inspectorPersianDigits()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    m_sel->setSelection({id("reduce1x1")});
    NumberSpinBox *out = spin(w, "out_channels");
    QCOMPARE(out->text(), QStringLiteral("۱۶"));
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("۳٬۰۷۲"));
    // Persian or Latin digits may be typed.
    typeInto(out, QStringLiteral("۲۴"));
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(24));
    typeInto(out, QStringLiteral("32"));
    QCOMPARE(param("reduce1x1", "out_channels"), qint64(32));
    QCOMPARE(out->text(), QStringLiteral("۳۲"));
}

void tst_Panels::inspectorShowsLayerError()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // Disconnecting the 1×1 leaves it (and the 5×5 after it) without numbers.
    const LayerId red = id("reduce1x1");
    u->push(new DisconnectPortsCommand(m_doc->model(), {id("input"), red, 0}));
    settle();
    m_sel->setSelection({red});
    QVERIFY(w.valueText(QStringLiteral("error")).contains(QLatin1String("no input")));
    QCOMPARE(w.valueText(QStringLiteral("params")), QStringLiteral("—"));
    // Any valid value is taken while the layer has no inputs (nothing to check it against).
    typeInto(spin(w, "kernel_h"), QStringLiteral("40"));
    QCOMPARE(param("reduce1x1", "kernel_h"), qint64(40));
    m_sel->setSelection({id("conv5x5_after_1x1")});
    QVERIFY(w.valueText(QStringLiteral("error")).contains(QLatin1String("reduce1x1")));
}

void tst_Panels::inspectorRetranslates()
{
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    m_sel->setSelection({id("conv5x5")});
    FakeTranslator translator;
    QCoreApplication::installTranslator(&translator);
    QCoreApplication::processEvents();
    QVERIFY(w.valueText(QStringLiteral("type")).startsWith(QLatin1String("Konvolution2d")));
    QLabel *label = rowLabel(w, "kernel_h");
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("Kern"));
    QCoreApplication::removeTranslator(&translator);
    QCoreApplication::processEvents();
    QVERIFY(w.valueText(QStringLiteral("type")).startsWith(QLatin1String("Conv2d")));
}

// ---- cost table ----

void tst_Panels::tableSortKeepsTotalsLast()
{
    CostTablePanel panel(m_doc.get(), m_sel.get(), m_display.get());
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *view = panel.view();
    QAbstractItemModel *proxy = view->model();
    const int rows = proxy->rowCount();
    QCOMPARE(rows, 7); // six layers and the totals
    auto macsColumn = [&] {
        QVector<qint64> v;
        for (int r = 0; r < rows - 1; ++r)
            v << proxy->index(r, CostTableModel::Macs).data(CostTableModel::SortRole).toLongLong();
        return v;
    };
    auto totalsLast = [&] {
        return proxy->index(rows - 1, 0).data(CostTableModel::TotalsRole).toBool();
    };
    QVERIFY(totalsLast());

    // Click the MACs header: ascending, then descending; the totals stay last.
    QHeaderView *header = view->horizontalHeader();
    const QPoint macsHeader(header->sectionViewportPosition(CostTableModel::Macs) + 10,
                            header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, macsHeader);
    QCOMPARE(header->sortIndicatorSection(), int(CostTableModel::Macs));
    QVERIFY(totalsLast());
    QVector<qint64> macs = macsColumn();
    QVERIFY(std::is_sorted(macs.begin(), macs.end()));
    QCOMPARE(macs.last(), qint64(120'422'400));
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, macsHeader);
    QVERIFY(totalsLast());
    macs = macsColumn();
    QVERIFY(std::is_sorted(macs.rbegin(), macs.rend()));
    QCOMPARE(proxy->index(0, CostTableModel::Name).data().toString(), QStringLiteral("conv5x5"));
    shoot(&panel, "table");

    // By name, both ways.
    view->sortByColumn(CostTableModel::Name, Qt::DescendingOrder);
    QVERIFY(totalsLast());
    QCOMPARE(proxy->index(0, CostTableModel::Name).data().toString(), QStringLiteral("reduce1x1"));
    view->sortByColumn(CostTableModel::Name, Qt::AscendingOrder);
    QVERIFY(totalsLast());
    QCOMPARE(proxy->index(0, CostTableModel::Name).data().toString(), QStringLiteral("concat"));

    // A third click on a header goes back to data-flow order.
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, macsHeader);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, macsHeader);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, macsHeader);
    QCOMPARE(header->sortIndicatorSection(), -1);
    QCOMPARE(proxy->index(0, CostTableModel::Name).data().toString(), QStringLiteral("input"));
    QVERIFY(totalsLast());

    // Sorting follows edits: a 1×1 to 1,000 channels costs 28·28·1000·192 = 150,528,000 MACs
    // and the 5×5 after it 28·28·32·5·5·1000 = 627,200,000; both pass the plain 5×5.
    view->sortByColumn(CostTableModel::Macs, Qt::DescendingOrder);
    u->push(new SetLayerParamCommand(m_doc->model(), id("reduce1x1"),
                                     {{QStringLiteral("out_channels"), 1000}}));
    settle();
    QCOMPARE(proxy->index(0, CostTableModel::Name).data().toString(),
             QStringLiteral("conv5x5_after_1x1"));
    QCOMPARE(proxy->index(1, CostTableModel::Name).data().toString(), QStringLiteral("reduce1x1"));
    QCOMPARE(proxy->index(2, CostTableModel::Name).data().toString(), QStringLiteral("conv5x5"));
    QVERIFY(totalsLast());
}

void tst_Panels::tableSelectionFollowsBothWays()
{
    CostTablePanel panel(m_doc.get(), m_sel.get(), m_display.get());
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QTableView *view = panel.view();
    QSignalSpy selectionSpy(m_sel.get(), &LayerSelection::selectionChanged);
    auto proxyRow = [&](const char *name) {
        return panel.proxy()
            ->mapFromSource(panel.model()->index(panel.model()->rowOf(id(name)), 0))
            .row();
    };

    // Click a row: the layer is selected (once), and the clicked cell is reported.
    QSignalSpy cellSpy(&panel, &CostTablePanel::layerCellClicked);
    const QRect rowRect =
        view->visualRect(view->model()->index(proxyRow("conv5x5"), CostTableModel::Macs));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rowRect.center());
    QCOMPARE(m_sel->layers(), QVector<LayerId>{id("conv5x5")});
    QCOMPARE(selectionSpy.count(), 1);
    QCOMPARE(cellSpy.count(), 1);
    QCOMPARE(cellSpy.first().at(0).value<LayerId>(), id("conv5x5"));
    QCOMPARE(cellSpy.first().at(1).toInt(), int(CostTableModel::Macs));
    // Ctrl-click adds one.
    const QRect other =
        view->visualRect(view->model()->index(proxyRow("concat"), CostTableModel::Name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, other.center());
    QCOMPARE(m_sel->layers(), (QVector<LayerId>{id("conv5x5"), id("concat")}));
    QCOMPARE(selectionSpy.count(), 2);

    // Selecting elsewhere selects the row, without echoing back.
    selectionSpy.clear();
    m_sel->setSelection({id("reduce1x1")});
    QCOMPARE(selectionSpy.count(), 1);
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().row(), proxyRow("reduce1x1"));
    QCOMPARE(view->currentIndex().row(), proxyRow("reduce1x1"));

    // The totals row cannot be selected.
    const QRect totals =
        view->visualRect(view->model()->index(view->model()->rowCount() - 1, CostTableModel::Name));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, totals.center());
    QVERIFY(m_sel->layers().isEmpty());
    QCOMPARE(cellSpy.count(), 2); // the two clicks on layers; not the totals

    // The selection survives a reset of the rows (a layer added elsewhere).
    m_sel->setSelection({id("conv5x5")});
    Layer relu;
    relu.type = QStringLiteral("relu");
    relu.params = LayerRegistry::builtin().find(relu.type)->defaultParams();
    u->push(new AddItemsCommand(m_doc->model(), {relu}, {}, QStringLiteral("Add")));
    settle();
    QCOMPARE(view->model()->rowCount(), 8);
    QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view->selectionModel()->selectedRows().first().row(), proxyRow("conv5x5"));
    QCOMPARE(m_sel->layers(), QVector<LayerId>{id("conv5x5")});
}

void tst_Panels::tableConventionComboChangesFlops()
{
    CostTablePanel panel(m_doc.get(), m_sel.get(), m_display.get());
    panel.resize(900, 300);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    CostTableModel *m = panel.model();
    QComboBox *convention = panel.conventionCombo();
    QCOMPARE(convention->count(), conventionKeys().size());
    QCOMPARE(convention->currentData().toString(), QStringLiteral("flops"));
    // The lesson's plain 5×5: 120,422,400 MACs, no bias, so 2 × MACs under "flops".
    QCOMPARE(cell(m, "conv5x5", CostTableModel::Flops), QStringLiteral("240,844,800"));

    convention->setFocus();
    const int macsIndex = convention->findData(QStringLiteral("macs"));
    while (convention->currentIndex() < macsIndex)
        QTest::keyClick(convention, Qt::Key_Down);
    QCOMPARE(m_display->convention(), FlopConvention::MacsOnly);
    QCOMPARE(cell(m, "conv5x5", CostTableModel::Flops), QStringLiteral("120,422,400"));
    QCOMPARE(m->headerData(CostTableModel::Flops, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("FLOPs (= MACs)"));

    // And the other way: the display context moves the combo.
    m_display->setConvention(FlopConvention::Flops);
    QCOMPARE(convention->currentData().toString(), QStringLiteral("flops"));
    QCOMPARE(cell(m, "conv5x5", CostTableModel::Flops), QStringLiteral("240,844,800"));

    // The dtype combo sets the activation bytes: 25,088 values × 2 B = 49.0 KiB.
    panel.dtypeCombo()->setCurrentIndex(panel.dtypeCombo()->findData(QStringLiteral("fp16")));
    QCOMPARE(m_display->dtype(), DType::FP16);
    QCOMPARE(cell(m, "conv5x5", CostTableModel::Activations), QStringLiteral("49.0 KiB"));
    QCOMPARE(m->headerData(CostTableModel::Activations, Qt::Horizontal, Qt::DisplayRole).toString(),
             QStringLiteral("Activation memory (fp16)"));
}

void tst_Panels::tableEditEmitsDataChangedNotReset()
{
    CostTableModel m(m_doc->model(), m_doc->analyzer());
    QSignalSpy resets(&m, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&m, &QAbstractItemModel::dataChanged);
    u->push(new SetLayerParamCommand(m_doc->model(), id("reduce1x1"),
                                     {{QStringLiteral("out_channels"), 24}}));
    m_doc->analyzer()->flush();
    QCOMPARE(resets.count(), 0);
    QVERIFY(changes.count() > 0);
    // The edited row is among the changed ones.
    const int row = m.rowOf(id("reduce1x1"));
    bool covered = false;
    for (const QList<QVariant> &args : std::as_const(changes)) {
        const QModelIndex tl = args.at(0).toModelIndex(), br = args.at(1).toModelIndex();
        covered = covered || (tl.row() <= row && row <= br.row() && tl.column() == 0 &&
                              br.column() == CostTableModel::ColumnCount - 1);
    }
    QVERIFY(covered);
    // Adding a layer changes the rows: that is a reset.
    Layer relu;
    relu.type = QStringLiteral("relu");
    relu.params = LayerRegistry::builtin().find(relu.type)->defaultParams();
    u->push(new AddItemsCommand(m_doc->model(), {relu}, {}, QStringLiteral("Add")));
    m_doc->analyzer()->flush();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(m.rowCount(), 8);
    QVERIFY(m.isTotalsRow(7));
}

void tst_Panels::closingPanelsKeepsSelection()
{
    // Panels come and go (docks, windows); the shared selection and the document stay. A
    // focused editor reports editingFinished while QWidget's destructor deletes it: under the
    // sanitizers (NAQSH_SANITIZE) this caught a call into the half-destroyed inspector.
    auto table = std::make_unique<CostTablePanel>(m_doc.get(), m_sel.get(), m_display.get());
    auto inspector = std::make_unique<InspectorWidget>(m_doc.get(), m_sel.get(), m_display.get());
    table->show();
    inspector->show();
    QVERIFY(QTest::qWaitForWindowExposed(inspector.get()));
    m_sel->setSelection({id("conv5x5")});
    QCOMPARE(table->view()->selectionModel()->selectedRows().size(), 1);
    inspector->activateWindow();
    inspector->nameEdit()->setFocus();
    table.reset();
    inspector.reset();
    QCOMPARE(m_sel->layers(), QVector<LayerId>{id("conv5x5")});
    QCOMPARE(u->count(), 0);
}

// ---- status bar ----

void tst_Panels::statusTotalsFollowsDisplay()
{
    StatusTotals totals(m_doc.get(), m_display.get());
    QCOMPARE(
        totals.text(),
        QStringLiteral(
            "Params 169,472 · MACs 133 M · Activation memory (fp32) 1.00 MiB (peak 735.0 KiB)"));
    QVERIFY(totals.toolTip().contains(QLatin1String("265,732,096")));
    // fp16 halves the bytes: 526,848 B and 376,320 B.
    m_display->setDType(DType::FP16);
    QCOMPARE(
        totals.text(),
        QStringLiteral(
            "Params 169,472 · MACs 133 M · Activation memory (fp16) 514.5 KiB (peak 367.5 KiB)"));
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    QVERIFY(totals.text().contains(QStringLiteral("۱۶۹٬۴۷۲")));
    QCOMPARE(totals.errorText(), QString());
    u->push(new DisconnectPortsCommand(m_doc->model(), {id("input"), id("reduce1x1"), 0}));
    m_doc->analyzer()->flush();
    QVERIFY(!totals.errorText().isEmpty());
    shoot(&totals, "status");
}

// ---- right to left ----

void tst_Panels::rightToLeftMirrorsFormsNotShapes()
{
    QApplication::setLayoutDirection(Qt::RightToLeft);
    InspectorWidget w(m_doc.get(), m_sel.get(), m_display.get());
    w.resize(360, 900);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    m_sel->setSelection({id("reduce1x1")});
    QCoreApplication::processEvents();
    QWidget *out = w.editorFor(QStringLiteral("out_channels"));
    QLabel *label = rowLabel(w, "out_channels");
    QVERIFY(label);
    // Labels sit on the right of their fields.
    QVERIFY(label->mapTo(&w, QPoint(0, 0)).x() > out->mapTo(&w, QPoint(0, 0)).x());
    // Pairs read h × w from the right: h is the rightmost.
    QVERIFY(w.editorFor(QStringLiteral("kernel_h"))->mapTo(&w, QPoint(0, 0)).x() >
            w.editorFor(QStringLiteral("kernel_w"))->mapTo(&w, QPoint(0, 0)).x());
    // Shapes are isolated left-to-right runs, so 1×192×28×28 is never reversed.
    const QString shape = w.valueText(QStringLiteral("output"));
    QCOMPARE(shape, QString(QChar(0x2066) + QStringLiteral("1×16×28×28") + QChar(0x2069)));
    shoot(&w, "inspector-rtl");

    CostTablePanel table(m_doc.get(), m_sel.get(), m_display.get());
    table.resize(900, 300);
    table.show();
    QVERIFY(QTest::qWaitForWindowExposed(&table));
    QCOMPARE(cell(table.model(), "input", CostTableModel::Shape),
             QString(QChar(0x2066) + QStringLiteral("1×192×28×28") + QChar(0x2069)));
    shoot(&table, "table-rtl");

    LayerPalette palette(LayerRegistry::builtin());
    palette.resize(240, 520);
    palette.show();
    QVERIFY(QTest::qWaitForWindowExposed(&palette));
    shoot(&palette, "palette-rtl");
    QApplication::setLayoutDirection(Qt::LeftToRight);
}

QTEST_MAIN(tst_Panels)
#include "tst_Panels.moc"
