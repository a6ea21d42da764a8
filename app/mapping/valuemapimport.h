#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace rs {

// The rows of a value map read from a file (CSV, or an .xlsx sheet), checked the same way for
// both: the first row with anything in it is the header; every other row that is not blank
// needs exactly two cells, a source value and a Kingdee value, and a source value not seen
// before. A file with no row under its header is refused too: importing it would empty the map.
struct ValueMapImport
{
    Q_DECLARE_TR_FUNCTIONS(rs::ValueMapImport)

public:
    struct Row
    {
        int number = 0; // as the clerk finds it: the CSV row, Excel's row number
        QStringList cells;
    };

    // Nothing, with the row named, when a row is wrong.
    static std::optional<QList<std::pair<QString, QString>>> rows(const QList<Row> &rows,
                                                                  QString *error);
};

} // namespace rs
