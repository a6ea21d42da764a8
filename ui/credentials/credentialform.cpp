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

// A field's name as its label reads, without the colon.
QString labelText(QWidget *field)
{
    const auto *form = qobject_cast<QFormLayout *>(field->parentWidget()->layout());
    const auto *label = form ? qobject_cast<QLabel *>(form->labelForField(field)) : nullptr;
    QString text = label ? label->text() : field->objectName();
    while (text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xFF1A)))
        text.chop(1);
    return text;
}

// The example address a new profile starts with is no address of the clerk's: the field stays
// empty with a placeholder instead, and saving it empty keeps the profile's value.
bool isExampleAddress(const QString &value)
{
    const QString host = QUrl(value).host().toLower();
    return host == QLatin1String("example.com") || host.endsWith(QLatin1String(".example.com"));
}

} // namespace

CredentialForm::CredentialForm(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(createDingTalkBox());
    layout->addWidget(createKingdeeBox());
    layout->addStretch(1);
    createAdvancedBox(); // a page of its own in the dialog: the form fits a 1.5× screen

    connect(m_auth, &QComboBox::currentIndexChanged, this, &CredentialForm::updateAuthFields);
    connect(m_api, &QComboBox::currentIndexChanged, this, &CredentialForm::updateAddressFields);
    connect(m_url, &QLineEdit::textChanged, this, &CredentialForm::updateHttpWarning);
    retranslateUi();
    updateAuthFields();
    updateAddressFields();
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
    m_oapiUrl = addRow(m_advancedLayout, new QLineEdit(m_advancedBox), "dingTalkOapiUrlEdit",
                       keys::DingTalkOapiUrl);
    m_apiUrl = addRow(m_advancedLayout, new QLineEdit(m_advancedBox), "dingTalkApiUrlEdit",
                      keys::DingTalkApiUrl);
    return m_advancedBox;
}

void CredentialForm::load(const Settings &settings)
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const QString value = settings.text(it.key());
        if (auto *edit = qobject_cast<QLineEdit *>(it.value()))
            edit->setText(isExampleAddress(value) ? QString() : value);
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            selectData(combo, value);
    }
    m_streamIntake = settings.text(QLatin1String(keys::DingTalkIntake)) == QLatin1String("stream");
    updateAddressFields();
}

QHash<QString, QString> CredentialForm::settingValues() const
{
    QHash<QString, QString> values;
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const SettingSpec *spec = findSettingSpec(it.key());
        auto *edit = qobject_cast<QLineEdit *>(it.value());
        // An address left empty keeps the profile's (its default): an empty one is no address.
        if (edit && edit->text().trimmed().isEmpty() && spec
            && spec->kind == SettingSpec::Kind::Url)
            continue;
        if (edit)
            values.insert(it.key(), edit->text().trimmed());
        else if (auto *combo = qobject_cast<QComboBox *>(it.value()))
            values.insert(it.key(), combo->currentData().toString());
    }
    return values;
}

QWidget *CredentialForm::advancedBox() const
{
    return m_advancedBox;
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

QStringList CredentialForm::emptyFields(const QList<QWidget *> &fields) const
{
    QStringList names;
    for (QWidget *field : fields) {
        if (!field->isEnabled())
            continue; // a row the chosen login or API does not use
        const auto *secret = qobject_cast<SecretField *>(field);
        const auto *edit = qobject_cast<QLineEdit *>(field);
        if (secret ? secret->isMissing() : edit && edit->text().trimmed().isEmpty())
            names.append(labelText(field));
    }
    return names;
}

QStringList CredentialForm::emptyDingTalkFields() const
{
    return emptyFields({m_appKey, m_dingTalkSecret, m_processCode});
}

QStringList CredentialForm::emptyKingdeeFields() const
{
    return emptyFields(
        {m_url, m_acctId, m_username, m_appId, m_kingdeeSecret, m_password, m_orgNumber});
}

std::optional<SettingIssue> CredentialForm::check(const Settings &settings, const QStringList &keys,
                                                  bool moveFocus)
{
    const QHash<QString, QString> values = settingValues();
    for (const SettingSpec &spec : settingSpecs()) {
        if (!values.contains(spec.key) || (!keys.isEmpty() && !keys.contains(spec.key)))
            continue;
        if (std::optional<SettingIssue> issue = settings.check(spec.key, values.value(spec.key))) {
            if (QWidget *field = fieldFor(spec.key); field && moveFocus)
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
    Q_EMIT rowsChanged();
}

void CredentialForm::updateAddressFields()
{
    const bool v1 = m_api->currentData().toString() == QLatin1String("v1");
    const auto show = [this](QWidget *field, bool visible) {
        m_advancedLayout->setRowVisible(field, visible);
        field->setEnabled(visible);
    };
    show(m_oapiUrl, !v1);
    show(m_apiUrl, v1 || m_streamIntake);
    Q_EMIT rowsChanged();
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
    // DingTalk's console says Client ID / Client Secret today; older guides say AppKey.
    setLabel(m_dingTalkLayout, m_appKey, tr("Client ID (AppKey):"));
    m_appKey->setPlaceholderText(tr("From the DingTalk developer console: the app's credentials"));
    setLabel(m_dingTalkLayout, m_dingTalkSecret, tr("Client Secret (AppSecret):"));
    setLabel(m_dingTalkLayout, m_processCode, tr("Process code:"));
    m_processCode->setPlaceholderText(tr("PROC-… of the rebate disbursement approval"));

    m_kingdeeBox->setTitle(tr("Kingdee Cloud Galaxy (target of the bills)"));
    setLabel(m_kingdeeLayout, m_url, tr("Server address:"));
    m_url->setPlaceholderText(tr("for example https://erp.your-company.com/k3cloud/"));
    m_httpWarning->setText(tr("⚠ This address uses plain http:// to another computer: the "
                              "password or app secret travels over the network unencrypted. Use "
                              "https:// unless the server is inside a trusted network."));
    setLabel(m_kingdeeLayout, m_acctId, tr("Data centre ID:"));
    m_acctId->setPlaceholderText(tr("As listed in Kingdee's management centre"));
    setLabel(m_kingdeeLayout, m_username, tr("User:"));
    m_username->setPlaceholderText(tr("The Kingdee user the bills are saved as"));
    setLabel(m_kingdeeLayout, m_auth, tr("Login:"));
    m_auth->setItemText(0, tr("App secret (LoginByAppSecret)"));
    m_auth->setItemText(1, tr("Signed login (LoginBySign, Kingdee's recommendation)"));
    m_auth->setItemText(2, tr("API signature on every call (no session)"));
    m_auth->setItemText(3, tr("User name and password (ValidateUser)"));
    setLabel(m_kingdeeLayout, m_appId, tr("App ID:"));
    m_appId->setPlaceholderText(tr("From the third-party system registration in Kingdee"));
    setLabel(m_kingdeeLayout, m_kingdeeSecret, tr("App secret:"));
    setLabel(m_kingdeeLayout, m_password, tr("Password:"));
    setLabel(m_kingdeeLayout, m_orgNumber, tr("Organisation number:"));
    m_orgNumber->setPlaceholderText(tr("for example 100"));
    setLabel(m_kingdeeLayout, m_lcid, tr("Language of messages:"));

    m_advancedBox->setTitle(tr("DingTalk interface"));
    setLabel(m_advancedLayout, m_api, tr("DingTalk API:"));
    m_api->setItemText(0, tr("Classic (oapi.dingtalk.com topapi)"));
    m_api->setItemText(1, tr("New (api.dingtalk.com v1.0)"));
    setLabel(m_advancedLayout, m_oapiUrl, tr("DingTalk address (classic API):"));
    m_oapiUrl->setPlaceholderText(QStringLiteral("https://oapi.dingtalk.com"));
    setLabel(m_advancedLayout, m_apiUrl, tr("DingTalk address (new API, Stream):"));
    m_apiUrl->setPlaceholderText(QStringLiteral("https://api.dingtalk.com"));
}

} // namespace rs
