#include "sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

using namespace rs::sandbox;

namespace {

struct Flag
{
    QCommandLineOption option;
    std::function<bool(const QString &)> apply; // false: the value is not acceptable
};

std::function<bool(const QString &)> intInto(int *target)
{
    return [target](const QString &v) {
        bool ok = false;
        *target = v.toInt(&ok);
        return ok && *target >= 0;
    };
}

std::function<bool(const QString &)> rateInto(double *target)
{
    return [target](const QString &v) {
        bool ok = false;
        *target = v.toDouble(&ok);
        return ok && *target >= 0 && *target <= 1;
    };
}

std::function<bool(const QString &)> textInto(QString *target)
{
    return [target](const QString &v) {
        *target = v;
        return !v.isEmpty();
    };
}

QCommandLineOption valued(const char *name, const char *help, const char *valueName)
{
    return {QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(valueName)};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rebatesync-sandbox"));

    SandboxOptions o;
    int port = 0;
    int periodDays = 200;
    int seed = 1;
    const QList<Flag> flags = {
        {valued("port", "Port on 127.0.0.1; 0 picks a free one.", "N"), intInto(&port)},
        {valued("seed", "Seed of the generated data.", "N"), intInto(&seed)},
        {valued("applications", "How many approval instances to generate.", "N"),
         intInto(&o.data.count)},
        {valued("period-days", "Spread submissions over the last N days.", "N"),
         intInto(&periodDays)},
        {valued("process-code", "DingTalk process code of the rebate form.", "CODE"),
         textInto(&o.data.processCode)},
        {valued("unknown-customer-rate", "Share of rows naming a customer Kingdee lacks.", "R"),
         rateInto(&o.data.unknownCustomerRate)},
        {valued("approve-interval-ms", "Approve the oldest running instance every N ms.", "N"),
         intInto(&o.approveIntervalMs)},
        {valued("token-lifetime", "DingTalk token lifetime in seconds.", "S"),
         intInto(&o.dingTalk.tokenLifetimeS)},
        {valued("qps-limit", "DingTalk calls per second per API (0: no limit).", "N"),
         intInto(&o.dingTalk.qpsLimit)},
        {valued("monthly-quota", "DingTalk approval calls a month (0: no limit).", "N"),
         intInto(&o.dingTalk.monthlyQuota)},
        {valued("quota-used", "DingTalk calls already used this month.", "N"),
         intInto(&o.dingTalk.quotaUsed)},
        {valued("max-page-size", "Largest listids page DingTalk accepts (20; 10 as in old SDKs).",
                "N"),
         intInto(&o.dingTalk.maxPageSize)},
        {valued("dingtalk-app-secret", "The DingTalk app secret the sandbox accepts.", "S"),
         textInto(&o.dingTalk.appSecret)},
        {valued("kingdee-password", "The Kingdee password the sandbox accepts.", "S"),
         textInto(&o.kingdee.password)},
        {valued("kingdee-app-secret", "The Kingdee app secret the sandbox accepts.", "S"),
         textInto(&o.kingdee.appSecret)},
        {valued("session-idle-seconds", "Kingdee session idle lifetime.", "S"),
         intInto(&o.kingdee.sessionIdleSeconds)},
        {valued("latency-ms", "Fixed latency of every answer.", "N"), intInto(&o.faults.latencyMs)},
        {valued("jitter-ms", "Random extra latency, 0..N ms.", "N"), intInto(&o.faults.jitterMs)},
        {valued("http500-rate", "Share of calls answered with HTTP 500.", "R"),
         rateInto(&o.faults.http500Rate)},
        {valued("drop-after-commit-rate",
                "Share of Kingdee saves whose answer is cut after commit.", "R"),
         rateInto(&o.faults.dropAfterCommitRate)},
        {valued("stall-rate", "Share of calls never answered.", "R"),
         rateInto(&o.faults.stallRate)},
        {valued("malformed-rate", "Share of answers with truncated JSON.", "R"),
         rateInto(&o.faults.malformedRate)},
        {valued("monthly-pushes", "DingTalk Stream pushes a month (0: no limit).", "N"),
         intInto(&o.stream.monthlyPushes)},
        {valued("stream-ping-interval-ms", "A Stream SYSTEM ping every N ms (0: none).", "N"),
         intInto(&o.stream.pingIntervalMs)},
        {valued("stream-redeliver-ms", "Redeliver an unacknowledged Stream event after N ms.", "N"),
         intInto(&o.stream.redeliverMs)},
        {valued("stream-duplicate-rate", "Share of Stream events sent twice.", "R"),
         rateInto(&o.stream.duplicateRate)},
        {valued("session-expiry-every",
                "Every K-th Kingdee session call finds the session expired.", "K"),
         intInto(&o.faults.sessionExpiryEvery)},
    };
    const QCommandLineOption closedBefore(
        QStringLiteral("closed-before"),
        QStringLiteral("Kingdee's accounting periods before DATE are closed: bills dated before it "
                       "cannot be saved, unaudited or deleted."),
        QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption atomic(QStringLiteral("kingdee-atomic-batches"),
                                    QStringLiteral("One invalid bill fails the whole BatchSave."));
    const QCommandLineOption sha1(
        QStringLiteral("kingdee-sign-sha1"),
        QStringLiteral("LoginBySign checks SHA1, as servers before 8.0.0.202205."));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Loopback simulator of DingTalk and Kingdee for RebateSync's demo and tests."));
    parser.addHelpOption();
    for (const Flag &flag : flags)
        parser.addOption(flag.option);
    parser.addOptions({atomic, sha1, closedBefore});
    parser.process(app);
    for (const Flag &flag : flags) {
        if (parser.isSet(flag.option) && !flag.apply(parser.value(flag.option))) {
            std::fprintf(stderr, "rebatesync-sandbox: bad value for --%s\n",
                         qPrintable(flag.option.names().constFirst()));
            return 2;
        }
    }
    if (parser.isSet(closedBefore)) {
        o.kingdee.closedBefore = QDate::fromString(parser.value(closedBefore), Qt::ISODate);
        if (!o.kingdee.closedBefore.isValid()) {
            std::fprintf(stderr, "rebatesync-sandbox: bad value for --closed-before\n");
            return 2;
        }
    }
    o.kingdee.atomicBatches = parser.isSet(atomic);
    o.kingdee.signWithSha1 = parser.isSet(sha1);
    o.data.seed = quint32(seed);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    o.data.periodEndMs = now - 3600 * 1000;
    o.data.periodStartMs = now - qint64(periodDays) * 24 * 3600 * 1000;

    Sandbox sandbox(o);
    if (sandbox.listen(quint16(port)) == 0) {
        std::fprintf(stderr, "rebatesync-sandbox: cannot listen on 127.0.0.1:%d\n", port);
        return 1;
    }
    std::fprintf(stdout, "%s\n", sandbox.startLine().constData());
    std::fflush(stdout);
    return QCoreApplication::exec();
}
