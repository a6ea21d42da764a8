// Bills pushed per second against a sandbox Kingdee answering after 50 ms, by batch size and
// concurrency. Prints one JSON line per combination; exits 1 when a run did not sync every bill
// exactly once. Usage: bench_push [--applications N] [--quick]
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

using namespace rs;

namespace {

bool measure(int applications, int batchSize, int concurrency)
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
        return f;
    }());

    sync::PushOptions push;
    push.batchSize = batchSize;
    push.concurrency = concurrency;
    QElapsedTimer clock;
    clock.start();
    const auto report = testing::runPush(database, testing::sandboxKingdee(*sandbox), push);
    const double seconds = clock.nsecsElapsed() / 1e9;
    const qsizetype inKingdee = sandbox->kingdee().books().bills().size();
    const QJsonObject line {{QStringLiteral("bench"), QStringLiteral("push")},
                            {QStringLiteral("latency_ms"), 50},
                            {QStringLiteral("batch_size"), batchSize},
                            {QStringLiteral("concurrency"), concurrency},
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
    parser.addOptions({applications, quick});
    parser.process(app);
    const int count = parser.value(applications).toInt();

    bool right = true;
    if (parser.isSet(quick))
        return measure(count, 10, 2) ? 0 : 1;
    for (int batch : {1, 10, 50, 100}) {
        for (int concurrency : {1, 2, 4})
            right = measure(count, batch, concurrency) && right;
    }
    return right ? 0 : 1;
}
