#include "Language.h"
#include "MainWindow.h"
#include "classroom/StepThrough.h"

#include <QApplication>
#include <QCommandLineParser>

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

    naqsh::MainWindow window(&language);
    window.show();
    const QStringList files = parser.positionalArguments();
    window.openInitialDocument(files.isEmpty() ? QString() : files.first());
    if (parser.isSet(QStringLiteral("presentation")))
        window.setPresentationMode(true);
    if (parser.isSet(QStringLiteral("step"))) {
        window.setStepThrough(true);
        for (int i = 1; i < parser.value(QStringLiteral("step")).toInt(); ++i)
            window.stepThrough()->next();
    }
    return app.exec();
}
