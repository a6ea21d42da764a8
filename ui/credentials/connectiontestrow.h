#pragma once

#include "app/dingtalk/dingtalkconfig.h"
#include "app/kingdee/kingdeeconfig.h"
#include "app/store/storelocation.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rs {

// A "Test connection" button with its result: runs one connector's testConnection() (or opens
// the store on a thread of its own) without blocking, shows a busy bar meanwhile, then a green
// ✓ or, in red, the server's own words. The keyboard focus stays where the clerk had it.
class ConnectionTestRow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionTestRow)

public:
    // The object names let tests find the button and the result label.
    ConnectionTestRow(const QString &buttonName, const QString &resultName,
                      QWidget *parent = nullptr);
    ~ConnectionTestRow() override;

    // Shows the busy state while the caller still gathers what the test needs (a secret).
    void setBusy();
    void runDingTalk(dingtalk::DingTalkConfig config);
    // `success` is the text shown after a ✓ when Kingdee answers.
    void runKingdee(kingdee::KingdeeConfig config, const QString &success);
    // Opens the store as the console would (checks, and migrates an empty ledger) off the UI
    // thread: "Connected … (schema version N)" or the store's own refusal.
    void runStore(const StoreLocation &location);
    void showFailure(const QString &message);
    // Drops a running test; its answer, if one still comes, is ignored.
    void cancel();
    bool isRunning() const;
    QPushButton *button() const { return m_button; }

Q_SIGNALS:
    void requested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void showSuccess(const QString &message);
    void finish();
    void restoreFocus();
    void dropClient();
    void retranslateUi();

    QPushButton *m_button;
    QProgressBar *m_busy;
    QLabel *m_result;
    QPointer<QObject> m_client;
    QPointer<QWidget> m_focusBefore; // where the focus was when the test started
    QPointer<QWidget> m_focusMovedTo; // where Qt moved it when the button was disabled
    int m_generation = 0;
    bool m_running = false;
};

} // namespace rs
