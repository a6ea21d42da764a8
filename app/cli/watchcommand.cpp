#include "app/cli/watchcommand.h"

#include "app/alerts/budget.h"
#include "app/cli/clialerts.h"
#include "app/cli/clicontext.h"
#include "app/cli/stopsignal.h"
#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/sync/autosync.h"
#include "app/sync/jobsetup.h"
#include "app/sync/streamintake.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

namespace rs::cli {

int WatchCommand::run(const Context &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption seconds(QStringLiteral("seconds"), tr("Stop after N seconds."),
                                     QStringLiteral("N"));
    parser.addOption(seconds);
    if (!parser.parse(arguments)) {
        context.fail(parser.errorText());
        return ConfigError;
    }
    int limitS = 0;
    if (parser.isSet(seconds)) {
        bool ok = false;
        limitS = parser.value(seconds).toInt(&ok);
        if (!ok || limitS <= 0) {
            context.fail(tr("--seconds takes a whole number of seconds above 0, not \"%1\".")
                             .arg(parser.value(seconds)));
            return ConfigError;
        }
    }

    const std::optional<StoreLocation> location = context.storeLocation();
    if (!location)
        return ConfigError;
    Database database(*location);
    if (!context.openDatabase(database))
        return ConfigError;
    const Settings settings(context.profile.settingsPath(), context.profile.schemesDir());
    if (!context.checkSettings(settings))
        return ConfigError;
    sync::FetchOptions options;
    options.scheme = context.loadScheme(settings);
    if (!options.scheme)
        return ConfigError;
    QString error;
    const auto config = sync::JobSetup::dingTalk(context.profile, settings, &error);
    if (!config) {
        context.fail(error);
        return ConfigError;
    }

    // [schedule] auto_sync=on needs Kingdee before the first approval arrives, not after.
    const bool autoSyncOn =
        settings.text(QLatin1String(keys::ScheduleAutoSync)) == QLatin1String("on");
    kingdee::KingdeeConfig kingdeeConfig;
    if (autoSyncOn && !context.kingdeeConfig(settings, &kingdeeConfig))
        return ConfigError;

    dingtalk::DingTalkClient client(*config);
    sync::StreamIntake intake(database, client, options);
    // The daily re-read that sees a biz_action REVOKE, within the month's calls.
    const qint64 quota = settings.integer(QLatin1String(keys::DingTalkMonthlyQuota));
    intake.setRevokeReread([&database, quota](int due) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return alerts::Budget::rereadAllowance(
            due, ApiUsageRepository(database).dingTalkQuotaCalls(now), quota, now);
    });
    intake.setMonthlyQuota(settings.integer(QLatin1String(keys::DingTalkMonthlyQuota)));
    QEventLoop loop;
    QString fatal;
    QObject::connect(&intake, &sync::StreamIntake::applicationStored, &loop,
                     [&](const QString &id) {
                         const auto record = ApplicationRepository(database).find(id);
                         if (!record)
                             return;
                         // Flushed per line: a service wrapper or a pipe sees it at once.
                         context.out << id << '\t' << toWireName(record->approval) << Qt::endl;
                     });
    QObject::connect(&intake, &sync::StreamIntake::fatalError, &loop, [&](const QString &text) {
        if (fatal.isEmpty())
            fatal = text;
        intake.stop();
    });
    CliAlerts alerts(context, settings, database);
    std::unique_ptr<kingdee::KingdeeClient> kingdee;
    std::unique_ptr<sync::AutoSync> autoSync;
    QString kingdeeRefusal;
    if (autoSyncOn) {
        kingdee = std::make_unique<kingdee::KingdeeClient>(kingdeeConfig);
        autoSync = std::make_unique<sync::AutoSync>(database, *kingdee, options.scheme,
                                                    sync::JobSetup::pushOptions(settings));
        autoSync->setAfterSave(
            sync::afterSaveFromSetting(settings.text(QLatin1String(keys::KingdeeAfterSave))));
        QObject::connect(&intake, &sync::StreamIntake::applicationStored, autoSync.get(),
                         &sync::AutoSync::add);
        // stdout keeps the contract's lines only; what the sync did goes to stderr, a line a
        // bill as `sync` prints it.
        QObject::connect(
            autoSync.get(), &sync::AutoSync::billDone, &loop,
            [&](const sync::BillLine &line) { context.err << line.text() << Qt::endl; });
        // What Submit or Audit refused, as `sync` says it.
        QObject::connect(autoSync.get(), &sync::AutoSync::afterSaveFinished, &loop,
                         [&](const QList<sync::AfterSaveLine> &lines, const QString &stopReason) {
                             for (const sync::AfterSaveLine &line : lines) {
                                 if (!line.error.isEmpty())
                                     context.err << line.key << '\t' << line.error.simplified()
                                                 << Qt::endl;
                             }
                             if (!stopReason.isEmpty())
                                 context.err << stopReason << Qt::endl;
                         });
        QObject::connect(autoSync.get(), &sync::AutoSync::runFinished, &loop,
                         [&](const sync::PushReport &report) { alerts.afterPush(report); });
        QObject::connect(autoSync.get(), &sync::AutoSync::refusedWith, &loop,
                         [&](const QString &reason) {
                             kingdeeRefusal = reason;
                             context.err << reason << Qt::endl;
                         });
    }
    // The intake first, then the sync of what it stored last.
    QObject::connect(&intake, &sync::StreamIntake::stopped, &loop, [&] {
        if (!autoSync) {
            loop.quit();
            return;
        }
        QObject::connect(autoSync.get(), &sync::AutoSync::idle, &loop, &QEventLoop::quit);
        autoSync->stop();
        if (autoSync->isIdle()) // else its run ends first
            loop.quit();
    });
    QObject::connect(&intake, &sync::StreamIntake::sweepFinished, &loop,
                     [&](const sync::FetchReport &report) { alerts.afterFetch(report); });
    StopSignal stopSignal;
    QObject::connect(&stopSignal, &StopSignal::requested, &intake, &sync::StreamIntake::stop);
    if (limitS > 0)
        QTimer::singleShot(limitS * 1000, &intake, &sync::StreamIntake::stop);
    intake.start();
    loop.exec();
    if (!fatal.isEmpty()) {
        sync::FetchReport refused;
        refused.result = sync::FetchReport::Result::ConfigError;
        refused.stopReason = fatal;
        alerts.afterFetch(refused);
    }
    alerts.finish();

    if (!fatal.isEmpty() || intake.worst() == sync::FetchReport::Result::ConfigError) {
        context.fail(fatal);
        return ConfigError;
    }
    if (!kingdeeRefusal.isEmpty())
        return ConfigError; // already said on stderr as it happened
    return intake.worst() == sync::FetchReport::Result::Partial ? Partial : Ok;
}

} // namespace rs::cli
