#pragma once

#include "app/settings/settingvalidator.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace rs {

// The profile's settings.ini, typed through settingSpecs(). Reading never fails: a missing key
// gives its default. validate() says which values are wrong before anything uses them.
class Settings final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Settings)

public:
    explicit Settings(const QString &iniPath, const QString &schemesDir, QObject *parent = nullptr);
    ~Settings() override;

    QString text(const QString &key) const;
    // The stored value when valid, else the default; validate() reports the invalid ones.
    int integer(const QString &key) const;

    // The problem setValue() would report, without storing anything: lets a form check all its
    // values before it applies any.
    std::optional<SettingIssue> check(const QString &key, const QString &value) const;
    // Validates then stores; returns the problem instead of storing a wrong value.
    std::optional<SettingIssue> setValue(const QString &key, const QString &value);

    // Every problem in the file: wrong values and unknown keys (a typo, or a secret under some
    // name), all errors: a key nobody reads would look set and change nothing.
    QList<SettingIssue> validate() const;
    static bool hasErrors(const QList<SettingIssue> &issues);

    // Writes the default of every key that the file does not have yet, so a new profile lists
    // all its settings for the clerk to fill in.
    void writeMissingDefaults();
    // Writes pending changes; false when the file cannot be written.
    bool flush();

    QString path() const;

Q_SIGNALS:
    void changed(const QString &key);

private:
    std::unique_ptr<QSettings> m_ini;
    SettingValidator m_validator;
};

} // namespace rs
