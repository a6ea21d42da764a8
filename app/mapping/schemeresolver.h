#pragma once

#include "app/mapping/schemeloader.h"

#include <QStringList>

namespace rs {

// The built-in schemes, as `builtin:NAME` would name them (without the prefix).
QStringList builtinSchemes();

// Loads the scheme `[sync] scheme` names: `builtin:NAME` (compiled in), or the file name of a
// .json file in the profile's schemes/ folder (`schemesDir`). The error says which of these was
// tried and what went wrong (unknown built-in, missing file, path outside the folder, invalid
// scheme).
SchemeLoadResult resolveScheme(const QString &setting, const QString &schemesDir);

} // namespace rs
