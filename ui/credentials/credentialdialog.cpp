#include "ui/credentials/credentialdialog.h"

#include "app/secrets/secretstore.h"
#include "app/settings/settingkeys.h"
#include "app/settings/settings.h"
#include "ui/credentials/connectiontestrow.h"
#include "ui/credentials/credentialform.h"
#include "ui/credentials/credentialtester.h"
#include "ui/credentials/secretfield.h"
#include "ui/credentials/storeform.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace rs {

CredentialDialog::CredentialDialog(Settings &settings, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_intro(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_form(new CredentialForm(m_tabs))
    , m_storeForm(new StoreForm(m_tabs))
    , m_tester(new CredentialTester(*m_form, *m_storeForm, settings, secrets, this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("credentialDialog"));
    m_intro->setObjectName(QStringLiteral("credentialIntro"));
    m_intro->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("saveMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_message->hide();
    m_buttons->setObjectName(QStringLiteral("dialogButtons"));

    auto *layout = new QVBoxLayout(this);
    setMinimumWidth(560);
    layout->addWidget(m_intro);
    m_tabs->setObjectName(QStringLiteral("credentialTabs"));
    m_tabs->addTab(m_form, {});
    m_tabs->addTab(m_storeForm, {});
    m_tabs->addTab(m_form->advancedBox(), {});
    layout->addWidget(m_tabs);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &CredentialDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &CredentialDialog::reject);
    connect(m_form->dingTalkTest(), &ConnectionTestRow::requested, m_tester,
            &CredentialTester::testDingTalk);
    connect(m_form->kingdeeTest(), &ConnectionTestRow::requested, m_tester,
            &CredentialTester::testKingdee);
    connect(m_storeForm->test(), &ConnectionTestRow::requested, m_tester,
            &CredentialTester::testStore);
    connect(m_form, &CredentialForm::rowsChanged, this, &CredentialDialog::scheduleFit);
    connect(m_storeForm, &StoreForm::rowsChanged, this, &CredentialDialog::scheduleFit);

    m_form->load(m_settings);
    m_storeForm->load(m_settings);
    retranslateUi();
    readStoredSecrets();
}

bool CredentialDialog::needsSetup(const Settings &settings)
{
    for (const char *key : {keys::DingTalkAppKey, keys::DingTalkProcessCode, keys::KingdeeAcctId,
                            keys::KingdeeUsername}) {
        if (settings.text(QLatin1String(key)).isEmpty())
            return true;
    }
    const QString host = QUrl(settings.text(QLatin1String(keys::KingdeeUrl))).host().toLower();
    return host.isEmpty() || host == QLatin1String("example.com")
        || host.endsWith(QLatin1String(".example.com"));
}

void CredentialDialog::readStoredSecrets()
{
    const QPointer<CredentialDialog> guard(this);
    for (SecretName name : allSecretNames()) {
        if (!secretField(name))
            continue;
        m_secrets.read(name, [guard, name](const SecretResult &result) {
            if (!guard)
                return;
            guard->secretField(name)->setStoredState(result);
            // Not found is the normal first start; anything else (locked, no keychain) the
            // clerk must know before typing secrets that could not be kept.
            if (result.status != SecretResult::Status::Ok
                && result.status != SecretResult::Status::NotFound)
                guard->showMessage(result.message);
        });
    }
}

SecretField *CredentialDialog::secretField(SecretName name) const
{
    if (name == SecretName::StorePassword)
        return m_storeForm->password();
    return m_form->secretField(name);
}

void CredentialDialog::scheduleFit()
{
    // Only for a switch while the clerk looks: before the first show the dialog takes its size
    // hint anyway, and a resize after the window manager placed it would move it. Queued: the
    // layout takes the shown or hidden rows into account first.
    if (isVisible())
        QTimer::singleShot(0, this, &CredentialDialog::fitHeight);
}

void CredentialDialog::fitHeight()
{
    // Back to the height the shown rows need, after a login or API with fewer rows too: the
    // dialog must not keep the empty space of rows hidden since.
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : sizeHint().height();
    resize(width(), std::max(needed, minimumSizeHint().height()));
}

bool CredentialDialog::confirmEmptyFields()
{
    QStringList empty = m_form->emptyDingTalkFields() + m_form->emptyKingdeeFields();
    if (m_storeForm->usesLedger())
        empty += m_storeForm->emptyFields();
    if (empty.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Save with empty fields?"),
                    tr("These fields are empty: %1. Fetching and syncing cannot work until "
                       "they are filled in. Save anyway?")
                        .arg(empty.join(tr(", ", "between the names of fields"))),
                    QMessageBox::Save | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("emptyFieldsQuestion"));
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Save;
}

void CredentialDialog::save()
{
    if (m_pendingWrites > 0)
        return;
    m_message->hide();
    if (std::optional<SettingIssue> issue = m_form->check(m_settings)) {
        m_tabs->setCurrentWidget(m_form);
        showMessage(issue->message);
        return;
    }
    if (std::optional<SettingIssue> issue = m_storeForm->check(m_settings, true)) {
        m_tabs->setCurrentWidget(m_storeForm);
        showMessage(issue->message);
        return;
    }
    if (!confirmEmptyFields())
        return;
    QList<SecretName> writes;
    QList<SecretName> inUse = m_form->secretsInUse();
    if (m_storeForm->usesLedger())
        inUse.append(SecretName::StorePassword);
    for (SecretName name : std::as_const(inUse)) {
        if (!secretField(name)->text().isEmpty())
            writes.append(name);
    }
    m_storeChanged = writes.contains(SecretName::StorePassword);
    if (writes.isEmpty()) {
        apply();
        return;
    }
    // Settings are applied only once every secret is in the keychain, so a refused write
    // leaves nothing half saved.
    const int run = ++m_saveRun;
    m_pendingWrites = int(writes.size());
    m_writeProblems.clear();
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    const QPointer<CredentialDialog> guard(this);
    for (SecretName name : writes) {
        m_secrets.write(name, secretField(name)->text(),
                        [guard, run, name](const SecretResult &result) {
                            if (guard)
                                guard->secretWritten(run, name, result);
                        });
    }
}

void CredentialDialog::secretWritten(int saveRun, SecretName name, const SecretResult &result)
{
    if (saveRun != m_saveRun)
        return;
    if (result.ok()) {
        secretField(name)->clear();
        secretField(name)->setStoredState(result);
    } else {
        m_writeProblems.append(result.message);
    }
    if (--m_pendingWrites > 0)
        return;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!m_writeProblems.isEmpty()) {
        m_writeProblems.removeDuplicates();
        showMessage(m_writeProblems.join(QLatin1Char('\n')));
        return;
    }
    apply();
}

void CredentialDialog::apply()
{
    QHash<QString, QString> values = m_form->settingValues();
    values.insert(m_storeForm->settingValues());
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key().startsWith(QLatin1String("store/")) && m_settings.text(it.key()) != it.value())
            m_storeChanged = true;
        if (const std::optional<SettingIssue> issue = m_settings.setValue(it.key(), it.value())) {
            showMessage(issue->message);
            return;
        }
    }
    if (!m_settings.flush()) {
        showMessage(tr("The settings could not be written to %1. Check that the folder is "
                       "writable and the file is not open elsewhere.")
                        .arg(m_settings.path()));
        return;
    }
    accept();
}

void CredentialDialog::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void CredentialDialog::done(int result)
{
    // Nothing may answer into a closed dialog: tests stop, a save in flight is forgotten.
    m_form->dingTalkTest()->cancel();
    m_form->kingdeeTest()->cancel();
    m_storeForm->test()->cancel();
    ++m_saveRun;
    m_pendingWrites = 0;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    QDialog::done(result);
}

bool CredentialDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest && layout()->hasHeightForWidth()) {
        // A wrapped message (a server's error, the http warning) needs more height at this
        // width; the minimum size alone does not know that, and the rows would be squeezed.
        const int needed = layout()->totalHeightForWidth(width());
        if (needed > height())
            resize(width(), needed);
    }
    return handled;
}

void CredentialDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CredentialDialog::retranslateUi()
{
    setWindowTitle(tr("Connections and Credentials"));
    m_intro->setText(tr("RebateSync reads approvals from DingTalk and writes bills to Kingdee. "
                        "Secrets are kept in %1, never in a file.")
                         .arg(SecretStore::keychainName()));
    m_tabs->setTabText(m_tabs->indexOf(m_form), tr("DingTalk and Kingdee"));
    m_tabs->setTabText(m_tabs->indexOf(m_storeForm), tr("Store / team ledger"));
    m_tabs->setTabText(m_tabs->indexOf(m_form->advancedBox()), tr("Advanced"));
}

} // namespace rs
