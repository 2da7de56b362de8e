#pragma once

#include "DiagramRenderer.h"
#include "io/TableExport.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTimer;

namespace naqsh {

class DisplayContext;
class Document;
class LayerSelection;
class VariantResolver;

/// Scales a DiagramRenderer into the widget, keeping its proportions, over a checkerboard when
/// the background is transparent.
class DiagramPreview : public QWidget
{
    Q_OBJECT
public:
    explicit DiagramPreview(QWidget *parent = nullptr);
    void setRenderer(std::shared_ptr<const DiagramRenderer> renderer);
    QSize sizeHint() const override { return {560, 520}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::shared_ptr<const DiagramRenderer> m_renderer;
};

/// File > Export: the diagram (SVG, PNG, PDF, clipboard) with its options and a live preview,
/// the cost table (CSV, Markdown, LaTeX, HTML), the comparison of two variants, and PyTorch
/// code. Numbers follow the window's DisplayContext (convention, dtype, digits); labels follow
/// the UI language.
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    /// Shows the dialog modally for @p document. @p selection decides whether "Selected layers
    /// only" is offered; @p display gives the convention, dtype and digits. None is owned.
    static void run(QWidget *parent, Document *document, LayerSelection *selection,
                    DisplayContext *display);
    /// Puts the diagram (with the last options used in the dialog, the selection if there is
    /// one) on the clipboard as PNG, SVG and HTML: for Edit > Copy Diagram.
    static void copyToClipboard(Document *document, LayerSelection *selection,
                                DisplayContext *display);

    ExportDialog(Document *document, LayerSelection *selection, DisplayContext *display,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    /// The diagram options the controls describe now.
    DiagramOptions diagramOptions() const;
    /// The table options: the display's convention, dtype and digits, the UI language.
    TableExportOptions tableOptions() const;
    /// The renderer behind the preview (rebuilt shortly after an option changes).
    std::shared_ptr<const DiagramRenderer> previewRenderer() const { return m_renderer; }

    // The actions behind the buttons, after the file dialog; each returns false with a message
    // box (and @p error) on failure.
    bool exportDiagramTo(const QString &path, QString *error = nullptr);
    bool exportTableTo(const QString &path, QString *error = nullptr);
    bool exportComparisonTo(const QString &path, QString *error = nullptr);
    bool exportCodeTo(const QString &path, QString *error = nullptr);
    void copyDiagram();

private:
    void buildUi();
    void loadSettings();
    void saveSettings() const;
    void updateEnabled();
    void schedulePreview();
    void rebuildPreview();
    void refreshVariants();
    QString suggestedPath(const QString &suffix) const;
    bool report(bool ok, const QString &path, const QString &error);

    void onExportDiagram();
    void onExportTable();
    void onExportComparison();
    void onExportCode();

    Document *m_document;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    std::unique_ptr<VariantResolver> m_resolver;
    std::shared_ptr<const DiagramRenderer> m_renderer;
    QTimer *m_previewTimer = nullptr;

    QComboBox *m_format = nullptr;
    QCheckBox *m_selectionOnly = nullptr;
    QCheckBox *m_shapes = nullptr;
    QCheckBox *m_costs = nullptr;
    QCheckBox *m_titleOn = nullptr;
    QLineEdit *m_title = nullptr;
    QCheckBox *m_legend = nullptr;
    QComboBox *m_direction = nullptr;
    QComboBox *m_style = nullptr;
    QRadioButton *m_byScale = nullptr;
    QRadioButton *m_byDpi = nullptr;
    QDoubleSpinBox *m_scale = nullptr;
    QSpinBox *m_dpi = nullptr;
    QComboBox *m_background = nullptr;
    QCheckBox *m_textAsPaths = nullptr;
    QLabel *m_sizeLabel = nullptr;
    QComboBox *m_variantA = nullptr;
    QComboBox *m_variantB = nullptr;
    QPushButton *m_compareButton = nullptr;
    QLabel *m_status = nullptr;
    DiagramPreview *m_preview = nullptr;
};

} // namespace naqsh
