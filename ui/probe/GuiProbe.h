#pragma once

#include <QObject>
#include <QString>

class QCustomPlot;
class QJsonArray;
class QTimer;

namespace naqsh {

class MainWindow;

/// A geometry dump for the GUI test suite (tests/gui): when the environment variable
/// NAQSH_GUI_PROBE names a file, the designer watches for "<file>.req" and, each time it
/// appears, writes <file> as JSON (the screen, the window, every visible widget with its text,
/// font and size hint, every node rectangle on screen, the charts' fonts, the docks, the step
/// box) and removes the request. Tests check with code what a person checks by eye. Off (no
/// timer, no file access) when the variable is not set.
class GuiProbe : public QObject
{
    Q_OBJECT
public:
    /// Starts watching if NAQSH_GUI_PROBE is set; otherwise does nothing.
    static void installIfRequested(MainWindow *window);

    GuiProbe(MainWindow *window, const QString &path);
    /// The JSON dump, as written to the file.
    QByteArray dump() const;
    /// Every text @p plot draws as {what, text, box, room} (widget coordinates): where it is
    /// drawn and the rectangle it must stay inside (titles in their layout cell, tick labels in
    /// their axis rectangle's cell, value labels and the legend in the plot).
    static QJsonArray chartTexts(const QCustomPlot *plot);

private:
    void poll();

    MainWindow *m_window;
    QString m_path;
    QTimer *m_timer;
};

} // namespace naqsh
