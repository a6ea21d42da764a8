#include "app/mapping/applicationchecks.h"

#include "app/mapping/billchecks.h"
#include "app/mapping/decimal.h"
#include "app/mapping/scheme.h"
#include "app/mapping/sourcefields.h"

#include <QCoreApplication>

namespace rs {
namespace {

QString textOf(const SourceFields &fields, const QString &name)
{
    const Value *value = fields.find(name);
    return value ? value->toText() : QString();
}

// The header's total must equal the rows' sum exactly: a total typed by the applicant that
// disagrees with the table means one of them is wrong, and no bill should guess which.
void headerTotal(const CheckSpec &check, const SourceFields &header,
                 const QList<SourceFields> &rows, QList<MappingIssue> &issues)
{
    const auto fail = [&](const QString &field, const QString &why) {
        issues.append({QString(), field, checkFailure(check, why)});
    };
    const QString totalText = textOf(header, check.header);
    if (totalText.trimmed().isEmpty()) {
        fail(check.header,
             QCoreApplication::translate("rs::Mapping",
                                         "the application has no %1 to check its rows against")
                 .arg(check.header));
        return;
    }
    const std::optional<Decimal> total = Decimal::parse(totalText);
    if (!total) {
        fail(check.header,
             QCoreApplication::translate("rs::Mapping", "%1 \"%2\" is not a number")
                 .arg(check.header, totalText));
        return;
    }
    try {
        Decimal sum;
        for (const SourceFields &row : rows) {
            const QString text = textOf(row, check.column);
            const std::optional<Decimal> number = Decimal::parse(text);
            // Undecided, not failed: that row's own bill already says its amount is no number,
            // and the other customers' bills stay sendable.
            if (!number)
                return;
            sum += *number;
        }
        if (sum != *total) {
            fail(check.header,
                 QCoreApplication::translate(
                     "rs::Mapping",
                     "the application's %1 is %2, but its %n row(s) of %3 add up to %4", nullptr,
                     int(rows.size()))
                     .arg(check.header, total->toString(), check.column, sum.toString()));
        }
    } catch (const DecimalOverflow &) {
        fail(check.column,
             QCoreApplication::translate("rs::Mapping",
                                         "a number grew beyond 38 digits (overflow)"));
    }
}

} // namespace

void runApplicationChecks(const Scheme &scheme, const SourceFields &header,
                          const QList<SourceFields> &rows, QList<MappingIssue> &issues)
{
    for (const CheckSpec &check : scheme.checks) {
        if (check.kind != CheckSpec::Kind::HeaderTotal)
            continue;
        const qsizetype before = issues.size();
        headerTotal(check, header, rows, issues);
        for (qsizetype i = before; i < issues.size(); ++i)
            issues[i].check = checkName(check);
    }
}

} // namespace rs
