#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `list [--state STATE] [--json]`: applications with their approval and sync state.
class ListCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::ListCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
