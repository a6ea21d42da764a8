#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace rs::cli {

struct Context;

// `preview ID [--json]`: the BatchSave body the application's bills make under the configured
// scheme, with the issues that stop them. Exit 0 when every bill is sendable; 1 when there are
// issues, no bill, or no such application; 2 when the profile, database or scheme is unusable.
class PreviewCommand final
{
    Q_DECLARE_TR_FUNCTIONS(rs::cli::PreviewCommand)

public:
    static int run(const Context &context, const QStringList &arguments);
};

} // namespace rs::cli
