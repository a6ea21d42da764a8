#include "app/report/xlsxexport.h"

#include <QDir>

#include <xlsxwriter.h>

#include <cstdlib>

namespace rs::report {
namespace {

// The closest double to the exact decimal text: what Excel stores for any number, and it reads
// back as the same text for money (at most 15 significant digits).
double numberOf(const QString &amount)
{
    return std::strtod(amount.toLatin1().constData(), nullptr);
}

} // namespace

QString XlsxExport::kindName(const QString &kind)
{
    if (kind == QLatin1String("missing_in_kingdee"))
        return tr("Missing in Kingdee");
    if (kind == QLatin1String("amount_differs"))
        return tr("Amount differs");
    if (kind == QLatin1String("extra_in_kingdee"))
        return tr("Extra in Kingdee");
    if (kind == QLatin1String("duplicate_in_kingdee"))
        return tr("Duplicate in Kingdee");
    if (kind == QLatin1String("revoked_not_reversed"))
        return tr("Revoked, not reversed");
    return kind;
}

bool XlsxExport::write(const ReconcileReport &report, const QString &path, QString *error)
{
    const QByteArray file = QDir::toNativeSeparators(path).toLocal8Bit();
    lxw_workbook *book = workbook_new(file.constData());
    if (!book) {
        *error = tr("Cannot create %1.").arg(path);
        return false;
    }
    lxw_format *bold = workbook_add_format(book);
    format_set_bold(bold);
    lxw_format *money = workbook_add_format(book);
    format_set_num_format(money, "#,##0.00");
    lxw_format *text = workbook_add_format(book);
    format_set_num_format(text, "@");

    const auto utf8 = [](const QString &s) {
        return s.toUtf8();
    };
    const auto writeText = [&](lxw_worksheet *sheet, int row, int col, const QString &value) {
        worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(col), utf8(value).constData(),
                               text);
    };
    const auto writeMoney = [&](lxw_worksheet *sheet, int row, int col, const QString &value) {
        if (!value.isEmpty())
            worksheet_write_number(sheet, lxw_row_t(row), lxw_col_t(col), numberOf(value), money);
    };
    const auto header = [&](lxw_worksheet *sheet, const QStringList &titles, int rows) {
        for (int c = 0; c < titles.size(); ++c)
            worksheet_write_string(sheet, 0, lxw_col_t(c), utf8(titles.at(c)).constData(), bold);
        worksheet_freeze_panes(sheet, 1, 0);
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(rows), lxw_col_t(titles.size() - 1));
    };

    lxw_worksheet *differences = workbook_add_worksheet(book, utf8(tr("Differences")).constData());
    header(differences,
           {tr("Kind"), tr("Approval number"), tr("Bill key"), tr("Kingdee bill number"),
            tr("DingTalk amount"), tr("Kingdee amount"), tr("Application id")},
           int(report.differences.size()));
    worksheet_set_column(differences, 0, 0, 16, nullptr);
    worksheet_set_column(differences, 1, 3, 26, nullptr);
    worksheet_set_column(differences, 4, 5, 16, nullptr);
    worksheet_set_column(differences, 6, 6, 26, nullptr);
    int row = 1;
    for (const Difference &d : report.differences) {
        writeText(differences, row, 0, kindName(d.kind));
        writeText(differences, row, 1, d.businessId);
        writeText(differences, row, 2, d.key);
        writeText(differences, row, 3, d.number);
        writeMoney(differences, row, 4, d.dingtalkAmount);
        writeMoney(differences, row, 5, d.kingdeeAmount);
        writeText(differences, row, 6, d.application);
        ++row;
    }

    lxw_worksheet *totals = workbook_add_worksheet(book, utf8(tr("Totals")).constData());
    header(totals,
           {tr("Organisation"), tr("Customer"), tr("DingTalk amount"), tr("Kingdee amount")},
           int(report.totals.size()));
    worksheet_set_column(totals, 0, 1, 18, nullptr);
    worksheet_set_column(totals, 2, 3, 18, nullptr);
    row = 1;
    for (const Total &t : report.totals) {
        const QString customer = t.level == Total::Level::Customer ? t.customer
            : t.level == Total::Level::Organisation                ? tr("All customers")
                                                                   : QString();
        writeText(totals, row, 0, t.level == Total::Level::All ? tr("Total") : t.organisation);
        writeText(totals, row, 1, customer);
        writeMoney(totals, row, 2, t.dingtalk);
        writeMoney(totals, row, 3, t.kingdee);
        ++row;
    }

    const lxw_error result = workbook_close(book);
    if (result != LXW_NO_ERROR) {
        *error = tr("Cannot write %1: %2").arg(path, QString::fromUtf8(lxw_strerror(result)));
        return false;
    }
    return true;
}

} // namespace rs::report
