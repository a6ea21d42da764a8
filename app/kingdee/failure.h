#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QString>

namespace rs::kingdee {

// What went wrong with one Kingdee call, classified by what the caller must do about it.
struct Failure
{
    enum class Kind {
        None,
        SessionLost, // MsgCode 1: log in again and resend once (nothing was saved)
        Authentication, // login refused, wrong data centre or address, no permission, bad
                        // signature, TLS: stop the run, the user must fix the settings (exit 2)
        Busy, // 5xx, call limit, or a transport failure before anything could be processed:
              // retried (logins and queries; a save only when it certainly did not go out)
        OutcomeUnknown, // a save went out and its answer was lost, cut, late or unreadable:
                        // Kingdee may hold the bills; look them up by key, never resend blindly
        Rejected, // Kingdee answered with errors
        Cancelled, // dropped from the queue by cancel() or by a failure that stopped the run
    };
    Kind kind = Kind::None;
    int msgCode = 0; // Kingdee's MsgCode, or LoginResultType for a login
    int httpStatus = 0; // 0: no HTTP answer
    QString field; // Kingdee's FieldName, when it names one
    QString message; // Kingdee's own words (or Qt's, for a transport failure)

    bool ok() const { return kind == Kind::None; }
    bool stopsTheRun() const { return kind == Kind::Authentication; }
    // The clerk's sentence: what happened, in their language, with Kingdee's own words.
    QString describe() const;
};

// Reads Kingdee's answers into failures. Pure: unit-tested on the shared fixtures.
class FailureClassifier final
{
public:
    // A login answer (LoginResultType 1 and −5 succeed). On success `sessionId` is set.
    static Failure login(int httpStatus, const QByteArray &body, QString *sessionId);
    // A ResponseStatus object ({"IsSuccess", "Errors", "MsgCode", …}).
    static Failure status(const QJsonObject &responseStatus);
    // A BatchSave answer that is not JSON at all. After a save went out this is OutcomeUnknown.
    static Failure unreadableSave(int httpStatus, const QByteArray &body);
    // An ExecuteBillQuery answer: rows on success, or the failure it carries.
    static Failure query(int httpStatus, const QByteArray &body, QList<QJsonArray> *rows);
    // No HTTP answer. `save`: the call was a save, so unless the error proves the request never
    // left, its outcome is unknown.
    static Failure transport(QNetworkReply::NetworkError error, const QString &detail, bool save);
};

} // namespace rs::kingdee
