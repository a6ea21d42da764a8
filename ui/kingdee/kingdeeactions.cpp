#include "ui/kingdee/kingdeeactions.h"

#include "app/store/billrepository.h"
#include "app/sync/syncrunner.h"
#include "models/applicationsmodel.h"
#include "ui/actiontext.h"
#include "ui/applications/applicationspane.h"
#include "ui/jobcontroller.h"
#include "ui/syncprogress.h"

#include <QAction>
#include <QMessageBox>
#include <QStyle>
#include <QWidget>

namespace rs {

KingdeeActions::KingdeeActions(const Database &database, JobController &jobs,
                               ApplicationsPane &applications, QWidget *window)
    : QObject(window)
    , m_database(database)
    , m_jobs(jobs)
    , m_applications(applications)
    , m_window(window)
    , m_readStatus(
          new QAction(window->style()->standardIcon(QStyle::SP_FileDialogInfoView), {}, window))
    , m_sendAgain(new QAction(window))
    , m_reverse(new QAction(window))
{
    m_readStatus->setObjectName(QStringLiteral("readKingdeeStatusAction"));
    m_sendAgain->setObjectName(QStringLiteral("sendAgainAction"));
    m_reverse->setObjectName(QStringLiteral("reverseAction"));
    connect(m_readStatus, &QAction::triggered, this, &KingdeeActions::readStatus);
    connect(m_sendAgain, &QAction::triggered, this, &KingdeeActions::sendAgain);
    connect(m_reverse, &QAction::triggered, this, &KingdeeActions::reverse);

    sync::SyncRunner *runner = m_jobs.runner();
    connect(runner, &sync::SyncRunner::busyChanged, this, &KingdeeActions::updateActions);
    connect(runner, &sync::SyncRunner::kingdeeStatusFinished, this, &KingdeeActions::onStatusRead);
    connect(runner, &sync::SyncRunner::reverseLineDone, this, &KingdeeActions::onReverseLine);
    connect(runner, &sync::SyncRunner::reverseFinished, this, &KingdeeActions::onReversed);
    connect(&m_applications, &ApplicationsPane::currentApplicationChanged, this,
            [this](const QString &id) {
                m_current = id;
                updateActions();
            });
    connect(&m_jobs, &JobController::rowsRefreshed, this, &KingdeeActions::updateActions);
    retranslateUi();
    updateActions();
}

void KingdeeActions::readStatus()
{
    if (!m_jobs.runner()->readKingdeeStatus())
        return;
    m_readingStatus = true;
    m_jobs.progress()->start(tr("Reading the bills' status in Kingdee…"));
}

void KingdeeActions::onStatusRead(const sync::KingdeeStatusReport &report)
{
    if (!std::exchange(m_readingStatus, false))
        return;
    m_jobs.progress()->stop();
    updateActions();
    Q_EMIT finished(report.summary(), {});
}

void KingdeeActions::sendAgain()
{
    ApplicationsModel &model = m_applications.model();
    const int row = model.rowOf(m_current);
    if (row < 0)
        return;
    const ApplicationRow &application = model.rowAt(row);
    const QStringList keys = ApplicationsModel::goneKeys(application);
    if (keys.isEmpty())
        return;
    QStringList numbers;
    for (const ApplicationRow::Bill &bill : application.bills) {
        if (keys.contains(bill.key))
            numbers.append(bill.number.isEmpty() ? bill.key : bill.number);
    }
    const QString businessId =
        application.businessId.isEmpty() ? application.id : application.businessId;
    // Kingdee no longer has it, but someone removed it there on purpose, perhaps: the clerk
    // decides, with the bill named.
    const auto answer = QMessageBox::question(
        m_window, tr("Send again"),
        tr("Bill %1 of application %2 is no longer in Kingdee: someone deleted it there.\n\n"
           "Send it to Kingdee again as a new bill?")
            .arg(numbers.join(QStringLiteral(", ")), businessId),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    for (const QString &key : keys) {
        if (const StoreError e = BillRepository(m_database).sendAgain(key); !e.ok()) {
            Q_EMIT finished({}, e.message);
            return;
        }
    }
    m_jobs.syncApplications({application.id});
}

void KingdeeActions::reverse()
{
    ApplicationsModel &model = m_applications.model();
    const int row = model.rowOf(m_current);
    if (row < 0 || !ApplicationsModel::needsReversal(model.rowAt(row), model.facts(row)))
        return;
    const ApplicationRow &application = model.rowAt(row);
    QStringList numbers;
    for (const ApplicationRow::Bill &bill : application.bills) {
        if (bill.state == BillState::Synced)
            numbers.append(bill.number);
    }
    const QString businessId =
        application.businessId.isEmpty() ? application.id : application.businessId;
    const auto answer = QMessageBox::question(
        m_window, tr("Reverse"),
        tr("Application %1 is %2 in DingTalk, but its bills %3 are in Kingdee.\n\n"
           "Reverse them? Kingdee deletes a bill where it allows it (after an unaudit when "
           "audited); otherwise a reversing bill with the opposite amounts is saved, dated today.")
            .arg(businessId, displayName(application.approval), numbers.join(QStringLiteral(", "))),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes || !m_jobs.runner()->reverse({application.id}))
        return;
    m_reversing = true;
    m_jobs.progress()->start(tr("Reversing the bills of %1…").arg(businessId));
}

void KingdeeActions::onReverseLine(const sync::ReverseLine &line)
{
    Q_UNUSED(line) // the row changes through the runner's rowsChanged; the log has the line
}

void KingdeeActions::onReversed(const sync::ReverseReport &report)
{
    if (!std::exchange(m_reversing, false))
        return;
    m_jobs.progress()->stop();
    updateActions();
    if (report.configError) {
        Q_EMIT finished({}, report.stopReason);
        return;
    }
    QStringList outcomes;
    int reversed = 0;
    for (const sync::ReverseLine &line : report.lines) {
        switch (line.outcome) {
        case sync::ReverseLine::Outcome::Reversed:
            ++reversed;
            outcomes.append(line.how.startsWith(QLatin1String("red "))
                                ? tr("%1: reversing bill %2").arg(line.key, line.how.mid(4))
                                : tr("%1: deleted in Kingdee").arg(line.key));
            break;
        case sync::ReverseLine::Outcome::Failed:
            outcomes.append(tr("%1: failed: %2").arg(line.key, line.error.simplified()));
            break;
        case sync::ReverseLine::Outcome::Skipped:
        case sync::ReverseLine::Outcome::WouldReverse:
            break;
        }
    }
    Q_EMIT finished(tr("Reversed %1 of %n bill(s).", nullptr, int(outcomes.size())).arg(reversed)
                        + QLatin1Char(' ') + outcomes.join(QStringLiteral("; ")),
                    {});
}

void KingdeeActions::updateActions()
{
    const bool idle = !m_jobs.runner()->isBusy();
    ApplicationsModel &model = m_applications.model();
    const int row = model.rowOf(m_current);
    const bool gone = row >= 0 && !ApplicationsModel::goneKeys(model.rowAt(row)).isEmpty();
    const bool due =
        row >= 0 && ApplicationsModel::needsReversal(model.rowAt(row), model.facts(row));
    m_readStatus->setEnabled(idle);
    m_sendAgain->setEnabled(idle && gone);
    m_reverse->setEnabled(idle && due);
}

void KingdeeActions::retranslateUi()
{
    setActionText(m_readStatus, tr("Read &Kingdee Status"));
    m_readStatus->setStatusTip(
        tr("Read every synced bill's status in Kingdee, and find the ones deleted there"));
    setActionText(m_sendAgain, tr("Send &Again…"));
    m_sendAgain->setStatusTip(
        tr("Send the current application's bill again, after someone deleted it in Kingdee"));
    setActionText(m_reverse, tr("Re&verse…", "冲销: undo a bill in Kingdee"));
    m_reverse->setStatusTip(tr("Reverse the bills of the current application, revoked after they "
                               "reached Kingdee"));
}

} // namespace rs
