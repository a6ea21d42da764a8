// A backlog shared by several runs on one PostgreSQL ledger (issue 14): bills per second with 1, 2
// and 3 runs side by side against a sandbox Kingdee answering after 50 ms, beside one run on an
// SQLite store. Needs the server of scripts/with-postgres.sh. Prints one JSON line per case; exits
// 1 when a case did not sync every bill exactly once.
// Usage: bench_ledger [--applications N] [--runs 1,2,3] [--latency-ms MS] [--processes]
// --processes: each run is a `rebatesync-cli sync --all-pending` process of its own against the
// sandbox process, as runs on different computers are; without it the runs share this process's
// thread (their database work serialised).
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "fetchtesting.h"
#include "httptestclient.h"
#include "pgtesting.h"
#include "pushtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <memory>
#include <vector>

using namespace rs;

namespace {

bool measure(const StoreLocation &store, int applications, int runs, int latencyMs)
{
    auto options = testing::sandboxOptions(applications, 20);
    options.dingTalk.qpsLimit = 0;
    options.data.unknownCustomerRate = 0;
    auto sandbox = testing::startSandbox(options);
    Database setup(store);
    if (!sandbox || !setup.open().ok())
        return false;
    sync::FetchOptions period;
    period.from = QDate::currentDate().addDays(-22);
    testing::runFetch(setup, testing::sandboxDingTalk(*sandbox, 1000), period);
    sandbox->faults().setOptions([&] {
        auto f = sandbox->faults().options();
        f.latencyMs = latencyMs;
        return f;
    }());

    sync::PushOptions push; // the shipped batch size and concurrency
    std::vector<std::unique_ptr<Database>> connections;
    std::vector<std::unique_ptr<kingdee::KingdeeClient>> clients;
    std::vector<std::unique_ptr<sync::PushJob>> jobs;
    int finished = 0;
    int synced = 0;
    QEventLoop loop;
    for (int i = 0; i < runs; ++i) {
        connections.push_back(std::make_unique<Database>(store));
        if (!connections.back()->open().ok())
            return false;
        clients.push_back(
            std::make_unique<kingdee::KingdeeClient>(testing::sandboxKingdee(*sandbox)));
        jobs.push_back(std::make_unique<sync::PushJob>(*connections.back(), *clients.back(),
                                                       testing::builtinScheme(), push));
        QObject::connect(jobs.back().get(), &sync::PushJob::finished, &loop,
                         [&](const sync::PushReport &report) {
                             synced += report.synced;
                             if (++finished == runs)
                                 loop.quit();
                         });
    }
    QElapsedTimer clock;
    clock.start();
    for (const auto &job : jobs)
        job->start();
    if (finished < runs)
        loop.exec();
    const double seconds = clock.nsecsElapsed() / 1e9;
    QHash<QString, int> keys;
    for (const auto &bill : sandbox->kingdee().books().bills())
        ++keys[bill.remarks()];
    bool once = !keys.isEmpty();
    for (int n : std::as_const(keys))
        once = once && n == 1;
    const QJsonObject line {
        {QStringLiteral("bench"), QStringLiteral("ledger")},
        {QStringLiteral("store"),
         store.isServer() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("bills"), int(keys.size())},
        {QStringLiteral("each_key_once"), once},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("bills_per_second"), keys.size() / seconds}};
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
    return once && synced == keys.size();
}

// One profile for every CLI run: the sandbox at `url`, the store `store`.
bool writeProfile(const QString &dir, const QString &url, const StoreLocation &store)
{
    QVariantHash overrides;
    if (store.isServer()) {
        overrides = {{QStringLiteral("store/driver"), QStringLiteral("postgresql")},
                     {QStringLiteral("store/host"), store.host},
                     {QStringLiteral("store/port"), store.port},
                     {QStringLiteral("store/database"), store.database},
                     {QStringLiteral("store/user"), store.user}};
    }
    return testing::writeSandboxProfile(dir, url, overrides);
}

bool measureProcesses(const StoreLocation &store, int applications, int runs, int latencyMs)
{
    QProcess sandbox;
    const QString url = testing::startSandboxProcess(
        sandbox,
        {QStringLiteral("--applications"), QString::number(applications),
         QStringLiteral("--period-days"), QStringLiteral("20"), QStringLiteral("--qps-limit"),
         QStringLiteral("0"), QStringLiteral("--unknown-customer-rate"), QStringLiteral("0")});
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    if (url.isEmpty() || !writeProfile(profile, url, store))
        return false;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
               QStringLiteral("sandbox-app-secret"));
    env.insert(QStringLiteral("REBATESYNC_KINGDEE_APP_SECRET"),
               QStringLiteral("sandbox-app-secret"));
    env.insert(QStringLiteral("REBATESYNC_STORE_PASSWORD"), store.password);
    const auto cli = [&](const QStringList &arguments) {
        auto p = std::make_unique<QProcess>();
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(CLI_EXECUTABLE),
                 QStringList {QStringLiteral("--profile"), profile} + arguments);
        return p;
    };
    auto fetch = cli({QStringLiteral("fetch"), QStringLiteral("--from"),
                      QDate::currentDate().addDays(-22).toString(Qt::ISODate)});
    if (!fetch->waitForFinished(600'000) || fetch->exitCode() != 0)
        return false;
    QNetworkAccessManager network;
    testing::send(network, "POST", url + QStringLiteral("/sandbox/faults"),
                  QJsonDocument(QJsonObject {{QStringLiteral("latencyMs"), latencyMs}}).toJson(),
                  {{"Content-Type", "application/json"}});
    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < runs; ++i)
        processes.push_back(cli({QStringLiteral("sync"), QStringLiteral("--all-pending")}));
    bool ended = true;
    for (const auto &p : processes)
        ended = p->waitForFinished(1'800'000) && p->exitCode() <= 1 && ended;
    const double seconds = clock.nsecsElapsed() / 1e9;
    QHash<QString, int> keys;
    const QJsonArray bills = testing::send(network, "GET", url + QStringLiteral("/sandbox/bills"))
                                 .json()
                                 .object()
                                 .value(QLatin1String("bills"))
                                 .toArray();
    for (const QJsonValue &bill : bills)
        ++keys[bill.toObject().value(QLatin1String("remarks")).toString()];
    bool once = ended && !keys.isEmpty();
    for (int n : std::as_const(keys))
        once = once && n == 1;
    sandbox.kill();
    sandbox.waitForFinished();
    const QJsonObject line {
        {QStringLiteral("bench"), QStringLiteral("ledger")},
        {QStringLiteral("mode"), QStringLiteral("processes")},
        {QStringLiteral("store"),
         store.isServer() ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("latency_ms"), latencyMs},
        {QStringLiteral("bills"), int(keys.size())},
        {QStringLiteral("each_key_once"), once},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("bills_per_second"), keys.size() / seconds}};
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
    return once;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption applications(QStringLiteral("applications"),
                                          QStringLiteral("Applications in the backlog."),
                                          QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Runs side by side."),
                                  QStringLiteral("LIST"), QStringLiteral("1,2,3"));
    const QCommandLineOption latency(QStringLiteral("latency-ms"),
                                     QStringLiteral("Kingdee's answer time."), QStringLiteral("MS"),
                                     QStringLiteral("50"));
    const QCommandLineOption processes(QStringLiteral("processes"),
                                       QStringLiteral("Each run a CLI process of its own."));
    parser.addOptions({applications, runs, latency, processes});
    parser.process(app);
    const auto server = testing::PgServer::fromEnvironment();
    if (!server) {
        QTextStream(stderr) << testing::PgServer::missingExplanation() << Qt::endl;
        return 1;
    }
    const int count = parser.value(applications).toInt();
    const int latencyMs = parser.value(latency).toInt();
    const auto run = parser.isSet(processes) ? measureProcesses : measure;
    bool right = true;
    QTemporaryDir dir;
    right = run(StoreLocation::sqlite(dir.filePath(QStringLiteral("rebatesync.db"))), count, 1,
                latencyMs)
        && right;
    for (const QString &n : parser.value(runs).split(QLatin1Char(','))) {
        const auto ledger = server->createDatabase();
        right = ledger && run(*ledger, count, n.toInt(), latencyMs) && right;
    }
    return right ? 0 : 1;
}
