// Fetch economy and throughput against a sandbox limited like DingTalk (20 calls/s per API).
// Prints one JSON line; exits 1 when the fetch did not store everything or spent a detail call
// it should not have. Usage: bench_fetch [--instances N] [--qps Q]
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "sandboxtesting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTextStream>

using namespace rs;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption instancesOption(QStringLiteral("instances"),
                                             QStringLiteral("Instances in the sandbox."),
                                             QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption qpsOption(QStringLiteral("qps"),
                                       QStringLiteral("The client's calls per second per API."),
                                       QStringLiteral("Q"), QStringLiteral("18"));
    // Less than 20 stands for other apps of the company using part of the limit at the same time.
    const QCommandLineOption limitOption(QStringLiteral("limit"),
                                         QStringLiteral("The sandbox's calls per second per API."),
                                         QStringLiteral("N"), QStringLiteral("20"));
    parser.addOptions({instancesOption, qpsOption, limitOption});
    parser.process(app);
    const int instances = parser.value(instancesOption).toInt();
    const double qps = parser.value(qpsOption).toDouble();

    auto options = testing::sandboxOptions(instances, 200);
    options.dingTalk.qpsLimit = parser.value(limitOption).toInt(); // 20: the standard edition's
    auto sandbox = testing::startSandbox(options);
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.db")));
    if (!sandbox || !database.open().ok())
        return 2;
    const auto config = testing::sandboxDingTalk(*sandbox, qps); // 18: the shipped default
    sync::FetchOptions period;
    period.from = QDate::currentDate().addDays(-202);
    const auto get = [&sandbox] {
        return sandbox->counters().value(QStringLiteral("dingtalk.get"));
    };

    QElapsedTimer clock;
    clock.start();
    // The detail phase: from the first answered detail call to the last one.
    qint64 firstAnswerNs = 0;
    qint64 lastAnswerNs = 0;
    int lastDone = 0;
    const auto first = testing::runFetch(database, config, period, {}, 0, [&](int done) {
        if (done <= lastDone)
            return;
        lastDone = done;
        lastAnswerNs = clock.nsecsElapsed();
        if (done == 1)
            firstAnswerNs = lastAnswerNs;
    });
    const double seconds = clock.nsecsElapsed() / 1e9;
    const double detailSeconds = (lastAnswerNs - firstAnswerNs) / 1e9;
    const auto afterFirst = get();
    const qint64 answered = afterFirst.calls - afterFirst.throttled;
    int inApproval = 0;
    for (ApprovalState s : ApplicationRepository(database).approvalById())
        inApproval += s == ApprovalState::InApproval ? 1 : 0;

    const auto second = testing::runFetch(database, config, period);
    const qint64 refetched = get().calls - get().throttled - answered;

    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("fetch")},
        {QStringLiteral("instances"), instances},
        {QStringLiteral("qps"), qps},
        {QStringLiteral("limit"), options.dingTalk.qpsLimit},
        {QStringLiteral("stored"), first.stored},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("detail_calls_per_instance"), double(answered) / first.stored},
        {QStringLiteral("detail_calls_per_second"), (lastDone - 1) / detailSeconds},
        {QStringLiteral("overall_instances_per_second"), first.stored / seconds},
        {QStringLiteral("throttled_percent"),
         afterFirst.calls ? 100.0 * afterFirst.throttled / afterFirst.calls : 0.0},
        {QStringLiteral("refetch_detail_calls"), double(refetched)},
        {QStringLiteral("refetch_in_approval"), inApproval},
        {QStringLiteral("refetch_detail_calls_per_final_instance"),
         double(refetched - inApproval) / std::max(1, first.stored - inApproval)}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;

    const bool right = first.result == sync::FetchReport::Result::Ok && first.stored == instances
        && answered == instances && second.result == sync::FetchReport::Result::Ok
        && refetched == inApproval;
    return right ? 0 : 1;
}
