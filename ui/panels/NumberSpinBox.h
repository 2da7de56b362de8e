#pragma once

#include <QAbstractSpinBox>

namespace naqsh {

/// A spin box for the inspector's Int and Real parameters. Integers are exact up to 2^53
/// (parameter values live in doubles), beyond QSpinBox's int range. The range governs the
/// arrows, wheel and Page keys only: typing may enter any number, so that the inspector can say
/// why a value is refused instead of silently swallowing the keystroke. Digits follow the
/// widget's locale (Latin digits are accepted too). Reals are shown in their shortest exact
/// form and step by a tenth of their order of magnitude.
///
/// valueCommitted fires for user changes only: a step, or Enter / leaving the field after
/// typing a different value. setValue never emits it, so programmatic refreshes cannot echo
/// back as edits.
class NumberSpinBox : public QAbstractSpinBox
{
    Q_OBJECT
public:
    explicit NumberSpinBox(QWidget *parent = nullptr);

    void setIntegerMode(bool integer);
    bool isIntegerMode() const { return m_integer; }
    void setRange(double minimum, double maximum);
    double minimum() const { return m_min; }
    double maximum() const { return m_max; }

    double value() const { return m_value; }
    /// Shows @p value; does not emit valueCommitted.
    void setValue(double value);
    /// Shows a dash instead of a number (a derived value not known yet) until the next setValue.
    void showNoValue();

    QString textFromValue(double value) const;
    /// Parses @p text in the widget's locale or with Latin digits.
    bool valueFromText(const QString &text, double *value) const;

    void stepBy(int steps) override;
    QValidator::State validate(QString &input, int &pos) const override;
    void fixup(QString &input) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void valueCommitted(double value);

protected:
    StepEnabled stepEnabled() const override;
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void commitText();
    void setValueAndEmit(double value);
    double stepFor(double value) const;

    double m_value = 0;
    double m_min = 0;
    double m_max = 99;
    bool m_integer = true;
};

} // namespace naqsh
