#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVector>

#include <memory>

class QLockFile;

namespace naqsh {

class Document;

/// Autosave for crash recovery, one slot per document of each running designer.
///
/// Each Recovery owns a slot: a folder under folder() holding a lock (QLockFile, held while the
/// designer runs), the autosaved document and a note of the document's own path. While the
/// document has unsaved changes it is written every interval (30 s by default) with
/// SafeFile::write; a failure is reported through autosaveFailed() and the previous autosave
/// stays. Saving, or closing cleanly, removes the autosave.
///
/// A slot whose lock is not held by a running process (the designer crashed or was killed) is
/// "pending": the next start offers to restore it. Slots of designers still running are never
/// touched, so two designers running at once each keep their own work.
class Recovery : public QObject
{
    Q_OBJECT
public:
    struct Pending
    {
        QString slot;         ///< the slot's folder
        QString recoveryFile; ///< the autosaved document
        QString originalPath; ///< the file it was a copy of (may be empty: never saved)
        QDateTime savedAt;
        /// The slot's lock, held by whoever looks at this Pending, so that two designers
        /// starting at once never offer the same work.
        std::shared_ptr<QLockFile> lock;
        bool isValid() const { return !slot.isEmpty(); }
    };

    explicit Recovery(Document *doc, QObject *parent = nullptr);
    ~Recovery() override;

    /// The folder holding the slots (QStandardPaths::AppDataLocation/recovery).
    static QString folder();
    /// Every slot left by a designer that is no longer running and holds an autosave, oldest
    /// first. Their locks are taken while the returned values live.
    static QVector<Pending> pendingSlots();
    /// The first of pendingSlots(), or an invalid Pending.
    static Pending pending();
    /// Removes a pending slot (after restoring it, or when the user declines).
    static void discard(const Pending &pending);
    /// Keeps an unreadable slot for inspection but never offers it again (renamed with
    /// ".unreadable").
    static void setAside(const Pending &pending);
    /// Removes every slot not held by a running designer (tests start from a clean state).
    static void discard();

    /// This designer's slot, and its autosave file in it.
    QString slotFolder() const { return m_slot; }
    QString autosaveFile() const;

    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }
    /// Writes the recovery file now if the document has unsaved changes. Returns true if written;
    /// on failure emits autosaveFailed() with the reason.
    bool autosaveNow();
    /// Removes this designer's autosave (after a save, or a clean close).
    void discardAutosave();

signals:
    /// The autosave could not be written (a full disk…); @p message names the file and reason.
    void autosaveFailed(const QString &message);

private:
    Document *m_doc;
    QTimer m_timer;
    QString m_slot;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace naqsh
