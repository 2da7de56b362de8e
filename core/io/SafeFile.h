#pragma once

#include <QByteArray>
#include <QString>

namespace naqsh {

/// Every file Naqsh writes or reads whole goes through here: documents, autosaves and every
/// export of the designer and of naqsh-cli.
///
/// write() cannot report success for data that did not reach the file system: each write() is
/// checked (unbuffered, so a full disk is seen at once), then flush(), then the device's error
/// state, and only then QSaveFile::commit() renames the finished file over the old one. On any
/// failure the previous file is byte-identical and the message gives the operating system's
/// reason in the user's language ("the disk is full").
///
/// Only regular files are replaced. A folder, a named pipe, a socket or a block device is refused
/// with a message; a character device (/dev/null, a terminal, /dev/stdout on a terminal) is
/// written directly without renaming, so that it is never replaced by a regular file and
/// `--code /dev/null` discards the output as the user asked. Symbolic links are followed: the
/// file they point to is replaced, the link stays.
///
/// readLimited() counts the bytes actually read instead of trusting QFile::size(), which is 0 for
/// devices such as /dev/zero, so an endless device is refused after @p maxBytes.
namespace SafeFile {

/// Writes @p bytes to @p path as described above. On failure returns false and sets @p error to
/// "cannot write PATH: REASON" (translated).
bool write(const QString &path, const QByteArray &bytes, QString *error);

/// The operating system's reason for a failure, in the user's language: @p qtReason is the text
/// Qt reports (QFileDevice::errorString(), which is the C library's English text for errno).
/// Unknown texts are returned unchanged.
QString reason(const QString &qtReason);
/// The same for an errno value.
QString reasonForErrno(int error);

struct ReadResult
{
    enum class Status { Ok, CannotOpen, IsFolder, TooLarge, ReadFailed };
    Status status = Status::Ok;
    QByteArray bytes;
    QString reason; ///< translated OS reason when CannotOpen or ReadFailed
    bool ok() const { return status == Status::Ok; }
};
/// Reads all of @p path, but never more than @p maxBytes: reading stops as soon as more bytes
/// arrive than that (Status::TooLarge), whatever size() claims.
ReadResult readLimited(const QString &path, qint64 maxBytes);

} // namespace SafeFile
} // namespace naqsh
