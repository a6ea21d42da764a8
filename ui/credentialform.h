#pragma once

#include "app/secrets/secretname.h"

#include <QHash>
#include <QMap>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QUrl;

namespace rs {

class ConnectionTestRow;
class Settings;
struct SecretResult;

// The fields of the credentials dialog: DingTalk's app and process, Kingdee's address, data
// centre, user and login, with only the fields the chosen login needs shown. Holds values, no
// behaviour beyond showing them: saving and testing are the dialog's.
class CredentialForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialForm)

public:
    explicit CredentialForm(QWidget *parent = nullptr);

    void load(const Settings &settings);
    // settings.ini key ("group/key") → the trimmed text in the form.
    QHash<QString, QString> settingValues() const;
    // The widget that edits `key`, to point at a wrong value; null for keys not in the form.
    QWidget *fieldFor(const QString &key) const;

    QLineEdit *secretEdit(SecretName name) const;
    QString secretText(SecretName name) const;
    // What the keychain said when asked for `name`: the placeholder tells the clerk whether an
    // empty field keeps a stored secret.
    void setSecretState(SecretName name, const SecretResult &result);
    // The secrets the chosen Kingdee login needs, and DingTalk's.
    QList<SecretName> secretsInUse() const;

    ConnectionTestRow *dingTalkTest() const { return m_dingTalkTest; }
    ConnectionTestRow *kingdeeTest() const { return m_kingdeeTest; }

    // http:// to a host other than this computer: the password would cross the network as
    // plain text.
    static bool isPlainHttpToRemote(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class SecretState { Unknown, Stored, FromEnvironment, Missing };

    QGroupBox *createDingTalkBox();
    QGroupBox *createKingdeeBox();
    QGroupBox *createAdvancedBox();
    void updateAuthFields();
    void updateHttpWarning();
    void updatePlaceholder(SecretName name);
    void retranslateUi();

    QGroupBox *m_dingTalkBox = nullptr;
    QGroupBox *m_kingdeeBox = nullptr;
    QGroupBox *m_advancedBox = nullptr;
    QFormLayout *m_dingTalkLayout = nullptr;
    QFormLayout *m_kingdeeLayout = nullptr;
    QFormLayout *m_advancedLayout = nullptr;
    QLineEdit *m_appKey = nullptr;
    QLineEdit *m_dingTalkSecret = nullptr;
    QLineEdit *m_processCode = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_httpWarning = nullptr;
    QLineEdit *m_acctId = nullptr;
    QLineEdit *m_username = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_appId = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_kingdeeSecret = nullptr;
    QLineEdit *m_orgNumber = nullptr;
    QComboBox *m_lcid = nullptr;
    QComboBox *m_api = nullptr;
    ConnectionTestRow *m_dingTalkTest = nullptr;
    ConnectionTestRow *m_kingdeeTest = nullptr;
    QMap<SecretName, SecretState> m_secretStates;
};

} // namespace rs
