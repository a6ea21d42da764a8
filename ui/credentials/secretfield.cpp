#include "ui/credentials/secretfield.h"

#include "app/secrets/secretstore.h"

#include <QEvent>

namespace rs {

SecretField::SecretField(SecretName name, QWidget *parent)
    : QLineEdit(parent)
    , m_name(name)
{
    setEchoMode(QLineEdit::Password);
    setClearButtonEnabled(true);
    retranslateUi();
}

void SecretField::setStoredState(const SecretResult &result)
{
    m_state = !result.ok()       ? State::Missing
        : result.fromEnvironment ? State::FromEnvironment
                                 : State::Stored;
    retranslateUi();
}

void SecretField::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLineEdit::changeEvent(event);
}

void SecretField::retranslateUi()
{
    switch (m_state) {
    case State::Unknown:
        setPlaceholderText(tr("Reading %1…").arg(SecretStore::keychainName()));
        return;
    case State::Stored:
        setPlaceholderText(
            tr("Stored in %1 — leave empty to keep").arg(SecretStore::keychainName()));
        return;
    case State::FromEnvironment:
        setPlaceholderText(tr("Set by %1 for this run — leave empty to keep")
                               .arg(QString::fromLatin1(environmentVariable(m_name))));
        return;
    case State::Missing:
        setPlaceholderText(tr("Not stored yet"));
        return;
    }
}

} // namespace rs
