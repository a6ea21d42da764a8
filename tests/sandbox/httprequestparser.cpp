#include "httprequestparser.h"

#include <QUrl>

#include <utility>

namespace rs::sandbox {
namespace {

constexpr qsizetype kMaxLine = 4096; // a chunk-size line with its extensions

bool isToken(const QByteArray &text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c <= ' ' || c >= 127 || QByteArrayView("\"(),/:;<=>?@[\\]{}").contains(c))
            return false;
    }
    return true;
}

QList<QByteArray> listOf(const QByteArray &value)
{
    QList<QByteArray> items;
    for (const QByteArray &item : value.split(',')) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed().toLower());
    }
    return items;
}

// "12", or "12, 12" when a header was repeated with the same value; -1 for anything else.
qint64 contentLength(const QByteArray &value)
{
    qint64 length = -1;
    for (const QByteArray &item : value.split(',')) {
        const QByteArray digits = item.trimmed();
        if (digits.isEmpty() || digits.size() > 18)
            return -1;
        for (const char c : digits) {
            if (c < '0' || c > '9')
                return -1;
        }
        const qint64 n = digits.toLongLong();
        if (length >= 0 && n != length)
            return -1;
        length = n;
    }
    return length;
}

} // namespace

void HttpRequestParser::append(const QByteArray &bytes)
{
    if (m_pos > 0 && (m_phase == Phase::Head || m_pos > 1024 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer += bytes;
}

HttpRequestParser::Result HttpRequestParser::fail(int status)
{
    m_errorStatus = status;
    return Result::Error;
}

HttpRequestParser::Result HttpRequestParser::next()
{
    if (m_errorStatus != 0)
        return Result::Error;
    for (;;) {
        switch (m_phase) {
        case Phase::Head: {
            while (m_buffer.mid(m_pos, 2) == "\r\n") // empty lines before a request are ignored
                m_pos += 2;
            const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_pos);
            if (end < 0)
                return buffered() > kMaxHead ? fail(431) : Result::NeedMore;
            if (end - m_pos > kMaxHead)
                return fail(431);
            const QByteArray head = m_buffer.mid(m_pos, end - m_pos);
            m_pos = end + 4;
            if (!readHead(head) || !startBody())
                return Result::Error;
            break;
        }
        case Phase::Body:
            if (buffered() < m_remaining) {
                m_continue = m_continue && buffered() == 0;
                return Result::NeedMore;
            }
            m_request.body = m_buffer.mid(m_pos, m_remaining);
            m_pos += m_remaining;
            m_phase = Phase::Done;
            break;
        case Phase::ChunkSize: {
            const qsizetype before = buffered();
            const std::optional<QByteArray> line = takeLine();
            if (!line) {
                m_continue = m_continue && before == 0;
                return before > kMaxLine ? fail(400) : Result::NeedMore;
            }
            m_continue = false;
            if (!readChunkSize(*line))
                return Result::Error;
            break;
        }
        case Phase::ChunkData:
            if (buffered() < m_remaining + 2)
                return Result::NeedMore;
            if (m_buffer.mid(m_pos + m_remaining, 2) != "\r\n")
                return fail(400); // the chunk is longer than its size said
            m_request.body += m_buffer.mid(m_pos, m_remaining);
            m_pos += m_remaining + 2;
            m_phase = Phase::ChunkSize;
            break;
        case Phase::Trailers: {
            const qsizetype before = buffered();
            const std::optional<QByteArray> line = takeLine();
            if (!line)
                return before > kMaxHead ? fail(431) : Result::NeedMore;
            m_trailerBytes += line->size() + 2;
            if (m_trailerBytes > kMaxHead)
                return fail(431);
            if (line->isEmpty()) {
                m_phase = Phase::Done;
                break;
            }
            const qsizetype colon = line->indexOf(':');
            if (colon <= 0 || !isToken(line->left(colon)))
                return fail(400);
            break; // trailer fields are read and dropped
        }
        case Phase::Done:
            m_continue = false;
            return Result::Request;
        }
    }
}

bool HttpRequestParser::readHead(const QByteArray &head)
{
    m_errorStatus = 400;
    if (head.count('\n') != head.count("\r\n"))
        return false; // a bare LF or CR inside the head
    QList<QByteArray> lines;
    for (qsizetype at = 0; at <= head.size();) {
        const qsizetype end = head.indexOf("\r\n", at);
        lines.append(head.mid(at, end < 0 ? -1 : end - at));
        at = end < 0 ? head.size() + 1 : end + 2;
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine.at(0)) || requestLine.at(1).isEmpty())
        return false;
    const QByteArray &version = requestLine.at(2);
    if (!version.startsWith("HTTP/"))
        return false;
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        m_errorStatus = 505;
        return false;
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    const QUrl target(QString::fromLatin1(requestLine.at(1)));
    request.path = target.path();
    request.query = QUrlQuery(target.query(QUrl::FullyEncoded));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.contains('\r'))
            return false;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return false;
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        const auto it = request.headers.find(name);
        if (it == request.headers.end())
            request.headers.insert(name, value);
        else // repeated fields are one list (RFC 9110 5.3)
            it.value() += (name == "cookie" ? "; " : ", ") + value;
    }
    const QList<QByteArray> connection = listOf(request.header("connection"));
    request.closeConnection =
        version == "HTTP/1.0" ? !connection.contains("keep-alive") : connection.contains("close");
    m_request = std::move(request);
    m_errorStatus = 0;
    return true;
}

bool HttpRequestParser::startBody()
{
    const bool hasLength = m_request.headers.contains("content-length");
    const QList<QByteArray> codings = listOf(m_request.header("transfer-encoding"));
    m_continue = listOf(m_request.header("expect")).contains("100-continue");
    m_request.body.clear();
    if (!codings.isEmpty()) {
        if (hasLength) { // which one frames the body is a smuggling question: refuse both
            m_errorStatus = 400;
            return false;
        }
        if (codings != QList<QByteArray> {"chunked"}) {
            m_errorStatus = 501;
            return false;
        }
        m_trailerBytes = 0;
        m_phase = Phase::ChunkSize;
        return true;
    }
    m_remaining = hasLength ? contentLength(m_request.header("content-length")) : 0;
    if (m_remaining < 0 || m_remaining > kMaxBody) {
        m_errorStatus = m_remaining < 0 ? 400 : 413;
        return false;
    }
    m_continue = m_continue && m_remaining > 0;
    m_phase = Phase::Body;
    return true;
}

bool HttpRequestParser::readChunkSize(const QByteArray &line)
{
    // chunk-size [ BWS ";" chunk-ext ]; the extensions are dropped.
    const qsizetype semicolon = line.indexOf(';');
    const QByteArray size = (semicolon < 0 ? line : line.left(semicolon)).trimmed();
    bool ok = !size.isEmpty() && size.size() <= 16;
    for (const char c : size)
        ok = ok && QByteArrayView("0123456789abcdefABCDEF").contains(c);
    const qint64 length = ok ? qint64(size.toULongLong(&ok, 16)) : -1;
    if (!ok || length < 0) {
        m_errorStatus = 400;
        return false;
    }
    if (length > kMaxBody - m_request.body.size()) {
        m_errorStatus = 413;
        return false;
    }
    m_remaining = length;
    m_phase = length == 0 ? Phase::Trailers : Phase::ChunkData;
    return true;
}

std::optional<QByteArray> HttpRequestParser::takeLine()
{
    const qsizetype end = m_buffer.indexOf("\r\n", m_pos);
    if (end < 0)
        return std::nullopt;
    const QByteArray line = m_buffer.mid(m_pos, end - m_pos);
    m_pos = end + 2;
    return line;
}

HttpRequest HttpRequestParser::take()
{
    m_phase = Phase::Head;
    m_continue = false;
    return std::exchange(m_request, {});
}

bool HttpRequestParser::takeContinue()
{
    return std::exchange(m_continue, false);
}

} // namespace rs::sandbox
