#include "CostTableProxyModel.h"

#include "CostTableModel.h"

namespace naqsh {

CostTableProxyModel::CostTableProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CostTableModel::SortRole);
    setDynamicSortFilter(true);
}

bool CostTableProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Descending sorts call lessThan(right, left); answering by the order keeps totals last
    // either way.
    const bool leftTotals = left.data(CostTableModel::TotalsRole).toBool();
    const bool rightTotals = right.data(CostTableModel::TotalsRole).toBool();
    if (leftTotals || rightTotals) {
        if (leftTotals == rightTotals)
            return false;
        return leftTotals ? sortOrder() == Qt::DescendingOrder : sortOrder() == Qt::AscendingOrder;
    }
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (!a.isValid() || !b.isValid()) {
        if (a.isValid() != b.isValid())
            return !a.isValid();
        return left.row() < right.row();
    }
    if (a.typeId() == QMetaType::QString || b.typeId() == QMetaType::QString) {
        const int c = QString::localeAwareCompare(a.toString(), b.toString());
        return c != 0 ? c < 0 : left.row() < right.row();
    }
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    return left.row() < right.row();
}

} // namespace naqsh
