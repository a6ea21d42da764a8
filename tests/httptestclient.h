#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QString>

class QNetworkAccessManager;

namespace rs::testing {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

// Sends one request over real loopback HTTP and waits for the answer (tests only).
HttpResult send(QNetworkAccessManager &network, const QByteArray &method, const QString &url,
                const QByteArray &body = {},
                const QList<std::pair<QByteArray, QByteArray>> &headers = {},
                int timeoutMs = 10000);

// The fixture of that name from tests/fixtures, parsed.
QJsonDocument fixture(const char *name);

// The keys of an object, sorted; for comparing answer shapes with the fixtures.
QStringList keysOf(const QJsonValue &value);

} // namespace rs::testing
