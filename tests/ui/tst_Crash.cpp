// The real designer (the `naqsh` binary, offscreen) killed with SIGKILL while editing, and two
// designers running at once (issue 12, finding 6): each keeps its own recovery slot, a running
// designer's work is never offered to another, and the next start restores every dead one's.
// The program's test hooks (app/main.cpp) make one edit, shorten the autosave interval, answer
// the recovery question and save what was restored.
#include "io/NaqshFile.h"
#include "layers/LayerRegistry.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace naqsh;

class tst_Crash : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void killDuringEditingThenRecover();
    void twoDesignersAtOnce();

private:
    std::unique_ptr<QProcess> start(const QStringList &args, const QStringList &extraEnv);
    /// The autosaved documents under the fake home, by content.
    QStringList autosaves() const;
    bool waitForAutosaveContaining(const QString &text, int timeoutMs = 30000) const;
    QString lessonCopy(const QString &name) const;
    std::unique_ptr<QTemporaryDir> m_home;
};

void tst_Crash::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

std::unique_ptr<QProcess> tst_Crash::start(const QStringList &args, const QStringList &extraEnv)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                             "NAQSH_TEST_RENAME", "NAQSH_TEST_RECOVERY", "NAQSH_TEST_SAVE_DIR"})
        env.remove(QString::fromLatin1(name));
    env.insert(QStringLiteral("HOME"), m_home->path());
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("NAQSH_AUTOSAVE_MS"), QStringLiteral("200"));
    for (const QString &kv : extraEnv)
        env.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    p->setProcessEnvironment(env);
    p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p->start(QStringLiteral(NAQSH_APP_PATH),
             QStringList{QStringLiteral("--lang"), QStringLiteral("en")} + args);
    if (!p->waitForStarted(30000))
        qWarning("naqsh did not start");
    return p;
}

QStringList tst_Crash::autosaves() const
{
    QStringList found;
    QDirIterator it(m_home->path(), {QStringLiteral("autosave.naqsh")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            found << QString::fromUtf8(f.readAll());
    }
    return found;
}

bool tst_Crash::waitForAutosaveContaining(const QString &text, int timeoutMs) const
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        for (const QString &s : autosaves())
            if (s.contains(text))
                return true;
        QTest::qWait(100);
    }
    return false;
}

QString tst_Crash::lessonCopy(const QString &name) const
{
    const QString path = m_home->filePath(name);
    QFile::copy(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

namespace {
bool hasLayer(const QString &path, const QString &name)
{
    const NaqshFile::ReadResult r = NaqshFile::read(path, LayerRegistry::builtin());
    return r.ok() && r.graph.findByName(name).isValid();
}
} // namespace

void tst_Crash::killDuringEditingThenRecover()
{
    const QString doc = lessonCopy(QStringLiteral("a.naqsh"));
    auto a = start({doc}, {QStringLiteral("NAQSH_TEST_RENAME=reduce1x1:squeezeA")});
    QVERIFY2(waitForAutosaveContaining(QStringLiteral("squeezeA")), "no autosave appeared");
    a->kill(); // SIGKILL: no close event, no clean-up
    QVERIFY(a->waitForFinished(10000));
    QCOMPARE(a->exitStatus(), QProcess::CrashExit);

    // The next start offers the work and restores it (the hook answers and saves it).
    QTemporaryDir out;
    auto c = start({}, {QStringLiteral("NAQSH_TEST_RECOVERY=restore"),
                        QStringLiteral("NAQSH_TEST_SAVE_DIR=") + out.path()});
    QVERIFY(c->waitForFinished(60000));
    QCOMPARE(c->exitCode(), 0);
    QVERIFY(hasLayer(out.filePath(QStringLiteral("window-0.naqsh")), QStringLiteral("squeezeA")));
    QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("window-1.naqsh"))));
    // The file itself was never touched by the autosave.
    QVERIFY(hasLayer(doc, QStringLiteral("reduce1x1")));
    // Restored and saved: nothing is offered again.
    QVERIFY(autosaves().isEmpty());
}

void tst_Crash::twoDesignersAtOnce()
{
    const QString docA = lessonCopy(QStringLiteral("a.naqsh"));
    const QString docB = lessonCopy(QStringLiteral("b.naqsh"));
    auto a = start({docA}, {QStringLiteral("NAQSH_TEST_RENAME=reduce1x1:squeezeA")});
    auto b = start({docB}, {QStringLiteral("NAQSH_TEST_RENAME=concat:joinedB")});
    QVERIFY2(waitForAutosaveContaining(QStringLiteral("squeezeA")), "A did not autosave");
    QVERIFY2(waitForAutosaveContaining(QStringLiteral("joinedB")), "B did not autosave");
    QCOMPARE(autosaves().size(), 2); // a slot each

    // A third designer while both run: their work is theirs, nothing is offered.
    {
        QTemporaryDir out;
        auto c = start({}, {QStringLiteral("NAQSH_TEST_RECOVERY=restore"),
                            QStringLiteral("NAQSH_TEST_SAVE_DIR=") + out.path()});
        QVERIFY(c->waitForFinished(60000));
        QCOMPARE(c->exitCode(), 0);
        const QString only = out.filePath(QStringLiteral("window-0.naqsh"));
        QVERIFY(QFileInfo::exists(only));
        QVERIFY(!hasLayer(only, QStringLiteral("squeezeA")));
        QVERIFY(!hasLayer(only, QStringLiteral("joinedB")));
        QVERIFY(!QFileInfo::exists(out.filePath(QStringLiteral("window-1.naqsh"))));
        QCOMPARE(autosaves().size(), 2);
    }

    // Both die; the next start restores both, one window each.
    a->kill();
    b->kill();
    QVERIFY(a->waitForFinished(10000));
    QVERIFY(b->waitForFinished(10000));
    QTemporaryDir out;
    auto d = start({}, {QStringLiteral("NAQSH_TEST_RECOVERY=restore"),
                        QStringLiteral("NAQSH_TEST_SAVE_DIR=") + out.path()});
    QVERIFY(d->waitForFinished(60000));
    QCOMPARE(d->exitCode(), 0);
    const QString w0 = out.filePath(QStringLiteral("window-0.naqsh"));
    const QString w1 = out.filePath(QStringLiteral("window-1.naqsh"));
    QVERIFY(QFileInfo::exists(w0));
    QVERIFY(QFileInfo::exists(w1));
    QVERIFY((hasLayer(w0, QStringLiteral("squeezeA")) && hasLayer(w1, QStringLiteral("joinedB"))) ||
            (hasLayer(w1, QStringLiteral("squeezeA")) && hasLayer(w0, QStringLiteral("joinedB"))));
    QVERIFY(autosaves().isEmpty());
}

QTEST_GUILESS_MAIN(tst_Crash)
#include "tst_Crash.moc"
