#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `store migrate --to postgresql`: copies the profile's SQLite store into the empty ledger that
// [store] names, checks row counts and exact money totals, and leaves the SQLite file in place.
class StoreCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::StoreCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
