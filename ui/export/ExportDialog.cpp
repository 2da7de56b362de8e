#include "ExportDialog.h"

#include "DiagramExport.h"
#include "DisplayContext.h"
#include "Document.h"
#include "LayerSelection.h"
#include "analysis/Analyzer.h"
#include "compare/VariantResolver.h"
#include "graph/GraphModel.h"
#include "io/PyTorchExport.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>
#include <QtMath>

namespace naqsh {

namespace {

bool persianUi()
{
    return QLocale().language() == QLocale::Persian;
}

QString settingsKey(const char *name)
{
    return QStringLiteral("export/") + QLatin1String(name);
}

} // namespace

// ---- DiagramPreview ----

DiagramPreview::DiagramPreview(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(320, 280);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void DiagramPreview::setRenderer(std::shared_ptr<const DiagramRenderer> renderer)
{
    m_renderer = std::move(renderer);
    update();
}

void DiagramPreview::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Dark).lighter(150));
    if (!m_renderer || m_renderer->size().isEmpty())
        return;
    const QSizeF size = m_renderer->size();
    const double margin = 12;
    const double k = std::min(
        {(width() - 2 * margin) / size.width(), (height() - 2 * margin) / size.height(), 2.0});
    if (k <= 0)
        return;
    const QRectF page((width() - size.width() * k) / 2, (height() - size.height() * k) / 2,
                      size.width() * k, size.height() * k);
    if (m_renderer->options().transparentBackground) {
        // A checkerboard shows what is transparent.
        const int cell = 8;
        p.save();
        p.setClipRect(page);
        for (int y = int(page.top()); y < page.bottom(); y += cell)
            for (int x = int(page.left()); x < page.right(); x += cell)
                p.fillRect(x, y, cell, cell,
                           ((x - int(page.left())) / cell + (y - int(page.top())) / cell) % 2
                               ? QColor(0xdd, 0xdd, 0xdd)
                               : Qt::white);
        p.restore();
    }
    p.setPen(QPen(QColor(0, 0, 0, 60), 1));
    p.drawRect(page.adjusted(-0.5, -0.5, 0.5, 0.5));
    p.save();
    p.translate(page.topLeft());
    p.scale(k, k);
    m_renderer->paint(&p);
    p.restore();
}

// ---- ExportDialog ----

void ExportDialog::run(QWidget *parent, Document *document, LayerSelection *selection,
                       DisplayContext *display)
{
    ExportDialog dialog(document, selection, display, parent);
    dialog.exec();
}

void ExportDialog::copyToClipboard(Document *document, LayerSelection *selection,
                                   DisplayContext *display)
{
    ExportDialog dialog(document, selection, display);
    dialog.copyDiagram();
}

ExportDialog::ExportDialog(Document *document, LayerSelection *selection, DisplayContext *display,
                           QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selection(selection)
    , m_display(display)
    , m_resolver(std::make_unique<VariantResolver>(document->model()->registry()))
{
    setWindowTitle(tr("Export"));
    m_document->analyzer()->flush();
    buildUi();
    loadSettings();
    refreshVariants();
    updateEnabled();
    rebuildPreview();
}

ExportDialog::~ExportDialog() = default;

void ExportDialog::buildUi()
{
    auto *diagramBox = new QGroupBox(tr("Diagram"), this);
    auto *form = new QFormLayout(diagramBox);

    m_format = new QComboBox(diagramBox);
    m_format->addItem(tr("SVG (vector, searchable text)"), int(DiagramFormat::Svg));
    m_format->addItem(tr("PNG (image)"), int(DiagramFormat::Png));
    m_format->addItem(tr("PDF (vector, fonts embedded)"), int(DiagramFormat::Pdf));
    form->addRow(tr("&Format:"), m_format);

    m_selectionOnly = new QCheckBox(tr("Selected layers only"), diagramBox);
    form->addRow(QString(), m_selectionOnly);

    m_titleOn = new QCheckBox(tr("Title:"), diagramBox);
    m_title = new QLineEdit(diagramBox);
    const QString name = m_document->model()->graph().name;
    m_title->setText(name.isEmpty() ? QFileInfo(m_document->displayName()).completeBaseName()
                                    : name);
    form->addRow(m_titleOn, m_title);

    m_shapes = new QCheckBox(tr("Tensor shapes on the edges"), diagramBox);
    m_costs = new QCheckBox(tr("Parameters and MACs on the nodes"), diagramBox);
    m_legend = new QCheckBox(tr("Legend"), diagramBox);
    form->addRow(QString(), m_shapes);
    form->addRow(QString(), m_costs);
    form->addRow(QString(), m_legend);

    m_direction = new QComboBox(diagramBox);
    m_direction->addItem(tr("Top to bottom"), 0);
    m_direction->addItem(tr("Left to right"), 1);
    m_direction->addItem(tr("Keep the canvas positions"), 2);
    form->addRow(tr("&Layout:"), m_direction);

    m_style = new QComboBox(diagramBox);
    m_style->addItem(tr("Screen (colours)"), int(DiagramOptions::Style::Screen));
    m_style->addItem(tr("Print (black on white, thin lines)"), int(DiagramOptions::Style::Print));
    form->addRow(tr("&Style:"), m_style);

    m_background = new QComboBox(diagramBox);
    m_background->addItem(tr("White"), false);
    m_background->addItem(tr("Transparent"), true);
    form->addRow(tr("&Background:"), m_background);

    auto *resolution = new QWidget(diagramBox);
    auto *grid = new QFormLayout(resolution);
    grid->setContentsMargins(0, 0, 0, 0);
    m_byScale = new QRadioButton(tr("Scale"), resolution);
    m_byDpi = new QRadioButton(tr("DPI"), resolution);
    auto *group = new QButtonGroup(resolution);
    group->addButton(m_byScale);
    group->addButton(m_byDpi);
    m_scale = new QDoubleSpinBox(resolution);
    m_scale->setRange(0.5, 8.0);
    m_scale->setSingleStep(0.5);
    m_scale->setSuffix(QStringLiteral("×"));
    m_dpi = new QSpinBox(resolution);
    m_dpi->setRange(72, 1200);
    m_dpi->setSingleStep(50);
    grid->addRow(m_byScale, m_scale);
    grid->addRow(m_byDpi, m_dpi);
    form->addRow(tr("PNG size:"), resolution);

    m_textAsPaths = new QCheckBox(tr("SVG text as outlines (same in every viewer, not searchable)"),
                                  diagramBox);
    form->addRow(QString(), m_textAsPaths);

    m_sizeLabel = new QLabel(diagramBox);
    m_sizeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Size:"), m_sizeLabel);

    auto *tableBox = new QGroupBox(tr("Tables and code"), this);
    auto *tableForm = new QFormLayout(tableBox);
    auto *compareRow = new QWidget(tableBox);
    auto *compareLayout = new QHBoxLayout(compareRow);
    compareLayout->setContentsMargins(0, 0, 0, 0);
    m_variantA = new QComboBox(compareRow);
    m_variantB = new QComboBox(compareRow);
    compareLayout->addWidget(m_variantA, 1);
    compareLayout->addWidget(new QLabel(tr("with"), compareRow));
    compareLayout->addWidget(m_variantB, 1);
    tableForm->addRow(tr("Compare:"), compareRow);
    auto *note = new QLabel(
        tr("Tables use the window's FLOP convention, activation type and digits."), tableBox);
    note->setWordWrap(true);
    tableForm->addRow(note);

    auto *left = new QVBoxLayout;
    left->addWidget(diagramBox);
    left->addWidget(tableBox);
    left->addStretch(1);

    m_preview = new DiagramPreview(this);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addWidget(m_preview, 1);

    auto *buttons = new QDialogButtonBox(this);
    auto *diagramButton = buttons->addButton(tr("Export &Diagram…"), QDialogButtonBox::ActionRole);
    auto *copyButton = buttons->addButton(tr("&Copy to Clipboard"), QDialogButtonBox::ActionRole);
    auto *tableButton = buttons->addButton(tr("Export &Table…"), QDialogButtonBox::ActionRole);
    m_compareButton = buttons->addButton(tr("Export Co&mparison…"), QDialogButtonBox::ActionRole);
    auto *codeButton =
        buttons->addButton(tr("Export &PyTorch Code…"), QDialogButtonBox::ActionRole);
    buttons->addButton(QDialogButtonBox::Close);
    diagramButton->setDefault(true);
    connect(diagramButton, &QPushButton::clicked, this, &ExportDialog::onExportDiagram);
    connect(copyButton, &QPushButton::clicked, this, &ExportDialog::copyDiagram);
    connect(tableButton, &QPushButton::clicked, this, &ExportDialog::onExportTable);
    connect(m_compareButton, &QPushButton::clicked, this, &ExportDialog::onExportComparison);
    connect(codeButton, &QPushButton::clicked, this, &ExportDialog::onExportCode);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_status = new QLabel(this);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(60);
    connect(m_previewTimer, &QTimer::timeout, this, &ExportDialog::rebuildPreview);

    const auto changed = [this] {
        updateEnabled();
        schedulePreview();
    };
    for (QCheckBox *box : {m_selectionOnly, m_shapes, m_costs, m_titleOn, m_legend, m_textAsPaths})
        connect(box, &QCheckBox::toggled, this, changed);
    for (QComboBox *box : {m_format, m_direction, m_style, m_background})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    connect(m_title, &QLineEdit::textChanged, this, changed);
    connect(m_byScale, &QRadioButton::toggled, this, changed);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, changed);
    connect(m_dpi, &QSpinBox::valueChanged, this, changed);
    connect(m_variantA, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    connect(m_variantB, &QComboBox::currentIndexChanged, this, &ExportDialog::updateEnabled);
    if (m_selection)
        connect(m_selection, &LayerSelection::selectionChanged, this, changed);
    connect(m_display, &DisplayContext::changed, this, changed);
    connect(m_document->analyzer(), &Analyzer::analysisUpdated, this, changed);
    const GraphModel *model = m_document->model();
    connect(model, &GraphModel::layerRenamed, this, changed);
    connect(model, &GraphModel::layerMoved, this, changed);
    connect(model, &GraphModel::nameChanged, this, changed);
    connect(model, &GraphModel::graphReset, this, changed);
    connect(model, &GraphModel::variantsChanged, this, [this] {
        refreshVariants();
        updateEnabled();
    });
    resize(1080, 700);
}

void ExportDialog::loadSettings()
{
    const QSettings s;
    m_format->setCurrentIndex(
        qBound(0, s.value(settingsKey("format"), 0).toInt(), m_format->count() - 1));
    m_shapes->setChecked(s.value(settingsKey("shapes"), true).toBool());
    m_costs->setChecked(s.value(settingsKey("costs"), true).toBool());
    m_legend->setChecked(s.value(settingsKey("legend"), true).toBool());
    m_titleOn->setChecked(s.value(settingsKey("title"), true).toBool());
    m_direction->setCurrentIndex(
        qBound(0, s.value(settingsKey("direction"), 0).toInt(), m_direction->count() - 1));
    m_style->setCurrentIndex(
        qBound(0, s.value(settingsKey("style"), 0).toInt(), m_style->count() - 1));
    m_background->setCurrentIndex(s.value(settingsKey("transparent"), false).toBool() ? 1 : 0);
    (s.value(settingsKey("byDpi"), false).toBool() ? m_byDpi : m_byScale)->setChecked(true);
    m_scale->setValue(s.value(settingsKey("scale"), 2.0).toDouble());
    m_dpi->setValue(s.value(settingsKey("dpi"), 300).toInt());
    m_textAsPaths->setChecked(s.value(settingsKey("textAsPaths"), false).toBool());
    m_selectionOnly->setChecked(m_selection && !m_selection->layers().isEmpty() &&
                                s.value(settingsKey("selectionOnly"), false).toBool());
}

void ExportDialog::saveSettings() const
{
    QSettings s;
    s.setValue(settingsKey("format"), m_format->currentIndex());
    s.setValue(settingsKey("shapes"), m_shapes->isChecked());
    s.setValue(settingsKey("costs"), m_costs->isChecked());
    s.setValue(settingsKey("legend"), m_legend->isChecked());
    s.setValue(settingsKey("title"), m_titleOn->isChecked());
    s.setValue(settingsKey("direction"), m_direction->currentIndex());
    s.setValue(settingsKey("style"), m_style->currentIndex());
    s.setValue(settingsKey("transparent"), m_background->currentIndex() == 1);
    s.setValue(settingsKey("byDpi"), m_byDpi->isChecked());
    s.setValue(settingsKey("scale"), m_scale->value());
    s.setValue(settingsKey("dpi"), m_dpi->value());
    s.setValue(settingsKey("textAsPaths"), m_textAsPaths->isChecked());
    s.setValue(settingsKey("selectionOnly"), m_selectionOnly->isChecked());
}

DiagramOptions ExportDialog::diagramOptions() const
{
    DiagramOptions o;
    o.showShapes = m_shapes->isChecked();
    o.showCosts = m_costs->isChecked();
    o.legend = m_legend->isChecked();
    o.title = m_titleOn->isChecked() ? m_title->text().trimmed() : QString();
    const int direction = m_direction->currentData().toInt();
    o.direction = direction == 1 ? LayoutDirection::LeftRight : LayoutDirection::TopDown;
    o.placement = direction == 2 ? DiagramOptions::Placement::CanvasPositions
                                 : DiagramOptions::Placement::Layered;
    o.style = DiagramOptions::Style(m_style->currentData().toInt());
    o.transparentBackground = m_background->currentData().toBool();
    o.textAsPaths = m_textAsPaths->isChecked();
    o.format = m_display->format();
    o.rightToLeft = persianUi() || QApplication::layoutDirection() == Qt::RightToLeft;
    o.scale = m_scale->value();
    o.dpi = m_byDpi->isChecked() ? m_dpi->value() : 0;
    if (m_selectionOnly->isChecked() && m_selection)
        o.layers = m_selection->layers();
    return o;
}

TableExportOptions ExportDialog::tableOptions() const
{
    TableExportOptions o;
    o.report.convention = m_display->convention();
    o.report.dtype = m_display->dtype();
    o.report.format = m_display->format();
    const QString name = m_document->model()->graph().name;
    o.report.modelName =
        name.isEmpty() ? QFileInfo(m_document->displayName()).completeBaseName() : name;
    o.language = persianUi() ? QStringLiteral("fa") : QStringLiteral("en");
    return o;
}

void ExportDialog::updateEnabled()
{
    const bool hasSelection = m_selection && !m_selection->layers().isEmpty();
    m_selectionOnly->setEnabled(hasSelection);
    if (!hasSelection)
        m_selectionOnly->setChecked(false);
    m_title->setEnabled(m_titleOn->isChecked());
    const auto format = DiagramFormat(m_format->currentData().toInt());
    m_scale->setEnabled(m_byScale->isChecked());
    m_dpi->setEnabled(m_byDpi->isChecked());
    m_textAsPaths->setEnabled(format == DiagramFormat::Svg);
    m_background->setEnabled(format != DiagramFormat::Pdf);
    const bool canCompare =
        m_variantA->count() >= 2 && m_variantA->currentIndex() != m_variantB->currentIndex();
    m_compareButton->setEnabled(canCompare);
    m_variantA->setEnabled(m_variantA->count() >= 2);
    m_variantB->setEnabled(m_variantB->count() >= 2);
}

void ExportDialog::schedulePreview()
{
    m_previewTimer->start();
}

void ExportDialog::rebuildPreview()
{
    m_document->analyzer()->flush();
    const GraphModel *model = m_document->model();
    m_renderer = std::make_shared<const DiagramRenderer>(
        model->graph(), m_document->analyzer()->result(), model->registry(), diagramOptions());
    m_preview->setRenderer(m_renderer);
    const QSizeF size = m_renderer->size();
    const double ratio = m_renderer->options().pixelRatio();
    m_sizeLabel->setText(tr("%1 × %2 px; PNG %3 × %4 px")
                             .arg(m_display->format().integer(qCeil(size.width())),
                                  m_display->format().integer(qCeil(size.height())),
                                  m_display->format().integer(qCeil(size.width() * ratio)),
                                  m_display->format().integer(qCeil(size.height() * ratio))));
}

void ExportDialog::refreshVariants()
{
    const QVector<ResolvedVariant> variants = m_resolver->resolve(*m_document);
    for (QComboBox *box : {m_variantA, m_variantB}) {
        box->clear();
        for (const ResolvedVariant &v : variants)
            box->addItem(v.variant.name);
    }
    if (variants.size() >= 2)
        m_variantB->setCurrentIndex(1);
}

QString ExportDialog::suggestedPath(const QString &suffix) const
{
    const QString file = m_document->filePath();
    const QString dir =
        QSettings()
            .value(settingsKey("lastDir"),
                   file.isEmpty() ? QDir::homePath() : QFileInfo(file).absolutePath())
            .toString();
    const QString base = file.isEmpty() ? QFileInfo(m_document->displayName()).completeBaseName()
                                        : QFileInfo(file).completeBaseName();
    return QDir(dir).filePath(base + QLatin1Char('.') + suffix);
}

bool ExportDialog::report(bool ok, const QString &path, const QString &error)
{
    if (ok) {
        m_status->setText(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
        QSettings().setValue(settingsKey("lastDir"), QFileInfo(path).absolutePath());
        saveSettings();
    } else {
        m_status->setText(error);
        if (isVisible())
            QMessageBox::warning(this, tr("Export"), error);
    }
    return ok;
}

bool ExportDialog::exportDiagramTo(const QString &path, QString *error)
{
    m_document->analyzer()->flush();
    const GraphModel *model = m_document->model();
    QString why;
    const bool ok =
        DiagramExport::exportDiagram(path, model->graph(), m_document->analyzer()->result(),
                                     model->registry(), diagramOptions(), &why);
    if (error)
        *error = why;
    return report(ok, path, why);
}

bool ExportDialog::exportTableTo(const QString &path, QString *error)
{
    QString why;
    TableFormat format;
    if (!TableExport::formatFromPath(path, &format)) {
        why = tr("Unknown table format \"%1\": use .csv, .md, .tex or .html.")
                  .arg(QFileInfo(path).suffix());
        if (error)
            *error = why;
        return report(false, path, why);
    }
    m_document->analyzer()->flush();
    const GraphModel *model = m_document->model();
    const AnalysisResult &result = m_document->analyzer()->result();
    TableExportOptions options = tableOptions();
    if (format == TableFormat::Html)
        options.diagramSvg = DiagramExport::svg(
            DiagramRenderer(model->graph(), result, model->registry(), diagramOptions()));
    const bool ok = TableExport::writeFile(
        path, TableExport::table(format, model->graph(), model->registry(), result, options), &why);
    if (error)
        *error = why;
    return report(ok, path, why);
}

bool ExportDialog::exportComparisonTo(const QString &path, QString *error)
{
    QString why;
    TableFormat format;
    const QVector<ResolvedVariant> variants = m_resolver->resolve(*m_document);
    const int a = m_variantA->currentIndex(), b = m_variantB->currentIndex();
    if (!TableExport::formatFromPath(path, &format))
        why = tr("Unknown table format \"%1\": use .csv, .md, .tex or .html.")
                  .arg(QFileInfo(path).suffix());
    else if (a < 0 || b < 0 || a >= variants.size() || b >= variants.size())
        why = tr("Define two comparisons (Compare panel) to export a comparison table.");
    else if (!variants[a].ok())
        why = tr("%1: %2").arg(variants[a].variant.name, variants[a].summary.error);
    else if (!variants[b].ok())
        why = tr("%1: %2").arg(variants[b].variant.name, variants[b].summary.error);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return report(false, path, why);
    }
    Report::CompareInput in{variants[a].summary, variants[b].summary};
    const bool ok =
        TableExport::writeFile(path, TableExport::comparison(format, in, tableOptions()), &why);
    if (error)
        *error = why;
    return report(ok, path, why);
}

bool ExportDialog::exportCodeTo(const QString &path, QString *error)
{
    m_document->analyzer()->flush();
    const GraphModel *model = m_document->model();
    const QString code =
        toPyTorch(model->graph(), model->registry(), m_document->analyzer()->result());
    QString why;
    const bool ok = TableExport::writeFile(path, code.toUtf8(), &why);
    if (error)
        *error = why;
    report(ok, path, why);
    if (ok && code.contains(QStringLiteral("NotImplementedError")))
        m_status->setText(tr("Wrote %1. Some layers have no PyTorch equivalent: look for the \"# "
                             "Naqsh:\" comments in the file.")
                              .arg(QDir::toNativeSeparators(path)));
    return ok;
}

void ExportDialog::copyDiagram()
{
    m_document->analyzer()->flush();
    const GraphModel *model = m_document->model();
    QApplication::clipboard()->setMimeData(DiagramExport::diagramMimeData(
        model->graph(), m_document->analyzer()->result(), model->registry(), diagramOptions()));
    m_status->setText(tr("Copied the diagram as an image and as SVG."));
    saveSettings();
}

namespace {

/// Asks for a file to save, with @p filters; appends the filter's suffix when none was typed.
QString askSavePath(QWidget *parent, const QString &caption, const QString &suggested,
                    const QStringList &filters, const QStringList &suffixes, int preferred)
{
    QString selected = filters.value(preferred);
    QString path = QFileDialog::getSaveFileName(parent, caption, suggested,
                                                filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path +=
            QLatin1Char('.') + suffixes.value(std::max<qsizetype>(0, filters.indexOf(selected)));
    return path;
}

} // namespace

void ExportDialog::onExportDiagram()
{
    const int index = m_format->currentIndex();
    const QStringList suffixes{QStringLiteral("svg"), QStringLiteral("png"), QStringLiteral("pdf")};
    const QStringList filters{tr("SVG image (*.svg)"), tr("PNG image (*.png)"),
                              tr("PDF document (*.pdf)")};
    const QString path = askSavePath(this, tr("Export Diagram"), suggestedPath(suffixes[index]),
                                     filters, suffixes, index);
    if (!path.isEmpty())
        exportDiagramTo(path);
}

void ExportDialog::onExportTable()
{
    const QStringList suffixes{QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("tex"),
                               QStringLiteral("html")};
    const QStringList filters{tr("CSV for spreadsheets (*.csv)"), tr("Markdown (*.md)"),
                              tr("LaTeX table (*.tex)"), tr("Web page with the diagram (*.html)")};
    const int preferred = QSettings().value(settingsKey("tableFormat"), 1).toInt();
    const QString path =
        askSavePath(this, tr("Export Cost Table"), suggestedPath(suffixes.value(preferred)),
                    filters, suffixes, preferred);
    if (path.isEmpty())
        return;
    TableFormat format;
    if (TableExport::formatFromPath(path, &format))
        QSettings().setValue(settingsKey("tableFormat"), int(format));
    exportTableTo(path);
}

void ExportDialog::onExportComparison()
{
    const QStringList suffixes{QStringLiteral("csv"), QStringLiteral("md"), QStringLiteral("tex"),
                               QStringLiteral("html")};
    const QStringList filters{tr("CSV for spreadsheets (*.csv)"), tr("Markdown (*.md)"),
                              tr("LaTeX table (*.tex)"), tr("Web page (*.html)")};
    const int preferred = QSettings().value(settingsKey("tableFormat"), 1).toInt();
    const QString base = suggestedPath(suffixes.value(preferred));
    const QString suggested =
        QFileInfo(base).dir().filePath(QFileInfo(base).completeBaseName() +
                                       QStringLiteral("-comparison.") + suffixes.value(preferred));
    const QString path =
        askSavePath(this, tr("Export Comparison"), suggested, filters, suffixes, preferred);
    if (!path.isEmpty())
        exportComparisonTo(path);
}

void ExportDialog::onExportCode()
{
    const QString path =
        askSavePath(this, tr("Export PyTorch Code"), suggestedPath(QStringLiteral("py")),
                    {tr("Python file (*.py)")}, {QStringLiteral("py")}, 0);
    if (!path.isEmpty())
        exportCodeTo(path);
}

} // namespace naqsh
