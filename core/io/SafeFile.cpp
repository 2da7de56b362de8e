#include "SafeFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace naqsh::SafeFile {

namespace {

struct Known
{
    int error;
    const char *text;
};

// The reasons a student can meet when saving or reading, in words they can act on.
constexpr Known kKnown[] = {
    {ENOSPC,
     QT_TRANSLATE_NOOP("naqsh::SafeFile", "the disk is full (no space left on the device)")},
    {EDQUOT, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the disk quota is used up")},
    {EROFS, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the file system is read-only")},
    {EACCES, QT_TRANSLATE_NOOP("naqsh::SafeFile", "permission denied")},
    {EPERM, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the operation is not permitted")},
    {ENOENT, QT_TRANSLATE_NOOP("naqsh::SafeFile", "no such file or folder")},
    {ENOTDIR, QT_TRANSLATE_NOOP("naqsh::SafeFile", "a part of the path is not a folder")},
    {EISDIR, QT_TRANSLATE_NOOP("naqsh::SafeFile", "it is a folder")},
    {EIO, QT_TRANSLATE_NOOP("naqsh::SafeFile", "input/output error (the disk may be failing)")},
    {EFBIG, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the file is too large for the file system")},
    {ENAMETOOLONG, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the file name is too long")},
    {ELOOP, QT_TRANSLATE_NOOP("naqsh::SafeFile", "too many levels of symbolic links")},
    {EMFILE, QT_TRANSLATE_NOOP("naqsh::SafeFile", "too many files are open")},
    {EBUSY, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the device or file is busy")},
    {ETXTBSY, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the file is in use")},
    {EXDEV, QT_TRANSLATE_NOOP("naqsh::SafeFile", "the file is on another file system")},
};

QString tr(const char *text)
{
    return QCoreApplication::translate("naqsh::SafeFile", text);
}

QString cannotWrite(const QString &path, const QString &why)
{
    return QCoreApplication::translate("naqsh::SafeFile", "cannot write %1: %2")
        .arg(QDir::toNativeSeparators(path), why);
}

/// Writes all of @p bytes to an open device, checking every call, then flushes.
bool writeAll(QFileDevice &file, const QByteArray &bytes)
{
    qint64 done = 0;
    while (done < bytes.size()) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            return false;
        done += n;
    }
    return file.flush() && file.error() == QFileDevice::NoError;
}

/// A character device is written in place: renaming a regular file over it would replace the
/// device (finding 8 of issue 12).
bool writeDevice(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !writeAll(file, bytes)) {
        if (error)
            *error = cannotWrite(path, reason(file.errorString()));
        return false;
    }
    file.close();
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = cannotWrite(path, reason(file.errorString()));
        return false;
    }
    return true;
}

} // namespace

QString reasonForErrno(int error)
{
    for (const Known &k : kKnown)
        if (k.error == error)
            return tr(k.text);
    return qt_error_string(error);
}

QString reason(const QString &qtReason)
{
    for (const Known &k : kKnown)
        if (qt_error_string(k.error) == qtReason)
            return tr(k.text);
    return qtReason;
}

bool write(const QString &path, const QByteArray &bytes, QString *error)
{
    if (path.isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("naqsh::SafeFile", "no file name given");
        return false;
    }
    struct stat st;
    const QByteArray native = QFile::encodeName(path);
    if (::stat(native.constData(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            if (error)
                *error = cannotWrite(path, reasonForErrno(EISDIR));
            return false;
        }
        if (S_ISCHR(st.st_mode))
            return writeDevice(path, bytes, error);
        // QSaveFile would refuse this with an untranslated text: say why in the user's words
        // (a read-only file system, a read-only file).
        if (S_ISREG(st.st_mode) && ::access(native.constData(), W_OK) != 0) {
            if (error)
                *error = cannotWrite(path, reasonForErrno(errno));
            return false;
        }
        if (!S_ISREG(st.st_mode)) {
            if (error)
                *error = cannotWrite(
                    path, tr(QT_TRANSLATE_NOOP("naqsh::SafeFile",
                                               "it is not a regular file (a named pipe, a "
                                               "socket or a block device); choose a file")));
            return false;
        }
    } else if (errno != ENOENT) {
        if (error)
            *error = cannotWrite(path, reasonForErrno(errno));
        return false;
    }

    // A new file next to the target, renamed over it only once every byte is written.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = cannotWrite(path, reason(file.errorString()));
        return false;
    }
    if (!writeAll(file, bytes)) {
        const QString why = reason(file.errorString());
        file.cancelWriting();
        if (error)
            *error = cannotWrite(path, why);
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = cannotWrite(path, reason(file.errorString()));
        return false;
    }
    return true;
}

ReadResult readLimited(const QString &path, qint64 maxBytes)
{
    ReadResult r;
    if (QFileInfo(path).isDir()) {
        r.status = ReadResult::Status::IsFolder;
        r.reason = reasonForErrno(EISDIR);
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.status = ReadResult::Status::CannotOpen;
        r.reason = reason(file.errorString());
        return r;
    }
    // Trust the size of a regular file only to reserve memory; count what arrives.
    const qint64 claimed = file.size();
    if (claimed > maxBytes) {
        r.status = ReadResult::Status::TooLarge;
        return r;
    }
    if (claimed > 0)
        r.bytes.reserve(claimed);
    constexpr qint64 kChunk = 1 << 20;
    QByteArray chunk(kChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 n = file.read(chunk.data(), kChunk);
        if (n < 0) {
            r.status = ReadResult::Status::ReadFailed;
            r.reason = reason(file.errorString());
            r.bytes.clear();
            return r;
        }
        if (n == 0)
            break;
        if (r.bytes.size() + n > maxBytes) {
            r.status = ReadResult::Status::TooLarge;
            r.bytes.clear();
            return r;
        }
        r.bytes.append(chunk.constData(), n);
    }
    return r;
}

} // namespace naqsh::SafeFile
