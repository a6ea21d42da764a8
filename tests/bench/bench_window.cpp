// The console window at scale, as the clerk meets it (offscreen platform, real painting):
//   --mode load: 100,000 applications in the store; time until the table shows its first rows
//     and all of them, a search and a state filter typed into the filter bar, resident memory.
//     With --ledger the store is a PostgreSQL ledger on the server of scripts/with-postgres.sh.
//   --mode sync: a sync of about --bills bills through the window's own worker against a sandbox
//     on another thread (Kingdee answering after 50 ms); the UI thread's event-loop latency,
//     sampled by a 5 ms timer, must stay low.
// Prints one JSON line; exits 1 when the window showed something wrong.
#include "app/i18n/translations.h"
#include "app/settings/profile.h"
#include "consoledata.h"
#include "consoletesting.h"
#include "fetchtesting.h"
#include "models/applicationsmodel.h"
#include "pgtesting.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "ui/applications/applicationspane.h"
#include "ui/mainwindow.h"
#include "ui/uistate.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>

using namespace rs;

namespace {

double msSince(const QElapsedTimer &clock)
{
    return clock.nsecsElapsed() / 1e6;
}

void print(const QJsonObject &line)
{
    QTextStream(stdout) << QJsonDocument(line).toJson(QJsonDocument::Compact) << Qt::endl;
}

// Runs the event loop until `done` holds; false after `timeoutMs`.
template<typename Done> bool spinUntil(Done done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

int measureLoad(int count, bool onLedger)
{
    QTemporaryDir dir;
    const Profile profile = Profile::resolve(dir.path());
    QString problem;
    StoreLocation store = StoreLocation::sqlite(profile.databasePath());
    if (onLedger) {
        const auto server = testing::PgServer::fromEnvironment();
        const auto created = server ? server->createDatabase(&problem) : std::nullopt;
        if (!created) {
            QTextStream(stderr) << "no PostgreSQL server (run under scripts/with-postgres.sh) "
                                << problem << Qt::endl;
            return 2;
        }
        store = *created;
    }
    Database database(store);
    if (!profile.ensureExists(&problem) || !database.open().ok()
        || !bench::fillStore(database, count))
        return 2;
    UiState uiState(profile.uiStatePath());

    QElapsedTimer clock;
    clock.start();
    MainWindow window(profile, database, uiState);
    window.show();
    const ApplicationsModel &model = window.applicationsPane()->model();
    auto *view = window.findChild<QAbstractItemView *>(QStringLiteral("applicationsView"));
    if (!spinUntil([&] { return model.rowCount() > 0; }, 30'000))
        return 1;
    QCoreApplication::processEvents(); // the paint that shows them
    const double firstRowsMs = msSince(clock);
    if (!spinUntil([&] { return model.rowCount() == count; }, 30'000))
        return 1;
    QCoreApplication::processEvents();
    const double allRowsMs = msSince(clock);
    const int pending = view->model()->rowCount();

    auto *search = window.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    search->setText(QStringLiteral("C0042"));
    clock.restart();
    QTest::keyClick(search, Qt::Key_Return); // applies at once, without the typing pause
    QCoreApplication::processEvents();
    const double searchMs = msSince(clock);
    const int found = view->model()->rowCount();

    search->clear();
    QTest::keyClick(search, Qt::Key_Return);
    auto *state = window.findChild<QComboBox *>(QStringLiteral("stateFilterCombo"));
    clock.restart();
    state->setCurrentIndex(1); // 已同步
    QCoreApplication::processEvents();
    const double stateMs = msSince(clock);
    const int synced = view->model()->rowCount();

    print({{QStringLiteral("bench"), QStringLiteral("window_load")},
           {QStringLiteral("store"),
            onLedger ? QStringLiteral("postgresql") : QStringLiteral("sqlite")},
           {QStringLiteral("applications"), count},
           {QStringLiteral("first_rows_shown_ms"), firstRowsMs},
           {QStringLiteral("all_rows_shown_ms"), allRowsMs},
           {QStringLiteral("search_ms"), searchMs},
           {QStringLiteral("state_filter_ms"), stateMs},
           {QStringLiteral("resident_mb"), bench::residentMb()}});
    // Every approved application (i % 10 != 0) is pending when i is odd, synced when even.
    int expectedPending = 0;
    int expectedFound = 0;
    for (int i = 0; i < count; ++i) {
        const bool isPending = i % 10 != 0 && i % 2 == 1;
        expectedPending += isPending ? 1 : 0;
        expectedFound += isPending && (i % 60 + 1 == 42 || (i + 7) % 60 + 1 == 42) ? 1 : 0;
    }
    return pending == expectedPending && found == expectedFound && synced == count / 2 - count / 10
        ? 0
        : 1;
}

// The sandbox on its own thread: in the UI thread it would cause the very stalls measured.
class SandboxThread final
{
public:
    explicit SandboxThread(const sandbox::SandboxOptions &options)
    {
        m_thread.start();
        m_anchor.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_anchor, [this, options] { m_sandbox = testing::startSandbox(options); },
            Qt::BlockingQueuedConnection);
    }
    ~SandboxThread()
    {
        QMetaObject::invokeMethod(
            &m_anchor, [this] { m_sandbox.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(SandboxThread)

    sandbox::Sandbox *get() const { return m_sandbox.get(); }

private:
    QThread m_thread;
    QObject m_anchor;
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
};

int measureSync(int bills)
{
    // The generated applications carry about 2.65 bills each.
    auto options = testing::sandboxOptions(bills * 100 / 265, 20);
    options.dingTalk.qpsLimit = 0;
    options.data.unknownCustomerRate = 0;
    options.faults.latencyMs = 50;
    SandboxThread sandbox(options);
    if (!sandbox.get())
        return 2;
    QTemporaryDir dir;
    if (!testing::writeSandboxProfile(dir.path(), sandbox.get()->baseUrl()))
        return 2;
    const Profile profile = Profile::resolve(dir.path());
    qputenv("REBATESYNC_KINGDEE_APP_SECRET", sandbox::KingdeeOptions {}.appSecret.toUtf8());
    Database database(profile.databasePath());
    if (!database.open().ok())
        return 2;
    sync::FetchOptions period;
    period.from = QDate::currentDate().addDays(-22);
    testing::runFetch(database, testing::sandboxDingTalk(*sandbox.get(), 1000), period);
    UiState uiState(profile.uiStatePath());

    MainWindow window(profile, database, uiState);
    ApplicationsPane &pane = *window.applicationsPane();
    bool loaded = false;
    QObject::connect(&pane, &ApplicationsPane::loaded, &pane, [&loaded] { loaded = true; });
    window.show();
    if (!spinUntil([&] { return loaded; }, 30'000))
        return 1;
    pane.findChild<QPushButton *>(QStringLiteral("checkPendingButton"))->click();
    const qsizetype ticked = pane.checkedIds().size();
    auto *fetch = window.findChild<QAction *>(QStringLiteral("fetchAction"));

    // A 5 ms timer: each late tick is time the UI thread could not answer the clerk.
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    double worstMs = 0;
    double worstAtS = 0; // when it happened, from the click on 同步所选
    int over50 = 0;
    int ticks = 0;
    QTimer sampler;
    sampler.setTimerType(Qt::PreciseTimer);
    sampler.setInterval(5);
    QObject::connect(&sampler, &QTimer::timeout, &sampler, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double stallMs = (now - last) / 1e6 - 5;
        if (stallMs > worstMs) {
            worstMs = stallMs;
            worstAtS = now / 1e9;
        }
        over50 += stallMs > 50 ? 1 : 0;
        ++ticks;
        last = now;
    });
    sampler.start();
    rs::testing::answerNextQuestion(true); // 同步所选 asks first
    window.findChild<QAction *>(QStringLiteral("syncAction"))->trigger();
    const bool ended = spinUntil([&] { return fetch->isEnabled(); }, 600'000);
    const double seconds = clock.nsecsElapsed() / 1e9;
    sampler.stop();

    QList<QString> syncedIds;
    int syncedBills = 0;
    for (const ApplicationRow &row : ApplicationRepository(database).tableRows()) {
        for (const ApplicationRow::Bill &bill : row.bills)
            syncedBills += bill.state == BillState::Synced ? 1 : 0;
    }
    print({{QStringLiteral("bench"), QStringLiteral("window_sync")},
           {QStringLiteral("applications"), qint64(ticked)},
           {QStringLiteral("bills_synced"), syncedBills},
           {QStringLiteral("seconds"), seconds},
           {QStringLiteral("samples"), ticks},
           {QStringLiteral("worst_stall_ms"), worstMs},
           {QStringLiteral("worst_stall_at_s"), worstAtS},
           {QStringLiteral("stalls_over_50ms"), over50},
           {QStringLiteral("resident_mb"), bench::residentMb()}});
    const qsizetype inKingdee = sandbox.get()->kingdee().books().bills().size();
    return ended && syncedBills > 0 && inKingdee == syncedBills ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption mode(QStringLiteral("mode"), QStringLiteral("load or sync."),
                                  QStringLiteral("MODE"), QStringLiteral("load"));
    const QCommandLineOption count(QStringLiteral("applications"),
                                   QStringLiteral("Applications in the store (load)."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption bills(QStringLiteral("bills"),
                                   QStringLiteral("About this many bills to sync (sync)."),
                                   QStringLiteral("N"), QStringLiteral("5000"));
    const QCommandLineOption ledger(QStringLiteral("ledger"),
                                    QStringLiteral("The store is a PostgreSQL ledger (load)."));
    parser.addOptions({mode, count, bills, ledger});
    parser.process(app);
    Translations translations;
    translations.apply(LanguageChoice::Chinese);
    return parser.value(mode) == QLatin1String("sync")
        ? measureSync(parser.value(bills).toInt())
        : measureLoad(parser.value(count).toInt(), parser.isSet(ledger));
}
