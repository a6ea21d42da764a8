#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace rs::report {

// One row of a worksheet as Excel numbers it (1-based); cells[0] is column A, and a cell Excel
// left out (empty) is empty text.
struct SheetRow
{
    int number = 0;
    QStringList cells;
};

// The first worksheet of an .xlsx workbook as text: shared strings, inline strings, formula
// results, booleans (TRUE/FALSE) and numbers as Excel stored them ("100", "1.5"). Its own small
// reader (ZipReader + QXmlStreamReader) rather than a library: a value map needs only this.
// An old .xls, a password-protected workbook, a file that is no workbook, a damaged one or a
// cell holding an Excel error (#N/A) is refused with the reason, in the clerk's language.
class XlsxReader final
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::XlsxReader)

public:
    static std::optional<QList<SheetRow>> readFirstSheet(const QString &path, QString *error);
    // `name` is the file's name for messages.
    static std::optional<QList<SheetRow>> firstSheet(const QByteArray &bytes, const QString &name,
                                                     QString *error);
};

} // namespace rs::report
