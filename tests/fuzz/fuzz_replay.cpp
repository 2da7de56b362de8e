// Replays corpus and regression files through the fuzz targets' entry points without libFuzzer,
// so that the ordinary Release and sanitizer builds check every committed input:
//   fuzz_replay naqsh|prototxt|onnx PATH...   (a PATH may be a folder: every file under it)
// Exit code 0 when every file went through (a broken invariant aborts), 2 on usage errors or when
// no file was found.
#include "FuzzEntry.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstring>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: fuzz_replay naqsh|prototxt|onnx PATH...\n");
        return 2;
    }
    void (*entry)(const std::uint8_t *, std::size_t) = nullptr;
    if (std::strcmp(argv[1], "naqsh") == 0)
        entry = naqsh::fuzz::naqshDocument;
    else if (std::strcmp(argv[1], "prototxt") == 0)
        entry = naqsh::fuzz::prototxt;
    else if (std::strcmp(argv[1], "onnx") == 0)
        entry = naqsh::fuzz::onnx;
    if (!entry) {
        std::fprintf(stderr, "fuzz_replay: unknown target '%s'\n", argv[1]);
        return 2;
    }
    QStringList files;
    for (int i = 2; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        } else if (QFileInfo(path).isFile()) {
            files << path;
        } else {
            std::fprintf(stderr, "fuzz_replay: no such file or folder: %s\n", argv[i]);
            return 2;
        }
    }
    files.sort();
    int replayed = 0;
    for (const QString &path : std::as_const(files)) {
        if (path.endsWith(QStringLiteral(".py")) || path.endsWith(QStringLiteral(".md")))
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "fuzz_replay: cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray bytes = f.readAll();
        std::fprintf(stderr, "fuzz_replay %s: %s (%lld bytes)\n", argv[1], qPrintable(path),
                     static_cast<long long>(bytes.size()));
        entry(reinterpret_cast<const std::uint8_t *>(bytes.constData()), std::size_t(bytes.size()));
        ++replayed;
    }
    std::printf("fuzz_replay %s: %d file(s) replayed without a crash\n", argv[1], replayed);
    return replayed > 0 ? 0 : 2;
}
