#include "NumberSpinBox.h"

#include <QEvent>
#include <QLineEdit>
#include <QStyle>
#include <QStyleOptionSpinBox>
#include <QWheelEvent>
#include <cmath>

namespace naqsh {

namespace {

constexpr int kMaxTextLength = 24;
constexpr double kMaxExact = 9007199254740992.0; // 2^53

} // namespace

NumberSpinBox::NumberSpinBox(QWidget *parent)
    : QAbstractSpinBox(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setKeyboardTracking(false);
    setAccelerated(true);
    lineEdit()->setMaxLength(kMaxTextLength);
    connect(this, &QAbstractSpinBox::editingFinished, this, &NumberSpinBox::commitText);
    lineEdit()->setText(textFromValue(m_value));
}

void NumberSpinBox::setIntegerMode(bool integer)
{
    m_integer = integer;
    lineEdit()->setText(textFromValue(m_value));
    updateGeometry();
}

void NumberSpinBox::setRange(double minimum, double maximum)
{
    m_min = minimum;
    m_max = qMax(minimum, maximum);
    updateGeometry();
}

void NumberSpinBox::setValue(double value)
{
    m_value = value;
    const QString text = textFromValue(value);
    if (lineEdit()->text() != text)
        lineEdit()->setText(text);
}

void NumberSpinBox::showNoValue()
{
    lineEdit()->setText(QStringLiteral("—"));
}

QString NumberSpinBox::textFromValue(double value) const
{
    QLocale l = locale();
    l.setNumberOptions(QLocale::OmitGroupSeparator);
    if (m_integer)
        return l.toString(qint64(std::llround(value)));
    return l.toString(value, 'g', QLocale::FloatingPointShortest);
}

bool NumberSpinBox::valueFromText(const QString &text, double *value) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return false;
    bool ok = false;
    double v = 0;
    for (const QLocale &l : {locale(), QLocale::c()}) {
        if (m_integer) {
            const qint64 i = l.toLongLong(t, &ok);
            v = double(i);
        } else {
            v = l.toDouble(t, &ok);
        }
        if (ok)
            break;
    }
    if (!ok || !std::isfinite(v) || std::abs(v) > kMaxExact)
        return false;
    *value = v;
    return true;
}

QValidator::State NumberSpinBox::validate(QString &input, int &) const
{
    double v = 0;
    if (valueFromText(input, &v))
        return QValidator::Acceptable;
    // Allow what can still become a number: signs, digits, a decimal point, an exponent.
    const QLocale l = locale();
    for (const QChar c : input) {
        const bool digit = c.isDigit();
        const bool sign = c == QLatin1Char('-') || c == QLatin1Char('+') ||
                          l.negativeSign().contains(c) || l.positiveSign().contains(c);
        const bool real = !m_integer && (c == QLatin1Char('.') || l.decimalPoint().contains(c) ||
                                         c == QLatin1Char('e') || c == QLatin1Char('E') ||
                                         l.exponential().contains(c, Qt::CaseInsensitive));
        if (!digit && !sign && !real && !c.isSpace())
            return QValidator::Invalid;
    }
    return QValidator::Intermediate;
}

void NumberSpinBox::fixup(QString &input) const
{
    double v = 0;
    if (!valueFromText(input, &v))
        input = textFromValue(m_value);
}

void NumberSpinBox::commitText()
{
    double v = 0;
    if (!valueFromText(lineEdit()->text(), &v)) {
        lineEdit()->setText(textFromValue(m_value));
        return;
    }
    if (m_integer)
        v = std::round(v);
    if (v != m_value)
        setValueAndEmit(v);
    else
        setValue(v); // normalise the text ("007" -> "7")
}

void NumberSpinBox::setValueAndEmit(double value)
{
    setValue(value);
    emit valueCommitted(value);
}

double NumberSpinBox::stepFor(double value) const
{
    if (m_integer)
        return 1;
    const double a = std::abs(value);
    if (a < 1e-12)
        return 0.1;
    return std::pow(10.0, std::floor(std::log10(a)) - 1.0);
}

void NumberSpinBox::stepBy(int steps)
{
    double base = m_value;
    double typed = 0;
    if (valueFromText(lineEdit()->text(), &typed))
        base = typed;
    const double step = stepFor(base);
    double next = base + steps * step;
    if (!m_integer)
        next = std::round(next / step) * step;
    next = qBound(m_min, next, m_max);
    if (m_integer)
        next = std::round(next);
    if (next != m_value)
        setValueAndEmit(next);
    else
        setValue(next);
    selectAll();
}

QAbstractSpinBox::StepEnabled NumberSpinBox::stepEnabled() const
{
    if (isReadOnly())
        return StepNone;
    StepEnabled e = StepNone;
    if (m_value < m_max)
        e |= StepUpEnabled;
    if (m_value > m_min)
        e |= StepDownEnabled;
    return e;
}

void NumberSpinBox::wheelEvent(QWheelEvent *event)
{
    // Scrolling the inspector must not change values under the pointer.
    if (!hasFocus()) {
        event->ignore();
        return;
    }
    QAbstractSpinBox::wheelEvent(event);
}

void NumberSpinBox::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LocaleChange) {
        lineEdit()->setText(textFromValue(m_value));
        updateGeometry();
    }
    QAbstractSpinBox::changeEvent(event);
}

QSize NumberSpinBox::sizeHint() const
{
    ensurePolished();
    const QFontMetrics fm(fontMetrics());
    // The same width for every parameter, so that a form's fields line up: room for six digits
    // or a short real such as 0.00125; longer values scroll.
    const QString sample = textFromValue(m_integer ? 999999.0 : 0.00125);
    const int w = fm.horizontalAdvance(sample) + 6;
    const int h = lineEdit()->sizeHint().height();
    QStyleOptionSpinBox opt;
    initStyleOption(&opt);
    return style()->sizeFromContents(QStyle::CT_SpinBox, &opt, QSize(w, h), this);
}

QSize NumberSpinBox::minimumSizeHint() const
{
    return sizeHint();
}

} // namespace naqsh
