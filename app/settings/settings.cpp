#include "app/settings/settings.h"

#include "app/settings/settingspec.h"

#include <QSettings>

#include <algorithm>
#include <optional>

namespace rs {

Settings::Settings(const QString &iniPath, const QString &schemesDir, QObject *parent)
    : QObject(parent)
    , m_ini(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
    , m_validator(schemesDir)
{ }

Settings::~Settings() = default;

QString Settings::path() const
{
    return m_ini->fileName();
}

QString Settings::text(const QString &key) const
{
    const SettingSpec *spec = findSettingSpec(key);
    Q_ASSERT_X(spec, "Settings::text", "key outside the contract");
    return m_ini->value(key, spec ? spec->defaultValue : QString()).toString().trimmed();
}

int Settings::integer(const QString &key) const
{
    const SettingSpec *spec = findSettingSpec(key);
    Q_ASSERT_X(spec, "Settings::integer", "key outside the contract");
    if (!spec)
        return 0;
    const QString value = text(key);
    return m_validator.check(*spec, value).isEmpty() ? value.toInt() : spec->defaultValue.toInt();
}

std::optional<SettingIssue> Settings::check(const QString &key, const QString &value) const
{
    const SettingSpec *spec = findSettingSpec(key);
    if (!spec)
        return m_validator.unknownKey(key);
    if (const QString problem = m_validator.check(*spec, value); !problem.isEmpty())
        return SettingIssue {key, problem, SettingIssue::Severity::Error};
    return std::nullopt;
}

std::optional<SettingIssue> Settings::setValue(const QString &key, const QString &value)
{
    if (std::optional<SettingIssue> issue = check(key, value))
        return issue;
    if (m_ini->value(key).toString() != value) {
        m_ini->setValue(key, value);
        Q_EMIT changed(key);
    }
    return std::nullopt;
}

QList<SettingIssue> Settings::validate() const
{
    QList<SettingIssue> issues;
    for (const SettingSpec &spec : settingSpecs()) {
        if (const QString problem = m_validator.check(spec, text(spec.key)); !problem.isEmpty())
            issues.append({spec.key, problem, SettingIssue::Severity::Error});
    }
    const QStringList present = m_ini->allKeys();
    for (const QString &key : present) {
        if (!findSettingSpec(key))
            issues.append(m_validator.unknownKey(key));
    }
    return issues;
}

bool Settings::hasErrors(const QList<SettingIssue> &issues)
{
    return std::any_of(issues.cbegin(), issues.cend(), [](const SettingIssue &issue) {
        return issue.severity == SettingIssue::Severity::Error;
    });
}

void Settings::writeMissingDefaults()
{
    for (const SettingSpec &spec : settingSpecs()) {
        if (!m_ini->contains(spec.key))
            m_ini->setValue(spec.key, spec.defaultValue);
    }
}

bool Settings::flush()
{
    m_ini->sync();
    return m_ini->status() == QSettings::NoError;
}

} // namespace rs
