// Rows mapped per second: realistic rebate applications (4 rows, 2–3 customers each) through the
// built-in scheme. Prints one JSON line; exits non-zero when the bills or their total are wrong.
#include "app/mapping/customerlabel.h"
#include "app/mapping/decimal.h"
#include "app/mapping/mapper.h"
#include "app/mapping/scheme.h"
#include "app/mapping/schemeresolver.h"
#include "app/store/records.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

#include <cstdio>
#include <ctime>

using namespace rs;

namespace {

constexpr int kRowsPerApplication = 4;

// Amounts as DingTalk sends them: integers, cents, and now and then thousands separators.
QString amountText(int row)
{
    const int cents = (row * 7919) % 5000000 + 1;
    const QString plain =
        QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
    if (row % 5 == 0)
        return QString::number(cents / 100 + 1);
    if (row % 7 == 0 && cents >= 100000)
        return QStringLiteral("%1,%2.%3")
            .arg(cents / 100000)
            .arg((cents / 100) % 1000, 3, 10, QLatin1Char('0'))
            .arg(cents % 100, 2, 10, QLatin1Char('0'));
    return plain;
}

struct Workload
{
    QList<ApplicationRecord> applications;
    int expectedBills = 0;
    Decimal expectedTotal; // sum of every row's amount, before negation
    int rows = 0;
};

Workload makeWorkload(int rows)
{
    Workload w;
    const int applications = (rows + kRowsPerApplication - 1) / kRowsPerApplication;
    for (int a = 0; a < applications; ++a) {
        ApplicationRecord record;
        record.id = QStringLiteral("pi-%1").arg(a);
        record.approval = ApprovalState::Approved;
        QJsonObject header {
            {QStringLiteral("申请日期"),
             QStringLiteral("2025-03-%1").arg(a % 28 + 1, 2, 10, QLatin1Char('0'))},
            {QStringLiteral("组织"), QStringLiteral("100")},
            {QStringLiteral("返利类型"), QStringLiteral("季度返利")},
            {QStringLiteral("申请说明"), QStringLiteral("null")},
            {QStringLiteral("business_id"),
             QStringLiteral("2025030310%1").arg(a, 11, 10, QLatin1Char('0'))},
            {QStringLiteral("title"), QStringLiteral("张三提交的返利发放申请")},
            {QStringLiteral("process_instance_id"), record.id},
            {QStringLiteral("originator_userid"), QStringLiteral("012345678901234567")},
            {QStringLiteral("originator_dept_name"), QStringLiteral("华东销售部")},
            {QStringLiteral("create_time"), QStringLiteral("2025-03-03 10:12:41")},
            {QStringLiteral("finish_time"), QStringLiteral("2025-03-04 09:30:02")}};
        QSet<QString> customers;
        Decimal applicationTotal; // 返利总额（元）, which the scheme checks against the rows
        for (int r = 0; r < kRowsPerApplication && w.rows < rows; ++r, ++w.rows) {
            // Two or three customers per application, one of them on two rows.
            const QString customer =
                QStringLiteral("C%1").arg((a + (r == 3 ? 0 : r)) % 40, 4, 10, QLatin1Char('0'));
            customers.insert(customer);
            const QString amount = amountText(w.rows);
            w.expectedTotal += *Decimal::parse(amount);
            applicationTotal += *Decimal::parse(amount);
            const QJsonObject row {
                {QStringLiteral("表格_客户编码"), customer},
                {QStringLiteral("表格_客户名称"), QStringLiteral("杭州某某商贸有限公司")},
                {QStringLiteral("表格_不含税金额"), amount},
                {QStringLiteral("表格_返利归属期间"), QStringLiteral("2025-Q1")},
                {QStringLiteral("表格_明细备注"), QStringLiteral("一季度返利")}};
            record.rowsJson.append(QJsonDocument(row).toJson(QJsonDocument::Compact));
        }
        header.insert(QStringLiteral("返利总额（元）"), applicationTotal.toString(2));
        record.fieldsJson = QJsonDocument(header).toJson(QJsonDocument::Compact);
        w.expectedBills += int(customers.size());
        w.applications.append(record);
    }
    return w;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption rowsOption(QStringLiteral("rows"),
                                        QStringLiteral("Flattened rows to map."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    parser.addOption(rowsOption);
    const QCommandLineOption labelsOption(
        QStringLiteral("labels"),
        QStringLiteral("Also time the customer labels (名称（编码）) the fetch stores per bill."));
    parser.addOption(labelsOption);
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    QTextStream err(stderr);
    if (rows <= 0) {
        err << "--rows must be a positive number\n";
        return 2;
    }

    const SchemeLoadResult loaded =
        resolveScheme(QStringLiteral("builtin:rebate-to-other-receivable"), QString());
    if (!loaded.scheme) {
        err << loaded.error << '\n';
        return 1;
    }
    const Workload workload = makeWorkload(rows);
    const QDateTime fixedNow(QDate(2025, 3, 4), QTime(9, 30));
    const Clock clock = [fixedNow] {
        return fixedNow;
    };

    // CPU time is what "rows per second on one core" means, and it does not move when the
    // machine is busy with something else; the wall time is printed beside it.
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpuStart = std::clock();
    int bills = 0;
    int issues = 0;
    Decimal total;
    for (const ApplicationRecord &application : workload.applications) {
        const MappingResult result = mapApplication(application, *loaded.scheme, clock);
        issues += int(result.issues.size());
        for (const BillDraft &bill : result.bills) {
            ++bills;
            total += *Decimal::parse(bill.amount);
        }
    }
    const double cpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    std::printf("{\"bench\":\"mapping\",\"rows\":%d,\"applications\":%d,\"bills\":%d,"
                "\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"rows_per_s\":%.0f}\n",
                workload.rows, int(workload.applications.size()), bills, seconds, cpuSeconds,
                cpuSeconds > 0 ? workload.rows / cpuSeconds : 0.0);
    if (parser.isSet(labelsOption)) {
        // What the fetch adds per application: a label per bill from its first row.
        QList<MappingResult> mapped;
        mapped.reserve(workload.applications.size());
        for (const ApplicationRecord &application : workload.applications)
            mapped.append(mapApplication(application, *loaded.scheme, clock));
        const std::clock_t labelStart = std::clock();
        qsizetype characters = 0;
        for (qsizetype a = 0; a < mapped.size(); ++a) {
            for (const BillDraft &bill : mapped.at(a).bills)
                characters +=
                    customerLabel(bill, workload.applications.at(a), *loaded.scheme).size();
        }
        const double labelSeconds = double(std::clock() - labelStart) / CLOCKS_PER_SEC;
        std::printf("{\"bench\":\"customer_labels\",\"bills\":%d,\"cpu_seconds\":%.3f,"
                    "\"us_per_bill\":%.2f,\"characters\":%lld}\n",
                    bills, labelSeconds, bills > 0 ? labelSeconds * 1e6 / bills : 0.0,
                    qlonglong(characters));
    }
    const Decimal expected = -workload.expectedTotal;
    if (issues != 0 || bills != workload.expectedBills || total != expected) {
        err << "wrong result: " << issues << " issues, " << bills << " bills (expected "
            << workload.expectedBills << "), total " << total.toString() << " (expected "
            << expected.toString(2) << ")\n";
        return 1;
    }
    return 0;
}
