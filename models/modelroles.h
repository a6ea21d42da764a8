#pragma once

#include <Qt>

namespace rs {

// The raw value behind a cell (a number, a date, an exact decimal as text), for sorting and
// tests; DisplayRole carries the formatted text.
inline constexpr int UnderlyingDataRole = Qt::UserRole;

} // namespace rs
