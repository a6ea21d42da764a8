// Reconciling a month of N synced bills against the sandbox's Kingdee at a fixed latency: the
// Kingdee queries it makes, the seconds it takes and the process's peak memory. One JSON line.
#include "app/kingdee/kingdeeclient.h"
#include "app/mapping/schemeresolver.h"
#include "app/report/reconcilejob.h"
#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "app/sync/kingdeestatusjob.h"
#include "app/sync/runtoend.h"
#include "kingdeetesting.h"
#include "sandboxtesting.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cstdio>

using namespace rs;
using namespace rs::testing;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption billsOption(QStringLiteral("bills"), QStringLiteral("Synced bills."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
                                           QStringLiteral("Sandbox latency."), QStringLiteral("MS"),
                                           QStringLiteral("50"));
    parser.addOptions({billsOption, latencyOption});
    parser.process(app);
    const int bills = parser.value(billsOption).toInt();

    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("rebatesync.db")));
    if (!database.open().ok())
        return 1;
    auto sb = startSandbox(sandboxOptions(1, 20));
    kingdee::KingdeeClient client(sandboxKingdee(*sb));

    // N bills in Kingdee and in the store as synced, one application each, dated last month.
    const QString date = QStringLiteral("2025-03-15");
    QList<ApplicationRecord> applications;
    QList<BillChange> toSynced;
    QJsonArray models;
    for (int i = 0; i < bills; ++i) {
        ApplicationRecord a;
        a.id = QStringLiteral("proc-%1").arg(i);
        a.businessId = QStringLiteral("2025031500000%1").arg(i, 8, 10, QLatin1Char('0'));
        a.approval = ApprovalState::Approved;
        a.amount = QStringLiteral("600.%1").arg(i % 100, 2, 10, QLatin1Char('0'));
        a.rawJson = "{}";
        applications.append(a);
        const QString key = a.businessId + QStringLiteral("-C0001");
        QJsonObject model =
            otherReceivable(QStringLiteral("C0001"), key, QLatin1Char('-') + a.amount);
        model.insert(QStringLiteral("FDATE"), date);
        models.append(model);
    }
    if (!ApplicationRepository(database).upsertAll(applications).ok())
        return 1;
    BillRepository repository(database);
    for (qsizetype at = 0; at < models.size(); at += 500) {
        QJsonArray chunk;
        for (qsizetype i = at; i < std::min(models.size(), at + 500); ++i)
            chunk.append(models.at(i));
        const kingdee::SaveResult saved = saveBatch(client, chunk);
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const QJsonObject model = chunk.at(i).toObject();
            BillRecord b;
            b.key = model.value(QLatin1String("FAR_OtherRemarks")).toString();
            b.applicationId = applications.at(at + i).id;
            b.amount = QLatin1Char('-') + applications.at(at + i).amount;
            b.payloadJson = QJsonDocument(model).toJson(QJsonDocument::Compact);
            repository.saveDraft(b);
            BillOutcome o;
            o.kingdeeNumber = saved.entries.at(i).number;
            for (const auto &[from, to] : {std::pair(BillState::Pending, BillState::Queued),
                                           std::pair(BillState::Queued, BillState::Sending),
                                           std::pair(BillState::Sending, BillState::Synced)})
                toSynced.append({b.key, from, to, o, QStringLiteral("bench")});
        }
    }
    if (!repository.transitionAll(toSynced).ok())
        return 1;

    sandbox::FaultOptions f = sb->faults().options();
    f.latencyMs = parser.value(latencyOption).toInt();
    sb->faults().setOptions(f);
    const qint64 queriesBefore = sandboxCalls(*sb, "kingdee.executeBillQuery");
    QElapsedTimer timer;
    timer.start();
    report::ReconcileJob job(
        database, client,
        resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), {}).scheme,
        QDate(2025, 3, 1), QDate(2025, 3, 31));
    const report::ReconcileReport r = sync::runToEnd(job, &report::ReconcileJob::finished);
    const double seconds = double(timer.elapsed()) / 1000.0;

    // The console's 读取金蝶状态 over the same synced bills: by key, 2,000 keys a query.
    const qint64 statusQueriesBefore = sandboxCalls(*sb, "kingdee.executeBillQuery");
    timer.restart();
    sync::KingdeeStatusJob status(
        database, client,
        resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), {}).scheme, {});
    const sync::KingdeeStatusReport read =
        sync::runToEnd(status, &sync::KingdeeStatusJob::finished);
    const double statusSeconds = double(timer.elapsed()) / 1000.0;
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const QJsonObject line {
        {QStringLiteral("bills"), bills},
        {QStringLiteral("latency_ms"), f.latencyMs},
        {QStringLiteral("matched"), r.matched},
        {QStringLiteral("differences"), int(r.differences.size())},
        {QStringLiteral("kingdee_queries"), statusQueriesBefore - queriesBefore},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("status_read"), read.read},
        {QStringLiteral("status_gone"), read.gone},
        {QStringLiteral("status_queries"),
         sandboxCalls(*sb, "kingdee.executeBillQuery") - statusQueriesBefore},
        {QStringLiteral("status_seconds"), statusSeconds},
        {QStringLiteral("peak_rss_mb"), double(usage.ru_maxrss) / 1024.0}};
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return r.matched == bills && r.differences.isEmpty() && read.read == bills && read.gone == 0
        ? 0
        : 1;
}
