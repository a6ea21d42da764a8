#include "httptestclient.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTest>

using namespace rs::testing;

// The rebatesync-sandbox executable as the demo and scripts start it.
class TestSandboxProcess final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void start_printsOneJsonLineWithItsUrlsAndServes()
    {
        QProcess sandbox;
        sandbox.start(QStringLiteral(SANDBOX_EXECUTABLE),
                      {QStringLiteral("--port"), QStringLiteral("0"),
                       QStringLiteral("--applications"), QStringLiteral("12"),
                       QStringLiteral("--seed"), QStringLiteral("3")});
        QVERIFY(sandbox.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(sandbox.canReadLine(), 10000);
        const QJsonObject line = QJsonDocument::fromJson(sandbox.readLine()).object();
        for (const char *key : {"url", "dingtalk_oapi_url", "dingtalk_api_url", "kingdee_url",
                                "inspect_url", "process_code"})
            QVERIFY2(line.contains(QLatin1String(key)), key);
        const QString url = line.value(QLatin1String("url")).toString();
        QVERIFY(url.startsWith(QLatin1String("http://127.0.0.1:")));
        QVERIFY(!url.endsWith(QLatin1String(":0")));
        QCOMPARE(line.value(QLatin1String("kingdee_url")).toString(),
                 url + QStringLiteral("/k3cloud"));

        QNetworkAccessManager network;
        const HttpResult instances =
            send(network, "GET", url + QStringLiteral("/sandbox/instances"));
        QCOMPARE(instances.json()[QLatin1String("count")].toInt(), 12);
        sandbox.kill();
        sandbox.waitForFinished();
    }

    void badFlag_isRefused()
    {
        QProcess sandbox;
        sandbox.start(QStringLiteral(SANDBOX_EXECUTABLE),
                      {QStringLiteral("--http500-rate"), QStringLiteral("2")});
        QVERIFY(sandbox.waitForFinished(10000));
        QCOMPARE(sandbox.exitCode(), 2);
        QVERIFY(sandbox.readAllStandardError().contains("http500-rate"));
    }
};

QTEST_GUILESS_MAIN(TestSandboxProcess)
#include "tst_sandbox_process.moc"
