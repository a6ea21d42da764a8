#include "models/applicationsfiltermodel.h"
#include "models/applicationsmodel.h"
#include "ui/applications/datefield.h"
#include "ui/applications/filterbar.h"

#include <QAction>
#include <QCalendarWidget>
#include <QLineEdit>
#include <QMenu>
#include <QTest>
#include <QToolButton>

using namespace rs;

namespace {

ApplicationRow applied(const QString &id, const QDate &day)
{
    ApplicationRow row;
    row.id = id;
    row.businessId = id;
    row.approval = ApprovalState::Approved;
    row.createdAt = day.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" 10:00:00");
    row.amount = QStringLiteral("-1.00");
    return row;
}

} // namespace

// The 申请日期 filter: empty at first, typed or picked dates, and the presets.
class TestFilterBar final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        const QDate today = DateField::today();
        const QDate monthStart(today.year(), today.month(), 1);
        m_model = std::make_unique<ApplicationsModel>();
        m_model->setRows({applied(QStringLiteral("today"), today),
                          applied(QStringLiteral("lastMonthFirst"), monthStart.addMonths(-1)),
                          applied(QStringLiteral("lastMonthEnd"), monthStart.addDays(-1)),
                          applied(QStringLiteral("day89"), today.addDays(-89)),
                          applied(QStringLiteral("day90"), today.addDays(-90)),
                          applied(QStringLiteral("2025-03-01"), QDate(2025, 3, 1))});
        m_filter = std::make_unique<ApplicationsFilterModel>();
        m_filter->setSourceModel(m_model.get());
        m_filter->setStateFilter(ApplicationsFilterModel::StateFilter::All);
        m_bar = std::make_unique<FilterBar>(*m_filter);
        m_bar->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_bar.get()));
    }

    void cleanup()
    {
        m_bar.reset();
        m_filter.reset();
        m_model.reset();
    }

    void startsEmpty_andTheCalendarOpensAtToday()
    {
        QVERIFY(from()->lineEdit()->text().isEmpty());
        QVERIFY(to()->lineEdit()->text().isEmpty());
        QCOMPARE(m_filter->rowCount(), 6); // no limit on either end
        QCOMPARE(from()->calendarStart(), DateField::today());

        QTest::mouseClick(from()->findChild<QToolButton *>(), Qt::LeftButton);
        auto *calendar = from()->findChild<QCalendarWidget *>();
        QTRY_VERIFY(calendar->isVisible());
        QCOMPARE(calendar->yearShown(), DateField::today().year());
        QCOMPARE(calendar->monthShown(), DateField::today().month());
        // A day picked there is the bound.
        calendar->setSelectedDate(QDate(2025, 3, 1));
        Q_EMIT calendar->clicked(QDate(2025, 3, 1));
        QCOMPARE(from()->lineEdit()->text(), QStringLiteral("2025-03-01"));
        QCOMPARE(m_filter->rowCount(), 6);
        QVERIFY(!calendar->isVisible());
    }

    void typingADate_filtersAndATypoChangesNothing()
    {
        QTest::keyClicks(from()->lineEdit(), QStringLiteral("2025/3/2"));
        QTest::keyClick(from()->lineEdit(), Qt::Key_Return);
        QCOMPARE(from()->date(), QDate(2025, 3, 2));
        QCOMPARE(from()->lineEdit()->text(), QStringLiteral("2025-03-02"));
        QCOMPARE(m_filter->rowCount(), 5); // 2025-03-01 is before it

        to()->lineEdit()->setFocus();
        QTest::keyClicks(to()->lineEdit(), QStringLiteral("2025-13-40"));
        QTest::keyClick(to()->lineEdit(), Qt::Key_Return);
        QVERIFY(!to()->date().isValid());
        QVERIFY(!to()->lineEdit()->toolTip().isEmpty()); // says it is no date
        QCOMPARE(m_filter->rowCount(), 5);

        // Emptied (the clear button): no limit again.
        from()->lineEdit()->clear();
        QCOMPARE(m_filter->rowCount(), 6);
        QCOMPARE(DateField::parse(QStringLiteral("20250301")), QDate(2025, 3, 1));
        QCOMPARE(DateField::parse(QStringLiteral("2025年3月1日")), QDate(2025, 3, 1));
    }

    void presets_thisMonthLastMonthAndTheLast90Days()
    {
        const QDate today = DateField::today();
        const QDate monthStart(today.year(), today.month(), 1);
        preset("lastMonthAction");
        QCOMPARE(from()->date(), monthStart.addMonths(-1));
        QCOMPARE(to()->date(), monthStart.addDays(-1));
        QStringList shown = ids();
        QVERIFY(shown.contains(QStringLiteral("lastMonthFirst")));
        QVERIFY(shown.contains(QStringLiteral("lastMonthEnd")));
        QVERIFY(!shown.contains(QStringLiteral("today")));

        preset("thisMonthAction");
        QCOMPARE(from()->date(), monthStart);
        QCOMPARE(to()->date(), monthStart.addMonths(1).addDays(-1));
        QVERIFY(ids().contains(QStringLiteral("today")));
        QVERIFY(!ids().contains(QStringLiteral("lastMonthEnd")));

        preset("last90DaysAction");
        QCOMPARE(from()->date(), today.addDays(-89));
        QCOMPARE(to()->date(), today);
        shown = ids();
        QVERIFY(shown.contains(QStringLiteral("day89")));
        QVERIFY(!shown.contains(QStringLiteral("day90")));
        QVERIFY(shown.contains(QStringLiteral("today")));

        preset("anyDateAction");
        QVERIFY(from()->lineEdit()->text().isEmpty());
        QCOMPARE(m_filter->rowCount(), 6);
    }

private:
    DateField *from() const
    {
        return m_bar->findChild<DateField *>(QStringLiteral("fromDateEdit"));
    }
    DateField *to() const { return m_bar->findChild<DateField *>(QStringLiteral("toDateEdit")); }
    void preset(const char *name) { m_bar->findChild<QAction *>(QLatin1String(name))->trigger(); }
    QStringList ids() const
    {
        QStringList result;
        for (int row = 0; row < m_filter->rowCount(); ++row)
            result.append(m_filter->index(row, 0).data(ApplicationsModel::IdRole).toString());
        return result;
    }

    std::unique_ptr<ApplicationsModel> m_model;
    std::unique_ptr<ApplicationsFilterModel> m_filter;
    std::unique_ptr<FilterBar> m_bar;
};

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
