#pragma once
// Real file-system faults for tests: a small tmpfs mounted by the test (needs root; tests skip
// with a message otherwise), filled until the kernel says ENOSPC, or remounted read-only.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace naqsh::test {

class SmallTmpfs
{
public:
    /// Mounts a tmpfs of @p kib KiB on a fresh folder. isMounted() tells whether it worked;
    /// why() says why not (not root, no mount permission in a container).
    explicit SmallTmpfs(int kib = 64)
    {
        if (!m_dir.isValid()) {
            m_why = QStringLiteral("no temporary folder");
            return;
        }
        if (::geteuid() != 0) {
            m_why = QStringLiteral("needs root to mount a small tmpfs (a real full disk); "
                                   "run the tests as root to include it");
            return;
        }
        const QByteArray options = "size=" + QByteArray::number(kib) + "k,mode=0777";
        if (::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", 0,
                    options.constData()) != 0) {
            m_why = QStringLiteral("cannot mount a tmpfs: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_mounted = true;
    }
    ~SmallTmpfs()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;

    bool isMounted() const { return m_mounted; }
    QString why() const { return m_why; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

    /// Writes a filler file until the kernel refuses a single byte more. Returns true if the
    /// file system ended up full (ENOSPC seen).
    bool fill()
    {
        const QByteArray name = QFile::encodeName(filePath(QStringLiteral(".filler")));
        const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (fd < 0)
            return false;
        const QByteArray page(4096, 'x');
        bool full = false;
        for (;;) {
            const ssize_t n = ::write(fd, page.constData(), size_t(page.size()));
            if (n < 0) {
                full = errno == ENOSPC;
                break;
            }
            if (n < page.size())
                continue; // the next write fails with ENOSPC
        }
        // Every last byte, too.
        while (::write(fd, "x", 1) == 1) {
        }
        ::close(fd);
        return full;
    }
    /// Frees the space again (for a second step of a test).
    void unfill() { QFile::remove(filePath(QStringLiteral(".filler"))); }

    /// Remounts the file system read-only (or back to read-write).
    bool setReadOnly(bool readOnly)
    {
        return ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs",
                       MS_REMOUNT | (readOnly ? MS_RDONLY : 0), nullptr) == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
    QString m_why;
};

/// A character device of the test's own, made with mknod in @p dir when running as root (a copy
/// of /dev/null: minor 3, or /dev/full: minor 7), so that a writer that wrongly replaces devices
/// with files can only harm this copy, never the system's; /dev/NAME otherwise (an ordinary user
/// cannot replace that).
inline QString privateDevice(const QTemporaryDir &dir, const char *name, unsigned minor)
{
    if (::geteuid() == 0) {
        const QString path = dir.filePath(QLatin1String(name));
        if (::mknod(QFile::encodeName(path).constData(), S_IFCHR | 0666, makedev(1, minor)) == 0)
            return path;
    }
    return QStringLiteral("/dev/") + QLatin1String(name);
}

inline bool isCharDevice(const QString &path)
{
    struct stat st;
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 && S_ISCHR(st.st_mode);
}

inline QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size() && f.flush();
}

} // namespace naqsh::test
