// Building the lesson fast (issue 13): a layer typed with its parameters into the palette's
// search ("conv 5x5 32 same"), typing on the canvas starting the search, and Compare › Compare
// the Branches naming A and B. The lesson rebuilt from an empty document with the keyboard
// costs what the lesson costs, worked by hand (REFERENCE-NUMBERS.md): path A 28·28·32·5·5·192 =
// 120,422,400 MACs, path B 28·28·16·192 + 28·28·32·5·5·16 = 2,408,448 + 10,035,200.
#include "Document.h"
#include "Language.h"
#include "LayerSelection.h"
#include "MainWindow.h"
#include "Recovery.h"
#include "analysis/Analyzer.h"
#include "analysis/VariantSummary.h"
#include "canvas/GraphScene.h"
#include "canvas/GraphView.h"
#include "canvas/NodeItem.h"
#include "compare/Branches.h"
#include "compare/ComparePanel.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"
#include "panels/LayerPalette.h"
#include "panels/QuickAdd.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QtTest>

using namespace naqsh;

class tst_QuickAdd : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parsesTheLessonsLayers();
    void parsesKeyValuesAndPersianDigits();
    void refusesWhatItDoesNotUnderstand();
    void rebuildsTheLessonWithTheKeyboard();
    void rebuildsTheLessonWithTheKeyboard_data();

private:
    Language m_language;
};

void tst_QuickAdd::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_QuickAdd"));
    QSettings().clear();
    Recovery::discard();
    m_language.apply(Language::Code::English);
}

void tst_QuickAdd::parsesTheLessonsLayers()
{
    const LayerRegistry &r = LayerRegistry::builtin();
    QuickAdd q = QuickAdd::parse(r, QStringLiteral("conv 5x5 32 same"), {});
    QCOMPARE(q.error, QString());
    QCOMPARE(q.typeId, QStringLiteral("conv2d"));
    QCOMPARE(q.params.value(QStringLiteral("kernel_h")).toInt(), 5);
    QCOMPARE(q.params.value(QStringLiteral("kernel_w")).toInt(), 5);
    QCOMPARE(q.params.value(QStringLiteral("out_channels")).toInt(), 32);
    // Choices are held as their index: "same" is the second of explicit, same, valid.
    QCOMPARE(q.params.value(QStringLiteral("padding")).toInt(), 1);
    QCOMPARE(q.params.size(), 4);

    q = QuickAdd::parse(r, QStringLiteral("input 192x28x28"), {});
    QCOMPARE(q.error, QString());
    QCOMPARE(q.typeId, QStringLiteral("input"));
    QCOMPARE(q.params.value(QStringLiteral("channels")).toInt(), 192);
    QCOMPARE(q.params.value(QStringLiteral("height")).toInt(), 28);
    QCOMPARE(q.params.value(QStringLiteral("width")).toInt(), 28);

    // Any order; a 3×1 pair keeps its order (height × width).
    q = QuickAdd::parse(r, QStringLiteral("Conv2d 16 3x1"), {});
    QCOMPARE(q.error, QString());
    QCOMPARE(q.params.value(QStringLiteral("out_channels")).toInt(), 16);
    QCOMPARE(q.params.value(QStringLiteral("kernel_h")).toInt(), 3);
    QCOMPARE(q.params.value(QStringLiteral("kernel_w")).toInt(), 1);
}

void tst_QuickAdd::parsesKeyValuesAndPersianDigits()
{
    const LayerRegistry &r = LayerRegistry::builtin();
    QuickAdd q = QuickAdd::parse(r, QStringLiteral("conv groups=4 bias=false stride_h=2"), {});
    QCOMPARE(q.error, QString());
    QCOMPARE(q.params.value(QStringLiteral("groups")).toInt(), 4);
    QCOMPARE(q.params.value(QStringLiteral("bias")).toBool(), false);
    QCOMPARE(q.params.value(QStringLiteral("stride_h")).toInt(), 2);
    // Persian digits and the multiplication sign, as a Persian keyboard types them.
    q = QuickAdd::parse(r, QStringLiteral("conv ۵×۵ ۳۲"), {});
    QCOMPARE(q.error, QString());
    QCOMPARE(q.params.value(QStringLiteral("kernel_w")).toInt(), 5);
    QCOMPARE(q.params.value(QStringLiteral("out_channels")).toInt(), 32);
    // The palette's first match when the word names no type exactly.
    q = QuickAdd::parse(r, QStringLiteral("pool 3x3"), {QStringLiteral("maxpool2d")});
    QCOMPARE(q.typeId, QStringLiteral("maxpool2d"));
    QCOMPARE(q.params.value(QStringLiteral("kernel_h")).toInt(), 3);
}

void tst_QuickAdd::refusesWhatItDoesNotUnderstand()
{
    const LayerRegistry &r = LayerRegistry::builtin();
    QuickAdd q = QuickAdd::parse(r, QStringLiteral("conv 5x5 sideways"), {});
    QVERIFY2(q.error.contains(QLatin1String("sideways")), qPrintable(q.error));
    q = QuickAdd::parse(r, QStringLiteral("conv 0x0"), {});
    QVERIFY2(q.error.contains(QLatin1String("0x0")), qPrintable(q.error));
    q = QuickAdd::parse(r, QStringLiteral("conv colour=red"), {});
    QVERIFY2(q.error.contains(QLatin1String("colour")), qPrintable(q.error));
    q = QuickAdd::parse(r, QStringLiteral("conv 1x2x3x4"), {});
    QVERIFY(!q.error.isEmpty());
    q = QuickAdd::parse(r, QStringLiteral("nosuchlayer 3"), {});
    QVERIFY(q.typeId.isEmpty());
    QVERIFY(q.error.contains(QLatin1String("nosuchlayer")));

    // In the palette: the reason under the field, nothing added, the text kept to fix it.
    LayerPalette palette(r);
    palette.show();
    QSignalSpy added(&palette, &LayerPalette::layerRequested);
    palette.searchField()->setFocus();
    QTest::keyClicks(palette.searchField(), QStringLiteral("conv 5x5 sideways"));
    QTest::keyClick(palette.searchField(), Qt::Key_Return);
    QCOMPARE(added.count(), 0);
    auto *error = palette.findChild<QLabel *>(QStringLiteral("paletteQuickError"));
    QVERIFY(error && error->isVisible() && error->text().contains(QLatin1String("sideways")));
    QCOMPARE(palette.searchField()->text(), QStringLiteral("conv 5x5 sideways"));
}

void tst_QuickAdd::rebuildsTheLessonWithTheKeyboard_data()
{
    QTest::addColumn<bool>("persian");
    QTest::newRow("English") << false;
    QTest::newRow("Persian") << true;
}

void tst_QuickAdd::rebuildsTheLessonWithTheKeyboard()
{
    QFETCH(bool, persian);
    m_language.apply(persian ? Language::Code::Persian : Language::Code::English);
    MainWindowOptions o;
    o.restoreLayout = false;
    o.autosaveMs = 3600 * 1000;
    MainWindow w(&m_language, nullptr, o);
    w.setSavePrompt([] { return int(QMessageBox::Discard); });
    w.setRecoveryPrompt([](const Recovery::Pending &) { return false; });
    w.resize(1366, 740);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    // 1: Ctrl+N, and the search has the focus.
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(w.document()->model()->graph().isEmpty());
    auto *search = w.findChild<QLineEdit *>(QStringLiteral("paletteSearch"));
    QVERIFY(search);
    QTRY_COMPARE(QApplication::focusWidget(), search);
    auto typeIn = [](QWidget *target, const char *text) {
        QTest::keyClicks(target, QString::fromLatin1(text));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    };
    typeIn(search, "input 192x28x28");
    typeIn(search, "conv 5x5 32 same");
    const Graph &g = w.document()->model()->graph();
    QCOMPARE(g.size(), 2);
    // Both in view, whichever the reading direction.
    for (LayerId id : g.layerIds()) {
        const NodeItem *n = w.scene()->nodeItem(id);
        const QRect shown = w.view()->mapFromScene(n->sceneBoundingRect()).boundingRect();
        QVERIFY2(w.view()->viewport()->rect().intersects(shown),
                 qPrintable(QStringLiteral("%1 at %2,%3 (scene %4,%5), view %6×%7")
                                .arg(g.layer(id)->name)
                                .arg(shown.x())
                                .arg(shown.y())
                                .arg(n->scenePos().x())
                                .arg(n->scenePos().y())
                                .arg(w.view()->viewport()->width())
                                .arg(w.view()->viewport()->height())));
    }
    // Select the input on the canvas, then type there: the search takes it.
    const LayerId input = g.layerIds().first();
    const NodeItem *node = w.scene()->nodeItem(input);
    QVERIFY(node);
    w.view()->ensureVisible(node);
    const QPoint at = w.view()->mapFromScene(node->mapToScene(node->cardRect().center()));
    QTest::mouseClick(w.view()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(w.scene()->selectedLayers(), QVector<LayerId>{input});
    QCOMPARE(QApplication::focusWidget(), w.view());
    QTest::keyClick(w.view(), Qt::Key_C, Qt::NoModifier);
    QCOMPARE(QApplication::focusWidget(), search);
    QCOMPARE(search->text(), QStringLiteral("c"));
    typeIn(search, "onv 1x1 16");
    typeIn(search, "conv 5x5 32 same");
    QCOMPARE(g.size(), 4);
    // Ctrl+B: the branches leaving the input become A and B.
    QTest::keyClick(&w, Qt::Key_B, Qt::ControlModifier);
    QCoreApplication::processEvents();
    QCOMPARE(g.variants.size(), 2);
    w.document()->analyzer()->flush();
    const AnalysisResult &result = w.document()->analyzer()->result();
    ComparePanel *compare = w.comparePanel();
    const VariantSummary a = summarizeVariant(g, result, g.variants[compare->variantA()]);
    const VariantSummary b = summarizeVariant(g, result, g.variants[compare->variantB()]);
    QCOMPARE(a.costs.macs.value(), qint64(120422400));
    QCOMPARE(b.costs.macs.value(), qint64(2408448 + 10035200));
    QCOMPARE(a.name, QStringLiteral("Conv 5×5, 32"));
    // The names are Latin, read left to right in Persian too: the arrow keeps its direction.
    QCOMPARE(b.name, QStringLiteral("Conv 1×1, 16 → Conv 5×5, 32"));
    compare->refresh();
    if (!persian)
        QVERIFY2(compare->headlines().value(0).contains(QStringLiteral("9.68× fewer MACs")),
                 qPrintable(compare->headlines().join(QLatin1Char('|'))));
    // Asked again, the same branches are not added twice; one undo takes both away.
    QVERIFY(compare->compareBranches());
    QCOMPARE(g.variants.size(), 2);
    w.document()->undoStack()->undo();
    QCOMPARE(g.variants.size(), 0);
    m_language.apply(Language::Code::English);
}

QTEST_MAIN(tst_QuickAdd)
#include "tst_QuickAdd.moc"
