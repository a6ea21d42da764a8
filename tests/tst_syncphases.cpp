#include "app/i18n/translations.h"
#include "app/secrets/secretstore.h"
#include "app/settings/profile.h"
#include "app/store/billrepository.h"
#include "app/store/database.h"
#include "consoletesting.h"
#include "keychaintesting.h"
#include "models/applicationsmodel.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"
#include "ui/applications/applicationspane.h"
#include "ui/mainwindow.h"
#include "ui/syncprogress.h"
#include "ui/uistate.h"

#include <QAction>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

// The status bar during a real sync against the sandbox: it names each phase the run goes
// through, counts bills from start to end, and its bar keeps its width.
class TestSyncPhases final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // Kingdee answers after 40 ms, batches of 5 one at a time: each phase lasts a while.
        auto options = sandboxOptions(30, 20);
        options.dingTalk.qpsLimit = 1000;
        options.data.unknownCustomerRate = 0.0;
        options.faults.latencyMs = 40;
        m_sandbox = startSandbox(options);
        QVERIFY(m_sandbox);
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(writeSandboxProfile(m_dir->path(), m_sandbox->baseUrl(),
                                    {{QStringLiteral("kingdee/batch_size"), 5},
                                     {QStringLiteral("kingdee/concurrency"), 1}}));
        m_profile = std::make_unique<Profile>(Profile::resolve(m_dir->path()));
        // The real keychain, as the clerk's credential dialog leaves it.
        QVERIFY(storeSandboxSecrets(m_profile->keychainScope()));
        m_database = std::make_unique<Database>(m_profile->databasePath());
        QVERIFY(m_database->open().ok());
        m_uiState = std::make_unique<UiState>(m_profile->uiStatePath());
        m_translations.apply(LanguageChoice::Chinese);
    }

    void cleanup()
    {
        removeAllSecrets(m_profile->keychainScope());
        m_uiState.reset();
        m_database.reset();
        m_sandbox.reset();
    }

    void syncNamesEachPhaseCountsBillsAndTheBarKeepsItsWidth()
    {
        MainWindow window(*m_profile, *m_database, *m_uiState);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *fetch = window.findChild<QAction *>(QStringLiteral("fetchAction"));
        fetch->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 30'000);
        ApplicationsModel &model = window.applicationsPane()->model();
        QTRY_COMPARE(model.rowCount(), 30);

        auto *progress = window.findChild<SyncProgress *>(QStringLiteral("syncProgress"));
        auto *phase = progress->findChild<QLabel *>(QStringLiteral("syncPhaseLabel"));
        auto *bar = progress->findChild<QProgressBar *>(QStringLiteral("syncProgressBar"));
        struct Seen
        {
            QString text;
            QString label;
            int barWidth;
            QString format;
            int value;
            int maximum;
        };
        QList<Seen> seen;
        connect(progress, &SyncProgress::whatChanged, this, [&](const QString &text) {
            seen.append(
                {text, phase->text(), bar->width(), bar->format(), bar->value(), bar->maximum()});
        });

        window.applicationsPane()
            ->findChild<QPushButton *>(QStringLiteral("checkPendingButton"))
            ->click();
        const QStringList ticked = model.checkedIds();
        QVERIFY(!ticked.isEmpty());
        answerNextQuestion(true);
        window.findChild<QAction *>(QStringLiteral("syncAction"))->trigger();
        QTRY_VERIFY(bar->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(fetch->isEnabled(), 60'000);

        // The phases in the order the run went through them, each as the clerk read it.
        QStringList texts;
        for (const Seen &s : std::as_const(seen)) {
            QCOMPARE(s.label, s.text);
            if (texts.isEmpty() || texts.constLast() != s.text)
                texts.append(s.text);
        }
        const QString checking = QStringLiteral("正在核对金蝶已有单据…");
        const QString sending = QStringLiteral("正在发送…");
        const QString status = QStringLiteral("正在读取单据在金蝶中的状态…");
        QVERIFY2(texts.contains(checking), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(sending), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY2(texts.contains(status), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(texts.indexOf(checking) < texts.indexOf(sending));
        QVERIFY(texts.indexOf(sending) < texts.indexOf(status));
        // Between them, the customers checked before sending and the duplicates after.
        QVERIFY(texts.contains(QStringLiteral("正在核对金蝶中的客户与组织…")));
        QVERIFY(texts.indexOf(QStringLiteral("正在核对金蝶中是否有重复单据…"))
                > texts.indexOf(sending));

        // One thing counted throughout: bills. When the status is read, every bill of the run is
        // done, and the bar's total is the number of bills the ticked applications became.
        int bills = 0;
        for (const QString &id : ticked)
            bills += int(BillRepository(*m_database).forApplication(id).size());
        QVERIFY(bills > 0);
        for (const Seen &s : std::as_const(seen)) {
            QCOMPARE(s.format, QStringLiteral("%v / %m 张单据"));
            // Whatever the text beside it, the bar is as wide as it was.
            QCOMPARE(s.barWidth, seen.constFirst().barWidth);
            if (s.text == status) {
                QCOMPARE(s.maximum, bills);
                QCOMPARE(s.value, bills);
            }
        }
    }

private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<UiState> m_uiState;
    Translations m_translations;
};

QTEST_MAIN(TestSyncPhases)
#include "tst_syncphases.moc"
