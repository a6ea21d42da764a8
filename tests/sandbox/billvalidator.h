#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rs::sandbox {

struct FieldError
{
    QString field; // Kingdee's FieldName, e.g. "FCONTACTUNIT"
    QString message;
    int msgCode = 11;
};

// Checks one AR_OtherRecAble model against the base data the sandbox's Kingdee knows, with
// Kingdee's own messages: required fields, base-data numbers (customers, organisations, bill
// type, currency, cost items), dates, amounts and unknown field keys.
std::optional<FieldError> validateOtherReceivable(const QJsonObject &model);

// The model with its keys spelled as Kingdee's metadata spells them (FDATE for "FDate" or
// "fdate", in FEntity too) and every base-data reference as {"FNumber":"<text>"}, however it
// came ({"FNUMBER":…}, {"FNumber":100}). Unknown keys stay as sent, so errors name them so.
QJsonObject canonicalOtherReceivable(const QJsonObject &model);

} // namespace rs::sandbox
