// Chart texts that fit their room (issue 13): the grouped-bar chart of the lesson at the widths
// a 1024×768 and a 1366×768 screen give it, and in presentation type, measured with the GUI
// probe's own geometry (every title in its layout cell, tick labels in their axis rectangle's
// cell, value labels in the plot, no two of them overlapping).
#include "DisplayContext.h"
#include "Document.h"
#include "compare/ChartsPanel.h"
#include "layers/LayerRegistry.h"
#include "probe/GuiProbe.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTabWidget>
#include <QtTest>
#include <qcustomplot.h>

#include <memory>

using namespace naqsh;

namespace {

QRect rectOf(const QJsonValue &v)
{
    const QJsonArray a = v.toArray();
    return QRect(a[0].toInt(), a[1].toInt(), a[2].toInt(), a[3].toInt());
}

/// What a person would see wrong: a text outside its room, or two texts on top of each other.
QStringList problems(const QCustomPlot *plot, int *checked = nullptr)
{
    QStringList out;
    const QJsonArray texts = GuiProbe::chartTexts(plot);
    if (checked)
        *checked = int(texts.size());
    for (const QJsonValue &v : texts) {
        const QJsonObject t = v.toObject();
        const QRect box = rectOf(t[QStringLiteral("box")]);
        if (!rectOf(t[QStringLiteral("room")]).adjusted(-1, -1, 1, 1).contains(box))
            out << QStringLiteral("%1 '%2' %3×%4 outside its room")
                       .arg(t[QStringLiteral("what")].toString(),
                            t[QStringLiteral("text")].toString())
                       .arg(box.width())
                       .arg(box.height());
    }
    for (int i = 0; i < texts.size(); ++i) {
        for (int j = i + 1; j < texts.size(); ++j) {
            const QJsonObject a = texts[i].toObject(), b = texts[j].toObject();
            const QString wa = a[QStringLiteral("what")].toString();
            const QString wb = b[QStringLiteral("what")].toString();
            if (wa == QLatin1String("legend") || wb == QLatin1String("legend") ||
                (wa == QLatin1String("title") && wb == QLatin1String("title")))
                continue;
            if (rectOf(a[QStringLiteral("box")])
                    .adjusted(1, 1, -1, -1)
                    .intersects(rectOf(b[QStringLiteral("box")])))
                out << QStringLiteral("%1 '%2' overlaps %3 '%4'")
                           .arg(wa, a[QStringLiteral("text")].toString(), wb,
                                b[QStringLiteral("text")].toString());
        }
    }
    return out;
}

} // namespace

class tst_ChartFit : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void probeSeesAnOverflowingTitle();
    void barsFit_data();
    void barsFit();

private:
    std::unique_ptr<Document> m_doc;
    std::unique_ptr<DisplayContext> m_display;
    std::unique_ptr<ChartsPanel> m_charts;
};

void tst_ChartFit::init()
{
    m_doc = std::make_unique<Document>(LayerRegistry::builtin());
    QString error;
    QVERIFY2(
        m_doc->load(QStringLiteral(NAQSH_SOURCE_DIR "/resources/examples/lesson.naqsh"), &error),
        qPrintable(error));
    m_display = std::make_unique<DisplayContext>();
    m_charts = std::make_unique<ChartsPanel>(m_doc.get(), m_display.get());
}

void tst_ChartFit::cleanup()
{
    m_charts.reset();
    m_display.reset();
    m_doc.reset();
}

void tst_ChartFit::probeSeesAnOverflowingTitle()
{
    // The check can fail: a plain title longer than its plot is reported.
    QCustomPlot plot;
    plot.resize(160, 200);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(
        0, 0, new QCPTextElement(&plot, QStringLiteral("Activation memory (fp32) of the model")));
    plot.replot();
    const QStringList found = problems(&plot);
    QVERIFY2(!found.isEmpty(), "a 160 px plot with a long one-line title was not reported");
    QVERIFY2(found.first().startsWith(QLatin1String("title")), qPrintable(found.join('\n')));
}

void tst_ChartFit::barsFit_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("presenting");
    // The charts dock's widths on a 1024×768 and a 1366×768 screen, a wide one, presentation.
    QTest::newRow("narrow") << QSize(310, 330) << false;
    QTest::newRow("1024x768") << QSize(330, 330) << false;
    QTest::newRow("1366x768") << QSize(447, 346) << false;
    QTest::newRow("wide") << QSize(900, 420) << false;
    QTest::newRow("presentation") << QSize(770, 330) << true;
    // Beside the canvas on a 1366×768 projector: two fifths of the width, the cards above.
    QTest::newRow("presentation column") << QSize(546, 420) << true;
}

void tst_ChartFit::barsFit()
{
    QFETCH(QSize, size);
    QFETCH(bool, presenting);
    if (presenting) {
        QFont big = m_charts->font();
        big.setPointSizeF(20);
        m_charts->setFont(big);
        m_charts->setPresenting(true);
    }
    // As in its dock, the panel takes the width it is given (the sweep's controls would ask
    // for more on their own).
    m_charts->setMinimumSize(1, 1);
    m_charts->resize(size);
    m_charts->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_charts.get()));
    m_charts->refresh();
    QCustomPlot *plot = m_charts->barsPlot();
    // The layout settles in a few replots (titles wrap, ticks and ranges follow the pixels).
    QStringList found;
    int checked = 0;
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(50);
        found = problems(plot, &checked);
        if (found.isEmpty() && i >= 4)
            break;
    }
    QVERIFY2(found.isEmpty(), qPrintable(found.join('\n')));
    QVERIFY2(plot->width() <= size.width(), qPrintable(QString::number(plot->width())));
    // Titles, ratios, ticks and (at least where there is room) values were all measured.
    QVERIFY2(checked >= (presenting ? 5 : 12), qPrintable(QString::number(checked)));
    // A title longer than its column is drawn on several lines, not on one running out of it.
    int wrapped = 0;
    for (QCPLayoutElement *e : plot->plotLayout()->elements(true)) {
        auto *t = qobject_cast<QCPTextElement *>(e);
        if (!t || !t->layout() || t->text().trimmed().isEmpty())
            continue;
        const QFontMetrics m(t->font());
        if (m.horizontalAdvance(t->text()) > t->rect().width()) {
            QVERIFY2(t->rect().height() >= 2 * m.height() - 1, qPrintable(t->text()));
            ++wrapped;
        }
    }
    if (size.width() < 340)
        QVERIFY2(wrapped > 0, "no title is longer than its column: the case tests nothing");
}

QTEST_MAIN(tst_ChartFit)
#include "tst_ChartFit.moc"
