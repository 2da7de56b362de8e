#pragma once

#include <QWidget>

class QLabel;

namespace naqsh {

class DisplayContext;
class Document;

/// Live document totals for the status bar: "Params 169,472 · MACs 132.9 M · Activations
/// 1.20 MiB (peak 735.0 KiB)", plus the number of layers without numbers when there are any.
/// Follows the analysis, the DisplayContext (dtype, number format) and the UI language; the
/// tooltip gives the exact figures and FLOPs under the display convention.
class StatusTotals : public QWidget
{
    Q_OBJECT
public:
    StatusTotals(Document *document, DisplayContext *display, QWidget *parent = nullptr);

    /// The totals line as shown (without the error note).
    QString text() const;
    /// The error note ("2 layers have errors"), empty when every layer has numbers.
    QString errorText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    Document *m_doc;
    DisplayContext *m_display;
    QLabel *m_label;
    QLabel *m_errors;
};

} // namespace naqsh
