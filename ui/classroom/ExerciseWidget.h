#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QGroupBox;

namespace naqsh {

class DisplayContext;
class Document;
class LayerSelection;

/// Exercise mode: the teacher hides chosen numbers (shapes, parameters or MACs) everywhere; the
/// student types an answer for the selected layer, Naqsh checks it and shows the worked formula.
/// Sits under the inspector.
class ExerciseWidget : public QWidget
{
    Q_OBJECT
public:
    ExerciseWidget(Document *doc, LayerSelection *selection, DisplayContext *display,
                   QWidget *parent = nullptr);

    enum class Quantity { Shape, Params, Macs };
    /// Checks @p answer for @p q of the selected layer and shows the verdict. Returns true if
    /// right.
    bool check(Quantity q, const QString &answer);
    /// The verdict text shown for @p q (for tests).
    QString verdict(Quantity q) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QWidget *box;
        QLabel *label;
        QLineEdit *edit;
        QPushButton *button;
        QLabel *result;
    };
    void retranslate();
    void refresh();
    Row &row(Quantity q) { return m_rows[int(q)]; }

    Document *m_doc;
    LayerSelection *m_selection;
    DisplayContext *m_display;
    QGroupBox *m_group;
    QCheckBox *m_hideShapes, *m_hideParams, *m_hideMacs;
    QLabel *m_prompt;
    Row m_rows[3];
};

} // namespace naqsh
