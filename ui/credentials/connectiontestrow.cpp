#include "ui/credentials/connectiontestrow.h"

#include "app/dingtalk/dingtalkclient.h"
#include "app/kingdee/kingdeeclient.h"
#include "app/store/database.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace rs {
namespace {

// A test should answer while the clerk waits, not after the 3-minute BatchSave timeout.
constexpr int kTestTimeoutMs = 20'000;

} // namespace

ConnectionTestRow::ConnectionTestRow(const QString &buttonName, const QString &resultName,
                                     QWidget *parent)
    : QWidget(parent)
    , m_button(new QPushButton(this))
    , m_busy(new QProgressBar(this))
    , m_result(new QLabel(this))
{
    m_button->setObjectName(buttonName);
    m_button->setAutoDefault(false);
    m_button->setFocusPolicy(Qt::TabFocus); // a click leaves the focus in the field typed in
    m_busy->setObjectName(buttonName + QStringLiteral("Busy"));
    m_busy->setRange(0, 0); // no steps to count: an indeterminate bar
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_result->setObjectName(resultName);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText); // a server's message is never markup
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide(); // no empty line under the button before the first test

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_button);
    buttons->addWidget(m_busy);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_result);

    connect(m_button, &QPushButton::clicked, this, &ConnectionTestRow::requested);
    retranslateUi();
}

ConnectionTestRow::~ConnectionTestRow()
{
    // Deleted now, while this row is whole: an answer from a dying client finds no handler.
    ++m_generation;
    delete m_client.data();
}

void ConnectionTestRow::setBusy()
{
    ++m_generation;
    dropClient();
    if (!m_running)
        m_focusBefore = window()->focusWidget();
    m_running = true;
    m_button->setEnabled(false); // moves the focus on when the button had it (keyboard)
    m_focusMovedTo = window()->focusWidget();
    m_busy->show();
    m_result->setStyleSheet({});
    m_result->setText(tr("Testing…"));
    m_result->show();
}

void ConnectionTestRow::runDingTalk(dingtalk::DingTalkConfig config)
{
    setBusy();
    config.transferTimeoutMs = kTestTimeoutMs;
    auto *client = new dingtalk::DingTalkClient(std::move(config), this);
    m_client = client;
    const int generation = m_generation;
    client->testConnection([this, generation](const dingtalk::Failure &failure) {
        if (generation != m_generation)
            return;
        finish();
        if (failure.ok())
            showSuccess(
                tr("DingTalk accepted the Client ID and Client Secret (token obtained) and lists "
                   "the process's approvals."));
        else
            showFailure(failure.describe());
    });
}

void ConnectionTestRow::runKingdee(kingdee::KingdeeConfig config, const QString &success)
{
    setBusy();
    config.transferTimeoutMs = kTestTimeoutMs;
    config.maxRetries = 1;
    auto *client = new kingdee::KingdeeClient(std::move(config), this);
    m_client = client;
    const int generation = m_generation;
    client->testConnection([this, generation, success](const kingdee::Failure &failure) {
        if (generation != m_generation)
            return;
        finish();
        if (failure.ok())
            showSuccess(success);
        else
            showFailure(failure.describe());
    });
}

void ConnectionTestRow::runStore(const StoreLocation &location)
{
    setBusy();
    const int generation = m_generation;
    auto verdict = std::make_shared<std::pair<bool, QString>>();
    // The connection is made, used and closed on that thread (Qt Sql's rule); the thread ends by
    // itself, also when the dialog closed meanwhile (its answer then finds no row).
    QThread *thread = QThread::create([location, verdict] {
        Database database(location);
        const StoreError error = database.open();
        if (error.ok())
            *verdict = {true,
                        tr("Connected to %1 (schema version %2).")
                            .arg(location.display())
                            .arg(database.schemaVersion())};
        else
            *verdict = {false, error.message};
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, generation, verdict] {
        if (generation != m_generation)
            return;
        finish();
        if (verdict->first)
            showSuccess(verdict->second);
        else
            showFailure(verdict->second);
    });
    thread->start();
}

void ConnectionTestRow::showSuccess(const QString &message)
{
    m_result->setStyleSheet(QStringLiteral("color: #1b7f3b;"));
    m_result->setText(QStringLiteral("✓ ") + message);
    m_result->show();
}

void ConnectionTestRow::showFailure(const QString &message)
{
    finish();
    m_result->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_result->setText(QStringLiteral("✗ ") + message);
    m_result->show();
}

void ConnectionTestRow::cancel()
{
    const bool wasRunning = m_running;
    ++m_generation; // before cancel(): its Cancelled answer comes synchronously
    finish();
    if (wasRunning) {
        m_result->clear();
        m_result->hide();
    }
}

void ConnectionTestRow::finish()
{
    const bool wasRunning = m_running;
    m_running = false;
    m_button->setEnabled(true);
    m_busy->hide();
    dropClient();
    if (wasRunning)
        restoreFocus();
}

void ConnectionTestRow::restoreFocus()
{
    // Back only from where disabling the button sent it, never from where the clerk went since.
    if (m_focusBefore && window()->focusWidget() == m_focusMovedTo.data())
        m_focusBefore->setFocus(Qt::OtherFocusReason);
    m_focusBefore.clear();
    m_focusMovedTo.clear();
}

void ConnectionTestRow::dropClient()
{
    if (m_client) {
        // Queued calls end now; one already on the wire is dropped with its client.
        if (auto *d = qobject_cast<dingtalk::DingTalkClient *>(m_client.data()))
            d->cancel();
        else if (auto *k = qobject_cast<kingdee::KingdeeClient *>(m_client.data()))
            k->cancel();
        m_client->deleteLater(); // finish() may run inside the client's own handler
        m_client.clear();
    }
}

bool ConnectionTestRow::isRunning() const
{
    return m_running;
}

void ConnectionTestRow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ConnectionTestRow::retranslateUi()
{
    m_button->setText(tr("Test connection"));
    m_button->setToolTip(tr("Connects with the values in the form, saved or not"));
}

} // namespace rs
