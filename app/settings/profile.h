#pragma once

#include <QCoreApplication>
#include <QString>

namespace rs {

// The folder that holds one set of settings.ini, database and schemes. `--profile DIR` picks one;
// the default is the per-user application data folder (%APPDATA%\RebateSync on Windows).
class Profile final
{
    Q_DECLARE_TR_FUNCTIONS(rs::Profile)

public:
    // `dir` from the command line; empty means the default folder.
    static Profile resolve(const QString &dir);

    // Creates the folder and its schemes/ subfolder; false with a message when it cannot.
    bool ensureExists(QString *error) const;
    bool exists() const;

    // Names this profile in the keychain: the same folder however it was typed (relative,
    // trailing separator, links; letter case on Windows) gives the same scope.
    QString keychainScope() const;

    QString dir() const { return m_dir; }
    QString settingsPath() const;
    QString databasePath() const;
    QString schemesDir() const;
    // Window layout and language: per user interface, not part of the settings contract.
    QString uiStatePath() const;

private:
    explicit Profile(QString dir);

    QString m_dir;
};

// Sets the organisation and application names both executables share, so they find the same
// default profile.
void setApplicationIdentity();

} // namespace rs
