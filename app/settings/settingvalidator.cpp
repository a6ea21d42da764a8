#include "app/settings/settingvalidator.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingspec.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

#include <algorithm>

namespace rs {

SettingValidator::SettingValidator(QString schemesDir)
    : m_schemesDir(std::move(schemesDir))
{ }

QString SettingValidator::displayKey(const QString &key)
{
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return key;
    return QLatin1Char('[') + key.left(slash) + QStringLiteral("] ") + key.mid(slash + 1);
}

QString SettingValidator::check(const SettingSpec &spec, const QString &value) const
{
    switch (spec.kind) {
    case SettingSpec::Kind::Text:
        return {};
    case SettingSpec::Kind::Url:
        return checkUrl(spec, value);
    case SettingSpec::Kind::Integer: {
        bool ok = false;
        const int number = value.trimmed().toInt(&ok);
        if (ok && number >= spec.minimum && number <= spec.maximum)
            return {};
        return tr("%1: \"%2\" is not a whole number from %3 to %4.")
            .arg(displayKey(spec.key), value)
            .arg(spec.minimum)
            .arg(spec.maximum);
    }
    case SettingSpec::Kind::Choice:
        if (spec.choices.contains(value.trimmed()))
            return {};
        return tr("%1: \"%2\" is not accepted. Use one of: %3.")
            .arg(displayKey(spec.key), value, spec.choices.join(QStringLiteral(", ")));
    case SettingSpec::Kind::Scheme:
        return checkScheme(spec, value);
    }
    return {};
}

QString SettingValidator::checkUrl(const SettingSpec &spec, const QString &value) const
{
    const QUrl url(value.trimmed(), QUrl::StrictMode);
    const bool webScheme =
        url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!url.isValid() || !webScheme || url.host().isEmpty()) {
        return tr("%1: \"%2\" is not a web address. Use the form https://host/path (http:// "
                  "only for a server inside your network).")
            .arg(displayKey(spec.key), value);
    }
    if (!url.userInfo().isEmpty()) {
        return tr("%1: the address must not contain a user name or password; secrets belong "
                  "in %2.")
            .arg(displayKey(spec.key), SecretStore::keychainName());
    }
    if (url.hasQuery() || url.hasFragment()) {
        return tr("%1: \"%2\" must not contain ? or #. Use the form https://host/path.")
            .arg(displayKey(spec.key), value);
    }
    return {};
}

QString SettingValidator::checkScheme(const SettingSpec &spec, const QString &value) const
{
    const QString trimmed = value.trimmed();
    const QLatin1String builtin("builtin:");
    if (trimmed.startsWith(builtin)) {
        if (builtinSchemeNames().contains(trimmed.mid(builtin.size())))
            return {};
        QStringList accepted;
        for (const QString &name : builtinSchemeNames())
            accepted.append(builtin + name);
        return tr("%1: \"%2\" is not a built-in scheme. Use one of: %3, or the name of a .json "
                  "file in %4.")
            .arg(displayKey(spec.key), value, accepted.join(QStringLiteral(", ")),
                 QDir::toNativeSeparators(m_schemesDir));
    }
    const bool plainFileName =
        !trimmed.contains(QLatin1Char('/')) && !trimmed.contains(QLatin1Char('\\'));
    if (plainFileName && trimmed.endsWith(QLatin1String(".json"))
        && QFileInfo::exists(QDir(m_schemesDir).filePath(trimmed))) {
        return {};
    }
    return tr("%1: \"%2\" is neither a built-in scheme (builtin:rebate-to-other-receivable) nor "
              "a .json file in %3.")
        .arg(displayKey(spec.key), value, QDir::toNativeSeparators(m_schemesDir));
}

SettingIssue SettingValidator::unknownKey(const QString &key) const
{
    // Secrets under any name: a password, "pwd", an app secret, a token.
    const QString lower = key.toLower();
    static const QStringList secretWords {QStringLiteral("password"), QStringLiteral("passwd"),
                                          QStringLiteral("pwd"),      QStringLiteral("secret"),
                                          QStringLiteral("token"),    QStringLiteral("credential")};
    const bool looksSecret = std::any_of(secretWords.cbegin(), secretWords.cend(),
                                         [&lower](const QString &w) { return lower.contains(w); });
    if (looksSecret) {
        return {key,
                tr("%1: secrets must not be written in settings.ini. Remove the line and store "
                   "the secret in %2 (rebatesync-cli secret set NAME, or the settings dialog).")
                    .arg(displayKey(key), SecretStore::keychainName()),
                SettingIssue::Severity::Error};
    }
    // A typo must not pass silently: the value the clerk meant would never take effect.
    const qsizetype slash = key.indexOf(QLatin1Char('/'));
    const QString group = slash < 0 ? QString() : key.left(slash);
    const auto squeezed = [](QString k) {
        return k.toLower().remove(QLatin1Char('_')).remove(QLatin1Char('-'));
    };
    QStringList sameGroup;
    QStringList groups;
    QString meant;
    for (const SettingSpec &spec : settingSpecs()) {
        const qsizetype s = spec.key.indexOf(QLatin1Char('/'));
        const QString specGroup = spec.key.left(s);
        const QString section = QLatin1Char('[') + specGroup + QLatin1Char(']');
        if (!groups.contains(section))
            groups.append(section);
        if (specGroup == group)
            sameGroup.append(spec.key.mid(s + 1));
        if (meant.isEmpty() && squeezed(spec.key.mid(s + 1)) == squeezed(key.mid(slash + 1)))
            meant = displayKey(spec.key);
    }
    QString message = sameGroup.isEmpty()
        ? tr("%1: unknown setting. settings.ini has these sections: %2.")
              .arg(displayKey(key), groups.join(QStringLiteral(", ")))
        : tr("%1: unknown setting. The keys of [%2] are: %3.")
              .arg(displayKey(key), group, sameGroup.join(QStringLiteral(", ")));
    if (!meant.isEmpty())
        message += QLatin1Char(' ') + tr("Did you mean %1?").arg(meant);
    return {key, message, SettingIssue::Severity::Error};
}

} // namespace rs
