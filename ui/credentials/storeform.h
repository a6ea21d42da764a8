#pragma once

#include "app/settings/settingvalidator.h"
#include "app/store/storelocation.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rs {

class ConnectionTestRow;
class SecretField;
class Settings;

// The credentials dialog's page for where the store lives: this computer's SQLite file, or a
// team's shared PostgreSQL ledger (host, port, database, user; the password is the secret
// store.password). Holds values; the dialog saves them and runs the test.
class StoreForm final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoreForm)

public:
    explicit StoreForm(QWidget *parent = nullptr);

    void load(const Settings &settings);
    // settings.ini key ("store/…") → the form's text.
    QHash<QString, QString> settingValues() const;
    bool usesLedger() const;
    // The ledger the form names, with `password`.
    StoreLocation ledgerLocation(const QString &password) const;
    // The shown fields a ledger needs that are empty, as their labels read.
    QStringList emptyFields() const;
    std::optional<SettingIssue> check(const Settings &settings, bool moveFocus) const;

    SecretField *password() const { return m_password; }
    ConnectionTestRow *test() const { return m_test; }

Q_SIGNALS:
    void rowsChanged();

protected:
    void changeEvent(QEvent *event) override;

private:
    template<typename Field> Field *addRow(Field *field, const char *objectName, const char *key);
    void updateRows();
    void retranslateUi();

    QFormLayout *m_layout;
    QLabel *m_intro;
    QComboBox *m_driver;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    SecretField *m_password;
    ConnectionTestRow *m_test;
    QLabel *m_restartNote;
    QHash<QString, QWidget *> m_fields; // settings.ini key → its field
};

} // namespace rs
