#include "app/secrets/secretstore.h"

#include <QEventLoop>
#include <qt6keychain/keychain.h>

namespace rs {
namespace {

[[maybe_unused]] QString environmentHint()
{
    QStringList variables;
    for (SecretName name : allSecretNames())
        variables.append(QString::fromLatin1(environmentVariable(name)));
    return variables.join(QStringLiteral(", "));
}

SecretResult resultOf(const QKeychain::Job &job, SecretName name)
{
    SecretResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        return result;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotFound;
        result.message = SecretStore::tr("%1 is not in %2 yet. Enter it in the settings "
                                         "dialog, or run: rebatesync-cli secret set %1")
                             .arg(canonicalName(name), SecretStore::keychainName());
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::AccessDenied;
#ifdef Q_OS_WIN
        result.message = SecretStore::tr("Windows Credential Manager refused access (%1). Sign "
                                         "in to Windows with your own account and try again.")
                             .arg(job.errorString());
#else
        result.message = SecretStore::tr("The system keychain is locked or refused access (%1). "
                                         "Unlock the login keyring and try again.")
                             .arg(job.errorString());
#endif
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
    case QKeychain::CouldNotDeleteEntry:
        break;
    }
    result.status =
        job.error() == QKeychain::OtherError || job.error() == QKeychain::CouldNotDeleteEntry
        ? SecretResult::Status::Failed
        : SecretResult::Status::NoBackend;
    // A clerk on Windows is never told to install packages or set variables: that advice is
    // for whoever runs RebateSync on a Linux server (the disambiguation marks it, and
    // tst_translations holds every such text to it).
#ifdef Q_OS_WIN
    result.message = SecretStore::tr("Windows Credential Manager could not be used (%1). "
                                     "RebateSync keeps secrets only there, never in a file. Sign "
                                     "in to Windows with your own account and try again; if it "
                                     "still fails, ask your IT support.")
                         .arg(job.errorString());
#else
    result.message =
        SecretStore::tr("The system keychain could not be used (%1). RebateSync keeps secrets "
                        "only there, never in a file. Install and unlock a Secret Service such "
                        "as gnome-keyring (apt install gnome-keyring) in a desktop or D-Bus "
                        "session. A scheduled run without a keychain can pass secrets in the "
                        "environment variables %2.",
                        "Linux only")
            .arg(job.errorString(), environmentHint());
#endif
    return result;
}

template<typename JobType> JobType *newJob(const QString &key, QObject *parent)
{
    auto *job = new JobType(SecretStore::serviceName(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

SecretStore::SecretStore(QString scope, QObject *parent)
    : QObject(parent)
    , m_scope(std::move(scope))
{ }

QString SecretStore::keychainName()
{
    // One word for it everywhere, chosen when the program is built: a clerk on Windows knows
    // the Credential Manager by that name.
#ifdef Q_OS_WIN
    return tr("Windows Credential Manager");
#else
    return tr("the system keychain");
#endif
}

QString SecretStore::serviceName()
{
    return QStringLiteral("RebateSync");
}

QString SecretStore::entryKey(SecretName name) const
{
    if (m_scope.isEmpty())
        return canonicalName(name);
    return canonicalName(name) + QLatin1Char('@') + m_scope;
}

void SecretStore::read(SecretName name, Callback done)
{
    // qEnvironmentVariable, not qgetenv: on Windows the latter is in the ANSI code page (GBK on a
    // Chinese system), which would garble a non-ASCII secret.
    const QString fromEnvironment = qEnvironmentVariable(environmentVariable(name).constData());
    if (!fromEnvironment.isEmpty()) {
        SecretResult result;
        result.status = SecretResult::Status::Ok;
        result.value = fromEnvironment;
        result.fromEnvironment = true;
        done(result);
        return;
    }
    auto *job = newJob<QKeychain::ReadPasswordJob>(entryKey(name), this);
    connect(job, &QKeychain::Job::finished, this, [job, name, done = std::move(done)] {
        SecretResult result = resultOf(*job, name);
        if (result.ok())
            result.value = job->textData();
        done(result);
    });
    job->start();
}

void SecretStore::write(SecretName name, const QString &value, Callback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(entryKey(name), this);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this,
            [job, name, done = std::move(done)] { done(resultOf(*job, name)); });
    job->start();
}

void SecretStore::remove(SecretName name, Callback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(entryKey(name), this);
    connect(job, &QKeychain::Job::finished, this, [job, name, done = std::move(done)] {
        SecretResult result = resultOf(*job, name);
        if (result.status == SecretResult::Status::NotFound)
            result = {SecretResult::Status::Ok, {}, false, {}}; // already gone is what was asked
        done(result);
    });
    job->start();
}

SecretResult SecretStore::waitFor(const std::function<void(Callback)> &start)
{
    SecretResult result;
    bool finished = false;
    QEventLoop loop;
    start([&](const SecretResult &r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

SecretResult SecretStore::readNow(SecretName name)
{
    return waitFor([&](Callback done) { read(name, std::move(done)); });
}

SecretResult SecretStore::writeNow(SecretName name, const QString &value)
{
    return waitFor([&](Callback done) { write(name, value, std::move(done)); });
}

SecretResult SecretStore::removeNow(SecretName name)
{
    return waitFor([&](Callback done) { remove(name, std::move(done)); });
}

} // namespace rs
