#include "app/cli/synccommand.h"

#include "app/cli/clialerts.h"
#include "app/cli/clicontext.h"
#include "app/cli/stopsignal.h"
#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/aftersavejob.h"
#include "app/sync/commentwriteback.h"
#include "app/sync/jobsetup.h"
#include "app/sync/kingdeestatusjob.h"
#include "app/sync/pushjob.h"
#include "app/sync/runtoend.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QSet>

namespace rs::cli {

// [dingtalk] comment_user: one comment on each fully synced instance. Whatever happens here is
// a warning at most: the bills are in Kingdee, and the next sync tries a failed comment again.
void SyncCommand::writeBack(const Context &context, const Settings &settings,
                            const Database &database, const sync::PushReport &report)
{
    const QString userId = settings.text(QLatin1String(keys::DingTalkCommentUser)).trimmed();
    if (userId.isEmpty())
        return;
    QStringList synced;
    for (const sync::BillLine &line : std::as_const(report.lines)) {
        if (line.state == BillState::Synced)
            synced.append(line.applicationId);
    }
    QString error;
    const auto config = sync::JobSetup::dingTalk(context.profile, settings, &error);
    if (!config) {
        context.err << tr("No DingTalk comment written: %1").arg(error) << '\n';
        context.err.flush();
        return;
    }
    dingtalk::DingTalkClient client(*config);
    sync::CommentWriteBack job(
        database, client, userId, synced,
        sync::CommentWriteBack::monthlyAllowance(
            database, settings.integer(QLatin1String(keys::DingTalkMonthlyQuota))));
    const sync::CommentReport done = sync::runToEnd(job, &sync::CommentWriteBack::finished);
    if (done.failed > 0)
        context.err << tr("%n DingTalk comment(s) refused; the next sync tries again.", nullptr,
                          done.failed)
                    << '\n';
    if (done.putOff > 0)
        context.err << tr("%n DingTalk comment(s) put off: the month's DingTalk calls would not "
                          "last.",
                          nullptr, done.putOff)
                    << '\n';
    context.err.flush();
}

int SyncCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption allPending(QStringLiteral("all-pending"),
                                        tr("Every approved application not yet synced."));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    tr("Print what would be sent; send and change nothing."));
    parser.addOptions({allPending, dryRun});
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    const QStringList ids = parser.positionalArguments(); // the command name is argv[0] here
    if (parser.isSet(allPending) == !ids.isEmpty()) {
        context.fail(tr("Give either --all-pending or the ids of the applications to sync."));
        return ConfigError;
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    const std::shared_ptr<const Scheme> scheme = context.openForBills(database, settings);
    if (!scheme)
        return ConfigError;

    sync::PushOptions options = sync::JobSetup::pushOptions(settings);
    options.applicationIds = ids;
    options.dryRun = parser.isSet(dryRun);

    // A dry run talks to nobody: it needs neither a secret nor a complete Kingdee setup.
    kingdee::KingdeeConfig config;
    if (!options.dryRun && !context.kingdeeConfig(settings, &config))
        return ConfigError;

    kingdee::KingdeeClient client(config);
    sync::PushJob job(database, client, scheme, options);
    // Each line as its bill is done with, flushed: a run killed midway leaves what it did in a
    // scheduled task's log.
    QSet<QString> printed;
    QObject::connect(&job, &sync::PushJob::billDone, &job, [&](const sync::BillLine &line) {
        if (options.dryRun)
            return; // the bodies come first, then the lines
        printed.insert(line.key);
        context.out << line.text() << '\n';
        context.out.flush();
    });
    // Ctrl+C (SIGINT, SIGTERM) stops as 停止 does: batches on the wire end, the rest is given back.
    StopSignal stopSignal;
    QObject::connect(&stopSignal, &StopSignal::requested, &job, &sync::PushJob::cancel);
    const sync::PushReport report = sync::runToEnd(job, &sync::PushJob::finished);
    if (!options.dryRun) {
        CliAlerts alerts(context, settings, database);
        alerts.afterPush(report);
        alerts.finish();
    }

    for (const QJsonObject &body : std::as_const(report.dryRunBodies))
        context.out << QJsonDocument(body).toJson(QJsonDocument::Indented);
    for (const sync::BillLine &line : std::as_const(report.lines)) {
        if (!printed.contains(line.key))
            context.out << line.text() << '\n';
    }
    context.out.flush();

    // [kingdee] after_save: Submit (and Audit) as their own calls, for the bills this run synced
    // and those whose earlier Submit or Audit was refused; never a second save.
    const sync::AfterSave afterSave =
        sync::afterSaveFromSetting(settings.text(QLatin1String(keys::KingdeeAfterSave)));
    bool afterSaveRefused = false;
    if (afterSave != sync::AfterSave::None && !options.dryRun
        && report.result != sync::PushReport::Result::ConfigError) {
        QStringList keys = sync::AfterSaveJob::refusedBefore(database);
        for (const sync::BillLine &line : std::as_const(report.lines)) {
            if (line.state == BillState::Synced)
                keys.append(line.key);
        }
        sync::AfterSaveJob after(database, client, scheme, afterSave, keys);
        QString stopReason;
        QList<sync::AfterSaveLine> lines;
        QObject::connect(&after, &sync::AfterSaveJob::finished, &after,
                         [&](const QList<sync::AfterSaveLine> &l, const QString &reason) {
                             lines = l;
                             stopReason = reason;
                         });
        QEventLoop loop;
        QObject::connect(&after, &sync::AfterSaveJob::finished, &loop, &QEventLoop::quit);
        after.start();
        loop.exec();
        for (const sync::AfterSaveLine &line : std::as_const(lines)) {
            if (line.error.isEmpty())
                continue;
            afterSaveRefused = true;
            context.err << line.key << '\t' << line.error.simplified() << '\n';
        }
        if (!stopReason.isEmpty()) {
            afterSaveRefused = true;
            context.err << stopReason << '\n';
        }
        context.err.flush();
    }
    // What Kingdee holds of the bills this run synced, recorded as the console reads it (one
    // query per 2,000 bills), with after_save=none too.
    if (!options.dryRun && report.result != sync::PushReport::Result::ConfigError) {
        QStringList synced;
        for (const sync::BillLine &line : std::as_const(report.lines)) {
            if (line.state == BillState::Synced)
                synced.append(line.key);
        }
        if (!synced.isEmpty()) {
            sync::KingdeeStatusJob status(database, client, scheme, synced);
            sync::runToEnd(status, &sync::KingdeeStatusJob::finished);
        }
    }
    if (!options.dryRun && report.result != sync::PushReport::Result::ConfigError)
        writeBack(context, settings, database, report);
    switch (report.result) {
    case sync::PushReport::Result::Ok:
        return afterSaveRefused ? SomeFailed : Ok;
    case sync::PushReport::Result::SomeFailed:
        if (!report.stopReason.isEmpty())
            context.fail(report.stopReason);
        return SomeFailed;
    case sync::PushReport::Result::ConfigError:
        break;
    }
    context.fail(report.stopReason);
    return ConfigError;
}

} // namespace rs::cli
