// The applications table at scale: load 100,000 applications from a real SQLite store into the
// model, filter and sort them, and report the resident memory. Prints one JSON line; exits 1 when
// a filter answers wrongly. Usage: bench_console [--applications N]
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "models/applicationsfiltermodel.h"
#include "models/applicationsmodel.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

using namespace rs;

namespace {

// Resident memory in MB where the OS tells it cheaply (Linux); -1 elsewhere.
double residentMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toDouble() / 1024;
    }
    return -1;
}

double msSince(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption countOption(QStringLiteral("applications"),
                                         QStringLiteral("Applications in the store."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(countOption);
    parser.process(app);
    const int count = parser.value(countOption).toInt();

    QTemporaryDir dir;
    Database database(dir.filePath(QStringLiteral("bench.db")));
    if (!database.open().ok())
        return 2;
    QList<ApplicationRecord> applications;
    applications.reserve(count);
    for (int i = 0; i < count; ++i) {
        ApplicationRecord a;
        a.id = QStringLiteral("pi-%1").arg(i, 6, 10, QLatin1Char('0'));
        a.businessId = QStringLiteral("2026%1").arg(i, 9, 10, QLatin1Char('0'));
        a.title = QStringLiteral("员工%1提交的返利发放申请").arg(i % 50);
        a.originatorDeptName = QStringLiteral("华东销售部");
        a.createdAt = QStringLiteral("2026-%1-%2 10:00:00")
                          .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                          .arg(1 + i % 28, 2, 10, QLatin1Char('0'));
        a.approval = i % 10 == 0 ? ApprovalState::InApproval : ApprovalState::Approved;
        a.amount =
            QStringLiteral("-%1.%2").arg(i % 90000 + 100).arg(i % 100, 2, 10, QLatin1Char('0'));
        a.organisation = QStringLiteral("10%1").arg(i % 3);
        a.customers = QStringLiteral("C%1, C%2")
                          .arg(i % 60 + 1, 4, 10, QLatin1Char('0'))
                          .arg((i + 7) % 60 + 1, 4, 10, QLatin1Char('0'));
        a.rawJson = QByteArrayLiteral("{}");
        applications.append(a);
    }
    if (!ApplicationRepository(database).upsertAll(applications).ok())
        return 2;
    // Bills for the approved ones: half synced, the rest pending; written as the push job would
    // leave them, in one transaction (test data, not the app's code path).
    {
        QSqlQuery q(database.connection());
        q.exec(QStringLiteral("BEGIN"));
        q.prepare(QStringLiteral("INSERT INTO bills (idempotency_key, application_id, state,"
                                 " kingdee_number, created_at, updated_at) VALUES (?, ?, ?, ?,"
                                 " 'x', 'x')"));
        for (int i = 0; i < count; ++i) {
            if (i % 10 == 0)
                continue;
            const bool synced = i % 2 == 0;
            q.addBindValue(QStringLiteral("k-%1").arg(i));
            q.addBindValue(applications.at(i).id);
            q.addBindValue(synced ? QStringLiteral("synced") : QStringLiteral("pending"));
            q.addBindValue(synced ? QStringLiteral("QTYS%1").arg(i) : QString());
            q.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
    }
    applications.clear();
    applications.squeeze();

    QElapsedTimer clock;
    clock.start();
    ApplicationsModel model;
    ApplicationsFilterModel proxy;
    proxy.setSourceModel(&model);
    model.setRows(ApplicationRepository(database).tableRows());
    const int pending = proxy.rowCount();
    const double loadMs = msSince(clock);

    clock.restart();
    proxy.setSearchText(QStringLiteral("C0042"));
    const int found = proxy.rowCount();
    const double searchMs = msSince(clock);

    clock.restart();
    proxy.setSearchText({});
    proxy.setStateFilter(ApplicationsFilterModel::StateFilter::Synced);
    const int synced = proxy.rowCount();
    const double stateMs = msSince(clock);

    clock.restart();
    proxy.sort(ApplicationsModel::AmountColumn);
    const double sortMs = msSince(clock);

    const QJsonObject result {{QStringLiteral("bench"), QStringLiteral("console")},
                              {QStringLiteral("applications"), count},
                              {QStringLiteral("load_ms"), loadMs},
                              {QStringLiteral("search_ms"), searchMs},
                              {QStringLiteral("state_filter_ms"), stateMs},
                              {QStringLiteral("sort_by_amount_ms"), sortMs},
                              {QStringLiteral("resident_mb"), residentMb()}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;

    // Approved applications are those not divisible by 10; even ones have a synced bill.
    int expectedPending = 0;
    int expectedFound = 0;
    int expectedSynced = 0;
    for (int i = 0; i < count; ++i) {
        const bool approved = i % 10 != 0;
        const bool isPending = approved && i % 2 == 1;
        expectedPending += isPending ? 1 : 0;
        expectedSynced += approved && i % 2 == 0 ? 1 : 0;
        const bool names42 = i % 60 + 1 == 42 || (i + 7) % 60 + 1 == 42;
        expectedFound += isPending && names42 ? 1 : 0; // the search narrows the pending view
    }
    const bool right =
        pending == expectedPending && found == expectedFound && synced == expectedSynced;
    return right ? 0 : 1;
}
