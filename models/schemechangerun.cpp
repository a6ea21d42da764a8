#include "models/schemechangerun.h"

#include "app/store/applicationrepository.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace rs {
namespace {

// Progress is reported in steps of this many applications: often enough for a smooth bar,
// rarely enough that reporting costs nothing beside the mapping.
constexpr int kProgressStep = 50;

void summarise(QPromise<SchemeChangeSummary> &promise, const StoreLocation &store,
               const std::shared_ptr<const Scheme> &before,
               const std::shared_ptr<const Scheme> &after)
{
    promise.setProgressRange(0, 0);
    const auto failed = [&promise](const QString &message) {
        SchemeChangeSummary summary;
        summary.error = message;
        promise.addResult(summary);
    };
    Database database(store);
    if (const StoreError opened = database.openForReading(); !opened.ok())
        return failed(opened.message);
    StoreError error;
    const QList<ApplicationRecord> applications =
        ApplicationRepository(database).listWithRows(ApprovalState::Approved, &error);
    QHash<QString, QList<BillRecord>> bills;
    if (error.ok() && !promise.isCanceled())
        bills = BillRepository(database).byApplication(&error);
    if (!error.ok())
        return failed(error.message);
    if (promise.isCanceled())
        return;
    promise.setProgressRange(0, int(applications.size()));
    const SchemeChangeSummary summary = SchemeChangeSummary::compute(
        applications, bills, before.get(), *after, [&promise](int done, int total) {
            if (done % kProgressStep == 0 || done == total)
                promise.setProgressValue(done);
            return !promise.isCanceled();
        });
    if (!summary.cancelled && !promise.isCanceled())
        promise.addResult(summary);
}

} // namespace

QFuture<SchemeChangeSummary> runSchemeChangeSummary(const StoreLocation &store,
                                                    std::shared_ptr<const Scheme> before,
                                                    std::shared_ptr<const Scheme> after)
{
    return QtConcurrent::run([store, before = std::move(before),
                              after = std::move(after)](QPromise<SchemeChangeSummary> &promise) {
        summarise(promise, store, before, after);
    });
}

} // namespace rs
