#pragma once

#include <QString>

namespace rs {

struct ApplicationRecord;
struct BillDraft;
struct Scheme;

// "杭州某某商贸有限公司（C0001）": a bill's customer as a clerk reads it, the name the application
// gives beside the number Kingdee knows it by (FCONTACTUNIT's FNumber, after the scheme's value
// map and parser). Either alone when only one is known; nothing is asked of Kingdee.
QString customerLabel(const QString &name, const QString &number);

// The label of one mapped bill of `application`. The name is the row column beside the group's
// code (表格_客户编码 → 表格_客户名称), else a column called 客户名称, on the bill's first row.
QString customerLabel(const BillDraft &bill, const ApplicationRecord &application,
                      const Scheme &scheme);

} // namespace rs
