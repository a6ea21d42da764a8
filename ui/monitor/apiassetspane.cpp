#include "ui/monitor/apiassetspane.h"

#include "app/alerts/budget.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "models/apiusagemodel.h"
#include "models/modelroles.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace rs {
namespace {

QString barStyle(QuotaLevel level)
{
    // Amber and red as the clerk expects from traffic lights; normal keeps the style's colour.
    switch (level) {
    case QuotaLevel::Warning:
        return QStringLiteral("QProgressBar::chunk { background-color: #f0a202; }");
    case QuotaLevel::Critical:
        return QStringLiteral("QProgressBar::chunk { background-color: #c62828; }");
    case QuotaLevel::Normal:
        break;
    }
    return {};
}

// Named, not written inline: clang-format 14 and 19 break a lambda between arguments differently.
std::function<int()> quotaFrom(const Settings &settings)
{
    return [&settings] {
        return settings.integer(QLatin1String(keys::DingTalkMonthlyQuota));
    };
}

std::function<int()> fixedQuota(int monthlyQuota)
{
    return [monthlyQuota] {
        return monthlyQuota;
    };
}

} // namespace

ApiAssetsPane::ApiAssetsPane(const Database &database, const Settings &settings, QWidget *parent)
    : ApiAssetsPane(database, quotaFrom(settings), parent)
{
    setPushAllowance(settings.integer(QLatin1String(keys::DingTalkMonthlyPushes)));
}

ApiAssetsPane::ApiAssetsPane(const Database &database, int monthlyQuota, QWidget *parent)
    : ApiAssetsPane(database, fixedQuota(monthlyQuota), parent)
{ }

ApiAssetsPane::ApiAssetsPane(const Database &database, std::function<int()> quota, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_quota(std::move(quota))
    , m_model(new ApiUsageModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_quotaLabel(new QLabel(this))
    , m_quotaBar(new QProgressBar(this))
    , m_problem(new QLabel(this))
    , m_forecast(new QLabel(this))
{
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(UnderlyingDataRole);
    m_view->setObjectName(QStringLiteral("apiUsageView"));
    m_view->setModel(m_sorted);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // the endpoints' own order until clicked
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);

    m_quotaBar->setObjectName(QStringLiteral("dingTalkQuotaBar"));
    m_quotaBar->setTextVisible(true);
    m_quotaBar->setMinimumWidth(240);
    m_problem->setObjectName(QStringLiteral("apiAssetsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *quotaRow = new QHBoxLayout;
    quotaRow->addWidget(m_quotaLabel);
    quotaRow->addWidget(m_quotaBar, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(quotaRow);
    m_forecast->setObjectName(QStringLiteral("budgetForecast"));
    m_forecast->setWordWrap(true);
    layout->addWidget(m_forecast);
    layout->addWidget(m_problem);
    layout->addWidget(m_view, 1);
    retranslateUi();
    refresh();
}

int ApiAssetsPane::quota() const
{
    return m_quota();
}

void ApiAssetsPane::refresh()
{
    StoreError error;
    const ApiUsageRepository usage(m_database);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<ApiEndpointStats> stats = usage.endpointStats(now, &error);
    const qint64 calls = error.ok() ? usage.dingTalkQuotaCalls(now, &error) : 0;
    const qint64 pushes = error.ok() ? usage.dingTalkMonthEvents(now, &error) : 0;
    m_problem->setVisible(!error.ok());
    m_problem->setText(error.message);
    if (!error.ok())
        return;
    m_model->setStats(stats);
    m_calls = calls;
    m_pushes = pushes;
    showQuota();
}

void ApiAssetsPane::showQuota()
{
    const int limit = quota();
    m_level = rs::quotaLevel(m_calls, limit);
    const QLocale locale;
    // QProgressBar holds an int; the quota is one, and usage past it is shown full.
    m_quotaBar->setRange(0, std::max(1, limit));
    m_quotaBar->setValue(int(std::min<qint64>(m_calls, std::max(1, limit))));
    m_quotaBar->setFormat(
        tr("%1 / %2").arg(locale.toString(m_calls), locale.toString(qint64(limit))));
    m_quotaBar->setStyleSheet(barStyle(m_level));
    m_quotaBar->setProperty("quotaLevel", int(m_level));
    m_quotaBar->setToolTip(
        tr("DingTalk approval calls this month (Beijing time) against [dingtalk] monthly_quota"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const alerts::Forecast calls = alerts::Budget::forecast(m_calls, limit, now);
    const alerts::Forecast pushes = alerts::Budget::forecast(m_pushes, m_pushAllowance, now);
    m_forecast->setText(
        alerts::Budget::callsText(calls) + QLatin1Char('\n')
        + tr("Stream pushes this month: %1 / %2.")
              .arg(locale.toString(m_pushes), locale.toString(qint64(m_pushAllowance)))
        + QLatin1Char(' ') + alerts::Budget::pushesText(pushes));
}

void ApiAssetsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        m_model->retranslate();
    }
    QWidget::changeEvent(event);
}

void ApiAssetsPane::retranslateUi()
{
    m_quotaLabel->setText(tr("DingTalk calls this month:"));
    showQuota();
}

} // namespace rs
