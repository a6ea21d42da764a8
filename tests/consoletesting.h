#pragma once

#include "models/applicationsmodel.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QStyle>
#include <QStyleOptionViewItem>
#include <QTest>
#include <QTimer>

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

// Answers the next modal question (同步所选's 同步 / 取消) as soon as it shows, as a clerk would;
// its text and details land in `*said` when given.
inline void answerNextQuestion(bool accept, QString *said = nullptr)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, accept, said] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        poll->stop();
        poll->deleteLater();
        if (said)
            *said = box->text() + QLatin1Char('\n') + box->detailedText();
        for (QAbstractButton *button : box->buttons()) {
            const QMessageBox::ButtonRole role = box->buttonRole(button);
            if ((accept && role == QMessageBox::AcceptRole)
                || (!accept && role == QMessageBox::RejectRole)) {
                button->click();
                return;
            }
        }
    });
    poll->start();
}

} // namespace rs::testing
