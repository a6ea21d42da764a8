#include "ui/applications/applicationspane.h"

#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/ledgerwatcher.h"
#include "models/applicationsfiltermodel.h"
#include "models/applicationsmodel.h"
#include "ui/applications/applicationsview.h"
#include "ui/applications/filterbar.h"
#include "ui/uistate.h"

#include <QAction>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace rs {
namespace {

const QString kHeaderLayout = QStringLiteral("applicationsHeader");
constexpr int kFirstPage = 500;

} // namespace

ApplicationsPane::ApplicationsPane(const Database &database, UiState &uiState, QWidget *parent)
    : QWidget(parent)
    , m_database(database)
    , m_uiState(uiState)
    , m_model(new ApplicationsModel(this))
    , m_filter(new ApplicationsFilterModel(this))
    , m_filterBar(new FilterBar(*m_filter, this))
    , m_view(new ApplicationsView(this))
    , m_checkPending(new QPushButton(this))
    , m_clearChecks(new QPushButton(this))
    , m_counts(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_ledgerLost(new QLabel(this))
    , m_noticeBar(new QWidget(this))
    , m_filterNotice(new QLabel(m_noticeBar))
{
    setObjectName(QStringLiteral("applicationsPane"));
    // On a shared ledger, what another clerk's run changes shows here too.
    auto *watcher = new LedgerWatcher(m_database, this);
    connect(watcher, &LedgerWatcher::changed, this, &ApplicationsPane::reload);
    // Said where the clerk looks, and gone by itself once the console has reconnected.
    m_ledgerLost->setObjectName(QStringLiteral("ledgerLostLabel"));
    m_ledgerLost->setWordWrap(true);
    m_ledgerLost->setStyleSheet(QStringLiteral("QLabel { color: #a61b1b; }"));
    m_ledgerLost->hide();
    connect(watcher, &LedgerWatcher::connectionLost, this, [this](const QString &reason) {
        m_ledgerLost->setText(tr("The shared ledger cannot be reached: %1 The table shows what"
                                 " was read before; the console reconnects by itself when the"
                                 " server is back.")
                                  .arg(reason));
        m_ledgerLost->show();
    });
    connect(watcher, &LedgerWatcher::connectionRestored, m_ledgerLost, &QLabel::hide);
    m_filter->setSourceModel(m_model);
    m_view->setModel(m_filter);
    m_view->sortByColumn(ApplicationsModel::DateColumn, Qt::DescendingOrder);
    // Fixed widths the clerk may drag: sizing to contents would measure rows on every change.
    if (!m_view->horizontalHeader()->restoreState(m_uiState.layout(kHeaderLayout))) {
        // What a clerk decides on comes first, so 金额 and 同步状态 show beside the preview on a
        // 1,280-pixel screen; the title, the same words on every row, comes late and narrow.
        using M = ApplicationsModel;
        const QList<QPair<int, int>> order {{M::BusinessIdColumn, 175}, {M::AmountColumn, 100},
                                            {M::SyncColumn, 72},        {M::OriginatorColumn, 120},
                                            {M::DateColumn, 86},        {M::CustomersColumn, 200},
                                            {M::ApprovalColumn, 64},    {M::OrganisationColumn, 50},
                                            {M::NumbersColumn, 130},    {M::TitleColumn, 110}};
        QHeaderView *header = m_view->horizontalHeader();
        for (int visual = 0; visual < order.size(); ++visual) {
            const auto &[column, width] = order.at(visual);
            header->moveSection(header->visualIndex(column), visual);
            m_view->setColumnWidth(column, width);
        }
        fitStateColumns();
    }
    m_checkPending->setObjectName(QStringLiteral("checkPendingButton"));
    m_clearChecks->setObjectName(QStringLiteral("clearChecksButton"));
    m_counts->setObjectName(QStringLiteral("countsLabel"));
    m_totals->setObjectName(QStringLiteral("totalsLabel"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_checkPending);
    buttons->addWidget(m_clearChecks);
    buttons->addStretch(1);
    buttons->addWidget(m_counts);
    buttons->addSpacing(12);
    buttons->addWidget(m_totals);
    // Said where the clerk looks, until the filter changes again or the notice is closed.
    m_noticeBar->setObjectName(QStringLiteral("filterNoticeBar"));
    m_noticeBar->setAutoFillBackground(true);
    m_noticeBar->setStyleSheet(
        QStringLiteral("#filterNoticeBar { background: #fff4ce; border: 1px solid #e0c36a; }"));
    m_filterNotice->setObjectName(QStringLiteral("filterNotice"));
    m_filterNotice->setWordWrap(true);
    auto *closeNotice = new QToolButton(m_noticeBar);
    closeNotice->setObjectName(QStringLiteral("closeFilterNotice"));
    closeNotice->setAutoRaise(true);
    closeNotice->setText(QStringLiteral("×"));
    connect(closeNotice, &QToolButton::clicked, m_noticeBar, &QWidget::hide);
    auto *notice = new QHBoxLayout(m_noticeBar);
    notice->setContentsMargins(6, 2, 2, 2);
    notice->addWidget(m_filterNotice, 1);
    notice->addWidget(closeNotice);
    m_noticeBar->hide();
    connect(m_filterBar, &FilterBar::changed, m_noticeBar, &QWidget::hide);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_ledgerLost);
    layout->addWidget(m_noticeBar);
    layout->addLayout(buttons);
    layout->addWidget(m_view, 1);

    auto *find = new QAction(this);
    find->setObjectName(QStringLiteral("findAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);
    connect(find, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);
    addAction(find);
    connect(m_checkPending, &QPushButton::clicked, this, &ApplicationsPane::checkAllPending);
    connect(m_clearChecks, &QPushButton::clicked, this,
            [this] { m_model->setChecked(m_model->checkedIds(), false); });
    connect(m_model, &ApplicationsModel::checkToggled, this, &ApplicationsPane::onCheckToggled);
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &, const QModelIndex &, const QList<int> &roles) {
                if (roles.contains(Qt::CheckStateRole))
                    updateCounts();
            });
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ApplicationsPane::recountShown);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ApplicationsPane::recountShown);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ApplicationsPane::recountShown);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                Q_EMIT currentApplicationChanged(
                    current.data(ApplicationsModel::IdRole).toString());
            });
    retranslateUi();
}

ApplicationsPane::~ApplicationsPane()
{
    if (m_loader)
        m_loader->wait(); // it posts its rows to this object
}

void ApplicationsPane::reload()
{
    if (m_loader && m_loader->isRunning()) {
        m_reloadAgain = true;
        return;
    }
    const StoreLocation store = m_database.location();
    const bool firstLoad = m_model->rowCount() == 0;
    m_loader.reset(QThread::create([this, store, firstLoad] {
        // Its own connection: a connection belongs to the thread that opened it.
        Database database(store);
        StoreError error = database.open();
        const auto post = [this](ApplicationsModel::Prepared rows, const StoreError &result,
                                 bool complete) {
            QMetaObject::invokeMethod(
                this,
                [this, rows = std::move(rows), result, complete]() mutable {
                    onLoaded(std::move(rows), result, complete);
                },
                Qt::QueuedConnection);
        };
        const ApplicationRepository applications(database);
        // The newest page first, on a first load: the clerk sees the table at once, and the
        // whole year follows a moment later.
        if (error.ok() && firstLoad) {
            post(ApplicationsModel::prepare(applications.newestTableRows(kFirstPage, &error)),
                 error, false);
        }
        ApplicationsModel::Prepared rows;
        if (error.ok())
            rows = ApplicationsModel::prepare(applications.tableRows(&error));
        post(std::move(rows), error, true);
    }));
    m_loader->setObjectName(QStringLiteral("applicationsLoader"));
    m_loader->start();
}

void ApplicationsPane::onLoaded(ApplicationsModel::Prepared rows, const StoreError &error,
                                bool complete)
{
    if (complete && m_reloadAgain) {
        m_reloadAgain = false;
        m_loader->wait();
        reload();
        return;
    }
    if (!error.ok()) {
        Q_EMIT loadFailed(error.message);
        return;
    }
    const QString current = m_view->currentIndex().data(ApplicationsModel::IdRole).toString();
    const QStringList checked = m_model->checkedIds();
    m_model->setPrepared(std::move(rows));
    m_model->setChecked(checked, true);
    // The current row stays current while the filter shows it; a reload never widens the filter
    // by itself (only a jump the clerk asked for does, and says so).
    const int kept = current.isEmpty() ? -1 : m_model->rowOf(current);
    const QModelIndex keptIndex =
        kept < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(kept, 0));
    if (keptIndex.isValid())
        m_view->setCurrentIndex(keptIndex);
    else if (m_filter->rowCount() > 0) // the preview beside shows something useful at once
        m_view->setCurrentIndex(m_filter->index(0, 0));
    m_loading = !complete;
    updateCounts();
    if (complete)
        Q_EMIT loaded(m_model->rowCount());
}

void ApplicationsPane::applyRows(const QList<ApplicationRow> &rows)
{
    m_model->updateRows(rows);
}

QStringList ApplicationsPane::checkedIds() const
{
    return m_model->checkedIds();
}

QStringList ApplicationsPane::failedIds() const
{
    return m_model->idsInSyncState(BillState::Failed);
}

bool ApplicationsPane::selectApplication(const QString &id)
{
    const int sourceRow = m_model->rowOf(id);
    if (sourceRow < 0)
        return false;
    // Exactly what hides it is cleared, nothing more: a search the clerk typed stays when only
    // the state hid the row.
    const ApplicationsFilterModel::Hiding hiding = m_filter->hiding(sourceRow);
    if (hiding.state)
        m_filterBar->showAllStates();
    if (hiding.dates)
        m_filterBar->clearDates();
    if (hiding.search)
        m_filterBar->clearSearch();
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    if (hiding.any()) {
        const ApplicationRow &row = m_model->rowAt(sourceRow);
        m_noticeFor = row.businessId.isEmpty() ? row.id : row.businessId;
        m_cleared = hiding;
        showFilterNotice();
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return true;
}

void ApplicationsPane::fitStateColumns()
{
    // The widths above suit Chinese (部分同步, 已通过); English words are longer ("Partly synced",
    // "Approved"): as wide as the longest state and the header, never narrower than set.
    const QFontMetrics cells(m_view->font());
    const QFontMetrics heading(m_view->horizontalHeader()->font());
    const auto fit = [&](int column, const QStringList &texts) {
        // Room for the padding and, on the header, the sort arrow.
        int width =
            heading.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString())
            + 2 * heading.averageCharWidth() + 16;
        for (const QString &text : texts)
            width = std::max(width, cells.horizontalAdvance(text) + 2 * cells.averageCharWidth());
        m_view->setColumnWidth(column, std::max(m_view->columnWidth(column), width));
    };
    QStringList sync = ApplicationsModel::syncMarks();
    for (const BillState state : allBillStates())
        sync.append(displayName(state));
    fit(ApplicationsModel::SyncColumn, sync);
    QStringList approval;
    for (const ApprovalState state : allApprovalStates())
        approval.append(displayName(state));
    fit(ApplicationsModel::ApprovalColumn, approval);
}

void ApplicationsPane::showFilterNotice()
{
    QStringList cleared;
    if (m_cleared.state)
        cleared.append(tr("state set to All"));
    if (m_cleared.dates)
        cleared.append(tr("date range removed"));
    if (m_cleared.search)
        cleared.append(tr("search cleared"));
    m_filterNotice->setText(tr("Filter cleared to show %1: %2")
                                .arg(m_noticeFor, cleared.join(tr(", ", "list separator"))));
    m_noticeBar->show();
}

void ApplicationsPane::onCheckToggled(const QString &id, bool checked)
{
    const QString anchor = std::exchange(m_anchor, id);
    if (!(m_view->lastModifiers() & Qt::ShiftModifier) || anchor.isEmpty() || anchor == id)
        return;
    const auto proxyRow = [this](const QString &which) {
        const int source = m_model->rowOf(which);
        return source < 0 ? -1 : m_filter->mapFromSource(m_model->index(source, 0)).row();
    };
    const int from = proxyRow(anchor);
    const int to = proxyRow(id);
    if (from < 0 || to < 0)
        return;
    QStringList range;
    for (int row = std::min(from, to); row <= std::max(from, to); ++row)
        range.append(m_filter->index(row, 0).data(ApplicationsModel::IdRole).toString());
    m_model->setChecked(range, checked);
}

void ApplicationsPane::checkAllPending()
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QModelIndex index = m_filter->index(row, 0);
        // One that cannot become a bill stays unticked: sending it would only fail again.
        if (index.data(ApplicationsModel::PendingRole).toBool()
            && !index.data(ApplicationsModel::NotSendableRole).toBool())
            ids.append(index.data(ApplicationsModel::IdRole).toString());
    }
    m_model->setChecked(ids, true);
}

ApplicationsPane::Ticked ApplicationsPane::ticked() const
{
    Ticked ticked;
    for (const QString &id : m_model->checkedIds()) {
        const int source = m_model->rowOf(id);
        const ApplicationRow &row = m_model->rowAt(source);
        ++ticked.applications;
        ticked.bills += ApplicationsModel::billsToSend(row);
        if (const auto &amount = m_model->facts(source).amount)
            ticked.total += *amount;
        else
            ++ticked.unreadableAmounts;
        if (!m_filter->mapFromSource(m_model->index(source, 0)).isValid())
            ticked.hidden.append(row.businessId.isEmpty() ? row.id : row.businessId);
    }
    return ticked;
}

void ApplicationsPane::recountShown()
{
    Decimal total;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const int source = m_filter->mapToSource(m_filter->index(row, 0)).row();
        if (const auto &amount = m_model->facts(source).amount)
            total += *amount;
    }
    m_shownTotal = total;
    updateCounts();
}

void ApplicationsPane::updateCounts()
{
    const int checked = m_model->checkedCount();
    m_counts->setText(m_loading ? tr("Loading all applications…")
                                : tr("Showing %1 of %2 · %n ticked", nullptr, checked)
                                      .arg(QLocale().toString(m_filter->rowCount()),
                                           QLocale().toString(m_model->rowCount())));
    m_totals->setText(tr("Total shown %1 · ticked %2")
                          .arg(ApplicationsModel::formatTotal(m_shownTotal),
                               ApplicationsModel::formatTotal(m_model->checkedTotal())));
    m_totals->setToolTip(ApplicationsModel::signExplained());
    Q_EMIT checkedCountChanged(checked);
}

void ApplicationsPane::saveLayout()
{
    m_uiState.setLayout(kHeaderLayout, m_view->horizontalHeader()->saveState());
}

void ApplicationsPane::retranslateUi()
{
    m_checkPending->setText(tr("Tick All &Pending"));
    m_checkPending->setToolTip(
        tr("Tick every shown application that is approved, not yet synced and can become a bill"));
    m_clearChecks->setText(tr("&Untick All"));
    m_noticeBar->findChild<QToolButton *>()->setToolTip(tr("Close this notice"));
    if (m_noticeBar->isVisibleTo(this))
        showFilterNotice();
    updateCounts();
}

void ApplicationsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
