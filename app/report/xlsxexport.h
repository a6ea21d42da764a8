#pragma once

#include "app/report/reconciliation.h"

#include <QCoreApplication>

namespace rs::report {

// The reconciliation as a real .xlsx (libxlsxwriter): a sheet of differences and one of totals,
// money as numbers in a "#,##0.00" format, 审批编号 and keys as text (Excel keeps all 21 digits),
// a frozen header row and filters.
class XlsxExport final
{
    Q_DECLARE_TR_FUNCTIONS(rs::report::XlsxExport)

public:
    // False with the reason in `error` when the file could not be written.
    static bool write(const ReconcileReport &report, const QString &path, QString *error);
    // The clerk's name of a difference kind (缺少、金额不符 …).
    static QString kindName(const QString &kind);
};

} // namespace rs::report
