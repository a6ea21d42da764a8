#include "ui/applications/datefield.h"

#include <QCalendarWidget>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QStyle>
#include <QToolButton>
#include <QWidgetAction>

namespace rs {
namespace {

const QString kFormat = QStringLiteral("yyyy-MM-dd");

} // namespace

DateField::DateField(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_pick(new QToolButton(this))
    , m_popup(new QMenu(this))
    , m_calendar(new QCalendarWidget(m_popup))
{
    m_edit->setClearButtonEnabled(true);
    // Wide enough for "2026-12-31" and the clear button, in any font.
    m_edit->setMinimumWidth(m_edit->fontMetrics().horizontalAdvance(QStringLiteral("2026-12-31"))
                            + 36);
    m_pick->setIcon(style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    m_pick->setAutoRaise(true);
    m_calendar->setGridVisible(true);
    auto *holder = new QWidgetAction(m_popup);
    holder->setDefaultWidget(m_calendar);
    m_popup->addAction(holder);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_edit);
    layout->addWidget(m_pick);
    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::editingFinished, this, &DateField::commitText);
    // The clear button empties the field at once: no limit, without another keystroke.
    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            commitText();
    });
    connect(m_pick, &QToolButton::clicked, this, &DateField::openCalendar);
    connect(m_calendar, &QCalendarWidget::clicked, this, [this](const QDate &date) {
        m_popup->close();
        setDate(date);
    });
    retranslateUi();
}

QDate DateField::today()
{
    // 申请日期 are Beijing calendar days, wherever the console runs.
    return QDateTime::currentDateTimeUtc().addSecs(8 * 3600).date();
}

QDate DateField::parse(const QString &text)
{
    static const QRegularExpression separated(QStringLiteral(
        "^\\s*(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?\\s*$"));
    static const QRegularExpression compact(QStringLiteral("^\\s*(\\d{4})(\\d{2})(\\d{2})\\s*$"));
    QRegularExpressionMatch match = separated.match(text);
    if (!match.hasMatch())
        match = compact.match(text);
    if (!match.hasMatch())
        return {};
    return QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
}

QDate DateField::calendarStart() const
{
    return m_date.isValid() ? m_date : today();
}

void DateField::setDate(const QDate &date)
{
    const QDate kept = date.isValid() ? date : QDate();
    const bool changed = kept != m_date;
    m_date = kept; // first: emptying the text below comes back here and finds nothing to do
    m_edit->setText(kept.isValid() ? kept.toString(kFormat) : QString());
    m_edit->setStyleSheet(QString());
    m_edit->setToolTip(QString());
    if (changed)
        Q_EMIT dateChanged(m_date);
}

void DateField::commitText()
{
    const QString text = m_edit->text().trimmed();
    if (text.isEmpty()) {
        setDate({});
        return;
    }
    const QDate typed = parse(text);
    if (!typed.isValid()) {
        // Marked, and the filter stays as it was: nothing changes on a typo.
        m_edit->setStyleSheet(QStringLiteral("color: #b00020;"));
        m_edit->setToolTip(tr("Not a date: type it as 2025-03-01"));
        return;
    }
    setDate(typed);
}

void DateField::openCalendar()
{
    const QDate start = calendarStart();
    m_calendar->setSelectedDate(start);
    m_calendar->setCurrentPage(start.year(), start.month());
    m_popup->popup(m_pick->mapToGlobal(QPoint(0, m_pick->height())));
}

void DateField::retranslateUi()
{
    m_edit->setPlaceholderText(tr("any", "no limit on this end of the date range"));
    m_pick->setToolTip(tr("Pick a date from the calendar"));
}

void DateField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
