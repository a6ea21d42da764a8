#pragma once

#include "app/secrets/secretname.h"

#include <QLineEdit>

namespace rs {

struct SecretResult;

// A masked field for one secret. It never shows a stored secret; its placeholder says whether
// one is stored, so the clerk knows that leaving it empty keeps it.
class SecretField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretField)

public:
    SecretField(SecretName name, QWidget *parent = nullptr);

    SecretName name() const { return m_name; }
    // What the keychain answered when asked for this secret.
    void setStoredState(const SecretResult &result);
    // Empty, and the keychain said it holds nothing to stand in for it: a field the clerk
    // still has to fill in. Before the keychain answered, a test reads the keychain instead.
    bool isMissing() const { return text().isEmpty() && m_state == State::Missing; }

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class State { Unknown, Stored, FromEnvironment, Missing };
    void retranslateUi();

    SecretName m_name;
    State m_state = State::Unknown;
};

} // namespace rs
