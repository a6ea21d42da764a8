#include "ui/syncprogress.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace rs {

SyncProgress::SyncProgress(QWidget *parent)
    : QWidget(parent)
    , m_what(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_rate(new QLabel(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncProgress"));
    m_bar->setObjectName(QStringLiteral("syncProgressBar"));
    m_rate->setObjectName(QStringLiteral("syncRateLabel"));
    m_cancel->setObjectName(QStringLiteral("cancelSyncButton"));
    m_bar->setMaximumWidth(240);
    m_bar->setFormat(QStringLiteral("%v / %m"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_what);
    layout->addWidget(m_bar);
    layout->addWidget(m_rate);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, [this] {
        m_cancel->setEnabled(false); // once is enough; the job ends its batches first
        m_what->setText(tr("Stopping after the batches on the way…"));
        Q_EMIT cancelRequested();
    });
    retranslateUi();
    hide();
}

void SyncProgress::start(const QString &what)
{
    m_what->setText(what);
    m_bar->setRange(0, 0); // busy until the job knows its total
    m_rate->clear();
    m_cancel->setEnabled(true);
    m_clock.start();
    show();
}

void SyncProgress::setProgress(int done, int total)
{
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(std::min(done, total));
    m_rate->setText(rateText(done, total, m_clock.elapsed()));
}

void SyncProgress::stop()
{
    hide();
}

QString SyncProgress::rateText(int done, int total, qint64 elapsedMs)
{
    if (done <= 0 || elapsedMs < 1000)
        return {};
    const double perSecond = done * 1000.0 / double(elapsedMs);
    const QString rate = tr("%1/s").arg(QLocale().toString(perSecond, 'f', 1));
    const auto secondsLeft = qint64((total - done) / perSecond + 0.5);
    if (done >= total)
        return rate;
    const QString left = secondsLeft >= 60
        ? tr("about %1 min %2 s left").arg(secondsLeft / 60).arg(secondsLeft % 60)
        : tr("about %1 s left").arg(secondsLeft);
    return rate + QStringLiteral(" · ") + left;
}

void SyncProgress::retranslateUi()
{
    m_cancel->setText(tr("Stop"));
    m_cancel->setToolTip(tr("Send nothing new; the batches already sent end normally"));
}

void SyncProgress::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace rs
