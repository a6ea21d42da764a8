#include "app/i18n/translations.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/eventtext.h"
#include "app/store/jobrunrepository.h"
#include "eventlogtesting.h"
#include "models/csvexport.h"
#include "models/eventlevelfiltermodel.h"
#include "models/eventlogmodel.h"
#include "models/modelroles.h"
#include "storetestdata.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QBuffer>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;

namespace {

using Level = SyncEvent::Level;

// Events as the store hands them out: ids ascending, ISO UTC times.
QList<SyncEvent> numbered(qint64 firstId, const QList<Level> &levels)
{
    QList<SyncEvent> events;
    for (Level level : levels) {
        SyncEvent e = testdata::event(level, QStringLiteral("事件%1").arg(firstId),
                                      level == Level::Info ? QString() : QStringLiteral("a1"));
        e.id = firstId++;
        e.occurredAt = QStringLiteral("2026-03-03T01:30:00.000Z");
        events.append(e);
    }
    return events;
}

QStringList messages(const QAbstractItemModel &model)
{
    QStringList result;
    for (int r = 0; r < model.rowCount(); ++r)
        result.append(model.index(r, EventLogModel::MessageColumn).data().toString());
    return result;
}

QByteArray csvOf(const QAbstractItemModel &model)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeCsv(buffer, model, &error))
        qWarning() << error;
    return buffer.data();
}

} // namespace

class TestEventLogModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codedEvents_readInTheViewersLanguageAndOldTextStays()
    {
        QTemporaryDir dir;
        Database database(dir.filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(database.open().ok());
        // As a sync run (the CLI's or the console's) writes them: a code with its arguments.
        const QString ended = eventtext::encode(
            "rs::sync::PushJob", QT_TRANSLATE_NOOP("rs::sync::PushJob", "Sync ended: %1"),
            {eventtext::join(
                {eventtext::encode(
                     "rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", "Synced %1, failed %2, not sent %3"),
                     {QStringLiteral("27"), QStringLiteral("5"), QStringLiteral("12")}),
                 eventtext::encode("rs::Sync", QT_TRANSLATE_NOOP("rs::Sync", " (stopped)"))})});
        const QString moved = eventtext::encode(
            "rs::Store", QT_TRANSLATE_NOOP("rs::Store", "%1 → %2"),
            {eventtext::state(BillState::Queued), eventtext::state(BillState::Pending)});
        QVERIFY(testdata::appendFromWorker(
            database.path(),
            {testdata::event(Level::Warning, ended), testdata::event(Level::Info, moved),
             testdata::event(Level::Info, QStringLiteral("已同步 %1 张，旧版写下的文字"))}));

        Translations translations;
        translations.apply(LanguageChoice::English);
        EventLogModel model;
        QVERIFY(model.refresh(database));
        QCOMPARE(
            messages(model),
            (QStringList {QStringLiteral("Sync ended: Synced 27, failed 5, not sent 12 (stopped)"),
                          QStringLiteral("Queued → Pending"),
                          QStringLiteral("已同步 %1 张，旧版写下的文字")}));

        // The clerk switches to Chinese: the same events, now in Chinese; the old text as it was.
        translations.apply(LanguageChoice::Chinese);
        model.retranslate();
        QCOMPARE(messages(model),
                 (QStringList {
                     QStringLiteral("同步结束：已同步 27 张，失败 5 张，未发送 12 张（已停止）"),
                     displayName(BillState::Queued) + QStringLiteral(" → ")
                         + displayName(BillState::Pending),
                     QStringLiteral("已同步 %1 张，旧版写下的文字")}));
        QVERIFY(messages(model).at(1) != QStringLiteral("Queued → Pending"));
    }

    void modelAndFilter_passTheModelTesterThroughAppendsCapsAndFilters()
    {
        EventLogModel model;
        EventLevelFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester modelTester(
            &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(
            &filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendEvents(numbered(1, {Level::Info, Level::Error, Level::Warning}));
        filter.setLevelFilter(EventLevelFilterModel::LevelFilter::Error);
        model.appendEvents(numbered(4, {Level::Error, Level::Info}));
        model.setMaximumRows(3);
        model.appendEvents(numbered(6, {Level::Info, Level::Info, Level::Info, Level::Error}));
        filter.setLevelFilter(EventLevelFilterModel::LevelFilter::All);
        model.retranslate();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(filter.rowCount(), 3);
    }

    void refresh_appendsWhatAWorkerWroteWithoutResetting()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.db"));
        Database database(path);
        QVERIFY(database.open().ok());
        QVERIFY(ApplicationRepository(database)
                    .upsert(testdata::application(QStringLiteral("proc-1")))
                    .ok());
        QVERIFY(testdata::appendFromWorker(
            path,
            {testdata::event(Level::Info, QStringLiteral("拉取开始")),
             testdata::event(Level::Warning, QStringLiteral("客户编码为空"),
                             QStringLiteral("proc-1"), QStringLiteral("proc-1-C0"))}));

        EventLogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.refresh(database));
        QCOMPARE(messages(model),
                 (QStringList {QStringLiteral("拉取开始"), QStringLiteral("客户编码为空")}));
        const QModelIndex application = model.index(1, EventLogModel::ApplicationColumn);
        QCOMPARE(application.data().toString(), QStringLiteral("2025proc-1")); // its 审批编号
        QCOMPARE(application.data(EventLogModel::ApplicationIdRole).toString(),
                 QStringLiteral("proc-1"));
        QCOMPARE(model.index(1, EventLogModel::BillColumn).data().toString(),
                 QStringLiteral("proc-1-C0"));
        QCOMPARE(model.index(1, EventLogModel::LevelColumn).data().toString(),
                 QStringLiteral("Warning"));
        QCOMPARE(model.index(1, EventLogModel::LevelColumn).data(UnderlyingDataRole).toInt(),
                 int(Level::Warning));
        QCOMPARE(model.index(0, EventLogModel::TimeColumn).data().toString().size(), 19);
        // Who wrote it: this program's user and computer, as a shared ledger's readers need.
        QCOMPARE(model.index(0, EventLogModel::TimeColumn).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Recorded by %1").arg(JobRunRepository::currentActor()));
        QVERIFY(model.index(0, EventLogModel::MessageColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(JobRunRepository::currentActor()));
        QCOMPARE(model.index(1, EventLogModel::ActorColumn).data().toString(),
                 JobRunRepository::currentActor());
        QCOMPARE(model.headerData(EventLogModel::ActorColumn, Qt::Horizontal).toString(),
                 QStringLiteral("By"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(model.refresh(database)); // nothing new: nothing happens
        QCOMPARE(inserted.count(), 0);
        QVERIFY(testdata::appendFromWorker(
            path,
            {testdata::event(Level::Error, QStringLiteral("金蝶拒绝: 客户不存在"),
                             QStringLiteral("proc-1")),
             testdata::event(Level::Info, QStringLiteral("推送结束"))}));
        QVERIFY(model.refresh(database));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(inserted.first().at(2).toInt(), 3);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3, EventLogModel::MessageColumn).data().toString(),
                 QStringLiteral("推送结束"));
    }

    void cap_keepsTheNewestAndDropsTheOldestFromTheTop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("events.db"));
        Database database(path);
        QVERIFY(database.open().ok());
        QList<SyncEvent> five;
        for (int i = 1; i <= 5; ++i)
            five.append(testdata::event(Level::Info, QStringLiteral("第%1条").arg(i)));
        QVERIFY(testdata::appendFromWorker(path, five));

        EventLogModel model;
        model.setMaximumRows(3);
        QVERIFY(model.refresh(database)); // first look: only the newest that fit
        QCOMPARE(messages(model),
                 (QStringList {QStringLiteral("第3条"), QStringLiteral("第4条"),
                               QStringLiteral("第5条")}));

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QVERIFY(
            testdata::appendFromWorker(path,
                                       {testdata::event(Level::Info, QStringLiteral("第6条")),
                                        testdata::event(Level::Info, QStringLiteral("第7条"))}));
        QVERIFY(model.refresh(database));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.first().at(1).toInt(), 0);
        QCOMPARE(removed.first().at(2).toInt(), 1);
        QCOMPARE(messages(model),
                 (QStringList {QStringLiteral("第5条"), QStringLiteral("第6条"),
                               QStringLiteral("第7条")}));
        QCOMPARE(EventLogModel::DefaultMaximumRows, 20000);
    }

    void levelFilter_showsOnlyTheChosenLevel()
    {
        EventLogModel model;
        model.appendEvents(numbered(1, {Level::Info, Level::Error, Level::Warning, Level::Error}));
        EventLevelFilterModel filter;
        filter.setSourceModel(&model);
        QCOMPARE(filter.rowCount(), 4);
        filter.setLevelFilter(EventLevelFilterModel::LevelFilter::Error);
        QCOMPARE(messages(filter),
                 (QStringList {QStringLiteral("事件2"), QStringLiteral("事件4")}));
        filter.setLevelFilter(EventLevelFilterModel::LevelFilter::Warning);
        QCOMPARE(messages(filter), QStringList {QStringLiteral("事件3")});
        filter.setLevelFilter(EventLevelFilterModel::LevelFilter::Info);
        QCOMPARE(messages(filter), QStringList {QStringLiteral("事件1")});
        model.appendEvents(numbered(5, {Level::Info, Level::Error}));
        QCOMPARE(messages(filter),
                 (QStringList {QStringLiteral("事件1"), QStringLiteral("事件5")}));

        // Errors stand out in red, warnings in amber; info keeps the palette's colour.
        const auto colour = [&model](int row) {
            return model.index(row, EventLogModel::MessageColumn)
                .data(Qt::ForegroundRole)
                .value<QBrush>()
                .color();
        };
        QCOMPARE(colour(1), QColor(0xc0, 0x1c, 0x28));
        QCOMPARE(colour(2), QColor(0xb3, 0x5c, 0x00));
        QVERIFY(!model.index(0, EventLogModel::MessageColumn).data(Qt::ForegroundRole).isValid());
    }

    void csv_startsWithBomAndKeepsChinese()
    {
        EventLogModel model;
        model.appendEvents(numbered(1, {Level::Error}));
        const QByteArray bytes = csvOf(model);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 3); // header, one event, and the CRLF ending the last line
        QCOMPARE(lines.at(0), QStringLiteral("Time,Level,Approval no.,Bill,By,Message"));
        // An event of an earlier version has no one recorded: the cell is empty.
        QVERIFY2(lines.at(1).endsWith(QStringLiteral(",Error,a1,,,事件1")),
                 qPrintable(lines.at(1)));
        QVERIFY(lines.at(2).isEmpty());
    }

    void csv_quotesCommasQuotesAndLineBreaks()
    {
        QCOMPARE(csvField(QStringLiteral("客户不存在")), QStringLiteral("客户不存在"));
        QCOMPARE(csvField(QStringLiteral("C0001, C0002")), QStringLiteral("\"C0001, C0002\""));
        QCOMPARE(csvField(QStringLiteral("字段\"客户\"无效")),
                 QStringLiteral("\"字段\"\"客户\"\"无效\""));
        QCOMPARE(csvField(QStringLiteral("第一行\n第二行")), QStringLiteral("\"第一行\n第二行\""));
        QCOMPARE(csvField(QStringLiteral("a\r\nb")), QStringLiteral("\"a\r\nb\""));
        QCOMPARE(csvField(QString()), QString());

        QStandardItemModel table(1, 2);
        table.setHorizontalHeaderLabels({QStringLiteral("消息"), QStringLiteral("说明, 备注")});
        table.setItem(0, 0, new QStandardItem(QStringLiteral("换\n行")));
        table.setItem(0, 1, new QStandardItem(QStringLiteral("\"引号\"")));
        QCOMPARE(QString::fromUtf8(csvOf(table).mid(3)),
                 QStringLiteral("消息,\"说明, 备注\"\r\n\"换\n行\",\"\"\"引号\"\"\"\r\n"));
    }

    void csv_keepsAll21DigitsOfAnApprovalNumber()
    {
        // Excel would read 202607250250596665914 as 2.02607E+20 and lose six digits.
        QCOMPARE(csvField(QStringLiteral("202607250250596665914")),
                 QStringLiteral("\"=\"\"202607250250596665914\"\"\""));
        QCOMPARE(csvField(QStringLiteral("12345678901")), QStringLiteral("12345678901"));
        QCOMPARE(csvField(QStringLiteral("202607250250596665914-C0054")),
                 QStringLiteral("202607250250596665914-C0054"));
        QStandardItemModel model(1, 1);
        model.setHorizontalHeaderLabels({QStringLiteral("审批编号")});
        model.setData(model.index(0, 0), QStringLiteral("202607250250596665914"));
        QVERIFY(csvOf(model).contains("\r\n\"=\"\"202607250250596665914\"\"\"\r\n"));
    }

    void csv_guardsFormulasButNotPlainNegativeNumbers()
    {
        QCOMPARE(csvField(QStringLiteral("=HYPERLINK(\"http://x\")")),
                 QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\""));
        QCOMPARE(csvField(QStringLiteral("+86 138")), QStringLiteral("'+86 138"));
        QCOMPARE(csvField(QStringLiteral("@SUM(A1)")), QStringLiteral("'@SUM(A1)"));
        QCOMPARE(csvField(QStringLiteral("-2+3+cmd|' /C calc'!A0")),
                 QStringLiteral("'-2+3+cmd|' /C calc'!A0"));
        QCOMPARE(csvField(QStringLiteral("-cmd")), QStringLiteral("'-cmd"));
        QCOMPARE(csvField(QStringLiteral("\tx")), QStringLiteral("'\tx"));
        QCOMPARE(csvField(QStringLiteral("-600.00")), QStringLiteral("-600.00"));
        QCOMPARE(csvField(QStringLiteral("-1,834.60")), QStringLiteral("\"-1,834.60\""));
        QCOMPARE(csvField(QStringLiteral("-")), QStringLiteral("'-"));
        QCOMPARE(csvField(QStringLiteral("a=b")), QStringLiteral("a=b"));
    }
};

QTEST_GUILESS_MAIN(TestEventLogModel)
#include "tst_eventlogmodel.moc"
