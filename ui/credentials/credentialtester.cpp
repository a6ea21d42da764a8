#include "ui/credentials/credentialtester.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"
#include "app/sync/connectorconfig.h"
#include "ui/credentials/connectiontestrow.h"
#include "ui/credentials/credentialform.h"
#include "ui/credentials/secretfield.h"
#include "ui/credentials/storeform.h"

#include <QPointer>

namespace rs {

QString CredentialTester::fillInFirst(const QStringList &fields)
{
    return tr("Fill in first: %1. Nothing was sent.")
        .arg(fields.join(tr(", ", "between the names of fields")));
}

CredentialTester::CredentialTester(CredentialForm &form, StoreForm &storeForm,
                                   const Settings &settings, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_form(form)
    , m_storeForm(storeForm)
    , m_settings(settings)
    , m_secrets(secrets)
{ }

QString CredentialTester::value(const QString &key) const
{
    const QHash<QString, QString> values = m_form.settingValues();
    const auto it = values.constFind(key);
    return it != values.constEnd() ? it.value() : m_settings.text(key);
}

void CredentialTester::withSecret(SecretField *field, SecretHandler handler)
{
    const SecretName name = field->name();
    const QString typed = field->text();
    if (!typed.isEmpty()) {
        handler(typed, {});
        return;
    }
    const QPointer<CredentialTester> guard(this);
    m_secrets.read(name, [guard, handler = std::move(handler)](const SecretResult &result) {
        if (!guard)
            return;
        if (result.ok())
            handler(result.value, {});
        else
            handler({}, result.message);
    });
}

void CredentialTester::testDingTalk()
{
    ConnectionTestRow *row = m_form.dingTalkTest();
    if (const QStringList empty = m_form.emptyDingTalkFields(); !empty.isEmpty()) {
        row->showFailure(fillInFirst(empty));
        return;
    }
    if (const auto issue = m_form.check(
            m_settings,
            {QLatin1String(keys::DingTalkAppKey), QLatin1String(keys::DingTalkProcessCode),
             QLatin1String(keys::DingTalkApi), QLatin1String(keys::DingTalkOapiUrl),
             QLatin1String(keys::DingTalkApiUrl)},
            false)) {
        row->showFailure(issue->message);
        return;
    }
    row->setBusy();
    withSecret(m_form.secretField(SecretName::DingTalkAppSecret),
               [this, row](const QString &secret, const QString &missing) {
                   if (!row->isRunning()) // cancelled while the keychain answered
                       return;
                   if (secret.isEmpty()) {
                       row->showFailure(missing);
                       return;
                   }
                   QString error;
                   const auto config = sync::ConnectorConfig::dingTalk(
                       [this](const QString &key) { return value(key); }, secret, &error);
                   if (config)
                       row->runDingTalk(*config);
                   else
                       row->showFailure(error);
               });
}

void CredentialTester::testKingdee()
{
    ConnectionTestRow *row = m_form.kingdeeTest();
    QStringList kingdeeKeys;
    for (const SettingSpec &spec : settingSpecs()) {
        if (spec.key.startsWith(QLatin1String("kingdee/")))
            kingdeeKeys.append(spec.key);
    }
    if (const QStringList empty = m_form.emptyKingdeeFields(); !empty.isEmpty()) {
        row->showFailure(fillInFirst(empty));
        return;
    }
    if (const auto issue = m_form.check(m_settings, kingdeeKeys, false)) {
        row->showFailure(issue->message);
        return;
    }
    const SecretName name = m_form.secretsInUse().constLast();
    row->setBusy();
    withSecret(m_form.secretField(name),
               [this, row, name](const QString &secret, const QString &missing) {
                   if (!row->isRunning())
                       return;
                   if (secret.isEmpty()) {
                       row->showFailure(missing);
                       return;
                   }
                   const bool password = name == SecretName::KingdeePassword;
                   QString error;
                   const auto config = sync::ConnectorConfig::kingdee(
                       [this](const QString &key) { return value(key); },
                       password ? secret : QString(), password ? QString() : secret, &error);
                   if (!config) {
                       row->showFailure(error);
                       return;
                   }
                   row->runKingdee(*config,
                                   tr("Kingdee accepted user %1 in data centre %2.")
                                       .arg(config->username, config->acctId));
               });
}

void CredentialTester::testStore()
{
    ConnectionTestRow *row = m_storeForm.test();
    if (const QStringList empty = m_storeForm.emptyFields(); !empty.isEmpty()) {
        row->showFailure(fillInFirst(empty));
        return;
    }
    if (const auto issue = m_storeForm.check(m_settings, false)) {
        row->showFailure(issue->message);
        return;
    }
    row->setBusy();
    withSecret(m_storeForm.password(),
               [this, row](const QString &password, const QString &problem) {
                   if (!row->isRunning())
                       return;
                   if (password.isEmpty()) {
                       row->showFailure(problem);
                       return;
                   }
                   row->runStore(m_storeForm.ledgerLocation(password));
               });
}

} // namespace rs
