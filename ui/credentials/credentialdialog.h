#pragma once

#include "app/secrets/secretname.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTabWidget;

namespace rs {

class CredentialForm;
class CredentialTester;
class SecretField;
class SecretStore;
class StoreForm;
class Settings;
struct SecretResult;

// Where RebateSync connects and with which credentials: shown at first start and from the
// settings menu. One page for DingTalk and Kingdee, one for the store (this computer's file or a
// team's PostgreSQL ledger). Settings go to settings.ini, secrets only to the system keychain; a
// stored secret is never shown, and an empty secret field keeps it. Each side can be tested with
// the values in the form before they are saved; saving with required fields empty asks first.
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
    // After an accepted save: whether the store's settings or password changed, which the
    // running console takes up only when it is started again.
    bool storeChanged() const { return m_storeChanged; }

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void readStoredSecrets();
    SecretField *secretField(SecretName name) const;
    void scheduleFit();
    void fitHeight();
    void save();
    bool confirmEmptyFields();
    void secretWritten(int saveRun, SecretName name, const SecretResult &result);
    void apply();
    void showMessage(const QString &message);
    void retranslateUi();

    Settings &m_settings;
    SecretStore &m_secrets;
    QLabel *m_intro;
    QTabWidget *m_tabs;
    CredentialForm *m_form;
    StoreForm *m_storeForm;
    CredentialTester *m_tester;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    int m_saveRun = 0; // tells a finished keychain write whether its save is still the current one
    int m_pendingWrites = 0;
    QStringList m_writeProblems;
    bool m_storeChanged = false;
};

} // namespace rs
