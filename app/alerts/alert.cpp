#include "app/alerts/alert.h"

namespace rs::alerts {

QString Alert::line() const
{
    return text.isEmpty() ? title : title + QStringLiteral(": ") + text;
}

} // namespace rs::alerts
