#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

namespace naqsh {

class Document;

/// Autosave for crash recovery: while the document has unsaved changes, it is written every
/// interval (30 s by default) to a recovery file in the app data folder, next to a note of the
/// document's own path. Saving, or closing cleanly, removes it. On the next start, pending()
/// tells whether there is something to restore.
class Recovery : public QObject
{
    Q_OBJECT
public:
    struct Pending
    {
        QString recoveryFile; ///< the autosaved document
        QString originalPath; ///< the file it was a copy of (may be empty: never saved)
        QDateTime savedAt;
        bool isValid() const { return !recoveryFile.isEmpty(); }
    };

    explicit Recovery(Document *doc, QObject *parent = nullptr);

    /// The folder holding recovery files (QStandardPaths::AppDataLocation/recovery).
    static QString folder();
    static Pending pending();

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Writes the recovery file now if the document has unsaved changes. Returns true if written.
    bool autosaveNow();
    /// Removes the recovery file (after a save, or a clean close).
    static void discard();

private:
    Document *m_doc;
    QTimer m_timer;
};

} // namespace naqsh
