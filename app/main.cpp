#include "MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Naqsh"));
    QApplication::setOrganizationName(QStringLiteral("Naqsh"));
    naqsh::MainWindow window;
    const QStringList args = QApplication::arguments();
    if (args.size() > 1)
        window.openFile(args.last());
    window.show();
    return app.exec();
}
