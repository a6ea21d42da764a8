#pragma once

#include "httpexchange.h"

#include <QByteArray>

#include <optional>

namespace rs::sandbox {

// Reads HTTP/1.1 requests out of the bytes of one connection as they arrive: the head, then a
// body framed by Content-Length or by chunked transfer coding (chunk extensions and trailers
// are read and dropped). Framing it cannot read is an error with the status to answer; the
// connection must then close, since where the next request starts is lost.
class HttpRequestParser final
{
public:
    enum class Result { NeedMore, Request, Error };

    void append(const QByteArray &bytes);
    // Reads as far as the buffered bytes go. Request: take() hands it over. Error: errorStatus().
    Result next();
    HttpRequest take();
    int errorStatus() const { return m_errorStatus; }
    // True once per request: its head asked for "100-continue" and none of its body has come.
    bool takeContinue();
    // Bytes received and not yet part of a taken request.
    qsizetype buffered() const { return m_buffer.size() - m_pos; }

    static constexpr qsizetype kMaxHead = 64 * 1024;
    static constexpr qint64 kMaxBody = 64 * 1024 * 1024;

private:
    enum class Phase { Head, Body, ChunkSize, ChunkData, Trailers, Done };

    Result fail(int status);
    bool readHead(const QByteArray &head); // sets m_errorStatus when it returns false
    bool startBody();
    bool readChunkSize(const QByteArray &line);
    // The next CRLF-terminated line from m_pos, without the CRLF; nullopt while incomplete.
    std::optional<QByteArray> takeLine();

    QByteArray m_buffer;
    qsizetype m_pos = 0;
    Phase m_phase = Phase::Head;
    HttpRequest m_request;
    qint64 m_remaining = 0; // body or chunk bytes still to read
    qsizetype m_trailerBytes = 0;
    bool m_continue = false;
    int m_errorStatus = 0;
};

} // namespace rs::sandbox
