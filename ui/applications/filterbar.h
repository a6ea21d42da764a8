#pragma once

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace rs {

class ApplicationsFilterModel;
class DateField;

// The row above the applications table: state, date range on 申请日期 and a search box, applied
// to the filter model as the clerk types (the search waits for a short pause).
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    explicit FilterBar(ApplicationsFilterModel &filter, QWidget *parent = nullptr);

    // Shows every application, whatever its state: used when the clerk jumps to one. False
    // when it already did.
    bool showAllStates();
    // No date limit / no search; false when there was none. For a jump to a hidden row.
    bool clearDates();
    bool clearSearch();
    // The presets beside the dates.
    enum class Period { ThisMonth, LastMonth, Last90Days, Any };
    void setPeriod(Period period);
    // Ctrl+F: into the search box, its text selected.
    void focusSearch();

Q_SIGNALS:
    // The state, a date or the search changed (by the clerk or by one of the calls above).
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void applyDates();

    ApplicationsFilterModel &m_filter;
    QLabel *m_stateLabel = nullptr;
    QComboBox *m_state = nullptr;
    QLabel *m_fromLabel = nullptr;
    DateField *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    DateField *m_to = nullptr;
    QToolButton *m_periods = nullptr;
    QAction *m_thisMonth = nullptr;
    QAction *m_lastMonth = nullptr;
    QAction *m_last90Days = nullptr;
    QAction *m_anyDate = nullptr;
    QLineEdit *m_search = nullptr;
    QTimer *m_searchDelay = nullptr;
};

} // namespace rs
