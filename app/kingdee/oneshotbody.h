#pragma once

#include <QIODevice>

namespace rs::kingdee {

// A request body Qt can read exactly once. QNetworkAccessManager silently resends a POST whose
// connection closed before any answer (docs/DECISIONS.md); it must rewind the body to do so.
// This device is sequential and refuses reset(), so with DoNotBufferUploadDataAttribute that
// resend fails (ContentReSendError) instead of saving the bills a second time.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray data, QObject *parent = nullptr);

    bool isSequential() const override { return true; }
    bool reset() override { return false; }
    qint64 bytesAvailable() const override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_read = 0;
};

} // namespace rs::kingdee
