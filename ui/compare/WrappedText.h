#pragma once

#include <qcustomplot.h>

namespace naqsh {

/// A chart title that wraps at spaces to the width its layout cell gets, instead of running
/// past it (a Persian title in a third of a 1024-pixel window): it asks the layout for the
/// widest word only, and for as many lines as the width it was given last needs. When the
/// width changes, it asks for one more replot with the right height. The GUI probe reads the
/// dynamic property "wrapsText" to measure it wrapped.
class WrappedText : public QCPTextElement
{
    Q_OBJECT
public:
    WrappedText(QCustomPlot *plot, const QFont &font);

    /// The size @p text needs in @p font at @p width (0: the width of its widest word), with
    /// the flags a wrapped title is drawn with.
    static QSize neededSize(const QFont &font, const QString &text, int width);
    /// The width of the widest word of @p text in @p font.
    static int widestWord(const QFont &font, const QString &text);

protected:
    void draw(QCPPainter *painter) override;
    QSize minimumOuterSizeHint() const override;
    QSize maximumOuterSizeHint() const override;

private:
    int textHeight() const;

    int m_replotWidth = -1; ///< the width a replot was last asked for
};

} // namespace naqsh
