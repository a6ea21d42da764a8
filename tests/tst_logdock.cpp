#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/jobrunrepository.h"
#include "eventlogtesting.h"
#include "models/csvexport.h"
#include "models/eventlogmodel.h"
#include "storetestdata.h"
#include "ui/logdock.h"

#include <QComboBox>
#include <QFile>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

namespace {

using Level = SyncEvent::Level;

QStringList column(const QTableView &view, int column)
{
    QStringList result;
    for (int r = 0; r < view.model()->rowCount(); ++r)
        result.append(view.model()->index(r, column).data().toString());
    return result;
}

} // namespace

class TestLogDock final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_path = m_dir->filePath(QStringLiteral("rebatesync.db"));
        m_database = std::make_unique<Database>(m_path);
        QVERIFY(m_database->open().ok());
        QVERIFY(ApplicationRepository(*m_database)
                    .upsert(testdata::application(QStringLiteral("proc-7")))
                    .ok());
        QVERIFY(testdata::appendFromWorker(
            m_path,
            {testdata::event(Level::Info, QStringLiteral("拉取开始")),
             testdata::event(Level::Error, QStringLiteral("金蝶拒绝: 客户编码不存在"),
                             QStringLiteral("proc-7"), QStringLiteral("proc-7-C0")),
             testdata::event(Level::Warning, QStringLiteral("金额为零, 跳过"),
                             QStringLiteral("proc-7")),
             testdata::event(Level::Info, QStringLiteral("拉取结束"))}));
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void dock_showsEventsAndFollowsNewOnesAsJobsWriteThem()
    {
        LogDock dock(*m_database);
        QCOMPARE(dock.objectName(), QStringLiteral("logDock")); // QMainWindow::saveState needs it
        dock.resize(700, 240);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        auto *view = dock.findChild<QTableView *>(QStringLiteral("logView"));
        QVERIFY(view);
        QCOMPARE(
            column(*view, EventLogModel::MessageColumn),
            (QStringList {QStringLiteral("拉取开始"), QStringLiteral("金蝶拒绝: 客户编码不存在"),
                          QStringLiteral("金额为零, 跳过"), QStringLiteral("拉取结束")}));
        QCOMPARE(view->model()->index(1, EventLogModel::ApplicationColumn).data().toString(),
                 QStringLiteral("2025proc-7"));

        QList<SyncEvent> burst;
        for (int i = 1; i <= 60; ++i)
            burst.append(testdata::event(Level::Info, QStringLiteral("推送第%1张").arg(i)));
        QVERIFY(testdata::appendFromWorker(m_path, burst));
        dock.refresh();
        QCOMPARE(view->model()->rowCount(), 64);
        QScrollBar *scroll = view->verticalScrollBar();
        QTRY_VERIFY(scroll->maximum() > 0);
        QTRY_COMPARE(scroll->value(), scroll->maximum()); // the newest event is in view

        // Scrolled back to read: new events do not pull the clerk away.
        scroll->setValue(0);
        QVERIFY(testdata::appendFromWorker(
            m_path, {testdata::event(Level::Info, QStringLiteral("推送结束"))}));
        dock.refresh();
        QCOMPARE(view->model()->rowCount(), 65);
        QTest::qWait(50);
        QCOMPARE(scroll->value(), 0);
    }

    void choosingError_hidesInfoAndWarningRows()
    {
        LogDock dock(*m_database);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        auto *view = dock.findChild<QTableView *>(QStringLiteral("logView"));
        auto *levels = dock.findChild<QComboBox *>(QStringLiteral("logLevelBox"));
        QVERIFY(view && levels);
        QCOMPARE(levels->count(), 4);
        QCOMPARE(levels->itemText(0), QStringLiteral("All"));
        levels->setCurrentIndex(levels->findText(QStringLiteral("Error")));
        QCOMPARE(column(*view, EventLogModel::LevelColumn), QStringList {QStringLiteral("Error")});
        QCOMPARE(column(*view, EventLogModel::MessageColumn),
                 QStringList {QStringLiteral("金蝶拒绝: 客户编码不存在")});

        // A new error shows up under the filter too; new info rows stay hidden.
        QVERIFY(testdata::appendFromWorker(
            m_path,
            {testdata::event(Level::Info, QStringLiteral("推送开始")),
             testdata::event(Level::Error, QStringLiteral("网络超时"))}));
        dock.refresh();
        QCOMPARE(view->model()->rowCount(), 2);
        levels->setCurrentIndex(0);
        QCOMPARE(view->model()->rowCount(), 6);
    }

    void clickingAnEvent_selectsItsApplication()
    {
        LogDock dock(*m_database);
        dock.resize(700, 240);
        dock.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dock));
        auto *view = dock.findChild<QTableView *>(QStringLiteral("logView"));
        QSignalSpy activated(&dock, &LogDock::applicationActivated);

        const auto click = [view](int row) {
            const QRect rect =
                view->visualRect(view->model()->index(row, EventLogModel::MessageColumn));
            QVERIFY(rect.isValid());
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
        };
        click(0); // names no application
        QCOMPARE(activated.count(), 0);
        click(1);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("proc-7"));
        // With the bill it names, for the preview to open.
        QCOMPARE(activated.first().at(1).toString(), QStringLiteral("proc-7-C0"));
        QCOMPARE(view->currentIndex().row(), 1);
    }

    void exportTo_writesAFileExcelOpensInChinese()
    {
        LogDock dock(*m_database);
        auto *levels = dock.findChild<QComboBox *>(QStringLiteral("logLevelBox"));
        QVERIFY(dock.findChild<QPushButton *>(QStringLiteral("exportLogButton")));
        const QString path = m_dir->filePath(QStringLiteral("同步日志.csv"));
        QString error;
        QVERIFY2(dock.exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 6); // header, four events, the last line's CRLF
        QCOMPARE(lines.at(0), QStringLiteral("Time,Level,Approval no.,Bill,By,Message"));
        // Who wrote each event goes into the file too: an audit read outside the console.
        QVERIFY2(lines.at(2).endsWith(QStringLiteral(",Error,2025proc-7,proc-7-C0,%1,金蝶拒绝: "
                                                     "客户编码不存在")
                                          .arg(csvField(JobRunRepository::currentActor()))),
                 qPrintable(lines.at(2)));
        QVERIFY2(lines.at(3).endsWith(QStringLiteral(",\"金额为零, 跳过\"")),
                 qPrintable(lines.at(3)));
        file.close();

        // What the view shows: with 错误 chosen, only errors.
        levels->setCurrentIndex(levels->findText(QStringLiteral("Error")));
        QVERIFY2(dock.exportTo(path, &error), qPrintable(error));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 2);
        file.close();

        QVERIFY(!dock.exportTo(m_dir->filePath(QStringLiteral("no-such-folder/log.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("no-such-folder")), qPrintable(error));
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    std::unique_ptr<Database> m_database;
};

QTEST_MAIN(TestLogDock)
#include "tst_logdock.moc"
