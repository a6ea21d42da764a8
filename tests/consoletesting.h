#pragma once

#include "models/applicationsmodel.h"

#include <QAbstractItemView>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>

namespace rs::testing {

// Where the check box of a cell is drawn, as the delegate computes it when it handles a click.
inline QPoint checkBoxCentre(QAbstractItemView &view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view.viewport());
    option.rect = view.visualRect(index);
    option.features |= QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    option.checkState = index.data(Qt::CheckStateRole).value<Qt::CheckState>();
    option.state |= QStyle::State_Enabled;
    return view.style()
        ->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, &view)
        .center();
}

inline void clickCheckBox(QAbstractItemView &view, int row,
                          Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    const QModelIndex index = view.model()->index(row, ApplicationsModel::BusinessIdColumn);
    view.scrollTo(index);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, modifiers, checkBoxCentre(view, index));
}

} // namespace rs::testing
