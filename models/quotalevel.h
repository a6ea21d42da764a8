#pragma once

#include <QtGlobal>

namespace rs {

// How close DingTalk's month usage is to the quota: the bar is normal below 80 %, amber from
// 80 % and red from 95 %.
enum class QuotaLevel { Normal, Warning, Critical };

// Exact in integers: 4,000 of 5,000 is Warning, 3,999 is not.
inline QuotaLevel quotaLevel(qint64 calls, qint64 quota)
{
    if (quota <= 0)
        return QuotaLevel::Critical;
    if (calls * 100 >= quota * 95)
        return QuotaLevel::Critical;
    if (calls * 100 >= quota * 80)
        return QuotaLevel::Warning;
    return QuotaLevel::Normal;
}

} // namespace rs
