#include "CliApp.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // Only `export` draws (fonts, QPainter, SVG and PDF): it needs a GUI application, which runs
    // headless on the offscreen platform unless the caller chose a platform. The other commands
    // stay QtCore-only and start faster.
    const bool drawing = argc > 1 && std::strcmp(argv[1], "export") == 0;
    if (drawing && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // QApplication would take options such as --style and --title for itself: it gets only the
    // program name, and the command line goes to CliApp untouched.
    int guiArgc = 1;
    char *guiArgv[] = {argv[0], nullptr};
    std::unique_ptr<QCoreApplication> app;
    if (drawing)
        app = std::make_unique<QApplication>(guiArgc, guiArgv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --lang fa: messages, headers and digits in Persian (the catalogue is built into naqsh_ui).
    QTranslator persian;
    for (int i = 1; i < arguments.size(); ++i) {
        const bool fa = arguments[i] == QLatin1String("--lang=fa") ||
                        (arguments[i] == QLatin1String("--lang") && i + 1 < arguments.size() &&
                         arguments[i + 1] == QLatin1String("fa"));
        if (fa && persian.load(QStringLiteral(":/i18n/naqsh_fa.qm")))
            QCoreApplication::installTranslator(&persian);
    }
    QCoreApplication::setApplicationName(QStringLiteral("naqsh-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Naqsh"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    naqsh::CliApp cli(out, err);
    return cli.run(arguments);
}
