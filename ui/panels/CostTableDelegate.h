#pragma once

#include <QStyledItemDelegate>

namespace naqsh {

/// Paints cost table cells: the share column as a small inline bar (length = share of the
/// model's FLOPs, from CostTableModel::SortRole) behind its percentage, and a rule above the
/// totals row. Other cells paint as usual.
class CostTableDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit CostTableDelegate(int shareColumn, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_shareColumn;
};

} // namespace naqsh
