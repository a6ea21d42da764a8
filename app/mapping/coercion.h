#pragma once

#include "app/mapping/datetimetext.h"
#include "app/mapping/decimal.h"

#include <QString>

#include <optional>

namespace rs {

class Value;

// The conversions MySQL does implicitly, made strict for money: text that is not a number is an
// error (MySQL would silently read 0). Each takes a non-NULL value and sets `error` (naming the
// value) when it fails.
namespace coerce {
std::optional<Decimal> toNumber(const Value &value, QString *error);
std::optional<DateTimeText> toDate(const Value &value, QString *error);
// For WHEN, IF, AND, OR, NOT: numbers are true when not zero.
std::optional<bool> toCondition(const Value &value, QString *error);
// −1, 0, 1: numerically when either side is a number or boolean, as dates when either is a
// date, otherwise as text (exact, case-sensitive).
std::optional<int> compare(const Value &a, const Value &b, QString *error);
} // namespace coerce

} // namespace rs
