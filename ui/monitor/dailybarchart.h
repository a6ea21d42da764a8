#pragma once

#include <QDate>
#include <QList>
#include <QWidget>

namespace rs {

// A small bar chart of one count per day, painted with QPainter (no QtCharts in the build).
// Each bar's tooltip names its day and count.
class DailyBarChart final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DailyBarChart)

public:
    explicit DailyBarChart(QWidget *parent = nullptr);

    // `days` and `counts` pair up, oldest first.
    void setData(const QList<QDate> &days, const QList<int> &counts);
    const QList<int> &counts() const { return m_counts; }
    const QList<QDate> &days() const { return m_days; }
    // The bar under `pos`, -1 between bars; public for tests.
    int barAt(const QPoint &pos) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect plotArea() const;
    QRectF barRect(int index, int maximum) const;

    QList<QDate> m_days;
    QList<int> m_counts;
};

} // namespace rs
