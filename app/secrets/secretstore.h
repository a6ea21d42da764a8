#pragma once

#include "app/secrets/secretname.h"

#include <QObject>
#include <QString>

#include <functional>

namespace rs {

struct SecretResult
{
    enum class Status {
        Ok,
        NotFound, // the keychain works but holds no such entry
        NoBackend, // no keychain service to talk to
        AccessDenied, // the keychain is locked or the user refused
        Failed,
    };
    Status status = Status::Failed;
    QString value; // only with Ok; never logged
    bool fromEnvironment = false;
    QString message; // translated; says what to install, unlock or do
    bool ok() const { return status == Status::Ok; }
};

// The one door to the OS keychain (service "RebateSync"): Windows Credential Manager, macOS
// Keychain, Secret Service on Linux. No plaintext fallback, ever. Entries are scoped to a
// profile, so a demo profile cannot overwrite the real one's secrets. For reads, the headless
// environment variables win and are never written back.
class SecretStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    using Callback = std::function<void(const SecretResult &)>;

    // `scope` tells profiles apart: the profile's folder.
    explicit SecretStore(QString scope, QObject *parent = nullptr);

    void read(SecretName name, Callback done);
    void write(SecretName name, const QString &value, Callback done);
    void remove(SecretName name, Callback done);

    // Waits for the answer in a local event loop. For the CLI and worker threads only; the UI
    // thread uses the callbacks above.
    SecretResult readNow(SecretName name);
    SecretResult writeNow(SecretName name, const QString &value);
    SecretResult removeNow(SecretName name);

    static QString serviceName();
    // What the clerk calls the keychain, for use inside a sentence: "the system keychain", or
    // "Windows Credential Manager" in a Windows build.
    static QString keychainName();
    QString entryKey(SecretName name) const;

private:
    SecretResult waitFor(const std::function<void(Callback)> &start);

    QString m_scope;
};

} // namespace rs
