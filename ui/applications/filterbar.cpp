#include "ui/applications/filterbar.h"

#include "models/applicationsfiltermodel.h"
#include "ui/applications/datefield.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

namespace rs {
namespace {

using StateFilter = ApplicationsFilterModel::StateFilter;

DateField *dateField(const QString &objectName, QWidget *parent)
{
    auto *field = new DateField(parent);
    field->setObjectName(objectName);
    return field;
}

} // namespace

FilterBar::FilterBar(ApplicationsFilterModel &filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_from(dateField(QStringLiteral("fromDateEdit"), this))
    , m_toLabel(new QLabel(this))
    , m_to(dateField(QStringLiteral("toDateEdit"), this))
    , m_periods(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_searchDelay(new QTimer(this))
{
    m_state->setObjectName(QStringLiteral("stateFilterCombo"));
    for (const StateFilter state : {StateFilter::Pending, StateFilter::Synced, StateFilter::Failed,
                                    StateFilter::InDoubt, StateFilter::All})
        m_state->addItem(QString(), int(state));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
    m_stateLabel->setBuddy(m_state);
    m_fromLabel->setBuddy(m_from->lineEdit());
    m_periods->setObjectName(QStringLiteral("periodButton"));
    m_periods->setPopupMode(QToolButton::InstantPopup);
    auto *periods = new QMenu(m_periods);
    const auto addPeriod = [this, periods](Period period, const char *objectName) {
        QAction *action = periods->addAction(QString());
        action->setObjectName(QLatin1String(objectName));
        connect(action, &QAction::triggered, this, [this, period] { setPeriod(period); });
        return action;
    };
    m_thisMonth = addPeriod(Period::ThisMonth, "thisMonthAction");
    m_lastMonth = addPeriod(Period::LastMonth, "lastMonthAction");
    m_last90Days = addPeriod(Period::Last90Days, "last90DaysAction");
    periods->addSeparator();
    m_anyDate = addPeriod(Period::Any, "anyDateAction");
    m_periods->setMenu(periods);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
    layout->addWidget(m_periods);
    layout->addSpacing(12);
    layout->addWidget(m_search, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_filter.setStateFilter(static_cast<StateFilter>(m_state->currentData().toInt()));
        Q_EMIT changed();
    });
    connect(m_from, &DateField::dateChanged, this, &FilterBar::applyDates);
    connect(m_to, &DateField::dateChanged, this, &FilterBar::applyDates);
    // Filtering 100,000 rows per keystroke would make typing stutter: wait for a pause.
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    const auto applySearch = [this] {
        m_searchDelay->stop();
        m_filter.setSearchText(m_search->text());
        Q_EMIT changed();
    };
    connect(m_searchDelay, &QTimer::timeout, this, applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, applySearch);
    retranslateUi();
}

bool FilterBar::showAllStates()
{
    const int all = m_state->findData(int(StateFilter::All));
    if (m_state->currentIndex() == all)
        return false;
    m_state->setCurrentIndex(all);
    return true;
}

bool FilterBar::clearDates()
{
    if (!m_from->date().isValid() && !m_to->date().isValid())
        return false;
    setPeriod(Period::Any);
    return true;
}

bool FilterBar::clearSearch()
{
    if (m_search->text().isEmpty())
        return false;
    m_search->clear();
    // At once, not after the typing pause: the caller looks for the row next.
    m_searchDelay->stop();
    m_filter.setSearchText(QString());
    Q_EMIT changed();
    return true;
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::applyDates()
{
    m_filter.setDateRange(m_from->date(), m_to->date());
    Q_EMIT changed();
}

void FilterBar::setPeriod(Period period)
{
    const QDate today = DateField::today();
    const QDate monthStart(today.year(), today.month(), 1);
    QDate from;
    QDate to;
    switch (period) {
    case Period::ThisMonth:
        from = monthStart;
        to = monthStart.addMonths(1).addDays(-1);
        break;
    case Period::LastMonth:
        from = monthStart.addMonths(-1);
        to = monthStart.addDays(-1);
        break;
    case Period::Last90Days:
        from = today.addDays(-89); // today and the 89 days before it
        to = today;
        break;
    case Period::Any:
        break;
    }
    // Both ends first, then one refilter.
    const QSignalBlocker fromBlocker(m_from);
    const QSignalBlocker toBlocker(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    applyDates();
}

void FilterBar::retranslateUi()
{
    m_stateLabel->setText(tr("&State:"));
    const QStringList names {tr("Pending"), tr("Synced"), tr("Failed"), tr("In doubt"), tr("All")};
    for (int i = 0; i < names.size(); ++i)
        m_state->setItemText(i, names.at(i));
    m_fromLabel->setText(tr("Applied &from:"));
    m_toLabel->setText(tr("to"));
    m_periods->setText(tr("Period"));
    m_periods->setToolTip(tr("This month, last month or the last 90 days"));
    m_thisMonth->setText(tr("This month"));
    m_lastMonth->setText(tr("Last month"));
    m_last90Days->setText(tr("Last 90 days"));
    m_anyDate->setText(tr("Any date"));
    m_search->setPlaceholderText(tr("Search approval no., title, customer, originator"));
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
