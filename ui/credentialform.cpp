#include "ui/credentialform.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "ui/connectiontestrow.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace rs {
namespace {

QLineEdit *lineEdit(const char *objectName, QWidget *parent, bool secret = false)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QLatin1String(objectName));
    if (secret) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setClearButtonEnabled(true);
    }
    return edit;
}

QComboBox *comboBox(const char *objectName, const QStringList &values, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(objectName));
    for (const QString &value : values)
        combo->addItem(value, value); // the data is what settings.ini holds
    return combo;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void setLabel(QFormLayout *layout, QWidget *field, const QString &text)
{
    if (auto *label = qobject_cast<QLabel *>(layout->labelForField(field)))
        label->setText(text);
}

} // namespace

CredentialForm::CredentialForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createDingTalkBox());
    layout->addWidget(createKingdeeBox());
    layout->addWidget(createAdvancedBox());
    for (SecretName name : allSecretNames())
        m_secretStates.insert(name, SecretState::Unknown);

    connect(m_auth, &QComboBox::currentIndexChanged, this, &CredentialForm::updateAuthFields);
    connect(m_url, &QLineEdit::textChanged, this, &CredentialForm::updateHttpWarning);
    retranslateUi();
    updateAuthFields();
    updateHttpWarning();
}

QGroupBox *CredentialForm::createDingTalkBox()
{
    m_dingTalkBox = new QGroupBox(this);
    m_dingTalkBox->setObjectName(QStringLiteral("dingTalkBox"));
    m_appKey = lineEdit("dingTalkAppKeyEdit", m_dingTalkBox);
    m_dingTalkSecret = lineEdit("dingTalkSecretEdit", m_dingTalkBox, true);
    m_processCode = lineEdit("dingTalkProcessCodeEdit", m_dingTalkBox);
    m_dingTalkTest = new ConnectionTestRow(QStringLiteral("testDingTalkButton"),
                                           QStringLiteral("dingTalkTestResult"), m_dingTalkBox);
    m_dingTalkLayout = new QFormLayout(m_dingTalkBox);
    m_dingTalkLayout->addRow(QString(), m_appKey);
    m_dingTalkLayout->addRow(QString(), m_dingTalkSecret);
    m_dingTalkLayout->addRow(QString(), m_processCode);
    m_dingTalkLayout->addRow(m_dingTalkTest);
    return m_dingTalkBox;
}

QGroupBox *CredentialForm::createKingdeeBox()
{
    m_kingdeeBox = new QGroupBox(this);
    m_kingdeeBox->setObjectName(QStringLiteral("kingdeeBox"));
    m_url = lineEdit("kingdeeUrlEdit", m_kingdeeBox);
    m_httpWarning = new QLabel(m_kingdeeBox);
    m_httpWarning->setObjectName(QStringLiteral("httpWarning"));
    m_httpWarning->setWordWrap(true);
    m_httpWarning->setStyleSheet(QStringLiteral("color: #8a5a00; background: #fff4d6; "
                                                "border: 1px solid #e0b040; padding: 4px;"));
    m_acctId = lineEdit("kingdeeAcctIdEdit", m_kingdeeBox);
    m_username = lineEdit("kingdeeUsernameEdit", m_kingdeeBox);
    m_auth = comboBox("kingdeeAuthCombo",
                      {QStringLiteral("appsecret"), QStringLiteral("sign"),
                       QStringLiteral("signature"), QStringLiteral("password")},
                      m_kingdeeBox);
    m_appId = lineEdit("kingdeeAppIdEdit", m_kingdeeBox);
    m_kingdeeSecret = lineEdit("kingdeeAppSecretEdit", m_kingdeeBox, true);
    m_password = lineEdit("kingdeePasswordEdit", m_kingdeeBox, true);
    m_orgNumber = lineEdit("kingdeeOrgNumberEdit", m_kingdeeBox);
    m_lcid = comboBox("kingdeeLcidCombo",
                      {QStringLiteral("2052"), QStringLiteral("1033"), QStringLiteral("3076")},
                      m_kingdeeBox);
    // Each language is named in itself, like the language menu.
    m_lcid->setItemText(0, QStringLiteral("简体中文 (2052)"));
    m_lcid->setItemText(1, QStringLiteral("English (1033)"));
    m_lcid->setItemText(2, QStringLiteral("繁體中文 (3076)"));
    m_kingdeeTest = new ConnectionTestRow(QStringLiteral("testKingdeeButton"),
                                          QStringLiteral("kingdeeTestResult"), m_kingdeeBox);

    m_kingdeeLayout = new QFormLayout(m_kingdeeBox);
    m_kingdeeLayout->addRow(QString(), m_url);
    m_kingdeeLayout->addRow(m_httpWarning);
    for (QWidget *field :
         {static_cast<QWidget *>(m_acctId), static_cast<QWidget *>(m_username),
          static_cast<QWidget *>(m_auth), static_cast<QWidget *>(m_appId),
          static_cast<QWidget *>(m_kingdeeSecret), static_cast<QWidget *>(m_password),
          static_cast<QWidget *>(m_orgNumber), static_cast<QWidget *>(m_lcid)}) {
        m_kingdeeLayout->addRow(QString(), field);
    }
    m_kingdeeLayout->addRow(m_kingdeeTest);
    return m_kingdeeBox;
}

QGroupBox *CredentialForm::createAdvancedBox()
{
    m_advancedBox = new QGroupBox(this);
    m_advancedBox->setObjectName(QStringLiteral("advancedBox"));
    m_api = comboBox("dingTalkApiCombo", {QStringLiteral("topapi"), QStringLiteral("v1")},
                     m_advancedBox);
    m_advancedLayout = new QFormLayout(m_advancedBox);
    m_advancedLayout->addRow(QString(), m_api);
    return m_advancedBox;
}

void CredentialForm::load(const Settings &settings)
{
    const auto text = [&settings](const char *key) {
        return settings.text(QLatin1String(key));
    };
    m_appKey->setText(text(keys::DingTalkAppKey));
    m_processCode->setText(text(keys::DingTalkProcessCode));
    m_url->setText(text(keys::KingdeeUrl));
    m_acctId->setText(text(keys::KingdeeAcctId));
    m_username->setText(text(keys::KingdeeUsername));
    m_appId->setText(text(keys::KingdeeAppId));
    m_orgNumber->setText(text(keys::KingdeeOrgNumber));
    selectData(m_auth, text(keys::KingdeeAuth));
    selectData(m_lcid, text(keys::KingdeeLcid));
    selectData(m_api, text(keys::DingTalkApi));
}

QHash<QString, QString> CredentialForm::settingValues() const
{
    const auto key = [](const char *k) {
        return QLatin1String(k);
    };
    return {
        {key(keys::DingTalkAppKey), m_appKey->text().trimmed()},
        {key(keys::DingTalkProcessCode), m_processCode->text().trimmed()},
        {key(keys::DingTalkApi), m_api->currentData().toString()},
        {key(keys::KingdeeUrl), m_url->text().trimmed()},
        {key(keys::KingdeeAcctId), m_acctId->text().trimmed()},
        {key(keys::KingdeeUsername), m_username->text().trimmed()},
        {key(keys::KingdeeAuth), m_auth->currentData().toString()},
        {key(keys::KingdeeAppId), m_appId->text().trimmed()},
        {key(keys::KingdeeOrgNumber), m_orgNumber->text().trimmed()},
        {key(keys::KingdeeLcid), m_lcid->currentData().toString()},
    };
}

QWidget *CredentialForm::fieldFor(const QString &key) const
{
    const QHash<QString, QWidget *> fields = {
        {QLatin1String(keys::DingTalkAppKey), m_appKey},
        {QLatin1String(keys::DingTalkProcessCode), m_processCode},
        {QLatin1String(keys::DingTalkApi), m_api},
        {QLatin1String(keys::KingdeeUrl), m_url},
        {QLatin1String(keys::KingdeeAcctId), m_acctId},
        {QLatin1String(keys::KingdeeUsername), m_username},
        {QLatin1String(keys::KingdeeAuth), m_auth},
        {QLatin1String(keys::KingdeeAppId), m_appId},
        {QLatin1String(keys::KingdeeOrgNumber), m_orgNumber},
        {QLatin1String(keys::KingdeeLcid), m_lcid},
    };
    return fields.value(key);
}

QLineEdit *CredentialForm::secretEdit(SecretName name) const
{
    switch (name) {
    case SecretName::DingTalkAppSecret:
        return m_dingTalkSecret;
    case SecretName::KingdeePassword:
        return m_password;
    case SecretName::KingdeeAppSecret:
        return m_kingdeeSecret;
    }
    return nullptr;
}

QString CredentialForm::secretText(SecretName name) const
{
    // Not trimmed: a secret's spaces are the clerk's business.
    return secretEdit(name)->text();
}

QList<SecretName> CredentialForm::secretsInUse() const
{
    const bool password = m_auth->currentData().toString() == QLatin1String("password");
    return {SecretName::DingTalkAppSecret,
            password ? SecretName::KingdeePassword : SecretName::KingdeeAppSecret};
}

void CredentialForm::setSecretState(SecretName name, const SecretResult &result)
{
    m_secretStates.insert(name,
                          !result.ok()                 ? SecretState::Missing
                              : result.fromEnvironment ? SecretState::FromEnvironment
                                                       : SecretState::Stored);
    updatePlaceholder(name);
}

void CredentialForm::updatePlaceholder(SecretName name)
{
    QString text;
    switch (m_secretStates.value(name)) {
    case SecretState::Unknown:
        text = tr("Reading the system keychain…");
        break;
    case SecretState::Stored:
        text = tr("Stored in the keychain — leave empty to keep");
        break;
    case SecretState::FromEnvironment:
        text = tr("Set by %1 for this run — leave empty to keep")
                   .arg(QString::fromLatin1(environmentVariable(name)));
        break;
    case SecretState::Missing:
        text = tr("Not stored yet");
        break;
    }
    secretEdit(name)->setPlaceholderText(text);
}

bool CredentialForm::isPlainHttpToRemote(const QUrl &url)
{
    if (url.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0)
        return false;
    const QString host = url.host().toLower();
    return !host.isEmpty() && host != QLatin1String("localhost")
        && host != QLatin1String("127.0.0.1") && host != QLatin1String("::1");
}

void CredentialForm::updateHttpWarning()
{
    m_httpWarning->setVisible(isPlainHttpToRemote(QUrl(m_url->text().trimmed())));
}

void CredentialForm::updateAuthFields()
{
    const QString auth = m_auth->currentData().toString();
    const bool password = auth == QLatin1String("password");
    const bool signature = auth == QLatin1String("signature");
    const auto show = [this](QWidget *field, bool visible) {
        m_kingdeeLayout->setRowVisible(field, visible);
        field->setEnabled(visible); // a hidden field is never read as if it counted
    };
    show(m_appId, !password);
    show(m_kingdeeSecret, !password);
    show(m_password, password);
    show(m_orgNumber, signature);
}

void CredentialForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CredentialForm::retranslateUi()
{
    m_dingTalkBox->setTitle(tr("DingTalk (source of the approvals)"));
    setLabel(m_dingTalkLayout, m_appKey, tr("App key:"));
    setLabel(m_dingTalkLayout, m_dingTalkSecret, tr("App secret:"));
    setLabel(m_dingTalkLayout, m_processCode, tr("Process code:"));
    m_processCode->setPlaceholderText(tr("PROC-… of the rebate disbursement approval"));

    m_kingdeeBox->setTitle(tr("Kingdee Cloud Galaxy (target of the bills)"));
    setLabel(m_kingdeeLayout, m_url, tr("Server address:"));
    m_url->setPlaceholderText(tr("https://server/k3cloud/"));
    m_httpWarning->setText(tr("⚠ This address uses plain http:// to another computer: the "
                              "password or app secret travels over the network unencrypted. Use "
                              "https:// unless the server is inside a trusted network."));
    setLabel(m_kingdeeLayout, m_acctId, tr("Data centre ID:"));
    setLabel(m_kingdeeLayout, m_username, tr("User:"));
    setLabel(m_kingdeeLayout, m_auth, tr("Login:"));
    m_auth->setItemText(0, tr("App secret (LoginByAppSecret)"));
    m_auth->setItemText(1, tr("Signed login (LoginBySign, Kingdee's recommendation)"));
    m_auth->setItemText(2, tr("API signature on every call (no session)"));
    m_auth->setItemText(3, tr("User name and password (ValidateUser)"));
    setLabel(m_kingdeeLayout, m_appId, tr("App ID:"));
    setLabel(m_kingdeeLayout, m_kingdeeSecret, tr("App secret:"));
    setLabel(m_kingdeeLayout, m_password, tr("Password:"));
    setLabel(m_kingdeeLayout, m_orgNumber, tr("Organisation number:"));
    setLabel(m_kingdeeLayout, m_lcid, tr("Language of messages:"));

    m_advancedBox->setTitle(tr("Advanced"));
    setLabel(m_advancedLayout, m_api, tr("DingTalk API:"));
    m_api->setItemText(0, tr("Classic (oapi.dingtalk.com topapi)"));
    m_api->setItemText(1, tr("New (api.dingtalk.com v1.0)"));
    for (SecretName name : allSecretNames())
        updatePlaceholder(name);
}

} // namespace rs
