// The scheme editor's two costs (issue 18): re-mapping the chosen application after an edit
// (validate the edited scheme exactly as loading does, map, write the preview JSON), and the
// "what changes" run over every pending application of a real SQLite store before a changed
// scheme becomes active. Prints one JSON line; exits non-zero when a result is wrong.
#include "app/mapping/schemeresolver.h"
#include "app/mapping/schemetrial.h"
#include "app/settings/settings.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "models/schemechangerun.h"
#include "models/schemechangesummary.h"
#include "models/schemeeditsession.h"
#include "schemeeditortesting.h"
#include "ui/schemeeditor/schemeeditorwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

using namespace rs;
using namespace rs::testdata;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption applicationsOption(QStringLiteral("applications"),
                                                QStringLiteral("Pending applications stored."),
                                                QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption editsOption(QStringLiteral("edits"),
                                         QStringLiteral("Edits re-mapped."), QStringLiteral("N"),
                                         QStringLiteral("300"));
    parser.addOptions({applicationsOption, editsOption});
    parser.process(app);
    const int count = parser.value(applicationsOption).toInt();
    const int edits = parser.value(editsOption).toInt();
    QTextStream err(stderr);

    // Re-map after an edit: the expression typed one character at a time, as a clerk would.
    SchemeDocument document = builtinDocument();
    const FieldPosition amount = amountField(document);
    FieldRule rule = *document.field(amount);
    const ApplicationRecord chosen = generatedApplication(2); // three customers
    QList<double> remapMs;
    const QString base = rule.text;
    for (int i = 0; i < edits; ++i) {
        rule.text = base + (i % 2 == 0 ? QStringLiteral(" - 0") : QStringLiteral(" + 0"));
        document.setField(amount, rule);
        QElapsedTimer timer;
        timer.start();
        const SchemeTrial trial = trySchemeOn(document, &chosen);
        remapMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (!trial.loaded || trial.result.bills.size() != 3 || trial.json.isEmpty()) {
            err << "re-map after an edit gave a wrong result\n";
            return 1;
        }
    }
    std::sort(remapMs.begin(), remapMs.end());

    QTemporaryDir dir;
    Database database(QDir(dir.path()).filePath(QStringLiteral("rebatesync.db")));
    if (!database.open().ok())
        return 1;
    QList<ApplicationRecord> applications;
    for (int i = 0; i < count; ++i)
        applications.append(generatedApplication(i));
    if (!ApplicationRepository(database).upsertAll(applications).ok())
        return 1;
    const auto before = resolveScheme(kBuiltin, QString()).scheme;
    SchemeDocument changed = builtinDocument();
    FieldRule whole = *changed.field(amount);
    whole.text = QStringLiteral("ROUND(-1*'{{list.表格_不含税金额}}', 0)");
    changed.setField(amount, whole);
    const auto after = changed.load(QStringLiteral("bench")).scheme;
    QElapsedTimer timer;
    timer.start();
    const SchemeChangeSummary summary =
        SchemeChangeSummary::compute(database, before.get(), *after);
    const double summaryMs = double(timer.nsecsElapsed()) / 1e6;
    // Every application is pending; most amounts have cents, so most bills change.
    if (!summary.error.isEmpty() || summary.applications != count
        || summary.changes.size() < summary.billsAfter / 2) {
        err << "the summary is wrong: " << summary.error << '\n';
        return 1;
    }

    // The same on the worker the editor uses (its own connection to the store), while the UI
    // thread's event loop runs: how long it takes, and the longest the event loop waited.
    QElapsedTimer workerTimer;
    workerTimer.start();
    QFutureWatcher<SchemeChangeSummary> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    qint64 lastTick = 0;
    qint64 longestGap = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 now = workerTimer.nsecsElapsed();
        longestGap = std::max(longestGap, now - lastTick);
        lastTick = now;
    });
    tick.start();
    watcher.setFuture(runSchemeChangeSummary(database.location(), before, after));
    loop.exec();
    tick.stop();
    const double workerMs = double(workerTimer.nsecsElapsed()) / 1e6;
    const SchemeChangeSummary onWorker =
        watcher.future().resultCount() > 0 ? watcher.result() : SchemeChangeSummary {};
    if (onWorker.changes.size() != summary.changes.size()
        || onWorker.totalAfter.toString(2) != summary.totalAfter.toString(2)) {
        err << "the worker's summary differs: " << onWorker.error << '\n';
        return 1;
    }

    // The same edit in the real window: the tree, the rule form and the preview JSON redrawn
    // (offscreen), on the newest of the stored applications.
    Settings settings(QDir(dir.path()).filePath(QStringLiteral("settings.ini")), dir.path());
    SchemeEditorWindow window(dir.path(), database, settings);
    window.show();
    window.selectField(amount);
    QList<double> windowMs;
    SchemeDocument edited = window.session().document();
    for (int i = 0; i < edits; ++i) {
        rule.text = base + QStringLiteral(" - 0.%1").arg(i % 10);
        edited.setField(amount, rule);
        QElapsedTimer windowTimer;
        windowTimer.start();
        window.session().change(edited, QStringLiteral("bench"));
        windowMs.append(double(windowTimer.nsecsElapsed()) / 1e6);
    }
    std::sort(windowMs.begin(), windowMs.end());
    if (!window.trial().loaded || window.trial().json.isEmpty()) {
        err << "the window shows no preview\n";
        return 1;
    }

    QTextStream(stdout)
        << QStringLiteral("{\"edits\":%1,\"remap_median_ms\":%2,\"remap_p99_ms\":%3,"
                          "\"remap_max_ms\":%4,\"pending_applications\":%5,\"bills\":%6,"
                          "\"changed_bills\":%7,\"what_changes_ms\":%8,\"window_median_ms\":%9,"
                          "\"window_max_ms\":%10,\"what_changes_worker_ms\":%11,"
                          "\"ui_longest_wait_ms\":%12}")
               .arg(edits)
               .arg(remapMs.at(remapMs.size() / 2), 0, 'f', 3)
               .arg(remapMs.at(std::min<qsizetype>(remapMs.size() - 1, remapMs.size() * 99 / 100)),
                    0, 'f', 3)
               .arg(remapMs.last(), 0, 'f', 3)
               .arg(count)
               .arg(summary.billsAfter)
               .arg(summary.changes.size())
               .arg(summaryMs, 0, 'f', 1)
               .arg(windowMs.at(windowMs.size() / 2), 0, 'f', 3)
               .arg(windowMs.last(), 0, 'f', 3)
               .arg(workerMs, 0, 'f', 1)
               .arg(double(longestGap) / 1e6, 0, 'f', 1)
        << '\n';
    return 0;
}
