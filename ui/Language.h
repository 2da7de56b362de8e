#pragma once

#include <QObject>
#include <QTranslator>

namespace naqsh {

/// The UI language: English (the source strings) or Persian (translations/naqsh_fa.ts, embedded
/// as :/i18n/naqsh_fa.qm). Switching installs or removes the translator, sets the layout
/// direction (Persian is right to left) and lets every widget retranslate through
/// QEvent::LanguageChange, without a restart.
/// A translator that gives right-to-left menus without in-word mnemonics: an '&' next to a
/// Persian letter would underline that letter and break the joining of the word (فـایل), so it
/// is dropped from the translation (an '&' before a Latin letter, or "&&", stays).
class MnemonicFreeTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override;
    /// @p text without the '&' mnemonics that touch an Arabic-script letter.
    static QString stripInWordMnemonics(const QString &text);
};

class Language : public QObject
{
    Q_OBJECT
public:
    enum class Code { English, Persian };
    Q_ENUM(Code)

    explicit Language(QObject *parent = nullptr);

    Code current() const { return m_current; }
    static QString key(Code c)
    {
        return c == Code::Persian ? QStringLiteral("fa") : QStringLiteral("en");
    }
    static bool fromKey(const QString &key, Code *out);
    /// The language to start in: @p override ("fa"/"en") if given, else the saved setting, else
    /// the system locale.
    static Code startupLanguage(const QString &override = {});

    /// Applies @p code to the whole application and remembers it in the settings.
    void apply(Code code);

signals:
    void changed(naqsh::Language::Code code);

private:
    MnemonicFreeTranslator m_translator;
    MnemonicFreeTranslator m_qtTranslator;
    Code m_current = Code::English;
    bool m_installed = false;
};

} // namespace naqsh
