#pragma once

#include "Convention.h"
#include "TensorShape.h"

#include <QLocale>
#include <QString>

namespace naqsh {

/// The one place numbers become text: digits and separators of the chosen locale (Persian
/// digits ۱۲۰٬۴۲۲٬۴۰۰ in Persian), or Latin digits on request. Every view, export and the CLI
/// format through this.
class NumberFormat
{
public:
    /// @p locale decides digits and separators unless @p latinDigits forces 0-9 with commas.
    explicit NumberFormat(const QLocale &locale = QLocale::c(), bool latinDigits = false);

    /// Plain machine form: no grouping, Latin digits ("120422400").
    static QString machine(qint64 v) { return QString::number(v); }

    QString integer(qint64 v) const;            ///< grouped: 120,422,400
    QString real(double v, int decimals) const; ///< 9.68
    QString ratio(double v) const;              ///< "9.68×"
    QString percent(double fraction) const;     ///< 12.3%
    QString compact(qint64 v) const;            ///< 120.4 M, 15.9 K
    QString bytes(qint64 v) const;              ///< 100,352 B / 98.0 KiB
    /// A shape such as 1×192×28×28; digits localised but the order always left to right
    /// (wrapped in LRI…PDI isolates so that right-to-left text never reverses it).
    QString shape(const TensorShape &s, bool isolate = false) const;
    QString
    digits(const QString &latin) const; ///< maps 0-9 in free text (formulas) to locale digits

    const QLocale &locale() const { return m_locale; }
    bool latinDigits() const { return m_latin; }

private:
    QLocale m_locale;
    bool m_latin;
};

} // namespace naqsh
