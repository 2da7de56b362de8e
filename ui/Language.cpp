#include "Language.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>

namespace naqsh {

namespace {
bool isArabicScript(QChar c)
{
    return c.script() == QChar::Script_Arabic;
}
} // namespace

QString MnemonicFreeTranslator::stripInWordMnemonics(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('&') && i + 1 < text.size()) {
            if (text.at(i + 1) == QLatin1Char('&')) { // "&&" is a literal '&'
                out += QLatin1String("&&");
                ++i;
                continue;
            }
            if (isArabicScript(text.at(i + 1)))
                continue;
        }
        out += c;
    }
    return out;
}

QString MnemonicFreeTranslator::translate(const char *context, const char *sourceText,
                                          const char *disambiguation, int n) const
{
    return stripInWordMnemonics(QTranslator::translate(context, sourceText, disambiguation, n));
}

Language::Language(QObject *parent)
    : QObject(parent)
{
}

bool Language::fromKey(const QString &key, Code *out)
{
    const QString k = key.trimmed().toLower();
    if (k == QLatin1String("fa") || k == QLatin1String("persian") || k == QLatin1String("fa_ir")) {
        *out = Code::Persian;
        return true;
    }
    if (k == QLatin1String("en") || k == QLatin1String("english")) {
        *out = Code::English;
        return true;
    }
    return false;
}

Language::Code Language::startupLanguage(const QString &override)
{
    Code c = Code::English;
    if (!override.isEmpty() && fromKey(override, &c))
        return c;
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    if (!saved.isEmpty() && fromKey(saved, &c))
        return c;
    return QLocale::system().language() == QLocale::Persian ? Code::Persian : Code::English;
}

void Language::apply(Code code)
{
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        QCoreApplication::removeTranslator(&m_qtTranslator);
        m_installed = false;
    }
    if (code == Code::Persian) {
        if (m_translator.isEmpty())
            (void)m_translator.load(QStringLiteral(":/i18n/naqsh_fa.qm"));
        if (m_qtTranslator.isEmpty())
            (void)m_qtTranslator.load(QStringLiteral("qtbase_fa"),
                                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        QCoreApplication::installTranslator(&m_qtTranslator);
        QCoreApplication::installTranslator(&m_translator);
        m_installed = true;
    }
    m_current = code;
    QLocale::setDefault(code == Code::Persian ? QLocale(QLocale::Persian, QLocale::Iran)
                                              : QLocale(QLocale::English, QLocale::UnitedStates));
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance()))
        app->setLayoutDirection(code == Code::Persian ? Qt::RightToLeft : Qt::LeftToRight);
    QSettings().setValue(QStringLiteral("ui/language"), key(code));
    emit changed(code);
}

} // namespace naqsh
