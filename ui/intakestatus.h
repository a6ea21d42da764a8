#pragma once

#include "app/dingtalk/streamclient.h"

#include <QLabel>

namespace rs {

// The status bar's word on the console's Stream intake: 已连接, 正在重连… or 离线, with the
// reason (DingTalk's words where it gave any) on hover. Shown only with [dingtalk] intake=stream.
class IntakeStatus final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IntakeStatus)

public:
    using State = dingtalk::StreamClient::State;

    explicit IntakeStatus(QWidget *parent = nullptr);

    State state() const { return m_state; }

public Q_SLOTS:
    void setState(rs::dingtalk::StreamClient::State state, const QString &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    State m_state = State::Offline;
    QString m_problem;
};

} // namespace rs
