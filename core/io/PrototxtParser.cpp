#include "PrototxtParser.h"
#include "PrototxtNumbers.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>
#include <new>

namespace naqsh {

using prototxt::classifyNumber;
using prototxt::isSpecialFloat;
using prototxt::NumberForm;

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || isDigit(c);
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int hexValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

// ---------------------------------------------------------------------------------------------

struct Token
{
    enum class Type { End, Identifier, Number, String, Symbol, Error };
    Type type = Type::End;
    QByteArray text; // decoded bytes for strings, source bytes otherwise
    char symbol = 0;
    int line = 1;
    int column = 1;
    QString error;
};

class Lexer
{
public:
    explicit Lexer(QByteArrayView text)
        : m_text(text)
    {
        if (m_text.size() >= 3 && uchar(m_text[0]) == 0xEF && uchar(m_text[1]) == 0xBB &&
            uchar(m_text[2]) == 0xBF)
            m_pos = 3;
    }

    Token next()
    {
        skipSpaceAndComments();
        Token tok;
        tok.line = m_line;
        tok.column = m_column;
        if (m_pos >= m_text.size()) {
            tok.type = Token::Type::End;
            return tok;
        }
        const char c = m_text[m_pos];
        if (isIdentStart(c)) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && isIdentChar(m_text[m_pos]))
                advance();
            tok.type = Token::Type::Identifier;
            tok.text = m_text.sliced(start, m_pos - start).toByteArray();
            return tok;
        }
        if (isDigit(c) || (c == '.' && m_pos + 1 < m_text.size() && isDigit(m_text[m_pos + 1]))) {
            lexNumber(tok);
            return tok;
        }
        if (c == '"' || c == '\'') {
            lexString(tok);
            return tok;
        }
        switch (c) {
        case '{':
        case '}':
        case '<':
        case '>':
        case '[':
        case ']':
        case ':':
        case ',':
        case ';':
        case '-':
        case '.':
        case '/':
            advance();
            tok.type = Token::Type::Symbol;
            tok.symbol = c;
            tok.text = QByteArray(1, c);
            return tok;
        default:
            break;
        }
        tok.type = Token::Type::Error;
        tok.error = unexpectedCharacterMessage();
        return tok;
    }

    int line() const { return m_line; }
    int column() const { return m_column; }

private:
    void advance()
    {
        const char c = m_text[m_pos++];
        if (c == '\n') {
            ++m_line;
            m_column = 1;
        } else if (c == '\r') {
            // A lone CR (classic Mac) is a line break; in CRLF the LF does the counting.
            if (m_pos < m_text.size() && m_text[m_pos] == '\n') {
                ++m_column;
            } else {
                ++m_line;
                m_column = 1;
            }
        } else if ((uchar(c) & 0xC0) != 0x80) {
            ++m_column;
        }
    }

    void skipSpaceAndComments()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
                advance();
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n' && m_text[m_pos] != '\r')
                    advance();
            } else {
                return;
            }
        }
    }

    QString unexpectedCharacterMessage() const
    {
        const uchar c = uchar(m_text[m_pos]);
        if (c >= 0x21 && c < 0x7F)
            return QCoreApplication::translate("naqsh::PrototxtParser", "unexpected character '%1'")
                .arg(QLatin1Char(char(c)));
        // Decode one UTF-8 sequence so a pasted non-breaking space reads as U+00A0.
        int len = 0;
        char32_t cp = 0;
        if ((c & 0xE0) == 0xC0) {
            len = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4;
            cp = c & 0x07;
        }
        bool valid = len > 0 && m_pos + len <= m_text.size();
        for (int k = 1; valid && k < len; ++k) {
            const uchar cc = uchar(m_text[m_pos + k]);
            if ((cc & 0xC0) != 0x80)
                valid = false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        if (valid && cp >= 0x80 && cp <= 0x10FFFF)
            return QCoreApplication::translate("naqsh::PrototxtParser", "unexpected character U+%1")
                .arg(QString::number(quint32(cp), 16).toUpper().rightJustified(4, u'0'));
        return QCoreApplication::translate("naqsh::PrototxtParser", "unexpected byte 0x%1")
            .arg(QString::number(c, 16).toUpper().rightJustified(2, u'0'));
    }

    void lexNumber(Token &tok)
    {
        const qsizetype start = m_pos;
        bool hex = m_pos + 1 < m_text.size() && m_text[m_pos] == '0' &&
                   (m_text[m_pos + 1] == 'x' || m_text[m_pos + 1] == 'X');
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (isIdentChar(c) || c == '.') {
                advance();
            } else if ((c == '+' || c == '-') && !hex &&
                       (m_text[m_pos - 1] == 'e' || m_text[m_pos - 1] == 'E')) {
                advance();
            } else {
                break;
            }
        }
        const QByteArrayView spelled = m_text.sliced(start, m_pos - start);
        if (classifyNumber(spelled) == NumberForm::Invalid) {
            tok.type = Token::Type::Error;
            tok.error = QCoreApplication::translate("naqsh::PrototxtParser", "invalid number '%1'")
                            .arg(QString::fromUtf8(spelled));
            return;
        }
        tok.type = Token::Type::Number;
        tok.text = spelled.toByteArray();
    }

    void lexString(Token &tok)
    {
        const char quote = m_text[m_pos];
        advance();
        QByteArray out;
        while (true) {
            if (m_pos >= m_text.size() || m_text[m_pos] == '\n' || m_text[m_pos] == '\r') {
                tok.type = Token::Type::Error;
                tok.error =
                    QCoreApplication::translate("naqsh::PrototxtParser", "unterminated string");
                return;
            }
            const char c = m_text[m_pos];
            if (c == quote) {
                advance();
                break;
            }
            if (c != '\\') {
                out.append(c);
                advance();
                continue;
            }
            const int escLine = m_line;
            const int escColumn = m_column;
            advance();
            if (m_pos >= m_text.size()) {
                tok.type = Token::Type::Error;
                tok.error =
                    QCoreApplication::translate("naqsh::PrototxtParser", "unterminated string");
                return;
            }
            const char e = m_text[m_pos];
            auto fail = [&](const QString &message) {
                tok.type = Token::Type::Error;
                tok.error = message;
                tok.line = escLine;
                tok.column = escColumn;
            };
            switch (e) {
            case 'a':
                out.append('\a');
                advance();
                continue;
            case 'b':
                out.append('\b');
                advance();
                continue;
            case 'f':
                out.append('\f');
                advance();
                continue;
            case 'n':
                out.append('\n');
                advance();
                continue;
            case 'r':
                out.append('\r');
                advance();
                continue;
            case 't':
                out.append('\t');
                advance();
                continue;
            case 'v':
                out.append('\v');
                advance();
                continue;
            case '\\':
                out.append('\\');
                advance();
                continue;
            case '?':
                out.append('?');
                advance();
                continue;
            case '\'':
                out.append('\'');
                advance();
                continue;
            case '"':
                out.append('"');
                advance();
                continue;
            default:
                break;
            }
            if (e >= '0' && e <= '7') {
                int value = 0;
                for (int k = 0;
                     k < 3 && m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '7';
                     ++k) {
                    value = value * 8 + (m_text[m_pos] - '0');
                    advance();
                }
                out.append(char(value & 0xFF));
                continue;
            }
            if (e == 'x' || e == 'X') {
                advance();
                int value = 0;
                int digits = 0;
                while (digits < 2 && m_pos < m_text.size() && isHexDigit(m_text[m_pos])) {
                    value = value * 16 + hexValue(m_text[m_pos]);
                    advance();
                    ++digits;
                }
                if (digits == 0) {
                    fail(QCoreApplication::translate(
                        "naqsh::PrototxtParser",
                        "invalid escape sequence '\\x' in string: expected hex digits"));
                    return;
                }
                out.append(char(value));
                continue;
            }
            if (e == 'u' || e == 'U') {
                const int want = e == 'u' ? 4 : 8;
                advance();
                char32_t value = 0;
                for (int k = 0; k < want; ++k) {
                    if (m_pos >= m_text.size() || !isHexDigit(m_text[m_pos])) {
                        fail(QCoreApplication::translate(
                                 "naqsh::PrototxtParser",
                                 "invalid escape sequence '\\%1' in string: expected %2 hex digits")
                                 .arg(QLatin1Char(e))
                                 .arg(want));
                        return;
                    }
                    value = value * 16 + char32_t(hexValue(m_text[m_pos]));
                    advance();
                }
                if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
                    fail(QCoreApplication::translate(
                             "naqsh::PrototxtParser",
                             "invalid escape sequence in string: U+%1 is not a valid code point")
                             .arg(QString::number(quint32(value), 16).toUpper()));
                    return;
                }
                appendUtf8(out, value);
                continue;
            }
            if (uchar(e) >= 0x21 && uchar(e) < 0x7F)
                fail(QCoreApplication::translate("naqsh::PrototxtParser",
                                                 "invalid escape sequence '\\%1' in string")
                         .arg(QLatin1Char(e)));
            else
                fail(QCoreApplication::translate("naqsh::PrototxtParser",
                                                 "invalid escape sequence in string"));
            return;
        }
        tok.type = Token::Type::String;
        tok.text = out;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
};

// ---------------------------------------------------------------------------------------------

class Parser
{
public:
    explicit Parser(QByteArrayView text)
        : m_lexer(text)
    {
        m_tok = m_lexer.next();
    }

    PrototxtParseResult parse()
    {
        PrototxtParseResult result;
        if (!parseBody(result.root, 0, nullptr))
            result.error = m_error;
        else
            result.root.fields.squeeze();
        if (!result.ok())
            result.root = {};
        return result;
    }

private:
    struct Open
    {
        QString name;
        char closer;
        int line;
    };

    void take() { m_tok = m_lexer.next(); }

    bool fail(int line, int column, const QString &message)
    {
        m_error = PrototxtError{line, column, message};
        return false;
    }

    bool fail(const Token &tok, const QString &message)
    {
        return fail(tok.line, tok.column, message);
    }

    bool lexError() { return fail(m_tok, m_tok.error); }

    bool isSymbol(char c) const { return m_tok.type == Token::Type::Symbol && m_tok.symbol == c; }

    static QString describe(const Token &tok)
    {
        switch (tok.type) {
        case Token::Type::String: {
            QString s = QString::fromUtf8(tok.text);
            if (s.size() > 24)
                s = s.left(24) + QStringLiteral("...");
            return QLatin1Char('"') + s + QLatin1Char('"');
        }
        case Token::Type::End:
            return QCoreApplication::translate("naqsh::PrototxtParser", "end of file");
        default:
            return QLatin1Char('\'') + QString::fromUtf8(tok.text) + QLatin1Char('\'');
        }
    }

    bool parseBody(PrototxtMessage &msg, int depth, const Open *open)
    {
        while (true) {
            switch (m_tok.type) {
            case Token::Type::Error:
                return lexError();
            case Token::Type::End:
                if (open) {
                    return fail(m_tok, QCoreApplication::translate(
                                           "naqsh::PrototxtParser",
                                           "unexpected end of file inside '%1' (opened at line "
                                           "%2): expected '%3'")
                                           .arg(open->name)
                                           .arg(open->line)
                                           .arg(QLatin1Char(open->closer)));
                }
                return true;
            case Token::Type::Identifier:
                if (!parseField(msg, depth))
                    return false;
                break;
            case Token::Type::Symbol:
                if (open && m_tok.symbol == open->closer) {
                    take();
                    return true;
                }
                if (m_tok.symbol == '[') {
                    if (!parseField(msg, depth))
                        return false;
                    break;
                }
                if (open) {
                    return fail(m_tok, QCoreApplication::translate(
                                           "naqsh::PrototxtParser",
                                           "expected '%1' to close '%2' opened at line %3, found "
                                           "%4")
                                           .arg(QLatin1Char(open->closer))
                                           .arg(open->name)
                                           .arg(open->line)
                                           .arg(describe(m_tok)));
                }
                if (m_tok.symbol == '}' || m_tok.symbol == '>') {
                    return fail(m_tok,
                                QCoreApplication::translate("naqsh::PrototxtParser",
                                                            "unexpected '%1': no message is open")
                                    .arg(QLatin1Char(m_tok.symbol)));
                }
                return fail(m_tok, QCoreApplication::translate("naqsh::PrototxtParser",
                                                               "expected a field name, found %1")
                                       .arg(describe(m_tok)));
            case Token::Type::Number:
            case Token::Type::String:
                return fail(m_tok, QCoreApplication::translate("naqsh::PrototxtParser",
                                                               "expected a field name, found %1")
                                       .arg(describe(m_tok)));
            }
        }
    }

    // Extension and Any names: [pkg.ext] or [type.googleapis.com/pkg.Type].
    bool parseExtensionName(QString &name)
    {
        const Token open = m_tok;
        take();
        QString inner;
        bool wantPart = true;
        while (true) {
            if (m_tok.type == Token::Type::Error)
                return lexError();
            if (wantPart && m_tok.type == Token::Type::Identifier) {
                inner += QString::fromUtf8(m_tok.text);
                wantPart = false;
                take();
            } else if (!wantPart && (isSymbol('.') || isSymbol('/'))) {
                inner += QLatin1Char(m_tok.symbol);
                wantPart = true;
                take();
            } else if (!wantPart && isSymbol(']')) {
                take();
                break;
            } else if (m_tok.type == Token::Type::End) {
                return fail(m_tok, QCoreApplication::translate(
                                       "naqsh::PrototxtParser",
                                       "unexpected end of file inside the extension name opened "
                                       "at line %1, column %2: expected ']'")
                                       .arg(open.line)
                                       .arg(open.column));
            } else {
                return fail(m_tok, QCoreApplication::translate(
                                       "naqsh::PrototxtParser",
                                       "expected an extension name like [package.field], found %1")
                                       .arg(describe(m_tok)));
            }
        }
        name = QLatin1Char('[') + inner + QLatin1Char(']');
        return true;
    }

    bool parseField(PrototxtMessage &msg, int depth)
    {
        const int line = m_tok.line;
        const int column = m_tok.column;
        QString name;
        if (m_tok.type == Token::Type::Identifier) {
            name = QString::fromUtf8(m_tok.text);
            take();
        } else if (!parseExtensionName(name)) {
            return false;
        }
        if (m_tok.type == Token::Type::Error)
            return lexError();

        auto addField = [&](PrototxtValue value) {
            msg.fields.append(PrototxtField{name, std::move(value), line, column});
        };

        if (isSymbol('{') || isSymbol('<')) {
            PrototxtValue value;
            if (!parseMessageValue(name, depth, value))
                return false;
            addField(std::move(value));
            skipSeparator();
            return true;
        }
        if (!isSymbol(':')) {
            if (m_tok.type == Token::Type::End) {
                return fail(m_tok, QCoreApplication::translate(
                                       "naqsh::PrototxtParser",
                                       "unexpected end of file after '%1': expected ':' or '{'")
                                       .arg(name));
            }
            return fail(m_tok,
                        QCoreApplication::translate("naqsh::PrototxtParser",
                                                    "expected ':' or '{' after '%1', found %2")
                            .arg(name, describe(m_tok)));
        }
        take();
        if (m_tok.type == Token::Type::Error)
            return lexError();

        if (isSymbol('[')) {
            const int listLine = m_tok.line;
            take();
            if (isSymbol(']')) {
                take();
                skipSeparator();
                return true;
            }
            while (true) {
                PrototxtValue value;
                if (!parseValue(name, depth, value))
                    return false;
                addField(std::move(value));
                if (m_tok.type == Token::Type::Error)
                    return lexError();
                if (isSymbol(',')) {
                    take();
                    continue;
                }
                if (isSymbol(']')) {
                    take();
                    break;
                }
                if (m_tok.type == Token::Type::End) {
                    return fail(m_tok, QCoreApplication::translate(
                                           "naqsh::PrototxtParser",
                                           "unexpected end of file inside the list for '%1' "
                                           "(opened at line %2): expected ']'")
                                           .arg(name)
                                           .arg(listLine));
                }
                return fail(m_tok, QCoreApplication::translate(
                                       "naqsh::PrototxtParser",
                                       "expected ',' or ']' in the list for '%1', found %2")
                                       .arg(name, describe(m_tok)));
            }
            skipSeparator();
            return true;
        }

        PrototxtValue value;
        if (!parseValue(name, depth, value))
            return false;
        addField(std::move(value));
        skipSeparator();
        return true;
    }

    void skipSeparator()
    {
        if (isSymbol(',') || isSymbol(';'))
            take();
    }

    bool parseMessageValue(const QString &name, int depth, PrototxtValue &value)
    {
        const Token openTok = m_tok;
        if (depth + 1 > kPrototxtMaxDepth) {
            return fail(openTok,
                        QCoreApplication::translate("naqsh::PrototxtParser",
                                                    "messages are nested deeper than %1 levels")
                            .arg(kPrototxtMaxDepth));
        }
        take();
        const Open open{name, openTok.symbol == '{' ? '}' : '>', openTok.line};
        auto nested = std::make_shared<PrototxtMessage>();
        if (!parseBody(*nested, depth + 1, &open))
            return false;
        nested->fields.squeeze();
        value.kind = PrototxtValue::Kind::Message;
        value.message = std::move(nested);
        value.line = openTok.line;
        value.column = openTok.column;
        return true;
    }

    bool parseValue(const QString &name, int depth, PrototxtValue &value)
    {
        value.line = m_tok.line;
        value.column = m_tok.column;
        switch (m_tok.type) {
        case Token::Type::Error:
            return lexError();
        case Token::Type::End:
            return fail(m_tok, QCoreApplication::translate(
                                   "naqsh::PrototxtParser",
                                   "unexpected end of file: expected a value for '%1'")
                                   .arg(name));
        case Token::Type::Number:
            value.kind = PrototxtValue::Kind::Number;
            value.text = QString::fromLatin1(m_tok.text);
            take();
            return true;
        case Token::Type::Identifier:
            value.kind = PrototxtValue::Kind::Identifier;
            value.text = QString::fromUtf8(m_tok.text);
            take();
            return true;
        case Token::Type::String: {
            QByteArray bytes = m_tok.text;
            take();
            while (m_tok.type == Token::Type::String) {
                bytes += m_tok.text;
                take();
            }
            value.kind = PrototxtValue::Kind::String;
            value.text = QString::fromUtf8(bytes);
            return true;
        }
        case Token::Type::Symbol:
            break;
        }
        if (isSymbol('{') || isSymbol('<'))
            return parseMessageValue(name, depth, value);
        if (isSymbol('-')) {
            const Token minus = m_tok;
            take();
            if (m_tok.type == Token::Type::Error)
                return lexError();
            if (m_tok.type == Token::Type::Number ||
                (m_tok.type == Token::Type::Identifier &&
                 isSpecialFloat(QString::fromLatin1(m_tok.text)))) {
                value.kind = PrototxtValue::Kind::Number;
                value.text = QLatin1Char('-') + QString::fromLatin1(m_tok.text);
                take();
                return true;
            }
            return fail(m_tok, QCoreApplication::translate("naqsh::PrototxtParser",
                                                           "expected a number after '-', found %1")
                                   .arg(describe(m_tok)));
        }
        return fail(m_tok, QCoreApplication::translate("naqsh::PrototxtParser",
                                                       "expected a value for '%1', found %2")
                               .arg(name, describe(m_tok)));
    }

    Lexer m_lexer;
    Token m_tok;
    PrototxtError m_error;
};

} // namespace

PrototxtParseResult parsePrototxt(QByteArrayView text)
{
    try {
        Parser parser(text);
        return parser.parse();
    } catch (const std::bad_alloc &) {
        PrototxtParseResult result;
        result.error = PrototxtError{
            0, 0,
            QCoreApplication::translate("naqsh::PrototxtParser", "out of memory while parsing")};
        return result;
    }
}

} // namespace naqsh
