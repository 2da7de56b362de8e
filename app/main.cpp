#include "Language.h"
#include "MainWindow.h"

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
    parser.addOption({QStringLiteral("lang"), QStringLiteral("Interface language: en or fa."), QStringLiteral("lang")});
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("A .naqsh document to open."));
    parser.process(app);

    naqsh::Language language;
    language.apply(naqsh::Language::startupLanguage(parser.value(QStringLiteral("lang"))));

    naqsh::MainWindow window(&language);
    window.show();
    const QStringList files = parser.positionalArguments();
    window.openInitialDocument(files.isEmpty() ? QString() : files.first());
    return app.exec();
}
