// A compressed month of real-time intake (issue 15): N applications submitted at random
// half-hours of a 30-day month, each approved 1 to 72 hours later. `--mode stream` runs the
// Stream intake with a reconnect (and so a sweep) every day; `--mode poll` runs a fetch every
// half-hour. Prints one JSON line: DingTalk calls and Stream pushes per application, and for
// stream the event-to-row latency. Exits 1 when an ended application is not stored.
// Usage: bench_stream [--applications N] [--mode stream|poll] [--api v1|topapi] [--tick-ms N]
//                     [--short-gap-ms N] [--safety-sweeps]
// --short-gap-ms 0 sweeps after every reconnect (as before SweepPolicy); --safety-sweeps runs the
// daily safety sweep once a simulated day (else it never comes within the compressed month).
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/sync/streamintake.h"
#include "fetchtesting.h"
#include "generator.h"
#include "sandboxtesting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMultiMap>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace rs;

namespace {

constexpr int kTicks = 30 * 48; // half-hours in the month

qint64 percentile(QList<qint64> values, int p)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype rank = std::max<qsizetype>(1, (values.size() * p + 99) / 100);
    return values.at(rank - 1);
}

void wait(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("applications"),
                                         QStringLiteral("Applications in the month."),
                                         QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("stream | poll"),
                                        QStringLiteral("MODE"), QStringLiteral("stream"));
    const QCommandLineOption apiOption(QStringLiteral("api"), QStringLiteral("v1 | topapi"),
                                       QStringLiteral("API"), QStringLiteral("v1"));
    const QCommandLineOption tickOption(QStringLiteral("tick-ms"),
                                        QStringLiteral("Real milliseconds per half-hour."),
                                        QStringLiteral("N"), QStringLiteral("15"));
    const QCommandLineOption shortGapOption(
        QStringLiteral("short-gap-ms"),
        QStringLiteral("Reconnects sooner than this after a drop do not sweep."),
        QStringLiteral("N"), QString::number(sync::SweepPolicy::kShortGapMs));
    const QCommandLineOption safetyOption(QStringLiteral("safety-sweeps"),
                                          QStringLiteral("A safety sweep every simulated day."));
    parser.addOptions(
        {countOption, modeOption, apiOption, tickOption, shortGapOption, safetyOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const bool stream = parser.value(modeOption) == QLatin1String("stream");
    const bool v1 = parser.value(apiOption) == QLatin1String("v1");
    const int tickMs = parser.value(tickOption).toInt();
    const qint64 shortGapMs = parser.value(shortGapOption).toLongLong();
    const bool safetySweeps = parser.isSet(safetyOption);

    auto options = testing::sandboxOptions(0, 30);
    options.dingTalk.qpsLimit = 1000;
    options.dingTalk.monthlyQuota = 0;
    options.stream.startEvents = false; // subscribed to ends only, as DECISIONS.md advises
    auto sandbox = testing::startSandbox(options);
    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.db")));
    if (!sandbox || !database.open().ok())
        return 2;

    sandbox::GeneratorOptions generated;
    generated.count = count;
    generated.seed = 15;
    generated.runningRate = 1.0;
    generated.periodEndMs = QDateTime::currentMSecsSinceEpoch();
    generated.periodStartMs = generated.periodEndMs - 1000;
    const QList<sandbox::SimInstance> applications = sandbox::generateInstances(generated);
    QRandomGenerator random(15);
    QMultiMap<int, int> submitAt; // tick → application
    QMultiMap<int, QString> endAt; // tick → id
    for (int i = 0; i < applications.size(); ++i) {
        const int tick = int(random.bounded(kTicks - 144));
        submitAt.insert(tick, i);
        endAt.insert(tick + 2 + int(random.bounded(142)), applications.at(i).id);
    }

    const auto config = testing::sandboxDingTalk(*sandbox, 200,
                                                 v1 ? dingtalk::DingTalkConfig::Api::V1
                                                    : dingtalk::DingTalkConfig::Api::TopApi);
    dingtalk::DingTalkClient client(config);
    // The hour of margin the ended listing re-covers, at the month's compression.
    sync::FetchOptions intakeOptions;
    intakeOptions.recentMarginMs = 2 * tickMs;
    sync::StreamIntake intake(database, client, intakeOptions);
    // No budget rule: its pace is the real month's, which this compressed one is not.
    intake.setShortGapMs(shortGapMs);
    if (safetySweeps)
        intake.setSafetySweepMs(48 * tickMs);
    QHash<QString, qint64> endedAtNs;
    QList<qint64> latenciesMs;
    QList<qint64> gapLatenciesMs; // ended while no connection was open
    QSet<QString> endedInGap;
    QElapsedTimer clock;
    clock.start();
    QObject::connect(&intake, &sync::StreamIntake::applicationStored, &app, [&](const QString &id) {
        const auto it = endedAtNs.constFind(id);
        if (it == endedAtNs.constEnd())
            return;
        const qint64 ms = (clock.nsecsElapsed() - it.value()) / 1'000'000;
        (endedInGap.contains(id) ? gapLatenciesMs : latenciesMs).append(ms);
        endedAtNs.erase(it);
    });
    int sweeps = 0;
    int skipped = 0;
    if (stream) {
        intake.stream().setBackoff({50, 200, 0.2});
        intake.start();
        wait(300);
    }
    int polls = 0;
    sync::FetchOptions pollOptions = intakeOptions; // as `rebatesync-cli fetch` runs it
    if (v1)
        pollOptions.statuses = sync::StreamIntake::endedStatuses();
    for (int tick = 0; tick < kTicks; ++tick) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int i : submitAt.values(tick))
            sandbox->dingTalk().submit(applications.at(i), now);
        for (const QString &id : endAt.values(tick)) {
            endedAtNs.insert(id, clock.nsecsElapsed());
            if (stream && intake.stream().state() != dingtalk::StreamClient::State::Connected)
                endedInGap.insert(id);
            sandbox->dingTalk().complete(id, QStringLiteral("agree"), now);
        }
        if (stream) {
            // A drop a day, halfway through a half-hour: a link fails at a moment of its own,
            // not in the millisecond an event is on the wire.
            wait(tickMs / 2);
            if (tick % 48 == 47)
                sandbox->stream().dropAll();
            wait(tickMs - tickMs / 2);
        } else {
            testing::runFetch(database, config, pollOptions);
            ++polls;
        }
    }
    if (stream) {
        wait(5000); // what the last drop held comes after the 3 s redelivery
        sweeps = intake.sweeps();
        skipped = intake.skippedSweeps();
        intake.stop();
    }

    int storedEnded = 0;
    const QHash<QString, ApprovalState> stored = ApplicationRepository(database).approvalById();
    for (const sandbox::SimInstance &i : applications)
        storedEnded += stored.value(i.id) == ApprovalState::Approved ? 1 : 0;
    const qint64 calls = sandbox->dingTalk().quotaUsed();
    const qint64 pushes = sandbox->stream().stats().value(QLatin1String("pushes")).toInteger();
    const QJsonObject result {
        {QStringLiteral("bench"), QStringLiteral("stream")},
        {QStringLiteral("mode"), stream ? QStringLiteral("stream") : QStringLiteral("poll")},
        {QStringLiteral("api"), v1 ? QStringLiteral("v1") : QStringLiteral("topapi")},
        {QStringLiteral("applications"), count},
        {QStringLiteral("stored_approved"), storedEnded},
        {QStringLiteral("dingtalk_calls"), calls},
        {QStringLiteral("calls_per_application"), double(calls) / count},
        {QStringLiteral("pushes"), pushes},
        {QStringLiteral("pushes_per_application"), double(pushes) / count},
        {QStringLiteral("sweeps"), sweeps},
        {QStringLiteral("skipped_sweeps"), skipped},
        {QStringLiteral("short_gap_ms"), shortGapMs},
        {QStringLiteral("safety_sweeps"), safetySweeps},
        {QStringLiteral("lost_by_gateway"),
         sandbox->stream().stats().value(QLatin1String("lost")).toInteger()},
        {QStringLiteral("poll_runs"), polls},
        {QStringLiteral("latency_p50_ms"), percentile(latenciesMs, 50)},
        {QStringLiteral("latency_p95_ms"), percentile(latenciesMs, 95)},
        {QStringLiteral("latency_max_ms"), percentile(latenciesMs, 100)},
        {QStringLiteral("ended_in_gaps"), int(gapLatenciesMs.size())},
        {QStringLiteral("gap_latency_p50_ms"), percentile(gapLatenciesMs, 50)},
        {QStringLiteral("gap_latency_max_ms"), percentile(gapLatenciesMs, 100)}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return storedEnded == count ? 0 : 1;
}
