#pragma once

#include <QDate>
#include <QWidget>

class QCalendarWidget;
class QLineEdit;
class QMenu;
class QToolButton;

namespace rs {

// One end of the 申请日期 range: empty means no limit. The clerk types a date (2025-03-01,
// 2025/3/1 or 20250301) or picks one from a calendar that opens at the date shown, or at today.
// Text that is no date is marked and changes nothing.
class DateField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DateField)

public:
    explicit DateField(QWidget *parent = nullptr);

    QDate date() const { return m_date; } // invalid: no limit
    void setDate(const QDate &date);
    QLineEdit *lineEdit() const { return m_edit; }
    // The calendar page the picker opens at: the date shown, else today (Beijing's).
    QDate calendarStart() const;
    static QDate today();
    // "2025-03-01", "2025/3/1", "2025.3.1" or "20250301"; invalid when it is none of them.
    static QDate parse(const QString &text);

Q_SIGNALS:
    void dateChanged(const QDate &date);

protected:
    void changeEvent(QEvent *event) override;

private:
    void commitText();
    void openCalendar();
    void retranslateUi();

    QLineEdit *m_edit = nullptr;
    QToolButton *m_pick = nullptr;
    QMenu *m_popup = nullptr;
    QCalendarWidget *m_calendar = nullptr;
    QDate m_date;
};

} // namespace rs
