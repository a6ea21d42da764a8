#include "ui/monitor/apiassetspane.h"

#include "app/alerts/budget.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "models/apiusagemodel.h"
#include "models/modelroles.h"

#include <QEvent>
#include <QGridLayout>
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
    m_pushAllowance = [&settings] {
        return settings.integer(QLatin1String(keys::DingTalkMonthlyPushes));
    };
    showQuota();
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
    , m_pushLabel(new QLabel(this))
    , m_pushBar(new QProgressBar(this))
    , m_pushAllowance(fixedQuota(3000))
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
    m_pushBar->setObjectName(QStringLiteral("dingTalkPushesBar"));
    m_pushBar->setTextVisible(true);
    m_pushBar->setMinimumWidth(240);
    m_problem->setObjectName(QStringLiteral("apiAssetsProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *allowances = new QGridLayout;
    allowances->addWidget(m_quotaLabel, 0, 0);
    allowances->addWidget(m_quotaBar, 0, 1);
    allowances->addWidget(m_pushLabel, 1, 0);
    allowances->addWidget(m_pushBar, 1, 1);
    allowances->setColumnStretch(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(allowances);
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

void ApiAssetsPane::setPushAllowance(int pushes)
{
    m_pushAllowance = fixedQuota(pushes);
    showQuota();
}

QuotaLevel ApiAssetsPane::showOnBar(QProgressBar *bar, qint64 used, int allowed)
{
    const QuotaLevel level = rs::quotaLevel(used, allowed);
    const QLocale locale;
    // QProgressBar holds an int; the allowance is one, and usage past it is shown full.
    bar->setRange(0, std::max(1, allowed));
    bar->setValue(int(std::min<qint64>(used, std::max(1, allowed))));
    bar->setFormat(tr("%1 / %2").arg(locale.toString(used), locale.toString(qint64(allowed))));
    bar->setStyleSheet(barStyle(level));
    bar->setProperty("quotaLevel", int(level));
    return level;
}

void ApiAssetsPane::showQuota()
{
    const int limit = quota();
    const int pushAllowance = m_pushAllowance();
    m_level = showOnBar(m_quotaBar, m_calls, limit);
    m_pushLevel = showOnBar(m_pushBar, m_pushes, pushAllowance);
    m_quotaBar->setToolTip(
        tr("DingTalk approval calls this month (Beijing time) against [dingtalk] monthly_quota"));
    m_pushBar->setToolTip(tr("DingTalk Stream pushes received this month (Beijing time) against "
                             "[dingtalk] monthly_pushes"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const alerts::Forecast calls = alerts::Budget::forecast(m_calls, limit, now);
    const alerts::Forecast pushes = alerts::Budget::forecast(m_pushes, pushAllowance, now);
    m_forecast->setText(alerts::Budget::callsText(calls) + QLatin1Char('\n')
                        + alerts::Budget::pushesText(pushes));
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
    m_pushLabel->setText(tr("Stream pushes this month:"));
    showQuota();
}

} // namespace rs
