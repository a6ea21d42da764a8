#include "app/mapping/decimal.h"
#include "app/mapping/schemeresolver.h"
#include "app/store/apiusagerepository.h"
#include "app/store/applicationrepository.h"
#include "app/store/database.h"
#include "app/store/eventlog.h"
#include "fetchtesting.h"
#include "models/applicationsmodel.h"
#include "sandboxprofile.h"
#include "sandboxtesting.h"

#include "httptestclient.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTemporaryDir>
#include <QTest>

using namespace rs;
using namespace rs::testing;

Q_DECLARE_METATYPE(rs::dingtalk::DingTalkConfig::Api)

namespace {

ApprovalState expectedApproval(const sandbox::SimInstance &i)
{
    if (i.status == QLatin1String("RUNNING"))
        return ApprovalState::InApproval;
    if (i.status == QLatin1String("TERMINATED"))
        return ApprovalState::Withdrawn;
    if (i.result == QLatin1String("refuse"))
        return ApprovalState::Rejected;
    return i.bizAction == QLatin1String("REVOKE") ? ApprovalState::Revoked
                                                  : ApprovalState::Approved;
}

qint64 calls(const sandbox::Sandbox &s, const char *api)
{
    return s.counters().value(QLatin1String(api)).calls;
}

// A sandbox whose rate limit is out of the way: only the throttling test meets DingTalk's.
sandbox::SandboxOptions fast(int count, int days)
{
    auto o = sandboxOptions(count, days);
    o.dingTalk.qpsLimit = 1000;
    return o;
}

// A period that covers the sandbox's whole data set (it spreads instances over `days` days).
sync::FetchOptions covering(int days)
{
    sync::FetchOptions o;
    o.from = QDate::currentDate().addDays(-days - 2);
    return o;
}

// A real full disk for this connection: SQLite refuses to grow the file by more than `extraPages`
// pages and answers SQLITE_FULL, as it does when the disk has no room.
bool limitDatabaseGrowth(const Database &database, int extraPages)
{
    QSqlQuery q(database.connection());
    if (!q.exec(QStringLiteral("PRAGMA page_count")) || !q.next())
        return false;
    const int pages = q.value(0).toInt();
    return q.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages + extraPages));
}

// A self-signed certificate for 127.0.0.1, made with openssl at test time.
bool makeSelfSignedCertificate(const QString &dir, QSslCertificate *certificate, QSslKey *key)
{
    const QString keyPath = dir + QStringLiteral("/key.pem");
    const QString certPath = dir + QStringLiteral("/cert.pem");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                   keyPath, QStringLiteral("-out"), certPath, QStringLiteral("-days"),
                   QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")});
    if (!openssl.waitForFinished(30'000) || openssl.exitCode() != 0)
        return false;
    QFile keyFile(keyPath);
    QFile certFile(certPath);
    if (!keyFile.open(QIODevice::ReadOnly) || !certFile.open(QIODevice::ReadOnly))
        return false;
    *key = QSslKey(keyFile.readAll(), QSsl::Rsa);
    *certificate = QSslCertificate(certFile.readAll());
    return !key->isNull() && !certificate->isNull();
}

// The rows of an instance's 表格, as the sandbox serves them (a JSON text inside the field).
QJsonArray tableRows(const sandbox::SimInstance &instance)
{
    for (const QJsonValue &v : instance.formValues) {
        const QJsonObject field = v.toObject();
        if (field.value(QLatin1String("component_type")) == QLatin1String("TableField"))
            return QJsonDocument::fromJson(field.value(QLatin1String("value")).toString().toUtf8())
                .array();
    }
    return {};
}

void setTableRows(sandbox::SimInstance &instance, const QJsonArray &rows)
{
    for (qsizetype i = 0; i < instance.formValues.size(); ++i) {
        QJsonObject field = instance.formValues.at(i).toObject();
        if (field.value(QLatin1String("component_type")) != QLatin1String("TableField"))
            continue;
        field.insert(QStringLiteral("value"),
                     QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact)));
        instance.formValues.replace(i, field);
    }
}

int countIn(const QHash<QString, ApprovalState> &stored, ApprovalState state)
{
    int n = 0;
    for (ApprovalState s : stored)
        n += s == state ? 1 : 0;
    return n;
}

} // namespace

// Fetching against the sandbox over real loopback HTTP into a real SQLite file.
class TestFetch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        m_database.emplace(m_dir->filePath(QStringLiteral("rebatesync.db")));
        QVERIFY(m_database->open().ok());
    }

    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void firstFetch_storesEveryInstanceWithOneDetailCallEach()
    {
        // More than 120 days: at least two listing windows.
        auto sb = startSandbox(fast(1000, 200));
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 400), covering(200));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.listed, 1000);
        QCOMPARE(report.stored, 1000);
        QVERIFY(report.missingIds.isEmpty());
        QCOMPARE(calls(*sb, "dingtalk.get"), 1000); // 1.00 detail call per instance
        QVERIFY(calls(*sb, "dingtalk.listids") >= 1000 / 20);

        const QHash<QString, ApprovalState> stored =
            ApplicationRepository(*m_database).approvalById();
        QCOMPARE(stored.size(), 1000);
        QSet<ApprovalState> seen;
        for (const sandbox::SimInstance &i : sb->dingTalk().instances()) {
            QCOMPARE(stored.value(i.id), expectedApproval(i));
            seen.insert(expectedApproval(i));
        }
        QCOMPARE(seen.size(), 5); // every status came through
        QCOMPARE(report.revoked, countIn(stored, ApprovalState::Revoked));

        // The flattened rows the mapping reads.
        const auto approved = ApplicationRepository(*m_database).list(ApprovalState::Approved);
        const auto one = ApplicationRepository(*m_database).find(approved.constFirst().id);
        QVERIFY(!one->rowsJson.isEmpty());
        const QJsonObject row = QJsonDocument::fromJson(one->rowsJson.constFirst()).object();
        QVERIFY(row.value(QStringLiteral("表格_客户编码")).toString().startsWith(QLatin1Char('C')));
        QVERIFY(!row.value(QStringLiteral("表格_不含税金额")).toString().isEmpty());
        const QJsonObject header = QJsonDocument::fromJson(one->fieldsJson).object();
        QCOMPARE(header.value(QLatin1String("business_id")).toString(), one->businessId);
        QVERIFY(!header.value(QStringLiteral("申请日期")).toString().isEmpty());
        QVERIFY(!header.value(QStringLiteral("组织")).toString().isEmpty());

        // The console's own counters agree with what the sandbox saw.
        const QList<ApiUsage> usage = ApiUsageRepository(*m_database).month();
        for (const ApiUsage &u : usage)
            QCOMPARE(u.calls, sb->counters().value(u.api).calls);
    }

    void secondFetch_fetchesOnlyInstancesStillInApproval()
    {
        auto sb = startSandbox(fast(200, 60));
        QVERIFY(sb);
        const auto config = sandboxDingTalk(*sb, 400);
        QVERIFY(runFetch(*m_database, config, covering(60)).result
                == sync::FetchReport::Result::Ok);
        const int inApproval =
            countIn(ApplicationRepository(*m_database).approvalById(), ApprovalState::InApproval);
        QVERIFY(inApproval > 0);
        const qint64 before = calls(*sb, "dingtalk.get");

        const auto second = runFetch(*m_database, config, covering(60));
        QVERIFY(second.result == sync::FetchReport::Result::Ok);
        QCOMPARE(calls(*sb, "dingtalk.get") - before, inApproval); // 0 for final instances
        QCOMPARE(second.skippedFinal, 200 - inApproval);
    }

    void approvalBetweenFetches_becomesApproved()
    {
        auto sb = startSandbox(fast(80, 30));
        QVERIFY(sb);
        const auto config = sandboxDingTalk(*sb, 400);
        QVERIFY(runFetch(*m_database, config, covering(30)).result
                == sync::FetchReport::Result::Ok);
        QString running;
        for (const sandbox::SimInstance &i : sb->dingTalk().instances()) {
            if (!i.isFinal())
                running = i.id;
        }
        QVERIFY(!running.isEmpty());
        QCOMPARE(ApplicationRepository(*m_database).find(running)->approval,
                 ApprovalState::InApproval);

        QVERIFY(sb->dingTalk().complete(running, QStringLiteral("agree"),
                                        QDateTime::currentMSecsSinceEpoch()));
        // No --from: the automatic period starts at the earliest instance still in approval.
        QVERIFY(runFetch(*m_database, config, {}).result == sync::FetchReport::Result::Ok);
        const auto after = ApplicationRepository(*m_database).find(running);
        QCOMPARE(after->approval, ApprovalState::Approved);
        QVERIFY(!after->finishedAt.isEmpty());
    }

    void approvedThenRevokedByARequest_becomesRevoked()
    {
        auto sb = startSandbox(fast(60, 20));
        QVERIFY(sb);
        const auto config = sandboxDingTalk(*sb, 400);
        QVERIFY(runFetch(*m_database, config, covering(20)).result
                == sync::FetchReport::Result::Ok);
        QString original;
        for (const sandbox::SimInstance &i : sb->dingTalk().instances()) {
            if (expectedApproval(i) == ApprovalState::Approved)
                original = i.id;
        }
        QVERIFY(!original.isEmpty());
        const QString request =
            sb->dingTalk().revokeByRequest(original, QDateTime::currentMSecsSinceEpoch());
        QVERIFY(!request.isEmpty());

        // The original is final and not fetched again; the new, listed request revokes it.
        const auto report = runFetch(*m_database, config, {});
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        ApplicationRepository applications(*m_database);
        QCOMPARE(applications.find(original)->approval, ApprovalState::Revoked);
        QCOMPARE(applications.find(request)->approval, ApprovalState::Revoked);
        QCOMPARE(applications.find(request)->revokesId, original);
        bool told = false;
        for (const SyncEvent &e : EventLog(*m_database).recent(20))
            told =
                told || (e.kind == QLatin1String("fetch.revoked") && e.applicationId == original);
        QVERIFY(told);
    }

    void throttlingAt20PerSecond_isSurvived()
    {
        // A client paced above DingTalk's limit provokes 90018; every instance still arrives.
        auto sb = startSandbox(sandboxOptions(150, 30));
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 40), covering(30));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 150);
        const auto get = sb->counters().value(QStringLiteral("dingtalk.get"));
        QVERIFY(get.throttled > 0);
        QCOMPARE(get.calls - get.throttled, 150);
        // The store counted the throttled answers the sandbox gave.
        for (const ApiUsage &u : ApiUsageRepository(*m_database).month()) {
            if (u.api == QLatin1String("dingtalk.get"))
                QCOMPARE(u.throttled, get.throttled);
        }
    }

    void limitSharedWithOtherApps_pacerSlowsDownInsteadOfHittingIt()
    {
        // Other apps of the company use half of the 20/s: 10 are left for a client set to 19.
        auto options = sandboxOptions(120, 30);
        options.dingTalk.qpsLimit = 10;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 19), covering(30));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 120);
        // A fixed 19/s meets a throttle about every second (a third of all answers); slowed
        // down, a few throttles tell the pacer the share and it stays below it.
        const auto get = sb->counters().value(QStringLiteral("dingtalk.get"));
        QVERIFY2(get.throttled * 100 < get.calls * 15,
                 qPrintable(QStringLiteral("%1 of %2").arg(get.throttled).arg(get.calls)));
    }

    void monthsMeter_countsWhatDingTalkCharges_notThrottledAnswers()
    {
        // Paced above the sandbox's 20/s: many 90018 answers, none of them charged.
        auto sb = startSandbox(sandboxOptions(150, 30));
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 40), covering(30));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QVERIFY(sb->counters().value(QStringLiteral("dingtalk.get")).throttled > 0);
        QCOMPARE(ApiUsageRepository(*m_database).dingTalkQuotaCalls(), sb->dingTalk().quotaUsed());
        QCOMPARE(report.monthCalls, sb->dingTalk().quotaUsed());
    }

    void fullDisk_stopsAtTheFirstFailedWriteAndTheMeterStaysTrue()
    {
        auto sb = startSandbox(fast(300, 20));
        QVERIFY(sb);
        QVERIFY(limitDatabaseGrowth(*m_database, 6));
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20));
        QCOMPARE(report.result, sync::FetchReport::Result::Partial);
        QVERIFY2(report.stopReason.contains(QLatin1String("disk is full")),
                 qPrintable(report.stopReason));
        QVERIFY(report.stored < 300);
        // Stopped at once: beyond what was stored, only the calls already on the wire (8 in
        // flight) went out, not the rest of the 300.
        const qint64 gets = calls(*sb, "dingtalk.get");
        QVERIFY2(gets <= report.stored + 8 + 1, qPrintable(QString::number(gets)));

        // Every charged call is on the meter, saved or not yet saved.
        QCOMPARE(ApiUsageRepository(*m_database).dingTalkQuotaCalls(), sb->dingTalk().quotaUsed());
        // Room again: the next run first writes what could not be counted, then goes on.
        QVERIFY(limitDatabaseGrowth(*m_database, 100'000));
        const auto next = runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20));
        QVERIFY2(next.result == sync::FetchReport::Result::Ok, qPrintable(next.summary()));
        QCOMPARE(ApiUsageRepository(*m_database).unsavedCalls(), 0);
        QSqlQuery q(m_database->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT SUM(calls - throttled) FROM api_usage WHERE api IN"
                                      " ('dingtalk.get', 'dingtalk.listids')")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), sb->dingTalk().quotaUsed());
        QCOMPARE(ApplicationRepository(*m_database).approvalById().size(), 300);
    }

    void pageSize20Refused_fallsBackTo10AndRemembersIt_data()
    {
        QTest::addColumn<dingtalk::DingTalkConfig::Api>("api");
        QTest::addColumn<QString>("endpoint");
        QTest::newRow("topapi") << dingtalk::DingTalkConfig::Api::TopApi
                                << QStringLiteral("dingtalk.listids");
        QTest::newRow("v1") << dingtalk::DingTalkConfig::Api::V1
                            << QStringLiteral("dingtalk.v1.instanceIds");
    }

    void pageSize20Refused_fallsBackTo10AndRemembersIt()
    {
        QFETCH(dingtalk::DingTalkConfig::Api, api);
        QFETCH(QString, endpoint);
        auto options = fast(95, 20);
        options.dingTalk.maxPageSize = 10; // the older reading of DingTalk's limit
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const auto config = sandboxDingTalk(*sb, 100, api);
        const auto report = runFetch(*m_database, config, covering(20));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 95);
        const auto listed = sb->counters().value(endpoint);
        QCOMPARE(listed.errors, 1); // one refusal, then pages of 10
        QCOMPARE(listed.calls, 1 + 10);

        // The next run in this process starts with 10: no refused call again.
        QVERIFY(runFetch(*m_database, config, covering(20)).result
                == sync::FetchReport::Result::Ok);
        QCOMPARE(sb->counters().value(endpoint).errors, 1);
    }

    void tokenExpiringMidRun_isRenewedAndTheRunCompletes()
    {
        auto sb = startSandbox(fast(120, 30));
        QVERIFY(sb);
        sandbox::Sandbox *s = sb.get();
        const auto report = runFetch(
            *m_database, sandboxDingTalk(*sb, 100), covering(30),
            [s] { s->dingTalk().expireAllTokens(); }, 40);
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 120);
        QCOMPARE(calls(*sb, "dingtalk.gettoken"), 2);
        QVERIFY(sb->counters().value(QStringLiteral("dingtalk.get")).errors > 0);
    }

    void malformedInstance_isKeptWithItsRawTextAndReported()
    {
        auto sb = startSandbox(fast(40, 20));
        QVERIFY(sb);
        const sandbox::SimInstance broken = sb->dingTalk().instances().at(7);
        QVERIFY(sb->dingTalk().corruptTable(broken.id));
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20));
        QCOMPARE(report.result, sync::FetchReport::Result::Partial);
        QCOMPARE(report.malformed, 1);
        QCOMPARE(report.stored, 39); // the fetch went on

        const auto kept = ApplicationRepository(*m_database).find(broken.id);
        QVERIFY(kept.has_value());
        QVERIFY2(kept->parseError.contains(QStringLiteral("表格")), qPrintable(kept->parseError));
        QVERIFY(kept->rawJson.contains(broken.businessId.toUtf8()));
        QCOMPARE(kept->approval, ApprovalState::InApproval); // never pushed, asked again
        bool reported = false;
        for (const SyncEvent &e : EventLog(*m_database).recent(50)) {
            reported = reported
                || (e.kind == QLatin1String("fetch.malformed") && e.applicationId == broken.id
                    && e.level == SyncEvent::Level::Error);
        }
        QVERIFY(reported);
    }

    void truncatedAnswers_areRetriedNotStoredAsBroken()
    {
        auto options = fast(60, 20);
        options.faults.malformedRate = 0.05;
        options.faults.http500Rate = 0.02;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 60);
        QCOMPARE(report.malformed, 0);
    }

    void v1Api_storesTheSameApplicationsAsTopApi()
    {
        auto sb = startSandbox(fast(50, 20));
        QVERIFY(sb);
        QVERIFY(runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20)).result
                == sync::FetchReport::Result::Ok);
        Database v1Store(m_dir->filePath(QStringLiteral("v1.db")));
        QVERIFY(v1Store.open().ok());
        const auto report = runFetch(
            v1Store, sandboxDingTalk(*sb, 100, dingtalk::DingTalkConfig::Api::V1), covering(20));
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(calls(*sb, "dingtalk.v1.instance"), 50);

        // v1.0 gives times to the minute (UTC); everything else must be identical.
        const auto minute = [](const QString &t) {
            return t.left(16);
        };
        const auto withoutSeconds = [&minute](const QByteArray &json) {
            QJsonObject o = QJsonDocument::fromJson(json).object();
            for (const char *key : {"create_time", "finish_time"})
                o.insert(QLatin1String(key), minute(o.value(QLatin1String(key)).toString()));
            return o;
        };
        for (const ApplicationRecord &a : ApplicationRepository(*m_database).list()) {
            const auto b = ApplicationRepository(v1Store).find(a.id);
            QVERIFY(b.has_value());
            const auto full = ApplicationRepository(*m_database).find(a.id);
            QCOMPARE(b->approval, a.approval);
            QCOMPARE(b->businessId, a.businessId);
            QCOMPARE(b->title, a.title);
            QCOMPARE(minute(b->createdAt), minute(a.createdAt));
            QCOMPARE(b->rowsJson, full->rowsJson);
            QCOMPARE(withoutSeconds(b->fieldsJson), withoutSeconds(full->fieldsJson));
        }
    }

    void quotaExhausted_stopsAndSaysSo()
    {
        auto options = fast(100, 20);
        options.dingTalk.monthlyQuota = 45;
        auto sb = startSandbox(options);
        QVERIFY(sb);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 100), covering(20));
        QCOMPARE(report.result, sync::FetchReport::Result::Partial);
        QVERIFY2(report.stopReason.contains(QLatin1String("90020")), qPrintable(report.stopReason));
        QVERIFY(report.stored < 100);
        QCOMPARE(report.stored + report.failed >= report.requested, true);
        // Stopped at once: at most the calls already on the wire went past the quota.
        QVERIFY(sb->counters().value(QStringLiteral("dingtalk.get")).errors <= 8 + 1);
    }

    void wrongSecret_isAConfigurationErrorNamingTheFix()
    {
        auto sb = startSandbox(fast(10, 10));
        QVERIFY(sb);
        auto config = sandboxDingTalk(*sb, 100);
        config.appSecret = QStringLiteral("not-the-secret");
        const auto report = runFetch(*m_database, config, covering(10));
        QCOMPARE(report.result, sync::FetchReport::Result::ConfigError);
        QVERIFY(report.stopReason.contains(QLatin1String("40089")));
        QVERIFY(report.stopReason.contains(QLatin1String("app key")));
        QVERIFY(!report.stopReason.contains(QLatin1String("not-the-secret")));
        QCOMPARE(calls(*sb, "dingtalk.gettoken"), 1); // never retried in a loop
        QCOMPARE(calls(*sb, "dingtalk.listids"), 0);
    }

    void untrustedCertificate_isAConfigurationErrorNamingIt()
    {
        // A real TLS server on loopback whose certificate nobody signed: the handshake fails.
        QSslCertificate certificate;
        QSslKey key;
        QVERIFY2(makeSelfSignedCertificate(m_dir->path(), &certificate, &key),
                 "openssl could not make a certificate (scripts/install-deps.sh installs it)");
        QSslServer server;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(certificate);
        tls.setPrivateKey(key);
        server.setSslConfiguration(tls);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        int handshakes = 0;
        connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++handshakes; });

        auto sb = startSandbox(fast(10, 10));
        QVERIFY(sb);
        auto config = sandboxDingTalk(*sb, 100);
        config.oapiUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
        const auto report = runFetch(*m_database, config, covering(10));
        QCOMPARE(report.result, sync::FetchReport::Result::ConfigError);
        QVERIFY2(report.stopReason.contains(QLatin1String("certificate")),
                 qPrintable(report.stopReason));
        QVERIFY2(report.stopReason.contains(QLatin1String("oapi_url")),
                 qPrintable(report.stopReason));
        QVERIFY2(!report.stopReason.contains(QLatin1String("busy")), qPrintable(report.stopReason));
        QCOMPARE(handshakes, 1); // not retried: waiting does not fix a certificate
    }

    void schemeGivesAmountsAndFlagsApprovedApplicationsItCannotMap()
    {
        auto sb = startSandbox(fast(150, 20));
        QVERIFY(sb);
        auto options = covering(20);
        options.scheme =
            resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), QString()).scheme;
        QVERIFY(options.scheme);
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 400), options);
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));

        ApplicationRepository applications(*m_database);
        QSet<QString> flagged;
        for (const SyncEvent &e : EventLog(*m_database).recent(500)) {
            if (e.kind == QLatin1String("data.quality")) {
                QCOMPARE(e.level, SyncEvent::Level::Warning);
                flagged.insert(e.applicationId);
            }
        }
        int checked = 0;
        for (const ApplicationRecord &listed : applications.list(ApprovalState::Approved)) {
            const auto a = applications.find(listed.id);
            if (a->rowsJson.isEmpty()) {
                // The sandbox's approved applications with an empty table: no bill, said so.
                QVERIFY(flagged.contains(a->id));
                QVERIFY(a->amount.isEmpty());
                continue;
            }
            // The amount is what the bills book: minus the rows' amounts, exactly.
            Decimal rows;
            for (const QByteArray &row : a->rowsJson) {
                const auto value = Decimal::parse(QJsonDocument::fromJson(row)
                                                      .object()
                                                      .value(QStringLiteral("表格_不含税金额"))
                                                      .toString());
                QVERIFY(value);
                rows += *value;
            }
            QCOMPARE(a->amount, (-rows).toString(2));
            // What the applications table shows without reading JSON: each customer as
            // 名称（编码）, the name from the application's rows, the number Kingdee's.
            static const QRegularExpression label(QStringLiteral("^[^（）,]+（C\\d+）$"));
            for (const QString &customer : a->customers.split(QStringLiteral(", ")))
                QVERIFY2(label.match(customer).hasMatch(), qPrintable(a->customers));
            QVERIFY(
                QStringList({QStringLiteral("100"), QStringLiteral("101"), QStringLiteral("102")})
                    .contains(a->organisation));
            QVERIFY(!flagged.contains(a->id));
            ++checked;
        }
        QVERIFY(checked > 50);
        // The table's 客户 column is that text, row for row.
        ApplicationsModel model;
        model.setRows(applications.tableRows());
        QAbstractItemModelTester tester(&model);
        int named = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const auto stored = applications.find(model.rowAt(row).id);
            const QString shown =
                model.index(row, ApplicationsModel::CustomersColumn).data().toString();
            QCOMPARE(shown, stored->customers);
            // A cell too narrow for them all names each in its tooltip, one a line.
            QCOMPARE(model.index(row, ApplicationsModel::CustomersColumn)
                         .data(Qt::ToolTipRole)
                         .toString()
                         .split(QLatin1Char('\n')),
                     stored->customers.isEmpty() ? QStringList {QString()}
                                                 : stored->customers.split(QStringLiteral(", ")));
            named += shown.contains(QStringLiteral("（C")) ? 1 : 0;
        }
        QVERIFY(named > 50);
        QCOMPARE(report.qualityIssues, int(flagged.size()));
        QVERIFY(report.qualityIssues > 0);
    }

    void amountsBeyondTheDecimalRange_flagThatApplicationAndTheFetchGoesOn()
    {
        auto sb = startSandbox(fast(60, 20));
        QVERIFY(sb);
        // Two customers' bills that each fit in 38 digits but not together. The sandbox has no
        // call to set amounts, so the test edits the instance it serves before the fetch.
        auto &instances = const_cast<QList<sandbox::SimInstance> &>(sb->dingTalk().instances());
        sandbox::SimInstance *huge = nullptr;
        for (sandbox::SimInstance &i : instances) {
            if (expectedApproval(i) == ApprovalState::Approved && tableRows(i).size() >= 2) {
                huge = &i;
                break;
            }
        }
        QVERIFY(huge);
        QJsonArray rows = tableRows(*huge);
        for (int r = 0; r < 2; ++r) {
            QJsonObject row = rows.at(r).toObject();
            QJsonArray cells = row.value(QLatin1String("rowValue")).toArray();
            for (qsizetype c = 0; c < cells.size(); ++c) {
                QJsonObject cell = cells.at(c).toObject();
                const QString label = cell.value(QLatin1String("label")).toString();
                if (label == QStringLiteral("不含税金额"))
                    cell.insert(QStringLiteral("value"),
                                QStringLiteral("1999999999999999999999999999999999999.99"));
                else if (label == QStringLiteral("客户编码"))
                    cell.insert(QStringLiteral("value"), QStringLiteral("C000%1").arg(r + 1));
                cells.replace(c, cell);
            }
            row.insert(QStringLiteral("rowValue"), cells);
            rows.replace(r, row);
        }
        setTableRows(*huge, rows);

        auto options = covering(20);
        options.scheme =
            resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), QString()).scheme;
        const auto report = runFetch(*m_database, sandboxDingTalk(*sb, 400), options);
        QVERIFY2(report.result == sync::FetchReport::Result::Ok, qPrintable(report.summary()));
        QCOMPARE(report.stored, 60); // every application, the absurd one too

        const auto stored = ApplicationRepository(*m_database).find(huge->id);
        QVERIFY(stored.has_value());
        QCOMPARE(stored->approval, ApprovalState::Approved);
        QVERIFY(stored->amount.isEmpty()); // unknown, not wrapped or cut
        bool flagged = false;
        for (const SyncEvent &e : EventLog(*m_database).recent(500)) {
            flagged = flagged
                || (e.kind == QLatin1String("data.quality") && e.applicationId == huge->id
                    && e.message.contains(QLatin1String("38 digits")));
        }
        QVERIFY(flagged);
        int withAmounts = 0;
        for (const ApplicationRecord &a : ApplicationRepository(*m_database).list())
            withAmounts += a.amount.isEmpty() ? 0 : 1;
        QVERIFY(withAmounts > 30);
    }

    void periodBeyondDingTalksLimits_isRefusedNamingTheLimit()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QString error;
        QVERIFY(
            !sync::FetchPeriod::requested(QDate::currentDate().addDays(-400), {}, now, 0, &error));
        QVERIFY(error.contains(QLatin1String("365")));
        QVERIFY(!sync::FetchPeriod::requested(QDate::currentDate(),
                                              QDate::currentDate().addDays(-3), now, 0, &error));

        const auto period =
            sync::FetchPeriod::requested(QDate::currentDate().addDays(-300), {}, now, 0, &error);
        QVERIFY(period);
        const auto windows = period->windows();
        QCOMPARE(windows.size(), 3);
        QCOMPARE(windows.constFirst().startMs, period->fromMs);
        QCOMPARE(windows.constLast().endMs, period->toMs);
        for (qsizetype i = 0; i < windows.size(); ++i) {
            QVERIFY(windows.at(i).endMs - windows.at(i).startMs < 120LL * 24 * 3600 * 1000);
            if (i > 0)
                QCOMPARE(windows.at(i).startMs, windows.at(i - 1).endMs + 1);
        }
    }

    void automaticStart_reListsAnOverlapAndTheEarliestUnfinished()
    {
        const qint64 day = 24 * 3600 * 1000;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(sync::FetchPeriod::automaticFrom(std::nullopt, now - day, now), now - 8 * day);
        QCOMPARE(sync::FetchPeriod::automaticFrom(now - 30 * day, now - day, now), now - 30 * day);
        QCOMPARE(sync::FetchPeriod::automaticFrom(std::nullopt, std::nullopt, now), now - 90 * day);
        // Never older than DingTalk lists.
        QVERIFY(sync::FetchPeriod::automaticFrom(now - 500 * day, std::nullopt, now)
                > now - 365 * day);
    }

    void killedMidFetch_nextRunFinishesWithoutRefetchingWhatWasStored()
    {
        QProcess sandbox;
        const QString url =
            startSandboxProcess(sandbox,
                                {QStringLiteral("--applications"), QStringLiteral("200"),
                                 QStringLiteral("--period-days"), QStringLiteral("20"),
                                 QStringLiteral("--qps-limit"), QStringLiteral("0")});
        QVERIFY(!url.isEmpty());
        const QString profile = m_dir->filePath(QStringLiteral("profile"));
        QVERIFY(writeSandboxProfile(profile, url));
        const QStringList fetch {QStringLiteral("--profile"), profile, QStringLiteral("fetch"),
                                 QStringLiteral("--from"),
                                 QDate::currentDate().addDays(-22).toString(Qt::ISODate)};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REBATESYNC_DINGTALK_APP_SECRET"),
                   QStringLiteral("sandbox-app-secret"));
        QNetworkAccessManager network;
        const auto gets = [&] {
            const QJsonObject get = send(network, "GET", url + QStringLiteral("/sandbox/counters"))
                                        .json()
                                        .object()
                                        .value(QLatin1String("apis"))
                                        .toObject()
                                        .value(QLatin1String("dingtalk.get"))
                                        .toObject();
            return get.value(QLatin1String("calls")).toInteger()
                - get.value(QLatin1String("throttled")).toInteger();
        };

        QProcess first;
        first.setProcessEnvironment(env);
        first.start(QStringLiteral(CLI_EXECUTABLE), fetch);
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(gets() >= 40, 30000);
        first.kill(); // SIGKILL / TerminateProcess: no clean-up of any kind
        QVERIFY(first.waitForFinished());

        int storedFinal = 0;
        {
            Database killed(profile + QStringLiteral("/rebatesync.db"));
            QVERIFY(killed.open().ok());
            const auto stored = ApplicationRepository(killed).approvalById();
            QVERIFY(stored.size() >= 20 && stored.size() < 200);
            storedFinal = int(stored.size()) - countIn(stored, ApprovalState::InApproval);
        }
        const qint64 before = gets();
        QProcess second;
        second.setProcessEnvironment(env);
        second.start(QStringLiteral(CLI_EXECUTABLE), fetch);
        QVERIFY(second.waitForFinished(120000));
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        QVERIFY(second.readAllStandardOutput().contains("stored"));
        // Everything is there, and nothing already stored in a final state was asked for again.
        QCOMPARE(gets() - before, 200 - storedFinal);
        Database resumed(profile + QStringLiteral("/rebatesync.db"));
        QVERIFY(resumed.open().ok());
        QCOMPARE(ApplicationRepository(resumed).approvalById().size(), 200);
        sandbox.kill();
        sandbox.waitForFinished();
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Database> m_database;
};

QTEST_GUILESS_MAIN(TestFetch)
#include "tst_fetch.moc"
