#include "app/mapping/valuemapimport.h"

#include <QHash>

namespace rs {

std::optional<QList<std::pair<QString, QString>>> ValueMapImport::rows(const QList<Row> &rows,
                                                                       QString *error)
{
    QList<std::pair<QString, QString>> entries;
    QHash<QString, int> seen; // source value → its row
    bool header = true;
    for (const Row &row : rows) {
        QStringList cells = row.cells;
        // Trailing empty cells are no cells: "a," has one cell, as has a sheet row with only A.
        while (!cells.isEmpty() && cells.constLast().trimmed().isEmpty())
            cells.removeLast();
        if (cells.isEmpty())
            continue; // a blank line
        if (header) {
            header = false;
            continue;
        }
        if (cells.size() != 2) {
            *error = tr("Row %1 has %2 cells; each row needs two: the source value and the "
                        "Kingdee value.")
                         .arg(row.number)
                         .arg(cells.size());
            return std::nullopt;
        }
        const QString &from = cells.at(0);
        if (from.isEmpty()) {
            *error = tr("Row %1 has no source value.").arg(row.number);
            return std::nullopt;
        }
        if (seen.contains(from)) {
            *error = tr("Row %1: \"%2\" is listed twice (first in row %3).")
                         .arg(row.number)
                         .arg(from)
                         .arg(seen.value(from));
            return std::nullopt;
        }
        seen.insert(from, row.number);
        entries.append({from, cells.at(1)});
    }
    if (entries.isEmpty()) {
        *error = tr("There is no row under the header, so nothing to import: the map is left as "
                    "it was.");
        return std::nullopt;
    }
    return entries;
}

} // namespace rs
