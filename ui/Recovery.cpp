#include "Recovery.h"

#include "Document.h"
#include "graph/GraphModel.h"
#include "io/NaqshFile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace naqsh {

namespace {
QString documentFile()
{
    return Recovery::folder() + QStringLiteral("/autosave.naqsh");
}
QString noteFile()
{
    return Recovery::folder() + QStringLiteral("/autosave.json");
}
} // namespace

Recovery::Recovery(Document *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
{
    m_timer.setInterval(30 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Recovery::autosaveNow);
    m_timer.start();
    connect(doc, &Document::modifiedChanged, this, [](bool modified) {
        if (!modified)
            Recovery::discard();
    });
}

QString Recovery::folder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

Recovery::Pending Recovery::pending()
{
    Pending p;
    QFile note(noteFile());
    if (!QFile::exists(documentFile()) || !note.open(QIODevice::ReadOnly))
        return p;
    const QJsonObject o = QJsonDocument::fromJson(note.readAll()).object();
    p.recoveryFile = documentFile();
    p.originalPath = o.value(QStringLiteral("original")).toString();
    p.savedAt = QDateTime::fromString(o.value(QStringLiteral("saved")).toString(), Qt::ISODate);
    return p;
}

bool Recovery::autosaveNow()
{
    if (!m_doc->isModified())
        return false;
    QDir().mkpath(folder());
    if (!NaqshFile::write(documentFile(), m_doc->model()->graph(), m_doc->model()->registry()))
        return false;
    QSaveFile note(noteFile());
    if (!note.open(QIODevice::WriteOnly))
        return false;
    note.write(QJsonDocument(QJsonObject{{QStringLiteral("original"), m_doc->filePath()},
                                         {QStringLiteral("saved"),
                                          QDateTime::currentDateTime().toString(Qt::ISODate)}})
                   .toJson());
    return note.commit();
}

void Recovery::discard()
{
    QFile::remove(documentFile());
    QFile::remove(noteFile());
}

} // namespace naqsh
