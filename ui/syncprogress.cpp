#include "ui/syncprogress.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <algorithm>

namespace rs {
namespace {

using sync::SyncPhase;

constexpr SyncPhase kPhases[] = {
    SyncPhase::CheckingKingdee,       SyncPhase::CheckingBaseData, SyncPhase::Sending,
    SyncPhase::WaitingForKingdee,     SyncPhase::WaitingToRetry,   SyncPhase::CheckingDuplicates,
    SyncPhase::SubmittingAndAuditing, SyncPhase::ReadingStatus,    SyncPhase::WritingComments};

} // namespace

SyncProgress::SyncProgress(QWidget *parent)
    : QWidget(parent)
    , m_what(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_cancel(new QToolButton(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("syncProgress"));
    m_what->setObjectName(QStringLiteral("syncPhaseLabel"));
    m_bar->setObjectName(QStringLiteral("syncProgressBar"));
    m_rate->setObjectName(QStringLiteral("syncRateLabel"));
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    // A fixed width: the status bar gives a widget what is left, and a longer phase text or
    // rate must not squeeze the bar.
    m_bar->setFixedWidth(200);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_what);
    layout->addWidget(m_bar);
    layout->addWidget(m_rate);
    layout->addWidget(m_cancel);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &SyncProgress::showRate);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false); // once is enough; the job ends its batches first
        setWhat(tr("Stopping after the batches on the way…"));
        Q_EMIT cancelRequested();
    });
    retranslateUi();
    hide();
}

void SyncProgress::start(const QString &what, Counting counting)
{
    m_counting = counting;
    m_phase.reset();
    m_done = 0;
    m_total = 0;
    retranslateUi(); // the bar's unit
    setWhat(what);
    m_bar->setRange(0, 0); // busy until the job knows its total
    m_rate->clear();
    m_cancel->setEnabled(true);
    m_clock.start();
    m_recent.restart(0);
    m_tick->start();
    show();
}

void SyncProgress::setProgress(int done, int total)
{
    m_done = done;
    m_total = total;
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(std::min(done, total));
    m_recent.record(done, m_clock.elapsed());
    showRate();
}

void SyncProgress::setPhase(sync::SyncPhase phase)
{
    if (!m_cancel->isEnabled())
        return; // "stopping…" stays until the job has ended
    m_phase = phase;
    setWhat(phaseText(phase));
}

void SyncProgress::stop()
{
    m_tick->stop();
    hide();
}

void SyncProgress::setWhat(const QString &text)
{
    if (m_what->text() == text)
        return;
    m_what->setText(text);
    Q_EMIT whatChanged(text);
}

void SyncProgress::showRate()
{
    if (m_done >= m_total && m_total > 0) {
        m_rate->clear(); // the steps after the sends (status, comments) count nothing
        return;
    }
    const qint64 now = m_clock.isValid() ? m_clock.elapsed() : 0;
    m_rate->setText(rateText(m_recent.perSecond(now), m_recent.secondsLeft(m_total, now)));
}

QString SyncProgress::phaseText(sync::SyncPhase phase)
{
    switch (phase) {
    case SyncPhase::CheckingKingdee:
        return tr("Checking which bills Kingdee already holds…");
    case SyncPhase::CheckingBaseData:
        return tr("Checking customers and organisations in Kingdee…");
    case SyncPhase::Sending:
        return tr("Sending…", "bills to Kingdee");
    case SyncPhase::WaitingForKingdee:
        return tr("Waiting for Kingdee to confirm…");
    case SyncPhase::WaitingToRetry:
        return tr("Kingdee is busy: waiting to send again…");
    case SyncPhase::CheckingDuplicates:
        return tr("Checking Kingdee for bills held twice…");
    case SyncPhase::SubmittingAndAuditing:
        return tr("Submitting and auditing in Kingdee…");
    case SyncPhase::ReadingStatus:
        return tr("Reading the bills' status in Kingdee…");
    case SyncPhase::WritingComments:
        return tr("Writing comments in DingTalk…");
    }
    return {};
}

QString SyncProgress::rateText(std::optional<double> perSecond, std::optional<qint64> secondsLeft)
{
    if (!perSecond)
        return {};
    const QString rate = tr("%1/s").arg(QLocale().toString(*perSecond, 'f', 1));
    if (!secondsLeft)
        return rate;
    const qint64 left = *secondsLeft;
    return rate + QStringLiteral(" · ")
        + (left >= 60 ? tr("about %1 min %2 s left").arg(left / 60).arg(left % 60)
                      : tr("about %1 s left").arg(left));
}

void SyncProgress::retranslateUi()
{
    m_cancel->setText(tr("Stop"));
    m_cancel->setToolTip(tr("Send nothing new; the batches already sent end normally"));
    m_bar->setFormat(m_counting == Counting::Bills ? tr("%v / %m bills")
                                                   : tr("%v / %m applications"));
    // Room for the longest phase and rate, so the bar and 停止 stay where they are.
    const QFontMetrics metrics(m_what->font());
    int widest = 0;
    for (const SyncPhase phase : kPhases)
        widest = std::max(widest, metrics.horizontalAdvance(phaseText(phase)));
    // Capped: at 1,280 px in English the status bar has other labels to show.
    m_what->setMinimumWidth(std::min(widest, 260));
    m_rate->setMinimumWidth(metrics.horizontalAdvance(rateText(888.8, 59 * 60 + 59))
                            + metrics.averageCharWidth());
    if (m_phase)
        setWhat(phaseText(*m_phase));
}

void SyncProgress::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
