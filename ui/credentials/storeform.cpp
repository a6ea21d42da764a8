#include "ui/credentials/storeform.h"

#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "app/settings/settingspec.h"
#include "ui/credentials/connectiontestrow.h"
#include "ui/credentials/secretfield.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace rs {
namespace {

QString labelOf(QFormLayout *layout, QWidget *field)
{
    const auto *label = qobject_cast<QLabel *>(layout->labelForField(field));
    QString text = label ? label->text() : field->objectName();
    while (text.endsWith(QLatin1Char(':')) || text.endsWith(QChar(0xFF1A)))
        text.chop(1);
    return text;
}

} // namespace

StoreForm::StoreForm(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QFormLayout(this))
    , m_intro(new QLabel(this))
    , m_driver(new QComboBox(this))
    , m_host(new QLineEdit(this))
    , m_port(new QSpinBox(this))
    , m_database(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new SecretField(SecretName::StorePassword, this))
    , m_test(new ConnectionTestRow(QStringLiteral("testStoreButton"),
                                   QStringLiteral("storeTestResult"), this))
    , m_restartNote(new QLabel(this))
{
    setObjectName(QStringLiteral("storeForm"));
    m_intro->setWordWrap(true);
    m_restartNote->setObjectName(QStringLiteral("storeRestartNote"));
    m_restartNote->setWordWrap(true);
    m_driver->addItem(QString(), QStringLiteral("sqlite")); // the data is what settings.ini holds
    m_driver->addItem(QString(), QStringLiteral("postgresql"));
    if (const SettingSpec *spec = findSettingSpec(QLatin1String(keys::StorePort)))
        m_port->setRange(spec->minimum, spec->maximum);
    m_port->setGroupSeparatorShown(false);

    m_layout->addRow(m_intro);
    addRow(m_driver, "storeDriverCombo", keys::StoreDriver);
    addRow(m_host, "storeHostEdit", keys::StoreHost);
    addRow(m_port, "storePortSpin", keys::StorePort);
    addRow(m_database, "storeDatabaseEdit", keys::StoreDatabase);
    addRow(m_user, "storeUserEdit", keys::StoreUser);
    addRow(m_password, "storePasswordEdit", nullptr);
    m_layout->addRow(m_test);
    m_layout->addRow(m_restartNote);

    connect(m_driver, &QComboBox::currentIndexChanged, this, &StoreForm::updateRows);
    retranslateUi();
    updateRows();
}

template<typename Field>
Field *StoreForm::addRow(Field *field, const char *objectName, const char *key)
{
    field->setObjectName(QLatin1String(objectName));
    auto *label = new QLabel(this); // its text comes in retranslateUi()
    label->setBuddy(field);
    m_layout->addRow(label, field);
    if (key)
        m_fields.insert(QLatin1String(key), field);
    return field;
}

void StoreForm::load(const Settings &settings)
{
    const auto text = [&settings](const char *key) {
        return settings.text(QLatin1String(key));
    };
    const int driver = m_driver->findData(text(keys::StoreDriver));
    m_driver->setCurrentIndex(driver >= 0 ? driver : 0);
    m_host->setText(text(keys::StoreHost));
    m_port->setValue(settings.integer(QLatin1String(keys::StorePort)));
    m_database->setText(text(keys::StoreDatabase));
    m_user->setText(text(keys::StoreUser));
    updateRows();
}

QHash<QString, QString> StoreForm::settingValues() const
{
    return {{QLatin1String(keys::StoreDriver), m_driver->currentData().toString()},
            {QLatin1String(keys::StoreHost), m_host->text().trimmed()},
            {QLatin1String(keys::StorePort), QString::number(m_port->value())},
            {QLatin1String(keys::StoreDatabase), m_database->text().trimmed()},
            {QLatin1String(keys::StoreUser), m_user->text().trimmed()}};
}

bool StoreForm::usesLedger() const
{
    return m_driver->currentData().toString() == QLatin1String("postgresql");
}

StoreLocation StoreForm::ledgerLocation(const QString &password) const
{
    StoreLocation location;
    location.driver = StoreDriver::Postgresql;
    location.host = m_host->text().trimmed();
    location.port = m_port->value();
    location.database = m_database->text().trimmed();
    location.user = m_user->text().trimmed();
    location.password = password;
    return location;
}

QStringList StoreForm::emptyFields() const
{
    QStringList names;
    if (!usesLedger())
        return names;
    for (QLineEdit *field : {m_host, m_database, m_user}) {
        if (field->text().trimmed().isEmpty())
            names.append(labelOf(m_layout, field));
    }
    if (m_password->isMissing())
        names.append(labelOf(m_layout, m_password));
    return names;
}

std::optional<SettingIssue> StoreForm::check(const Settings &settings, bool moveFocus) const
{
    const QHash<QString, QString> values = settingValues();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (std::optional<SettingIssue> issue = settings.check(it.key(), it.value())) {
            if (moveFocus)
                m_fields.value(it.key())->setFocus();
            return issue;
        }
    }
    return std::nullopt;
}

void StoreForm::updateRows()
{
    const bool ledger = usesLedger();
    for (QWidget *field : std::initializer_list<QWidget *> {m_host, m_port, m_database, m_user,
                                                            m_password, m_test}) {
        m_layout->setRowVisible(field, ledger);
        field->setEnabled(ledger);
    }
    Q_EMIT rowsChanged();
}

void StoreForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StoreForm::retranslateUi()
{
    m_intro->setText(tr("One clerk keeps the store on this computer. A team shares one ledger on "
                        "a PostgreSQL server, so that every console and scheduled run sees the "
                        "same applications and no bill is sent twice."));
    const auto setLabel = [this](QWidget *field, const QString &text) {
        if (auto *label = qobject_cast<QLabel *>(m_layout->labelForField(field)))
            label->setText(text);
    };
    setLabel(m_driver, tr("Store:"));
    m_driver->setItemText(0, tr("This computer (SQLite)"));
    m_driver->setItemText(1, tr("Team ledger (PostgreSQL)"));
    setLabel(m_host, tr("Server:"));
    m_host->setPlaceholderText(tr("Name or address of the database server"));
    setLabel(m_port, tr("Port:"));
    setLabel(m_database, tr("Database:"));
    m_database->setPlaceholderText(tr("An empty database created for RebateSync"));
    setLabel(m_user, tr("Database user:"));
    setLabel(m_password, tr("Database password:"));
    m_restartNote->setText(tr("A change of the store takes effect when RebateSync is started "
                              "again."));
}

} // namespace rs
