#include "app/cli/clicontext.h"

#include "app/store/database.h"

namespace rs::cli {

bool Context::openDatabase(Database &database) const
{
    QString problem;
    if (!profile.ensureExists(&problem)) {
        fail(problem);
        return false;
    }
    const StoreError error = database.open();
    if (!error.ok()) {
        fail(error.message);
        return false;
    }
    return true;
}

void Context::fail(const QString &message) const
{
    err << tr("error: %1").arg(message) << Qt::endl;
}

} // namespace rs::cli
