#include "CostTableDelegate.h"

#include "CostTableModel.h"

#include <QApplication>
#include <QPainter>

namespace naqsh {

CostTableDelegate::CostTableDelegate(int shareColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_shareColumn(shareColumn)
{
}

QSize CostTableDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize s = QStyledItemDelegate::sizeHint(option, index);
    if (index.column() == m_shareColumn)
        s.setWidth(s.width() + option.fontMetrics.horizontalAdvance(QLatin1Char('0')) * 8);
    return s;
}

void CostTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const bool totals = index.data(CostTableModel::TotalsRole).toBool();
    if (index.column() != m_shareColumn || totals) {
        // Rows are selected whole: a focus frame around one cell is only noise.
        QStyleOptionViewItem plain = option;
        plain.state &= ~QStyle::State_HasFocus;
        QStyledItemDelegate::paint(painter, plain, index);
        if (totals) {
            painter->save();
            QColor rule = option.palette.color(QPalette::Text);
            rule.setAlphaF(0.35f);
            painter->setPen(QPen(rule, 1));
            painter->drawLine(option.rect.topLeft(), option.rect.topRight());
            painter->restore();
        }
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.state &= ~QStyle::State_HasFocus;
    const QString text = opt.text;
    opt.text.clear();
    QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const double share = qBound(0.0, index.data(CostTableModel::SortRole).toDouble(), 1.0);
    const int margin = opt.fontMetrics.height() / 4;
    const int textWidth = opt.fontMetrics.horizontalAdvance(QStringLiteral("100.0%")) + margin;
    const QRect cell = opt.rect.adjusted(margin, margin + 1, -margin, -margin - 1);
    QRect track(cell.left(), cell.top(), qMax(0, cell.width() - textWidth - margin), cell.height());
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor ink =
        opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Highlight);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (track.width() > 4) {
        QColor trackColor = ink;
        trackColor.setAlphaF(0.12f);
        const QRect visualTrack = QStyle::visualRect(opt.direction, opt.rect, track);
        painter->setPen(Qt::NoPen);
        painter->setBrush(trackColor);
        painter->drawRoundedRect(visualTrack, 2, 2);
        if (share > 0) {
            QRect bar = track;
            bar.setWidth(qMax(2, int(track.width() * share + 0.5)));
            QColor barColor = ink;
            barColor.setAlphaF(selected ? 0.8f : 0.65f);
            painter->setBrush(barColor);
            painter->drawRoundedRect(QStyle::visualRect(opt.direction, opt.rect, bar), 2, 2);
        }
    }
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(opt.font);
    const QRect textRect = QStyle::visualRect(
        opt.direction, opt.rect,
        QRect(cell.right() - textWidth + 1, opt.rect.top(), textWidth, opt.rect.height()));
    painter->drawText(textRect,
                      Qt::AlignVCenter |
                          (opt.direction == Qt::RightToLeft ? Qt::AlignLeft : Qt::AlignRight),
                      text);
    painter->restore();
}

} // namespace naqsh
