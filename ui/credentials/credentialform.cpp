#include "ui/credentials/credentialform.h"

#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"
#include "ui/credentials/connectiontestrow.h"
#include "ui/credentials/secretfield.h"

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

QComboBox *comboBox(const QStringList &values, QWidget *parent)
{
    auto *combo = new QComboBox(parent);
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

    connect(m_auth, &QComboBox::currentIndexChanged, this, &CredentialForm::updateAuthFields);
    connect(m_url, &QLineEdit::textChanged, this, &CredentialForm::updateHttpWarning);
    retranslateUi();
    updateAuthFields();
    updateHttpWarning();
}

template<typename Field>
Field *CredentialForm::addRow(QFormLayout *layout, Field *field, const char *objectName,
                              const char *key)
{
    field->setObjectName(QLatin1String(objectName));
    auto *label = new QLabel(layout->parentWidget()); // its text comes in retranslateUi()
    label->setBuddy(field);
    layout->addRow(label, field);
    if (key) // load, save and checks find a setting's field through this table
        m_fields.insert(QLatin1String(key), field);
    return field;
}

QGroupBox *CredentialForm::createDingTalkBox()
{
    m_dingTalkBox = new QGroupBox(this);
    m_dingTalkBox->setObjectName(QStringLiteral("dingTalkBox"));
    auto *l = m_dingTalkLayout = new QFormLayout(m_dingTalkBox);
    m_appKey = addRow(l, new QLineEdit(m_dingTalkBox), "dingTalkAppKeyEdit", keys::DingTalkAppKey);
    m_dingTalkSecret = addRow(l, new SecretField(SecretName::DingTalkAppSecret, m_dingTalkBox),
                              "dingTalkSecretEdit", nullptr);
    m_processCode = addRow(l, new QLineEdit(m_dingTalkBox), "dingTalkProcessCodeEdit",
                           keys::DingTalkProcessCode);
    m_dingTalkTest = new ConnectionTestRow(QStringLiteral("testDingTalkButton"),
                                           QStringLiteral("dingTalkTestResult"), m_dingTalkBox);
    l->addRow(m_dingTalkTest);
    return m_dingTalkBox;
}

QGroupBox *CredentialForm::createKingdeeBox()
{
    m_kingdeeBox = new QGroupBox(this);
    m_kingdeeBox->setObjectName(QStringLiteral("kingdeeBox"));
    auto *l = m_kingdeeLayout = new QFormLayout(m_kingdeeBox);
    m_url = addRow(l, new QLineEdit(m_kingdeeBox), "kingdeeUrlEdit", keys::KingdeeUrl);
    m_httpWarning = new QLabel(m_kingdeeBox);
    m_httpWarning->setObjectName(QStringLiteral("httpWarning"));
    m_httpWarning->setWordWrap(true);
    m_httpWarning->setStyleSheet(QStringLiteral("color: #8a5a00; background: #fff4d6; "
                                                "border: 1px solid #e0b040; padding: 4px;"));
    l->addRow(m_httpWarning);
    m_acctId = addRow(l, new QLineEdit(m_kingdeeBox), "kingdeeAcctIdEdit", keys::KingdeeAcctId);
    m_username =
        addRow(l, new QLineEdit(m_kingdeeBox), "kingdeeUsernameEdit", keys::KingdeeUsername);
    m_auth = addRow(l,
                    comboBox({QStringLiteral("appsecret"), QStringLiteral("sign"),
                              QStringLiteral("signature"), QStringLiteral("password")},
                             m_kingdeeBox),
                    "kingdeeAuthCombo", keys::KingdeeAuth);
    m_appId = addRow(l, new QLineEdit(m_kingdeeBox), "kingdeeAppIdEdit", keys::KingdeeAppId);
    m_kingdeeSecret = addRow(l, new SecretField(SecretName::KingdeeAppSecret, m_kingdeeBox),
                             "kingdeeAppSecretEdit", nullptr);
    m_password = addRow(l, new SecretField(SecretName::KingdeePassword, m_kingdeeBox),
                        "kingdeePasswordEdit", nullptr);
    m_orgNumber =
        addRow(l, new QLineEdit(m_kingdeeBox), "kingdeeOrgNumberEdit", keys::KingdeeOrgNumber);
    m_lcid =
        addRow(l,
               comboBox({QStringLiteral("2052"), QStringLiteral("1033"), QStringLiteral("3076")},
                        m_kingdeeBox),
               "kingdeeLcidCombo", keys::KingdeeLcid);
    // Each language is named in itself, like the language menu.
    m_lcid->setItemText(0, QStringLiteral("简体中文 (2052)"));
    m_lcid->setItemText(1, QStringLiteral("English (1033)"));
    m_lcid->setItemText(2, QStringLiteral("繁體中文 (3076)"));
    m_kingdeeTest = new ConnectionTestRow(QStringLiteral("testKingdeeButton"),
                                          QStringLiteral("kingdeeTestResult"), m_kingdeeBox);
    l->addRow(m_kingdeeTest);
    return m_kingdeeBox;
}

QGroupBox *CredentialForm::createAdvancedBox()
{
    m_advancedBox = new QGroupBox(this);
    m_advancedBox->setObjectName(QStringLiteral("advancedBox"));
    m_advancedLayout = new QFormLayout(m_advancedBox);
    m_api = addRow(m_advancedLayout,
                   comboBox({QStringLiteral("topapi"), QStringLiteral("v1")}, m_advancedBox),
                   "dingTalkApiCombo", keys::DingTalkApi);
    return m_advancedBox;
}

void CredentialForm::load(const Settings &settings)
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (auto *edit = qobject_cast<QLineEdit *>(it.value()))
            edit->setText(settings.text(it.key()));
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            selectData(combo, settings.text(it.key()));
    }
}

QHash<QString, QString> CredentialForm::settingValues() const
{
    QHash<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        if (auto *edit = qobject_cast<QLineEdit *>(it.value()))
            values.insert(it.key(), edit->text().trimmed());
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            values.insert(it.key(), combo->currentData().toString());
    }
    return values;
}

QWidget *CredentialForm::fieldFor(const QString &key) const
{
    return m_fields.value(key);
}

SecretField *CredentialForm::secretField(SecretName name) const
{
    switch (name) {
    case SecretName::DingTalkAppSecret:
        return m_dingTalkSecret;
    case SecretName::KingdeePassword:
        return m_password;
    case SecretName::KingdeeAppSecret:
        return m_kingdeeSecret;
    case SecretName::RobotAccessToken:
    case SecretName::RobotSecret:
        return nullptr; // the alerts dialog keeps these
    case SecretName::StorePassword:
        return nullptr; // the ledger is set up once per team: rebatesync-cli secret set
    }
    return nullptr;
}

QList<SecretName> CredentialForm::secretsInUse() const
{
    const bool password = m_auth->currentData().toString() == QLatin1String("password");
    return {SecretName::DingTalkAppSecret,
            password ? SecretName::KingdeePassword : SecretName::KingdeeAppSecret};
}

std::optional<SettingIssue> CredentialForm::check(const Settings &settings, const QStringList &keys)
{
    const QHash<QString, QString> values = settingValues();
    for (const SettingSpec &spec : settingSpecs()) {
        if (!values.contains(spec.key) || (!keys.isEmpty() && !keys.contains(spec.key)))
            continue;
        if (std::optional<SettingIssue> issue = settings.check(spec.key, values.value(spec.key))) {
            if (QWidget *field = fieldFor(spec.key))
                field->setFocus();
            return issue;
        }
    }
    return std::nullopt;
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
}

} // namespace rs
