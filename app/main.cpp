#include "Document.h"
#include "Language.h"
#include "MainWindow.h"
#include "classroom/StepThrough.h"
#include "commands/GraphCommands.h"
#include "graph/GraphModel.h"
#include "probe/GuiProbe.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QUndoStack>

#include <memory>
#include <vector>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Naqsh"));
    QApplication::setOrganizationName(QStringLiteral("Naqsh"));
    QApplication::setApplicationVersion(QStringLiteral(NAQSH_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/naqsh.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Naqsh: a visual neural-network designer"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Interface language: en or fa."),
                      QStringLiteral("lang")});
    parser.addOption(
        {QStringLiteral("presentation"), QStringLiteral("Start in presentation mode (F11).")});
    parser.addOption({QStringLiteral("step"),
                      QStringLiteral("Start stepping through the layers, at step N."),
                      QStringLiteral("N")});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("A .naqsh document to open."));
    parser.process(app);

    naqsh::Language language;
    language.apply(naqsh::Language::startupLanguage(parser.value(QStringLiteral("lang"))));

    // Hooks for the tests that run this very program (tests/ui/tst_Crash: kill -9 while
    // editing, two designers at once). NAQSH_AUTOSAVE_MS shortens the autosave interval;
    // NAQSH_TEST_RENAME=old:new makes one edit after start; NAQSH_TEST_RECOVERY=restore|discard
    // answers the recovery question; NAQSH_TEST_SAVE_DIR saves every window's document there as
    // window-N.naqsh and quits.
    naqsh::MainWindowOptions options;
    if (const int ms = qEnvironmentVariableIntValue("NAQSH_AUTOSAVE_MS"); ms > 0)
        options.autosaveMs = ms;
    const QString answer = qEnvironmentVariable("NAQSH_TEST_RECOVERY");
    auto makeWindow = [&] {
        auto w = std::make_unique<naqsh::MainWindow>(&language, nullptr, options);
        if (!answer.isEmpty())
            w->setRecoveryPrompt(
                [answer](const naqsh::Recovery::Pending &) { return answer == u"restore"; });
        return w;
    };

    std::vector<std::unique_ptr<naqsh::MainWindow>> windows;
    windows.push_back(makeWindow());
    naqsh::MainWindow &window = *windows.front();
    naqsh::GuiProbe::installIfRequested(&window);
    window.showOnScreen();
    const QStringList files = parser.positionalArguments();
    window.openInitialDocument(files.isEmpty() ? QString() : files.first());
    // Work left by further designers that are no longer running: one window each.
    for (qsizetype n = naqsh::Recovery::pendingSlots().size(); n > 0; --n) {
        auto extra = makeWindow();
        extra->show();
        if (extra->offerRecovery())
            windows.push_back(std::move(extra));
    }
    if (parser.isSet(QStringLiteral("presentation")))
        window.setPresentationMode(true);
    if (parser.isSet(QStringLiteral("step"))) {
        window.setStepThrough(true);
        for (int i = 1; i < parser.value(QStringLiteral("step")).toInt(); ++i)
            window.stepThrough()->next();
    }
    if (const QString rename = qEnvironmentVariable("NAQSH_TEST_RENAME"); !rename.isEmpty()) {
        naqsh::GraphModel *m = window.document()->model();
        const naqsh::LayerId id = m->graph().findByName(rename.section(QLatin1Char(':'), 0, 0));
        if (id.isValid())
            window.document()->undoStack()->push(
                new naqsh::RenameLayerCommand(m, id, rename.section(QLatin1Char(':'), 1)));
    }
    if (const QString dir = qEnvironmentVariable("NAQSH_TEST_SAVE_DIR"); !dir.isEmpty()) {
        int i = 0;
        for (const auto &w : windows) {
            QString error;
            if (!w->saveTo(QStringLiteral("%1/window-%2.naqsh").arg(dir).arg(i++), &error))
                qWarning("%s", qPrintable(error));
        }
        return 0;
    }
    return app.exec();
}
