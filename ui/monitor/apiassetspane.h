#pragma once

#include "models/quotalevel.h"

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace rs {

class ApiUsageModel;
class Database;
class Settings;

// The "API assets" tab: per endpoint calls, errors, throttles, latency and last error, and
// DingTalk's two allowances of the month — approval calls against [dingtalk] monthly_quota and
// Stream pushes against monthly_pushes — each as a bar with its forecast.
class ApiAssetsPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiAssetsPane)

public:
    ApiAssetsPane(const Database &database, const Settings &settings, QWidget *parent = nullptr);
    // A fixed quota, for a window without a settings file.
    ApiAssetsPane(const Database &database, int monthlyQuota, QWidget *parent = nullptr);

    const ApiUsageModel *model() const { return m_model; }
    QuotaLevel quotaLevel() const { return m_level; }
    QuotaLevel pushLevel() const { return m_pushLevel; }
    qint64 quotaCalls() const { return m_calls; }
    int quota() const;
    // The month's forecast of calls and of Stream pushes ("at this pace … until the 14th").
    QLabel *forecast() const { return m_forecast; }
    // A fixed push allowance (the Settings constructor reads monthly_pushes at every refresh).
    void setPushAllowance(int pushes);

public Q_SLOTS:
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    ApiAssetsPane(const Database &database, std::function<int()> quota, QWidget *parent);
    void retranslateUi();
    void showQuota();
    // One allowance's bar: "used / allowed", amber from 80 %, red from 95 %.
    static QuotaLevel showOnBar(QProgressBar *bar, qint64 used, int allowed);

    const Database &m_database;
    std::function<int()> m_quota;
    ApiUsageModel *m_model = nullptr;
    QSortFilterProxyModel *m_sorted = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_quotaLabel = nullptr;
    QProgressBar *m_quotaBar = nullptr;
    QLabel *m_pushLabel = nullptr;
    QProgressBar *m_pushBar = nullptr;
    std::function<int()> m_pushAllowance;
    QLabel *m_problem = nullptr;
    QLabel *m_forecast = nullptr;
    qint64 m_pushes = 0;
    QuotaLevel m_pushLevel = QuotaLevel::Normal;
    QuotaLevel m_level = QuotaLevel::Normal;
    qint64 m_calls = 0;
};

} // namespace rs
