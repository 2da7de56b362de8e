#include "CliApp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("naqsh-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Naqsh"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    naqsh::CliApp cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
