#pragma once

#include "app/secrets/secretname.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;

namespace rs {

class CredentialForm;
class CredentialTester;
class SecretStore;
class Settings;
struct SecretResult;

// Where RebateSync connects and with which credentials: shown at first start and from the
// settings menu. Settings go to settings.ini, secrets only to the system keychain; a stored
// secret is never shown, and an empty secret field keeps it. Each side can be tested with the
// values in the form before they are saved.
class CredentialDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialDialog)

public:
    CredentialDialog(Settings &settings, SecretStore &secrets, QWidget *parent = nullptr);

    // True while the profile lacks what a fetch or push needs (app key, process code, Kingdee
    // data centre and user) or still names the example server: the first start shows the dialog.
    static bool needsSetup(const Settings &settings);

    void done(int result) override;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void readStoredSecrets();
    void save();
    void secretWritten(int saveRun, SecretName name, const SecretResult &result);
    void apply();
    void showMessage(const QString &message);
    void retranslateUi();

    Settings &m_settings;
    SecretStore &m_secrets;
    QLabel *m_intro;
    CredentialForm *m_form;
    CredentialTester *m_tester;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    int m_saveRun = 0; // tells a finished keychain write whether its save is still the current one
    int m_pendingWrites = 0;
    QStringList m_writeProblems;
};

} // namespace rs
