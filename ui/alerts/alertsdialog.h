#pragma once

#include "app/secrets/secretname.h"

#include <QDialog>

#include <functional>

class QCheckBox;
class QDialogButtonBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace rs {

class SecretField;
class SecretStore;
class Settings;
struct SecretResult;

namespace alerts {
class RobotClient;
}

// Alerts and scheduled runs: the group robot (address in settings.ini; access token and sign
// secret only in the keychain, never shown), the rules' thresholds and the schedule. "Send test
// alert" signs and sends one message with the values in the form and shows the robot's answer.
class AlertsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsDialog)

public:
    AlertsDialog(Settings &settings, SecretStore &secrets, QWidget *parent = nullptr);

    QLabel *testResult() const { return m_testResult; }
    // Refuses a schedule the month's DingTalk calls cannot carry: the reason, or empty.
    void setScheduleCheck(std::function<QString(int fetchMinutes)> check)
    {
        m_scheduleCheck = std::move(check);
    }

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void load();
    void sendTest();
    void sendTestWith(const QString &token, const QString &secret);
    void save();
    void secretWritten(const SecretResult &result);
    void apply();
    void showMessage(const QString &message, bool problem = true);
    void retranslateUi();
    // The form's text for a key, as settings.ini would hold it.
    QList<std::pair<const char *, QString>> values() const;

    std::function<QString(int)> m_scheduleCheck;
    Settings &m_settings;
    SecretStore &m_secrets;
    alerts::RobotClient *m_robot;
    QGroupBox *m_robotBox;
    QFormLayout *m_robotForm;
    QCheckBox *m_robotEnabled;
    QLineEdit *m_robotUrl;
    SecretField *m_token;
    SecretField *m_secret;
    QPushButton *m_test;
    QLabel *m_testResult;
    QGroupBox *m_rulesBox;
    QFormLayout *m_rulesForm;
    QSpinBox *m_failures;
    QSpinBox *m_inDoubt;
    QGroupBox *m_scheduleBox;
    QFormLayout *m_scheduleForm;
    QSpinBox *m_fetchMinutes;
    QSpinBox *m_syncMinutes;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    int m_pendingWrites = 0;
    QStringList m_writeProblems;
};

} // namespace rs
