#pragma once

#include "graph/LayerId.h"

#include <QVariantMap>
#include <QWidget>

class QGridLayout;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;
class QToolButton;

namespace naqsh {

class DisplayContext;
class Document;
class LayerSelection;
struct LayerType;

/// The inspector: what the selection is and what it costs, with editors for its parameters.
///
/// - One layer: its name (editable), type and help, an error box when it has no numbers, its
///   input and output shapes, one editor per parameter built from the type's ParamSpecs
///   (h/w pairs share a row with a lock for square values) and its costs. (How each number
///   is computed is ExplainPanel's job.)
/// - Several layers: the common type if they share one, the parameters whose values are equal
///   across all of them (an edit applies to all as one undo step), and summed costs.
/// - Nothing selected: the document's totals, peak activation memory included.
///
/// Every edit is a command on the document's undo stack, pushed as the value changes (spin
/// steps of the same parameters merge into one step). A value that the parameter spec refuses,
/// or that would make the layer's own shape rule fail for its current inputs, is marked in
/// place with the reason and not applied. The panel follows the analysis, undo and redo (editors
/// refresh without pushing), the DisplayContext and the UI language.
class InspectorWidget : public QWidget
{
    Q_OBJECT
public:
    InspectorWidget(Document *document, LayerSelection *selection, DisplayContext *display,
                    QWidget *parent = nullptr);
    ~InspectorWidget() override;

    /// The editor of parameter @p key (NumberSpinBox, QCheckBox, QComboBox or QLineEdit), or
    /// nullptr if the parameter is not shown.
    QWidget *editorFor(const QString &key) const;
    /// The square lock of the pair that @p key belongs to, or nullptr.
    QToolButton *lockFor(const QString &key) const;
    /// Why the value in @p key's field was refused; empty if it was not.
    QString errorFor(const QString &key) const;
    /// Keys of the parameters shown, in form order.
    QStringList shownParams() const;
    QLineEdit *nameEdit() const { return m_nameEdit; }
    /// The text shown for a summary value: "title", "type", "error", "inputs", "output",
    /// "params", "weights", "bias", "buffers", "macs", "flops", "activations", "peak".
    QString valueText(const QString &field) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Field;
    enum class Mode { Empty, Single, Multi };

    void refresh();
    void scheduleRefresh();
    void rebuildForm(const QVector<LayerId> &layers, const QVector<int> &shownSpecs);
    void updateEditors(const QVector<LayerId> &layers);
    void showDerived(const QVector<LayerId> &layers);
    void updateSummary(const QVector<LayerId> &layers);
    void retranslateStatic();
    QVector<LayerId> liveSelection() const;
    const LayerType *commonType(const QVector<LayerId> &layers) const;
    QVector<int> sharedSpecs(const QVector<LayerId> &layers) const;

    void onEditorChanged(int field, int part);
    bool checkEdit(const QVariantMap &values, QString *why) const;
    void pushEdit(const QVariantMap &values);
    void setFieldError(Field &field, const QString &why);
    void commitName();
    void setNumberLocale(QWidget *editor) const;

    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    Mode m_mode = Mode::Empty;
    bool m_updating = false;
    bool m_refreshQueued = false;
    QString m_formKey;             ///< what the current form was built for; rebuilt when it changes
    QVector<LayerId> m_formLayers; ///< the layers the editors edit

    // Header
    QLabel *m_title;
    QLineEdit *m_nameEdit;
    QLabel *m_nameError;
    QLabel *m_typeLabel;
    QLabel *m_helpLabel;
    QPushButton *m_expandButton;
    QLabel *m_errorBox;
    // Shapes
    QWidget *m_shapesSection;
    QLabel *m_shapesHeader, *m_inputsLabel, *m_inputsValue, *m_outputLabel, *m_outputValue;
    // Parameters
    QWidget *m_paramsSection;
    QLabel *m_paramsHeader;
    QLabel *m_noParams;
    QWidget *m_formHost;
    QFormLayout *m_form = nullptr;
    QVector<Field *> m_fields;
    // Costs
    QLabel *m_costsHeader;
    QGridLayout *m_costGrid;
    QHash<QString, QLabel *> m_costLabels;  ///< row captions by field name
    QHash<QString, QLabel *> m_costValues;  ///< numbers by field name
    QHash<QString, QLabel *> m_costDetails; ///< secondary text by field name
    QLabel *m_costNote;
};

} // namespace naqsh
