#include "ui/alerts/alertsdialog.h"

#include "app/alerts/robotclient.h"
#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"
#include "ui/credentials/secretfield.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSizePolicy>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rs {
namespace {

QSpinBox *spinFor(const char *key, const char *objectName, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(QLatin1String(objectName));
    if (const SettingSpec *spec = findSettingSpec(QLatin1String(key)))
        spin->setRange(spec->minimum, spec->maximum);
    return spin;
}

} // namespace

AlertsDialog::AlertsDialog(Settings &settings, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_robot(new alerts::RobotClient({}, {}, this))
    , m_robotBox(new QGroupBox(this))
    , m_robotForm(new QFormLayout(m_robotBox))
    , m_robotEnabled(new QCheckBox(m_robotBox))
    , m_robotUrl(new QLineEdit(m_robotBox))
    , m_token(new SecretField(SecretName::RobotAccessToken, m_robotBox))
    , m_secret(new SecretField(SecretName::RobotSecret, m_robotBox))
    , m_test(new QPushButton(m_robotBox))
    , m_testResult(new QLabel(m_robotBox))
    , m_rulesBox(new QGroupBox(this))
    , m_rulesForm(new QFormLayout(m_rulesBox))
    , m_failures(spinFor(keys::AlertsFailuresThreshold, "failuresThreshold", m_rulesBox))
    , m_inDoubt(spinFor(keys::AlertsInDoubtMinutes, "inDoubtMinutes", m_rulesBox))
    , m_scheduleBox(new QGroupBox(this))
    , m_scheduleForm(new QFormLayout(m_scheduleBox))
    , m_fetchMinutes(spinFor(keys::ScheduleFetchMinutes, "fetchMinutes", m_scheduleBox))
    , m_syncMinutes(spinFor(keys::ScheduleSyncMinutes, "syncMinutes", m_scheduleBox))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setMinimumWidth(520); // the robot's whole address stays readable
    setObjectName(QStringLiteral("alertsDialog"));
    m_robotEnabled->setObjectName(QStringLiteral("robotEnabled"));
    m_robotUrl->setObjectName(QStringLiteral("robotUrl"));
    m_token->setObjectName(QStringLiteral("robotToken"));
    m_secret->setObjectName(QStringLiteral("robotSecret"));
    m_test->setObjectName(QStringLiteral("sendTestAlert"));
    m_testResult->setObjectName(QStringLiteral("testResult"));
    // A robot's refusal or a schedule's reason can run to several lines: wrapped, and given
    // the height they need (see event()), never drawn over the next row.
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_message->setObjectName(QStringLiteral("alertsMessage"));
    m_buttons->setObjectName(QStringLiteral("dialogButtons"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    m_message->hide();

    m_robotForm->addRow(m_robotEnabled);
    m_robotForm->addRow(new QLabel(m_robotBox), m_robotUrl);
    m_robotForm->addRow(new QLabel(m_robotBox), m_token);
    m_robotForm->addRow(new QLabel(m_robotBox), m_secret);
    // The answer below the button across the whole width, not squeezed into the field column.
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    m_robotForm->addRow(testRow);
    m_robotForm->addRow(m_testResult);
    m_testResult->hide(); // shown with the first answer
    m_rulesForm->addRow(new QLabel(m_rulesBox), m_failures);
    m_rulesForm->addRow(new QLabel(m_rulesBox), m_inDoubt);
    m_scheduleForm->addRow(new QLabel(m_scheduleBox), m_fetchMinutes);
    m_scheduleForm->addRow(new QLabel(m_scheduleBox), m_syncMinutes);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_robotBox);
    layout->addWidget(m_rulesBox);
    layout->addWidget(m_scheduleBox);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_test, &QPushButton::clicked, this, &AlertsDialog::sendTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AlertsDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    load();
    retranslateUi();
}

void AlertsDialog::load()
{
    const auto text = [this](const char *key) {
        return m_settings.text(QLatin1String(key));
    };
    const auto number = [this](const char *key) {
        return m_settings.integer(QLatin1String(key));
    };
    m_robotEnabled->setChecked(text(keys::AlertsRobot) == QLatin1String("on"));
    m_robotUrl->setText(text(keys::AlertsRobotUrl));
    m_failures->setValue(number(keys::AlertsFailuresThreshold));
    m_inDoubt->setValue(number(keys::AlertsInDoubtMinutes));
    m_fetchMinutes->setValue(number(keys::ScheduleFetchMinutes));
    m_syncMinutes->setValue(number(keys::ScheduleSyncMinutes));
    const QPointer<AlertsDialog> guard(this);
    for (SecretField *field : {m_token, m_secret}) {
        m_secrets.read(field->name(), [guard, field](const SecretResult &result) {
            if (guard)
                field->setStoredState(result);
        });
    }
}

QList<std::pair<const char *, QString>> AlertsDialog::values() const
{
    return {{keys::AlertsRobot,
             m_robotEnabled->isChecked() ? QStringLiteral("on") : QStringLiteral("off")},
            {keys::AlertsRobotUrl, m_robotUrl->text().trimmed()},
            {keys::AlertsFailuresThreshold, QString::number(m_failures->value())},
            {keys::AlertsInDoubtMinutes, QString::number(m_inDoubt->value())},
            {keys::ScheduleFetchMinutes, QString::number(m_fetchMinutes->value())},
            {keys::ScheduleSyncMinutes, QString::number(m_syncMinutes->value())}};
}

void AlertsDialog::sendTest()
{
    m_test->setEnabled(false);
    m_testResult->setText(tr("Sending…"));
    m_testResult->show();
    // A field left empty means the stored value: read it without blocking the window.
    const QPointer<AlertsDialog> guard(this);
    const auto valueOf = [this, guard](SecretField *field, std::function<void(QString)> next) {
        if (!field->text().isEmpty()) {
            next(field->text());
            return;
        }
        m_secrets.read(field->name(), [guard, next](const SecretResult &result) {
            if (guard)
                next(result.ok() ? result.value : QString());
        });
    };
    valueOf(m_token, [this, valueOf](const QString &token) {
        valueOf(m_secret, [this, token](const QString &secret) { sendTestWith(token, secret); });
    });
}

void AlertsDialog::sendTestWith(const QString &token, const QString &secret)
{
    m_robot->setConfig({QUrl(m_robotUrl->text().trimmed()), token, secret});
    const QPointer<AlertsDialog> guard(this);
    m_robot->send(tr("RebateSync: test alert"),
                  tr("If the group sees this, alerts from RebateSync reach it."),
                  [guard](const alerts::RobotAnswer &answer) {
                      if (!guard)
                          return;
                      guard->m_test->setEnabled(true);
                      guard->m_testResult->setText(answer.ok ? tr("Delivered to the group.")
                                                             : answer.message);
                  });
}

void AlertsDialog::save()
{
    m_message->hide();
    for (const auto &[key, value] : values()) {
        if (const std::optional<SettingIssue> issue = m_settings.check(QLatin1String(key), value)) {
            showMessage(issue->message);
            return;
        }
    }
    if (m_scheduleCheck) {
        if (const QString refusal = m_scheduleCheck(m_fetchMinutes->value()); !refusal.isEmpty()) {
            showMessage(refusal);
            return;
        }
    }
    m_writeProblems.clear();
    m_pendingWrites = 0;
    const QPointer<AlertsDialog> guard(this);
    for (SecretField *field : {m_token, m_secret}) {
        if (field->text().isEmpty())
            continue;
        ++m_pendingWrites;
        m_secrets.write(field->name(), field->text(), [guard](const SecretResult &result) {
            if (guard)
                guard->secretWritten(result);
        });
    }
    if (m_pendingWrites == 0) {
        apply();
        return;
    }
    // The keychain may take a while (or ask the clerk to unlock it): say what is going on.
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    showMessage(tr("Saving…"), false);
}

void AlertsDialog::secretWritten(const SecretResult &result)
{
    if (!result.ok())
        m_writeProblems.append(result.message);
    if (--m_pendingWrites > 0)
        return;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!m_writeProblems.isEmpty()) {
        showMessage(m_writeProblems.join(QLatin1Char('\n')));
        return;
    }
    m_message->hide();
    apply();
}

void AlertsDialog::apply()
{
    for (const auto &[key, value] : values())
        m_settings.setValue(QLatin1String(key), value);
    if (!m_settings.flush()) {
        showMessage(tr("settings.ini could not be written: %1").arg(m_settings.path()));
        return;
    }
    accept();
}

void AlertsDialog::showMessage(const QString &message, bool problem)
{
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b3261e;") : QString());
    m_message->setText(message);
    m_message->show();
}

bool AlertsDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest && layout()->hasHeightForWidth()) {
        // The minimum size alone does not know how tall wrapped text is at this width.
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
    return handled;
}

void AlertsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AlertsDialog::retranslateUi()
{
    setWindowTitle(tr("Alerts and Schedule"));
    m_robotBox->setTitle(tr("DingTalk group robot"));
    m_robotEnabled->setText(tr("Send alerts to the group robot"));
    m_robotForm->labelForField(m_robotUrl)->setProperty("text", tr("Address:"));
    m_robotForm->labelForField(m_token)->setProperty("text", tr("Access token:"));
    m_robotForm->labelForField(m_secret)->setProperty("text", tr("Sign secret:"));
    m_test->setText(tr("Send test alert"));
    m_rulesBox->setTitle(tr("Rules"));
    m_rulesForm->labelForField(m_failures)->setProperty("text", tr("Failures in one run:"));
    m_rulesForm->labelForField(m_inDoubt)->setProperty("text", tr("Bills in doubt longer than:"));
    m_scheduleBox->setTitle(tr("Scheduled runs while the console is open"));
    m_scheduleForm->labelForField(m_fetchMinutes)
        ->setProperty("text", tr("Fetch approvals every:"));
    m_scheduleForm->labelForField(m_syncMinutes)
        ->setProperty("text", tr("Sync pending bills every:"));
    for (QSpinBox *spin : {m_inDoubt, m_fetchMinutes, m_syncMinutes}) {
        spin->setSuffix(tr(" min"));
        spin->setSpecialValueText(tr("Off"));
    }
    m_failures->setSpecialValueText(tr("Off"));
}

} // namespace rs
