#include "ui/monitor/dailybarchart.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace rs {

DailyBarChart::DailyBarChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void DailyBarChart::setData(const QList<QDate> &days, const QList<int> &counts)
{
    m_days = days;
    m_counts = counts;
    update();
}

QSize DailyBarChart::sizeHint() const
{
    return {480, 160};
}

QSize DailyBarChart::minimumSizeHint() const
{
    return {240, 100};
}

QRect DailyBarChart::plotArea() const
{
    // Room on the left for the maximum's label and below for the first and last day.
    const QFontMetrics fm = fontMetrics();
    const int left = fm.horizontalAdvance(QStringLiteral("00000")) + 6;
    return rect().adjusted(left, fm.height() / 2 + 2, -4, -(fm.height() + 4));
}

QRectF DailyBarChart::barRect(int index, int maximum) const
{
    const QRect area = plotArea();
    const qreal slot = qreal(area.width()) / qreal(std::max<qsizetype>(1, m_counts.size()));
    const qreal height =
        maximum > 0 ? qreal(area.height()) * m_counts.at(index) / qreal(maximum) : 0.0;
    return {area.left() + slot * index + slot * 0.15, area.bottom() + 1 - height, slot * 0.7,
            height};
}

int DailyBarChart::barAt(const QPoint &pos) const
{
    const QRect area = plotArea();
    if (m_counts.isEmpty() || pos.x() < area.left() || pos.x() > area.right())
        return -1;
    const qreal slot = qreal(area.width()) / qreal(m_counts.size());
    const int index = int((pos.x() - area.left()) / slot);
    return index < m_counts.size() ? index : -1;
}

void DailyBarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRect area = plotArea();
    const QPalette pal = palette();
    const int maximum =
        m_counts.isEmpty() ? 0 : *std::max_element(m_counts.cbegin(), m_counts.cend());
    const QLocale locale;

    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.setPen(pal.color(QPalette::WindowText));
    const QRect labels(0, area.top() - fontMetrics().height() / 2, area.left() - 6,
                       fontMetrics().height());
    p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, locale.toString(maximum));
    if (!m_days.isEmpty()) {
        const QRect below(area.left(), area.bottom() + 3, area.width(), fontMetrics().height());
        p.drawText(below, Qt::AlignLeft,
                   locale.toString(m_days.constFirst(), QLocale::ShortFormat));
        p.drawText(below, Qt::AlignRight,
                   locale.toString(m_days.constLast(), QLocale::ShortFormat));
    }
    p.setPen(Qt::NoPen);
    p.setBrush(pal.color(QPalette::Highlight));
    for (int i = 0; i < m_counts.size(); ++i) {
        if (m_counts.at(i) > 0)
            p.drawRect(barRect(i, maximum));
    }
}

bool DailyBarChart::event(QEvent *e)
{
    if (e->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(e);
        const int i = barAt(help->pos());
        if (i >= 0 && i < m_days.size()) {
            QToolTip::showText(help->globalPos(),
                               tr("%1: %n bill(s) synced", nullptr, m_counts.at(i))
                                   .arg(QLocale().toString(m_days.at(i), QLocale::ShortFormat)),
                               this);
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QWidget::event(e);
}

} // namespace rs
