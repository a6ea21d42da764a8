#include "httpexchange.h"
#include "httpserver.h"
#include "rawhttpclient.h"
#include "sandboxtesting.h"

#include <QJsonObject>
#include <QTest>

using namespace rs::sandbox;
using namespace rs::testing;

namespace {

// What @alicloud/dingtalk (Tea over Node's http) puts before every body: Node frames a body
// written as a stream with chunked transfer coding, never with Content-Length.
const QList<QByteArray> kNodeSdkHeaders = {
    "host: api.dingtalk.com",
    "x-acs-version: 1.0",
    "user-agent: AlibabaCloud (linux; x64) Node.js/v18.19.0 Core/1.0.1 TeaDSL/1",
    "accept: application/json",
    "content-type: application/json; charset=utf-8",
    "Connection: keep-alive",
    "Transfer-Encoding: chunked"};

} // namespace

// The sandbox's HTTP/1.1 server, fed byte for byte what real client libraries send: chunked
// bodies, Expect: 100-continue, Connection: close, pipelined requests, and broken framing.
class TestSandboxHttp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_served = 0;
        m_server = std::make_unique<HttpServer>([this](HttpExchange *exchange) { echo(exchange); });
        m_port = m_server->listen(0);
        QVERIFY(m_port != 0);
    }
    void cleanup()
    {
        m_server.reset();
        m_sandbox.reset();
    }

    void chunkedBody_fromTheNodeSdk_logsInToDingTalk()
    {
        m_sandbox = startSandbox(sandboxOptions());
        QVERIFY(m_sandbox);
        RawHttpConnection connection(QUrl(m_sandbox->baseUrl()).port());
        const QByteArray body = R"({"appKey":"sandbox-app-key","appSecret":"sandbox-app-secret"})";
        // Node writes the data chunk and the last chunk separately.
        connection.write(rawRequest("POST", "/v1.0/oauth2/accessToken", kNodeSdkHeaders)
                         + QByteArray::number(body.size(), 16) + "\r\n" + body + "\r\n");
        connection.write("0\r\n\r\n");
        const RawResponse answer = connection.read();
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.json()[QLatin1String("accessToken")].isString());
        QVERIFY(connection.read(300).status == 0); // the chunk framing was not taken for requests
        QVERIFY(connection.isConnected()); // keep-alive
    }

    void chunkedBody_withExtensionsAndTrailers_isDecoded()
    {
        RawHttpConnection connection(m_port);
        connection.write(rawRequest("POST", "/echo", {"Host: x", "Transfer-Encoding: chunked"},
                                    "5;name=value\r\nhello\r\n"
                                    "1 ; quoted=\"a;b\" ; flag\r\n,\r\n"
                                    "6\r\n world\r\n"
                                    "0;last\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n")
                         + rawRequest("GET", "/after", {"Host: x"}));
        const RawResponse first = connection.read();
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json()[QLatin1String("body")].toString(), QStringLiteral("hello, world"));
        const RawResponse second = connection.read();
        QCOMPARE(second.json()[QLatin1String("path")].toString(), QStringLiteral("/after"));
        QCOMPARE(m_served, 2); // the trailers were not read as a request
    }

    void chunkedBody_arrivingByteByByte_isDecoded()
    {
        RawHttpConnection connection(m_port);
        const QByteArray body = QByteArray(300, 'x') + "end";
        connection.writeInPieces(rawRequest("POST", "/echo",
                                            {"Host: x", "transfer-encoding: Chunked"},
                                            chunked(body, 128)),
                                 1);
        const RawResponse answer = connection.read();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json()[QLatin1String("body")].toString().toLatin1(), body);
    }

    void expect100Continue_isAnsweredBeforeTheBodyIsSent()
    {
        RawHttpConnection connection(m_port);
        const QByteArray body = R"({"big":"enough for curl to ask first"})";
        connection.write(rawRequest("POST", "/echo",
                                    {"Host: x", "Expect: 100-continue",
                                     "Content-Length: " + QByteArray::number(body.size())}));
        const RawResponse interim = connection.read();
        QCOMPARE(interim.status, 100);
        QCOMPARE(interim.head, QByteArray("HTTP/1.1 100 Continue"));
        QCOMPARE(m_served, 0);
        connection.write(body);
        const RawResponse answer = connection.read();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json()[QLatin1String("body")].toString().toUtf8(), body);

        // Chunked too; and a client that did not wait gets no 100 it did not need.
        connection.write(rawRequest(
            "POST", "/echo", {"Host: x", "Expect: 100-continue", "Transfer-Encoding: chunked"}));
        QCOMPARE(connection.read().status, 100);
        connection.write(chunked("abc"));
        QCOMPARE(connection.read().json()[QLatin1String("body")].toString(), QStringLiteral("abc"));
        connection.write(rawRequest(
            "POST", "/echo", {"Host: x", "Expect: 100-continue", "Content-Length: 2"}, "ok"));
        QCOMPARE(connection.read().status, 200);
    }

    void connectionClose_closesAfterTheAnswer()
    {
        RawHttpConnection connection(m_port);
        connection.write(rawRequest("GET", "/one", {"Host: x", "Connection: close"})
                         + rawRequest("GET", "/two", {"Host: x"}));
        const RawResponse answer = connection.read();
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.header("connection").toLower(), QByteArray("close"));
        QVERIFY(connection.closedByServer());
        QCOMPARE(m_served, 1);

        // HTTP/1.0 closes unless it asks to be kept alive.
        RawHttpConnection old(m_port);
        old.write("GET /old HTTP/1.0\r\n\r\n");
        QCOMPARE(old.read().status, 200);
        QVERIFY(old.closedByServer());
    }

    void pipelinedRequests_areAnsweredInOrderWithoutRecursion()
    {
        RawHttpConnection connection(m_port);
        // Answered late, then at once: the order on the wire is the order of the requests.
        connection.write(rawRequest("GET", "/slow?n=0", {"Host: x"})
                         + rawRequest("POST", "/echo?n=1", {"Host: x", "Content-Length: 1"}, "b")
                         + rawRequest("POST", "/echo?n=2",
                                      {"Host: x", "Transfer-Encoding: chunked"}, chunked("c")));
        for (int n = 0; n < 3; ++n)
            QCOMPARE(connection.read().json()[QLatin1String("n")].toString(), QString::number(n));

        // Thousands in one write, each answered at once: a recursive server overflows its stack.
        constexpr int kMany = 20000;
        QByteArray many;
        for (int n = 0; n < kMany; ++n)
            many += rawRequest("GET", "/echo?n=" + QByteArray::number(n), {"Host: x"});
        connection.write(many);
        for (int n = 0; n < kMany; ++n) {
            const RawResponse answer = connection.read();
            QCOMPARE(answer.json()[QLatin1String("n")].toString(), QString::number(n));
        }
        QVERIFY(connection.isConnected()); // keep-alive
    }

    void malformedFraming_answersAnErrorAndCloses_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray te =
            "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        QTest::newRow("chunk size not hex") << te + "zz\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk size empty") << te + "\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk longer than its size") << te + "2\r\nabc\r\n0\r\n\r\n" << 400;
        QTest::newRow("chunk size overflows") << te + "fffffffffffffffffff\r\nab\r\n" << 400;
        QTest::newRow("chunk size too large") << te + "7fffffff\r\nab\r\n" << 413;
        QTest::newRow("trailer without colon") << te + "0\r\nnot a header\r\n\r\n" << 400;
        QTest::newRow("length and chunked")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            << 400;
        QTest::newRow("unknown coding")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nab")
            << 501;
        QTest::newRow("negative length")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("length not a number")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 1x\r\n\r\nab") << 400;
        QTest::newRow("two different lengths")
            << QByteArray("POST /echo HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab")
            << 400;
        QTest::newRow("header without colon")
            << QByteArray("GET /echo HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("HTTP/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << 505;
        QTest::newRow("head too large")
            << QByteArray("GET /echo HTTP/1.1\r\nX: " + QByteArray(70 * 1024, 'a')) << 431;
    }

    void malformedFraming_answersAnErrorAndCloses()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        RawHttpConnection connection(m_port);
        connection.write(request);
        const RawResponse answer = connection.read();
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.header("connection").toLower(), QByteArray("close"));
        QVERIFY(connection.closedByServer());
        QCOMPARE(m_served, 0);
        // The server lives on.
        RawHttpConnection next(m_port);
        next.write(rawRequest("GET", "/echo", {"Host: x"}));
        QCOMPARE(next.read().status, 200);
    }

private:
    // Answers with what it read; "/slow" answers after 50 ms.
    void echo(HttpExchange *exchange)
    {
        ++m_served;
        const HttpRequest &r = exchange->request();
        const QJsonObject answer {
            {QStringLiteral("method"), QString::fromLatin1(r.method)},
            {QStringLiteral("path"), r.path},
            {QStringLiteral("n"), r.query.queryItemValue(QStringLiteral("n"))},
            {QStringLiteral("body"), QString::fromUtf8(r.body)}};
        const HttpResponse response =
            HttpResponse::json(QJsonDocument(answer).toJson(QJsonDocument::Compact));
        exchange->respondAfter(r.path == QLatin1String("/slow") ? 50 : 0, response);
    }

    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<Sandbox> m_sandbox;
    quint16 m_port = 0;
    int m_served = 0;
};

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "tst_sandbox_http.moc"
