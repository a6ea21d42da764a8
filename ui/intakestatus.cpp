#include "ui/intakestatus.h"

#include <QEvent>

namespace rs {

IntakeStatus::IntakeStatus(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("intakeStatus"));
    retranslateUi();
}

void IntakeStatus::setState(State state, const QString &problem)
{
    m_state = state;
    m_problem = problem;
    retranslateUi();
}

void IntakeStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QLabel::changeEvent(event);
}

void IntakeStatus::retranslateUi()
{
    QString word;
    QString tip;
    // Colours as a clerk reads them at a glance: green up, amber on its way back, red down.
    QString colour;
    switch (m_state) {
    case State::Connected:
        word = tr("Connected", "DingTalk Stream intake");
        tip = tr("DingTalk pushes each approval as it ends; it appears in the table at once.");
        colour = QStringLiteral("#2e7d32");
        break;
    case State::Connecting:
        word = tr("Connecting…", "DingTalk Stream intake");
        tip = tr("Opening the connection to DingTalk.");
        colour = QStringLiteral("#f0a202");
        break;
    case State::Reconnecting:
        word = tr("Reconnecting…", "DingTalk Stream intake");
        tip = tr("The connection to DingTalk is being opened again; what ended meanwhile is "
                 "fetched once it is.");
        colour = QStringLiteral("#f0a202");
        break;
    case State::Offline:
        word = tr("Offline", "DingTalk Stream intake");
        tip = tr("No connection to DingTalk: new approvals come only with Fetch Approvals.");
        colour = QStringLiteral("#c62828");
        break;
    }
    setText(tr("DingTalk: %1").arg(word));
    setStyleSheet(QStringLiteral("color: %1;").arg(colour));
    setToolTip(m_problem.isEmpty() ? tip : tip + QLatin1Char('\n') + m_problem);
}

} // namespace rs
