#include "io/PrototxtParser.h"

#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace naqsh;

namespace {

// Canonical one-line rendering of a tree: name=N:1 (number), I: (identifier), S: (string),
// name{...} for messages.
QString dump(const PrototxtMessage &msg)
{
    QStringList parts;
    for (const PrototxtField &f : msg.fields) {
        switch (f.value.kind) {
        case PrototxtValue::Kind::Message:
            parts << f.name + QLatin1Char('{') + dump(*f.value.message) + QLatin1Char('}');
            break;
        case PrototxtValue::Kind::Number:
            parts << f.name + QStringLiteral("=N:") + f.value.text;
            break;
        case PrototxtValue::Kind::Identifier:
            parts << f.name + QStringLiteral("=I:") + f.value.text;
            break;
        case PrototxtValue::Kind::String:
            parts << f.name + QStringLiteral("=S:") + f.value.text;
            break;
        }
    }
    return parts.join(QLatin1Char(' '));
}

// Old-style Caffe deploy file (LeNet), with the network input declared by input/input_dim.
const char kLeNetDeploy[] = R"(name: "LeNet"
input: "data"
input_dim: 64
input_dim: 1
input_dim: 28
input_dim: 28
layer {
  name: "conv1"
  type: "Convolution"
  bottom: "data"
  top: "conv1"
  param {
    lr_mult: 1
  }
  param {
    lr_mult: 2
  }
  convolution_param {
    num_output: 20
    kernel_size: 5
    stride: 1
    weight_filler {
      type: "xavier"
    }
    bias_filler {
      type: "constant"
    }
  }
}
layer {
  name: "pool1"
  type: "Pooling"
  bottom: "conv1"
  top: "pool1"
  pooling_param {
    pool: MAX
    kernel_size: 2
    stride: 2
  }
}
layer {
  name: "conv2"
  type: "Convolution"
  bottom: "pool1"
  top: "conv2"
  param {
    lr_mult: 1
  }
  param {
    lr_mult: 2
  }
  convolution_param {
    num_output: 50
    kernel_size: 5
    stride: 1
    weight_filler {
      type: "xavier"
    }
    bias_filler {
      type: "constant"
    }
  }
}
layer {
  name: "pool2"
  type: "Pooling"
  bottom: "conv2"
  top: "pool2"
  pooling_param {
    pool: MAX
    kernel_size: 2
    stride: 2
  }
}
layer {
  name: "ip1"
  type: "InnerProduct"
  bottom: "pool2"
  top: "ip1"
  param {
    lr_mult: 1
  }
  param {
    lr_mult: 2
  }
  inner_product_param {
    num_output: 500
    weight_filler {
      type: "xavier"
    }
    bias_filler {
      type: "constant"
    }
  }
}
layer {
  name: "relu1"
  type: "ReLU"
  bottom: "ip1"
  top: "ip1"
}
layer {
  name: "ip2"
  type: "InnerProduct"
  bottom: "ip1"
  top: "ip2"
  param {
    lr_mult: 1
  }
  param {
    lr_mult: 2
  }
  inner_product_param {
    num_output: 10
    weight_filler {
      type: "xavier"
    }
    bias_filler {
      type: "constant"
    }
  }
}
layer {
  name: "prob"
  type: "Softmax"
  bottom: "ip2"
  top: "prob"
}
)";

// Newer deploy header: input_shape instead of input_dim.
const char kInputShapeDeploy[] = R"(name: "ResNet-50"
input: "data"
input_shape {
  dim: 1
  dim: 3
  dim: 224
  dim: 224
}
layer {
	bottom: "data"
	top: "conv1"
	name: "conv1"
	type: "Convolution"
	convolution_param {
		num_output: 64
		kernel_size: 7
		pad: 3
		stride: 2
		bias_term: false
	}
}
layer {
	bottom: "conv1"
	top: "conv1"
	name: "bn_conv1"
	type: "BatchNorm"
	batch_norm_param {
		use_global_stats: true
	}
}
)";

// Current style: an Input layer.
const char kInputLayer[] = R"(name: "MobileNet"
layer {
  name: "data"
  type: "Input"
  top: "data"
  input_param { shape { dim: 1 dim: 3 dim: 224 dim: 224 } }
}
layer {
  name: "conv1/dw"
  type: "Convolution"
  bottom: "data"
  top: "conv1/dw"
  convolution_param { num_output: 32 bias_term: false pad: 1 kernel_size: 3 group: 32 engine: CAFFE stride: 2 weight_filler { type: "msra" } }
}
layer { name: "relu1" type: "ReLU" bottom: "conv1/dw" top: "conv1/dw" relu_param { negative_slope: 0.1 } }
layer { name: "drop" type: "Dropout" bottom: "conv1/dw" top: "conv1/dw" dropout_param { dropout_ratio: 5e-1 } }
)";

// GoogLeNet inception_3a fragment (BVLC deploy.prototxt style).
const char kInception[] = R"(layer {
  name: "inception_3a/1x1"
  type: "Convolution"
  bottom: "pool2/3x3_s2"
  top: "inception_3a/1x1"
  param {
    lr_mult: 1
    decay_mult: 1
  }
  param {
    lr_mult: 2
    decay_mult: 0
  }
  convolution_param {
    num_output: 64
    kernel_size: 1
    weight_filler {
      type: "xavier"
      std: 0.03
    }
    bias_filler {
      type: "constant"
      value: 0.2
    }
  }
}
layer {
  name: "inception_3a/relu_1x1"
  type: "ReLU"
  bottom: "inception_3a/1x1"
  top: "inception_3a/1x1"
}
layer {
  name: "inception_3a/3x3_reduce"
  type: "Convolution"
  bottom: "pool2/3x3_s2"
  top: "inception_3a/3x3_reduce"
  convolution_param {
    num_output: 96
    kernel_size: 1
  }
}
layer {
  name: "inception_3a/pool"
  type: "Pooling"
  bottom: "pool2/3x3_s2"
  top: "inception_3a/pool"
  pooling_param {
    pool: MAX
    kernel_size: 3
    stride: 1
    pad: 1
  }
}
layer {
  name: "inception_3a/output"
  type: "Concat"
  bottom: "inception_3a/1x1"
  bottom: "inception_3a/3x3"
  bottom: "inception_3a/5x5"
  bottom: "inception_3a/pool_proj"
  top: "inception_3a/output"
}
)";

// Legacy V1 format: `layers` with enum types and blobs_lr.
const char kLegacyLayers[] = R"(name: "CaffeNet"
input: "data"
input_dim: 10
input_dim: 3
input_dim: 227
input_dim: 227
layers {
  name: "conv1"
  type: CONVOLUTION
  bottom: "data"
  top: "conv1"
  blobs_lr: 1
  blobs_lr: 2
  weight_decay: 1
  weight_decay: 0
  convolution_param {
    num_output: 96
    kernel_size: 11
    stride: 4
  }
}
layers {
  name: "relu1"
  type: RELU
  bottom: "conv1"
  top: "conv1"
}
layers {
  name: "pool1"
  type: POOLING
  bottom: "conv1"
  top: "pool1"
  pooling_param {
    pool: MAX
    kernel_size: 3
    stride: 2
  }
}
layers {
  name: "norm1"
  type: LRN
  bottom: "pool1"
  top: "norm1"
  lrn_param {
    local_size: 5
    alpha: 0.0001
    beta: 0.75
  }
}
)";

QVector<qint64> ints(const QVector<PrototxtValue> &values)
{
    QVector<qint64> out;
    for (const PrototxtValue &v : values)
        out << v.toInt().value_or(-999);
    return out;
}

} // namespace

class TestPrototxtParser : public QObject
{
    Q_OBJECT

private slots:
    void goodInputs_data();
    void goodInputs();
    void badInputs_data();
    void badInputs();
    void nestingLimit();
    void positions();
    void conversions_data();
    void conversions();
    void messageHelpers();
    void oldStyleDeploy();
    void inputShapeDeploy();
    void inputLayer();
    void inceptionFragment();
    void legacyLayers();
    void everyPrefixParsesOrFails();
    void randomBytesNeverCrash();
};

void TestPrototxtParser::goodInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QByteArray("") << QString();
    QTest::newRow("only comments") << QByteArray("# a\n  # b\n") << QString();
    QTest::newRow("string") << QByteArray(R"(name: "x")") << QStringLiteral("name=S:x");
    QTest::newRow("single quotes") << QByteArray("name: 'it''s'") << QStringLiteral("name=S:its");
    QTest::newRow("escapes") << QByteArray(R"(s: "a\'b\"c\\d\t\x41\101\u00e9\U0001F600")")
                             << QStringLiteral("s=S:a'b\"c\\d\tAA\u00e9\U0001F600");
    QTest::newRow("concatenation")
        << QByteArray("s: \"ab\" 'cd'\n  \"ef\"") << QStringLiteral("s=S:abcdef");
    QTest::newRow("utf8 string") << QByteArray("s: \"\xd9\x86\xd9\x82\xd8\xb4\"")
                                 << QStringLiteral("s=S:\u0646\u0642\u0634");
    QTest::newRow("enum") << QByteArray("pool: MAX") << QStringLiteral("pool=I:MAX");
    QTest::newRow("bool") << QByteArray("bias_term: false") << QStringLiteral("bias_term=I:false");
    QTest::newRow("numbers")
        << QByteArray("a: 1 b: -2 c: 1e-4 d: .5 e: 1.5f f: 0x1F g: -3.25E+2 h: 0")
        << QStringLiteral("a=N:1 b=N:-2 c=N:1e-4 d=N:.5 e=N:1.5f f=N:0x1F g=N:-3.25E+2 h=N:0");
    QTest::newRow("negative inf") << QByteArray("a: -inf b: nan")
                                  << QStringLiteral("a=N:-inf b=I:nan");
    QTest::newRow("nested") << QByteArray("layer { name: \"c\" param { lr_mult: 1 } }")
                            << QStringLiteral("layer{name=S:c param{lr_mult=N:1}}");
    QTest::newRow("colon before brace")
        << QByteArray("layer: { a: 1 }") << QStringLiteral("layer{a=N:1}");
    QTest::newRow("angle brackets")
        << QByteArray("layer < a: 1 > b: 2") << QStringLiteral("layer{a=N:1} b=N:2");
    QTest::newRow("empty message") << QByteArray("a {}") << QStringLiteral("a{}");
    QTest::newRow("comments") << QByteArray("# head\na: 1 # trailing \"not a string\n# end")
                              << QStringLiteral("a=N:1");
    QTest::newRow("separators") << QByteArray("a: 1, b: 2; c { d: 3; }, e: 4")
                                << QStringLiteral("a=N:1 b=N:2 c{d=N:3} e=N:4");
    QTest::newRow("repeated") << QByteArray("dim: 1 dim: 2 dim: 3")
                              << QStringLiteral("dim=N:1 dim=N:2 dim=N:3");
    QTest::newRow("list") << QByteArray("dim: [1, 2, 3] top: [\"a\", 'b']")
                          << QStringLiteral("dim=N:1 dim=N:2 dim=N:3 top=S:a top=S:b");
    QTest::newRow("empty list") << QByteArray("dim: [] a: 1") << QStringLiteral("a=N:1");
    QTest::newRow("list of messages")
        << QByteArray("m: [{a: 1}, <a: 2>]") << QStringLiteral("m{a=N:1} m{a=N:2}");
    QTest::newRow("crlf") << QByteArray("a: 1\r\nb {\r\n  c: 2\r\n}\r\n")
                          << QStringLiteral("a=N:1 b{c=N:2}");
    QTest::newRow("bom") << QByteArray("\xEF\xBB\xBF"
                                       "a: 1")
                         << QStringLiteral("a=N:1");
    QTest::newRow("extension name")
        << QByteArray("[foo.bar_ext] { a: 1 }") << QStringLiteral("[foo.bar_ext]{a=N:1}");
    QTest::newRow("no spaces") << QByteArray("a:1 b{c:\"x\"}d:-.5")
                               << QStringLiteral("a=N:1 b{c=S:x} d=N:-.5");
    QTest::newRow("persian comment")
        << QByteArray("# \xd9\x84\xd8\xa7\xdb\x8c\xd9\x87\na: 1") << QStringLiteral("a=N:1");
}

void TestPrototxtParser::goodInputs()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const PrototxtParseResult r = parsePrototxt(text);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(dump(r.root), expected);
}

void TestPrototxtParser::badInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("eof inside message")
        << QByteArray("layer {\n  name: \"x\"\n  convolution_param {\n    num_output: 2\n") << 5
        << 1
        << QStringLiteral("unexpected end of file inside 'convolution_param' (opened at line 3): "
                          "expected '}'");
    QTest::newRow("wrong closer")
        << QByteArray("name: \"n\"\nlayer {\n  a: 1\n  ]\n}") << 4 << 3
        << QStringLiteral("expected '}' to close 'layer' opened at line 2, found ']'");
    QTest::newRow("angle closed by brace")
        << QByteArray("a < b: 1 }") << 1 << 10
        << QStringLiteral("expected '>' to close 'a' opened at line 1, found '}'");
    QTest::newRow("stray closer") << QByteArray("a: 1\n}") << 2 << 1
                                  << QStringLiteral("unexpected '}': no message is open");
    QTest::newRow("unterminated string")
        << QByteArray("a: 1\nname: \"abc") << 2 << 7 << QStringLiteral("unterminated string");
    QTest::newRow("string across lines")
        << QByteArray("name: 'ab\ncd'") << 1 << 7 << QStringLiteral("unterminated string");
    QTest::newRow("bad escape") << QByteArray(R"(a: "x\q")") << 1 << 6
                                << QStringLiteral("invalid escape sequence '\\q' in string");
    QTest::newRow("bad unicode escape")
        << QByteArray(R"(a: "\u12")") << 1 << 5
        << QStringLiteral("invalid escape sequence '\\u' in string: expected 4 hex digits");
    QTest::newRow("missing colon") << QByteArray("a 1") << 1 << 3
                                   << QStringLiteral("expected ':' or '{' after 'a', found '1'");
    QTest::newRow("string without colon")
        << QByteArray("layer {\n  name \"x\"\n}") << 2 << 8
        << QStringLiteral("expected ':' or '{' after 'name', found \"x\"");
    QTest::newRow("eof after name") << QByteArray("a {\n b") << 2 << 3
                                    << QStringLiteral("unexpected end of file after 'b': "
                                                      "expected ':' or '{'");
    QTest::newRow("missing value") << QByteArray("a:") << 1 << 3
                                   << QStringLiteral("unexpected end of file: expected a value "
                                                     "for 'a'");
    QTest::newRow("closer as value") << QByteArray("l { a: }") << 1 << 8
                                     << QStringLiteral("expected a value for 'a', found '}'");
    QTest::newRow("unclosed list")
        << QByteArray("a: [1,\n 2") << 2 << 3
        << QStringLiteral("unexpected end of file inside the list for 'a' (opened at line 1): "
                          "expected ']'");
    QTest::newRow("list without comma")
        << QByteArray("a: [1 2]") << 1 << 7
        << QStringLiteral("expected ',' or ']' in the list for 'a', found '2'");
    QTest::newRow("bad number") << QByteArray("a: 12abc") << 1 << 4
                                << QStringLiteral("invalid number '12abc'");
    QTest::newRow("bad octal") << QByteArray("a: 09") << 1 << 4
                               << QStringLiteral("invalid number '09'");
    QTest::newRow("bad exponent") << QByteArray("a: 1e+") << 1 << 4
                                  << QStringLiteral("invalid number '1e+'");
    QTest::newRow("bad character")
        << QByteArray("a: @") << 1 << 4 << QStringLiteral("unexpected character '@'");
    QTest::newRow("non-breaking space") << QByteArray("a:\xC2\xA0"
                                                      "1")
                                        << 1 << 3 << QStringLiteral("unexpected character U+00A0");
    QTest::newRow("raw byte") << QByteArray("a: 1\n\xFF") << 2 << 1
                              << QStringLiteral("unexpected byte 0xFF");
    QTest::newRow("nul byte") << QByteArray("a: 1 ", 5) + QByteArray(1, '\0') << 1 << 6
                              << QStringLiteral("unexpected byte 0x00");
    QTest::newRow("minus without number")
        << QByteArray("a: -b") << 1 << 5
        << QStringLiteral("expected a number after '-', found 'b'");
    QTest::newRow("string as field name")
        << QByteArray("\"x\": 1") << 1 << 1 << QStringLiteral("expected a field name, found \"x\"");
    QTest::newRow("number inside message") << QByteArray("a {\n  1\n}") << 2 << 3
                                           << QStringLiteral("expected a field name, found '1'");
    QTest::newRow("unclosed extension")
        << QByteArray("[a.b") << 1 << 5
        << QStringLiteral("unexpected end of file inside the extension name opened at line 1, "
                          "column 1: expected ']'");
}

void TestPrototxtParser::badInputs()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    const PrototxtParseResult r = parsePrototxt(text);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.message, message);
    QCOMPARE(r.error.line, line);
    QCOMPARE(r.error.column, column);
    QVERIFY(r.root.fields.isEmpty());
    QCOMPARE(r.error.toString(),
             QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message));
}

void TestPrototxtParser::nestingLimit()
{
    QByteArray ok;
    for (int i = 0; i < kPrototxtMaxDepth; ++i)
        ok += "a { ";
    for (int i = 0; i < kPrototxtMaxDepth; ++i)
        ok += "} ";
    QVERIFY(parsePrototxt(ok).ok());

    const QByteArray deep = QByteArray("a { ").repeated(kPrototxtMaxDepth + 1);
    const PrototxtParseResult r = parsePrototxt(deep);
    QVERIFY(!r.ok());
    QCOMPARE(r.error.message, QStringLiteral("messages are nested deeper than 100 levels"));
    QCOMPARE(r.error.line, 1);
    QCOMPARE(r.error.column, 4 * kPrototxtMaxDepth + 3);

    // Far deeper input must not exhaust the stack either.
    QVERIFY(!parsePrototxt(QByteArray("a{").repeated(200000)).ok());
    QVERIFY(!parsePrototxt(QByteArray("a:[").repeated(200000)).ok());
}

void TestPrototxtParser::positions()
{
    // Columns count characters, not bytes; tabs are one column; CRLF and lone CR end lines.
    const PrototxtParseResult r =
        parsePrototxt("s: \"\xc3\xa9\xc3\xa9\" t: 1\r\n\tlayer {\r  x: 2 }\r\n");
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.root.fields.size(), 3);
    QCOMPARE(r.root.fields[1].name, QStringLiteral("t"));
    QCOMPARE(r.root.fields[1].line, 1);
    QCOMPARE(r.root.fields[1].column, 9);
    QCOMPARE(r.root.fields[1].value.column, 12);
    QCOMPARE(r.root.fields[2].line, 2);
    QCOMPARE(r.root.fields[2].column, 2);
    QCOMPARE(r.root.fields[2].value.line, 2);
    QCOMPARE(r.root.fields[2].value.column, 8);
    const PrototxtField &x = r.root.fields[2].value.message->fields.first();
    QCOMPARE(x.line, 3);
    QCOMPARE(x.column, 3);

    const PrototxtParseResult bad = parsePrototxt("a: 1\r\nb: \xc3\xa9");
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error.line, 2);
    QCOMPARE(bad.error.column, 4);
}

void TestPrototxtParser::conversions_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("conversion");
    QTest::addColumn<QString>("expected"); // value, or "error:<message>"

    QTest::newRow("int") << QByteArray("v: 42") << "int"
                         << "42";
    QTest::newRow("negative int") << QByteArray("v: -7") << "int"
                                  << "-7";
    QTest::newRow("hex int") << QByteArray("v: 0x1F") << "int"
                             << "31";
    QTest::newRow("octal int") << QByteArray("v: 017") << "int"
                               << "15";
    QTest::newRow("int64 max") << QByteArray("v: 9223372036854775807") << "int"
                               << "9223372036854775807";
    QTest::newRow("int overflow") << QByteArray("v: 9223372036854775808") << "int"
                                  << "error:integer 9223372036854775808 is out of range";
    QTest::newRow("float as int") << QByteArray("v: 1.5") << "int"
                                  << "error:expected an integer, found '1.5'";
    QTest::newRow("enum as int") << QByteArray("v: MAX") << "int"
                                 << "error:expected an integer, found 'MAX'";
    QTest::newRow("string as int") << QByteArray("v: \"3\"") << "int"
                                   << "error:expected an integer, found \"3\"";
    QTest::newRow("message as int") << QByteArray("v: { }") << "int"
                                    << "error:expected an integer, found a message";
    QTest::newRow("double") << QByteArray("v: 1e-4") << "double"
                            << "0.0001";
    QTest::newRow("double suffix") << QByteArray("v: 2.5f") << "double"
                                   << "2.5";
    QTest::newRow("double from int") << QByteArray("v: -3") << "double"
                                     << "-3";
    QTest::newRow("double leading dot") << QByteArray("v: .25") << "double"
                                        << "0.25";
    QTest::newRow("double inf") << QByteArray("v: -inf") << "double"
                                << "-inf";
    QTest::newRow("double huge") << QByteArray("v: 1e999") << "double"
                                 << "inf";
    QTest::newRow("double from enum") << QByteArray("v: MAX") << "double"
                                      << "error:expected a number, found 'MAX'";
    QTest::newRow("bool true") << QByteArray("v: true") << "bool"
                               << "true";
    QTest::newRow("bool False") << QByteArray("v: False") << "bool"
                                << "false";
    QTest::newRow("bool 1") << QByteArray("v: 1") << "bool"
                            << "true";
    QTest::newRow("bool bad") << QByteArray("v: yes") << "bool"
                              << "error:expected true or false, found 'yes'";
    QTest::newRow("string") << QByteArray("v: \"Convolution\"") << "string"
                            << "Convolution";
    QTest::newRow("identifier as string") << QByteArray("v: CONVOLUTION") << "string"
                                          << "CONVOLUTION";
    QTest::newRow("number as string") << QByteArray("v: 3") << "string"
                                      << "error:expected a string, found '3'";
}

void TestPrototxtParser::conversions()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, conversion);
    QFETCH(QString, expected);
    const PrototxtParseResult r = parsePrototxt("\n  " + text);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    const PrototxtValue v = *r.root.first(u"v");
    PrototxtError error;
    QString got;
    if (conversion == u"int") {
        if (auto x = v.toInt(&error))
            got = QString::number(*x);
    } else if (conversion == u"double") {
        if (auto x = v.toDouble(&error)) {
            got =
                std::isinf(*x) ? QString::fromLatin1(*x < 0 ? "-inf" : "inf") : QString::number(*x);
        }
    } else if (conversion == u"bool") {
        if (auto x = v.toBool(&error))
            got = QString::fromLatin1(*x ? "true" : "false");
    } else if (auto x = v.toString(&error)) {
        got = *x;
    }
    if (expected.startsWith(u"error:")) {
        QVERIFY(got.isEmpty());
        QCOMPARE(error.message, expected.mid(6));
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 6);
    } else {
        QVERIFY2(error.isEmpty(), qPrintable(error.toString()));
        QCOMPARE(got, expected);
    }
}

void TestPrototxtParser::messageHelpers()
{
    const PrototxtParseResult r = parsePrototxt(R"(
        layer { name: "a" num: 3 }
        layer { name: "b" num: 1.5 ratio: x }
        top: "t1" top: "t2"
        flag: true
    )");
    QVERIFY(r.ok());
    const PrototxtMessage &root = r.root;
    QVERIFY(root.has(u"layer"));
    QVERIFY(!root.has(u"bottom"));
    QCOMPARE(root.count(u"layer"), 2);
    QCOMPARE(root.values(u"top").size(), 2);
    QCOMPARE(root.values(u"top").at(1).text, QStringLiteral("t2"));
    QVERIFY(!root.first(u"bottom").has_value());
    QCOMPARE(root.message(u"layer").toString(u"name"), QStringLiteral("a"));
    QVERIFY(root.message(u"missing").fields.isEmpty());
    QVERIFY(root.message(u"top").fields.isEmpty());
    const QVector<PrototxtMessage> layers = root.messages(u"layer");
    QCOMPARE(layers.size(), 2);
    QCOMPARE(layers[1].toString(u"name"), QStringLiteral("b"));

    PrototxtError error;
    QCOMPARE(layers[0].toInt(u"num", -1, &error), 3);
    QCOMPARE(layers[0].toInt(u"absent", 17, &error), 17);
    QVERIFY(error.isEmpty());
    QCOMPARE(root.toBool(u"flag", false, &error), true);
    // The first failure is kept: a chain of lookups reports where it first went wrong.
    QCOMPARE(layers[1].toInt(u"num", -1, &error), -1);
    QCOMPARE(layers[1].toDouble(u"ratio", 0.5, &error), 0.5);
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 32);
    QCOMPARE(error.message, QStringLiteral("expected an integer, found '1.5'"));
}

void TestPrototxtParser::oldStyleDeploy()
{
    const PrototxtParseResult r = parsePrototxt(kLeNetDeploy);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(r.root.toString(u"name"), QStringLiteral("LeNet"));
    QCOMPARE(r.root.toString(u"input"), QStringLiteral("data"));
    QCOMPARE(ints(r.root.values(u"input_dim")), (QVector<qint64>{64, 1, 28, 28}));
    const QVector<PrototxtMessage> layers = r.root.messages(u"layer");
    QCOMPARE(layers.size(), 8);
    QCOMPARE(layers[0].toString(u"type"), QStringLiteral("Convolution"));
    QCOMPARE(layers[0].count(u"param"), 2);
    const PrototxtMessage conv = layers[0].message(u"convolution_param");
    QCOMPARE(conv.toInt(u"num_output", 0), 20);
    QCOMPARE(conv.toInt(u"kernel_size", 0), 5);
    QCOMPARE(conv.message(u"weight_filler").toString(u"type"), QStringLiteral("xavier"));
    QCOMPARE(layers[1].message(u"pooling_param").toString(u"pool"), QStringLiteral("MAX"));
    QCOMPARE(layers[1].message(u"pooling_param").first(u"pool")->kind,
             PrototxtValue::Kind::Identifier);
    QCOMPARE(layers[4].message(u"inner_product_param").toInt(u"num_output", 0), 500);
    QCOMPARE(layers[5].toString(u"bottom"), layers[5].toString(u"top"));
    QCOMPARE(layers[7].toString(u"type"), QStringLiteral("Softmax"));
    QCOMPARE(r.root.fields[6].line, 7); // first `layer`
}

void TestPrototxtParser::inputShapeDeploy()
{
    const PrototxtParseResult r = parsePrototxt(kInputShapeDeploy);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QCOMPARE(ints(r.root.message(u"input_shape").values(u"dim")),
             (QVector<qint64>{1, 3, 224, 224}));
    const QVector<PrototxtMessage> layers = r.root.messages(u"layer");
    QCOMPARE(layers.size(), 2);
    const PrototxtMessage conv = layers[0].message(u"convolution_param");
    QCOMPARE(conv.toInt(u"pad", 0), 3);
    QCOMPARE(conv.toBool(u"bias_term", true), false);
    QCOMPARE(layers[1].message(u"batch_norm_param").toBool(u"use_global_stats", false), true);
}

void TestPrototxtParser::inputLayer()
{
    const PrototxtParseResult r = parsePrototxt(kInputLayer);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    const QVector<PrototxtMessage> layers = r.root.messages(u"layer");
    QCOMPARE(layers.size(), 4);
    QCOMPARE(layers[0].toString(u"type"), QStringLiteral("Input"));
    const PrototxtMessage shape = layers[0].message(u"input_param").message(u"shape");
    QCOMPARE(ints(shape.values(u"dim")), (QVector<qint64>{1, 3, 224, 224}));
    const PrototxtMessage conv = layers[1].message(u"convolution_param");
    QCOMPARE(conv.toInt(u"group", 1), 32);
    QCOMPARE(conv.toString(u"engine"), QStringLiteral("CAFFE"));
    QCOMPARE(layers[2].message(u"relu_param").toDouble(u"negative_slope", 0), 0.1);
    QCOMPARE(layers[3].message(u"dropout_param").toDouble(u"dropout_ratio", 0), 0.5);
}

void TestPrototxtParser::inceptionFragment()
{
    const PrototxtParseResult r = parsePrototxt(kInception);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    const QVector<PrototxtMessage> layers = r.root.messages(u"layer");
    QCOMPARE(layers.size(), 5);
    QCOMPARE(layers[0].toString(u"bottom"), QStringLiteral("pool2/3x3_s2"));
    QCOMPARE(layers[0].message(u"convolution_param").message(u"bias_filler").toDouble(u"value", 0),
             0.2);
    QCOMPARE(layers[3].message(u"pooling_param").toInt(u"pad", 0), 1);
    const QVector<PrototxtValue> bottoms = layers[4].values(u"bottom");
    QCOMPARE(bottoms.size(), 4);
    QCOMPARE(bottoms[3].text, QStringLiteral("inception_3a/pool_proj"));
    QCOMPARE(layers[4].toString(u"type"), QStringLiteral("Concat"));
}

void TestPrototxtParser::legacyLayers()
{
    const PrototxtParseResult r = parsePrototxt(kLegacyLayers);
    QVERIFY2(r.ok(), qPrintable(r.error.toString()));
    QVERIFY(!r.root.has(u"layer"));
    const QVector<PrototxtMessage> layers = r.root.messages(u"layers");
    QCOMPARE(layers.size(), 4);
    const PrototxtValue type = *layers[0].first(u"type");
    QCOMPARE(type.kind, PrototxtValue::Kind::Identifier);
    QCOMPARE(type.text, QStringLiteral("CONVOLUTION"));
    QCOMPARE(layers[1].toString(u"type"), QStringLiteral("RELU"));
    QCOMPARE(ints(layers[0].values(u"blobs_lr")), (QVector<qint64>{1, 2}));
    QCOMPARE(layers[3].message(u"lrn_param").toDouble(u"alpha", 0), 0.0001);
    QCOMPARE(ints(r.root.values(u"input_dim")), (QVector<qint64>{10, 3, 227, 227}));
}

void TestPrototxtParser::everyPrefixParsesOrFails()
{
    const QByteArray text = (QByteArray(kLeNetDeploy) + kInception).left(2048);
    QCOMPARE(text.size(), 2048);
    const int lines = int(text.count('\n')) + 1;
    int failures = 0;
    for (qsizetype n = 0; n <= text.size(); ++n) {
        const PrototxtParseResult r = parsePrototxt(QByteArrayView(text).first(n));
        if (!r.ok()) {
            ++failures;
            QVERIFY(!r.error.message.isEmpty());
            QVERIFY2(r.error.line >= 1 && r.error.line <= lines, qPrintable(r.error.toString()));
            QVERIFY(r.error.column >= 1);
        }
    }
    // Most prefixes stop inside a layer; they must be reported, not silently accepted.
    QVERIFY(failures > text.size() / 2);
}

void TestPrototxtParser::randomBytesNeverCrash()
{
    QRandomGenerator rng(20240601);
    const QByteArray base = QByteArray(kInception) + kLegacyLayers + kInputLayer;
    const char alphabet[] = "{}<>[]:;,\"'\\#-.0123456789eExXabc \n\r\t\x80\xc3\xff";
    for (int round = 0; round < 3000; ++round) {
        QByteArray text = base;
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const int pos = int(rng.bounded(int(text.size())));
            const char c = alphabet[rng.bounded(int(sizeof(alphabet) - 1))];
            switch (rng.bounded(3)) {
            case 0:
                text[pos] = c;
                break;
            case 1:
                text.insert(pos, c);
                break;
            default:
                text.remove(pos, 1 + int(rng.bounded(5)));
                break;
            }
        }
        const PrototxtParseResult r = parsePrototxt(text);
        QVERIFY(r.ok() || (r.error.line >= 1 && r.error.column >= 1));
    }
    for (int round = 0; round < 500; ++round) {
        QByteArray noise(int(rng.bounded(4096)), Qt::Uninitialized);
        for (char &c : noise)
            c = char(rng.bounded(256));
        const PrototxtParseResult r = parsePrototxt(noise);
        QVERIFY(r.ok() || (r.error.line >= 1 && r.error.column >= 1));
    }
}

QTEST_GUILESS_MAIN(TestPrototxtParser)
#include "tst_PrototxtParser.moc"
