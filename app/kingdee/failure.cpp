#include "app/kingdee/failure.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QRegularExpression>

namespace rs::kingdee {
namespace {

using Kind = Failure::Kind;

constexpr int kSessionLost = 1;
constexpr int kNoPermission = 2;
constexpr int kLicence = 7;
constexpr int kCallLimit = 14;
constexpr int kAdminLoginForbidden = 15;

Failure make(Kind kind, QString message, int httpStatus = 0, int msgCode = 0, QString field = {})
{
    Failure f;
    f.kind = kind;
    f.message = std::move(message);
    f.httpStatus = httpStatus;
    f.msgCode = msgCode;
    f.field = std::move(field);
    return f;
}

// An error page's text, without markup, short enough for one line.
QString pageText(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(4096));
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    text.replace(tags, QStringLiteral(" ")).replace(spaces, QStringLiteral(" "));
    text = text.trimmed();
    return text.size() > 200 ? text.left(200) + QStringLiteral("…") : text;
}

QString httpMessage(int httpStatus, const QByteArray &body)
{
    const QString text = pageText(body);
    return text.isEmpty() ? QStringLiteral("HTTP %1").arg(httpStatus)
                          : QStringLiteral("HTTP %1: %2").arg(httpStatus).arg(text);
}

// A page that names the data centre (数据中心不存在 …) is the wrong acct id, not a busy server.
bool namesDataCentre(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    return text.contains(QStringLiteral("数据中心"))
        || text.contains(QLatin1String("datacenter"), Qt::CaseInsensitive)
        || text.contains(QLatin1String("acctid"), Qt::CaseInsensitive);
}

// Both official SDKs read an answer that starts with "response_error:" as the server's own
// error text, whatever the HTTP status: it is never JSON.
bool isServerError(const QByteArray &body)
{
    return body.trimmed().startsWith("response_error:");
}

QString serverErrorText(const QByteArray &body)
{
    const QString text =
        QString::fromUtf8(body.trimmed().mid(int(qstrlen("response_error:")))).trimmed();
    return text.isEmpty() ? QStringLiteral("response_error") : text.left(500);
}

} // namespace

QString Failure::describe() const
{
    const char *what = nullptr;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::SessionLost:
        what = QT_TRANSLATE_NOOP("rs::Kingdee",
                                 "Kingdee lost the session and logging in again did not help");
        break;
    case Kind::Authentication:
        what = QT_TRANSLATE_NOOP(
            "rs::Kingdee",
            "Kingdee refused the connection: check the address, data centre, user, password or"
            " app secret, and the user's permissions");
        break;
    case Kind::Busy:
        what = QT_TRANSLATE_NOOP("rs::Kingdee", "Kingdee is busy or could not be reached");
        break;
    case Kind::OutcomeUnknown:
        what = QT_TRANSLATE_NOOP(
            "rs::Kingdee",
            "the answer to a save was lost, so Kingdee may or may not have saved the bills; they"
            " are looked up before anything is sent again");
        break;
    case Kind::Rejected:
        what = QT_TRANSLATE_NOOP("rs::Kingdee", "Kingdee refused the request");
        break;
    case Kind::Cancelled:
        what = QT_TRANSLATE_NOOP("rs::Kingdee", "the call was cancelled before it was sent");
        break;
    }
    const QString sentence = QCoreApplication::translate("rs::Kingdee", what);
    if (message.isEmpty())
        return sentence;
    if (!field.isEmpty())
        return QCoreApplication::translate("rs::Kingdee", "%1 (Kingdee: %2, field %3)")
            .arg(sentence, message, field);
    return QCoreApplication::translate("rs::Kingdee", "%1 (Kingdee: %2)").arg(sentence, message);
}

Failure FailureClassifier::login(int httpStatus, const QByteArray &body, QString *sessionId)
{
    if (isServerError(body))
        return make(Kind::Authentication, serverErrorText(body), httpStatus);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // 404: the address is not a Kingdee WebAPI. An unknown data centre may answer with an
        // error page naming it. Anything else (a 5xx page, a cut body) may pass on a retry.
        if (httpStatus == 404 || (httpStatus >= 400 && namesDataCentre(body)))
            return make(Kind::Authentication, httpMessage(httpStatus, body), httpStatus);
        return make(Kind::Busy, httpMessage(httpStatus, body), httpStatus);
    }
    const QJsonObject o = doc.object();
    const int result = o.value(QLatin1String("LoginResultType")).toInt(-1);
    const QString message = o.value(QLatin1String("Message")).toString();
    if (result == 1 || result == -5) { // −5 DealWithForm: logged in, a form wants attention
        *sessionId = o.value(QLatin1String("KDSVCSessionId")).toString();
        return {};
    }
    if (!o.contains(QLatin1String("LoginResultType")) && httpStatus >= 500)
        return make(Kind::Busy, httpMessage(httpStatus, body), httpStatus);
    return make(Kind::Authentication,
                message.isEmpty() ? QStringLiteral("LoginResultType %1").arg(result) : message,
                httpStatus, result);
}

Failure FailureClassifier::status(const QJsonObject &responseStatus)
{
    if (responseStatus.value(QLatin1String("IsSuccess")).toBool())
        return {};
    const int msgCode = responseStatus.value(QLatin1String("MsgCode")).toInt();
    const QJsonArray errors = responseStatus.value(QLatin1String("Errors")).toArray();
    const QJsonObject first = errors.first().toObject();
    const QString message = first.value(QLatin1String("Message")).toString();
    const QString field = first.value(QLatin1String("FieldName")).toString();
    const bool savedSomething =
        !responseStatus.value(QLatin1String("SuccessEntitys")).toArray().isEmpty();
    Kind kind = Kind::Rejected;
    if (!savedSomething) {
        if (msgCode == kSessionLost)
            kind = Kind::SessionLost;
        else if (msgCode == kNoPermission || msgCode == kLicence || msgCode == kAdminLoginForbidden)
            kind = Kind::Authentication;
        else if (msgCode == kCallLimit)
            kind = Kind::Busy;
        else if (message.contains(QStringLiteral("会话信息已丢失"))) // some servers omit MsgCode
            kind = Kind::SessionLost;
    }
    return make(kind, message, 200, msgCode, field);
}

Failure FailureClassifier::unreadableSave(int httpStatus, const QByteArray &body)
{
    // An error text is still no per-bill answer: whether some bills were saved before the
    // server failed is unknown, so they are looked up, never resent blindly.
    if (isServerError(body))
        return make(Kind::OutcomeUnknown, serverErrorText(body), httpStatus);
    return make(Kind::OutcomeUnknown, httpMessage(httpStatus, body), httpStatus);
}

Failure FailureClassifier::query(int httpStatus, const QByteArray &body, QList<QJsonArray> *rows)
{
    if (isServerError(body))
        return make(Kind::Rejected, serverErrorText(body), httpStatus);
    QJsonParseError error {};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || doc.isNull()) {
        if (httpStatus == 404)
            return make(Kind::Authentication, httpMessage(httpStatus, body), httpStatus);
        return make(Kind::Busy, httpMessage(httpStatus, body), httpStatus);
    }
    // Errors come as [[{"Result":{"ResponseStatus":…}}]]; some servers answer the bare object.
    QJsonObject wrapped = doc.object();
    const QJsonArray outer = doc.array();
    if (doc.isArray() && outer.size() == 1 && outer.first().toArray().size() == 1
        && outer.first().toArray().first().isObject())
        wrapped = outer.first().toArray().first().toObject();
    if (wrapped.contains(QLatin1String("Result"))) {
        const QJsonObject responseStatus = wrapped.value(QLatin1String("Result"))
                                               .toObject()
                                               .value(QLatin1String("ResponseStatus"))
                                               .toObject();
        Failure f = status(responseStatus);
        if (f.ok()) // a status without rows: nothing found
            return {};
        return f;
    }
    if (!doc.isArray())
        return make(Kind::Busy, httpMessage(httpStatus, body), httpStatus);
    for (const QJsonValue &row : outer)
        rows->append(row.toArray());
    return {};
}

Failure FailureClassifier::transport(QNetworkReply::NetworkError error, const QString &detail,
                                     bool save)
{
    switch (error) {
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        // A certificate or proxy problem does not go away by waiting; TLS is never ignored.
        return make(Kind::Authentication, detail);
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        // No connection was made, so not one byte of the request reached Kingdee.
        return make(Kind::Busy, detail);
    default:
        // Reset, closed, timed out, could not be resent: a save may have been committed.
        return make(save ? Kind::OutcomeUnknown : Kind::Busy, detail);
    }
}

} // namespace rs::kingdee
