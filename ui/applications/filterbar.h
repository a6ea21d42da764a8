#pragma once

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace rs {

class ApplicationsFilterModel;

// The row above the applications table: state, date range on 申请日期 and a search box, applied
// to the filter model as the clerk types (the search waits for a short pause).
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(ApplicationsFilterModel &filter, QWidget *parent = nullptr);

    // Shows every application, whatever its state: used when the clerk jumps to one.
    void showAllStates();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyDates();

    ApplicationsFilterModel &m_filter;
    QLabel *m_stateLabel = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QLineEdit *m_search = nullptr;
};

} // namespace rs
