#pragma once

#include <QSortFilterProxyModel>

namespace naqsh {

/// Sorts a CostTableModel by its SortRole (numbers as numbers, names with a locale-aware
/// compare, cells without a number below every number, ties in data-flow order) and keeps the
/// totals row last in both sort orders. Without a sort column it shows the data-flow order.
class CostTableProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit CostTableProxyModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace naqsh
