#include "Recovery.h"

#include "Document.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"
#include "io/SafeFile.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QStandardPaths>

#include <algorithm>

namespace naqsh {

namespace {

const QString kDocument = QStringLiteral("autosave.naqsh");
const QString kNote = QStringLiteral("autosave.json");
const QString kLock = QStringLiteral("instance.lock");
const QString kUnreadable = QStringLiteral(".unreadable");

std::unique_ptr<QLockFile> makeLock(const QString &slot)
{
    auto lock = std::make_unique<QLockFile>(slot + QLatin1Char('/') + kLock);
    // Only a dead process makes a lock stale, never its age: a designer may run for days.
    lock->setStaleLockTime(0);
    return lock;
}

/// A name no other designer (or other document of this one) uses: process id, start time and a
/// counter.
QString newSlotName()
{
    static QAtomicInt counter;
    return QStringLiteral("instance-%1-%2-%3")
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Recovery::Recovery(Document *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
{
    m_slot = folder() + QLatin1Char('/') + newSlotName();
    QDir().mkpath(m_slot);
    m_lock = makeLock(m_slot);
    m_lock->tryLock(0);
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Recovery::autosaveNow);
    m_timer.start();
    connect(doc, &Document::modifiedChanged, this, [this](bool modified) {
        if (!modified)
            discardAutosave();
    });
}

Recovery::~Recovery()
{
    // A document with unsaved changes keeps its autosave for the next start (closing cleanly
    // has removed it already); an empty slot goes.
    m_lock->unlock();
    if (!QFileInfo::exists(autosaveFile()))
        QDir(m_slot).removeRecursively();
}

QString Recovery::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString Recovery::autosaveFile() const
{
    return m_slot + QLatin1Char('/') + kDocument;
}

QVector<Recovery::Pending> Recovery::pendingSlots()
{
    QVector<Pending> found;
    const QDir dir(folder());
    const QFileInfoList entries = dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time);
    for (const QFileInfo &slot : entries) {
        if (slot.fileName().endsWith(kUnreadable))
            continue;
        const QString path = slot.absoluteFilePath();
        std::shared_ptr<QLockFile> lock = makeLock(path);
        if (!lock->tryLock(0))
            continue; // a running designer's slot
        if (!QFileInfo::exists(path + QLatin1Char('/') + kDocument)) {
            // A designer that ended (or died) with nothing unsaved.
            lock->unlock();
            QDir(path).removeRecursively();
            continue;
        }
        Pending p;
        p.slot = path;
        p.recoveryFile = path + QLatin1Char('/') + kDocument;
        p.lock = lock;
        QFile note(path + QLatin1Char('/') + kNote);
        if (note.open(QIODevice::ReadOnly)) {
            const QJsonObject o = QJsonDocument::fromJson(note.read(1 << 20)).object();
            p.originalPath = o.value(QStringLiteral("original")).toString();
            p.savedAt =
                QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODate);
        }
        if (!p.savedAt.isValid())
            p.savedAt = QFileInfo(p.recoveryFile).lastModified();
        found.append(p);
    }
    std::sort(found.begin(), found.end(),
              [](const Pending &a, const Pending &b) { return a.savedAt < b.savedAt; });
    return found;
}

Recovery::Pending Recovery::pending()
{
    const QVector<Pending> all = pendingSlots();
    return all.isEmpty() ? Pending() : all.first();
}

void Recovery::discard(const Pending &pending)
{
    if (!pending.isValid())
        return;
    if (pending.lock)
        pending.lock->unlock();
    QDir(pending.slot).removeRecursively();
}

void Recovery::setAside(const Pending &pending)
{
    if (!pending.isValid())
        return;
    if (pending.lock)
        pending.lock->unlock();
    QDir().rename(pending.slot, pending.slot + kUnreadable);
}

void Recovery::discard()
{
    for (const Pending &p : pendingSlots())
        discard(p);
}

bool Recovery::autosaveNow()
{
    if (!m_doc->isModified())
        return false;
    QString error;
    if (!QDir().mkpath(m_slot)) {
        error = QCoreApplication::translate("naqsh::Recovery", "cannot create the folder %1")
                    .arg(QDir::toNativeSeparators(m_slot));
    } else if (NaqshFile::write(autosaveFile(), m_doc->model()->graph(), m_doc->model()->registry(),
                                &error)) {
        const QByteArray note =
            QJsonDocument(QJsonObject{{QStringLiteral("original"), m_doc->filePath()},
                                      {QStringLiteral("saved"),
                                       QDateTime::currentDateTime().toString(Qt::ISODate)}})
                .toJson();
        if (SafeFile::write(m_slot + QLatin1Char('/') + kNote, note, &error))
            return true;
    }
    emit autosaveFailed(
        QCoreApplication::translate("naqsh::Recovery", "Autosave failed: %1").arg(error));
    return false;
}

void Recovery::discardAutosave()
{
    QFile::remove(autosaveFile());
    QFile::remove(m_slot + QLatin1Char('/') + kNote);
}

} // namespace naqsh
