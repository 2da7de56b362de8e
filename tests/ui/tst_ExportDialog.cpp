// The export dialog: its controls make the options, the preview follows them, and its actions
// write the files and the clipboard.
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "export/DiagramExport.h"
#include "export/ExportDialog.h"
#include "graph/GraphModel.h"
#include "layers/LayerRegistry.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

class tst_ExportDialog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void defaultsAndControls();
    void selectionOnly();
    void previewFollowsOptions();
    void writesEveryKindOfFile();
    void refusesUnknownSuffix();
    void clipboard();
    void persianDigits();

private:
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<LayerSelection> m_selection;
    std::unique_ptr<DisplayContext> m_display;
    QTemporaryDir m_dir;
};

void tst_ExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("NaqshTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_ExportDialog"));
    QVERIFY(m_dir.isValid());
}

void tst_ExportDialog::init()
{
    QSettings().clear();
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_selection = std::make_unique<LayerSelection>();
    m_display = std::make_unique<DisplayContext>();
}

void tst_ExportDialog::defaultsAndControls()
{
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    DiagramOptions o = dialog.diagramOptions();
    QVERIFY(o.showShapes && o.showCosts && o.legend);
    QCOMPARE(o.title, m_doc->model()->graph().name);
    QCOMPARE(o.style, DiagramOptions::Style::Screen);
    QCOMPARE(o.placement, DiagramOptions::Placement::Layered);
    QVERIFY(o.layers.isEmpty());

    const QList<QCheckBox *> boxes = dialog.findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes)
        if (box->text().contains(QStringLiteral("shapes")))
            box->setChecked(false);
        else if (box->text() == QStringLiteral("Legend"))
            box->setChecked(false);
    const QList<QComboBox *> combos = dialog.findChildren<QComboBox *>();
    for (QComboBox *combo : combos) {
        const int print = combo->findText(QStringLiteral("Print"), Qt::MatchStartsWith);
        if (print >= 0)
            combo->setCurrentIndex(print);
        const int across = combo->findText(QStringLiteral("Left to right"));
        if (across >= 0)
            combo->setCurrentIndex(across);
    }
    o = dialog.diagramOptions();
    QVERIFY(!o.showShapes);
    QVERIFY(!o.legend);
    QVERIFY(o.showCosts);
    QCOMPARE(o.style, DiagramOptions::Style::Print);
    QCOMPARE(o.direction, LayoutDirection::LeftRight);
}

void tst_ExportDialog::selectionOnly()
{
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    QCheckBox *only = nullptr;
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>())
        if (box->text().startsWith(QStringLiteral("Selected layers")))
            only = box;
    QVERIFY(only);
    QVERIFY(!only->isEnabled()); // nothing selected
    const LayerId reduce = m_doc->model()->graph().findByName(QStringLiteral("reduce1x1"));
    m_selection->setSelection({reduce});
    QVERIFY(only->isEnabled());
    only->setChecked(true);
    QCOMPARE(dialog.diagramOptions().layers, QVector<LayerId>{reduce});
    QTRY_COMPARE(dialog.previewRenderer()->layers(), QVector<LayerId>{reduce});
    m_selection->clear();
    QVERIFY(!only->isEnabled());
    QVERIFY(dialog.diagramOptions().layers.isEmpty());
}

void tst_ExportDialog::previewFollowsOptions()
{
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    QVERIFY(dialog.previewRenderer());
    const QSizeF before = dialog.previewRenderer()->size();
    for (QComboBox *combo : dialog.findChildren<QComboBox *>())
        if (const int i = combo->findText(QStringLiteral("Left to right")); i >= 0)
            combo->setCurrentIndex(i);
    QTRY_VERIFY(dialog.previewRenderer()->options().direction == LayoutDirection::LeftRight);
    const QSizeF after = dialog.previewRenderer()->size();
    QVERIFY(before.height() > before.width());
    QVERIFY(after.width() > after.height());
    // Edits in the document reach the preview too.
    const LayerId conv = m_doc->model()->graph().findByName(QStringLiteral("conv5x5"));
    QVERIFY(m_doc->model()->renameLayer(conv, QStringLiteral("big_conv")));
    QTRY_VERIFY(DiagramExport::svg(*dialog.previewRenderer()).contains(">big_conv</text>"));
    QVERIFY(m_doc->model()->setParam(conv, QStringLiteral("out_channels"), 48));
    QTRY_VERIFY(DiagramExport::svg(*dialog.previewRenderer())
                    .contains("1\xC3\x97"
                              "48\xC3\x97"
                              "28\xC3\x97"
                              "28"));
}

void tst_ExportDialog::writesEveryKindOfFile()
{
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    QString error;
    const QString svg = m_dir.filePath(QStringLiteral("d.svg")),
                  html = m_dir.filePath(QStringLiteral("t.html")),
                  cmp = m_dir.filePath(QStringLiteral("c.md")),
                  py = m_dir.filePath(QStringLiteral("m.py"));
    QVERIFY2(dialog.exportDiagramTo(svg, &error), qPrintable(error));
    QVERIFY2(dialog.exportTableTo(html, &error), qPrintable(error));
    QVERIFY2(dialog.exportComparisonTo(cmp, &error), qPrintable(error));
    QVERIFY2(dialog.exportCodeTo(py, &error), qPrintable(error));
    auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    QVERIFY(read(svg).contains(QStringLiteral(">conv5x5_after_1x1</text>")));
    QVERIFY(read(html).contains(QStringLiteral("<svg")));
    QVERIFY(read(html).contains(QStringLiteral("120,422,400")));
    // The lesson's comparisons, in the document's order: Plain 5×5, then 1×1 then 5×5.
    QVERIFY2(read(cmp).contains(
                 QString::fromUtf8("| MACs | 120,422,400 | 12,443,648 | 9.68× fewer MACs |")),
             qPrintable(read(cmp)));
    QVERIFY(read(py).contains(
        QStringLiteral("self.conv5x5 = nn.Conv2d(192, 32, kernel_size=5, padding=2, bias=False)")));
}

void tst_ExportDialog::refusesUnknownSuffix()
{
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    QString error;
    QVERIFY(!dialog.exportDiagramTo(m_dir.filePath(QStringLiteral("d.gif")), &error));
    QVERIFY(error.contains(QStringLiteral("gif")));
    QVERIFY(!dialog.exportTableTo(m_dir.filePath(QStringLiteral("t.xlsx")), &error));
    QVERIFY(error.contains(QStringLiteral("xlsx")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("t.xlsx"))));
}

void tst_ExportDialog::clipboard()
{
    ExportDialog::copyToClipboard(m_doc.get(), m_selection.get(), m_display.get());
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(QStringLiteral("image/svg+xml")));
    QVERIFY(mime->data(QStringLiteral("image/svg+xml")).contains("conv5x5"));
    QVERIFY(mime->hasImage());
}

void tst_ExportDialog::persianDigits()
{
    m_display->setFormat(NumberFormat(QLocale(QLocale::Persian, QLocale::Iran)));
    ExportDialog dialog(m_doc.get(), m_selection.get(), m_display.get());
    const QString md = m_dir.filePath(QStringLiteral("fa.md"));
    QVERIFY(dialog.exportTableTo(md));
    QFile f(md);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(f.readAll()).contains(QString::fromUtf8("۱۲۰٬۴۲۲٬۴۰۰")));
    QVERIFY(dialog.diagramOptions().format.integer(153600) == QString::fromUtf8("۱۵۳٬۶۰۰"));
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_ExportDialog.moc"
