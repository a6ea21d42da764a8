#include "app/store/billerror.h"

#include <QCoreApplication>

namespace rs {

ErrorRemedy errorRemedy(BillState state, bool retryable, const QString &error)
{
    if (error.isEmpty() || state == BillState::Synced || state == BillState::Reversed)
        return ErrorRemedy::None;
    if (state == BillState::Failed && !retryable)
        return ErrorRemedy::FixFirst;
    return ErrorRemedy::Temporary;
}

QString clerkErrorText(const QString &error, const QString &field)
{
    if (field.isEmpty())
        return error;
    QString words = error;
    const QString fieldFirst = field + QStringLiteral(": ");
    if (words.startsWith(fieldFirst))
        words = words.mid(fieldFirst.size());
    if (words.contains(field))
        return words;
    return QCoreApplication::translate("rs::BillError", "%1 (field %2)").arg(words, field);
}

QString remedyPrefixed(ErrorRemedy remedy, const QString &text)
{
    switch (remedy) {
    case ErrorRemedy::None:
        return text;
    case ErrorRemedy::FixFirst:
        return QCoreApplication::translate("rs::BillError", "Fix first: %1").arg(text);
    case ErrorRemedy::Temporary:
        return QCoreApplication::translate("rs::BillError", "Temporary: %1").arg(text);
    }
    return text;
}

QString remedyAdvice(ErrorRemedy remedy)
{
    switch (remedy) {
    case ErrorRemedy::None:
        return {};
    case ErrorRemedy::FixFirst:
        return QCoreApplication::translate(
            "rs::BillError",
            "Kingdee refuses this bill as it stands: correct it in Kingdee or DingTalk first; "
            "Retry Failed alone will not help.");
    case ErrorRemedy::Temporary:
        return QCoreApplication::translate(
            "rs::BillError",
            "A passing problem (network, session, Kingdee busy): sending it again may pass.");
    }
    return {};
}

} // namespace rs
