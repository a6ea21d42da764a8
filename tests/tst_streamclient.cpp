#include "app/dingtalk/streamclient.h"
#include "fetchtesting.h"
#include "httpexchange.h"
#include "httpserver.h"
#include "sandboxtesting.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace rs;
using namespace rs::testing;
using rs::dingtalk::StreamClient;
using rs::dingtalk::StreamEvent;

namespace {

qint64 stat(sandbox::Sandbox &s, const char *name)
{
    return s.stream().stats().value(QLatin1String(name)).toInteger();
}

QString firstRunning(sandbox::Sandbox &s, int skip = 0)
{
    for (const sandbox::SimInstance &i : s.dingTalk().instances()) {
        if (!i.isFinal() && skip-- == 0)
            return i.id;
    }
    return {};
}

QJsonObject readFixture(const char *name)
{
    QFile file(QStringLiteral(FIXTURES_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

// The Stream client against the sandbox's Stream gateway over loopback WebSockets.
class TestStreamClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_sandbox = startSandbox(sandboxOptions(200, 30));
        QVERIFY(m_sandbox);
        m_client = std::make_unique<StreamClient>(sandboxDingTalk(*m_sandbox, 100));
        m_client->setBackoff({50, 400, 0.3});
    }

    void cleanup()
    {
        m_client.reset();
        m_sandbox.reset();
    }

    void fixtures_haveTheFramesTheClientReads()
    {
        // The shared fixtures are DingTalk's own frames: the sandbox sends the same shape.
        const QJsonObject event = readFixture("dingtalk-stream-event-finish.json");
        QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("EVENT"));
        QVERIFY(event.value(QLatin1String("data")).isString());
        const QJsonObject data =
            QJsonDocument::fromJson(event.value(QLatin1String("data")).toString().toUtf8())
                .object();
        QCOMPARE(data.value(QLatin1String("type")).toString(), QStringLiteral("finish"));
        const QJsonObject ack = readFixture("dingtalk-stream-ack-event.json");
        QCOMPARE(ack.value(QLatin1String("code")).toInt(), 200);
    }

    void wrongSecret_stopsWithDingTalksWords()
    {
        auto config = sandboxDingTalk(*m_sandbox, 100);
        config.appSecret = QStringLiteral("wrong");
        StreamClient client(config);
        QSignalSpy fatal(&client, &StreamClient::fatalError);
        client.start();
        QVERIFY(fatal.wait(5000));
        const auto failure = fatal.constFirst().constFirst().value<dingtalk::Failure>();
        QVERIFY(failure.describe().contains(QStringLiteral("无效的clientId或者clientSecret")));
        QCOMPARE(client.state(), StreamClient::State::Offline);
        QCOMPARE(stat(*m_sandbox, "connections_opened"), 0);
        // Offline says why, for the console's status bar, without the secret.
        QVERIFY(client.problem().contains(QStringLiteral("无效的clientId或者clientSecret")));
        QVERIFY(!client.problem().contains(QLatin1String("wrong")));
    }

    void answerEchoingTheSecret_neverShowsIt()
    {
        // A gateway (or a proxy in front of it) that quotes the request back must not put the
        // app secret into the clerk's message or the log.
        sandbox::HttpServer echo([](sandbox::HttpExchange *x) {
            x->respond(sandbox::HttpResponse::json(
                QByteArray(R"({"code":"invalidClientIdOrSecret","message":"refused: )")
                    + QJsonDocument::fromJson(x->request().body)
                          .object()
                          .value(QLatin1String("clientSecret"))
                          .toString()
                          .toUtf8()
                    + "\"}",
                400));
        });
        const quint16 port = echo.listen(0);
        QVERIFY(port);
        auto config = sandboxDingTalk(*m_sandbox, 100);
        config.apiUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.appSecret = QStringLiteral("s3cr3t-value-never-shown");
        StreamClient client(config);
        QSignalSpy fatal(&client, &StreamClient::fatalError);
        client.start();
        QVERIFY(fatal.wait(5000));
        const auto failure = fatal.constFirst().constFirst().value<dingtalk::Failure>();
        QVERIFY2(failure.describe().contains(QStringLiteral("refused")),
                 qPrintable(failure.describe()));
        QVERIFY2(!failure.describe().contains(config.appSecret), qPrintable(failure.describe()));
    }

    void endedInstance_comesOutOnceAndEveryEventIsAcknowledged()
    {
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        QSignalSpy ended(m_client.get(), &StreamClient::instanceEnded);
        m_client->start();
        QVERIFY(connected.wait(5000));
        const QString id = firstRunning(*m_sandbox);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_sandbox->dingTalk().complete(id, QStringLiteral("agree"), now));
        QVERIFY(ended.wait(5000));
        const auto event = ended.constFirst().constFirst().value<StreamEvent>();
        QCOMPARE(event.instanceId, id);
        QCOMPARE(event.type, QStringLiteral("finish"));
        QCOMPARE(event.result, QStringLiteral("agree"));
        const QString other = firstRunning(*m_sandbox);
        QVERIFY(m_sandbox->dingTalk().terminate(other, now));
        QTRY_COMPARE(ended.size(), 2);
        QCOMPARE(ended.at(1).constFirst().value<StreamEvent>().type, QStringLiteral("terminate"));
        QTRY_COMPARE(stat(*m_sandbox, "acks"), 2);
        QCOMPARE(stat(*m_sandbox, "pushes"), 2);
        QCOMPARE(stat(*m_sandbox, "redeliveries"), 0);
        QCOMPARE(stat(*m_sandbox, "unacknowledged"), 0);
        QCOMPARE(m_client->stats().events, 2);
    }

    void duplicatesAndRedeliveries_comeOutOnce()
    {
        m_sandbox->stream().options().duplicateRate = 1.0; // every event twice
        m_sandbox->stream().options().lostAckRate = 0.5; // half the acks lost: redeliveries
        m_sandbox->stream().options().redeliverMs = 150;
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        QSignalSpy ended(m_client.get(), &StreamClient::instanceEnded);
        m_client->start();
        QVERIFY(connected.wait(5000));
        for (int i = 0; i < 5; ++i)
            QVERIFY(
                m_sandbox->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        QTRY_COMPARE_WITH_TIMEOUT(stat(*m_sandbox, "unacknowledged"), 0, 10000);
        QTest::qWait(300);
        QCOMPARE(ended.size(), 5);
        QSet<QString> seen;
        for (const auto &args : ended)
            seen.insert(args.constFirst().value<StreamEvent>().instanceId);
        QCOMPARE(seen.size(), 5);
        QCOMPARE(stat(*m_sandbox, "duplicates"), 5);
        QVERIFY(stat(*m_sandbox, "redeliveries") > 0);
        QCOMPARE(m_client->stats().duplicates, m_client->stats().events - 5);
        QCOMPARE(qint64(m_client->stats().events), stat(*m_sandbox, "pushes"));
    }

    void startEventsOtherProcessesAndTaskEvents_areIgnored()
    {
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        QSignalSpy ended(m_client.get(), &StreamClient::instanceEnded);
        m_client->start();
        QVERIFY(connected.wait(5000));
        sandbox::SimInstance instance = m_sandbox->dingTalk().instances().constFirst();
        m_sandbox->stream().publish(instance, QStringLiteral("start"));
        instance.processCode = QStringLiteral("PROC-SOMETHING-ELSE");
        m_sandbox->stream().publish(instance, QStringLiteral("finish"));
        m_sandbox->stream().publishRaw(
            QStringLiteral("bpms_task_change"),
            {{QStringLiteral("processInstanceId"), instance.id},
             {QStringLiteral("processCode"), QStringLiteral("PROC-REBATE-SANDBOX")},
             {QStringLiteral("type"), QStringLiteral("comment")}});
        QTRY_COMPARE(m_client->stats().ignored, 3);
        QCOMPARE(ended.size(), 0);
        QTRY_COMPARE(stat(*m_sandbox, "acks"), 3); // ignored, yet acknowledged
    }

    void pings_areEchoed()
    {
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        m_client->start();
        QVERIFY(connected.wait(5000));
        m_sandbox->stream().pingAll();
        m_sandbox->stream().pingAll();
        QTRY_COMPARE(stat(*m_sandbox, "ping_answers"), 2);
        QCOMPARE(m_client->stats().pings, 2);
    }

    void disconnectFrame_registersAgainWithANewTicket()
    {
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        QSignalSpy ended(m_client.get(), &StreamClient::instanceEnded);
        m_client->start();
        QVERIFY(connected.wait(5000));
        m_sandbox->stream().disconnectAll(5000);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
        QCOMPARE(stat(*m_sandbox, "tickets_issued"), 2);
        QCOMPARE(stat(*m_sandbox, "connections_opened"), 2);
        QTRY_COMPARE(stat(*m_sandbox, "connections"), 1); // the old one closed by the client
        QVERIFY(m_sandbox->dingTalk().completeOldestRunning(QDateTime::currentMSecsSinceEpoch()));
        QVERIFY(ended.wait(5000));
        QCOMPARE(m_client->state(), StreamClient::State::Connected);
    }

    void abruptDrop_reconnectsWithBackoff()
    {
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        QSignalSpy states(m_client.get(), &StreamClient::stateChanged);
        m_client->start();
        QVERIFY(connected.wait(5000));
        m_sandbox->stream().dropAll();
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
        bool sawReconnecting = false;
        for (const auto &args : states)
            sawReconnecting = sawReconnecting
                || args.constFirst().value<StreamClient::State>()
                    == StreamClient::State::Reconnecting;
        QVERIFY(sawReconnecting);
        QCOMPARE(stat(*m_sandbox, "tickets_issued"), 2);
    }

    void reconnect_saysWhyAndHowLongTheGapWas()
    {
        m_client->setBackoff({400, 1000, 0.2});
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        m_client->start();
        QVERIFY(connected.wait(5000));
        QCOMPARE(m_client->lastGapMs(), -1); // the first connection
        QVERIFY(m_client->problem().isEmpty());

        m_sandbox->stream().dropAll();
        QTRY_COMPARE(m_client->state(), StreamClient::State::Reconnecting);
        QVERIFY2(m_client->problem().contains(QLatin1String("closed")),
                 qPrintable(m_client->problem()));
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
        QVERIFY(m_client->problem().isEmpty());
        // At least the backoff's delay (400 ms − 20 %): the gap, not the connection's age.
        QVERIFY2(m_client->lastGapMs() >= 320, qPrintable(QString::number(m_client->lastGapMs())));

        m_sandbox->stream().disconnectAll(5000);
        QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 3, 5000);
        QVERIFY(m_client->lastGapMs() >= 0); // a reconnect, measured
        QVERIFY(m_client->problem().isEmpty());
    }

    void keepAlive_keepsAHealthyLinkOpen()
    {
        m_client->setKeepAliveMs(100);
        QSignalSpy connected(m_client.get(), &StreamClient::connected);
        m_client->start();
        QVERIFY(connected.wait(5000));
        QTest::qWait(700); // several pings, each answered with a pong
        QCOMPARE(connected.size(), 1);
        QCOMPARE(m_client->state(), StreamClient::State::Connected);
    }

    void ticket_isSingleUseAndExpires()
    {
        QNetworkAccessManager network;
        const auto open = [&] {
            QNetworkRequest request(
                QUrl(m_sandbox->baseUrl() + QStringLiteral("/v1.0/gateway/connections/open")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            std::unique_ptr<QNetworkReply> reply(
                network.post(request,
                             QByteArray(R"({"clientId":"sandbox-app-key",)"
                                        R"("clientSecret":"sandbox-app-secret"})")));
            QSignalSpy done(reply.get(), &QNetworkReply::finished);
            done.wait(5000);
            return QJsonDocument::fromJson(reply->readAll()).object();
        };
        const auto connectWith = [](const QJsonObject &answer) {
            QWebSocket socket;
            QSignalSpy up(&socket, &QWebSocket::connected);
            QSignalSpy down(&socket, &QWebSocket::disconnected);
            socket.open(QUrl(answer.value(QLatin1String("endpoint")).toString()
                             + QStringLiteral("?ticket=")
                             + answer.value(QLatin1String("ticket")).toString()));
            up.wait(3000);
            down.wait(500); // a refused ticket is closed at once
            return socket.state() == QAbstractSocket::ConnectedState;
        };
        const QJsonObject first = open();
        QVERIFY(
            first.value(QLatin1String("endpoint")).toString().startsWith(QLatin1String("ws://")));
        QVERIFY(connectWith(first));
        QVERIFY(!connectWith(first)); // the same ticket again
        const QJsonObject second = open();
        m_sandbox->stream().expireTickets();
        QVERIFY(!connectWith(second));
        QCOMPARE(stat(*m_sandbox, "connections_refused"), 2);
    }

private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<StreamClient> m_client;
};

QTEST_GUILESS_MAIN(TestStreamClient)
#include "tst_streamclient.moc"
