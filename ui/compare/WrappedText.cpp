#include "WrappedText.h"

#include <QFontMetrics>
#include <QRegularExpression>

namespace naqsh {

namespace {
constexpr int kFlags = Qt::AlignCenter | Qt::TextWordWrap;
} // namespace

WrappedText::WrappedText(QCustomPlot *plot, const QFont &font)
    : QCPTextElement(plot, QString(), font)
{
    setTextFlags(kFlags);
    setProperty("wrapsText", true);
}

int WrappedText::widestWord(const QFont &font, const QString &text)
{
    const QFontMetrics metrics(font);
    int widest = 0;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    for (const QString &word : text.split(space, Qt::SkipEmptyParts))
        widest = qMax(widest, metrics.horizontalAdvance(word));
    return widest;
}

QSize WrappedText::neededSize(const QFont &font, const QString &text, int width)
{
    const QFontMetrics metrics(font);
    const int w = qMax(width, widestWord(font, text));
    const QRect r = metrics.boundingRect(QRect(0, 0, w, 100000), kFlags, text);
    return {qMax(r.width(), widestWord(font, text)), r.height()};
}

int WrappedText::textHeight() const
{
    // Before the first layout the cell's width is unknown: one line per word is too tall, one
    // line is the usual answer.
    const int width = mRect.width() > 0 ? mRect.width() : QWIDGETSIZE_MAX / 2;
    return neededSize(mFont, mText, width).height();
}

QSize WrappedText::minimumOuterSizeHint() const
{
    return {widestWord(mFont, mText) + mMargins.left() + mMargins.right(),
            textHeight() + mMargins.top() + mMargins.bottom()};
}

QSize WrappedText::maximumOuterSizeHint() const
{
    return {QWIDGETSIZE_MAX, textHeight() + mMargins.top() + mMargins.bottom()};
}

void WrappedText::draw(QCPPainter *painter)
{
    painter->setFont(mSelected ? mSelectedFont : mFont);
    painter->setPen(QPen(mSelected ? mSelectedTextColor : mTextColor));
    painter->drawText(mRect, kFlags, mText, &mTextBoundingRect);
    // The layout asked for the lines of the previous width: ask again with this one.
    // Once per width: a plot too short for every line would otherwise replot forever.
    if (textHeight() > mRect.height() && mParentPlot && m_replotWidth != mRect.width()) {
        m_replotWidth = mRect.width();
        mParentPlot->replot(QCustomPlot::rpQueuedReplot);
    }
}

} // namespace naqsh
