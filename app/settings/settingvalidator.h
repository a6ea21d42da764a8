#pragma once

#include <QCoreApplication>
#include <QString>

namespace rs {

struct SettingSpec;

// One problem found in settings.ini; the message names the key and what it accepts.
struct SettingIssue
{
    enum class Severity { Warning, Error };
    QString key;
    QString message;
    Severity severity = Severity::Error;
};

class SettingValidator final
{
    Q_DECLARE_TR_FUNCTIONS(rs::SettingValidator)

public:
    // `schemesDir` is where a scheme file named in sync/scheme must exist.
    explicit SettingValidator(QString schemesDir);

    // Empty when `value` is acceptable for `spec`, else a message naming the key.
    QString check(const SettingSpec &spec, const QString &value) const;
    // For a key that is not known: names the known keys of its section (or the sections) and a
    // likely meant key; secrets get a pointed message.
    SettingIssue unknownKey(const QString &key) const;

    // "[dingtalk] qps" — how messages and the INI file spell a key.
    static QString displayKey(const QString &key);

private:
    QString checkUrl(const SettingSpec &spec, const QString &value) const;
    QString checkScheme(const SettingSpec &spec, const QString &value) const;

    QString m_schemesDir;
};

} // namespace rs
