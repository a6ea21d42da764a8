#pragma once

#include "app/kingdee/kingdeeclient.h"
#include "sandbox.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QTimer>

namespace rs::testing {

// A client configuration for the in-process sandbox's Kingdee, in the given auth mode.
inline kingdee::KingdeeConfig
sandboxKingdee(const sandbox::Sandbox &sandbox,
               kingdee::KingdeeConfig::Auth auth = kingdee::KingdeeConfig::Auth::AppSecret)
{
    const sandbox::KingdeeOptions k;
    kingdee::KingdeeConfig c;
    c.url = QUrl(sandbox.baseUrl() + QStringLiteral("/k3cloud/"));
    c.acctId = k.acctId;
    c.username = k.username;
    c.auth = auth;
    c.appId = k.appId;
    c.orgNumber = k.orgNumber;
    c.password = k.password;
    c.appSecret = k.appSecret;
    c.transferTimeoutMs = 10'000;
    c.retryBackoff = {20, 100, 0};
    return c;
}

// A 其他应收单 the sandbox accepts (see tests/sandbox/billvalidator.cpp), keyed by its remark.
inline QJsonObject otherReceivable(const QString &customer, const QString &key,
                                   const QString &amount = QStringLiteral("-600.00"))
{
    const auto number = [](const QString &n) {
        return QJsonObject {{QStringLiteral("FNumber"), n}};
    };
    return {{QStringLiteral("FID"), 0},
            {QStringLiteral("FBillTypeID"), number(QStringLiteral("QTYSD01_SYS"))},
            {QStringLiteral("FDATE"), QStringLiteral("2025-03-03")},
            {QStringLiteral("FSETTLEORGID"), number(QStringLiteral("100"))},
            {QStringLiteral("FPAYORGID"), number(QStringLiteral("100"))},
            {QStringLiteral("FSALEORGID"), number(QStringLiteral("100"))},
            {QStringLiteral("FCONTACTUNITTYPE"), QStringLiteral("BD_Customer")},
            {QStringLiteral("FCONTACTUNIT"), number(customer)},
            {QStringLiteral("FCURRENCYID"), number(QStringLiteral("PRE001"))},
            {QStringLiteral("FAR_OtherRemarks"), key},
            {QStringLiteral("FEntity"),
             QJsonArray {QJsonObject {{QStringLiteral("FCOSTID"), number(QStringLiteral("FYXM01"))},
                                      {QStringLiteral("FCOMMENT"), QStringLiteral("季度返利")},
                                      {QStringLiteral("FNOTAXAMOUNTFOR"), amount}}}}};
}

inline QJsonObject batchBody(const QJsonArray &models)
{
    return {
        {QStringLiteral("formid"), QStringLiteral("AR_OtherRecAble")},
        {QStringLiteral("data"),
         QJsonObject {{QStringLiteral("Model"), models},
                      {QStringLiteral("NeedReturnFields"), QJsonArray {QStringLiteral("FBillNo")}},
                      {QStringLiteral("IsVerifyBaseDataField"), true}}}};
}

// Runs `start(done)` and waits for `done` (or `timeoutMs`).
template<typename Result>
Result await(const std::function<void(std::function<void(const Result &)>)> &start,
             int timeoutMs = 30'000)
{
    Result result {};
    bool finished = false;
    QEventLoop loop;
    start([&](const Result &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

inline kingdee::SaveResult saveBatch(kingdee::KingdeeClient &client, const QJsonArray &models)
{
    return await<kingdee::SaveResult>(
        [&](auto done) { client.batchSave(batchBody(models), std::move(done)); });
}

inline kingdee::FindResult findBills(kingdee::KingdeeClient &client, const QStringList &keys)
{
    return await<kingdee::FindResult>([&](auto done) {
        client.findBills(QStringLiteral("AR_OtherRecAble"), QStringLiteral("FAR_OtherRemarks"),
                         keys, std::move(done));
    });
}

inline kingdee::Failure checkConnection(kingdee::KingdeeClient &client)
{
    return await<kingdee::Failure>([&](auto done) { client.testConnection(std::move(done)); });
}

// How many bills the sandbox's books hold with this remark.
inline int billsWithKey(const sandbox::Sandbox &sandbox, const QString &key)
{
    int n = 0;
    for (const sandbox::SavedBill &bill : sandbox.kingdee().books().bills())
        n += bill.remarks() == key ? 1 : 0;
    return n;
}

inline qint64 sandboxCalls(const sandbox::Sandbox &sandbox, const char *api)
{
    return sandbox.counters().value(QLatin1String(api)).calls;
}

} // namespace rs::testing
