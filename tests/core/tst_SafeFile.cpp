// Saving that cannot lie (issue 12, findings 1, 7 and 8): SafeFile on a real full file system,
// a read-only file system, devices, symbolic links to devices, folders and named pipes; reading
// with limits counted on the bytes actually read.
#include "../FaultFs.h"
#include "io/NaqshFile.h"
#include "io/SafeFile.h"
#include "io/TableExport.h"
#include "layers/LayerRegistry.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace naqsh;
using namespace naqsh::test;

class tst_SafeFile : public QObject
{
    Q_OBJECT
private slots:
    void writesAndReplaces();
    void fullDiskKeepsThePreviousFile();
    void fullDiskNewFileLeavesNothing();
    void readOnlyFileSystem();
    void readOnlyFileAsUser();
    void characterDeviceWrittenInPlace();
    void symlinkToDeviceKeepsTheDevice();
    void symlinkToFileReplacesTheTarget();
    void folderAndPipeRefused();
    void devFullReportsTheReason();
    void readLimitedCountsBytes();
    void naqshReadOfDevZeroRefusedQuickly();
};

void tst_SafeFile::writesAndReplaces()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.txt"));
    QString error;
    QVERIFY2(SafeFile::write(path, "first", &error), qPrintable(error));
    QCOMPARE(readBytes(path), QByteArray("first"));
    QVERIFY2(SafeFile::write(path, "second", &error), qPrintable(error));
    QCOMPARE(readBytes(path), QByteArray("second"));
    // Nothing left next to it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void tst_SafeFile::fullDiskKeepsThePreviousFile()
{
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    const QString path = fs.filePath(QStringLiteral("doc.naqsh"));
    const QByteArray before = "{\"format\": \"naqsh\", \"version\": 1}\n";
    QVERIFY(writeBytes(path, before));
    QVERIFY(fs.fill());
    // Small (fits a page that is not there), large (more than the whole disk) and empty writes.
    for (const QByteArray &bytes :
         {QByteArray(100, 'a'), QByteArray(200 * 1024, 'b'), QByteArray(8192, 'c')}) {
        QString error;
        QVERIFY(!SafeFile::write(path, bytes, &error));
        QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QCOMPARE(readBytes(path), before);
        QCOMPARE(QDir(fs.path()).entryList(QDir::Files).size(), 1); // no temporary left
    }
    // The same through the writers the program uses.
    QString error;
    QVERIFY(!NaqshFile::write(path, Graph(), LayerRegistry::builtin(), &error));
    QVERIFY(!TableExport::writeFile(path, QByteArray(50000, 'x'), &error));
    QCOMPARE(readBytes(path), before);
    // Room again: the same call succeeds.
    fs.unfill();
    QVERIFY2(SafeFile::write(path, QByteArray(8192, 'c'), &error), qPrintable(error));
    QCOMPARE(readBytes(path), QByteArray(8192, 'c'));
}

void tst_SafeFile::fullDiskNewFileLeavesNothing()
{
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    QVERIFY(fs.fill());
    const QString path = fs.filePath(QStringLiteral("new.csv"));
    QString error;
    QVERIFY(!SafeFile::write(path, QByteArray(20000, 'x'), &error));
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(QDir(fs.path()).entryList(QDir::Files).size(), 0);
}

void tst_SafeFile::readOnlyFileSystem()
{
    SmallTmpfs fs(64);
    if (!fs.isMounted())
        QSKIP(qPrintable(fs.why()));
    const QString path = fs.filePath(QStringLiteral("doc.md"));
    QVERIFY(writeBytes(path, "old"));
    QVERIFY(fs.setReadOnly(true));
    QString error;
    QVERIFY(!SafeFile::write(path, "new", &error));
    QVERIFY2(error.contains(QStringLiteral("read-only")), qPrintable(error));
    QCOMPARE(readBytes(path), QByteArray("old"));
    QVERIFY(fs.setReadOnly(false));
}

void tst_SafeFile::readOnlyFileAsUser()
{
    // Without root a file with mode 0444 cannot be replaced; as root it can (root may write any
    // file), which the read-only file system above covers.
    if (::geteuid() == 0)
        QSKIP("running as root: mode 0444 does not stop root; readOnlyFileSystem covers it");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ro.txt"));
    QVERIFY(writeBytes(path, "old"));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner));
    QString error;
    QVERIFY(!SafeFile::write(path, "new", &error));
    QCOMPARE(readBytes(path), QByteArray("old"));
}

void tst_SafeFile::characterDeviceWrittenInPlace()
{
    QTemporaryDir dir;
    const QString null = privateDevice(dir, "null", 3);
    QString error;
    QVERIFY2(SafeFile::write(null, QByteArray(100000, 'x'), &error), qPrintable(error));
    QVERIFY(isCharDevice(null));
}

void tst_SafeFile::symlinkToDeviceKeepsTheDevice()
{
    QTemporaryDir dir;
    const QString null = privateDevice(dir, "null", 3);
    const QString link = dir.filePath(QStringLiteral("out.py"));
    QVERIFY(QFile::link(null, link));
    QString error;
    QVERIFY2(SafeFile::write(link, "print(1)\n", &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(QFileInfo(link).symLinkTarget(), null);
    QVERIFY(isCharDevice(null));
}

void tst_SafeFile::symlinkToFileReplacesTheTarget()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("real.txt"));
    const QString link = dir.filePath(QStringLiteral("link.txt"));
    QVERIFY(writeBytes(target, "old"));
    QVERIFY(QFile::link(target, link));
    QString error;
    QVERIFY2(SafeFile::write(link, "new", &error), qPrintable(error));
    QVERIFY(QFileInfo(link).isSymLink());
    QCOMPARE(readBytes(target), QByteArray("new"));
}

void tst_SafeFile::folderAndPipeRefused()
{
    QTemporaryDir dir;
    QString error;
    QVERIFY(!SafeFile::write(dir.path(), "x", &error));
    QVERIFY2(error.contains(QStringLiteral("it is a folder")), qPrintable(error));
    QVERIFY(QFileInfo(dir.path()).isDir());

    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
    QElapsedTimer t;
    t.start();
    QVERIFY(!SafeFile::write(fifo, "x", &error)); // refused at once, never blocks on open
    QVERIFY(t.elapsed() < 5000);
    QVERIFY2(error.contains(QStringLiteral("not a regular file")), qPrintable(error));
    struct stat st;
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode));

    QVERIFY(!SafeFile::write(dir.filePath(QStringLiteral("no/such/folder/x.txt")), "x", &error));
    QVERIFY2(error.contains(QStringLiteral("no such file or folder")), qPrintable(error));
}

void tst_SafeFile::devFullReportsTheReason()
{
    QTemporaryDir dir;
    const QString full = privateDevice(dir, "full", 7);
    if (!QFileInfo::exists(full))
        QSKIP("no /dev/full on this system");
    QString error;
    QVERIFY(!SafeFile::write(full, "x", &error));
    QVERIFY2(error.contains(QStringLiteral("the disk is full")), qPrintable(error));
    QVERIFY(isCharDevice(full));
}

void tst_SafeFile::readLimitedCountsBytes()
{
    QElapsedTimer t;
    t.start();
    SafeFile::ReadResult r = SafeFile::readLimited(QStringLiteral("/dev/zero"), 8 << 20);
    QCOMPARE(r.status, SafeFile::ReadResult::Status::TooLarge);
    QVERIFY(r.bytes.isEmpty());
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("small"));
    QVERIFY(writeBytes(path, QByteArray(3000, 'y')));
    r = SafeFile::readLimited(path, 3000);
    QVERIFY(r.ok());
    QCOMPARE(r.bytes, QByteArray(3000, 'y'));
    QCOMPARE(SafeFile::readLimited(path, 2999).status, SafeFile::ReadResult::Status::TooLarge);
    QCOMPARE(SafeFile::readLimited(dir.path(), 10).status, SafeFile::ReadResult::Status::IsFolder);
    r = SafeFile::readLimited(dir.filePath(QStringLiteral("missing")), 10);
    QCOMPARE(r.status, SafeFile::ReadResult::Status::CannotOpen);
    QCOMPARE(r.reason, QStringLiteral("no such file or folder"));
}

void tst_SafeFile::naqshReadOfDevZeroRefusedQuickly()
{
    QElapsedTimer t;
    t.start();
    const NaqshFile::ReadResult r =
        NaqshFile::read(QStringLiteral("/dev/zero"), LayerRegistry::builtin());
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(QStringLiteral("too large")), qPrintable(r.error));
    QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
}

QTEST_GUILESS_MAIN(tst_SafeFile)
#include "tst_SafeFile.moc"
