#pragma once

#include "app/mapping/schemedocument.h"

#include <QByteArray>
#include <QCoreApplication>

#include <optional>

namespace rs {

// A value map as CSV, for Excel: a header row, then one "source value","Kingdee value" row per
// entry; UTF-8 with a BOM, CRLF, RFC 4180 quoting, formula-looking cells defused (csvField).
struct ValueMapCsv
{
    Q_DECLARE_TR_FUNCTIONS(rs::ValueMapCsv)

public:
    static QByteArray write(const ValueMapTable &table);
    // The rows of a CSV file, checked as ValueMapImport checks every imported map.
    static std::optional<QList<std::pair<QString, QString>>> read(const QByteArray &csv,
                                                                  QString *error);
};

} // namespace rs
