// Bills pushed per second against a sandbox Kingdee answering after 50 ms, by batch size and
// concurrency. Prints one JSON line per combination; exits 1 when a run did not sync every bill
// exactly once. Usage: bench_push [--applications N] [--quick]
//                   [--stall-rate R [--stall-before]]: a share R of Kingdee calls never answered,
// with the shipped timeouts (180 s for a save), at batch 50 × 2; --stall-before measures the
// timeouts as they were before issue 13 (every call 180 s, a stalled save holding its lane).
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "pushtesting.h"
#include "sandboxtesting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

#include <limits>

using namespace rs;

namespace {

struct Stalls
{
    double rate = 0;
    bool before = false;
};

bool measure(int applications, int batchSize, int concurrency, Stalls stalls = {})
{
    auto options = testing::sandboxOptions(applications, 20);
    options.dingTalk.qpsLimit = 0;
    options.data.unknownCustomerRate = 0;
    auto sandbox = testing::startSandbox(options);
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.db")));
    if (!sandbox || !database.open().ok())
        return false;
    sync::FetchOptions period;
    period.from = QDate::currentDate().addDays(-22);
    testing::runFetch(database, testing::sandboxDingTalk(*sandbox, 1000), period);
    sandbox->faults().setOptions([&] {
        auto f = sandbox->faults().options();
        f.latencyMs = 50;
        f.stallRate = stalls.rate;
        return f;
    }());

    sync::PushOptions push;
    push.batchSize = batchSize;
    push.concurrency = concurrency;
    kingdee::KingdeeConfig kingdee = testing::sandboxKingdee(*sandbox);
    if (stalls.rate > 0) {
        const kingdee::KingdeeConfig shipped;
        kingdee.transferTimeoutMs = shipped.transferTimeoutMs;
        kingdee.lookupTimeoutMs =
            stalls.before ? shipped.transferTimeoutMs : shipped.lookupTimeoutMs;
        kingdee.slowCallMs = stalls.before ? std::numeric_limits<int>::max() : shipped.slowCallMs;
        kingdee.retryBackoff = shipped.retryBackoff;
    }
    QElapsedTimer clock;
    clock.start();
    const auto report =
        testing::runPush(database, kingdee, push, {}, 0, stalls.rate > 0 ? 3'600'000 : 240'000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    const qsizetype inKingdee = sandbox->kingdee().books().bills().size();
    qint64 stalled = 0;
    for (const auto &counter : sandbox->counters())
        stalled += counter.stalled;
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("push")},
                            {QStringLiteral("latency_ms"), 50},
                            {QStringLiteral("batch_size"), batchSize},
                            {QStringLiteral("concurrency"), concurrency},
                            {QStringLiteral("stall_rate"), stalls.rate},
                            {QStringLiteral("timeouts"),
                             stalls.before ? QStringLiteral("before") : QStringLiteral("shipped")},
                            {QStringLiteral("stalled_calls"), stalled},
                            {QStringLiteral("bills"), report.synced},
                            {QStringLiteral("seconds"), seconds},
                            {QStringLiteral("bills_per_second"), report.synced / seconds}};
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
    return report.result == sync::PushReport::Result::Ok && report.synced > 0
        && inKingdee == report.synced;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption applications(QStringLiteral("applications"),
                                          QStringLiteral("Applications to push."),
                                          QStringLiteral("N"), QStringLiteral("400"));
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("One combination."));
    const QCommandLineOption stallRate(QStringLiteral("stall-rate"),
                                       QStringLiteral("Share of Kingdee calls never answered."),
                                       QStringLiteral("R"));
    const QCommandLineOption stallBefore(QStringLiteral("stall-before"),
                                         QStringLiteral("The timeouts before issue 13."));
    parser.addOptions({applications, quick, stallRate, stallBefore});
    parser.process(app);
    const int count = parser.value(applications).toInt();

    if (parser.isSet(stallRate))
        return measure(count, 50, 2,
                       {parser.value(stallRate).toDouble(), parser.isSet(stallBefore)})
            ? 0
            : 1;
    bool right = true;
    if (parser.isSet(quick))
        return measure(count, 10, 2) ? 0 : 1;
    for (int batch : {1, 10, 50, 100}) {
        for (int concurrency : {1, 2, 4})
            right = measure(count, batch, concurrency) && right;
    }
    return right ? 0 : 1;
}
