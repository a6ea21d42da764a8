#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace rs {

// How one settings.ini key is typed, defaulted and validated.
struct SettingSpec
{
    enum class Kind {
        Text, // free text; empty means "not configured yet"
        Url, // http(s)://host[:port][/path], no user name or password in it
        Integer, // whole number in [minimum, maximum]
        Choice, // one of `choices`
        Scheme, // builtin:<name> or a .json file in the profile's schemes folder
    };

    QString key; // "group/key"
    Kind kind = Kind::Text;
    QString defaultValue;
    int minimum = 0;
    int maximum = 0;
    QStringList choices;
};

// Every key of the fixed contract, in the order settings.ini lists them; the one table of defaults.
const QList<SettingSpec> &settingSpecs();
const SettingSpec *findSettingSpec(const QString &key);

// The schemes this build carries, addressed as "builtin:<name>".
QStringList builtinSchemeNames();

} // namespace rs
