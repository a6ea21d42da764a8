// The applications table at scale: load 100,000 applications from a real SQLite store into the
// model, filter and sort them, and report the resident memory. Prints one JSON line; exits 1 when
// a filter answers wrongly. Usage: bench_console [--applications N]
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "consoledata.h"
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
using rs::bench::residentMb;

namespace {

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
    if (!bench::fillStore(database, count))
        return 2;

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
