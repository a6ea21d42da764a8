#pragma once

#include "app/secrets/secretname.h"

#include <QObject>

#include <functional>

namespace rs {

class CredentialForm;
class SecretField;
class SecretStore;
class StoreForm;
class Settings;

// Runs the credentials dialog's "Test connection" of either side with the values in the form,
// saved or not: an empty secret field stands for the secret in the keychain.
class CredentialTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialTester)

public:
    CredentialTester(CredentialForm &form, StoreForm &storeForm, const Settings &settings,
                     SecretStore &secrets, QObject *parent = nullptr);

    void testDingTalk();
    void testKingdee();
    void testStore();
    // "Fill in first: A, B. Nothing was sent." — a test of an incomplete form makes no call.
    static QString fillInFirst(const QStringList &fields);

private:
    using SecretHandler = std::function<void(const QString &secret, const QString &problem)>;
    // The secret in the form, or the stored one when the field is empty; `problem` says why
    // there is none.
    void withSecret(SecretField *field, SecretHandler handler);
    // A settings key's text: the form's value, else the profile's (DingTalk's addresses).
    QString value(const QString &key) const;

    CredentialForm &m_form;
    StoreForm &m_storeForm;
    const Settings &m_settings;
    SecretStore &m_secrets;
};

} // namespace rs
