#pragma once

#include "kingdeebooks.h"

#include <QJsonObject>

#include <optional>

namespace rs::sandbox {

// Kingdee's base data as the sandbox holds it, for ExecuteBillQuery on BD_Customer and
// ORG_Organizations: every known customer assigned to every organisation, audited and enabled;
// besides them C8001 (disabled, FForbidStatus B) and C8002 (not audited), which no generated
// application names and BatchSave refuses as it does any customer it cannot use.
class BaseData final
{
public:
    // The answer for a base-data form, or nullopt when `parameters` asks for another form.
    static std::optional<KingdeeBooks::QueryResult> query(const QJsonObject &parameters);
};

} // namespace rs::sandbox
