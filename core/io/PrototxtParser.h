#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringView>
#include <QVector>

#include <memory>
#include <optional>

namespace naqsh {

struct PrototxtMessage;

/**
 * A parse or conversion error in protobuf text format, with a 1-based position.
 *
 * Columns count Unicode characters (a tab is one column), so they match what an editor shows for
 * UTF-8 files. The message is already translated (context "naqsh::PrototxtParser").
 */
struct PrototxtError
{
    int line = 0;
    int column = 0;
    QString message;

    /// True when no error has been recorded.
    bool isEmpty() const { return message.isEmpty(); }
    /// "line 12, column 5: <message>", translated.
    QString toString() const;
};

/**
 * One value of a field: a scalar or a nested message.
 *
 * Scalars keep their kind and text: a Number keeps its source spelling ("1e-4", "0x1F", "-3"),
 * an Identifier is an enum or boolean name ("MAX", "true", "CONVOLUTION"), a String holds the
 * decoded contents (escapes resolved, adjacent literals joined). Conversions check the kind and
 * report failures with this value's position.
 */
struct PrototxtValue
{
    enum class Kind { Number, Identifier, String, Message };

    Kind kind = Kind::Identifier;
    /// Scalar text (decoded for strings); empty for messages.
    QString text;
    /// The nested message when kind == Message; never null for messages, null otherwise.
    std::shared_ptr<const PrototxtMessage> message;
    /// Position of the first character of the value (the opening brace for messages).
    int line = 0;
    int column = 0;

    bool isMessage() const { return kind == Kind::Message; }
    bool isScalar() const { return kind != Kind::Message; }

    /**
     * Integer value of a Number (decimal, 0x hex or 0 octal, as protobuf reads them).
     * Floats, identifiers, strings and out-of-range numbers fail: std::nullopt, and *error is set
     * if it is non-null and still empty (so the first problem in a chain of lookups is kept).
     */
    std::optional<qint64> toInt(PrototxtError *error = nullptr) const;
    /// Floating value of a Number, or of the identifiers inf, infinity, nan (any case).
    std::optional<double> toDouble(PrototxtError *error = nullptr) const;
    /// true/false/True/False/t/f identifiers, or the numbers 1/0 (protobuf's rules).
    std::optional<bool> toBool(PrototxtError *error = nullptr) const;
    /// Text of a String or an Identifier (so both `type: "Convolution"` and `type: CONVOLUTION`).
    std::optional<QString> toString(PrototxtError *error = nullptr) const;
};

/// One `name: value` or `name { ... }` entry, with the position of its name.
struct PrototxtField
{
    QString name;
    PrototxtValue value;
    int line = 0;
    int column = 0;
};

/**
 * A message: its fields in file order. Repeated fields are simply several entries with the same
 * name (list syntax `dim: [1, 3]` is expanded into one entry per element).
 */
struct PrototxtMessage
{
    QVector<PrototxtField> fields;

    /// All values of a (repeated) field, in file order.
    QVector<PrototxtValue> values(QStringView name) const;
    /// The first value of a field, or std::nullopt when absent.
    std::optional<PrototxtValue> first(QStringView name) const;
    bool has(QStringView name) const;
    int count(QStringView name) const;
    /// The first value of a field when it is a message; an empty message otherwise.
    PrototxtMessage message(QStringView name) const;
    /// All message values of a repeated field (scalars are skipped), in file order.
    QVector<PrototxtMessage> messages(QStringView name) const;

    /**
     * Typed access to the first value of a field. An absent field gives defaultValue silently;
     * a present field of the wrong kind gives defaultValue and sets *error (if non-null and still
     * empty) with the field's position.
     */
    qint64 toInt(QStringView name, qint64 defaultValue, PrototxtError *error = nullptr) const;
    double toDouble(QStringView name, double defaultValue, PrototxtError *error = nullptr) const;
    bool toBool(QStringView name, bool defaultValue, PrototxtError *error = nullptr) const;
    QString toString(QStringView name, const QString &defaultValue = {},
                     PrototxtError *error = nullptr) const;
};

/// Result of parsePrototxt: the root message, or an error with its position.
struct PrototxtParseResult
{
    PrototxtMessage root;
    PrototxtError error;

    bool ok() const { return error.isEmpty(); }
};

/// Maximum nesting of messages accepted by parsePrototxt; deeper input is an error.
inline constexpr int kPrototxtMaxDepth = 100;

/**
 * Parses protobuf text format (the syntax of Caffe .prototxt files) into a generic tree.
 *
 * Accepts `name: value`, `name { ... }`, `name: { ... }`, `< ... >` message delimiters, `#`
 * comments, single/double quoted strings with C escapes, adjacent string concatenation, numbers
 * (with sign, exponent, hex, optional f suffix), optional `,`/`;` separators, `[a, b]` lists,
 * `[ext.name]` field names, CRLF and a UTF-8 byte-order mark. Never throws; on malformed input
 * (including random bytes) returns an error naming line, column and what was expected.
 * Nesting deeper than kPrototxtMaxDepth is an error.
 */
PrototxtParseResult parsePrototxt(QByteArrayView text);

} // namespace naqsh
