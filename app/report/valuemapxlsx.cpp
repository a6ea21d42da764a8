#include "app/report/valuemapxlsx.h"

#include "app/mapping/valuemapimport.h"
#include "app/report/xlsxreader.h"

#include <QDir>
#include <QFileInfo>

#include <xlsxwriter.h>

namespace rs::report {

bool ValueMapXlsx::write(const ValueMapTable &table, const QString &path, QString *error)
{
    const QByteArray file = QDir::toNativeSeparators(path).toLocal8Bit();
    lxw_workbook *book = workbook_new(file.constData());
    if (!book) {
        *error = tr("Cannot create %1.").arg(path);
        return false;
    }
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *text = workbook_add_format(book);
    format_set_num_format(text, "@");
    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    QString sheetName = table.name.left(31);
    for (const QChar c : QStringLiteral("[]:*?/\\"))
        sheetName.replace(c, QLatin1Char('_'));
    lxw_worksheet *sheet = workbook_add_worksheet(
        book, sheetName.isEmpty() ? nullptr : sheetName.toUtf8().constData());
    worksheet_write_string(sheet, 0, 0, tr("Source value").toUtf8().constData(), bold);
    worksheet_write_string(sheet, 0, 1, tr("Kingdee value").toUtf8().constData(), bold);
    worksheet_set_column(sheet, 0, 1, 28, nullptr);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_autofilter(sheet, 0, 0, lxw_row_t(table.rows.size()), 1);
    lxw_row_t row = 1;
    for (const auto &[from, to] : table.rows) {
        worksheet_write_string(sheet, row, 0, from.toUtf8().constData(), text);
        worksheet_write_string(sheet, row, 1, to.toUtf8().constData(), text);
        ++row;
    }
    const lxw_error result = workbook_close(book);
    if (result != LXW_NO_ERROR) {
        *error = tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw_strerror(result)));
        return false;
    }
    return true;
}

std::optional<QList<std::pair<QString, QString>>> ValueMapXlsx::read(const QString &path,
                                                                     QString *error)
{
    const std::optional<QList<SheetRow>> sheet = XlsxReader::readFirstSheet(path, error);
    if (!sheet)
        return std::nullopt;
    QList<ValueMapImport::Row> rows;
    for (const SheetRow &row : *sheet)
        rows.append({row.number, row.cells});
    QString reason;
    auto entries = ValueMapImport::rows(rows, &reason);
    if (!entries)
        *error = tr("%1: %2").arg(QFileInfo(path).fileName(), reason);
    return entries;
}

} // namespace rs::report
