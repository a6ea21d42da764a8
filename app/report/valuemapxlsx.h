#pragma once

#include "app/mapping/schemedocument.h"

#include <QCoreApplication>

namespace rs::report {

// A value map as a real .xlsx (libxlsxwriter): one sheet named after the map, a bold frozen
// header row with filters, both columns text (a Kingdee number such as 0001 keeps its zeros).
class ValueMapXlsx final
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::ValueMapXlsx)

public:
    // False with the reason in `error` when the file could not be written.
    static bool write(const ValueMapTable &table, const QString &path, QString *error);
};

} // namespace rs::report
