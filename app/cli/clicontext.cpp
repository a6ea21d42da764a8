#include "app/cli/clicontext.h"

#include "app/settings/settings.h"
#include "app/store/database.h"
#include "app/sync/jobsetup.h"

#include <QDir>

namespace rs::cli {

bool Context::openDatabase(Database &database, Use use) const
{
    // A read command on a mistyped folder must not answer "0 of everything" from a new, empty
    // profile it just created.
    if (!profile.exists()) {
        fail(tr("There is no profile at %1. Give the folder of an existing profile with "
                "--profile, or open the console once to create it.")
                 .arg(QDir::toNativeSeparators(profile.dir())));
        return false;
    }
    const StoreError error = use == Use::ReadOnly ? database.openForReading() : database.open();
    if (!error.ok()) {
        fail(error.message);
        return false;
    }
    return true;
}

std::optional<StoreLocation> Context::storeLocation() const
{
    const Settings settings(profile.settingsPath(), profile.schemesDir());
    QString error;
    auto location = sync::JobSetup::storeLocation(profile, settings, &error);
    if (!location)
        fail(error);
    return location;
}

std::shared_ptr<const Scheme> Context::openForBills(Database &database,
                                                    const Settings &settings) const
{
    if (!openDatabase(database) || !checkSettings(settings))
        return {};
    return loadScheme(settings);
}

bool Context::kingdeeConfig(const Settings &settings, kingdee::KingdeeConfig *config) const
{
    QString error;
    const auto read = sync::JobSetup::kingdee(profile, settings, &error);
    if (!read) {
        fail(error);
        return false;
    }
    *config = *read;
    return true;
}

bool Context::checkSettings(const Settings &settings) const
{
    const QList<SettingIssue> issues = settings.validate();
    for (const SettingIssue &issue : issues) {
        if (issue.severity == SettingIssue::Severity::Error)
            fail(issue.message);
    }
    return !Settings::hasErrors(issues);
}

std::shared_ptr<const Scheme> Context::loadScheme(const Settings &settings) const
{
    QString error;
    std::shared_ptr<const Scheme> scheme = sync::JobSetup::scheme(profile, settings, &error);
    if (!scheme)
        fail(error);
    return scheme;
}

void Context::fail(const QString &message) const
{
    err << tr("error: %1").arg(message) << Qt::endl;
}

} // namespace rs::cli
