#include "ui/applications/filterbar.h"

#include "models/applicationsfiltermodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

namespace rs {
namespace {

using StateFilter = ApplicationsFilterModel::StateFilter;

// The earliest date stands for "no limit"; the edit shows it as the special text.
const QDate kOpenEnd(2000, 1, 1);

QDateEdit *dateEdit(const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(kOpenEnd);
    edit->setDate(kOpenEnd);
    return edit;
}

} // namespace

FilterBar::FilterBar(ApplicationsFilterModel &filter, QWidget *parent)
    : QWidget(parent)
    , m_filter(filter)
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_fromLabel(new QLabel(this))
    , m_from(dateEdit(QStringLiteral("fromDateEdit"), this))
    , m_toLabel(new QLabel(this))
    , m_to(dateEdit(QStringLiteral("toDateEdit"), this))
    , m_search(new QLineEdit(this))
{
    m_state->setObjectName(QStringLiteral("stateFilterCombo"));
    for (const StateFilter state : {StateFilter::Pending, StateFilter::Synced, StateFilter::Failed,
                                    StateFilter::InDoubt, StateFilter::All})
        m_state->addItem(QString(), int(state));
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(140);
    m_stateLabel->setBuddy(m_state);
    m_fromLabel->setBuddy(m_from);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stateLabel);
    layout->addWidget(m_state);
    layout->addSpacing(12);
    layout->addWidget(m_fromLabel);
    layout->addWidget(m_from);
    layout->addWidget(m_toLabel);
    layout->addWidget(m_to);
    layout->addSpacing(12);
    layout->addWidget(m_search, 1);

    connect(m_state, &QComboBox::currentIndexChanged, this, [this] {
        m_filter.setStateFilter(static_cast<StateFilter>(m_state->currentData().toInt()));
    });
    connect(m_from, &QDateEdit::dateChanged, this, &FilterBar::applyDates);
    connect(m_to, &QDateEdit::dateChanged, this, &FilterBar::applyDates);
    // Filtering 100,000 rows per keystroke would make typing stutter: wait for a pause.
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(200);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this,
            [this] { m_filter.setSearchText(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this, searchDelay] {
        searchDelay->stop();
        m_filter.setSearchText(m_search->text());
    });
    retranslateUi();
}

void FilterBar::showAllStates()
{
    m_state->setCurrentIndex(m_state->findData(int(StateFilter::All)));
}

void FilterBar::applyDates()
{
    const auto bound = [](const QDateEdit *edit) {
        return edit->date() == kOpenEnd ? QDate() : edit->date();
    };
    m_filter.setDateRange(bound(m_from), bound(m_to));
}

void FilterBar::retranslateUi()
{
    m_stateLabel->setText(tr("&State:"));
    const QStringList names {tr("Pending"), tr("Synced"), tr("Failed"), tr("In doubt"), tr("All")};
    for (int i = 0; i < names.size(); ++i)
        m_state->setItemText(i, names.at(i));
    m_fromLabel->setText(tr("Applied &from:"));
    m_toLabel->setText(tr("to"));
    m_from->setSpecialValueText(tr("any"));
    m_to->setSpecialValueText(tr("any"));
    m_search->setPlaceholderText(tr("Search approval no., title, customer, originator"));
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
