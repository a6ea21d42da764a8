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

} // namespace rs::sandbox
