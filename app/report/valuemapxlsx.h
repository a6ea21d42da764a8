#pragma once

#include "app/mapping/schemedocument.h"

#include <QCoreApplication>

#include <optional>

namespace rs::report {

// A value map as a real .xlsx (libxlsxwriter): one sheet named after the map, a bold frozen
// header row with filters, both columns text (a Kingdee number such as 0001 keeps its zeros).
// Read back from the first sheet of any workbook (XlsxReader): a header row, then column A the
// source value and column B the Kingdee value, checked as every import is (ValueMapImport).
class ValueMapXlsx final
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::ValueMapXlsx)

public:
    // False with the reason in `error` when the file could not be written.
    static bool write(const ValueMapTable &table, const QString &path, QString *error);
    // The rows of the workbook at `path`; nothing, with the reason, when it cannot be imported.
    static std::optional<QList<std::pair<QString, QString>>> read(const QString &path,
                                                                  QString *error);
};

} // namespace rs::report
