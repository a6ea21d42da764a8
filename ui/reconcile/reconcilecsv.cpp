#include "ui/reconcile/reconcilecsv.h"

#include "app/report/xlsxexport.h"
#include "models/csvexport.h"

#include <QIODevice>
#include <QRegularExpression>

namespace rs {
namespace {

QString line(const QStringList &cells)
{
    return cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QStringList fields(const QStringList &texts)
{
    QStringList out;
    for (const QString &text : texts)
        out.append(csvField(text));
    return out;
}

} // namespace

QString ReconcileCsv::textCell(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]+$"));
    if (digits.match(text).hasMatch())
        return QStringLiteral("=\"") + text + QLatin1Char('"');
    return csvField(text);
}

bool ReconcileCsv::write(QIODevice &device, const report::ReconcileReport &report, QString *error)
{
    QString out;
    out +=
        line(fields({tr("Kind"), tr("Approval number"), tr("Bill key"), tr("Kingdee bill number"),
                     tr("DingTalk amount"), tr("Kingdee amount"), tr("Application id")}));
    for (const report::Difference &d : report.differences) {
        QStringList cells = fields({report::XlsxExport::kindName(d.kind)});
        cells.append(textCell(d.businessId));
        cells += fields({d.key, d.number, d.dingtalkAmount, d.kingdeeAmount, d.application});
        out += line(cells);
    }
    out += QStringLiteral("\r\n");
    out += line(
        fields({tr("Organisation"), tr("Customer"), tr("DingTalk amount"), tr("Kingdee amount")}));
    for (const report::Total &t : report.totals) {
        const QString organisation =
            t.level == report::Total::Level::All ? tr("Total") : t.organisation;
        const QString customer = t.level == report::Total::Level::Customer ? t.customer
            : t.level == report::Total::Level::Organisation                ? tr("All customers")
                                                                           : QString();
        out += line(fields({organisation, customer, t.dingtalk, t.kingdee}));
    }
    const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + out.toUtf8();
    if (device.write(bytes) != bytes.size()) {
        if (error)
            *error = tr("Cannot write the file: %1").arg(device.errorString());
        return false;
    }
    return true;
}

} // namespace rs
