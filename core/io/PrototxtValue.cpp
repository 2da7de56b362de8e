#include "PrototxtNumbers.h"
#include "PrototxtParser.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace naqsh {

namespace prototxt {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

NumberForm classifyNumber(QByteArrayView s)
{
    if (s.isEmpty())
        return NumberForm::Invalid;
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        for (qsizetype i = 2; i < s.size(); ++i) {
            if (!isHexDigit(s[i]))
                return NumberForm::Invalid;
        }
        return NumberForm::Integer;
    }
    qsizetype i = 0;
    const qsizetype n = s.size();
    qsizetype intDigits = 0;
    while (i < n && isDigit(s[i])) {
        ++i;
        ++intDigits;
    }
    if (i == n) {
        if (intDigits > 1 && s[0] == '0') {
            for (qsizetype k = 1; k < n; ++k) {
                if (s[k] > '7')
                    return NumberForm::Invalid;
            }
        }
        return NumberForm::Integer;
    }
    bool isFloat = false;
    qsizetype fracDigits = 0;
    if (s[i] == '.') {
        isFloat = true;
        ++i;
        while (i < n && isDigit(s[i])) {
            ++i;
            ++fracDigits;
        }
        if (intDigits == 0 && fracDigits == 0)
            return NumberForm::Invalid;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        isFloat = true;
        ++i;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            ++i;
        qsizetype expDigits = 0;
        while (i < n && isDigit(s[i])) {
            ++i;
            ++expDigits;
        }
        if (expDigits == 0)
            return NumberForm::Invalid;
    }
    if (isFloat && i < n && (s[i] == 'f' || s[i] == 'F'))
        ++i;
    if (i != n || !isFloat)
        return NumberForm::Invalid;
    return NumberForm::Float;
}

bool isSpecialFloat(const QString &text)
{
    QStringView t(text);
    if (t.startsWith(u'-'))
        t = t.mid(1);
    return t.compare(u"inf", Qt::CaseInsensitive) == 0 ||
           t.compare(u"infinity", Qt::CaseInsensitive) == 0 ||
           t.compare(u"nan", Qt::CaseInsensitive) == 0;
}

} // namespace prototxt

using prototxt::classifyNumber;
using prototxt::isSpecialFloat;
using prototxt::NumberForm;

namespace {

void setError(PrototxtError *error, const PrototxtValue &value, const QString &message)
{
    if (error && error->isEmpty())
        *error = PrototxtError{value.line, value.column, message};
}

QString describeValue(const PrototxtValue &value)
{
    if (value.kind == PrototxtValue::Kind::Message)
        return QCoreApplication::translate("naqsh::PrototxtParser", "a message");
    if (value.kind == PrototxtValue::Kind::String)
        return QLatin1Char('"') + value.text + QLatin1Char('"');
    return QLatin1Char('\'') + value.text + QLatin1Char('\'');
}

} // namespace

QString PrototxtError::toString() const
{
    return QCoreApplication::translate("naqsh::PrototxtParser", "line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(message);
}

std::optional<qint64> PrototxtValue::toInt(PrototxtError *error) const
{
    if (kind == Kind::Number) {
        const QByteArray latin = text.toLatin1();
        QByteArrayView digits(latin);
        if (digits.startsWith('-'))
            digits = digits.sliced(1);
        if (classifyNumber(digits) == NumberForm::Integer) {
            bool ok = false;
            const qint64 v = latin.toLongLong(&ok, 0);
            if (ok)
                return v;
            setError(
                error, *this,
                QCoreApplication::translate("naqsh::PrototxtParser", "integer %1 is out of range")
                    .arg(text));
            return std::nullopt;
        }
    }
    setError(error, *this,
             QCoreApplication::translate("naqsh::PrototxtParser", "expected an integer, found %1")
                 .arg(describeValue(*this)));
    return std::nullopt;
}

std::optional<double> PrototxtValue::toDouble(PrototxtError *error) const
{
    if (kind == Kind::Number || kind == Kind::Identifier) {
        if (isSpecialFloat(text)) {
            const bool negative = text.startsWith(u'-');
            if (text.endsWith(u'n', Qt::CaseInsensitive) && text.size() <= 4)
                return std::numeric_limits<double>::quiet_NaN();
            return negative ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity();
        }
    }
    if (kind == Kind::Number) {
        QByteArray latin = text.toLatin1();
        QByteArrayView digits(latin);
        if (digits.startsWith('-'))
            digits = digits.sliced(1);
        const NumberForm form = classifyNumber(digits);
        bool ok = false;
        double v = 0;
        if (form == NumberForm::Integer) {
            const qint64 i = latin.toLongLong(&ok, 0);
            if (ok) {
                v = double(i);
            } else {
                const bool negative = latin.startsWith('-');
                const qulonglong u = (negative ? latin.mid(1) : latin).toULongLong(&ok, 0);
                v = negative ? -double(u) : double(u);
            }
        } else if (form == NumberForm::Float) {
            if (latin.endsWith('f') || latin.endsWith('F'))
                latin.chop(1);
            v = latin.toDouble(&ok);
            // QByteArray::toDouble refuses overflow; protobuf saturates to infinity.
            if (!ok && !latin.isEmpty()) {
                v = std::strtod(latin.constData(), nullptr);
                ok = std::isinf(v) || v == 0.0;
            }
        }
        if (ok)
            return v;
    }
    setError(error, *this,
             QCoreApplication::translate("naqsh::PrototxtParser", "expected a number, found %1")
                 .arg(describeValue(*this)));
    return std::nullopt;
}

std::optional<bool> PrototxtValue::toBool(PrototxtError *error) const
{
    if (kind == Kind::Identifier) {
        if (text == u"true" || text == u"True" || text == u"t")
            return true;
        if (text == u"false" || text == u"False" || text == u"f")
            return false;
    } else if (kind == Kind::Number) {
        if (text == u"1")
            return true;
        if (text == u"0")
            return false;
    }
    setError(
        error, *this,
        QCoreApplication::translate("naqsh::PrototxtParser", "expected true or false, found %1")
            .arg(describeValue(*this)));
    return std::nullopt;
}

std::optional<QString> PrototxtValue::toString(PrototxtError *error) const
{
    if (kind == Kind::String || kind == Kind::Identifier)
        return text;
    setError(error, *this,
             QCoreApplication::translate("naqsh::PrototxtParser", "expected a string, found %1")
                 .arg(describeValue(*this)));
    return std::nullopt;
}

QVector<PrototxtValue> PrototxtMessage::values(QStringView name) const
{
    QVector<PrototxtValue> out;
    for (const PrototxtField &f : fields) {
        if (f.name == name)
            out.append(f.value);
    }
    return out;
}

std::optional<PrototxtValue> PrototxtMessage::first(QStringView name) const
{
    for (const PrototxtField &f : fields) {
        if (f.name == name)
            return f.value;
    }
    return std::nullopt;
}

bool PrototxtMessage::has(QStringView name) const
{
    for (const PrototxtField &f : fields) {
        if (f.name == name)
            return true;
    }
    return false;
}

int PrototxtMessage::count(QStringView name) const
{
    int n = 0;
    for (const PrototxtField &f : fields) {
        if (f.name == name)
            ++n;
    }
    return n;
}

PrototxtMessage PrototxtMessage::message(QStringView name) const
{
    for (const PrototxtField &f : fields) {
        if (f.name == name)
            return f.value.message ? *f.value.message : PrototxtMessage{};
    }
    return {};
}

QVector<PrototxtMessage> PrototxtMessage::messages(QStringView name) const
{
    QVector<PrototxtMessage> out;
    for (const PrototxtField &f : fields) {
        if (f.name == name && f.value.message)
            out.append(*f.value.message);
    }
    return out;
}

qint64 PrototxtMessage::toInt(QStringView name, qint64 defaultValue, PrototxtError *error) const
{
    const std::optional<PrototxtValue> v = first(name);
    if (!v)
        return defaultValue;
    return v->toInt(error).value_or(defaultValue);
}

double PrototxtMessage::toDouble(QStringView name, double defaultValue, PrototxtError *error) const
{
    const std::optional<PrototxtValue> v = first(name);
    if (!v)
        return defaultValue;
    return v->toDouble(error).value_or(defaultValue);
}

bool PrototxtMessage::toBool(QStringView name, bool defaultValue, PrototxtError *error) const
{
    const std::optional<PrototxtValue> v = first(name);
    if (!v)
        return defaultValue;
    return v->toBool(error).value_or(defaultValue);
}

QString PrototxtMessage::toString(QStringView name, const QString &defaultValue,
                                  PrototxtError *error) const
{
    const std::optional<PrototxtValue> v = first(name);
    if (!v)
        return defaultValue;
    return v->toString(error).value_or(defaultValue);
}
} // namespace naqsh
