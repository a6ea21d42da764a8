#pragma once

#include "app/report/reconciliation.h"

#include <QCoreApplication>

class QIODevice;

namespace rs {

// The reconciliation as CSV for Excel on a Chinese Windows: UTF-8 with a BOM, CRLF, the
// differences then the totals, each under its header row. 审批编号 is written as ="…" so Excel
// keeps it as text with all 21 digits (as a number it would keep 15 and show 1.23E+20); every
// other cell goes through csvField, which quotes and defuses formulas.
class ReconcileCsv final
{
    Q_DECLARE_TR_FUNCTIONS(rs::ReconcileCsv)

public:
    // False with a translated `error` when the device refused the bytes.
    static bool write(QIODevice &device, const report::ReconcileReport &report,
                      QString *error = nullptr);
    // ="123…" for a cell of digits only (an id Excel must not turn into a number); otherwise
    // the cell as csvField writes it.
    static QString textCell(const QString &text);
};

} // namespace rs
