#pragma once

#include "app/secrets/secretname.h"
#include "app/settings/settingvalidator.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QUrl;

namespace rs {

class ConnectionTestRow;
class SecretField;
class Settings;

// The fields of the credentials dialog: DingTalk's app, process and address, Kingdee's address,
// data centre, user and login, with only the fields the chosen login and API need shown. Holds
// values, no behaviour beyond showing them: saving and testing are the dialog's.
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
    // The first wrong value among `keys` (every key of the form when empty), in settings.ini's
    // order, checked as Settings::setValue() would; its field gets the focus when `moveFocus`
    // (a save does, a test leaves the focus where the clerk left it).
    std::optional<SettingIssue> check(const Settings &settings, const QStringList &keys = {},
                                      bool moveFocus = true);

    // The names of the shown fields a test of that side (or a save: both) needs and that are
    // empty, as their labels read; a secret field counts only when nothing is stored either.
    QStringList emptyDingTalkFields() const;
    QStringList emptyKingdeeFields() const;

    SecretField *secretField(SecretName name) const;
    // The secrets the chosen Kingdee login needs, and DingTalk's.
    QList<SecretName> secretsInUse() const;

    // DingTalk's API and addresses, which few clerks change: the dialog shows them on a page
    // of their own.
    QWidget *advancedBox() const;

    ConnectionTestRow *dingTalkTest() const { return m_dingTalkTest; }
    ConnectionTestRow *kingdeeTest() const { return m_kingdeeTest; }

    // http:// to a host other than this computer: the password would cross the network as
    // plain text.
    static bool isPlainHttpToRemote(const QUrl &url);

Q_SIGNALS:
    // Rows were shown or hidden: the dialog fits its height again.
    void rowsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    template<typename Field>
    Field *addRow(QFormLayout *layout, Field *field, const char *objectName, const char *key);
    QGroupBox *createDingTalkBox();
    QGroupBox *createKingdeeBox();
    QGroupBox *createAdvancedBox();
    void updateAuthFields();
    void updateAddressFields();
    QStringList emptyFields(const QList<QWidget *> &fields) const;
    void updateHttpWarning();
    void retranslateUi();

    QGroupBox *m_dingTalkBox = nullptr;
    QGroupBox *m_kingdeeBox = nullptr;
    QGroupBox *m_advancedBox = nullptr;
    QFormLayout *m_dingTalkLayout = nullptr;
    QFormLayout *m_kingdeeLayout = nullptr;
    QFormLayout *m_advancedLayout = nullptr;
    QLineEdit *m_appKey = nullptr;
    SecretField *m_dingTalkSecret = nullptr;
    QLineEdit *m_processCode = nullptr;
    QLineEdit *m_url = nullptr;
    QLabel *m_httpWarning = nullptr;
    QLineEdit *m_acctId = nullptr;
    QLineEdit *m_username = nullptr;
    QComboBox *m_auth = nullptr;
    QLineEdit *m_appId = nullptr;
    SecretField *m_password = nullptr;
    SecretField *m_kingdeeSecret = nullptr;
    QLineEdit *m_orgNumber = nullptr;
    QComboBox *m_lcid = nullptr;
    QComboBox *m_api = nullptr;
    QLineEdit *m_oapiUrl = nullptr;
    QLineEdit *m_apiUrl = nullptr;
    bool m_streamIntake = false; // the Stream intake registers at api_url whatever the API
    ConnectionTestRow *m_dingTalkTest = nullptr;
    ConnectionTestRow *m_kingdeeTest = nullptr;
    QHash<QString, QWidget *> m_fields; // settings.ini key → its field
};

} // namespace rs
